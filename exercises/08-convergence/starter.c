/* 08-convergence: your solution.  Replace the three bodies; keep the
 * prototypes (they come from exercise.h, which the grader includes).
 * Run:  grader check 8 starter.c   (or the name of your copy) */
#include <math.h>

double gd_rate(double L, double mu)
{
    /* TODO: 1 - mu / L, or NaN for arguments outside 0 <= mu <= L, L > 0. */
    (void)L; (void)mu;
    return 0.0;
}

long gd_iterations_needed(double L, double mu, double r0, double eps)
{
    /* TODO: the smallest k with gd_rate(L, mu)^k * r0 <= eps (see
     * exercise.h for the edge cases and the -1 answers). */
    (void)L; (void)mu; (void)r0; (void)eps;
    return 0;
}

void gd_quadratic_trace(const double *d, int n, const double *x0, double eta, int k,
                        double *out)
{
    /* TODO: out[j] = ||x_j|| for j = 0..k, where x_0 = x0 and each step
     * multiplies component i by 1 - eta d[i].  This placeholder writes 0. */
    (void)d; (void)n; (void)x0; (void)eta;
    for (int j = 0; j <= k; j++)
        out[j] = 0.0;
}
