/*
 * check_curvature.c -- tests of lib/curvature.c.
 *
 * Evidence used:
 *   - numpy.linalg.eigvalsh and numpy.linalg.solve on matrices drawn from
 *     numpy's legacy generator (tests/oracle/curvature_oracle.py ->
 *     tests/golden/curvature/cases.txt), rebuilt here bit for bit from the
 *     seed by lib/rng.h: power iteration's lambda against the eigenvalue of
 *     largest magnitude, on explicit matrices and on Hessian-vector products
 *     of quadratics; Newton's one step against the stationary point;
 *   - Rosenbrock's analytic Hessian: the products' errors and their orders,
 *     O(r^2) central and O(r) forward;
 *   - closed forms: Newton on the double well (x^2 - 1)^2 + a y^2 maps
 *     x -> 2x^3 / (3x^2 - 1), so it falls into the saddle from nearby;
 *     power iteration on diag(3, -3, 1) cycles (SLOPE_EMAXITER);
 *   - one test per documented error path.
 */
#include <check.h>
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "curvature.h"
#include "linalg.h"
#include "rng.h"
#include "testutil.h"

enum { MAXN = 12 };

/* ---- the oracle's cases ----------------------------------------------------------- */

typedef struct {
    size_t n;
    double G[MAXN * MAXN], b[MAXN], S[MAXN * MAXN], P[MAXN * MAXN];
    double eigS[MAXN], eigP[MAXN], xS[MAXN], condS;
} oracle_case;

/* Case i of cases.txt, with G and b redrawn from its seed as numpy did. */
static void load_case(oracle_case *c, int i)
{
    size_t len, pos = 0;
    double *g = test_read_doubles("curvature/cases.txt", &len);
    for (int k = 0; k < i; k++) {
        ck_assert_uint_lt(pos + 1, len);
        pos += 2 + 4 * (size_t)g[pos + 1] + 2;
    }
    ck_assert_uint_lt(pos + 1, len);
    size_t n = (size_t)g[pos + 1];
    ck_assert_uint_le(n, MAXN);
    c->n = n;
    slope_rng r;
    slope_rng_seed(&r, (uint32_t)g[pos]);
    for (size_t k = 0; k < n * n; k++)
        c->G[k] = slope_rng_gauss(&r);
    for (size_t k = 0; k < n; k++)
        c->b[k] = slope_rng_gauss(&r);
    for (size_t a = 0; a < n; a++)
        for (size_t j = 0; j < n; j++) {
            c->S[a * n + j] = (c->G[a * n + j] + c->G[j * n + a]) / 2.0;
            c->P[a * n + j] = slope_linalg_dot(c->G + a * n, c->G + j * n, n);
        }
    const double *v = g + pos + 2 + n;
    memcpy(c->eigS, v, n * sizeof *v);
    memcpy(c->eigP, v + n, n * sizeof *v);
    memcpy(c->xS, v + 2 * n, n * sizeof *v);
    c->condS = v[3 * n + 1];
    free(g);
}

/* The eigenvalue of largest magnitude among n ascending ones. */
static double dominant(const double *eig, size_t n)
{
    return fabs(eig[0]) > fabs(eig[n - 1]) ? eig[0] : eig[n - 1];
}

static void matvec(double *y, const double *v, size_t n, void *A)
{
    slope_linalg_matvec(y, A, v, n, n);
}

/* grad of 0.5 x^T A x (A symmetric) */
static void quad_grad(double *g, const double *x, size_t n, void *A)
{
    slope_linalg_matvec(g, A, x, n, n);
}

static const double START[MAXN] = {0.37, -1.2, 2.385, 0.05, -0.66, 1.297, -0.0917, 0.622,
                                   -2.1, 0.1413, 0.83, -1.27};

/* ---- power iteration ------------------------------------------------------------------ */

/* On the explicit matrices: lambda_max of G G^T, and the signed dominant
 * eigenvalue of (G + G^T)/2.  Guarantee checked: an eigenvalue lies within
 * the residual of lambda, and it is numpy's dominant one (plus numpy's own
 * rounding of a few eps |lambda|). */
