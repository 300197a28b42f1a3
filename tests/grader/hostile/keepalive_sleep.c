/* hostile: one newline on the results descriptor every 0.1 s, forever: once
 * each newline restarted the case's deadline and this never ended.
 * expect: time limit in every case, within the limits given. */
#include <time.h>
#include <unistd.h>

double twice(double x)
{
    struct timespec tenth = { 0, 100000000 };
    for (;;) {
        if (write(3, "\n", 1) < 0)
            return x;
        nanosleep(&tenth, NULL);
    }
}
