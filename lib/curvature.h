/*
 * curvature.h -- second-order information from first-order code.
 *
 * The Hessian H of a loss with n parameters has n^2 entries: too many to
 * form for a network, yet what optimisation needs from it is small -- what
 * H does to one direction v (the curvature along v), its largest
 * eigenvalue (the sharpness that caps a stable learning rate at
 * 2 / lambda_max), and, for small n, the Newton step.  This module gets
 * them from the gradient alone:
 *
 *   Hessian-vector product   H v = d/dr grad f(x + r v) at r = 0, so a
 *                            difference of two gradients approximates it
 *                            (Pearlmutter, "Fast exact multiplication by the
 *                            Hessian", Neural Computation 6, 1994, section 2,
 *                            which also gives the exact R-operator that
 *                            automatic differentiation uses instead);
 *   power iteration          v <- H v / ||H v|| converges to the eigenvector
 *                            of the eigenvalue of largest magnitude, at the
 *                            cost of one product per step (Golub & Van Loan,
 *                            Matrix Computations, 4th ed., section 7.3.1);
 *   Newton's step            d = -H^{-1} g, the stationary point of the local
 *                            quadratic model (Nocedal & Wright, Numerical
 *                            Optimization, 2nd ed., section 3.3).
 *
 * Shapes: n parameters; x, v, g, d and the products hold n doubles; H is
 * n x n, row-major.  Functions are passed as data (fn.h).
 *
 * Error contract, shared by every function here unless it says otherwise:
 * a status is SLOPE_EINVAL for a NULL required pointer, n == 0 or an
 * invalid constant (named per function), SLOPE_EDOM for a NaN or Inf in
 * x, v, g or H, and nothing is written to the outputs in either case;
 * a scalar result is NaN for the same conditions.  A gradient that returns
 * NaN or Inf propagates into the product (the curvature of a function that
 * is not finite there is not finite either).
 */
#ifndef SLOPE_CURVATURE_H
#define SLOPE_CURVATURE_H

#include <stddef.h>

#include "fn.h"
#include "status.h"

/* ---- Hessian-vector products ----------------------------------------------- */

/* Default r for the central product: the displacement r v gets length
 * cbrt(eps) max(||x||, 1), so r = cbrt(eps) max(||x||, 1) / ||v||.  The
 * central difference errs by O(r^2) truncation (the third derivative)
 * plus O(eps ||g|| / r) from rounding the two gradients; cbrt(eps) balances
 * them, as deriv.h's central step does, and scaling by ||x|| keeps the
 * displacement relative to the size of x.  NaN when ||v|| == 0 or an entry
 * of x or v is not finite. */
double slope_curvature_hvp_step_central(const double *x, const double *v, size_t n);

/* Default r for the forward product: sqrt(eps) max(||x||, 1) / ||v||, which
 * balances its O(r) truncation against the O(eps / r) rounding.  NaN as
 * slope_curvature_hvp_step_central. */
double slope_curvature_hvp_step_forward(const double *x, const double *v, size_t n);

/* hv = (grad f(x + r v) - grad f(x - r v)) / (2 r): H v with error
 * O(r^2 ||v||^3), exact (to rounding) when f is quadratic.  Two gradient
 * evaluations.  r > 0 and finite (else SLOPE_EINVAL).  work: 2n doubles. */
slope_status slope_curvature_hvp_central(double *hv, slope_grad_fn grad, void *params,
                                         const double *x, const double *v, size_t n,
                                         double r, double *work);

/* hv = (grad f(x + r v) - gx) / r, with gx = grad f(x) supplied by the
 * caller, who usually has it already: H v with error O(r ||v||^2) for ONE
 * extra gradient evaluation.  r > 0 and finite.  work: n doubles. */
slope_status slope_curvature_hvp_forward(double *hv, slope_grad_fn grad, void *params,
                                         const double *x, const double *gx,
                                         const double *v, size_t n, double r,
                                         double *work);

/* The Hessian of f at x as a slope_matvec_fn: pass slope_curvature_hessian_apply
 * as the operator and a pointer to this struct as its params; each call
 * writes the central product with the default step into hv.  work: 2n
 * doubles, owned by the caller.  When a product cannot be formed (v == 0,
 * a non-finite entry) hv is filled with NaN, which the power iteration
 * reports as SLOPE_EDIVERGED. */
typedef struct {
    slope_grad_fn grad;
    void *params;
    const double *x; /* the point, n doubles */
    double *work;    /* 2n doubles */
} slope_curvature_hessian;

void slope_curvature_hessian_apply(double *hv, const double *v, size_t n, void *hessian);

/* ---- the largest eigenvalue: power iteration ----------------------------------- */

typedef struct {
    double lambda;   /* the Rayleigh quotient v^T A v of the final unit v */
    double residual; /* ||A v - lambda v||: for symmetric A, some eigenvalue
                        lies within this of lambda */
    size_t iters;    /* products with A taken */
} slope_curvature_eig;

/* Power iteration on the symmetric operator av (A v, for example
 * slope_curvature_hessian_apply): v <- A v / ||A v||, stopping as soon as
 * residual <= tol |lambda| (a relative accuracy the caller chooses; it
 * cannot be met below the accuracy of the products themselves, about
 * 1e-10 relative for central HVPs).  It finds the eigenvalue of LARGEST
 * MAGNITUDE, with its sign: lambda_max for a positive semi-definite
 * Hessian.  (For the most positive eigenvalue of an indefinite one, run it
 * again on A - lambda I.)  The error shrinks like |lambda_2 / lambda_1|^k.
 *
 * In: v, n doubles, the start (any nonzero vector; a random one is
 * orthogonal to the answer with probability 0).  Out: v, the unit
 * eigenvector estimate; *res as above, for that v.  work: n doubles.
 * Errors: SLOPE_EINVAL for NULL res/v/av/work, n == 0, max_iter == 0, tol
 * outside (0, 1) or NaN, or v == 0; SLOPE_EDOM for a non-finite v (nothing
 * written).  SLOPE_EMAXITER when max_iter products do not reach tol: *res
 * and v hold the last iterate, with its residual, so the caller sees how
 * far it got -- this is what happens when the two largest |eigenvalues|
 * are equal with opposite signs (the iteration then cycles) or nearly
 * equal (it crawls).  SLOPE_EDIVERGED when a product is not finite: *res
 * gets lambda = residual = NaN and v the last finite iterate. */
slope_status slope_curvature_power(slope_curvature_eig *res, double *v, slope_matvec_fn av,
                                   void *params, size_t n, double tol, size_t max_iter,
                                   double *work);

/* ---- Newton's step ------------------------------------------------------------- */

/* d = -H^{-1} g, solving H d = -g with slope_linalg_solve.  x + d is the
 * stationary point of the quadratic model f(x) + g^T d + d^T H d / 2: the
 * minimum when H is positive definite, but equally a maximum or a saddle
 * -- Newton's method is attracted to whatever stationary point is near,
 * which is why it is not used unmodified where saddles abound.  On a
 * quadratic, one step lands on the stationary point exactly.
 * work: n*n + n doubles.  Errors: SLOPE_EINVAL, SLOPE_EDOM as above;
 * SLOPE_ESINGULAR when H is singular to working precision (the model has
 * no unique stationary point); d is written only on success. */
slope_status slope_curvature_newton_step(double *d, const double *H, const double *g,
                                         size_t n, double *work);

#endif
