/* A mutant of 05-learning-rate for its statement's edge rule E2: a solution
 * that does not test t < 0: the loop does not run and x0 comes back. It breaks
 * that rule and no other; `make exercises-check` verifies that it fails only
 * cases the rule lists (exercises/edge-rules.lua). */
#include <math.h>

/* The iterate is computed as the steps compute it, one multiplication by the
 * factor per step.  That costs t multiplications, but never overflows or
 * underflows early, as pow(factor, t) * x0 can when |x0| is far from 1 (and
 * gives Inf * 0 = NaN for x0 = 0); and multiplying by the factor, rather than
 * forming x - 2 alpha x, keeps an overflowed iterate at +-Inf instead of
 * turning it into Inf - Inf = NaN. */
double gd_iterate(double alpha, double x0, int t)
{
    double factor = 1.0 - 2.0 * alpha;
    double x = x0;
    for (int k = 0; k < t; k++)
        x *= factor;
    return x;
}

/* Decided on alpha itself: for a tiny alpha > 0 the rounded factor
 * 1 - 2 alpha is exactly 1, yet the exact iteration still converges.
 * A NaN fails both comparisons. */
int gd_converges(double alpha)
{
    return alpha > 0.0 && alpha < 1.0;
}

double gd_optimal_alpha(void)
{
    return 0.5;
}
