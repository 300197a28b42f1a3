/*
 * check_deriv.c -- lib/deriv against analytic derivatives.
 *
 * Oracles: closed-form derivatives (the seeds' special-derivatives table and
 * more), Taylor's theorem for the size of the truncation error, and the
 * Hessian that numpy computed for the seed's saddle (values quoted in the
 * seed reference: the same formula in numpy, bit for bit).
 */
#include <check.h>
#include <float.h>
#include <math.h>

#include "deriv.h"
#include "testutil.h"

/* ---- the special-derivatives table ------------------------------------------ */

static double sigmoid(double x) { return 1.0 / (1.0 + exp(-x)); }
static double relu(double x) { return x > 0 ? x : 0.0; }
static double cube(double x) { return x * x * x; }

static double f_exp(double x, void *p) { (void)p; return exp(x); }
static double f_log(double x, void *p) { (void)p; return log(x); }
static double f_sin(double x, void *p) { (void)p; return sin(x); }
static double f_cos(double x, void *p) { (void)p; return cos(x); }
static double f_sig(double x, void *p) { (void)p; return sigmoid(x); }
static double f_tanh(double x, void *p) { (void)p; return tanh(x); }
static double f_relu(double x, void *p) { (void)p; return relu(x); }
static double f_cube(double x, void *p) { (void)p; return cube(x); }

static double d_exp(double x) { return exp(x); }
static double d_log(double x) { return 1.0 / x; }
static double d_cos(double x) { return -sin(x); }
static double d_sig(double x) { return sigmoid(x) * (1 - sigmoid(x)); }
static double d_tanh(double x) { return 1 - tanh(x) * tanh(x); }
static double d_relu(double x) { return x > 0 ? 1.0 : 0.0; }
static double d_cube(double x) { return 3 * x * x; }

static const struct {
    slope_fn f;
    double (*df)(double);
} table[] = {
    {f_exp, d_exp},   {f_log, d_log},   {f_sin, cos},       {f_cos, d_cos},
    {f_sig, d_sig},   {f_tanh, d_tanh}, {f_relu, d_relu},   {f_cube, d_cube},
};
static const double points[] = {1.0, 0.385, 2.385, 7.25};

/* Central difference at the seed's h = 1e-6 and at the default step: within
 * 1e-7 relative of the analytic derivative. */
START_TEST(special_derivatives)
{
    for (size_t p = 0; p < sizeof points / sizeof *points; p++) {
        double x = points[p], want = table[_i].df(x);
        ck_assert_rel(slope_deriv_central(table[_i].f, NULL, x, 1e-6), want, 1e-7);
        double h = slope_deriv_step_central(x);
        ck_assert_rel(slope_deriv_central(table[_i].f, NULL, x, h), want, 1e-9);
        h = slope_deriv_step_forward(x);
        ck_assert_rel(slope_deriv_forward(table[_i].f, NULL, x, h), want, 1e-7);
    }
}
END_TEST

/* Taylor: forward error = f''(x) h/2 + O(h^2); central = f'''(x) h^2/6 + O(h^4).
 * For sin at 2.385, check both leading terms to 1%. */
START_TEST(truncation_error_orders)
{
    const double x = 2.385, h[] = {1e-3, 1e-4};
    double ef[2], ec[2];
    ck_assert_int_eq(slope_deriv_error_curve(ef, ec, f_sin, NULL, x, cos(x), h, 2), SLOPE_OK);
    ck_assert_rel(ef[1], fabs(-sin(x)) * h[1] / 2, 1e-2);
    ck_assert_rel(ec[0], fabs(-cos(x)) * h[0] * h[0] / 6, 1e-2);
    ck_assert_rel(ef[0] / ef[1], 10.0, 2e-2);          /* O(h): 10x per decade */
    /* Below the optimum, rounding wins: at h = 1e-13 the error exceeds eps/h / 10. */
    double tiny = 1e-13, er;
    ck_assert_int_eq(slope_deriv_error_curve(&er, NULL, f_sin, NULL, x, cos(x), &tiny, 1),
                     SLOPE_OK);
    ck_assert_double_gt(er, ec[0]);
}
END_TEST

START_TEST(second_derivative)
{
    const double x = 0.385;
    double h = slope_deriv_step_second(x);
    ck_assert_rel(slope_deriv_second(f_exp, NULL, x, h), exp(x), 1e-7);
    ck_assert_rel(slope_deriv_second(f_sin, NULL, x, h), -sin(x), 1e-7);
    ck_assert_rel(slope_deriv_second(f_cube, NULL, 2.385, slope_deriv_step_second(2.385)),
                  6 * 2.385, 1e-7);
}
END_TEST

