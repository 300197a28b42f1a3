/*
 * check_mc.c -- tests of lib/mc.c.
 *
 * Evidence used:
 *   - numpy's own estimates from the same seed (tests/oracle/mc_oracle.py ->
 *     tests/golden/mc/): the sample mean and variance of every estimator to
 *     1e-12 -- the same draws, so only rounding may differ;
 *   - the exact answers: d/dtheta E x^2 = 2 theta, d/dtheta E sin x =
 *     cos(theta) e^(-sigma^2/2), the closed-form variances of the x^2
 *     estimators (checked against scipy's quadrature of the same moments),
 *     and the box integral (sqrt(pi)/2 (erf 2 + erf 1))^3; each estimate
 *     within 5 standard errors (CLT: |mean - exact| <= 5 sd/sqrt(n) fails
 *     with probability 6e-7 for a random seed) and each sample variance
 *     within 5 sd of its own sampling distribution, sqrt((mu4 - var^2)/n);
 *   - common random numbers: copies of one state give both estimators the
 *     same draws, and the reparameterised variance is the smaller;
 *   - one test per documented error path.
 */
#include <check.h>
#include <float.h>
#include <math.h>
#include <stdlib.h>

#include "mc.h"
#include "testutil.h"

#define SEED 2385
#define N 10000
#define THETA 0.7
#define SIGMA 1.3
#define BASE (THETA * THETA + SIGMA * SIGMA)

static double sq(double x, void *p)
{
    (void)p;
    return x * x;
}

static double twice(double x, void *p)
{
    (void)p;
    return 2.0 * x;
}

static double sine(double x, void *p)
{
    (void)p;
    return sin(x);
}

static double cosine(double x, void *p)
{
    (void)p;
    return cos(x);
}

/* Row _i of estimators.txt, estimated here from a fresh seed. */
static slope_status estimate(slope_mc_estimate *e, int row)
{
    slope_rng r;
    slope_rng_seed(&r, SEED);
    switch (row) {
    case 0: return slope_mc_expect_normal(e, sq, NULL, THETA, SIGMA, N, &r);
    case 1: return slope_mc_grad_score(e, sq, NULL, THETA, SIGMA, 0.0, N, &r);
    case 2: return slope_mc_grad_score(e, sq, NULL, THETA, SIGMA, BASE, N, &r);
    case 3: return slope_mc_grad_reparam(e, twice, NULL, THETA, SIGMA, N, &r);
    case 4: return slope_mc_grad_score(e, sine, NULL, THETA, SIGMA, 0.0, N, &r);
    default: return slope_mc_grad_reparam(e, cosine, NULL, THETA, SIGMA, N, &r);
    }
}

/* Exact mean and variance of each row's term, by hand. */
static void exact(double *mean, double *var, int row)
{
    const double t2 = THETA * THETA, s2 = SIGMA * SIGMA;
    const double score_var = t2 * t2 / s2 + 14.0 * t2 + 15.0 * s2;
    switch (row) {
    case 0: *mean = t2 + s2, *var = 4.0 * t2 * s2 + 2.0 * s2 * s2; return;
    case 1: *mean = 2.0 * THETA, *var = score_var; return;
    /* a baseline b removes 2b (theta^2 + 3 sigma^2)/sigma^2 - b^2/sigma^2 */
    case 2: *mean = 2.0 * THETA, *var = score_var - (2.0 * BASE * (t2 + 3.0 * s2) - BASE * BASE) / s2;
        return;
    case 3: *mean = 2.0 * THETA, *var = 4.0 * s2; return;
    default: *mean = cos(THETA) * exp(-s2 / 2.0), *var = NAN; return; /* var: scipy's */
    }
}

START_TEST(test_matches_numpy_draws)
{
    size_t len;
    double *g = test_read_doubles("mc/estimators.txt", &len);
    ck_assert_uint_eq(len, 6 * 5);
    slope_mc_estimate e;
    ck_assert_int_eq(estimate(&e, _i), SLOPE_OK);
    ck_assert_uint_eq(e.n, N);
    ck_assert_rel(e.mean, g[5 * _i], 1e-12);
    ck_assert_rel(e.var, g[5 * _i + 1], 1e-12);
    ck_assert_double_eq(e.se, sqrt(e.var / N));
    free(g);
}
END_TEST

