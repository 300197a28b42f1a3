/*
 * check_softmax.c -- tests of lib/softmax.c.
 *
 * Evidence used:
 *   - scipy.special's logsumexp, softmax and log_softmax on rows built to
 *     break the naive formulas (tests/oracle/softmax_oracle.py ->
 *     tests/golden/softmax/rows.txt): logits of +-1000, rows wider than
 *     745, -inf entries, to tolerances derived from the rounding of z - m;
 *   - every backward pass against central differences of its forward, at
 *     ordinary logits and at logits near +-1000;
 *   - the fused gradient p - y against the chain rule through softmax's own
 *     backward and its Jacobian diag(p) - p p^T, and that Jacobian against
 *     slope_deriv_jacobian's central differences;
 *   - analytic values: lse of equal logits is z + log C, the Jacobian is
 *     symmetric with rows summing to 0;
 *   - one test per documented error path.
 */
#include <check.h>
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "deriv.h"
#include "softmax.h"
#include "testutil.h"

enum { C = 5, COLS = 3 * C + 2 };

/* |got - want| <= tol, with a message; infinities must match exactly. */
static void ck_abs(double got, double want, double tol, const char *what)
{
    if (isinf(want)) {
        ck_assert_msg(got == want, "%s = %g, want %g", what, got, want);
        return;
    }
    ck_assert_msg(fabs(got - want) <= tol, "%s = %.17g, want %.17g (abs tol %g)", what, got,
                  want, tol);
}

static double row_max(const double *z)
{
    double m = -INFINITY;
    for (int j = 0; j < C; j++)
        m = fmax(m, z[j]);
    return m;
}

/* ---- scipy's values --------------------------------------------------------------- */

/* Each p_j = e^(z_j - m) / s: the subtraction z_j - m rounds by eps |z_j - m|,
 * which exp turns into a relative error of that size; the sum and the
 * division add about C roundings.  lse = m + log s is exact up to eps |m|
 * and the C roundings of s. */
START_TEST(test_rows_against_scipy)
{
    size_t len;
    double *g = test_read_doubles("softmax/rows.txt", &len);
    ck_assert_uint_eq(len % COLS, 0);
    ck_assert_uint_gt(len, _i * COLS);
    const double *r = g + _i * COLS, *z = r, *y = r + C, *want_p = r + 2 * C + 1;
    const double m = row_max(z), want_lse = r[2 * C], want_loss = r[3 * C + 1];
    double p[C], loss = NAN, q[C];
    ck_abs(slope_softmax_logsumexp(z, C), want_lse, 4 * DBL_EPSILON * (fabs(m) + C), "lse");
    ck_assert_int_eq(slope_softmax_forward(p, z, 1, C), SLOPE_OK);
    ck_assert_int_eq(slope_softmax_xent_forward(&loss, q, z, y, 1, C), SLOPE_OK);
    double zmax = 0.0;
    for (int j = 0; j < C; j++) {
        double rel = 4 * DBL_EPSILON * (fabs(z[j] - m) + C);
        if (want_p[j] == 0.0) /* underflowed, or a -inf logit */
            ck_assert_double_eq(p[j], 0.0);
        else
            ck_abs(p[j], want_p[j], rel * want_p[j], "p_j");
        ck_assert_double_eq(q[j], p[j]);
        if (y[j] != 0.0)
            zmax = fmax(zmax, fabs(z[j]));
    }
    ck_assert(isfinite(loss));
    ck_abs(loss, want_loss, 8 * DBL_EPSILON * (fabs(want_lse) + zmax + C), "loss");
    free(g);
}
END_TEST

