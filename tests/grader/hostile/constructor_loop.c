/* hostile: a constructor that spins when the object is loaded, before any
 * case runs.  expect: time limit while loading */
static volatile int spin = 1;

__attribute__((constructor)) static void busy(void)
{
    while (spin)
        ;
}

double twice(double x)
{
    return 2.0 * x;
}
