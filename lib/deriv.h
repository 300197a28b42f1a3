/*
 * deriv.h -- numerical derivatives by finite differences.
 *
 * A derivative is the limit of a difference quotient; a computer can only
 * take the quotient at a finite step h.  Two errors compete:
 *
 *   truncation  the Taylor terms the quotient ignores: O(h) for the forward
 *               difference, O(h^2) for the central one (the even terms cancel);
 *   rounding    f is known only to about eps*|f| (eps = DBL_EPSILON), and the
 *               quotient divides that noise by h: O(eps/h).
 *
 * Balancing the two gives the default steps below (Press et al., Numerical
 * Recipes, 3rd ed., section 5.7; Nocedal & Wright, Numerical Optimization,
 * section 8.1).  Each step is scaled by max(|x|, 1) because rounding is
 * relative to the size of x, and rounded so that x + h is exact in binary
 * (Numerical Recipes' "temp = x + h; h = temp - x" trick).
 *
 * Functions are passed as data (fn.h): a pointer plus a `params` pointer that
 * is handed back on every call.  Nothing here allocates: the multivariate
 * functions take a caller's `work` array, the size of which each one states.
 *
 * Error contract, shared by every function here:
 *   - a scalar result is NaN when f is NULL, h <= 0 or h is not finite, or x is
 *     not finite;
 *   - a status is SLOPE_EINVAL for a NULL pointer, a zero size or h <= 0 / not
 *     finite, and SLOPE_EDOM when an x[i] is NaN or infinite; nothing is
 *     written to the outputs in either case.
 *   If f itself returns NaN or Inf, that value propagates into the result: the
 *   derivative of a function that is not finite there is not finite either.
 */
#ifndef SLOPE_DERIV_H
#define SLOPE_DERIV_H

#include <stddef.h>

#include "fn.h"
#include "status.h"

/* ---- default steps ------------------------------------------------------ */

/* sqrt(eps) * max(|x|, 1): minimises O(h) truncation + O(eps/h) rounding of
 * the forward difference.  NaN when x is not finite. */
double slope_deriv_step_forward(double x);

/* cbrt(eps) * max(|x|, 1): minimises O(h^2) truncation + O(eps/h) rounding of
 * the central difference.  NaN when x is not finite. */
double slope_deriv_step_central(double x);

/* eps^(1/4) * max(|x|, 1): minimises O(h^2) + O(eps/h^2) for the second
 * difference.  NaN when x is not finite. */
double slope_deriv_step_second(double x);

/* ---- R -> R ------------------------------------------------------------- */

/* (f(x+h) - f(x)) / h: the derivative from first principles, error O(h).
 * Two evaluations of f. */
double slope_deriv_forward(slope_fn f, void *params, double x, double h);

/* (f(x+h) - f(x-h)) / (2h): error O(h^2) because the h^2 f''/2 terms of the
 * two Taylor expansions cancel.  Two evaluations of f. */
double slope_deriv_central(slope_fn f, void *params, double x, double h);

/* (f(x+h) - 2 f(x) + f(x-h)) / h^2: the second derivative, error O(h^2).
 * Three evaluations of f. */
double slope_deriv_second(slope_fn f, void *params, double x, double h);

/* The error curve that the lesson plots: for each step h[k], k < nh,
 *   err_forward[k] = |forward difference - exact|,
 *   err_central[k] = |central difference - exact|,
 * where `exact` is the true f'(x) supplied by the caller.  Either output may
 * be NULL to skip it.  SLOPE_EINVAL if f or h is NULL, nh == 0, or some
 * h[k] <= 0 or is not finite; SLOPE_EDOM if x or exact is not finite. */
slope_status slope_deriv_error_curve(double *err_forward, double *err_central,
                                     slope_fn f, void *params, double x,
                                     double exact, const double *h, size_t nh);

/* ---- R^n -> R and R^n -> R^m ------------------------------------------- */

/* grad[i] = (f(x + h e_i) - f(x - h e_i)) / (2h), i < n: the gradient by
 * central differences.  x is not modified.  work: n doubles.  2n
 * evaluations of f. */
slope_status slope_deriv_gradient(double *grad, slope_fn_n f, void *params,
                                  const double *x, size_t n, double h,
                                  double *work);

/* J[i*n + j] = (f_i(x + h e_j) - f_i(x - h e_j)) / (2h): the m x n Jacobian
 * of f: R^n -> R^m, row-major, one column per pair of evaluations.
 * work: n + 2m doubles.  2n evaluations of f. */
slope_status slope_deriv_jacobian(double *J, slope_fn_nm f, void *params,
                                  const double *x, size_t n, size_t m,
                                  double h, double *work);

/* The n x n Hessian, row-major, by the four-point formula
 *   H[i][j] = (f(x+h e_i+h e_j) - f(x+h e_i-h e_j)
 *              - f(x-h e_i+h e_j) + f(x-h e_i-h e_j)) / (4h^2),
 * with the shifts applied one after the other (x_i + h, then + h again when
 * i == j), exactly as the formula reads.  Error O(h^2); only the upper
 * triangle is evaluated and mirrored, so H is exactly symmetric.
 * work: n doubles.  2n(n+1) evaluations of f. */
slope_status slope_deriv_hessian(double *H, slope_fn_n f, void *params,
                                 const double *x, size_t n, double h,
                                 double *work);

#endif
