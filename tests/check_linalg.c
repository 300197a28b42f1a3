/*
 * check_linalg.c -- lib/linalg against LAPACK (numpy's eigvalsh and solve,
 * golden) and against matrices whose eigenvalues or solutions are known by
 * construction; the solver's singular cases at and around its threshold.
 */
#include <check.h>
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "linalg.h"
#include "rng.h"
#include "testutil.h"

#define NMAX 64

static double frobenius(const double *A, size_t n)
{
    return slope_linalg_norm2(A, n * n);
}

/* Every matrix of the golden file: our eigenvalues within 1e-12 ||A||_F of
 * LAPACK's, eigenvectors orthonormal with residual ||A v - lambda v|| small. */
START_TEST(eigsym_matches_lapack)
{
    size_t len, at = 0;
    double *g = test_read_doubles("linalg/eigsym.txt", &len);
    static double eig[NMAX], V[NMAX * NMAX], work[NMAX * NMAX], Av[NMAX];
    int cases = 0;
    while (at < len) {
        size_t n = (size_t)g[at++];
        const double *A = g + at, *want = g + at + n * n;
        at += n * n + n;
        ck_assert_int_eq(slope_linalg_eigsym(eig, V, A, n, work), SLOPE_OK);
        double scale = frobenius(A, n);
        for (size_t i = 0; i < n; i++)
            ck_assert_msg(fabs(eig[i] - want[i]) <= 1e-12 * scale,
                          "n=%zu eig[%zu] = %.17g, LAPACK %.17g", n, i, eig[i], want[i]);
        for (size_t i = 0; i < n; i++) {
            double v[NMAX];
            for (size_t k = 0; k < n; k++)
                v[k] = V[k * n + i];
            slope_linalg_matvec(Av, A, v, n, n);
            for (size_t k = 0; k < n; k++)
                Av[k] -= eig[i] * v[k];
            ck_assert_double_le(slope_linalg_norm2(Av, n), 1e-12 * scale);
            for (size_t j = 0; j < n; j++) {
                double d = 0.0;
                for (size_t k = 0; k < n; k++)
                    d += V[k * n + i] * V[k * n + j];
                ck_assert_double_eq_tol(d, i == j ? 1.0 : 0.0, 1e-13);
            }
        }
        cases++;
    }
    free(g);
    ck_assert_int_ge(cases, 12);
}
END_TEST

/* A = H diag(lambda) H with H = I - 2 u u^T / (u^T u), a reflection, so the
 * eigenvalues are exactly lambda (up to rounding in forming A). */
START_TEST(eigsym_known_spectrum)
{
    enum { n = 7 };
    const double lambda[n] = {-3.75, -0.5, 1e-7, 0.125, 2.385, 2.386, 41.0};
    const double u[n] = {0.3, -1.2, 0.7, 2.1, -0.4, 0.9, 1.6};
    double H[n * n], A[n * n], eig[n], work[n * n];
    double uu = slope_linalg_dot(u, u, n);
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++)
            H[i * n + j] = (i == j) - 2 * u[i] * u[j] / uu;
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++) {
            double s = 0.0;
            for (int k = 0; k < n; k++)
                s += H[i * n + k] * lambda[k] * H[k * n + j];
            A[i * n + j] = s;
        }
    ck_assert_int_eq(slope_linalg_eigsym(eig, NULL, A, n, work), SLOPE_OK);
    for (int i = 0; i < n; i++)
        ck_assert_double_eq_tol(eig[i], lambda[i], 1e-13 * 41.0);
}
END_TEST

/* The seed's saddle: eigvalsh printed [-2.00000001  6.00000001]. */
START_TEST(eigsym_two_by_two_closed_form)
{
    const double A[4] = {2.385, -1.25, -1.25, -0.75};
    double eig[2], work[4];
    ck_assert_int_eq(slope_linalg_eigsym(eig, NULL, A, 2, work), SLOPE_OK);
    double mid = (A[0] + A[3]) / 2, rad = hypot((A[0] - A[3]) / 2, A[1]);
    ck_assert_double_eq_tol(eig[0], mid - rad, 4e-16 * rad);
    ck_assert_double_eq_tol(eig[1], mid + rad, 4e-16 * rad);
}
END_TEST

