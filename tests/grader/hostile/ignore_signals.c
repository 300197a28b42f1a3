/* hostile: ignores SIGXCPU and SIGALRM, then loops.  expect: time limit */
#include <signal.h>

double twice(double x)
{
    signal(SIGXCPU, SIG_IGN);
    signal(SIGALRM, SIG_IGN);
    signal(SIGTERM, SIG_IGN);
    volatile double y = x;
    for (;;)
        y += 1.0;
    return y;
}
