/*
 * check_integrate.c -- adaptive Gauss-Kronrod quadrature and the trapezoid
 * rule against closed forms and numpy's trapz (tests/golden/integrate/,
 * written by tests/oracle/integrate_oracle.py).
 */
#include <float.h>
#include <math.h>
#include <stdlib.h>

#include "integrate.h"
#include "testutil.h"

static const double PI = 3.14159265358979323846;
/* The course's target for every integral of the seeds (issue 2). */
static const double SEED_TOL = 1e-10;
static const size_t LIMIT = 500;

/* ---- integrands ------------------------------------------------------------- */

static double f_pow4(double x, void *p) { (void)p; return x * x * x * x; }
static double f_sq_plus3(double x, void *p) { (void)p; return x * x + 3.0; }
static double f_recip(double x, void *p) { (void)p; return 1.0 / x; }
static double f_exp(double x, void *p) { (void)p; return exp(x); }
static double f_sin(double x, void *p) { (void)p; return sin(x); }
static double f_log(double x, void *p) { (void)p; return log(x); }
static double f_npdf(double x, void *p) { (void)p; return exp(-0.5 * x * x) / sqrt(2.0 * PI); }
static double f_poly(double x, void *p) { (void)p; return 3.0 * x * x - 2.0 * x + 1.0; }
static double f_lin(double x, void *p) { (void)p; return 2.0 * x * x + 3.0 * sin(x); }
static double f_sq(double x, void *p) { (void)p; return x * x; }
static double f_sq_npdf(double x, void *p) { return x * x * f_npdf(x, p); }
static double f_subst(double x, void *p) { (void)p; return 2.0 * x * cos(x * x); }
static double f_xexp(double x, void *p) { (void)p; return x * exp(x); }
static double f_xexpm(double x, void *p) { (void)p; return x * exp(-x); }
static double f_area(double x, void *p) { (void)p; return x - x * x; }
static double f_sqrt(double x, void *p) { (void)p; return sqrt(x); }
static double f_cauchy(double x, void *p) { (void)p; return 1.0 / (1.0 + x * x); }
static double f_gauss(double x, void *p) { (void)p; return exp(-x * x); }
static double f_cos30(double x, void *p) { (void)p; return cos(30.0 * x); }
static double f_rsqrt(double x, void *p) { (void)p; return 1.0 / sqrt(x); }
static double f_decay(double x, void *p) { (void)p; return exp(-2.385 * x); }
static double f_power(double x, void *p) { return pow(x, *(const double *)p); }
static double f_step(double x, void *p) { (void)p; return x < 0.3852 ? 2.385 : 0.0; }

typedef struct {
    const char *what;
    slope_fn f;
    double a, b, exact;
} quad_case;

/* Every integral the seeds evaluate with scipy.integrate.quad (22-26). */
static quad_case seed_case(int i)
{
    const double e = exp(1.0), root_pi = sqrt(PI);
    const quad_case c[] = {
        {"x^4 on [0,1]", f_pow4, 0.0, 1.0, 0.2},
        {"x^2+3 on [0,2]", f_sq_plus3, 0.0, 2.0, 26.0 / 3.0},
        {"1/x on [1,e]", f_recip, 1.0, e, 1.0},
        {"e^x on [0,2]", f_exp, 0.0, 2.0, expm1(2.0)},
        {"sin on [0,pi]", f_sin, 0.0, PI, 2.0},
        {"ln on [1,e]", f_log, 1.0, e, 1.0},
        {"N(0,1) pdf on R", f_npdf, -INFINITY, INFINITY, 1.0},
        {"3x^2-2x+1 on [1,4]", f_poly, 1.0, 4.0, 51.0},
        {"3x^2-2x+1 on [4,1]", f_poly, 4.0, 1.0, -51.0},
        {"2x^2+3sin on [0,pi]", f_lin, 0.0, PI, 2.0 * PI * PI * PI / 3.0 + 6.0},
        {"x^2 on [0,pi]", f_sq, 0.0, PI, PI * PI * PI / 3.0},
        {"x^2 pdf on [-10,10]", f_sq_npdf, -10.0, 10.0,
         erf(10.0 / sqrt(2.0)) - 20.0 * exp(-50.0) / sqrt(2.0 * PI)},
        {"2x cos x^2 on [0,sqrt pi]", f_subst, 0.0, root_pi, 0.0},
        {"x e^x on [0,1]", f_xexp, 0.0, 1.0, 1.0},
        {"x e^-x on [0,inf)", f_xexpm, 0.0, INFINITY, 1.0},
        {"x - x^2 on [0,1]", f_area, 0.0, 1.0, 1.0 / 6.0},
    };
    return c[i];
}
#define N_SEED_CASES 16

