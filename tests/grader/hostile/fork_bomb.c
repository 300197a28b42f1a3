/* hostile: a fork bomb.  expect: forbidden operation */
#include <unistd.h>

double twice(double x)
{
    for (;;)
        fork();
    return 2.0 * x;
}
