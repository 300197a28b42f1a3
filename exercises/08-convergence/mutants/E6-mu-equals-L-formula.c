/* A mutant of 08-convergence for its statement's edge rule E6: a solution that
 * lets the formula answer mu = L (log1p(-1) = -inf gives 0). It breaks that
 * rule and no other; `make exercises-check` verifies that it fails only cases
 * the rule lists (exercises/edge-rules.lua). */
#include <limits.h>
#include <math.h>

double gd_rate(double L, double mu)
{
    if (!isfinite(L) || !isfinite(mu) || L <= 0.0 || mu < 0.0 || mu > L)
        return NAN;
    return 1.0 - mu / L;
}

long gd_iterations_needed(double L, double mu, double r0, double eps)
{
    if (isnan(gd_rate(L, mu)) || !(r0 >= 0.0) || !(eps > 0.0))
        return -1;              /* the negated tests also catch NaN */
    if (r0 <= eps)
        return 0;
    if (mu == 0.0)              /* rate 1: the bound never shrinks */
        return -1;
    /* rate^k r0 <= eps  <=>  k >= (log eps - log r0) / log(1 - mu/L).
     * log1p(-mu/L) keeps every digit of mu/L; 1 - mu/L rounded first
     * would lose most of them when mu/L is tiny (at kappa = 1e12 it keeps
     * about four significant digits of mu/L, and k is wrong from its
     * fifth).  log eps - log r0 cannot underflow the way eps / r0 can
     * (1e-300 / 1e300 is 0, whose log is -inf). */
    double k = ceil((log(eps) - log(r0)) / log1p(-mu / L));
    if (!(k < (double)LONG_MAX))   /* 2^63 exactly: larger k do not fit */
        return -1;
    return (long)k;
}

/* Component i of x_j = (1 - eta d_i)^j x0_i, the closed form of j steps.
 * A zero start stays zero even when the factor's power overflows (0 * inf
 * would be NaN). */
static double component(double d, double x0, double eta, int j)
{
    if (x0 == 0.0)
        return 0.0;
    return pow(1.0 - eta * d, j) * x0;
}

/* ||x_j||, scaled by the largest |component| so that the squares neither
 * overflow (components near 1e200) nor underflow (near 1e-200). */
static double distance(const double *d, int n, const double *x0, double eta, int j)
{
    double big = 0.0;
    for (int i = 0; i < n; i++)
        big = fmax(big, fabs(component(d[i], x0[i], eta, j)));
    if (big == 0.0 || isinf(big) || isnan(big))
        return big;
    double s = 0.0;
    for (int i = 0; i < n; i++) {
        double r = component(d[i], x0[i], eta, j) / big;
        s += r * r;
    }
    return big * sqrt(s);
}

void gd_quadratic_trace(const double *d, int n, const double *x0, double eta, int k,
                        double *out)
{
    if (n < 1 || k < 0)
        return;
    for (int j = 0; j <= k; j++)
        out[j] = distance(d, n, x0, eta, j);
}