/* Endpoint singularities, infinite and reversed infinite ranges, oscillation. */
static quad_case hard_case(int i)
{
    const quad_case c[] = {
        {"sqrt on [0,1]", f_sqrt, 0.0, 1.0, 2.0 / 3.0},
        {"1/(1+x^2) on R", f_cauchy, -INFINITY, INFINITY, PI},
        {"exp(-x^2) on R", f_gauss, -INFINITY, INFINITY, sqrt(PI)},
        {"e^x on (-inf,0.385]", f_exp, -INFINITY, 0.385, exp(0.385)},
        {"exp(-x^2) on (-inf,0.385]", f_gauss, -INFINITY, 0.385,
         0.5 * sqrt(PI) * (1.0 + erf(0.385))},
        {"x e^-x from inf to 0", f_xexpm, INFINITY, 0.0, -1.0},
        {"1/(1+x^2) from inf to -inf", f_cauchy, INFINITY, -INFINITY, -PI},
        {"cos 30x on [0,2.385]", f_cos30, 0.0, 2.385, sin(30.0 * 2.385) / 30.0},
        {"1/sqrt on [0,1]", f_rsqrt, 0.0, 1.0, 2.0},
        {"ln on [0,1]", f_log, 0.0, 1.0, -1.0},
        {"exp(-2.385x) on [1.5,inf)", f_decay, 1.5, INFINITY, exp(-2.385 * 1.5) / 2.385},
    };
    return c[i];
}
#define N_HARD_CASES 11

static void check_case(quad_case c, double epsabs, double epsrel, double tol)
{
    double res, err;
    slope_status st = slope_integrate(&res, &err, c.f, NULL, c.a, c.b, epsabs, epsrel, LIMIT, NULL);
    ck_assert_msg(st == SLOPE_OK, "%s: status %s", c.what, slope_status_str(st));
    ck_assert_msg(fabs(res - c.exact) <= tol, "%s: %.17g, exact %.17g", c.what, res, c.exact);
    ck_assert_msg(fabs(res - c.exact) <= err, "%s: error %.3g exceeds the estimate %.3g",
                  c.what, fabs(res - c.exact), err);
    ck_assert_msg(err <= fmax(epsabs, epsrel * fabs(res)), "%s: estimate %.3g", c.what, err);
}

START_TEST(test_seed_integrals)
{
    check_case(seed_case(_i), 1e-12, 1e-12, SEED_TOL);
}
END_TEST

START_TEST(test_hard_integrals)
{
    check_case(hard_case(_i), 1e-12, 1e-12, SEED_TOL);
}
END_TEST

/* With a loose tolerance the estimate is what stands between the caller and
 * a wrong answer: it must still bound the true error. */
START_TEST(test_estimate_bounds_error)
{
    check_case(hard_case(_i), 1e-4, 0.0, 1e-4);
}
END_TEST

/* One 15-point Kronrod rule (limit = 1) integrates x^k exactly for k <= 23:
 * evidence that the node and weight table is right. */
START_TEST(test_kronrod_degree)
{
    double k = _i, res, err, b = 1.385;
    slope_status st = slope_integrate(&res, &err, f_power, &k, -1.0, b, 0.0, 1e-13, 1, NULL);
    ck_assert(st == SLOPE_OK || st == SLOPE_EMAXITER);
    double exact = (pow(b, k + 1.0) - pow(-1.0, k + 1.0)) / (k + 1.0);
    ck_assert_rel(res, exact, 1e-14);
}
END_TEST

START_TEST(test_workspace_reuse)
{
    slope_integrate_workspace *w = slope_integrate_workspace_alloc(LIMIT);
    ck_assert_ptr_nonnull(w);
    for (int i = 0; i < N_HARD_CASES; i++) {
        quad_case c = hard_case(i);
        double r1, e1, r2, e2;
        ck_assert_int_eq(slope_integrate(&r1, &e1, c.f, NULL, c.a, c.b, 1e-12, 1e-12, LIMIT, w), SLOPE_OK);
        ck_assert_int_eq(slope_integrate(&r2, &e2, c.f, NULL, c.a, c.b, 1e-12, 1e-12, LIMIT, NULL), SLOPE_OK);
        ck_assert(r1 == r2 && e1 == e2);
    }
    slope_integrate_workspace_free(w);
    slope_integrate_workspace_free(NULL);
    ck_assert_ptr_null(slope_integrate_workspace_alloc(0));
}
END_TEST

