/* Mutant of 08b-power-iteration breaking E2 alone: it normalises H v even
 * when H v = 0, so v becomes 0/0 = NaN. */
#include <math.h>
#include <stdlib.h>

static double norm2(const double *x, int n)
{
    double s = 0.0;
    for (int i = 0; i < n; i++)
        s += x[i] * x[i];
    return sqrt(s);
}

double power_iteration(void (*hvp)(const double *v, double *hv, int n), const double *v0,
                       int n, int iters, double *v_out)
{
    if (n <= 0)
        return NAN;
    double *v = malloc(2 * (size_t)n * sizeof *v);
    if (v == NULL) {
        for (int i = 0; i < n; i++)
            v_out[i] = NAN;
        return NAN;
    }
    double *w = v + n;
    double len = norm2(v0, n);
    for (int i = 0; i < n; i++)
        v[i] = v0[i] / len;
    double lambda = NAN;
    if (len > 0) {
        for (int k = 0; k < iters; k++) {
            hvp(v, w, n);
            lambda = 0.0;
            for (int i = 0; i < n; i++)
                lambda += v[i] * w[i];
            double s = norm2(w, n);
            for (int i = 0; i < n; i++)
                v[i] = w[i] / s;
        }
    }
    for (int i = 0; i < n; i++)
        v_out[i] = v[i];
    free(v);
    return lambda;
}
