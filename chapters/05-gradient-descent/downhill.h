/*
 * downhill.h -- chapter 05's run of gradient descent at the reader's rate
 * and start (the table descent) and the loss it descends, shared by the
 * chapter program (descent.c) and the course website's live figure
 * (site/wasm/widgets.c), so that both compute and print the table one way.
 * Nothing here exits or prints to stdout: the functions return a
 * slope_status and print into the stream they are given.
 */
#ifndef DOWNHILL_H
#define DOWNHILL_H

#include <stdio.h>

#include "slope.h"

/* L(w) = (w - c)^2: a one-dimensional bowl with its minimum at c.
 * params: a const double * holding c; n = 1. */
double parabola(const double *w, size_t n, void *p);
void parabola_grad(double *g, const double *w, size_t n, void *p);

/* The table descent: `steps` steps of plain gradient descent (libslope's
 * SGD driver) on (w - 3)^2 from x0 at rate lr, printed at the first five
 * steps, every tenth of the run, and the last.  traj and loss hold steps+1
 * values each and receive the run; *done the steps that stayed finite.
 * SLOPE_OK; SLOPE_EDIVERGED when an iterate overflowed (the table is
 * printed, ending with the step that diverged); SLOPE_EINVAL for steps < 1
 * or a rate slope_optim_sgd_init refuses, or another status of the driver
 * (nothing is printed then); SLOPE_EDOM when writing to the stream fails
 * (ferror, as lib/table.h reports it). */
slope_status descent_table_print(FILE *out, double *traj, double *loss, size_t *done, double lr,
                                 double x0, int steps);

#endif