START_TEST(test_power_matrices)
{
    oracle_case c;
    load_case(&c, _i);
    for (int which = 0; which < 2; which++) {
        double v[MAXN], work[MAXN], *A = which ? c.S : c.P;
        double want = which ? dominant(c.eigS, c.n) : c.eigP[c.n - 1];
        slope_curvature_eig res;
        memcpy(v, START, sizeof v);
        ck_assert_int_eq(slope_curvature_power(&res, v, matvec, A, c.n, 1e-10, 100000, work),
                         SLOPE_OK);
        ck_assert_double_le(res.residual, 1e-10 * fabs(res.lambda));
        ck_assert_double_le(fabs(res.lambda - want), res.residual + 16 * DBL_EPSILON * fabs(want));
        ck_assert_double_eq_tol(slope_linalg_norm2(v, c.n), 1.0, 4 * DBL_EPSILON);
    }
}
END_TEST

/* The same lambda_max through Hessian-vector products of 0.5 x^T P x at a
 * point: the central difference of a linear gradient is exact up to the
 * rounding eps ||P x|| / r of the gradients, about 1e-10 relative. */
START_TEST(test_power_on_hvp)
{
    oracle_case c;
    load_case(&c, _i);
    double v[MAXN], work[MAXN], hwork[2 * MAXN];
    slope_curvature_hessian h = {quad_grad, c.P, START, hwork};
    slope_curvature_eig res;
    memcpy(v, START + 1, (MAXN - 1) * sizeof *v);
    v[MAXN - 1] = 0.5;
    ck_assert_int_eq(slope_curvature_power(&res, v, slope_curvature_hessian_apply, &h, c.n,
                                           1e-8, 100000, work), SLOPE_OK);
    ck_assert_double_le(fabs(res.lambda - c.eigP[c.n - 1]), 1e-8 * c.eigP[c.n - 1]);
}
END_TEST

/* diag(3, -3, 1): the two dominant eigenvalues are +-3, so v cycles between
 * two directions and never settles -- SLOPE_EMAXITER with the last iterate
 * and a residual that says so. */
START_TEST(test_power_cycles)
{
    double A[9] = {3, 0, 0, 0, -3, 0, 0, 0, 1}, v[3] = {1.0, 0.5, 0.25}, work[3];
    slope_curvature_eig res;
    ck_assert_int_eq(slope_curvature_power(&res, v, matvec, A, 3, 1e-6, 200, work),
                     SLOPE_EMAXITER);
    ck_assert_uint_eq(res.iters, 200);
    ck_assert_double_gt(res.residual, 1.0);
    ck_assert_double_le(fabs(res.lambda), 3.0);
    ck_assert_double_eq_tol(slope_linalg_norm2(v, 3), 1.0, 4 * DBL_EPSILON);
    /* the residual describes the v returned: recompute it */
    double w[3], r = 0.0;
    matvec(w, v, 3, A);
    for (int i = 0; i < 3; i++)
        r += (w[i] - res.lambda * v[i]) * (w[i] - res.lambda * v[i]);
    ck_assert_double_eq_tol(sqrt(r), res.residual, 8 * DBL_EPSILON * 3.0);
}
END_TEST

/* diag(5, 2, 1): the error shrinks like (2/5)^k, and v lands on e_1; an
 * eigenvector start converges in one product; A v = 0 is an eigenpair too. */
START_TEST(test_power_rate_and_edges)
{
    double A[9] = {5, 0, 0, 0, 2, 0, 0, 0, 1}, v[3] = {0.37, 1.2, -2.385}, work[3];
    slope_curvature_eig res;
    ck_assert_int_eq(slope_curvature_power(&res, v, matvec, A, 3, 1e-12, 1000, work), SLOPE_OK);
    ck_assert_double_eq_tol(res.lambda, 5.0, 1e-12 * 5.0);
    ck_assert_double_eq_tol(fabs(v[0]), 1.0, 1e-12);
    /* residual ~ (2/5)^k |v_2/v_1|: 1e-12 takes about 30 + log(1.2/0.37)/log(2.5) steps */
    ck_assert_uint_ge(res.iters, 28);
    ck_assert_uint_le(res.iters, 36);
    double e2[3] = {0.0, -2.5, 0.0};
    ck_assert_int_eq(slope_curvature_power(&res, e2, matvec, A, 3, 1e-12, 10, work), SLOPE_OK);
    ck_assert_uint_eq(res.iters, 1);
    ck_assert_double_eq(res.lambda, 2.0);
    ck_assert_double_eq(e2[1], -1.0);
    double Z[4] = {0, 0, 0, 1}, z[2] = {2.385, 0.0};
    ck_assert_int_eq(slope_curvature_power(&res, z, matvec, Z, 2, 1e-12, 10, work), SLOPE_OK);
    ck_assert_double_eq(res.lambda, 0.0);
    ck_assert_double_eq(res.residual, 0.0);
}
END_TEST

