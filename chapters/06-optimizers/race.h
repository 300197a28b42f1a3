/*
 * race.h -- chapter 06's own run of the four optimizers (the table your-run)
 * and the two losses it runs them on, shared by the chapter program
 * (optimizers.c) and the course website's live figure (site/wasm/widgets.c),
 * so that both compute and print the table one way.  Nothing here exits or
 * prints to stdout: the functions return a slope_status and print into the
 * stream they are given.
 */
#ifndef RACE_H
#define RACE_H

#include <stdio.h>

#include "slope.h"

/* The ravine w1^2 + 10 w2^2: curvature 2 along w1, 20 along w2.  n = 2;
 * params unused. */
double ravine(const double *w, size_t n, void *p);
void ravine_grad(double *g, const double *w, size_t n, void *p);

/* sin(w1) + 0.5 w2^2, non-convex in w1: minima at w1 = -pi/2 + 2 pi k, where
 * the loss is -1.  n = 2; params unused. */
double wavy(const double *w, size_t n, void *p);
void wavy_grad(double *g, const double *w, size_t n, void *p);

/* What the options set (the program's options of the same names). */
typedef struct {
    double lr, beta, beta1, beta2, eps, w1, w2;
    int steps;   /* K >= 4, the steps of every run */
    int problem; /* 1 the ravine, 2 sin(w1) + 0.5 w2^2 */
} race_settings;

/* Called after each optimizer's row with its run: traj (2 (K+1) iterates),
 * loss (K+1 losses), the steps done (K unless it diverged) and whether it
 * diverged; the entries past `done` of a diverged run are 0. */
typedef void (*race_sink)(void *ctx, const double *traj, const double *loss, size_t done,
                          int diverged, size_t k);

/* The table your-run: SGD, momentum (EMA form), RMSProp and Adam from
 * (w1, w2), K steps each, one row each (the losses at K/4, K/2, 3K/4 and K
 * and the final w, or the step that diverged); sink (may be NULL) sees each
 * run.  SLOPE_OK; SLOPE_ENOMEM when the buffers cannot be allocated; the
 * status of an optimizer's init (SLOPE_EINVAL for settings it refuses) or of
 * a run that fails other than by diverging; SLOPE_EINVAL for steps < 4 or a
 * problem other than 1 or 2; SLOPE_EDOM when writing to the stream fails
 * (ferror, as lib/table.h reports it). */
slope_status race_table_print(FILE *out, const race_settings *s, race_sink sink, void *ctx);

#endif