/* All rows as one batch: the loss is the mean of the rows' losses. */
START_TEST(test_batch_is_mean_of_rows)
{
    size_t len;
    double *g = test_read_doubles("softmax/rows.txt", &len);
    size_t B = len / COLS;
    double z[16 * C], y[16 * C], p[16 * C], loss, want = 0.0, tol = 0.0;
    ck_assert_uint_le(B, 16);
    for (size_t b = 0; b < B; b++) {
        memcpy(z + b * C, g + b * COLS, C * sizeof *z);
        memcpy(y + b * C, g + b * COLS + C, C * sizeof *y);
        want += g[b * COLS + 3 * C + 1] / (double)B;
        tol += 8 * DBL_EPSILON * (fabs(g[b * COLS + 2 * C]) + 1000.0 + C) / (double)B;
    }
    ck_assert_int_eq(slope_softmax_xent_forward(&loss, p, z, y, B, C), SLOPE_OK);
    ck_abs(loss, want, tol + B * DBL_EPSILON * want, "batch loss");
    for (size_t b = 0; b < B; b++)
        for (int j = 0; j < C; j++)
            ck_abs(p[b * C + j], g[b * COLS + 2 * C + 1 + j], 1e-12, "p");
    free(g);
}
END_TEST

/* ---- what the shift prevents ---------------------------------------------------------- */

/* e^1000 is Inf in double precision, so the naive log(sum e^z) is Inf and
 * the naive softmax Inf/Inf = NaN; the shifted forms give z + log 2 and 1/2. */
START_TEST(test_overflow_prevented)
{
    const double z[2] = {1000.0, 1000.0}, zm[2] = {-1000.0, -1000.0};
    volatile double big = 1000.0; /* keep the compiler from folding exp */
    ck_assert(isinf(exp(big)));
    ck_assert_double_eq(exp(-big), 0.0);
    ck_assert_rel(slope_softmax_logsumexp(z, 2), 1000.0 + log(2.0), DBL_EPSILON);
    ck_assert_rel(slope_softmax_logsumexp(zm, 2), -1000.0 + log(2.0), DBL_EPSILON);
    double p[2];
    ck_assert_int_eq(slope_softmax_forward(p, z, 1, 2), SLOPE_OK);
    ck_assert_double_eq(p[0], 0.5);
    ck_assert_double_eq(p[1], 0.5);
    ck_assert_int_eq(slope_softmax_forward(p, zm, 1, 2), SLOPE_OK);
    ck_assert_double_eq(p[0], 0.5);
}
END_TEST

/* The documented edges of logsumexp. */
START_TEST(test_lse_edges)
{
    const double one = -2.385, ninf[3] = {-INFINITY, -INFINITY, -INFINITY};
    const double pinf[3] = {0.5, INFINITY, -3.0}, nan3[3] = {0.5, NAN, 2.0};
    const double some_ninf[3] = {-INFINITY, 0.75, -INFINITY};
    ck_assert_double_eq(slope_softmax_logsumexp(&one, 1), one);
    ck_assert_double_eq(slope_softmax_logsumexp(ninf, 3), -INFINITY);
    ck_assert_double_eq(slope_softmax_logsumexp(pinf, 3), INFINITY);
    ck_assert(isnan(slope_softmax_logsumexp(nan3, 3)));
    ck_assert(isnan(slope_softmax_logsumexp(nan3 + 1, 1)));
    ck_assert_double_eq(slope_softmax_logsumexp(some_ninf, 3), 0.75);
    ck_assert(isnan(slope_softmax_logsumexp(NULL, 3)));
    ck_assert(isnan(slope_softmax_logsumexp(&one, 0)));
}
END_TEST

/* Rows of p sum to 1, p may alias z, and a +Inf logit gives a NaN row
 * (documented) while the other rows are untouched. */
START_TEST(test_softmax_rows_and_alias)
{
    double z[3 * C] = {0.37, -1.2, 2.385, 0.05, -0.66, 1000.0, -1000.0, 999.5, 0.0, 998.25,
                       0.5, INFINITY, 1.0, 2.0, 3.0};
    double p[3 * C];
    ck_assert_int_eq(slope_softmax_forward(p, z, 3, C), SLOPE_OK);
    for (int b = 0; b < 2; b++) {
        double s = 0.0;
        for (int j = 0; j < C; j++)
            s += p[b * C + j];
        ck_assert_double_eq_tol(s, 1.0, C * DBL_EPSILON);
    }
    for (int j = 0; j < C; j++)
        ck_assert(isnan(p[2 * C + j]));
    ck_assert_int_eq(slope_softmax_forward(z, z, 2, C), SLOPE_OK);
    ck_assert_mem_eq(z, p, 2 * C * sizeof *z);
}
END_TEST