/* ---- Hessian-vector products on Rosenbrock ---------------------------------------------- */

/* f = (1 - x)^2 + 100 (y - x^2)^2 */
static void rosen_grad(double *g, const double *p, size_t n, void *ctx)
{
    (void)n, (void)ctx;
    double x = p[0], y = p[1];
    g[0] = -2.0 * (1.0 - x) - 400.0 * x * (y - x * x);
    g[1] = 200.0 * (y - x * x);
}

static void rosen_hv(double *hv, const double *p, const double *v)
{
    double x = p[0], y = p[1];
    double hxx = 2.0 - 400.0 * (y - x * x) + 800.0 * x * x, hxy = -400.0 * x, hyy = 200.0;
    hv[0] = hxx * v[0] + hxy * v[1];
    hv[1] = hxy * v[0] + hyy * v[1];
}

static const double RX[2] = {-1.2, 1.0}, RV[2] = {0.6, -0.8};

static double rel_err(const double *got, const double *want, size_t n)
{
    double d[MAXN];
    for (size_t i = 0; i < n; i++)
        d[i] = got[i] - want[i];
    return slope_linalg_norm2(d, n) / slope_linalg_norm2(want, n);
}

/* At the default steps: central within eps^(2/3) ~ 4e-11 (times the
 * function's scale), forward within sqrt(eps) ~ 1.5e-8. */
START_TEST(test_hvp_default_steps)
{
    double hv[2], want[2], work[4], g0[2];
    rosen_hv(want, RX, RV);
    double rc = slope_curvature_hvp_step_central(RX, RV, 2);
    double rf = slope_curvature_hvp_step_forward(RX, RV, 2);
    ck_assert_double_eq_tol(rc, cbrt(DBL_EPSILON) * slope_linalg_norm2(RX, 2), 1e-20);
    ck_assert_double_eq_tol(rf, sqrt(DBL_EPSILON) * slope_linalg_norm2(RX, 2), 1e-22);
    ck_assert_int_eq(slope_curvature_hvp_central(hv, rosen_grad, NULL, RX, RV, 2, rc, work), SLOPE_OK);
    ck_assert_double_le(rel_err(hv, want, 2), 1e-9);
    rosen_grad(g0, RX, 2, NULL);
    ck_assert_int_eq(slope_curvature_hvp_forward(hv, rosen_grad, NULL, RX, g0, RV, 2, rf, work),
                     SLOPE_OK);
    ck_assert_double_le(rel_err(hv, want, 2), 1e-6);
    ck_assert_double_gt(rel_err(hv, want, 2), 1e-12); /* forward is not exact here */
}
END_TEST

/* Truncation orders: halving r from 1e-3 divides the central error by 4
 * and the forward error by 2 (both well above rounding at these r). */
START_TEST(test_hvp_orders)
{
    double hv[2], want[2], work[4], g0[2], ec[2], ef[2];
    rosen_hv(want, RX, RV);
    rosen_grad(g0, RX, 2, NULL);
    for (int k = 0; k < 2; k++) {
        double r = k ? 5e-4 : 1e-3;
        slope_curvature_hvp_central(hv, rosen_grad, NULL, RX, RV, 2, r, work);
        ec[k] = rel_err(hv, want, 2);
        slope_curvature_hvp_forward(hv, rosen_grad, NULL, RX, g0, RV, 2, r, work);
        ef[k] = rel_err(hv, want, 2);
    }
    ck_assert_double_eq_tol(ec[0] / ec[1], 4.0, 0.01);
    ck_assert_double_eq_tol(ef[0] / ef[1], 2.0, 0.01);
}
END_TEST