START_TEST(test_against_exact)
{
    size_t len;
    double *g = test_read_doubles("mc/estimators.txt", &len);
    const double *q = g + 5 * _i + 2; /* scipy: mean, var, mu4 */
    double mean, var;
    exact(&mean, &var, _i);
    ck_assert_rel(q[0], mean, 1e-12); /* the closed forms agree with quadrature */
    if (!isnan(var))
        ck_assert_rel(q[1], var, 1e-12);
    slope_mc_estimate e;
    ck_assert_int_eq(estimate(&e, _i), SLOPE_OK);
    ck_assert_double_le(fabs(e.mean - q[0]), 5.0 * sqrt(q[1] / N));
    ck_assert_double_le(fabs(e.var - q[1]), 5.0 * sqrt((q[2] - q[1] * q[1]) / N));
    free(g);
}
END_TEST

/* Same draws for both (copies of one state): the reparameterised term has
 * about a fifth of the plain score term's variance here (6.76 vs 32.35),
 * and the baseline recovers a third of the score's (20.82). */
START_TEST(test_common_random_numbers)
{
    slope_rng a, b, c;
    slope_rng_seed(&a, 17);
    b = a;
    c = a;
    slope_mc_estimate s, s0, p;
    ck_assert_int_eq(slope_mc_grad_score(&s0, sq, NULL, THETA, SIGMA, 0.0, N, &a), SLOPE_OK);
    ck_assert_int_eq(slope_mc_grad_score(&s, sq, NULL, THETA, SIGMA, BASE, N, &b), SLOPE_OK);
    ck_assert_int_eq(slope_mc_grad_reparam(&p, twice, NULL, THETA, SIGMA, N, &c), SLOPE_OK);
    ck_assert_mem_eq(&a, &c, sizeof a); /* both consumed exactly n deviates */
    ck_assert_double_lt(p.var, s.var);
    ck_assert_double_lt(s.var, s0.var);
    /* the reparameterised mean is 2 theta + 2 sigma mean(eps): sd 2 sigma / sqrt(n) */
    ck_assert_double_le(fabs(p.mean - 2.0 * THETA), 5.0 * 2.0 * SIGMA / sqrt(N));
}
END_TEST

/* exp(-|x|^2) over [-1, 2]^3: numpy's estimate from the same uniforms, and
 * the exact integral within 5 standard errors. */
static double gauss3(const double *x, size_t d, void *p)
{
    (void)p;
    double s = 0.0;
    for (size_t j = 0; j < d; j++)
        s += x[j] * x[j];
    return exp(-s);
}

START_TEST(test_box_integral)
{
    size_t len;
    double *g = test_read_doubles("mc/box.txt", &len);
    ck_assert_uint_eq(len, 5);
    const double lo[3] = {-1, -1, -1}, hi[3] = {2, 2, 2};
    double work[3];
    slope_rng r;
    slope_rng_seed(&r, SEED);
    slope_mc_estimate e;
    ck_assert_int_eq(slope_mc_integrate_box(&e, gauss3, NULL, lo, hi, 3, (size_t)g[1], &r, work),
                     SLOPE_OK);
    ck_assert_rel(e.mean, g[2], 1e-12);
    ck_assert_rel(e.var, g[3], 1e-12);
    double want = pow(sqrt(acos(-1.0)) / 2.0 * (erf(2.0) + erf(1.0)), 3);
    ck_assert_rel(g[4], want, 1e-14);
    ck_assert_double_le(fabs(e.mean - want), 5.0 * e.se);
    free(g);
}
END_TEST

/* ---- error paths ---------------------------------------------------------------- */

static double nan_after_3(double x, void *p)
{
    int *calls = p;
    return ++*calls > 3 ? NAN : x;
}

