/* hostile: lifts its CPU and memory limits.  expect: forbidden operation */
#include <sys/resource.h>

double twice(double x)
{
    struct rlimit r = { RLIM_INFINITY, RLIM_INFINITY };
    setrlimit(RLIMIT_CPU, &r);
    setrlimit(RLIMIT_AS, &r);
    return 2.0 * x;
}