/* The Hessian operator with its default step agrees with the analytic H v. */
START_TEST(test_hessian_apply)
{
    double hv[2], want[2], hwork[4];
    slope_curvature_hessian h = {rosen_grad, NULL, RX, hwork};
    slope_curvature_hessian_apply(hv, RV, 2, &h);
    rosen_hv(want, RX, RV);
    ck_assert_double_le(rel_err(hv, want, 2), 1e-9);
    const double zero[2] = {0.0, 0.0};
    slope_curvature_hessian_apply(hv, zero, 2, &h); /* no direction: NaN */
    ck_assert(isnan(hv[0]) && isnan(hv[1]));
    slope_curvature_hessian_apply(hv, RV, 2, NULL);
    ck_assert(isnan(hv[0]));
}
END_TEST

/* ---- Newton ---------------------------------------------------------------------------- */

/* On 0.5 x^T S x - b^T x (S symmetric, indefinite, nonsingular) one step
 * from anywhere lands on numpy's solve(S, b), to the solve's accuracy
 * (a few n eps cond(S) relative). */
START_TEST(test_newton_quadratic_one_step)
{
    oracle_case c;
    load_case(&c, _i);
    size_t n = c.n;
    double x[MAXN], g[MAXN], d[MAXN], work[MAXN * MAXN + MAXN];
    memcpy(x, START, sizeof x);
    slope_linalg_matvec(g, c.S, x, n, n);
    for (size_t i = 0; i < n; i++)
        g[i] -= c.b[i];
    ck_assert_int_eq(slope_curvature_newton_step(d, c.S, g, n, work), SLOPE_OK);
    for (size_t i = 0; i < n; i++)
        x[i] += d[i];
    ck_assert_double_le(rel_err(x, c.xS, n), 64 * n * DBL_EPSILON * c.condS);
}
END_TEST

/* f = (x^2 - 1)^2 + a y^2: minima (+-1, 0), a saddle at (0, 0) where H =
 * diag(-4, 2a).  Newton's x-map is x - (4x^3 - 4x)/(12x^2 - 4) =
 * 2x^3 / (3x^2 - 1), and y goes to 0 in one step.  From (0.3, 0.7) it falls
 * into the saddle (cubically); from (1.3, 0.7) into the minimum. */
static void well_grad_hess(double *g, double *H, const double *p, double a)
{
    double x = p[0], y = p[1];
    g[0] = 4.0 * x * x * x - 4.0 * x;
    g[1] = 2.0 * a * y;
    H[0] = 12.0 * x * x - 4.0, H[1] = H[2] = 0.0, H[3] = 2.0 * a;
}

START_TEST(test_newton_double_well)
{
    const double a = 2.385;
    const double starts[2][2] = {{0.3, 0.7}, {1.3, 0.7}}, ends[2] = {0.0, 1.0};
    double p[2], g[2], H[4], d[2], work[6];
    memcpy(p, starts[_i], sizeof p);
    for (int k = 0; k < 6; k++) {
        double x = p[0], want = 2.0 * x * x * x / (3.0 * x * x - 1.0);
        well_grad_hess(g, H, p, a);
        ck_assert_int_eq(slope_curvature_newton_step(d, H, g, 2, work), SLOPE_OK);
        p[0] += d[0];
        p[1] += d[1];
        ck_assert_double_eq_tol(p[0], want, 4 * DBL_EPSILON * fmax(fabs(x), 1.0));
        ck_assert_double_eq_tol(p[1], 0.0, 4 * DBL_EPSILON);
    }
    ck_assert_double_eq_tol(p[0], ends[_i], 1e-15);
    well_grad_hess(g, H, p, a);
    double eig[2], ework[4];
    ck_assert_int_eq(slope_linalg_eigsym(eig, NULL, H, 2, ework), SLOPE_OK);
    if (_i == 0)
        ck_assert(eig[0] < 0.0 && eig[1] > 0.0); /* a saddle, not a minimum */
    else
        ck_assert(eig[0] > 0.0);
}
END_TEST

/* At x = 1/sqrt(3) the double well's Hessian is singular in x: no step. */
START_TEST(test_newton_singular)
{
    double H[4] = {0.0, 0.0, 0.0, 4.77}, g[2] = {1.5, 0.3}, d[2] = {7.0, 7.0}, work[6];
    ck_assert_int_eq(slope_curvature_newton_step(d, H, g, 2, work), SLOPE_ESINGULAR);
    ck_assert_double_eq(d[0], 7.0);
}
END_TEST

/* ---- error paths ----------------------------------------------------------------------- */

