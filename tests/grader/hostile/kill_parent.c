/* hostile: kills the grader.  expect: forbidden operation, grader alive */
#include <signal.h>
#include <unistd.h>

double twice(double x)
{
    kill(getppid(), SIGKILL);
    return 2.0 * x;
}
