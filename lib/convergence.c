/*
 * convergence.c -- condition number, the rates of gradient descent, and a
 * checker that runs gradient descent against them.
 */
#include "convergence.h"

#include <math.h>
#include <string.h>

static int pos_finite(double x)
{
    return x > 0.0 && isfinite(x); /* false for NaN */
}

static int nonneg_finite(double x)
{
    return x >= 0.0 && isfinite(x);
}

slope_status slope_convergence_constants(double *L, double *mu, const double *eig,
                                         size_t n)
{
    if (!L || !mu || !eig || n == 0)
        return SLOPE_EINVAL;
    double big = 0.0, small = eig[0];
    for (size_t i = 0; i < n; i++) {
        if (!isfinite(eig[i]))
            return SLOPE_EDOM;
        big = fmax(big, fabs(eig[i]));
        small = fmin(small, eig[i]);
    }
    *L = big;
    *mu = small;
    return SLOPE_OK;
}

double slope_convergence_kappa(double L, double mu)
{
    if (!pos_finite(L) || !nonneg_finite(mu) || mu > L)
        return NAN;
    return mu == 0.0 ? INFINITY : L / mu;
}

double slope_convergence_step(double L)
{
    return pos_finite(L) ? 1.0 / L : NAN;
}

double slope_convergence_max_step(double L)
{
    return pos_finite(L) ? 2.0 / L : NAN;
}

/* c / k for the two sublinear rates, with the k == 0 convention. */
static double over_k(double c, size_t k)
{
    if (k == 0)
        return c == 0.0 ? 0.0 : INFINITY;
    return c / (double)k;
}

double slope_convergence_bound_convex(double L, double r0sq, size_t k)
{
    if (!pos_finite(L) || !nonneg_finite(r0sq))
        return NAN;
    return over_k(L * r0sq / 2.0, k);
}

double slope_convergence_bound_strong(double L, double mu, double r0sq, size_t k)
{
    if (!pos_finite(L) || !pos_finite(mu) || mu > L || !nonneg_finite(r0sq))
        return NAN;
    return pow(1.0 - mu / L, (double)k) * r0sq;
}

double slope_convergence_bound_nonconvex(double L, double gap0, size_t k)
{
    if (!pos_finite(L) || !nonneg_finite(gap0))
        return NAN;
    return over_k(2.0 * L * gap0, k);
}

/* ---- the checker ------------------------------------------------------------ */

static double dist2(const double *x, const double *y, size_t n)
{
    double s = 0.0;
    for (size_t i = 0; i < n; i++)
        s += (x[i] - y[i]) * (x[i] - y[i]);
    return s;
}

static int all_finite(const double *x, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!isfinite(x[i]))
            return 0;
    return 1;
}

/* What the caller must supply for `rate`; SLOPE_OK when it did. */
static slope_status check_args(const double *worst, slope_rate rate,
                               const slope_convergence_problem *p, double L,
                               double mu, const double *x0, double step,
                               const double *work, size_t n, size_t k)
{
    if (!worst || !p || !p->grad || !x0 || !work || n == 0 || k == 0 ||
        !pos_finite(L) || !pos_finite(step))
        return SLOPE_EINVAL;
    int need_f = rate == SLOPE_RATE_CONVEX || rate == SLOPE_RATE_NONCONVEX;
    int need_x = rate == SLOPE_RATE_CONVEX || rate == SLOPE_RATE_STRONGLY_CONVEX;
    if (!need_f && !need_x)
        return SLOPE_EINVAL; /* not a slope_rate */
    if ((need_f && !p->f) || (need_x && !p->xstar))
        return SLOPE_EINVAL;
    if (rate == SLOPE_RATE_STRONGLY_CONVEX && (!pos_finite(mu) || mu > L))
        return SLOPE_EINVAL;
    if (!all_finite(x0, n) || (need_x && !all_finite(p->xstar, n)) ||
        (need_f && !isfinite(p->fstar)))
        return SLOPE_EDOM;
    return SLOPE_OK;
}

/* The measured quantity at x (gradient g) after some steps; *gmin carries
 * the running minimum of ||grad||^2 for the non-convex rate. */
static double measure(slope_rate rate, const slope_convergence_problem *p,
                      const double *x, const double *g, double *gmin, size_t n)
{
    switch (rate) {
    case SLOPE_RATE_CONVEX:
        return p->f(x, n, p->params) - p->fstar;
    case SLOPE_RATE_STRONGLY_CONVEX:
        return dist2(x, p->xstar, n);
    case SLOPE_RATE_NONCONVEX:
        break;
    }
    double gg = 0.0;
    for (size_t i = 0; i < n; i++)
        gg += g[i] * g[i];
    *gmin = fmin(*gmin, gg);
    return *gmin;
}

static double bound_at(slope_rate rate, double L, double mu, double c0, size_t k)
{
    switch (rate) {
    case SLOPE_RATE_CONVEX: return slope_convergence_bound_convex(L, c0, k);
    case SLOPE_RATE_STRONGLY_CONVEX: return slope_convergence_bound_strong(L, mu, c0, k);
    case SLOPE_RATE_NONCONVEX: break;
    }
    return slope_convergence_bound_nonconvex(L, c0, k);
}

/* actual / bound, reading 0/0 (and a rounding-level negative f - f*) as 0. */
static double ratio(double actual, double bound)
{
    if (actual <= 0.0)
        return 0.0;
    return bound > 0.0 ? actual / bound : INFINITY;
}

/* The rate's constant: ||x0 - x*||^2, or f(x0) - f* (< 0: f* is wrong). */
static slope_status initial_constant(double *c0, slope_rate rate,
                                     const slope_convergence_problem *p,
                                     const double *x0, size_t n)
{
    if (rate != SLOPE_RATE_NONCONVEX) {
        *c0 = dist2(x0, p->xstar, n);
        return isfinite(*c0) ? SLOPE_OK : SLOPE_EDOM;
    }
    *c0 = p->f(x0, n, p->params) - p->fstar;
    return nonneg_finite(*c0) ? SLOPE_OK : SLOPE_EDOM;
}

slope_status slope_convergence_check(double *worst, double *actual, double *bound,
                                     slope_rate rate, const slope_convergence_problem *p,
                                     double L, double mu, const double *x0,
                                     double step, double *work, size_t n, size_t k)
{
    double c0, gmin = INFINITY, w = 0.0;
    slope_status st = check_args(worst, rate, p, L, mu, x0, step, work, n, k);
    if (st == SLOPE_OK)
        st = initial_constant(&c0, rate, p, x0, n);
    if (st != SLOPE_OK)
        return st;
    double *x = work, *g = work + n;
    memcpy(x, x0, n * sizeof *x);
    size_t j;
    for (j = 0; j <= k; j++) {
        if (j > 0) {
            for (size_t i = 0; i < n; i++)
                x[i] -= step * g[i];
            if (!all_finite(x, n))
                break;
        }
        p->grad(g, x, n, p->params);
        double a = measure(rate, p, x, g, &gmin, n);
        if (!isfinite(a))
            break;
        double b = bound_at(rate, L, mu, c0, j);
        if (actual)
            actual[j] = a;
        if (bound)
            bound[j] = b;
        if (j > 0)
            w = fmax(w, ratio(a, b));
    }
    /* j <= k: the loop stopped early because an iterate or a measure blew up */
    *worst = j <= k ? INFINITY : w;
    return j <= k ? SLOPE_EDIVERGED : SLOPE_OK;
}
