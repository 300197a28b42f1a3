/*
 * shape.h -- chapter 04's Hessian of a x^2 + b xy + c y^2, its eigenvalues
 * and the second-derivative test (the table hessian), shared by the chapter
 * program (jacobian_hessian.c) and the course website's live figure
 * (site/wasm/widgets.c), so that both compute and print the table one way.
 * Nothing here exits or prints to stdout: the functions return a
 * slope_status (or a documented value) and print into the stream they are
 * given.
 */
#ifndef SHAPE_H
#define SHAPE_H

#include <stdio.h>

#include "slope.h"

/* f(x, y) = a x^2 + b xy + c y^2; params: a quad *; n = 2. */
typedef struct {
    double a, b, c;
} quad;

double quad_abc(const double *p, size_t n, void *params);

/* The bare sign rule on two eigenvalues: 1 all positive, -1 all negative,
 * 0 mixed (a zero counts as "mixed"). */
int sign_rule(const double ev[2]);

/* The second-derivative test on n eigenvalues with tolerance tol: "local
 * min", "local max", "saddle point" or "inconclusive" (a static string). */
const char *classify(const double *ev, size_t n, double tol);

/* numpy's str() of a rows x cols array into buf (a vector when rows == 1);
 * where numpy would switch to scientific notation, each entry as %.3e.
 * SLOPE_OK, or the status of slope_table_numpy_vector/_matrix when it fails
 * otherwise (lib/table.h: SLOPE_EINVAL for a NULL pointer or a zero size,
 * SLOPE_ETOL when buf is too small -- for the %.3e form too; buf then holds
 * a NUL-terminated prefix). */
slope_status shape_npstr(char *buf, size_t size, const double *a, size_t rows, size_t cols);

/* What the table hessian leaves for a caller that draws it: the numerical
 * Hessian (row-major), its eigenvalues (ascending), the numerical gradient
 * at the point and the verdict of classify. */
typedef struct {
    double H[4], ev[2], grad[2];
    const char *verdict;
} shape_result;

/* The table hessian of f = a x^2 + b xy + c y^2 at p, with the four-point
 * step h and the tolerance tol of classify; *r as above.  SLOPE_OK, the
 * status of the first libslope call that fails (the Hessian, its
 * eigenvalues, a gradient, the formatting), or SLOPE_EDOM when writing to
 * the stream fails (ferror, as lib/table.h reports it). */
slope_status hessian_table_print(FILE *out, shape_result *r, const quad *q, const double p[2],
                                 double h, double tol);

#endif
