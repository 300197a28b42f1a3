/* A correct 02-scale that sorts a scratch array with the C library's qsort
 * first: glibc asks the kernel for the memory size (sysinfo) when sorting
 * more than 1 KiB, so the sandbox must allow it. */
#include <stdlib.h>

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

void scale(double *out, const double *x, int n, double a)
{
    double scratch[2000];
    for (int i = 0; i < 2000; i++)
        scratch[i] = (i * 7919) % 2000;
    qsort(scratch, 2000, sizeof *scratch, cmp);
    for (int i = 0; i < n; i++)
        out[i] = a * x[i] + (scratch[0] - scratch[0]);
}

double sum(const double *x, int n)
{
    double s = 0.0;
    for (int i = 0; i < n; i++)
        s += x[i];
    return s;
}
