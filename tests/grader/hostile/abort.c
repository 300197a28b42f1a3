/* hostile: abort().  expect: crashed with SIGABRT */
#include <stdlib.h>

double twice(double x)
{
    (void)x;
    abort();
}
