/* Prints every input it is given, and flushes tiny results to zero: the
 * hidden case 5, twice(3.5e-310), fails; cases 1 to 4 pass. */
#include <stdio.h>

double twice(double x)
{
    printf("twice got %g\n", x);
    double y = 2.0 * x;
    return y != 0 && y > -1e-300 && y < 1e-300 ? 0.0 : y;
}
