/*
 * fn.h -- how libslope receives the functions it differentiates, integrates
 * and minimises.
 *
 * As in GSL, a function is passed as data: a plain C function pointer plus an
 * opaque `params` pointer that is handed back on every call, so a caller can
 * close over whatever it needs without globals.  Outputs come first, then
 * inputs, then sizes (the llm.c convention).
 */
#ifndef SLOPE_FN_H
#define SLOPE_FN_H

#include <stddef.h>

/* f: R -> R */
typedef double (*slope_fn)(double x, void *params);

/* f: R^n -> R, e.g. a loss of n parameters */
typedef double (*slope_fn_n)(const double *x, size_t n, void *params);

/* f: R^n -> R^m, writes y[0..m-1] */
typedef void (*slope_fn_nm)(double *y, size_t m, const double *x, size_t n, void *params);

/* gradient of an R^n -> R function: writes g[0..n-1] at x */
typedef void (*slope_grad_fn)(double *g, const double *x, size_t n, void *params);

/* a linear map R^n -> R^n given by its action: writes y[0..n-1] = A v, e.g.
 * a Hessian-vector product, without A ever being formed */
typedef void (*slope_matvec_fn)(double *y, const double *v, size_t n, void *params);

#endif