START_TEST(test_equal_limits)
{
    double res = 2.385, err = 2.385;
    ck_assert_int_eq(slope_integrate(&res, &err, f_exp, NULL, 0.385, 0.385, 1e-10, 0.0, 10, NULL), SLOPE_OK);
    ck_assert(res == 0.0 && err == 0.0);
    ck_assert_int_eq(slope_integrate(&res, NULL, f_exp, NULL, INFINITY, INFINITY, 1e-10, 0.0, 10, NULL), SLOPE_OK);
    ck_assert(res == 0.0);
}
END_TEST

/* ---- error contract ---------------------------------------------------------- */

static slope_status call(double *res, double *err, slope_fn f, double a, double b,
                         double epsabs, double epsrel, size_t limit)
{
    *res = *err = 2.385;
    return slope_integrate(res, err, f, NULL, a, b, epsabs, epsrel, limit, NULL);
}

START_TEST(test_null_result)
{
    double err;
    ck_assert_int_eq(slope_integrate(NULL, &err, f_exp, NULL, 0.0, 1.0, 1e-10, 0.0, 10, NULL), SLOPE_EINVAL);
    ck_assert(isnan(err));
}
END_TEST

START_TEST(test_null_f)
{
    double res, err;
    ck_assert_int_eq(call(&res, &err, NULL, 0.0, 1.0, 1e-10, 0.0, 10), SLOPE_EINVAL);
    ck_assert(isnan(res) && isnan(err));
}
END_TEST

START_TEST(test_zero_limit)
{
    double res, err;
    ck_assert_int_eq(call(&res, &err, f_exp, 0.0, 1.0, 1e-10, 0.0, 0), SLOPE_EINVAL);
    ck_assert(isnan(res));
}
END_TEST

START_TEST(test_small_workspace)
{
    slope_integrate_workspace *w = slope_integrate_workspace_alloc(3);
    double res;
    ck_assert_int_eq(slope_integrate(&res, NULL, f_exp, NULL, 0.0, 1.0, 1e-10, 0.0, 4, w), SLOPE_EINVAL);
    slope_integrate_workspace_free(w);
}
END_TEST

START_TEST(test_bad_tolerance)
{
    double res, err;
    ck_assert_int_eq(call(&res, &err, f_exp, 0.0, 1.0, -1e-10, 1e-8, 10), SLOPE_EINVAL);
    ck_assert_int_eq(call(&res, &err, f_exp, 0.0, 1.0, 1e-10, -1e-8, 10), SLOPE_EINVAL);
    ck_assert_int_eq(call(&res, &err, f_exp, 0.0, 1.0, NAN, 1e-8, 10), SLOPE_EINVAL);
    ck_assert_int_eq(call(&res, &err, f_exp, 0.0, 1.0, 1e-10, NAN, 10), SLOPE_EINVAL);
    ck_assert(isnan(res) && isnan(err));
}
END_TEST

START_TEST(test_nan_limit)
{
    double res, err;
    ck_assert_int_eq(call(&res, &err, f_exp, NAN, 1.0, 1e-10, 0.0, 10), SLOPE_EDOM);
    ck_assert_int_eq(call(&res, &err, f_exp, 0.0, NAN, 1e-10, 0.0, 10), SLOPE_EDOM);
    ck_assert(isnan(res) && isnan(err));
}
END_TEST

START_TEST(test_unattainable_tolerance)
{
    double res, err;
    ck_assert_int_eq(call(&res, &err, f_exp, 0.0, 1.0, 0.0, DBL_EPSILON, 10), SLOPE_ETOL);
    ck_assert(isnan(res));
}
END_TEST

/* A jump cannot be resolved below the width the doubles allow. */
START_TEST(test_too_narrow)
{
    double res, err;
    ck_assert_int_eq(call(&res, &err, f_step, 0.0, 1.0, 1e-18, 0.0, LIMIT), SLOPE_ETOL);
    ck_assert_msg(fabs(res - 2.385 * 0.3852) <= err, "%.17g +- %g", res, err);
}
END_TEST

