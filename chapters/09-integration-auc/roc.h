/*
 * roc.h -- chapter 09's classifier scores, their ROC curve on a threshold
 * grid and exactly, and the AUCs (the table roc-auc), shared by the chapter
 * program (integration.c) and the course website's live figure
 * (site/wasm/widgets.c), so that both compute and print the table one way.
 * Nothing here exits or prints to stdout: the functions return a
 * slope_status (or a documented value) and print into the stream they are
 * given.
 */
#ifndef ROC_H
#define ROC_H

#include <stdio.h>

#include "slope.h"

enum { N_SCORES = 100 }; /* the sample size of the lesson's section 8 */

/* scores[N_SCORES] and labels[N_SCORES] of the classifier drawn with
 * random seed rng_seed (see roc.c). */
void draw_scores(double *scores, int *labels, unsigned rng_seed);

/* numpy's linspace(0, 1, n) into t[n], n >= 2. */
void roc_linspace01(double *t, int n);

/* AUC as a probability: the fraction of (positive, negative) pairs of the n
 * scores in which the positive scores higher, a tie counting one half (NaN
 * when one class is empty). */
double pair_fraction(const double *s, const int *labels, int n);

/* The grid AUC over t = linspace(0, 1, nt) (t, fpr and tpr hold nt values
 * each and receive the grid and its rates) and *distinct, how many distinct
 * (fpr, tpr) points the grid reached.  The status of slope_auc_grid
 * (SLOPE_EINVAL for nt < 2). */
slope_status roc_grid_auc(double *auc, int *distinct, double *t, double *fpr, double *tpr,
                          const double *scores, const int *labels, int nt);

/* What the table roc-auc leaves for a caller that draws it: the exact ROC
 * curve (np points), its exact AUC and the grid's AUC. */
typedef struct {
    double fpr[N_SCORES + 1], tpr[N_SCORES + 1];
    size_t np;
    double exact, grid;
} roc_result;

/* The table roc-auc for the N_SCORES scores and labels drawn with random
 * seed `seed`, on a grid of nt thresholds (t, gf, gt hold nt values each
 * and receive the grid, its fpr and tpr).  SLOPE_OK, the status of the
 * first libslope call that fails (SLOPE_EINVAL for nt < 2), or SLOPE_EDOM
 * when writing to the stream fails (ferror, as lib/table.h reports it). */
slope_status roc_auc_table_print(FILE *out, roc_result *r, double *t, double *gf, double *gt,
                                 const double *scores, const int *labels, int nt, unsigned seed);

#endif