static void nan_op(double *y, const double *v, size_t n, void *ctx)
{
    int *calls = ctx;
    for (size_t i = 0; i < n; i++)
        y[i] = ++*calls >= 4 ? NAN : 2.0 * v[i] + (i == 0);
}

START_TEST(test_err_power)
{
    double A[4] = {2, 0, 0, 1}, v[2] = {1.0, 1.0}, work[2], zero[2] = {0.0, 0.0};
    double bad[2] = {1.0, INFINITY};
    slope_curvature_eig res = {7.0, 7.0, 7};
    ck_assert_int_eq(slope_curvature_power(NULL, v, matvec, A, 2, 1e-8, 10, work), SLOPE_EINVAL);
    ck_assert_int_eq(slope_curvature_power(&res, NULL, matvec, A, 2, 1e-8, 10, work), SLOPE_EINVAL);
    ck_assert_int_eq(slope_curvature_power(&res, v, NULL, A, 2, 1e-8, 10, work), SLOPE_EINVAL);
    ck_assert_int_eq(slope_curvature_power(&res, v, matvec, A, 2, 1e-8, 10, NULL), SLOPE_EINVAL);
    ck_assert_int_eq(slope_curvature_power(&res, v, matvec, A, 0, 1e-8, 10, work), SLOPE_EINVAL);
    ck_assert_int_eq(slope_curvature_power(&res, v, matvec, A, 2, 1e-8, 0, work), SLOPE_EINVAL);
    ck_assert_int_eq(slope_curvature_power(&res, v, matvec, A, 2, 0.0, 10, work), SLOPE_EINVAL);
    ck_assert_int_eq(slope_curvature_power(&res, v, matvec, A, 2, 1.0, 10, work), SLOPE_EINVAL);
    ck_assert_int_eq(slope_curvature_power(&res, v, matvec, A, 2, NAN, 10, work), SLOPE_EINVAL);
    ck_assert_int_eq(slope_curvature_power(&res, zero, matvec, A, 2, 1e-8, 10, work), SLOPE_EINVAL);
    ck_assert_int_eq(slope_curvature_power(&res, bad, matvec, A, 2, 1e-8, 10, work), SLOPE_EDOM);
    ck_assert_double_eq(res.lambda, 7.0);
    ck_assert_double_eq(v[0], 1.0);
    /* an operator that turns NaN on its 4th entry: the 2nd product */
    int calls = 0;
    ck_assert_int_eq(slope_curvature_power(&res, v, nan_op, &calls, 2, 1e-14, 10, work),
                     SLOPE_EDIVERGED);
    ck_assert_uint_eq(res.iters, 2);
    ck_assert(isnan(res.lambda) && isnan(res.residual));
    ck_assert(isfinite(v[0]) && isfinite(v[1]));
}
END_TEST

