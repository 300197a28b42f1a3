/* starter.c -- 08b-power-iteration: replace the placeholder.
 *
 * Grade it with:   grader check 08b-power-iteration my.c
 * (after cp starter.c my.c).  The grader compiles this file with exercise.h
 * included. */
#include <math.h>
#include <stdlib.h>

#include "exercise.h"

/* v = v0 / |v0|; iters times: w = H v (hvp(v, w, n)), lambda = v . w,
 * v = w / |w|.  Return lambda; v_out = the final v. */
double power_iteration(void (*hvp)(const double *v, double *hv, int n), const double *v0,
                       int n, int iters, double *v_out)
{
    (void)hvp;
    (void)iters;
    if (n <= 0)
        return NAN;
    for (int i = 0; i < n; i++)
        v_out[i] = v0[i]; /* TODO: normalise, iterate */
    return 0.0;           /* TODO */
}