/* ---- gradients --------------------------------------------------------------------------- */

/* Logits: ordinary (_i = 0) and near +-1000 (_i = 1).  Targets are soft and
 * the second row's do not sum to 1, so the general (p s - y) is exercised. */
static const double Z[2][2 * C] = {
    {0.37, -1.2, 2.385, 0.05, -0.66, -0.0917, 1.297, -2.1, 0.622, 0.1413},
    {1000.0, 999.1, 998.7, -1000.0, 999.9, -999.5, -1000.25, -998.8, -999.0, -1001.0}};
static const double Y[2 * C] = {0.1, 0.2, 0.4, 0.25, 0.05, 0.0, 0.6, 0.3, 0.45, 0.0};
static const double DP[2 * C] = {0.83, -1.27, 0.459, 2.113, -0.377, 1.618, -0.95, 0.2, -0.4, 1.1};
#define DLOSS 1.37

/* dloss * xent(z) */
static double xent_obj(const double *z, size_t n, void *ctx)
{
    (void)ctx;
    double loss;
    ck_assert_int_eq(slope_softmax_xent_forward(&loss, NULL, z, Y, n / C, C), SLOPE_OK);
    return DLOSS * loss;
}

/* sum_j DP_j softmax(z)_j */
static double softmax_obj(const double *z, size_t n, void *ctx)
{
    (void)ctx;
    double p[2 * C], s = 0.0;
    ck_assert_int_eq(slope_softmax_forward(p, z, n / C, C), SLOPE_OK);
    for (size_t j = 0; j < n; j++)
        s += DP[j] * p[j];
    return s;
}

/* Worst |g - c| / max(|g|, |c|, tiny) against central differences with
 * the absolute step h = cbrt(eps), which balances O(h^2) truncation against
 * O(eps |f| / h) rounding.  Absolute, not scaled by |z_j|: softmax sees only
 * differences of logits, so its curvature scale is 1 even at z = 1000
 * (where a step of 1000 cbrt(eps) would leave a 1e-5 truncation error).
 * The quotient divides by the step actually taken, (z + h) - (z - h).
 * tiny: the difference quotient's rounding floor eps |f| / h, over the
 * 1e-7 relative bound. */
static double worst_vs_central(const double *g, const double *z0, size_t n, slope_fn_n f)
{
    double z[2 * C], worst = 0.0;
    memcpy(z, z0, n * sizeof *z);
    const double h = cbrt(DBL_EPSILON), f0 = fabs(f(z, n, NULL));
    for (size_t j = 0; j < n; j++) {
        volatile double up = z0[j] + h, down = z0[j] - h; /* volatile: keep the rounding */
        z[j] = up;
        double fu = f(z, n, NULL);
        z[j] = down;
        double fd = f(z, n, NULL);
        z[j] = z0[j];
        double c = (fu - fd) / (up - down), tiny = DBL_EPSILON * fmax(f0, 1.0) / h / 1e-7;
        worst = fmax(worst, fabs(g[j] - c) / fmax(fmax(fabs(g[j]), fabs(c)), tiny));
    }
    return worst;
}

START_TEST(test_xent_gradcheck)
{
    double p[2 * C], loss, dz[2 * C];
    ck_assert_int_eq(slope_softmax_xent_forward(&loss, p, Z[_i], Y, 2, C), SLOPE_OK);
    for (int j = 0; j < 2 * C; j++)
        dz[j] = 0.25; /* accumulates: the pass adds to what is there */
    ck_assert_int_eq(slope_softmax_xent_backward(dz, DLOSS, p, Y, 2, C), SLOPE_OK);
    for (int j = 0; j < 2 * C; j++)
        dz[j] -= 0.25;
    ck_assert_double_le(worst_vs_central(dz, Z[_i], 2 * C, xent_obj), 1e-7);
}
END_TEST

