/* hostile: exit(0) inside the graded function, hoping to look finished.
 * expect: crashed (exited with status 0) */
#include <stdlib.h>

double twice(double x)
{
    (void)x;
    exit(0);
}