/* The default steps: the documented size, and x + h exactly representable. */
START_TEST(default_steps)
{
    const double xs[] = {0.0, 1e-3, 2.385, -417.5, 1e12};
    for (size_t i = 0; i < sizeof xs / sizeof *xs; i++) {
        double x = xs[i], scale = fmax(fabs(x), 1.0);
        double hf = slope_deriv_step_forward(x), hc = slope_deriv_step_central(x);
        double h2 = slope_deriv_step_second(x);
        ck_assert_rel(hf, sqrt(DBL_EPSILON) * scale, 1e-6);
        ck_assert_rel(hc, cbrt(DBL_EPSILON) * scale, 1e-9);
        ck_assert_rel(h2, pow(DBL_EPSILON, 0.25) * scale, 1e-9);
        volatile double xh = x + hf;
        ck_assert_double_eq(xh - x, hf);
    }
    ck_assert(isnan(slope_deriv_step_central(INFINITY)));
    ck_assert(isnan(slope_deriv_step_forward(NAN)));
    ck_assert(isnan(slope_deriv_step_second(-INFINITY)));
}
END_TEST

/* ---- R^n ------------------------------------------------------------------------ */

/* The seed's f(x, y) = x^2 y + 3 y^2: grad = (2xy, x^2 + 6y). */
static double f_poly(const double *x, size_t n, void *p)
{
    (void)n, (void)p;
    return x[0] * x[0] * x[1] + 3 * x[1] * x[1];
}

/* A less friendly one: f = exp(0.3 x0) sin(x1) + x0 x2^3 */
static double f_mixed(const double *x, size_t n, void *p)
{
    (void)n, (void)p;
    return exp(0.3 * x[0]) * sin(x[1]) + x[0] * x[2] * x[2] * x[2];
}

START_TEST(gradient)
{
    double g[3], work[3];
    const double at[2] = {2.0, 1.0};
    ck_assert_int_eq(slope_deriv_gradient(g, f_poly, NULL, at, 2, 1e-5, work), SLOPE_OK);
    ck_assert_rel(g[0], 4.0, 1e-9);
    ck_assert_rel(g[1], 10.0, 1e-9);
    const double x[3] = {0.385, 2.385, -1.25};
    ck_assert_int_eq(slope_deriv_gradient(g, f_mixed, NULL, x, 3, 1e-5, work), SLOPE_OK);
    ck_assert_rel(g[0], 0.3 * exp(0.3 * x[0]) * sin(x[1]) + x[2] * x[2] * x[2], 1e-9);
    ck_assert_rel(g[1], exp(0.3 * x[0]) * cos(x[1]), 1e-9);
    ck_assert_rel(g[2], 3 * x[0] * x[2] * x[2], 1e-9);
}
END_TEST

/* The seed's f(x, y) = (x^2 + y, 3x - y^2), J = [[2x, 1], [3, -2y]]. */
static void f_vec(double *y, size_t m, const double *x, size_t n, void *p)
{
    (void)m, (void)n, (void)p;
    y[0] = x[0] * x[0] + x[1];
    y[1] = 3 * x[0] - x[1] * x[1];
    y[2] = sin(x[0] * x[1]);
}

START_TEST(jacobian)
{
    const double x[2] = {2.0, 3.0};
    double J[6], work[2 + 2 * 3];
    ck_assert_int_eq(slope_deriv_jacobian(J, f_vec, NULL, x, 2, 3, 1e-5, work), SLOPE_OK);
    const double want[6] = {4, 1, 3, -6, x[1] * cos(6.0), x[0] * cos(6.0)};
    for (int k = 0; k < 6; k++)
        ck_assert_rel(J[k], want[k], 1e-9);
}
END_TEST

static double f_saddle(const double *x, size_t n, void *p)
{
    (void)n, (void)p;
    return x[0] * x[0] + 4 * x[0] * x[1] + x[1] * x[1];
}

/* numpy's result for the seed's Hessian of x^2 + 4xy + y^2 at (1, 0.5) with
 * h = 1e-4, bit for bit: same formula, same order of operations. */
START_TEST(hessian_seed_bits)
{
    const double x[2] = {1.0, 0.5};
    double H[4], work[2];
    ck_assert_int_eq(slope_deriv_hessian(H, f_saddle, NULL, x, 2, 1e-4, work), SLOPE_OK);
    ck_assert_double_eq(H[0], 1.999999987845058);
    ck_assert_double_eq(H[1], 4.000000008996807);
    ck_assert_double_eq(H[2], 4.000000008996807);
    ck_assert_double_eq(H[3], 2.0000000100495186);
}
END_TEST

START_TEST(hessian_analytic)
{
    const double x[3] = {0.385, 2.385, -1.25};
    double H[9], work[3];
    ck_assert_int_eq(slope_deriv_hessian(H, f_mixed, NULL, x, 3, 1e-4, work), SLOPE_OK);
    double e = exp(0.3 * x[0]);
    const double want[9] = {0.09 * e * sin(x[1]), 0.3 * e * cos(x[1]), 3 * x[2] * x[2],
                            0.3 * e * cos(x[1]), -e * sin(x[1]), 0.0,
                            3 * x[2] * x[2], 0.0, 6 * x[0] * x[2]};
    for (int k = 0; k < 9; k++)
        ck_assert_double_eq_tol(H[k], want[k], 1e-6);
}
END_TEST

/* ---- the error contract ------------------------------------------------------------ */

