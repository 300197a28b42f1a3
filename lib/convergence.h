/*
 * convergence.h -- how fast gradient descent converges, and a checker that
 * watches it happen.
 *
 * Two constants of the objective f govern gradient descent (GD),
 * x_{k+1} = x_k - step * grad f(x_k):
 *   L   smoothness: ||grad f(x) - grad f(y)|| <= L ||x - y||; for a
 *       quadratic 0.5 x^T A x it is the largest |eigenvalue| of A;
 *   mu  strong convexity: f(y) >= f(x) + grad f(x)^T (y - x) + mu/2 ||y - x||^2;
 *       for a quadratic, the smallest eigenvalue of A (when it is > 0).
 * kappa = L / mu, the condition number, sets the speed.  With step 1/L the
 * classical rates are (Beck, "First-Order Methods in Optimization", SIAM
 * 2017, chapter 10, where plain gradient descent is the proximal gradient
 * method with no proximal term; Nesterov, "Lectures on Convex Optimization",
 * 2nd ed., 2018, section 1.2.3 for the non-convex case):
 *
 *   convex + L-smooth         f(x_k) - f*              <= L ||x0 - x*||^2 / (2k)
 *   mu-strongly convex        ||x_k - x*||^2           <= (1 - mu/L)^k ||x0 - x*||^2
 *   non-convex + L-smooth     min_{i<=k} ||grad f(x_i)||^2 <= 2L (f(x0) - f*) / k
 *
 * and GD on a quadratic is stable exactly when step < 2/L.
 *
 * The strongly convex bound is the general one.  On a quadratic it is loose
 * by a square: there ||x_k - x*|| <= (1 - mu/L)^k ||x0 - x*||, with equality
 * on f = mu/2 (x - c)^2 in one dimension, so the checker's ratio on that
 * problem is exactly (1 - mu/L)^k (the tests assert this).
 *
 * Momentum buys a square root: with the tuned parameters below, heavy ball
 * (on quadratics) and Nesterov's method (on any smooth strongly convex f)
 * contract like (1 - 1/sqrt(kappa))^k instead of (1 - 1/kappa)^k, so the
 * iterations to a fixed accuracy grow like sqrt(kappa), not kappa;
 * slope_convergence_iterations() and slope_convergence_fit_power() measure
 * that exponent.
 *
 * Error contract: the functions returning a double return NaN for invalid
 * input (described per function); the others return SLOPE_EINVAL for a NULL
 * pointer, a zero size or an invalid constant, SLOPE_EDOM for NaN/Inf data,
 * and write nothing in either case.
 */
#ifndef SLOPE_CONVERGENCE_H
#define SLOPE_CONVERGENCE_H

#include <stddef.h>

#include "fn.h"
#include "status.h"

/* L = max_i |eig[i]| and mu = min_i eig[i] from the n eigenvalues of a
 * symmetric matrix (the Hessian of a quadratic).  mu <= 0 means the
 * quadratic is not strongly convex.  SLOPE_EINVAL for NULL or n == 0,
 * SLOPE_EDOM if an eigenvalue is NaN or infinite. */
slope_status slope_convergence_constants(double *L, double *mu,
                                         const double *eig, size_t n);

/* kappa = L / mu.  +Inf when mu == 0 (convex, not strongly convex); NaN when
 * L <= 0, mu < 0, mu > L, or either is not finite. */
double slope_convergence_kappa(double L, double mu);

/* The step 1/L that the rates assume.  NaN when L <= 0 or not finite. */
double slope_convergence_step(double L);

/* 2/L: gradient descent on a quadratic with curvature L diverges for any
 * larger step (|1 - step L| > 1).  NaN when L <= 0 or not finite. */
double slope_convergence_max_step(double L);

/* L r0sq / (2k), where r0sq = ||x0 - x*||^2: the convex rate.  k == 0 gives
 * +Inf (the rate promises nothing before the first step), or 0 when
 * r0sq == 0.  NaN when L <= 0, r0sq < 0, or either is not finite. */
double slope_convergence_bound_convex(double L, double r0sq, size_t k);

/* (1 - mu/L)^k r0sq: the strongly convex rate on ||x_k - x*||^2.  NaN when
 * L <= 0, mu <= 0, mu > L, r0sq < 0, or any is not finite. */
double slope_convergence_bound_strong(double L, double mu, double r0sq, size_t k);

/* 2 L gap0 / k, where gap0 = f(x0) - f*: the non-convex rate on
 * min_{i<=k} ||grad f(x_i)||^2.  k == 0 gives +Inf, or 0 when gap0 == 0.
 * NaN when L <= 0, gap0 < 0, or either is not finite. */
double slope_convergence_bound_nonconvex(double L, double gap0, size_t k);

/* ---- momentum: tuned parameters and accelerated rates ---------------------- */
/* Every function in this section returns NaN unless 0 < mu <= L, both
 * finite, and the other arguments are as stated. */

