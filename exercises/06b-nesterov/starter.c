/* starter.c -- 06b-nesterov: replace the placeholder.
 *
 * Grade it with:   grader check 06b-nesterov my.c   (after cp starter.c my.c)
 * The grader compiles this file with exercise.h included. */
#include <stdlib.h>

#include "exercise.h"

/* path[t*n + i] = theta_t[i] for t = 0 .. steps, from theta0 and v = 0:
 * v = beta v - eta * 2 d[i] (theta + beta v), then theta += v. */
void nesterov_path(double *path, const double *theta0, const double *d, int n,
                   int steps, double eta, double beta)
{
    (void)d;
    (void)eta;
    (void)beta;
    if (n <= 0 || steps < 0)
        return;
    /* TODO: this "trajectory" never moves. */
    for (int t = 0; t <= steps; t++)
        for (int i = 0; i < n; i++)
            path[(long)t * n + i] = theta0[i];
}
