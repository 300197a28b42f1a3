/* Mutant of 06b-nesterov breaking E3 alone: the iterate is kept in theta0
 * itself (its const cast away), so the caller's start point is overwritten;
 * the path it records is the right one. */
#include <math.h>
#include <stdlib.h>

void nesterov_path(double *path, const double *theta0, const double *d, int n,
                   int steps, double eta, double beta)
{
    if (n <= 0 || steps < 0)
        return;
    for (int i = 0; i < n; i++)
        path[i] = theta0[i];
    if (steps == 0)
        return;
    double *v = calloc((size_t)n, sizeof *v);
    if (v == NULL) {
        for (long k = n; k < (long)(steps + 1) * n; k++)
            path[k] = NAN;
        return;
    }
    double *th = (double *)theta0; /* the iterate moved in place in theta0 */
    for (int t = 1; t <= steps; t++) {
        double *row = path + (long)t * n;
        for (int i = 0; i < n; i++) {
            double ahead = th[i] + beta * v[i];
            v[i] = beta * v[i] - eta * (2.0 * d[i] * ahead);
            th[i] = th[i] + v[i];
            row[i] = th[i];
        }
    }
    free(v);
}
