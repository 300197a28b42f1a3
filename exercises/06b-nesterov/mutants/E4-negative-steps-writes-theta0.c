/* Mutant of 06b-nesterov breaking E4 alone: a negative number of steps is
 * treated as zero, so theta0 is written into the path. */
#include <math.h>
#include <stdlib.h>

void nesterov_path(double *path, const double *theta0, const double *d, int n,
                   int steps, double eta, double beta)
{
    if (n <= 0)
        return;
    for (int i = 0; i < n; i++)
        path[i] = theta0[i];
    if (steps <= 0)
        return;
    double *v = calloc((size_t)n, sizeof *v);
    if (v == NULL) {
        for (long k = n; k < (long)(steps + 1) * n; k++)
            path[k] = NAN;
        return;
    }
    for (int t = 1; t <= steps; t++) {
        const double *prev = path + (long)(t - 1) * n;
        double *theta = path + (long)t * n;
        for (int i = 0; i < n; i++) {
            double ahead = prev[i] + beta * v[i];
            v[i] = beta * v[i] - eta * (2.0 * d[i] * ahead);
            theta[i] = prev[i] + v[i];
        }
    }
    free(v);
}
