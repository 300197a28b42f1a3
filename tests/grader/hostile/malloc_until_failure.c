/* hostile: allocates (and touches) memory until malloc fails, then keeps
 * going.  expect: memory limit */
#include <stdlib.h>
#include <string.h>

double twice(double x)
{
    for (;;) {
        char *p = malloc(1 << 20);
        memset(p, 1, 1 << 20);  /* crashes once malloc returns NULL */
    }
    return 2.0 * x;
}
