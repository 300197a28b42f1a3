/*
 * rates.h -- chapter 08's three rate bounds checked step by step (the table
 * rate-check), shared by the chapter program (convergence.c) and the course
 * website's live figure (site/wasm/widgets.c), so that both compute and print
 * the table one way.  Nothing here exits or prints to stdout: the functions
 * return a slope_status and print into the stream they are given.
 */
#ifndef RATES_H
#define RATES_H

#include <stdio.h>

#include "slope.h"

/* 0.5 x^T A x for a symmetric 2 x 2 matrix A (row-major); gradient A x.
 * params: a quadratic *; n = 2.  (The gradient is NaN if the product
 * fails, which it cannot for n = 2 and valid pointers.) */
typedef struct {
    double A[4];
} quadratic;

void quad_grad(double *g, const double *x, size_t n, void *p);
double quad_f(const double *x, size_t n, void *p);

/* r^4 / (1 + r^2), r = ||x||: convex, L = 5/2, flat at its minimum. */
double flat(const double *x, size_t n, void *u);
void flat_grad(double *g, const double *x, size_t n, void *u);

/* sin(x) + y^2/20: not convex, 1-smooth, lowest value -1. */
double wave(const double *p, size_t n, void *u);
void wave_grad(double *g, const double *p, size_t n, void *u);

/* One of the three problems of the table and its constants. */
typedef struct {
    const char *name;
    slope_rate rate;
    slope_convergence_problem p;
    double L, mu;
} rate_case;

/* The options the table depends on (the program's of the same names). */
typedef struct {
    double x0, y0;      /* the start point */
    double kappa2;      /* the ravine diag(1, kappa2) */
    double step_factor; /* the step as a multiple of 1/L */
    int steps;          /* K, the number of steps */
} rate_options;

/* Fills the three problems: r^4/(1 + r^2) (convex), the ravine diag(1, kappa2)
 * in *q (strongly convex) and sin(x) + y^2/20 (non-convex). */
void rate_cases(rate_case c[3], quadratic *q, double kappa2);

/* Gradient descent with step step_factor / L on one problem: the measured
 * quantity and its bound after every step j = 0..k, and the worst ratio;
 * the status of slope_convergence_check. */
slope_status run_check(double *worst, double *actual, double *bound, const rate_case *c,
                       const double x0[2], double step_factor, size_t k);

/* The three checks, K = o->steps steps each: *buf (malloc'ed, the caller
 * frees it) holds, for problem i, its measured quantity at 2i(K+1) and its
 * bound at (2i+1)(K+1).  SLOPE_EINVAL for K < 1 and SLOPE_ENOMEM when the
 * allocation fails (*buf is NULL in both cases), else the first failing
 * check's status. */
slope_status rate_runs(double **buf, double worst[3], rate_case c[3], quadratic *q,
                       const rate_options *o);

/* The table rate-check: rows k = 0, 1, about ten more and K, then the worst
 * ratio of each problem.  SLOPE_OK, a status of rate_runs (SLOPE_EINVAL
 * for K < 1), or SLOPE_EDOM when writing to the stream fails (ferror, as
 * lib/table.h reports it). */
slope_status rate_check_table_print(FILE *out, const rate_options *o);

#endif