START_TEST(scalar_errors)
{
    ck_assert(isnan(slope_deriv_forward(NULL, NULL, 1.0, 1e-6)));
    ck_assert(isnan(slope_deriv_central(f_sin, NULL, 1.0, 0.0)));
    ck_assert(isnan(slope_deriv_central(f_sin, NULL, 1.0, -1e-6)));
    ck_assert(isnan(slope_deriv_second(f_sin, NULL, 1.0, NAN)));
    ck_assert(isnan(slope_deriv_forward(f_sin, NULL, 1.0, INFINITY)));
    ck_assert(isnan(slope_deriv_central(f_sin, NULL, NAN, 1e-6)));
    ck_assert(isnan(slope_deriv_second(f_sin, NULL, INFINITY, 1e-6)));
    /* f not finite at x: the NaN propagates. */
    ck_assert(isnan(slope_deriv_central(f_log, NULL, -1.0, 1e-6)));
    double h[2] = {1e-3, -1.0}, e[2] = {-7, -7};
    ck_assert_int_eq(slope_deriv_error_curve(e, e, NULL, NULL, 1.0, 1.0, h, 1), SLOPE_EINVAL);
    ck_assert_int_eq(slope_deriv_error_curve(e, e, f_sin, NULL, 1.0, 1.0, NULL, 1), SLOPE_EINVAL);
    ck_assert_int_eq(slope_deriv_error_curve(e, e, f_sin, NULL, 1.0, 1.0, h, 0), SLOPE_EINVAL);
    ck_assert_int_eq(slope_deriv_error_curve(e, e, f_sin, NULL, 1.0, 1.0, h, 2), SLOPE_EINVAL);
    ck_assert_int_eq(slope_deriv_error_curve(e, e, f_sin, NULL, NAN, 1.0, h, 1), SLOPE_EDOM);
    ck_assert_int_eq(slope_deriv_error_curve(e, e, f_sin, NULL, 1.0, INFINITY, h, 1), SLOPE_EDOM);
    ck_assert_double_eq(e[0], -7);
}
END_TEST

START_TEST(vector_errors)
{
    double x[2] = {1.0, 2.0}, out[4] = {-7, -7, -7, -7}, work[8];
    ck_assert_int_eq(slope_deriv_gradient(NULL, f_poly, NULL, x, 2, 1e-5, work), SLOPE_EINVAL);
    ck_assert_int_eq(slope_deriv_gradient(out, NULL, NULL, x, 2, 1e-5, work), SLOPE_EINVAL);
    ck_assert_int_eq(slope_deriv_gradient(out, f_poly, NULL, NULL, 2, 1e-5, work), SLOPE_EINVAL);
    ck_assert_int_eq(slope_deriv_gradient(out, f_poly, NULL, x, 0, 1e-5, work), SLOPE_EINVAL);
    ck_assert_int_eq(slope_deriv_gradient(out, f_poly, NULL, x, 2, 0.0, work), SLOPE_EINVAL);
    ck_assert_int_eq(slope_deriv_gradient(out, f_poly, NULL, x, 2, 1e-5, NULL), SLOPE_EINVAL);
    ck_assert_int_eq(slope_deriv_jacobian(out, f_vec, NULL, x, 2, 0, 1e-5, work), SLOPE_EINVAL);
    ck_assert_int_eq(slope_deriv_jacobian(out, NULL, NULL, x, 2, 2, 1e-5, work), SLOPE_EINVAL);
    ck_assert_int_eq(slope_deriv_hessian(out, f_poly, NULL, x, 2, -1e-4, work), SLOPE_EINVAL);
    ck_assert_int_eq(slope_deriv_hessian(out, NULL, NULL, x, 2, 1e-4, work), SLOPE_EINVAL);
    x[1] = NAN;
    ck_assert_int_eq(slope_deriv_gradient(out, f_poly, NULL, x, 2, 1e-5, work), SLOPE_EDOM);
    ck_assert_int_eq(slope_deriv_jacobian(out, f_vec, NULL, x, 2, 3, 1e-5, work), SLOPE_EDOM);
    x[1] = INFINITY;
    ck_assert_int_eq(slope_deriv_hessian(out, f_poly, NULL, x, 2, 1e-4, work), SLOPE_EDOM);
    for (int k = 0; k < 4; k++)
        ck_assert_double_eq(out[k], -7);
}
END_TEST

Suite *make_deriv_suite(void)
{
    Suite *s = suite_create("deriv");
    TCase *tc = tcase_create("core");
    tcase_add_loop_test(tc, special_derivatives, 0, (int)(sizeof table / sizeof *table));
    tcase_add_test(tc, truncation_error_orders);
    tcase_add_test(tc, second_derivative);
    tcase_add_test(tc, default_steps);
    tcase_add_test(tc, gradient);
    tcase_add_test(tc, jacobian);
    tcase_add_test(tc, hessian_seed_bits);
    tcase_add_test(tc, hessian_analytic);
    tcase_add_test(tc, scalar_errors);
    tcase_add_test(tc, vector_errors);
    suite_add_tcase(s, tc);
    return s;
}