/* Polyak's heavy ball, x_{k+1} = x_k - step grad f(x_k) + beta (x_k - x_{k-1}),
 * tuned for a quadratic whose Hessian eigenvalues lie in [mu, L] (Polyak,
 * "Introduction to Optimization", 1987, section 3.2.1):
 *     step = 4 / (sqrt L + sqrt mu)^2,
 *     beta = ((sqrt kappa - 1) / (sqrt kappa + 1))^2.
 * Along an eigenvector with eigenvalue lambda the error obeys
 * e_{k+1} = (1 + beta - step lambda) e_k - beta e_{k-1}; these two choices
 * make both roots of that recurrence have modulus rho = sqrt(beta) for
 * EVERY lambda in [mu, L], the smallest common modulus possible. */
double slope_convergence_heavy_ball_step(double L, double mu);
double slope_convergence_heavy_ball_momentum(double L, double mu);

/* Nesterov's momentum for a mu-strongly convex, L-smooth f, used with step
 * 1/L (slope_convergence_step): beta = (sqrt kappa - 1) / (sqrt kappa + 1),
 * computed as (sqrt L - sqrt mu) / (sqrt L + sqrt mu) so that kappa near 1
 * loses no digits.  It is also rho above. */
double slope_convergence_nesterov_momentum(double L, double mu);

/* (1 + k (1 + rho))^2 rho^(2k) r0sq, rho = slope_convergence_nesterov_momentum:
 * the bound on ||x_k - x*||^2 for tuned heavy ball started with zero
 * velocity (x_{-1} = x_0) on a QUADRATIC with eigenvalues in [mu, L].
 * Why: e_k = (U_{k+1} - rho^2 U_k) e_0, with U_j = (r1^j - r2^j)/(r1 - r2)
 * over the recurrence's roots, and |U_j| <= j rho^(j-1) when |r1| = |r2| = rho.
 * At lambda = L the roots coincide at -rho and the bound holds with
 * equality.  The polynomial factor is real: the rate is rho^k only
 * asymptotically.  Heavy ball has no such guarantee beyond quadratics
 * (Lessard, Recht & Packard, SIAM J. Optim. 26(1), 2016, build a smooth
 * strongly convex f on which the tuned heavy ball cycles forever). */
double slope_convergence_bound_heavy_ball(double L, double mu, double r0sq, size_t k);

/* (1 - sqrt(mu/L))^k (gap0 + mu/2 r0sq), gap0 = f(x0) - f*, r0sq =
 * ||x0 - x*||^2: the bound on f(x_k) - f* for Nesterov's method with step
 * 1/L and momentum slope_convergence_nesterov_momentum, y_0 = x_0, on any
 * mu-strongly convex L-smooth f (Nesterov, "Introductory Lectures on
 * Convex Optimization", 2004, section 2.2.1: constant step scheme III, and
 * Theorem 2.2.3 with gamma_0 = mu).  NaN also when gap0 < 0 or r0sq < 0. */
double slope_convergence_bound_nesterov(double L, double mu, double gap0, double r0sq,
                                        size_t k);

/* ---- the checker ---------------------------------------------------------- */

/* Which bound the checker verifies. */
typedef enum {
    SLOPE_RATE_CONVEX = 0,      /* f(x_k) - f*                 vs bound_convex */
    SLOPE_RATE_STRONGLY_CONVEX, /* ||x_k - x*||^2              vs bound_strong */
    SLOPE_RATE_NONCONVEX,       /* min_{i<=k} ||grad f(x_i)||^2 vs bound_nonconvex */
    SLOPE_RATE_HEAVY_BALL,      /* ||x_k - x*||^2              vs bound_heavy_ball */
    SLOPE_RATE_NESTEROV         /* f(x_k) - f*                 vs bound_nesterov */
} slope_rate;

/* Which method the checker runs.  Each starts from x_{-1} = x_0 (zero
 * velocity), with a step and a momentum beta:
 *   GD          x_{k+1} = x_k - step grad f(x_k)                 (beta unused)
 *   HEAVY_BALL  x_{k+1} = x_k - step grad f(x_k) + beta (x_k - x_{k-1})
 *   NESTEROV    y_k = x_k + beta (x_k - x_{k-1});  x_{k+1} = y_k - step grad f(y_k)
 * NESTEROV is optim.h's classical form with v_k = x_k - x_{k-1}. */
typedef enum {
    SLOPE_METHOD_GD = 0,
    SLOPE_METHOD_HEAVY_BALL,
    SLOPE_METHOD_NESTEROV
} slope_method;

/* The problem the checker runs on.  f is needed by CONVEX, NONCONVEX and
 * NESTEROV, xstar (n doubles) by every rate but NONCONVEX, fstar = f(x*) by
 * CONVEX, NONCONVEX and NESTEROV; the unneeded ones may be NULL / anything. */
typedef struct {
    slope_fn_n f;
    slope_grad_fn grad;
    void *params;
    const double *xstar;
    double fstar;
} slope_convergence_problem;

