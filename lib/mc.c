/*
 * mc.c -- Monte Carlo means with their standard errors: expectations under a
 * normal, the score-function and reparameterised gradients, box integrals.
 */
#include "mc.h"

#include <math.h>

/* Welford's running mean and sum of squared deviations. */
typedef struct {
    double mean, m2;
    size_t k;
} running;

static void push(running *r, double x)
{
    r->k++;
    double d = x - r->mean;
    r->mean += d / (double)r->k;
    r->m2 += d * (x - r->mean);
}

/* Fills est from r; SLOPE_EDOM (and NaN) when a term was not finite. */
static slope_status finish(slope_mc_estimate *est, const running *r, int finite)
{
    est->n = r->k;
    if (!finite) {
        est->mean = est->var = est->se = NAN;
        return SLOPE_EDOM;
    }
    est->mean = r->mean;
    est->var = r->m2 / (double)(r->k - 1);
    est->se = sqrt(est->var / (double)r->k);
    return SLOPE_OK;
}

static slope_status normal_check(const slope_mc_estimate *est, slope_fn f,
                                 const slope_rng *rng, double theta, double sigma,
                                 double baseline, size_t n)
{
    if (!est || !f || !rng || n < 2 || !(sigma > 0.0 && isfinite(sigma)))
        return SLOPE_EINVAL;
    return isfinite(theta) && isfinite(baseline) ? SLOPE_OK : SLOPE_EDOM;
}

/* Which term a draw eps contributes. */
typedef enum { TERM_VALUE, TERM_SCORE, TERM_PATH } term_kind;

static slope_status normal_mean(slope_mc_estimate *est, term_kind kind, slope_fn f,
                                void *params, double theta, double sigma, double baseline,
                                size_t n, slope_rng *rng)
{
    slope_status st = normal_check(est, f, rng, theta, sigma, baseline, n);
    if (st != SLOPE_OK)
        return st;
    running r = {0.0, 0.0, 0};
    for (size_t i = 0; i < n; i++) {
        double eps = slope_rng_gauss(rng), fx = f(theta + sigma * eps, params);
        if (!isfinite(fx))
            return finish(est, &r, 0);
        /* (x - theta) / sigma^2 = eps / sigma */
        push(&r, kind == TERM_SCORE ? (fx - baseline) * eps / sigma : fx);
    }
    return finish(est, &r, 1);
}

slope_status slope_mc_expect_normal(slope_mc_estimate *est, slope_fn f, void *params,
                                    double theta, double sigma, size_t n, slope_rng *rng)
{
    return normal_mean(est, TERM_VALUE, f, params, theta, sigma, 0.0, n, rng);
}

slope_status slope_mc_grad_score(slope_mc_estimate *est, slope_fn f, void *params,
                                 double theta, double sigma, double baseline, size_t n,
                                 slope_rng *rng)
{
    return normal_mean(est, TERM_SCORE, f, params, theta, sigma, baseline, n, rng);
}

slope_status slope_mc_grad_reparam(slope_mc_estimate *est, slope_fn df, void *params,
                                   double theta, double sigma, size_t n, slope_rng *rng)
{
    /* the pathwise term is df at the sample itself: the same mean as E df */
    return normal_mean(est, TERM_PATH, df, params, theta, sigma, 0.0, n, rng);
}

slope_status slope_mc_integrate_box(slope_mc_estimate *est, slope_fn_n f, void *params,
                                    const double *lo, const double *hi, size_t d, size_t n,
                                    slope_rng *rng, double *work)
{
    if (!est || !f || !lo || !hi || !rng || !work || d == 0 || n < 2)
        return SLOPE_EINVAL;
    for (size_t j = 0; j < d; j++)
        if (!isfinite(lo[j]) || !isfinite(hi[j]))
            return SLOPE_EDOM;
    double vol = 1.0;
    for (size_t j = 0; j < d; j++) {
        if (!(lo[j] < hi[j]))
            return SLOPE_EINVAL;
        vol *= hi[j] - lo[j];
    }
    if (!isfinite(vol))
        return SLOPE_EDOM; /* finite bounds, but a volume beyond DBL_MAX */
    running r = {0.0, 0.0, 0};
    for (size_t i = 0; i < n; i++) {
        for (size_t j = 0; j < d; j++)
            work[j] = lo[j] + (hi[j] - lo[j]) * slope_rng_uniform(rng);
        double fx = f(work, d, params);
        if (!isfinite(fx))
            return finish(est, &r, 0);
        push(&r, vol * fx);
    }
    return finish(est, &r, 1);
}
