/*
 * xor.h -- chapter 07's XOR training and its table, shared by the chapter
 * program (backprop.c) and the course website's live figure
 * (site/wasm/widgets.c), so that both compute and print the table
 * xor-training one way.  Nothing here exits or prints to stdout: the
 * functions return a slope_status and print into the stream they are given.
 */
#ifndef XOR_H
#define XOR_H

#include <stdio.h>

#include "slope.h"

enum {
    XOR_ROWS = 4,      /* the four XOR rows: the whole batch */
    XOR_IN = 2,        /* two inputs */
    XOR_MAX_HIDDEN = 16 /* the --hidden cap: every array has a fixed size */
};

/* What the options set: lr 0.5, 3000 epochs, 4 hidden units, random seed 0. */
typedef struct {
    double lr;
    int epochs, hidden, seed;
} config;

/* numpy's initial weights: W1 (2 x hidden) then W2 (hidden x 1), see xor.c. */
void draw_weights(double *w1, double *w2, const config *c);

/* A fresh 2-H-1 network at the initial weights of c (biases zero); the
 * status of slope_mlp_xor_init (SLOPE_EINVAL for a hidden width outside
 * 1..XOR_MAX_HIDDEN).  The caller frees it with slope_mlp_free. */
slope_status xor_net_init(slope_mlp_net *net, const config *c);

/* Is epoch k (0-based) a row of the loss table of a run of `epochs` epochs? */
int xor_milestone(int k, int epochs);

/* A rows x cols array as numpy's str() prints it, one line after the label
 * (none when the label is empty); %+.6e rows where numpy would switch to
 * scientific notation.  SLOPE_EDOM when writing to the stream fails (ferror, as lib/table.h reports it). */
slope_status xor_print_array(FILE *out, const char *label, const double *a, size_t rows,
                             size_t cols);

/* The table xor-training of a run: losses[0..epochs-1] (loss before each
 * epoch's update) and net as the training left it (net->a2 holds the last
 * forward pass, before the final update).  Runs one more forward pass, so
 * net->a2 ends as the trained network's own outputs.  SLOPE_OK, the status
 * of that forward pass, SLOPE_EINVAL for epochs < 1 (nothing is printed),
 * or SLOPE_EDOM when writing to the stream fails (ferror, as lib/table.h reports it). */
slope_status xor_training_table(FILE *out, slope_mlp_net *net, const double *losses,
                                const config *c);

#endif
