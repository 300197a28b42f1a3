/*
 * mc.h -- Monte Carlo: expectations, integrals, and gradients of
 * expectations, each with its standard error.
 *
 * An expectation E f(x) is an integral; Monte Carlo replaces it by the mean
 * of f over n independent draws.  The mean is unbiased and, by the central
 * limit theorem, off by about sd / sqrt(n) -- whatever the dimension, which
 * is where it beats quadrature rules whose cost grows like m^d.  Every
 * estimate here therefore comes with the sample variance of one draw and
 * the standard error sqrt(var / n), so a caller can state how far it can be
 * trusted.
 *
 * Gradients of expectations, d/dtheta E_{x ~ N(theta, sigma^2)} f(x), have
 * two classical unbiased estimators (Mohamed, Rosca, Figurnov & Mnih,
 * "Monte Carlo gradient estimation in machine learning", JMLR 21, 2020,
 * sections 4 and 5):
 *
 *   score function   E[(f(x) - b) (x - theta) / sigma^2]: differentiate the
 *   (REINFORCE)      density, not f (Williams, Machine Learning 8, 1992).
 *                    Needs only values of f -- f may be a black box or
 *                    discontinuous -- but its variance is large; a constant
 *                    baseline b leaves it unbiased (E[x - theta] = 0) and
 *                    can shrink the variance a lot.
 *   reparameterised  E[f'(theta + sigma eps)], eps ~ N(0, 1): move theta into
 *   (pathwise)       the sample and differentiate f along the path (Kingma &
 *                    Welling, "Auto-encoding variational Bayes", ICLR 2014).
 *                    Needs f', usually has far lower variance.
 *
 * For f(x) = x^2 both have mean 2 theta; the reparameterised term 2x has
 * variance 4 sigma^2, the score term theta^4/sigma^2 + 14 theta^2 +
 * 15 sigma^2 (b = 0).
 *
 * Randomness comes from the caller's rng.h stream, so a run is reproducible
 * and draws exactly what numpy draws after the same seed: draw i uses
 * eps_i = slope_rng_gauss (numpy: `randn`), x_i = theta + sigma eps_i; the
 * box integral uses slope_rng_uniform (numpy: `random_sample`), d per
 * point.  Two calls with copies of one state use the same draws (common
 * random numbers), which makes estimators directly comparable.
 *
 * Output: a slope_mc_estimate.  The mean and variance are accumulated with
 * Welford's update (Welford, Technometrics 4, 1962), which does not lose
 * the variance to cancellation when the mean is large.
 *
 * Error contract, shared by every function here: SLOPE_EINVAL for a NULL
 * est, f or rng, n < 2 (one draw has no variance) and the invalid constants
 * named per function; SLOPE_EDOM for a NaN or Inf theta, baseline or box
 * bound (or a box whose volume overflows); in both cases nothing is written
 * and nothing is drawn.
 * SLOPE_EDOM also when f returns a non-finite value: est is then filled
 * with NaN (and the draws made so far are consumed).
 */
#ifndef SLOPE_MC_H
#define SLOPE_MC_H

#include <stddef.h>

#include "fn.h"
#include "rng.h"
#include "status.h"

typedef struct {
    double mean; /* the estimate: the mean of the n per-draw terms */
    double var;  /* sample variance of one term (denominator n - 1) */
    double se;   /* standard error of the mean, sqrt(var / n) */
    size_t n;    /* draws used */
} slope_mc_estimate;

/* E f(x), x ~ N(theta, sigma^2), from n draws.  sigma > 0 and finite. */
slope_status slope_mc_expect_normal(slope_mc_estimate *est, slope_fn f, void *params,
                                    double theta, double sigma, size_t n, slope_rng *rng);

/* The score-function estimate of d/dtheta E f(x), x ~ N(theta, sigma^2):
 * the mean of (f(x_i) - baseline) (x_i - theta) / sigma^2 over n draws.
 * baseline = 0 is the plain estimator; any constant keeps it unbiased.
 * sigma > 0 and finite. */
slope_status slope_mc_grad_score(slope_mc_estimate *est, slope_fn f, void *params,
                                 double theta, double sigma, double baseline, size_t n,
                                 slope_rng *rng);

/* The reparameterisation estimate of the same gradient: the mean of
 * df(theta + sigma eps_i) over n draws, where df is f's derivative.
 * sigma > 0 and finite. */
slope_status slope_mc_grad_reparam(slope_mc_estimate *est, slope_fn df, void *params,
                                   double theta, double sigma, size_t n, slope_rng *rng);

/* The integral of f over the box [lo_j, hi_j], j < d: volume times the mean
 * of f at n points drawn uniformly in the box (point i takes d consecutive
 * uniforms, lo_j + (hi_j - lo_j) u).  est->var and est->se refer to the
 * integral (the terms are volume * f).  lo_j < hi_j.  work: d doubles
 * (holds a point). */
slope_status slope_mc_integrate_box(slope_mc_estimate *est, slope_fn_n f, void *params,
                                    const double *lo, const double *hi, size_t d, size_t n,
                                    slope_rng *rng, double *work);

#endif
