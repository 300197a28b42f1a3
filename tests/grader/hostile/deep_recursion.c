/* hostile: unbounded recursion.  expect: crashed with SIGSEGV */
static double down(volatile double x, int depth)
{
    volatile char pad[256];
    pad[depth & 255] = (char)depth;
    return down(x + pad[depth & 255], depth + 1) + 1.0;
}

double twice(double x)
{
    return down(x, 0);
}
