/* hostile: a complete program with main().  expect: passed, with a note */
#include <stdio.h>

double twice(double x)
{
    return 2.0 * x;
}

int main(void)
{
    printf("%g\n", twice(2.385));
    return 0;
}