/* Runs k steps of gradient descent x_{j+1} = x_j - step * grad f(x_j) from x0
 * and compares, after every step j = 1..k, the measured quantity of `rate`
 * with its bound computed from L (and mu).  The step is the caller's: with
 * step <= 1/L the theory says the ratio stays <= 1; with step > 2/L it
 * does not.
 * Outputs:
 *   worst   max_{1<=j<=k} actual[j] / bound[j], with 0/0 counted as 0 (the
 *           iterate sits exactly on what the bound allows) and a/0 as +Inf.
 *   actual  k+1 doubles or NULL: the measured quantity after j steps,
 *           j = 0..k (actual[0] is at x0).
 *   bound   k+1 doubles or NULL: the bound after j steps (bound[0] as the
 *           bound functions define k == 0).
 * Workspace: work, 2n doubles.  Calls grad k+1 times, f k+1 times (CONVEX),
 * once (NONCONVEX) or never (STRONGLY_CONVEX).
 *
 * rate: one of the three classical rates above, the ones gradient descent
 * has; the accelerated ones belong to slope_convergence_check_method.
 * Errors: SLOPE_EINVAL for a NULL worst/p/grad/x0/work, a NULL f or xstar
 * that `rate` needs, n == 0, k == 0, an unknown or accelerated rate,
 * L <= 0, mu outside (0, L] for STRONGLY_CONVEX, step <= 0, or any of L,
 * mu, step not finite (mu is ignored by the other rates).  SLOPE_EDOM for a NaN/Inf in x0, xstar
 * or a needed fstar, or f(x0) < fstar for NONCONVEX (fstar is then not the
 * minimum).  SLOPE_EDIVERGED when an iterate or a measured quantity stops
 * being finite: *worst = +Inf and actual/bound hold the steps before. */
slope_status slope_convergence_check(double *worst, double *actual, double *bound,
                                     slope_rate rate,
                                     const slope_convergence_problem *p,
                                     double L, double mu, const double *x0,
                                     double step, double *work, size_t n,
                                     size_t k);

/* slope_convergence_check for any method: runs `method` with (step, beta)
 * instead of gradient descent, and compares with any rate -- the tuned
 * method against its own bound (ratio <= 1), or gradient descent against an
 * accelerated bound (which it breaks).  For the classical rates,
 * slope_convergence_check(...) is this with SLOPE_METHOD_GD and beta = 0.
 * Workspace: work, 2n doubles for GD, 3n for HEAVY_BALL, 4n for NESTEROV.
 * Calls grad k+1 times (GD, HEAVY_BALL) or k times (NESTEROV, at y_k).
 * Errors: those of slope_convergence_check, where HEAVY_BALL and NESTEROV
 * rates need mu in (0, L] as STRONGLY_CONVEX does; also SLOPE_EINVAL for
 * an unknown method, beta outside [0, 1) or NaN, and the NONCONVEX rate with
 * the NESTEROV method (it never evaluates grad f at x_k, which that rate
 * measures). */
slope_status slope_convergence_check_method(double *worst, double *actual, double *bound,
                                            slope_rate rate,
                                            const slope_convergence_problem *p,
                                            double L, double mu, const double *x0,
                                            slope_method method, double step,
                                            double beta, double *work, size_t n,
                                            size_t k);

/* ---- how many iterations ---------------------------------------------------- */

/* *iters = the first k with ||x_k - x*|| <= tol ||x_0 - x*|| for `method`
 * with (step, beta) from x0 (0 when x0 == x*).  Only p->grad, p->params and
 * p->xstar are used.  Workspace as slope_convergence_check_method.
 * Errors: SLOPE_EINVAL for a NULL iters/p/grad/xstar/x0/work, n == 0, an
 * unknown method, step <= 0 or not finite, beta outside [0, 1), tol
 * outside (0, 1) or NaN; SLOPE_EDOM for a NaN/Inf in x0 or xstar (nothing
 * written in these cases).  SLOPE_EMAXITER when max_iter steps do not
 * reach tol: *iters = max_iter.  SLOPE_EDIVERGED when an iterate stops
 * being finite: *iters = the step that produced it. */
slope_status slope_convergence_iterations(size_t *iters, const slope_convergence_problem *p,
                                          slope_method method, double step, double beta,
                                          const double *x0, double tol, size_t max_iter,
                                          double *work, size_t n);

/* The power law y = c x^p through n points by least squares on
 * log y = log c + p log x: *p is the slope of the log-log plot, e.g. 1 for
 * gradient descent's iterations against kappa, 1/2 for the accelerated
 * methods.  Errors: SLOPE_EINVAL for NULL pointers, n < 2, or all x equal;
 * SLOPE_EDOM for an x or y that is <= 0, NaN or infinite. */
slope_status slope_convergence_fit_power(double *p, double *c, const double *x,
                                         const double *y, size_t n);

#endif
