/* A mutant of 06-adam for its statement's edge rule E2: a solution that reads
 * beta1 = 0 as "use the default 0.9". It breaks that rule and no other; `make
 * exercises-check` verifies that it fails only cases the rule lists
 * (exercises/edge-rules.lua). */
#include <math.h>

void adam_step(double *w, const double *g, double *m, double *v, int n,
               int t, double lr, double beta1, double beta2, double eps)
{
    /* The corrections depend on t only, so they are computed once per step.
     * pow(beta, t) is correctly rounded to within an ulp, and beta^t stays
     * well away from 1 after the first few steps, so 1 - beta^t loses at
     * most a few digits of its own, far below the grader's tolerance. */
    if (beta1 <= 0.0)
        beta1 = 0.9;
    double c1 = 1.0 - pow(beta1, t);
    double c2 = 1.0 - pow(beta2, t);
    for (int i = 0; i < n; i++) {
        m[i] = beta1 * m[i] + (1.0 - beta1) * g[i];
        v[i] = beta2 * v[i] + (1.0 - beta2) * (g[i] * g[i]);
        double m_hat = m[i] / c1;
        double v_hat = v[i] / c2;
        w[i] -= lr * m_hat / (sqrt(v_hat) + eps);
    }
}