START_TEST(test_softmax_gradcheck)
{
    double p[2 * C], dz[2 * C] = {0};
    ck_assert_int_eq(slope_softmax_forward(p, Z[_i], 2, C), SLOPE_OK);
    ck_assert_int_eq(slope_softmax_backward(dz, DP, p, 2, C), SLOPE_OK);
    ck_assert_double_le(worst_vs_central(dz, Z[_i], 2 * C, softmax_obj), 1e-7);
}
END_TEST

/* p - y by the chain rule: dL/dp_j = -y_j / p_j (times dloss / B) pushed
 * through softmax's backward -- and through its Jacobian -- gives the fused
 * gradient p s - y. */
START_TEST(test_fused_equals_chain_rule)
{
    const double *z = Z[0];
    double p[2 * C], loss, fused[2 * C] = {0}, chain[2 * C] = {0}, dp[2 * C], J[C * C];
    ck_assert_int_eq(slope_softmax_xent_forward(&loss, p, z, Y, 2, C), SLOPE_OK);
    ck_assert_int_eq(slope_softmax_xent_backward(fused, DLOSS, p, Y, 2, C), SLOPE_OK);
    for (int j = 0; j < 2 * C; j++)
        dp[j] = -DLOSS / 2.0 * Y[j] / p[j];
    ck_assert_int_eq(slope_softmax_backward(chain, dp, p, 2, C), SLOPE_OK);
    for (int b = 0; b < 2; b++) {
        ck_assert_int_eq(slope_softmax_jacobian(J, p + b * C, C), SLOPE_OK);
        for (int j = 0; j < C; j++) {
            double viaJ = 0.0; /* (J^T dp)_j = (J dp)_j: J is symmetric */
            for (int i = 0; i < C; i++)
                viaJ += J[i * C + j] * dp[b * C + i];
            ck_assert_double_eq_tol(chain[b * C + j], fused[b * C + j], 1e-14);
            ck_assert_double_eq_tol(viaJ, fused[b * C + j], 1e-14);
        }
    }
}
END_TEST

static void softmax_vec(double *p, size_t m, const double *z, size_t n, void *ctx)
{
    (void)ctx, (void)m;
    ck_assert_int_eq(slope_softmax_forward(p, z, 1, n), SLOPE_OK);
}

/* diag(p) - p p^T: symmetric, rows summing to 0, equal to the central
 * difference Jacobian of softmax to its O(h^2) + O(eps/h) accuracy. */
START_TEST(test_jacobian)
{
    const double *z = Z[0];
    double p[C], J[C * C], Jfd[C * C], work[3 * C];
    ck_assert_int_eq(slope_softmax_forward(p, z, 1, C), SLOPE_OK);
    ck_assert_int_eq(slope_softmax_jacobian(J, p, C), SLOPE_OK);
    ck_assert_int_eq(slope_deriv_jacobian(Jfd, softmax_vec, NULL, z, C, C,
                                          slope_deriv_step_central(1.0), work), SLOPE_OK);
    for (int i = 0; i < C; i++) {
        double row = 0.0;
        for (int j = 0; j < C; j++) {
            ck_assert_double_eq(J[i * C + j], J[j * C + i]);
            ck_assert_double_eq_tol(J[i * C + j], Jfd[i * C + j], 1e-9);
            row += J[i * C + j];
        }
        ck_assert_double_eq_tol(row, 0.0, C * DBL_EPSILON);
    }
    ck_assert_double_eq_tol(J[2 * C + 2], p[2] * (1.0 - p[2]), DBL_EPSILON);
}
END_TEST

/* ---- error paths -------------------------------------------------------------------------- */