START_TEST(products_and_norms)
{
    const double A[6] = {1.5, -2.0, 0.25, 3.0, 0.5, -1.0};    /* 2 x 3 */
    const double B[6] = {2.0, 1.0, -1.0, 0.5, 4.0, 3.0};      /* 3 x 2 */
    const double x[3] = {2.385, -1.0, 0.5};
    double y[2], C[4];
    ck_assert_int_eq(slope_linalg_matvec(y, A, x, 2, 3), SLOPE_OK);
    ck_assert_double_eq_tol(y[0], 1.5 * 2.385 + 2.0 + 0.125, 1e-15);
    ck_assert_double_eq_tol(y[1], 3.0 * 2.385 - 0.5 - 0.5, 1e-15);
    ck_assert_int_eq(slope_linalg_matmul(C, A, B, 2, 3, 2), SLOPE_OK);
    ck_assert_double_eq_tol(C[0], 1.5 * 2 + 2.0 + 1.0, 1e-15);
    ck_assert_double_eq_tol(C[3], 3.0 + 0.25 - 3.0, 1e-15);
    ck_assert_double_eq_tol(slope_linalg_norm2((double[]){3e200, 4e200}, 2), 5e200, 1e185);
    ck_assert_double_eq_tol(slope_linalg_norm2((double[]){3e-200, 4e-200}, 2), 5e-200, 1e-214);
    ck_assert_double_eq(slope_linalg_norm2((double[]){0.0, -0.0}, 2), 0.0);
    ck_assert(isinf(slope_linalg_norm2((double[]){1.0, -INFINITY}, 2)));
    ck_assert(isnan(slope_linalg_norm2((double[]){NAN, 1.0}, 2)));
}
END_TEST

START_TEST(errors)
{
    double A[4] = {1, 2, 2, 1}, eig[2] = {-7, -7}, work[4], y[2];
    ck_assert(isnan(slope_linalg_dot(NULL, A, 2)));
    ck_assert(isnan(slope_linalg_dot(A, A, 0)));
    ck_assert(isnan(slope_linalg_norm2(NULL, 2)));
    ck_assert(isnan(slope_linalg_norm2(A, 0)));
    ck_assert_int_eq(slope_linalg_matvec(NULL, A, A, 2, 2), SLOPE_EINVAL);
    ck_assert_int_eq(slope_linalg_matvec(y, A, A, 0, 2), SLOPE_EINVAL);
    ck_assert_int_eq(slope_linalg_matmul(y, A, NULL, 1, 1, 1), SLOPE_EINVAL);
    ck_assert_int_eq(slope_linalg_matmul(y, A, A, 1, 0, 1), SLOPE_EINVAL);
    ck_assert_int_eq(slope_linalg_eigsym(NULL, NULL, A, 2, work), SLOPE_EINVAL);
    ck_assert_int_eq(slope_linalg_eigsym(eig, NULL, A, 2, NULL), SLOPE_EINVAL);
    ck_assert_int_eq(slope_linalg_eigsym(eig, NULL, A, 0, work), SLOPE_EINVAL);
    ck_assert_int_eq(slope_linalg_eigsym(eig, NULL, A, SLOPE_LINALG_EIG_MAX + 1, work),
                     SLOPE_EINVAL);
    A[1] = NAN;
    ck_assert_int_eq(slope_linalg_eigsym(eig, NULL, A, 2, work), SLOPE_EDOM);
    ck_assert_double_eq(eig[0], -7);            /* outputs untouched on error */
}
END_TEST

/* ---- solve ----------------------------------------------------------------- */

/* numpy.linalg.solve(G, b) for G = randn(n, n), b = randn(n) drawn after
 * seed(s) (tests/oracle/curvature_oracle.py), G and b redrawn here from the
 * seed by lib/rng.h.  Partial pivoting is backward stable, so the forward
 * error is a few n eps cond(G); x may alias b. */
START_TEST(solve_matches_numpy)
{
    size_t len, pos = 0;
    double *g = test_read_doubles("curvature/cases.txt", &len);
    for (int k = 0; k < _i; k++)
        pos += 2 + 4 * (size_t)g[pos + 1] + 2;
    size_t n = (size_t)g[pos + 1];
    ck_assert_uint_le(n, 12);
    double G[144], b[12], x[12], work[144 + 12], d[12];
    slope_rng r;
    slope_rng_seed(&r, (uint32_t)g[pos]);
    for (size_t k = 0; k < n * n; k++)
        G[k] = slope_rng_gauss(&r);
    for (size_t k = 0; k < n; k++)
        b[k] = slope_rng_gauss(&r);
    const double *want = g + pos + 2, cond = g[pos + 2 + 4 * n];
    ck_assert_int_eq(slope_linalg_solve(x, G, b, n, work), SLOPE_OK);
    for (size_t k = 0; k < n; k++)
        d[k] = x[k] - want[k];
    ck_assert_double_le(slope_linalg_norm2(d, n),
                        16 * n * DBL_EPSILON * cond * slope_linalg_norm2(want, n));
    ck_assert_int_eq(slope_linalg_solve(b, G, b, n, work), SLOPE_OK); /* in place */
    ck_assert_mem_eq(b, x, n * sizeof *x);
    free(g);
}
END_TEST

