/* hostile: reserves memory until malloc returns NULL, never touching it,
 * then answers.  expect: passed or memory limit, the grader unharmed */
#include <stdlib.h>

double twice(double x)
{
    while (malloc(1 << 20) != NULL)
        ;
    return 2.0 * x;
}