START_TEST(test_err_hvp)
{
    double hv[2] = {7.0, 7.0}, work[4], g0[2] = {1.0, 2.0};
    const double nanx[2] = {NAN, 1.0}, zero[2] = {0.0, 0.0}, infg[2] = {INFINITY, 0.0};
    slope_grad_fn G = rosen_grad;
    ck_assert_int_eq(slope_curvature_hvp_central(NULL, G, NULL, RX, RV, 2, 1e-5, work), SLOPE_EINVAL);
    ck_assert_int_eq(slope_curvature_hvp_central(hv, NULL, NULL, RX, RV, 2, 1e-5, work), SLOPE_EINVAL);
    ck_assert_int_eq(slope_curvature_hvp_central(hv, G, NULL, NULL, RV, 2, 1e-5, work), SLOPE_EINVAL);
    ck_assert_int_eq(slope_curvature_hvp_central(hv, G, NULL, RX, NULL, 2, 1e-5, work), SLOPE_EINVAL);
    ck_assert_int_eq(slope_curvature_hvp_central(hv, G, NULL, RX, RV, 2, 1e-5, NULL), SLOPE_EINVAL);
    ck_assert_int_eq(slope_curvature_hvp_central(hv, G, NULL, RX, RV, 0, 1e-5, work), SLOPE_EINVAL);
    ck_assert_int_eq(slope_curvature_hvp_central(hv, G, NULL, RX, RV, 2, 0.0, work), SLOPE_EINVAL);
    ck_assert_int_eq(slope_curvature_hvp_central(hv, G, NULL, RX, RV, 2, -1e-5, work), SLOPE_EINVAL);
    ck_assert_int_eq(slope_curvature_hvp_central(hv, G, NULL, RX, RV, 2, INFINITY, work), SLOPE_EINVAL);
    ck_assert_int_eq(slope_curvature_hvp_central(hv, G, NULL, nanx, RV, 2, 1e-5, work), SLOPE_EDOM);
    ck_assert_int_eq(slope_curvature_hvp_central(hv, G, NULL, RX, nanx, 2, 1e-5, work), SLOPE_EDOM);
    ck_assert_int_eq(slope_curvature_hvp_forward(hv, G, NULL, RX, NULL, RV, 2, 1e-5, work), SLOPE_EINVAL);
    ck_assert_int_eq(slope_curvature_hvp_forward(hv, G, NULL, RX, g0, RV, 2, NAN, work), SLOPE_EINVAL);
    ck_assert_int_eq(slope_curvature_hvp_forward(hv, G, NULL, RX, infg, RV, 2, 1e-5, work), SLOPE_EDOM);
    ck_assert_int_eq(slope_curvature_hvp_forward(hv, G, NULL, nanx, g0, RV, 2, 1e-5, work), SLOPE_EDOM);
    ck_assert_double_eq(hv[0], 7.0);
    ck_assert(isnan(slope_curvature_hvp_step_central(RX, zero, 2)));
    ck_assert(isnan(slope_curvature_hvp_step_central(nanx, RV, 2)));
    ck_assert(isnan(slope_curvature_hvp_step_central(RX, nanx, 2)));
    ck_assert(isnan(slope_curvature_hvp_step_central(NULL, RV, 2)));
    ck_assert(isnan(slope_curvature_hvp_step_forward(RX, RV, 0)));
    ck_assert(isnan(slope_curvature_hvp_step_forward(RX, NULL, 2)));
}
END_TEST

START_TEST(test_err_newton)
{
    double H[4] = {2.0, 0.5, 0.5, 1.0}, g[2] = {1.0, 2.0}, d[2] = {7.0, 7.0}, work[6];
    double Hn[4] = {2.0, NAN, 0.5, 1.0}, gi[2] = {1.0, -INFINITY};
    ck_assert_int_eq(slope_curvature_newton_step(NULL, H, g, 2, work), SLOPE_EINVAL);
    ck_assert_int_eq(slope_curvature_newton_step(d, NULL, g, 2, work), SLOPE_EINVAL);
    ck_assert_int_eq(slope_curvature_newton_step(d, H, NULL, 2, work), SLOPE_EINVAL);
    ck_assert_int_eq(slope_curvature_newton_step(d, H, g, 2, NULL), SLOPE_EINVAL);
    ck_assert_int_eq(slope_curvature_newton_step(d, H, g, 0, work), SLOPE_EINVAL);
    ck_assert_int_eq(slope_curvature_newton_step(d, Hn, g, 2, work), SLOPE_EDOM);
    ck_assert_int_eq(slope_curvature_newton_step(d, H, gi, 2, work), SLOPE_EDOM);
    ck_assert_double_eq(d[0], 7.0);
}
END_TEST

Suite *make_curvature_suite(void)
{
    Suite *s = suite_create("curvature");
    TCase *tc = tcase_create("power");
    tcase_add_loop_test(tc, test_power_matrices, 0, 6);
    tcase_add_loop_test(tc, test_power_on_hvp, 0, 6);
    tcase_add_test(tc, test_power_cycles);
    tcase_add_test(tc, test_power_rate_and_edges);
    suite_add_tcase(s, tc);

    tc = tcase_create("hvp");
    tcase_add_test(tc, test_hvp_default_steps);
    tcase_add_test(tc, test_hvp_orders);
    tcase_add_test(tc, test_hessian_apply);
    suite_add_tcase(s, tc);

    tc = tcase_create("newton");
    tcase_add_loop_test(tc, test_newton_quadratic_one_step, 0, 6);
    tcase_add_loop_test(tc, test_newton_double_well, 0, 2);
    tcase_add_test(tc, test_newton_singular);
    suite_add_tcase(s, tc);

    tc = tcase_create("errors");
    tcase_add_test(tc, test_err_power);
    tcase_add_test(tc, test_err_hvp);
    tcase_add_test(tc, test_err_newton);
    suite_add_tcase(s, tc);
    return s;
}
