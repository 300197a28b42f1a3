/*
 * arrows.h -- chapter 03's bowl and the gradient's two arrows at a point
 * (the table arrows), shared by the chapter program (gradients.c) and the
 * course website's live figure (site/wasm/widgets.c), so that both compute
 * and print the table one way.  Nothing here exits or prints to stdout: the
 * functions return a slope_status and print into the stream they are given.
 */
#ifndef ARROWS_H
#define ARROWS_H

#include <stdio.h>

#include "slope.h"

/* A bowl a (w1 - c1)^2 + b (w2 - c2)^2; params = {a, b, c1, c2}; n = 2. */
double bowl(const double *w, size_t n, void *params);

/* Its gradient by hand: (2a (w1 - c1), 2b (w2 - c2)). */
void grad_bowl(double g[2], const double w[2], const double k[4]);

/* v + 0.0 turns -0.0 into +0.0 and leaves every other value alone: a point
 * at w1 = 0 has the gradient 0, not "-0.0000". */
double plus_zero(double v);

/* What the table arrows leaves for a caller that draws it: L at the point,
 * the gradient by hand and by central differences, and its length. */
typedef struct {
    double L, g[2], num[2], norm;
} arrows_result;

/* The table arrows of L = w1^2 + w2^2 at w: the two arrows, then the point
 * slid toward the minimum.  SLOPE_OK, the status of slope_deriv_gradient or
 * of the table printing (lib/table.h; SLOPE_EDOM when writing to the stream
 * fails), or SLOPE_EDOM when the stream reports an error (ferror). */
slope_status arrows_table_print(FILE *out, arrows_result *r, const double w[2]);

#endif
