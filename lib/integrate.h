/*
 * integrate.h -- definite integrals: adaptive Gauss-Kronrod quadrature of a
 * function, and the trapezoid rule over samples.
 *
 * slope_integrate() bisects [a, b] adaptively, always splitting the
 * subinterval with the largest error estimate (kept in a binary heap), and
 * integrates each piece with the 15-point Gauss-Kronrod rule (the 7-point
 * Gauss-Legendre rule plus 8 Kronrod nodes; exact for polynomials of degree
 * <= 23).  The difference between the two embedded rules gives each piece's
 * error estimate.  Infinite limits are mapped onto a finite interval first.
 *
 * References:
 *   A. S. Kronrod, Nodes and Weights of Quadrature Formulas, Consultants
 *     Bureau, 1965 (the rule; our table is recomputed from its definition by
 *     tests/oracle/integrate_oracle.py).
 *   R. Piessens, E. de Doncker-Kapenga, C. W. Ueberhuber, D. K. Kahaner,
 *     QUADPACK: A Subroutine Package for Automatic Integration, Springer,
 *     1983, ch. 2 (the globally adaptive strategy and the error estimate).
 *   P. J. Davis, P. Rabinowitz, Methods of Numerical Integration, 2nd ed.,
 *     Academic Press, 1984, sec. 3.1 (changes of variable for infinite ranges).
 */
#ifndef SLOPE_INTEGRATE_H
#define SLOPE_INTEGRATE_H

#include <stddef.h>

#include "fn.h"
#include "status.h"

/* Storage for up to `limit` subintervals (4 doubles each, 32 bytes), so
 * that repeated integrations allocate nothing.  Opaque; one workspace must
 * not be used by two calls at the same time. */
typedef struct slope_integrate_workspace slope_integrate_workspace;

/* A workspace for up to `limit` subintervals (32 * limit bytes plus a small
 * header).  Returns NULL when limit == 0 or the allocation fails. */
slope_integrate_workspace *slope_integrate_workspace_alloc(size_t limit);

/* Frees w; NULL is a no-op. */
void slope_integrate_workspace_free(slope_integrate_workspace *w);

/*
 * slope_integrate -- the integral of f(x, params) from a to b.
 *
 *   *result  the estimate of the integral
 *   *abserr  an estimate of |result - integral| (may be NULL if unwanted)
 *   a, b     limits; either may be -INFINITY or +INFINITY.  For b < a the
 *            result is minus the integral from b to a.
 *   epsabs, epsrel  stop as soon as abserr <= max(epsabs, epsrel * |result|)
 *   limit    the most subintervals to use (each costs 15 calls of f, the
 *            first one included)
 *   w        a workspace with room for >= limit subintervals, or NULL: then
 *            one block of 32 * limit bytes is allocated on entry and freed
 *            before return (never inside the loop).
 *
 * Infinite ranges become integrals over a finite t-interval whose end
 * points are never evaluated (Davis & Rabinowitz 3.1):
 *   (a, +inf):    x = a + t/(1-t),   dx = dt/(1-t)^2,           t in [0, 1)
 *   (-inf, b):    x = b - t/(1-t),   dx = dt/(1-t)^2,           t in [0, 1)
 *   (-inf, +inf): x = t/(1-t^2),     dx = (1+t^2)/(1-t^2)^2 dt, t in (-1, 1)
 * so f must decay fast enough for the transformed integrand to stay finite.
 *
 * Error contract (returned status; *result and *abserr are NaN unless said):
 *   SLOPE_OK        abserr <= max(epsabs, epsrel * |result|).  a == b
 *                   (including both limits the same infinity) gives 0.
 *   SLOPE_EINVAL    result or f is NULL; limit == 0; w too small for limit;
 *                   epsabs or epsrel negative or NaN.
 *   SLOPE_EDOM      a or b is NaN.
 *   SLOPE_ETOL      epsabs == 0 and epsrel < 50 * DBL_EPSILON (no double
 *                   result can be trusted that far), or the subinterval
 *                   with the largest error became too narrow to split
 *                   (round-off or a discontinuity); *result and *abserr
 *                   then hold the best estimate so far.
 *   SLOPE_EMAXITER  `limit` subintervals were used before the tolerance
 *                   was met; *result and *abserr hold the best estimate.
 *   SLOPE_EDIVERGED f returned NaN or +-Inf at some node.
 *   SLOPE_ENOMEM    w == NULL and the allocation failed.
 */
slope_status slope_integrate(double *result, double *abserr, slope_fn f, void *params,
                             double a, double b, double epsabs, double epsrel,
                             size_t limit, slope_integrate_workspace *w);

/*
 * slope_integrate_trapz -- the trapezoid rule over samples (y[i] at x[i]):
 *   sum_{i=1}^{n-1} (x[i] - x[i-1]) * (y[i] + y[i-1]) / 2,
 * what numpy's trapz(y, x) computes.  x may be non-uniform and need not be
 * sorted (a step with x[i] < x[i-1] counts negatively).
 * Error contract: NaN when y or x is NULL or n < 2; NaN/Inf samples
 * propagate into the result as in IEEE arithmetic.
 */
double slope_integrate_trapz(const double *y, const double *x, size_t n);

/*
 * slope_integrate_trapz_uniform -- the trapezoid rule over n samples spaced
 * dx apart, numpy's trapz(y, dx=dx): dx * (y[0]/2 + y[1] + ... + y[n-1]/2).
 * Error contract: NaN when y is NULL, n < 2 or dx is NaN.
 */
double slope_integrate_trapz_uniform(const double *y, size_t n, double dx);

#endif