START_TEST(test_errors)
{
    const double z[2] = {0.37, -1.2}, y[2] = {1.0, 0.0};
    double p[2] = {7.0, 7.0}, dz[2] = {7.0, 7.0}, loss = 7.0, J[4] = {7.0};
    ck_assert_int_eq(slope_softmax_forward(NULL, z, 1, 2), SLOPE_EINVAL);
    ck_assert_int_eq(slope_softmax_forward(p, NULL, 1, 2), SLOPE_EINVAL);
    ck_assert_int_eq(slope_softmax_forward(p, z, 0, 2), SLOPE_EINVAL);
    ck_assert_int_eq(slope_softmax_forward(p, z, 1, 0), SLOPE_EINVAL);
    ck_assert_int_eq(slope_softmax_backward(NULL, z, y, 1, 2), SLOPE_EINVAL);
    ck_assert_int_eq(slope_softmax_backward(dz, NULL, y, 1, 2), SLOPE_EINVAL);
    ck_assert_int_eq(slope_softmax_backward(dz, z, NULL, 1, 2), SLOPE_EINVAL);
    ck_assert_int_eq(slope_softmax_backward(dz, z, y, 0, 2), SLOPE_EINVAL);
    ck_assert_int_eq(slope_softmax_backward(dz, z, y, 1, 0), SLOPE_EINVAL);
    ck_assert_int_eq(slope_softmax_jacobian(NULL, y, 2), SLOPE_EINVAL);
    ck_assert_int_eq(slope_softmax_jacobian(J, NULL, 2), SLOPE_EINVAL);
    ck_assert_int_eq(slope_softmax_jacobian(J, y, 0), SLOPE_EINVAL);
    ck_assert_int_eq(slope_softmax_xent_forward(NULL, p, z, y, 1, 2), SLOPE_EINVAL);
    ck_assert_int_eq(slope_softmax_xent_forward(&loss, p, NULL, y, 1, 2), SLOPE_EINVAL);
    ck_assert_int_eq(slope_softmax_xent_forward(&loss, p, z, NULL, 1, 2), SLOPE_EINVAL);
    ck_assert_int_eq(slope_softmax_xent_forward(&loss, p, z, y, 0, 2), SLOPE_EINVAL);
    ck_assert_int_eq(slope_softmax_xent_forward(&loss, p, z, y, 1, 0), SLOPE_EINVAL);
    ck_assert_int_eq(slope_softmax_xent_backward(NULL, 1.0, y, y, 1, 2), SLOPE_EINVAL);
    ck_assert_int_eq(slope_softmax_xent_backward(dz, 1.0, NULL, y, 1, 2), SLOPE_EINVAL);
    ck_assert_int_eq(slope_softmax_xent_backward(dz, 1.0, y, NULL, 1, 2), SLOPE_EINVAL);
    ck_assert_int_eq(slope_softmax_xent_backward(dz, 1.0, y, y, 0, 2), SLOPE_EINVAL);
    ck_assert_int_eq(slope_softmax_xent_backward(dz, 1.0, y, y, 1, 0), SLOPE_EINVAL);
    ck_assert_double_eq(p[0], 7.0);
    ck_assert_double_eq(dz[1], 7.0);
    ck_assert_double_eq(loss, 7.0);
    ck_assert_double_eq(J[0], 7.0);
}
END_TEST

Suite *make_softmax_suite(void)
{
    Suite *s = suite_create("softmax");
    TCase *tc = tcase_create("oracle");
    tcase_add_loop_test(tc, test_rows_against_scipy, 0, 8);
    tcase_add_test(tc, test_batch_is_mean_of_rows);
    suite_add_tcase(s, tc);

    tc = tcase_create("stability");
    tcase_add_test(tc, test_overflow_prevented);
    tcase_add_test(tc, test_lse_edges);
    tcase_add_test(tc, test_softmax_rows_and_alias);
    suite_add_tcase(s, tc);

    tc = tcase_create("gradients");
    tcase_add_loop_test(tc, test_xent_gradcheck, 0, 2);
    tcase_add_loop_test(tc, test_softmax_gradcheck, 0, 2);
    tcase_add_test(tc, test_fused_equals_chain_rule);
    tcase_add_test(tc, test_jacobian);
    suite_add_tcase(s, tc);

    tc = tcase_create("errors");
    tcase_add_test(tc, test_errors);
    suite_add_tcase(s, tc);
    return s;
}