START_TEST(test_maxiter)
{
    double res, err;
    ck_assert_int_eq(call(&res, &err, f_rsqrt, 0.0, 1.0, 1e-12, 0.0, 4), SLOPE_EMAXITER);
    ck_assert(isfinite(res) && err > 1e-12);
    ck_assert_msg(fabs(res - 2.0) <= err, "%.17g +- %g", res, err);
}
END_TEST

START_TEST(test_nan_integrand)
{
    double res, err;
    ck_assert_int_eq(call(&res, &err, f_log, -1.0, 1.0, 1e-10, 0.0, 10), SLOPE_EDIVERGED);
    ck_assert(isnan(res) && isnan(err));
}
END_TEST

START_TEST(test_inf_integrand)
{
    double res, err;
    ck_assert_int_eq(call(&res, &err, f_recip, -1.0, 1.0, 1e-10, 0.0, 10), SLOPE_EDIVERGED);
    ck_assert(isnan(res));
}
END_TEST

/* ---- trapezoid rule against numpy.trapz --------------------------------------- */

static const char *const trapz_files[] = {
    "integrate/trapz_nonuniform.txt", "integrate/trapz_unsorted.txt", "integrate/trapz_two.txt",
};

START_TEST(test_trapz_golden)
{
    size_t len;
    double *v = test_read_doubles(trapz_files[_i], &len);
    size_t n = (size_t)v[0];
    ck_assert_uint_eq(len, 2 + 2 * n);
    ck_assert_rel(slope_integrate_trapz(v + 2 + n, v + 2, n), v[1], 1e-14);
    free(v);
}
END_TEST

START_TEST(test_trapz_uniform_golden)
{
    size_t len;
    double *v = test_read_doubles("integrate/trapz_uniform.txt", &len);
    size_t n = (size_t)v[0];
    ck_assert_uint_eq(len, 3 + n);
    ck_assert_rel(slope_integrate_trapz_uniform(v + 3, n, v[2]), v[1], 1e-14);
    free(v);
}
END_TEST

START_TEST(test_trapz_bad_input)
{
    const double y[2] = {2.385, 1.5}, x[2] = {0.25, 1.0};
    ck_assert(isnan(slope_integrate_trapz(NULL, x, 2)));
    ck_assert(isnan(slope_integrate_trapz(y, NULL, 2)));
    ck_assert(isnan(slope_integrate_trapz(y, x, 1)));
    ck_assert(isnan(slope_integrate_trapz(y, x, 0)));
    ck_assert(isnan(slope_integrate_trapz_uniform(NULL, 2, 0.5)));
    ck_assert(isnan(slope_integrate_trapz_uniform(y, 1, 0.5)));
    ck_assert(isnan(slope_integrate_trapz_uniform(y, 2, NAN)));
}
END_TEST

Suite *make_integrate_suite(void)
{
    Suite *s = suite_create("integrate");
    TCase *tc = tcase_create("quadrature");
    tcase_add_loop_test(tc, test_seed_integrals, 0, N_SEED_CASES);
    tcase_add_loop_test(tc, test_hard_integrals, 0, N_HARD_CASES);
    tcase_add_loop_test(tc, test_estimate_bounds_error, 0, N_HARD_CASES);
    tcase_add_loop_test(tc, test_kronrod_degree, 0, 24);
    tcase_add_test(tc, test_workspace_reuse);
    tcase_add_test(tc, test_equal_limits);
    suite_add_tcase(s, tc);
    TCase *te = tcase_create("errors");
    tcase_add_test(te, test_null_result);
    tcase_add_test(te, test_null_f);
    tcase_add_test(te, test_zero_limit);
    tcase_add_test(te, test_small_workspace);
    tcase_add_test(te, test_bad_tolerance);
    tcase_add_test(te, test_nan_limit);
    tcase_add_test(te, test_unattainable_tolerance);
    tcase_add_test(te, test_too_narrow);
    tcase_add_test(te, test_maxiter);
    tcase_add_test(te, test_nan_integrand);
    tcase_add_test(te, test_inf_integrand);
    suite_add_tcase(s, te);
    TCase *tt = tcase_create("trapz");
    tcase_add_loop_test(tt, test_trapz_golden, 0, 3);
    tcase_add_test(tt, test_trapz_uniform_golden);
    tcase_add_test(tt, test_trapz_bad_input);
    suite_add_tcase(s, tt);
    return s;
}
