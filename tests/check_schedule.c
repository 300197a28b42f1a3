/*
 * check_schedule.c -- tests of lib/schedule.c.
 *
 * Evidence used: the closed forms, at values where they are exact in binary
 * or known to the last bit (cos(pi) = -1, factor^k of a power of two); the
 * Robbins-Monro sums of 1/t, partial sums of the harmonic series
 * (ln N + gamma + 1/(2N) - ...) diverging and of its squares staying below
 * pi^2/6; every documented NaN.
 */
#include <check.h>
#include <float.h>
#include <math.h>
#include <stdint.h>

#include "schedule.h"
#include "testutil.h"

START_TEST(test_inverse)
{
    ck_assert_double_eq(slope_schedule_inverse(0.75, 0.5, 0), 0.75);
    ck_assert_double_eq(slope_schedule_inverse(0.75, 0.5, 2), 0.375);
    ck_assert_double_eq(slope_schedule_inverse(0.75, 0.5, 6), 0.1875);
    ck_assert_double_eq(slope_schedule_inverse(2.385, 0.0, 1000), 2.385); /* constant */
    ck_assert_rel(slope_schedule_inverse(2.385, 0.37, 11), 2.385 / (1.0 + 0.37 * 11), DBL_EPSILON);
}
END_TEST

/* lr_t = 1/(1 + t): sum_{t<N} lr_t = H_N ~ ln N + 0.5772 + 1/(2N) grows
 * without bound; sum lr_t^2 < pi^2/6 for every N: both conditions. */
START_TEST(test_inverse_robbins_monro)
{
    const double gamma = 0.57721566490153286, pi = acos(-1.0);
    double s = 0.0, s2 = 0.0;
    const size_t N = 1000000;
    for (size_t t = 0; t < N; t++) {
        double lr = slope_schedule_inverse(1.0, 1.0, t);
        s += lr;
        s2 += lr * lr;
    }
    /* the next term of H_N is -1/(12 N^2) ~ 1e-13; N roundings of a sum
     * near 14 cost at most N eps 14 ~ 3e-9 */
    ck_assert_double_eq_tol(s, log((double)N) + gamma + 0.5 / (double)N, 4e-9);
    /* the tail sum_{k > N} 1/k^2 lies in (1/(N+1), 1/N) */
    ck_assert_double_lt(s2, pi * pi / 6.0 - 1.0 / (double)(N + 1) + 1e-9);
    ck_assert_double_gt(s2, pi * pi / 6.0 - 1.0 / (double)N - 1e-9);
}
END_TEST

START_TEST(test_step)
{
    ck_assert_double_eq(slope_schedule_step(0.8, 0.5, 30, 0), 0.8);
    ck_assert_double_eq(slope_schedule_step(0.8, 0.5, 30, 29), 0.8);
    ck_assert_double_eq(slope_schedule_step(0.8, 0.5, 30, 30), 0.4);
    ck_assert_double_eq(slope_schedule_step(0.8, 0.5, 30, 95), 0.1);
    ck_assert_double_eq(slope_schedule_step(0.8, 1.0, 1, 12345), 0.8);
    ck_assert_rel(slope_schedule_step(0.1, 0.1, 10, 25), 0.001, 2 * DBL_EPSILON);
}
END_TEST

START_TEST(test_cosine)
{
    ck_assert_double_eq(slope_schedule_cosine(0.5, 0.125, 0, 100), 0.5);
    ck_assert_double_eq(slope_schedule_cosine(0.5, 0.125, 100, 100), 0.125);
    ck_assert_double_eq(slope_schedule_cosine(0.5, 0.125, 250, 100), 0.125);
    /* the midpoint: cos(pi/2) is 6e-17, not 0, in double precision */
    ck_assert_double_eq_tol(slope_schedule_cosine(0.5, 0.125, 50, 100), 0.3125, 4 * DBL_EPSILON);
    /* a quarter: (1 + cos(pi/4)) / 2 */
    ck_assert_rel(slope_schedule_cosine(2.385, 0.0, 25, 100),
                  2.385 * 0.5 * (1.0 + sqrt(0.5)), 4 * DBL_EPSILON);
    /* monotone non-increasing over the cycle */
    for (size_t t = 1; t <= 100; t++)
        ck_assert_double_le(slope_schedule_cosine(0.5, 0.125, t, 100),
                            slope_schedule_cosine(0.5, 0.125, t - 1, 100));
    ck_assert_double_eq(slope_schedule_cosine(0.5, 0.5, 7, 10), 0.5); /* lr_min = lr0: flat */
}
END_TEST

START_TEST(test_warmup)
{
    ck_assert_double_eq(slope_schedule_warmup(0.5, 4, 0), 0.125);
    ck_assert_double_eq(slope_schedule_warmup(0.5, 4, 1), 0.25);
    ck_assert_double_eq(slope_schedule_warmup(0.5, 4, 3), 0.5);
    ck_assert_double_eq(slope_schedule_warmup(0.5, 4, 1000), 0.5);
    ck_assert_double_eq(slope_schedule_warmup(0.5, 0, 0), 0.5);
    ck_assert_double_eq(slope_schedule_warmup(0.5, 1, 0), 0.5);
    ck_assert_double_eq(slope_schedule_warmup(0.5, 4, SIZE_MAX), 0.5); /* no wrap-around */
}
END_TEST

START_TEST(test_nan)
{
    const double bad_lr[] = {0.0, -0.5, NAN, INFINITY};
    for (size_t i = 0; i < sizeof bad_lr / sizeof bad_lr[0]; i++) {
        ck_assert(isnan(slope_schedule_inverse(bad_lr[i], 0.5, 3)));
        ck_assert(isnan(slope_schedule_step(bad_lr[i], 0.5, 10, 3)));
        ck_assert(isnan(slope_schedule_cosine(bad_lr[i], 0.0, 3, 10)));
        ck_assert(isnan(slope_schedule_warmup(bad_lr[i], 10, 3)));
    }
    ck_assert(isnan(slope_schedule_inverse(0.5, -0.1, 3)));
    ck_assert(isnan(slope_schedule_inverse(0.5, NAN, 3)));
    ck_assert(isnan(slope_schedule_inverse(0.5, INFINITY, 3)));
    ck_assert(isnan(slope_schedule_step(0.5, 0.0, 10, 3)));
    ck_assert(isnan(slope_schedule_step(0.5, 1.5, 10, 3)));
    ck_assert(isnan(slope_schedule_step(0.5, NAN, 10, 3)));
    ck_assert(isnan(slope_schedule_step(0.5, 0.5, 0, 3)));
    ck_assert(isnan(slope_schedule_cosine(0.5, -0.1, 3, 10)));
    ck_assert(isnan(slope_schedule_cosine(0.5, 0.6, 3, 10)));
    ck_assert(isnan(slope_schedule_cosine(0.5, NAN, 3, 10)));
    ck_assert(isnan(slope_schedule_cosine(0.5, 0.1, 3, 0)));
}
END_TEST

Suite *make_schedule_suite(void)
{
    Suite *s = suite_create("schedule");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_inverse);
    tcase_add_test(tc, test_inverse_robbins_monro);
    tcase_add_test(tc, test_step);
    tcase_add_test(tc, test_cosine);
    tcase_add_test(tc, test_warmup);
    tcase_add_test(tc, test_nan);
    suite_add_tcase(s, tc);
    return s;
}