/* A 3x3 system whose pivoting is forced (a zero in the (0,0) place) and
 * whose answer is exact in binary. */
START_TEST(solve_needs_pivoting)
{
    const double A[9] = {0.0, 2.0, 1.0, 4.0, 1.0, -2.0, 2.0, 0.5, 3.0};
    const double want[3] = {0.75, -1.5, 2.0};
    double b[3], x[3], work[12];
    slope_linalg_matvec(b, A, want, 3, 3);
    ck_assert_int_eq(slope_linalg_solve(x, A, b, 3, work), SLOPE_OK);
    for (int i = 0; i < 3; i++)
        ck_assert_double_eq_tol(x[i], want[i], 4 * DBL_EPSILON * 2.0);
}
END_TEST

/* Exactly singular, singular after rounding, zero, and nearly singular
 * beyond n eps ||A||: SLOPE_ESINGULAR, x untouched.  A pivot just above
 * the threshold still solves. */
START_TEST(solve_singular)
{
    const double rank1[4] = {1.0, 2.0, 2.385, 4.77}, zero[4] = {0};
    const double rounds[4] = {1.0, 1.0, 1.0, 1.0 + 1e-17};        /* 1 + 1e-17 == 1 */
    const double tiny_piv[4] = {1.0, 1.0, 1.0, 1.0 + DBL_EPSILON}; /* pivot eps <= 2 eps */
    const double ok_piv[4] = {1.0, 1.0, 1.0, 1.0 + 4 * DBL_EPSILON};
    double b[2] = {1.0, 2.0}, x[2] = {7.0, 7.0}, work[6];
    ck_assert_int_eq(slope_linalg_solve(x, rank1, b, 2, work), SLOPE_ESINGULAR);
    ck_assert_int_eq(slope_linalg_solve(x, zero, b, 2, work), SLOPE_ESINGULAR);
    ck_assert_int_eq(slope_linalg_solve(x, rounds, b, 2, work), SLOPE_ESINGULAR);
    ck_assert_int_eq(slope_linalg_solve(x, tiny_piv, b, 2, work), SLOPE_ESINGULAR);
    ck_assert_double_eq(x[0], 7.0);
    ck_assert_int_eq(slope_linalg_solve(x, ok_piv, b, 2, work), SLOPE_OK);
    ck_assert_double_eq(x[1], 1.0 / (4 * DBL_EPSILON)); /* (b1 - b0) / (4 eps), exact */
    ck_assert_str_eq(slope_status_str(SLOPE_ESINGULAR), "matrix is singular to working precision");
}
END_TEST

START_TEST(solve_errors)
{
    const double A[4] = {2.0, 1.0, 1.0, 3.0}, b[2] = {1.0, 2.0};
    const double An[4] = {2.0, 1.0, INFINITY, 3.0}, bn[2] = {NAN, 2.0};
    double x[2] = {7.0, 7.0}, work[6];
    ck_assert_int_eq(slope_linalg_solve(NULL, A, b, 2, work), SLOPE_EINVAL);
    ck_assert_int_eq(slope_linalg_solve(x, NULL, b, 2, work), SLOPE_EINVAL);
    ck_assert_int_eq(slope_linalg_solve(x, A, NULL, 2, work), SLOPE_EINVAL);
    ck_assert_int_eq(slope_linalg_solve(x, A, b, 2, NULL), SLOPE_EINVAL);
    ck_assert_int_eq(slope_linalg_solve(x, A, b, 0, work), SLOPE_EINVAL);
    ck_assert_int_eq(slope_linalg_solve(x, An, b, 2, work), SLOPE_EDOM);
    ck_assert_int_eq(slope_linalg_solve(x, A, bn, 2, work), SLOPE_EDOM);
    ck_assert_double_eq(x[0], 7.0);
}
END_TEST

Suite *make_linalg_suite(void)
{
    Suite *s = suite_create("linalg");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, eigsym_matches_lapack);
    tcase_add_test(tc, eigsym_known_spectrum);
    tcase_add_test(tc, eigsym_two_by_two_closed_form);
    tcase_add_test(tc, products_and_norms);
    tcase_add_test(tc, errors);
    suite_add_tcase(s, tc);

    tc = tcase_create("solve");
    tcase_add_loop_test(tc, solve_matches_numpy, 0, 6);
    tcase_add_test(tc, solve_needs_pivoting);
    tcase_add_test(tc, solve_singular);
    tcase_add_test(tc, solve_errors);
    suite_add_tcase(s, tc);
    return s;
}
