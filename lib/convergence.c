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

/* ---- momentum ----------------------------------------------------------------- */

static int pair_ok(double L, double mu)
{
    return pos_finite(L) && pos_finite(mu) && mu <= L;
}

double slope_convergence_heavy_ball_step(double L, double mu)
{
    if (!pair_ok(L, mu))
        return NAN;
    double s = sqrt(L) + sqrt(mu);
    return 4.0 / (s * s);
}

double slope_convergence_nesterov_momentum(double L, double mu)
{
    if (!pair_ok(L, mu))
        return NAN;
    return (sqrt(L) - sqrt(mu)) / (sqrt(L) + sqrt(mu));
}

double slope_convergence_heavy_ball_momentum(double L, double mu)
{
    double rho = slope_convergence_nesterov_momentum(L, mu);
    return rho * rho;
}

double slope_convergence_bound_heavy_ball(double L, double mu, double r0sq, size_t k)
{
    if (!pair_ok(L, mu) || !nonneg_finite(r0sq))
        return NAN;
    double rho = slope_convergence_nesterov_momentum(L, mu);
    double poly = 1.0 + (double)k * (1.0 + rho);
    return poly * poly * pow(rho, 2.0 * (double)k) * r0sq; /* pow(0, 0) = 1 */
}

double slope_convergence_bound_nesterov(double L, double mu, double gap0, double r0sq,
                                        size_t k)
{
    if (!pair_ok(L, mu) || !nonneg_finite(gap0) || !nonneg_finite(r0sq))
        return NAN;
    return pow(1.0 - sqrt(mu / L), (double)k) * (gap0 + 0.5 * mu * r0sq);
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

static int method_ok(slope_method m, double step, double beta)
{
    int known = m == SLOPE_METHOD_GD || m == SLOPE_METHOD_HEAVY_BALL ||
                m == SLOPE_METHOD_NESTEROV;
    return known && pos_finite(step) && beta >= 0.0 && beta < 1.0; /* false for NaN */
}

/* What the caller must supply for `rate` and `method`; SLOPE_OK when it did. */
static slope_status method_args(const double *worst, slope_rate rate,
                                const slope_convergence_problem *p, double L, double mu,
                                const double *x0, slope_method method, double step,
                                double beta, const double *work, size_t n, size_t k)
{
    if (!worst || !p || !p->grad || !x0 || !work || n == 0 || k == 0 ||
        !pos_finite(L) || !method_ok(method, step, beta))
        return SLOPE_EINVAL;
    int need_f = rate == SLOPE_RATE_CONVEX || rate == SLOPE_RATE_NONCONVEX ||
                 rate == SLOPE_RATE_NESTEROV;
    int need_mu = rate == SLOPE_RATE_STRONGLY_CONVEX || rate == SLOPE_RATE_HEAVY_BALL ||
                  rate == SLOPE_RATE_NESTEROV;
    int need_x = rate != SLOPE_RATE_NONCONVEX;
    if (!need_f && !need_mu)
        return SLOPE_EINVAL; /* every slope_rate needs f or mu: not a slope_rate */
    if ((need_f && !p->f) || (need_x && !p->xstar))
        return SLOPE_EINVAL;
    if (need_mu && (!pos_finite(mu) || mu > L))
        return SLOPE_EINVAL;
    if (rate == SLOPE_RATE_NONCONVEX && method == SLOPE_METHOD_NESTEROV)
        return SLOPE_EINVAL;
    if (!all_finite(x0, n) || (need_x && !all_finite(p->xstar, n)) ||
        (need_f && !isfinite(p->fstar)))
        return SLOPE_EDOM;
    return SLOPE_OK;
}

/* The checks of gradient descent's checker: the classical rates only. */
static slope_status check_args(const double *worst, slope_rate rate,
                               const slope_convergence_problem *p, double L,
                               double mu, const double *x0, double step,
                               const double *work, size_t n, size_t k)
{
    if (rate == SLOPE_RATE_HEAVY_BALL || rate == SLOPE_RATE_NESTEROV)
        return SLOPE_EINVAL; /* slope_convergence_check_method's */
    return method_args(worst, rate, p, L, mu, x0, SLOPE_METHOD_GD, step, 0.0, work, n, k);
}

/* The measured quantity at x (gradient g) after some steps; *gmin carries
 * the running minimum of ||grad||^2 for the non-convex rate. */
static double measure(slope_rate rate, const slope_convergence_problem *p,
                      const double *x, const double *g, double *gmin, size_t n)
{
    switch (rate) {
    case SLOPE_RATE_CONVEX:
    case SLOPE_RATE_NESTEROV:
        return p->f(x, n, p->params) - p->fstar;
    case SLOPE_RATE_STRONGLY_CONVEX:
    case SLOPE_RATE_HEAVY_BALL:
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

/* The bound after k steps from the rate's constant c0 (initial_constant). */
static double bound_at(slope_rate rate, double L, double mu, double c0, size_t k)
{
    switch (rate) {
    case SLOPE_RATE_CONVEX: return slope_convergence_bound_convex(L, c0, k);
    case SLOPE_RATE_STRONGLY_CONVEX: return slope_convergence_bound_strong(L, mu, c0, k);
    case SLOPE_RATE_HEAVY_BALL: return slope_convergence_bound_heavy_ball(L, mu, c0, k);
    case SLOPE_RATE_NESTEROV: return slope_convergence_bound_nesterov(L, mu, c0, 0.0, k);
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

/* initial_constant for any rate: Nesterov's needs both of its constants,
 * combined as f(x0) - f* + mu/2 ||x0 - x*||^2. */
static slope_status any_constant(double *c0, slope_rate rate,
                                 const slope_convergence_problem *p, const double *x0,
                                 size_t n, double mu)
{
    if (rate != SLOPE_RATE_NESTEROV)
        return initial_constant(c0, rate, p, x0, n);
    double r0sq, gap0;
    slope_status st = initial_constant(&r0sq, SLOPE_RATE_STRONGLY_CONVEX, p, x0, n);
    if (st != SLOPE_OK)
        return st;
    st = initial_constant(&gap0, SLOPE_RATE_NONCONVEX, p, x0, n);
    *c0 = gap0 + 0.5 * mu * r0sq;
    return st;
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

/* ---- the checker for momentum methods ----------------------------------------- */

/* A method's state: its parameters and its n-arrays x_k, x_{k-1} (not for
 * GD), the look-ahead y_k (Nesterov only) and the gradient. */
typedef struct {
    slope_method kind;
    double step, beta;
    double *x, *xprev, *y, *g;
} method_run;

/* Lay out the workspace (2n for GD, 3n for heavy ball, 4n for Nesterov)
 * and start at x0 with zero velocity, x_{-1} = x_0. */
static method_run method_start(slope_method kind, double step, double beta,
                               const double *x0, double *work, size_t n)
{
    method_run m = {kind, step, beta, work, work + n, work + 2 * n, work + n};
    if (kind != SLOPE_METHOD_GD)
        m.g = work + (kind == SLOPE_METHOD_NESTEROV ? 3 : 2) * n;
    memcpy(m.x, x0, n * sizeof *x0);
    if (kind != SLOPE_METHOD_GD)
        memcpy(m.xprev, x0, n * sizeof *x0);
    return m;
}

/* x_k -> x_{k+1}.  GD and heavy ball read m->g = grad f(x_k), which the
 * caller computed; Nesterov computes grad f(y_k) into m->g itself. */
static void method_advance(method_run *m, const slope_convergence_problem *p, size_t n)
{
    double *x = m->x, *xp = m->xprev, *g = m->g;
    if (m->kind == SLOPE_METHOD_GD) {
        for (size_t i = 0; i < n; i++)
            x[i] -= m->step * g[i];
        return;
    }
    if (m->kind == SLOPE_METHOD_HEAVY_BALL) {
        for (size_t i = 0; i < n; i++) {
            double xi = x[i];
            x[i] = xi - m->step * g[i] + m->beta * (xi - xp[i]);
            xp[i] = xi;
        }
        return;
    }
    for (size_t i = 0; i < n; i++)
        m->y[i] = x[i] + m->beta * (x[i] - xp[i]);
    p->grad(g, m->y, n, p->params);
    for (size_t i = 0; i < n; i++) {
        xp[i] = x[i];
        x[i] = m->y[i] - m->step * g[i];
    }
}

slope_status slope_convergence_check_method(double *worst, double *actual, double *bound,
                                            slope_rate rate,
                                            const slope_convergence_problem *p, double L,
                                            double mu, const double *x0, slope_method method,
                                            double step, double beta, double *work, size_t n,
                                            size_t k)
{
    double c0, gmin = INFINITY, w = 0.0;
    slope_status st = method_args(worst, rate, p, L, mu, x0, method, step, beta, work, n, k);
    if (st == SLOPE_OK)
        st = any_constant(&c0, rate, p, x0, n, mu);
    if (st != SLOPE_OK)
        return st;
    method_run m = method_start(method, step, beta, x0, work, n);
    size_t j;
    for (j = 0; j <= k; j++) {
        if (j > 0) {
            method_advance(&m, p, n);
            if (!all_finite(m.x, n))
                break;
        }
        if (method != SLOPE_METHOD_NESTEROV) /* grad f(x_j): the next step's, and measured */
            p->grad(m.g, m.x, n, p->params);
        double a = measure(rate, p, m.x, m.g, &gmin, n);
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
    *worst = j <= k ? INFINITY : w;
    return j <= k ? SLOPE_EDIVERGED : SLOPE_OK;
}

/* ---- iterations to a tolerance, and the power law they follow ------------------ */

slope_status slope_convergence_iterations(size_t *iters, const slope_convergence_problem *p,
                                          slope_method method, double step, double beta,
                                          const double *x0, double tol, size_t max_iter,
                                          double *work, size_t n)
{
    if (!iters || !p || !p->grad || !p->xstar || !x0 || !work || n == 0 ||
        !method_ok(method, step, beta) || !(tol > 0.0 && tol < 1.0))
        return SLOPE_EINVAL;
    if (!all_finite(x0, n) || !all_finite(p->xstar, n))
        return SLOPE_EDOM;
    /* compare squared distances: no square root per step */
    const double goal = tol * tol * dist2(x0, p->xstar, n);
    method_run m = method_start(method, step, beta, x0, work, n);
    for (size_t k = 0; k <= max_iter; k++) {
        if (k > 0) {
            if (method != SLOPE_METHOD_NESTEROV)
                p->grad(m.g, m.x, n, p->params);
            method_advance(&m, p, n);
            if (!all_finite(m.x, n)) {
                *iters = k;
                return SLOPE_EDIVERGED;
            }
        }
        if (dist2(m.x, p->xstar, n) <= goal) {
            *iters = k;
            return SLOPE_OK;
        }
    }
    *iters = max_iter;
    return SLOPE_EMAXITER;
}

slope_status slope_convergence_fit_power(double *p, double *c, const double *x,
                                         const double *y, size_t n)
{
    if (!p || !c || !x || !y || n < 2)
        return SLOPE_EINVAL;
    double mx = 0.0, my = 0.0;
    for (size_t i = 0; i < n; i++) {
        if (!pos_finite(x[i]) || !pos_finite(y[i]))
            return SLOPE_EDOM;
        mx += log(x[i]);
        my += log(y[i]);
    }
    mx /= (double)n;
    my /= (double)n;
    double sxx = 0.0, sxy = 0.0; /* centred sums: no cancellation between big terms */
    for (size_t i = 0; i < n; i++) {
        double dx = log(x[i]) - mx;
        sxx += dx * dx;
        sxy += dx * (log(y[i]) - my);
    }
    if (sxx == 0.0)
        return SLOPE_EINVAL; /* all x equal: no slope */
    *p = sxy / sxx;
    *c = exp(my - *p * mx);
    return SLOPE_OK;
}
