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

/* Which bound the checker verifies. */
typedef enum {
    SLOPE_RATE_CONVEX = 0,      /* f(x_k) - f*                 vs bound_convex */
    SLOPE_RATE_STRONGLY_CONVEX, /* ||x_k - x*||^2              vs bound_strong */
    SLOPE_RATE_NONCONVEX        /* min_{i<=k} ||grad f(x_i)||^2 vs bound_nonconvex */
} slope_rate;

/* The problem the checker runs on.  f is needed by CONVEX and NONCONVEX,
 * xstar (n doubles) by CONVEX and STRONGLY_CONVEX, fstar = f(x*) by CONVEX
 * and NONCONVEX; the unneeded ones may be NULL / anything. */
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
 * Errors: SLOPE_EINVAL for a NULL worst/p/grad/x0/work, a NULL f or xstar
 * that `rate` needs, n == 0, k == 0, an unknown rate, L <= 0, mu outside
 * (0, L] for STRONGLY_CONVEX, step <= 0, or any of L, mu, step not finite
 * (mu is ignored by the other rates).  SLOPE_EDOM for a NaN/Inf in x0, xstar
 * or a needed fstar, or f(x0) < fstar for NONCONVEX (fstar is then not the
 * minimum).  SLOPE_EDIVERGED when an iterate or a measured quantity stops
 * being finite: *worst = +Inf and actual/bound hold the steps before. */
slope_status slope_convergence_check(double *worst, double *actual, double *bound,
                                     slope_rate rate,
                                     const slope_convergence_problem *p,
                                     double L, double mu, const double *x0,
                                     double step, double *work, size_t n,
                                     size_t k);

#endif
