/* hostile: a NULL dereference, only for negative inputs, so the other
 * cases still pass after the crash.  expect: crashed with SIGSEGV in case 2 */
#include <stddef.h>

double twice(double x)
{
    double *volatile p = NULL;
    if (x < 0)
        return *p;
    return 2.0 * x;
}