START_TEST(test_errors)
{
    slope_rng r, r0;
    slope_rng_seed(&r, 5);
    r0 = r;
    slope_mc_estimate e = {7.0, 7.0, 7.0, 7};
    ck_assert_int_eq(slope_mc_expect_normal(NULL, sq, NULL, 0.5, 1.0, 10, &r), SLOPE_EINVAL);
    ck_assert_int_eq(slope_mc_expect_normal(&e, NULL, NULL, 0.5, 1.0, 10, &r), SLOPE_EINVAL);
    ck_assert_int_eq(slope_mc_expect_normal(&e, sq, NULL, 0.5, 1.0, 10, NULL), SLOPE_EINVAL);
    ck_assert_int_eq(slope_mc_expect_normal(&e, sq, NULL, 0.5, 1.0, 1, &r), SLOPE_EINVAL);
    ck_assert_int_eq(slope_mc_expect_normal(&e, sq, NULL, 0.5, 0.0, 10, &r), SLOPE_EINVAL);
    ck_assert_int_eq(slope_mc_expect_normal(&e, sq, NULL, 0.5, -1.0, 10, &r), SLOPE_EINVAL);
    ck_assert_int_eq(slope_mc_expect_normal(&e, sq, NULL, 0.5, NAN, 10, &r), SLOPE_EINVAL);
    ck_assert_int_eq(slope_mc_grad_reparam(&e, sq, NULL, 0.5, INFINITY, 10, &r), SLOPE_EINVAL);
    ck_assert_int_eq(slope_mc_grad_reparam(&e, NULL, NULL, 0.5, 1.0, 10, &r), SLOPE_EINVAL);
    ck_assert_int_eq(slope_mc_grad_score(&e, sq, NULL, 0.5, 1.0, 0.0, 0, &r), SLOPE_EINVAL);
    ck_assert_int_eq(slope_mc_grad_score(&e, sq, NULL, NAN, 1.0, 0.0, 10, &r), SLOPE_EDOM);
    ck_assert_int_eq(slope_mc_grad_score(&e, sq, NULL, 0.5, 1.0, INFINITY, 10, &r), SLOPE_EDOM);
    ck_assert_int_eq(slope_mc_grad_reparam(&e, sq, NULL, -INFINITY, 1.0, 10, &r), SLOPE_EDOM);
    ck_assert_double_eq(e.mean, 7.0);
    ck_assert_mem_eq(&r, &r0, sizeof r); /* nothing drawn */
    int calls = 0;
    ck_assert_int_eq(slope_mc_grad_score(&e, nan_after_3, &calls, 0.5, 1.0, 0.0, 10, &r),
                     SLOPE_EDOM);
    ck_assert(isnan(e.mean) && isnan(e.var) && isnan(e.se));
    ck_assert_uint_eq(e.n, 3);
}
END_TEST

START_TEST(test_errors_box)
{
    const double lo[2] = {0.0, -1.0}, hi[2] = {1.0, 1.0}, flat[2] = {0.0, -1.0};
    const double nanb[2] = {0.0, NAN}, big[2] = {1e300, 1e300}, nbig[2] = {-1e300, -1e300};
    double work[2];
    slope_rng r, r0;
    slope_rng_seed(&r, 5);
    r0 = r;
    slope_mc_estimate e = {7.0, 7.0, 7.0, 7};
    ck_assert_int_eq(slope_mc_integrate_box(NULL, gauss3, NULL, lo, hi, 2, 10, &r, work), SLOPE_EINVAL);
    ck_assert_int_eq(slope_mc_integrate_box(&e, NULL, NULL, lo, hi, 2, 10, &r, work), SLOPE_EINVAL);
    ck_assert_int_eq(slope_mc_integrate_box(&e, gauss3, NULL, NULL, hi, 2, 10, &r, work), SLOPE_EINVAL);
    ck_assert_int_eq(slope_mc_integrate_box(&e, gauss3, NULL, lo, NULL, 2, 10, &r, work), SLOPE_EINVAL);
    ck_assert_int_eq(slope_mc_integrate_box(&e, gauss3, NULL, lo, hi, 2, 10, NULL, work), SLOPE_EINVAL);
    ck_assert_int_eq(slope_mc_integrate_box(&e, gauss3, NULL, lo, hi, 2, 10, &r, NULL), SLOPE_EINVAL);
    ck_assert_int_eq(slope_mc_integrate_box(&e, gauss3, NULL, lo, hi, 0, 10, &r, work), SLOPE_EINVAL);
    ck_assert_int_eq(slope_mc_integrate_box(&e, gauss3, NULL, lo, hi, 2, 1, &r, work), SLOPE_EINVAL);
    ck_assert_int_eq(slope_mc_integrate_box(&e, gauss3, NULL, lo, flat, 2, 10, &r, work), SLOPE_EINVAL);
    ck_assert_int_eq(slope_mc_integrate_box(&e, gauss3, NULL, lo, nanb, 2, 10, &r, work), SLOPE_EDOM);
    ck_assert_int_eq(slope_mc_integrate_box(&e, gauss3, NULL, nbig, big, 2, 10, &r, work), SLOPE_EDOM);
    ck_assert_double_eq(e.mean, 7.0);
    ck_assert_mem_eq(&r, &r0, sizeof r);
}
END_TEST

Suite *make_mc_suite(void)
{
    Suite *s = suite_create("mc");
    TCase *tc = tcase_create("oracle");
    tcase_add_loop_test(tc, test_matches_numpy_draws, 0, 6);
    tcase_add_loop_test(tc, test_against_exact, 0, 6);
    tcase_add_test(tc, test_common_random_numbers);
    tcase_add_test(tc, test_box_integral);
    suite_add_tcase(s, tc);

    tc = tcase_create("errors");
    tcase_add_test(tc, test_errors);
    tcase_add_test(tc, test_errors_box);
    suite_add_tcase(s, tc);
    return s;
}
