/* 06-adam: your solution.  Replace the body of adam_step; keep the
 * prototype (it comes from exercise.h, which the grader includes).
 * Run:  grader check 6 starter.c   (or the name of your copy) */
#include <math.h>

void adam_step(double *w, const double *g, double *m, double *v, int n,
               int t, double lr, double beta1, double beta2, double eps)
{
    /* TODO: for each i < n, update m[i] and v[i], correct them for their
     * zero start with 1 - beta1^t and 1 - beta2^t, then move w[i].
     * This placeholder leaves every array unchanged. */
    (void)w; (void)g; (void)m; (void)v; (void)n;
    (void)t; (void)lr; (void)beta1; (void)beta2; (void)eps;
}
