/*
 * check_convergence.c -- tests of lib/convergence.c.
 *
 * Evidence used:
 *   - the rate bounds hold (worst ratio <= 1) on the course's quadratics
 *     0.5 x^T A x, A = diag(1,2) and diag(1,50), step 1/L, from (5,5);
 *   - the gradient-descent runs of tests/oracle/optim_oracle.py
 *     (tests/golden/convergence/gd_kappa*.txt) to 1e-12, and the distances
 *     and factors the course's snippet printed, to their printed digits;
 *   - closed forms on f = mu/2 (x - c)^2, where GD with step 1/L gives
 *     x_j - c = q^j (x0 - c), q = 1 - mu/L, so every ratio is known exactly;
 *   - closed form of the divergent run with step 2.1/L;
 *   - tuned heavy ball and Nesterov (tests/oracle/accel_oracle.py ->
 *     tests/golden/convergence/accel_*.txt): their runs to 1e-12, their
 *     iterations to 1e-8 for kappa = 10 .. 1e4 exactly, and numpy.polyfit's
 *     log-log slopes (about 1 for GD, 1/2 for the accelerated methods);
 *   - the heavy-ball bound attained with equality at lambda = L, and both
 *     accelerated bounds held over a grid of the spectrum [mu, L] and, for
 *     Nesterov, on a non-quadratic strongly convex f;
 *   - one test per documented error path.
 */
#include <check.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "convergence.h"
#include "testutil.h"

#define K 50
/* GD's iterates carry about one rounding per step; over <= 60 steps the
 * relative drift from the closed forms stays far below this. */
#define CLOSED_REL 1e-12

/* ---- problems ------------------------------------------------------------- */

/* 0.5 x^T diag(d) x, minimum 0 at the origin */
static double diagq(const double *x, size_t n, void *p)
{
    const double *d = p;
    double s = 0.0;
    for (size_t i = 0; i < n; i++)
        s += d[i] * x[i] * x[i];
    return 0.5 * s;
}

static void diagq_grad(double *g, const double *x, size_t n, void *p)
{
    const double *d = p;
    for (size_t i = 0; i < n; i++)
        g[i] = d[i] * x[i];
}

/* a/2 (x - c)^2 in one dimension */
typedef struct {
    double a, c;
} quad1d;

static double q1(const double *x, size_t n, void *p)
{
    const quad1d *q = p;
    (void)n;
    return 0.5 * q->a * (x[0] - q->c) * (x[0] - q->c);
}

static void q1_grad(double *g, const double *x, size_t n, void *p)
{
    const quad1d *q = p;
    (void)n;
    g[0] = q->a * (x[0] - q->c);
}

static double diag_good[2] = {1.0, 2.0}, diag_bad[2] = {1.0, 50.0};
static const double origin[2] = {0.0, 0.0}, x0_seed[2] = {5.0, 5.0};

static slope_convergence_problem diag_problem(double *d)
{
    slope_convergence_problem p = {diagq, diagq_grad, d, origin, 0.0};
    return p;
}

/* ---- constants ------------------------------------------------------------ */

static const struct {
    double eig[3];
    size_t n;
    double L, mu, kappa;
} const_cases[] = {
    {{1.0, 2.0, 0}, 2, 2.0, 1.0, 2.0},
    {{50.0, 1.0, 0}, 2, 50.0, 1.0, 50.0},
    {{2.385, 0.37, 1.1}, 3, 2.385, 0.37, 2.385 / 0.37},
    {{0.0, 3.25, 0}, 2, 3.25, 0.0, INFINITY},
};

START_TEST(test_constants)
{
    double L, mu;
    ck_assert_int_eq(slope_convergence_constants(&L, &mu, const_cases[_i].eig,
                                                 const_cases[_i].n), SLOPE_OK);
    ck_assert_double_eq(L, const_cases[_i].L);
    ck_assert_double_eq(mu, const_cases[_i].mu);
    ck_assert_double_eq(slope_convergence_kappa(L, mu), const_cases[_i].kappa);
    ck_assert_double_eq(slope_convergence_step(L), 1.0 / const_cases[_i].L);
    ck_assert_double_eq(slope_convergence_max_step(L), 2.0 / const_cases[_i].L);
}
END_TEST

/* An indefinite Hessian: L is the largest |eigenvalue|, mu < 0, no kappa. */
START_TEST(test_constants_indefinite)
{
    const double eig[3] = {-2.385, 0.7, 1.1};
    double L, mu;
    ck_assert_int_eq(slope_convergence_constants(&L, &mu, eig, 3), SLOPE_OK);
    ck_assert_double_eq(L, 2.385);
    ck_assert_double_eq(mu, -2.385);
    ck_assert(isnan(slope_convergence_kappa(L, mu)));
}
END_TEST

/* ---- the course's quadratics ---------------------------------------------------- */

static const slope_rate rates[3] = {SLOPE_RATE_CONVEX, SLOPE_RATE_STRONGLY_CONVEX,
                                    SLOPE_RATE_NONCONVEX};
static const slope_rate rates_accel[2] = {SLOPE_RATE_HEAVY_BALL, SLOPE_RATE_NESTEROV};

/* _i = 2 * rate + problem: kappa 2 (lr 1/2) and kappa 50 (lr 1/50). */
START_TEST(test_bounds_hold_on_seed_quadratics)
{
    double *d = (_i % 2) ? diag_bad : diag_good;
    slope_convergence_problem p = diag_problem(d);
    double L, mu, worst = -1.0, work[4], actual[K + 1], bound[K + 1];
    slope_convergence_constants(&L, &mu, d, 2);
    ck_assert_int_eq(slope_convergence_check(&worst, actual, bound, rates[_i / 2], &p, L, mu,
                                             x0_seed, slope_convergence_step(L), work, 2, K),
                     SLOPE_OK);
    ck_assert_double_le(worst, 1.0);
    ck_assert_double_gt(worst, 0.0);
    for (size_t j = 1; j <= K; j++)
        ck_assert_double_le(actual[j], bound[j]);
}
END_TEST

/* The measured f - f* and ||x - x*||^2 follow numpy's GD run step by step. */
START_TEST(test_oracle_gd_runs)
{
    const char *file = _i ? "convergence/gd_kappa50.txt" : "convergence/gd_kappa2.txt";
    double *d = _i ? diag_bad : diag_good;
    slope_convergence_problem p = diag_problem(d);
    size_t len;
    double *want = test_read_doubles(file, &len);
    ck_assert_uint_eq(len, (K + 1) * 3);
    double worst, work[4], f_gap[K + 1], dist_sq[K + 1];
    ck_assert_int_eq(slope_convergence_check(&worst, f_gap, NULL, SLOPE_RATE_CONVEX, &p, d[1],
                                             d[0], x0_seed, 1.0 / d[1], work, 2, K), SLOPE_OK);
    ck_assert_int_eq(slope_convergence_check(&worst, dist_sq, NULL, SLOPE_RATE_STRONGLY_CONVEX,
                                             &p, d[1], d[0], x0_seed, 1.0 / d[1], work, 2, K),
                     SLOPE_OK);
    for (size_t j = 0; j <= K; j++) {
        const double *row = want + 3 * j;
        ck_assert_rel(f_gap[j], row[0], 1e-12);
        ck_assert_rel(dist_sq[j], row[1] * row[1] + row[2] * row[2], 1e-12);
    }
    free(want);
}
END_TEST

/* The snippet printed ||x|| after min(k, 49) + 1 updates (its trajectory
 * leaves out x0), four decimals. */
START_TEST(test_seed_distances)
{
    size_t len;
    double *p = test_read_doubles("convergence/seed21_distances.txt", &len);
    ck_assert_uint_eq(len, 5 * 3);
    double dist_sq[2][K + 1], worst, work[4];
    for (int c = 0; c < 2; c++) {
        double *d = c ? diag_bad : diag_good;
        slope_convergence_problem pr = diag_problem(d);
        ck_assert_int_eq(slope_convergence_check(&worst, dist_sq[c], NULL,
                                                 SLOPE_RATE_STRONGLY_CONVEX, &pr, d[1], d[0],
                                                 x0_seed, 1.0 / d[1], work, 2, K), SLOPE_OK);
    }
    for (size_t r = 0; r < 5; r++) {
        size_t k = (size_t)p[3 * r], j = (k < K - 1 ? k : K - 1) + 1;
        for (int c = 0; c < 2; c++)
            ck_assert_double_le(fabs(sqrt(dist_sq[c][j]) - p[3 * r + 1 + c]), 0.5e-4 * (1 + 1e-9));
    }
    free(p);
}
END_TEST

/* (1 - 1/kappa)^50: the strongly convex factor with r0sq = 1. */
START_TEST(test_seed_factors)
{
    size_t len;
    double *p = test_read_doubles("convergence/seed21_factors.txt", &len);
    ck_assert_uint_eq(len, 2);
    double f2 = slope_convergence_bound_strong(2.0, 1.0, 1.0, 50);
    double f50 = slope_convergence_bound_strong(50.0, 1.0, 1.0, 50);
    ck_assert_double_eq(f2, ldexp(1.0, -50)); /* (1/2)^50, exact in binary */
    ck_assert_double_le(fabs(f2 - p[0]), 0.5e-6);
    ck_assert_double_le(fabs(f50 - p[1]), 0.5e-6 * (1 + 1e-9));
    free(p);
}
END_TEST

/* step = 2.1/L on diag(1,50): the stiff coordinate is multiplied by
 * 1 - 2.1 = -1.1 per step and grows; the ratio passes 1 and the worst one is
 * the closed form's maximum. */
START_TEST(test_step_beyond_two_over_L)
{
    slope_convergence_problem p = diag_problem(diag_bad);
    const double L = 50.0, mu = 1.0, step = 2.1 / L;
    double worst, work[4];
    ck_assert_double_gt(step, slope_convergence_max_step(L));
    ck_assert_int_eq(slope_convergence_check(&worst, NULL, NULL, SLOPE_RATE_STRONGLY_CONVEX, &p,
                                             L, mu, x0_seed, step, work, 2, K), SLOPE_OK);
    double want = 0.0;
    for (int j = 1; j <= K; j++) {
        double a = 25.0 * (pow(1.0 - step, 2.0 * j) + pow(1.0 - L * step, 2.0 * j));
        want = fmax(want, a / (pow(1.0 - mu / L, j) * 50.0));
    }
    ck_assert_double_gt(worst, 1.0);
    ck_assert_rel(worst, want, CLOSED_REL);
    ck_assert_int_eq(slope_convergence_check(&worst, NULL, NULL, SLOPE_RATE_CONVEX, &p, L, mu,
                                             x0_seed, step, work, 2, K), SLOPE_OK);
    ck_assert_double_gt(worst, 1.0);
}
END_TEST

/* ---- closed forms on a 1-D quadratic ------------------------------------------------- */

/* f = mu/2 (x - c)^2 with a declared L > mu and step 1/L.  x_j - c = q^j r0,
 * q = 1 - mu/L.  Then
 *   strongly convex: actual = q^{2j} r0^2, bound = q^j r0^2, ratio = q^j
 *     (the distance bound ||x_j - x*|| <= q^j r0 holds with equality);
 *   convex:     actual = mu/2 q^{2j} r0^2, bound = L r0^2 / (2j);
 *   non-convex: actual = mu^2 q^{2j} r0^2 (||grad|| falls every step, so the
 *     running minimum is the last), bound = 2L (mu/2 r0^2) / j;
 *   both of the last two give ratio = (mu/L) j q^{2j}.
 * _i % 3 picks the rate; _i / 3 the minimiser c = 0 or c = 0.6. */
static const double one_dim_c[2] = {0.0, 0.6};

/* Each GD step rounds x_j (size about |c| + |e|) by about eps, so after j
 * steps e = x_j - c carries a relative error near j eps (|c| + |e|) / |e|:
 * cancellation makes the offset case looser as x_j closes in on c. */
static double gd_drift(int j, double c, double e)
{
    return 8.0 * j * DBL_EPSILON * (1.0 + fabs(c) / fabs(e));
}

START_TEST(test_one_dim_closed_forms)
{
    const double mu = 0.37, L = 2.385, c = one_dim_c[_i / 3], x0 = 1.7, r0 = x0 - c;
    const double q = 1.0 - mu / L;
    quad1d qd = {mu, c};
    slope_convergence_problem p = {q1, q1_grad, &qd, &c, 0.0};
    enum { KK = 60 };
    double worst, work[2], actual[KK + 1], bound[KK + 1], want_worst = 0.0;
    slope_rate rate = rates[_i % 3];
    ck_assert_int_eq(slope_convergence_check(&worst, actual, bound, rate, &p, L, mu, &x0,
                                             1.0 / L, work, 1, KK), SLOPE_OK);
    for (int j = 1; j <= KK; j++) {
        double q2j = pow(q, 2.0 * j), a, b, r, tol = gd_drift(j, c, pow(q, j) * r0);
        if (rate == SLOPE_RATE_STRONGLY_CONVEX)
            a = q2j * r0 * r0, b = pow(q, j) * r0 * r0, r = pow(q, j);
        else if (rate == SLOPE_RATE_CONVEX)
            a = 0.5 * mu * q2j * r0 * r0, b = L * r0 * r0 / (2.0 * j), r = mu / L * j * q2j;
        else
            a = mu * mu * q2j * r0 * r0, b = L * mu * r0 * r0 / j, r = mu / L * j * q2j;
        ck_assert_rel(actual[j] / a, 1.0, tol);
        ck_assert_rel(bound[j] / b, 1.0, CLOSED_REL);
        ck_assert_rel(actual[j] / bound[j], r, tol);
        want_worst = fmax(want_worst, r);
    }
    ck_assert_rel(worst, want_worst, gd_drift(KK, c, pow(q, KK) * r0));
    if (rate == SLOPE_RATE_STRONGLY_CONVEX)
        ck_assert_rel(worst, q, CLOSED_REL); /* the worst is the first step */
}
END_TEST

/* L = mu: one step of 1/L lands on x* exactly (binary-exact data), the
 * bound is 0 from then on, and 0/0 counts as met. */
START_TEST(test_one_dim_one_step)
{
    const double a = 4.0, c = 0.75, x0 = 2.375;
    quad1d qd = {a, c};
    slope_convergence_problem p = {q1, q1_grad, &qd, &c, 0.0};
    double worst = -1.0, work[2], actual[4], bound[4];
    ck_assert_int_eq(slope_convergence_check(&worst, actual, bound, SLOPE_RATE_STRONGLY_CONVEX,
                                             &p, a, a, &x0, 1.0 / a, work, 1, 3), SLOPE_OK);
    ck_assert_double_eq(actual[0], (x0 - c) * (x0 - c));
    ck_assert_double_eq(bound[0], actual[0]);
    ck_assert_double_eq(actual[1], 0.0);
    ck_assert_double_eq(bound[1], 0.0);
    ck_assert_double_eq(worst, 0.0);
}
END_TEST

/* ---- the bound functions' conventions ----------------------------------------------- */

START_TEST(test_bound_values_and_k_zero)
{
    ck_assert_double_eq(slope_convergence_bound_convex(2.385, 3.5, 7), 2.385 * 3.5 / 14.0);
    ck_assert_double_eq(slope_convergence_bound_nonconvex(2.385, 3.5, 7), 2.0 * 2.385 * 3.5 / 7.0);
    ck_assert_rel(slope_convergence_bound_strong(2.385, 0.37, 3.5, 7),
                  pow(1.0 - 0.37 / 2.385, 7) * 3.5, 1e-15);
    ck_assert_double_eq(slope_convergence_bound_convex(2.0, 3.0, 0), INFINITY);
    ck_assert_double_eq(slope_convergence_bound_convex(2.0, 0.0, 0), 0.0);
    ck_assert_double_eq(slope_convergence_bound_nonconvex(2.0, 3.0, 0), INFINITY);
    ck_assert_double_eq(slope_convergence_bound_nonconvex(2.0, 0.0, 0), 0.0);
    ck_assert_double_eq(slope_convergence_bound_strong(2.0, 0.5, 3.0, 0), 3.0);
}
END_TEST

/* ---- error paths -------------------------------------------------------------------- */

START_TEST(test_err_constants)
{
    const double eig[2] = {1.0, 2.0}, bad[2] = {1.0, NAN}, inf[2] = {INFINITY, 1.0};
    double L = 7.0, mu = 7.0;
    ck_assert_int_eq(slope_convergence_constants(NULL, &mu, eig, 2), SLOPE_EINVAL);
    ck_assert_int_eq(slope_convergence_constants(&L, NULL, eig, 2), SLOPE_EINVAL);
    ck_assert_int_eq(slope_convergence_constants(&L, &mu, NULL, 2), SLOPE_EINVAL);
    ck_assert_int_eq(slope_convergence_constants(&L, &mu, eig, 0), SLOPE_EINVAL);
    ck_assert_int_eq(slope_convergence_constants(&L, &mu, bad, 2), SLOPE_EDOM);
    ck_assert_int_eq(slope_convergence_constants(&L, &mu, inf, 2), SLOPE_EDOM);
    ck_assert_double_eq(L, 7.0);
    ck_assert_double_eq(mu, 7.0);
}
END_TEST

/* Every documented NaN of the scalar functions. */
START_TEST(test_err_scalar_nan)
{
    ck_assert(isnan(slope_convergence_kappa(0.0, 0.5)));
    ck_assert(isnan(slope_convergence_kappa(-2.0, 0.5)));
    ck_assert(isnan(slope_convergence_kappa(2.0, -0.5)));
    ck_assert(isnan(slope_convergence_kappa(2.0, 3.0)));
    ck_assert(isnan(slope_convergence_kappa(NAN, 0.5)));
    ck_assert(isnan(slope_convergence_kappa(INFINITY, 0.5)));
    ck_assert(isnan(slope_convergence_kappa(2.0, NAN)));
    ck_assert(isnan(slope_convergence_step(0.0)));
    ck_assert(isnan(slope_convergence_step(-2.0)));
    ck_assert(isnan(slope_convergence_step(NAN)));
    ck_assert(isnan(slope_convergence_max_step(INFINITY)));
    ck_assert(isnan(slope_convergence_max_step(0.0)));
    ck_assert(isnan(slope_convergence_bound_convex(0.0, 1.0, 3)));
    ck_assert(isnan(slope_convergence_bound_convex(2.0, -1.0, 3)));
    ck_assert(isnan(slope_convergence_bound_convex(2.0, INFINITY, 3)));
    ck_assert(isnan(slope_convergence_bound_strong(2.0, 0.0, 1.0, 3)));
    ck_assert(isnan(slope_convergence_bound_strong(2.0, 3.0, 1.0, 3)));
    ck_assert(isnan(slope_convergence_bound_strong(-2.0, 1.0, 1.0, 3)));
    ck_assert(isnan(slope_convergence_bound_strong(2.0, 1.0, NAN, 3)));
    ck_assert(isnan(slope_convergence_bound_nonconvex(2.0, -0.1, 3)));
    ck_assert(isnan(slope_convergence_bound_nonconvex(NAN, 0.1, 3)));
}
END_TEST

/* Calls the checker with one argument spoiled; returns its status and
 * checks that *worst was not written. */
static slope_status check_spoiled(int which)
{
    slope_convergence_problem p = diag_problem(diag_bad);
    double worst = -7.0, work[4], L = 50.0, mu = 1.0, step = 0.02, x0[2] = {5.0, 5.0};
    const double inf_xs[2] = {INFINITY, 0.0};
    slope_rate rate = SLOPE_RATE_STRONGLY_CONVEX;
    size_t n = 2, k = 10;
    double *pw = &worst, *pwork = work;
    const double *px0 = x0;
    const slope_convergence_problem *pp = &p;
    switch (which) {
    case 0: pw = NULL; break;
    case 1: pp = NULL; break;
    case 2: p.grad = NULL; break;
    case 3: px0 = NULL; break;
    case 4: pwork = NULL; break;
    case 5: p.f = NULL, rate = SLOPE_RATE_CONVEX; break;
    case 6: p.f = NULL, rate = SLOPE_RATE_NONCONVEX; break;
    case 7: p.xstar = NULL; break;
    case 8: p.xstar = NULL, rate = SLOPE_RATE_CONVEX; break;
    case 9: n = 0; break;
    case 10: k = 0; break;
    case 11: rate = (slope_rate)9; break;
    case 12: L = 0.0; break;
    case 13: L = NAN; break;
    case 14: mu = 0.0; break;
    case 15: mu = 60.0; break;
    case 16: mu = NAN; break;
    case 17: step = 0.0; break;
    case 18: step = -0.02; break;
    case 19: step = INFINITY; break;
    /* SLOPE_EDOM from here */
    case 20: x0[1] = NAN; break;
    case 21: p.xstar = inf_xs; break;
    case 22: p.fstar = NAN, rate = SLOPE_RATE_CONVEX; break;
    case 23: p.fstar = 1e3, rate = SLOPE_RATE_NONCONVEX; break; /* f(x0) < f* */
    default: break;
    }
    slope_status st = slope_convergence_check(pw, NULL, NULL, rate, pp, L, mu, px0, step,
                                              pwork, n, k);
    ck_assert_double_eq(worst, -7.0);
    return st;
}

START_TEST(test_err_check_einval)
{
    ck_assert_int_eq(check_spoiled(_i), SLOPE_EINVAL);
}
END_TEST

START_TEST(test_err_check_edom)
{
    ck_assert_int_eq(check_spoiled(_i), SLOPE_EDOM);
}
END_TEST

/* mu is ignored by the rates that do not use it. */
START_TEST(test_mu_ignored_when_unused)
{
    slope_convergence_problem p = diag_problem(diag_bad);
    double worst, work[4];
    ck_assert_int_eq(slope_convergence_check(&worst, NULL, NULL, SLOPE_RATE_CONVEX, &p, 50.0,
                                             NAN, x0_seed, 0.02, work, 2, 5), SLOPE_OK);
    ck_assert_double_le(worst, 1.0);
}
END_TEST

/* A huge step overflows the iterate: SLOPE_EDIVERGED, worst = +Inf, the
 * entries before the blow-up written. */
START_TEST(test_err_check_diverged)
{
    slope_convergence_problem p = diag_problem(diag_bad);
    double worst = 0.0, work[4], actual[11] = {0}, bound[11] = {0};
    ck_assert_int_eq(slope_convergence_check(&worst, actual, bound, rates[_i], &p, 50.0, 1.0,
                                             x0_seed, 1e300, work, 2, 10), SLOPE_EDIVERGED);
    ck_assert_double_eq(worst, INFINITY);
    ck_assert(isfinite(actual[0]));
    ck_assert_double_eq(actual[10], 0.0);
}
END_TEST

/* ---- momentum: tuned parameters and accelerated rates ------------------------------ */

/* kappa = 9 makes every tuned parameter binary-exact: sqrt(kappa) = 3,
 * rho = 2/4, heavy-ball step 4/(3 + 1)^2 = 1/4 and momentum 1/4. */
START_TEST(test_tuned_parameters_exact)
{
    ck_assert_double_eq(slope_convergence_nesterov_momentum(9.0, 1.0), 0.5);
    ck_assert_double_eq(slope_convergence_heavy_ball_momentum(9.0, 1.0), 0.25);
    ck_assert_double_eq(slope_convergence_heavy_ball_step(9.0, 1.0), 0.25);
    ck_assert_double_eq(slope_convergence_nesterov_momentum(36.0, 4.0), 0.5); /* scale-free */
    /* kappa = 1: no momentum, heavy ball's step is 1/L */
    ck_assert_double_eq(slope_convergence_nesterov_momentum(2.385, 2.385), 0.0);
    ck_assert_double_eq(slope_convergence_heavy_ball_momentum(2.385, 2.385), 0.0);
    ck_assert_rel(slope_convergence_heavy_ball_step(2.385, 2.385), 1.0 / 2.385, 1e-15);
    /* bounds at kappa = 9: rho = 1/2 */
    ck_assert_double_eq(slope_convergence_bound_heavy_ball(9.0, 1.0, 3.0, 0), 3.0);
    ck_assert_double_eq(slope_convergence_bound_heavy_ball(9.0, 1.0, 3.0, 2), 16.0 / 16.0 * 3.0);
    ck_assert_rel(slope_convergence_bound_nesterov(9.0, 1.0, 2.0, 4.0, 3),
                  8.0 / 27.0 * (2.0 + 2.0), 4 * DBL_EPSILON);
    ck_assert_double_eq(slope_convergence_bound_heavy_ball(2.0, 2.0, 3.0, 1), 0.0);
}
END_TEST

/* Tuned heavy ball on f = L/2 x^2 with the parameters for [mu, L]: the
 * error's recurrence has the double root -rho, so
 * |x_k| = (1 + k (1 + rho)) rho^k |x_0| exactly and the ratio to the bound
 * is 1 at every step.  A double root is ill-conditioned: the rounding of
 * step and beta splits it, and the relative error of x_k grows like
 * k^2 eps (hence the tolerance).  x* = 0 keeps the error free of the
 * absolute rounding floor eps |x*|. */
START_TEST(test_heavy_ball_bound_attained)
{
    const double L = 2.385, mu = 0.37, c = 0.0, x0 = 1.7;
    quad1d qd = {L, c};
    slope_convergence_problem p = {q1, q1_grad, &qd, &c, 0.0};
    enum { KK = 40 };
    double worst, work[3], actual[KK + 1], bound[KK + 1];
    ck_assert_int_eq(slope_convergence_check_method(
                         &worst, actual, bound, SLOPE_RATE_HEAVY_BALL, &p, L, mu, &x0,
                         SLOPE_METHOD_HEAVY_BALL, slope_convergence_heavy_ball_step(L, mu),
                         slope_convergence_heavy_ball_momentum(L, mu), work, 1, KK),
                     SLOPE_OK);
    for (int j = 1; j <= KK; j++)
        ck_assert_rel(actual[j] / bound[j], 1.0, 4.0 * j * j * DBL_EPSILON);
    ck_assert_rel(worst, 1.0, 4.0 * KK * KK * DBL_EPSILON);
}
END_TEST

/* Every eigenvalue in [mu, L] (a grid of 1-D quadratics) stays within the
 * heavy-ball bound, and Nesterov's method within its bound.  The minimiser
 * is 0 so that 200 steps can shrink the error by 1e-25 without meeting the
 * rounding floor eps |x*| that any other x* would impose. */
START_TEST(test_accelerated_bounds_hold_on_spectrum)
{
    const double L = 50.0, mu = 1.0, c = 0.0, x0 = 2.2;
    double lam = mu + (L - mu) * _i / 20.0, worst, work[4];
    quad1d qd = {lam, c};
    slope_convergence_problem p = {q1, q1_grad, &qd, &c, 0.0};
    ck_assert_int_eq(slope_convergence_check_method(
                         &worst, NULL, NULL, SLOPE_RATE_HEAVY_BALL, &p, L, mu, &x0,
                         SLOPE_METHOD_HEAVY_BALL, slope_convergence_heavy_ball_step(L, mu),
                         slope_convergence_heavy_ball_momentum(L, mu), work, 1, 200),
                     SLOPE_OK);
    ck_assert_double_le(worst, 1.0 + 1e-10);
    ck_assert_int_eq(slope_convergence_check_method(
                         &worst, NULL, NULL, SLOPE_RATE_NESTEROV, &p, L, mu, &x0,
                         SLOPE_METHOD_NESTEROV, slope_convergence_step(L),
                         slope_convergence_nesterov_momentum(L, mu), work, 1, 200),
                     SLOPE_OK);
    ck_assert_double_le(worst, 1.0);
}
END_TEST

/* A strongly convex f that is not quadratic, with known constants:
 * f = sum_i a_i/2 x_i^2 + b_i log cosh(x_i), Hessian diag(a_i + b_i sech^2 x_i)
 * in [a_i, a_i + b_i], so mu = 0.37, L = 49.5, x* = 0, f* = 0.  The slow
 * coordinate stays quadratic, so mu is the curvature near x* too. */
static const double lc_a[4] = {0.37, 2.385, 11.2, 40.0}, lc_b[4] = {0.0, 3.3, 9.5, 9.5};

static double logcosh(const double *x, size_t n, void *p)
{
    (void)p;
    double s = 0.0;
    for (size_t i = 0; i < n; i++)
        s += 0.5 * lc_a[i] * x[i] * x[i] + lc_b[i] * log(cosh(x[i]));
    return s;
}

static void logcosh_grad(double *g, const double *x, size_t n, void *p)
{
    (void)p;
    for (size_t i = 0; i < n; i++)
        g[i] = lc_a[i] * x[i] + lc_b[i] * tanh(x[i]);
}

START_TEST(test_nesterov_bound_beyond_quadratics)
{
    const double zero[4] = {0}, x0[4] = {3.1, -2.6, 1.9, 0.4};
    const double L = lc_a[3] + lc_b[3], mu = lc_a[0];
    slope_convergence_problem p = {logcosh, logcosh_grad, NULL, zero, 0.0};
    double worst, work[16], actual[301], bound[301];
    ck_assert_int_eq(slope_convergence_check_method(
                         &worst, actual, bound, SLOPE_RATE_NESTEROV, &p, L, mu, x0,
                         SLOPE_METHOD_NESTEROV, slope_convergence_step(L),
                         slope_convergence_nesterov_momentum(L, mu), work, 4, 300),
                     SLOPE_OK);
    ck_assert_double_le(worst, 1.0);
    ck_assert_double_lt(actual[300], 1e-12 * actual[0]); /* and it did converge */
    /* gradient descent with 1/L is held to the slower bound only */
    ck_assert_int_eq(slope_convergence_check_method(
                         &worst, NULL, NULL, SLOPE_RATE_NESTEROV, &p, L, mu, x0,
                         SLOPE_METHOD_GD, slope_convergence_step(L), 0.0, work, 4, 300),
                     SLOPE_OK);
    ck_assert_double_gt(worst, 1.0);
}
END_TEST

/* check_method with GD is GD's checker, bit for bit, on every classical rate. */
START_TEST(test_check_method_gd_is_check)
{
    slope_convergence_problem p = diag_problem(diag_bad);
    double w1, w2, work[4], a1[K + 1], a2[K + 1], b1[K + 1], b2[K + 1];
    ck_assert_int_eq(slope_convergence_check(&w1, a1, b1, rates[_i], &p, 50.0, 1.0, x0_seed,
                                             0.02, work, 2, K), SLOPE_OK);
    ck_assert_int_eq(slope_convergence_check_method(&w2, a2, b2, rates[_i], &p, 50.0, 1.0,
                                                    x0_seed, SLOPE_METHOD_GD, 0.02, 0.0, work,
                                                    2, K), SLOPE_OK);
    ck_assert_double_eq(w1, w2);
    ck_assert_mem_eq(a1, a2, sizeof a1);
    ck_assert_mem_eq(b1, b2, sizeof b1);
}
END_TEST

/* Gradient descent breaks both accelerated bounds on diag(1, 50). */
START_TEST(test_gd_breaks_accelerated_bounds)
{
    slope_convergence_problem p = diag_problem(diag_bad);
    double worst, work[4];
    ck_assert_int_eq(slope_convergence_check_method(&worst, NULL, NULL, rates_accel[_i], &p,
                                                    50.0, 1.0, x0_seed, SLOPE_METHOD_GD, 0.02,
                                                    0.0, work, 2, K), SLOPE_OK);
    ck_assert_double_gt(worst, 1.0);
}
END_TEST

/* Both tuned runs follow numpy's step by step. */
START_TEST(test_oracle_accelerated_runs)
{
    size_t len;
    double *want = test_read_doubles("convergence/accel_runs.txt", &len);
    enum { KK = 40 };
    ck_assert_uint_eq(len, (KK + 1) * 3);
    slope_convergence_problem p = diag_problem(diag_bad);
    double worst, work[8], hb[KK + 1], nag[KK + 1];
    ck_assert_int_eq(slope_convergence_check_method(
                         &worst, hb, NULL, SLOPE_RATE_HEAVY_BALL, &p, 50.0, 1.0, x0_seed,
                         SLOPE_METHOD_HEAVY_BALL, slope_convergence_heavy_ball_step(50.0, 1.0),
                         slope_convergence_heavy_ball_momentum(50.0, 1.0), work, 2, KK),
                     SLOPE_OK);
    ck_assert_double_le(worst, 1.0);
    ck_assert_int_eq(slope_convergence_check_method(
                         &worst, nag, NULL, SLOPE_RATE_NESTEROV, &p, 50.0, 1.0, x0_seed,
                         SLOPE_METHOD_NESTEROV, slope_convergence_step(50.0),
                         slope_convergence_nesterov_momentum(50.0, 1.0), work, 2, KK),
                     SLOPE_OK);
    ck_assert_double_le(worst, 1.0);
    for (size_t j = 0; j <= KK; j++) {
        ck_assert_rel(hb[j], want[3 * j + 1], 1e-12);
        ck_assert_rel(nag[j], want[3 * j + 2], 1e-12);
    }
    free(want);
}
END_TEST

/* ---- iterations against kappa --------------------------------------------------------- */

static const double accel_x0[8] = {1.3, -0.72, 0.055, 3.1, -2.6, 0.4, 1.9, -1.15};
static const double zero8[8] = {0};

/* The oracle's spectrum: numpy.logspace(0, log10(kappa), 8). */
static void logspace_lam(double *lam, double kappa)
{
    for (int i = 0; i < 8; i++)
        lam[i] = pow(10.0, log10(kappa) * i / 7.0);
}

/* Iterations to 1e-8 for GD, tuned heavy ball and Nesterov, as numpy counts
 * them, for kappa = 10 .. 1e4; then the log-log slopes.  Theory: GD needs
 * about kappa ln(1e8) steps, the accelerated methods about sqrt(kappa)
 * (ln(1e8) + ln of their polynomial prefactor), so the slopes are 1 and
 * 1/2 plus the drift of that logarithm over the range, which the oracle's
 * fit puts at +0.006 and +0.03. */
START_TEST(test_iterations_scale_with_kappa)
{
    size_t len, flen;
    double *want = test_read_doubles("convergence/accel_iters.txt", &len);
    double *fit = test_read_doubles("convergence/accel_fit.txt", &flen);
    ck_assert_uint_eq(len % 4, 0);
    ck_assert_uint_eq(flen, 6);
    size_t rows = len / 4;
    double kap[16], its[3][16], work[32];
    ck_assert_uint_le(rows, 16);
    for (size_t r = 0; r < rows; r++) {
        double lam[8], L, mu;
        kap[r] = want[4 * r];
        logspace_lam(lam, kap[r]);
        slope_convergence_constants(&L, &mu, lam, 8);
        slope_convergence_problem p = {diagq, diagq_grad, lam, zero8, 0.0};
        const struct { slope_method m; double step, beta; } meth[3] = {
            {SLOPE_METHOD_GD, slope_convergence_step(L), 0.0},
            {SLOPE_METHOD_HEAVY_BALL, slope_convergence_heavy_ball_step(L, mu),
             slope_convergence_heavy_ball_momentum(L, mu)},
            {SLOPE_METHOD_NESTEROV, slope_convergence_step(L),
             slope_convergence_nesterov_momentum(L, mu)}};
        for (int m = 0; m < 3; m++) {
            size_t k = 0;
            ck_assert_int_eq(slope_convergence_iterations(&k, &p, meth[m].m, meth[m].step,
                                                          meth[m].beta, accel_x0, 1e-8,
                                                          1000000, work, 8), SLOPE_OK);
            ck_assert_uint_eq(k, (size_t)want[4 * r + 1 + m]);
            its[m][r] = (double)k;
        }
    }
    const double lo[3] = {0.99, 0.5, 0.5}, hi[3] = {1.02, 0.56, 0.56};
    for (int m = 0; m < 3; m++) {
        double pw, c;
        ck_assert_int_eq(slope_convergence_fit_power(&pw, &c, kap, its[m], rows), SLOPE_OK);
        ck_assert_rel(pw, fit[2 * m], 1e-12);
        ck_assert_rel(c, fit[2 * m + 1], 1e-11);
        ck_assert_double_ge(pw, lo[m]);
        ck_assert_double_le(pw, hi[m]);
    }
    free(want);
    free(fit);
}
END_TEST

/* x0 == x* needs no step; tol not reached in time is SLOPE_EMAXITER. */
START_TEST(test_iterations_edges)
{
    slope_convergence_problem p = diag_problem(diag_bad);
    double work[8];
    size_t k = 99;
    ck_assert_int_eq(slope_convergence_iterations(&k, &p, SLOPE_METHOD_NESTEROV, 0.02, 0.5,
                                                  origin, 1e-8, 10, work, 2), SLOPE_OK);
    ck_assert_uint_eq(k, 0);
    /* GD with 1/L on diag(1, 50) contracts the slow coordinate by 0.98 per
     * step: 1e-8 needs ln(1e-8)/ln(0.98) > 900 steps */
    ck_assert_int_eq(slope_convergence_iterations(&k, &p, SLOPE_METHOD_GD, 0.02, 0.0, x0_seed,
                                                  1e-8, 100, work, 2), SLOPE_EMAXITER);
    ck_assert_uint_eq(k, 100);
    /* step 1e200: the stiff coordinate grows by 5e201 per step, Inf at step 2 */
    ck_assert_int_eq(slope_convergence_iterations(&k, &p, SLOPE_METHOD_HEAVY_BALL, 1e200, 0.5,
                                                  x0_seed, 1e-8, 100, work, 2), SLOPE_EDIVERGED);
    ck_assert_uint_eq(k, 2);
}
END_TEST

/* y = 2.5 x^1.5 exactly: the fit recovers both constants. */
START_TEST(test_fit_power_exact)
{
    const double x[4] = {1.0, 4.0, 9.0, 2.385};
    double y[4], pw, c;
    for (int i = 0; i < 4; i++)
        y[i] = 2.5 * pow(x[i], 1.5);
    ck_assert_int_eq(slope_convergence_fit_power(&pw, &c, x, y, 4), SLOPE_OK);
    ck_assert_rel(pw, 1.5, 1e-14);
    ck_assert_rel(c, 2.5, 1e-14);
}
END_TEST

START_TEST(test_err_accelerated)
{
    /* the scalar functions: mu outside (0, L], non-finite, negative constants */
    const double bad[][2] = {{1.0, 2.0}, {2.0, 0.0}, {2.0, -1.0}, {NAN, 1.0}, {INFINITY, 1.0},
                             {2.0, NAN}, {0.0, 0.0}};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        double L = bad[i][0], mu = bad[i][1];
        ck_assert(isnan(slope_convergence_heavy_ball_step(L, mu)));
        ck_assert(isnan(slope_convergence_heavy_ball_momentum(L, mu)));
        ck_assert(isnan(slope_convergence_nesterov_momentum(L, mu)));
        ck_assert(isnan(slope_convergence_bound_heavy_ball(L, mu, 1.0, 3)));
        ck_assert(isnan(slope_convergence_bound_nesterov(L, mu, 1.0, 1.0, 3)));
    }
    ck_assert(isnan(slope_convergence_bound_heavy_ball(2.0, 1.0, -1.0, 3)));
    ck_assert(isnan(slope_convergence_bound_heavy_ball(2.0, 1.0, INFINITY, 3)));
    ck_assert(isnan(slope_convergence_bound_nesterov(2.0, 1.0, -1.0, 1.0, 3)));
    ck_assert(isnan(slope_convergence_bound_nesterov(2.0, 1.0, 1.0, -1.0, 3)));
    ck_assert(isnan(slope_convergence_bound_nesterov(2.0, 1.0, NAN, 1.0, 3)));
}
END_TEST

/* check_method's own errors: unknown method, bad beta, NONCONVEX with
 * NESTEROV, the accelerated rates' mu, f and f* -- *worst never written. */
static slope_status method_spoiled(int which)
{
    slope_convergence_problem p = diag_problem(diag_bad);
    double worst = -7.0, work[8], mu = 1.0, beta = 0.5;
    slope_rate rate = SLOPE_RATE_NESTEROV;
    slope_method m = SLOPE_METHOD_NESTEROV;
    switch (which) {
    case 0: m = (slope_method)7; break;
    case 1: beta = 1.0; break;
    case 2: beta = -0.1; break;
    case 3: beta = NAN; break;
    case 4: rate = SLOPE_RATE_NONCONVEX; break;
    case 5: mu = 0.0; break;
    case 6: mu = 51.0, rate = SLOPE_RATE_HEAVY_BALL; break;
    case 7: p.f = NULL; break;
    case 8: p.xstar = NULL, rate = SLOPE_RATE_HEAVY_BALL; break;
    case 9: rate = (slope_rate)11; break;
    /* SLOPE_EDOM from here */
    case 10: p.fstar = 1e3; break; /* f(x0) < f* */
    case 11: p.fstar = INFINITY; break;
    default: break;
    }
    slope_status st = slope_convergence_check_method(&worst, NULL, NULL, rate, &p, 50.0, mu,
                                                     x0_seed, m, 0.02, beta, work, 2, 10);
    ck_assert_double_eq(worst, -7.0);
    return st;
}

/* The accelerated rates belong to check_method, not to GD's checker. */
START_TEST(test_err_check_accelerated_rate)
{
    slope_convergence_problem p = diag_problem(diag_bad);
    double worst = -7.0, work[4];
    for (int i = 0; i < 2; i++)
        ck_assert_int_eq(slope_convergence_check(&worst, NULL, NULL, rates_accel[i], &p, 50.0, 1.0,
                                                 x0_seed, 0.02, work, 2, 10), SLOPE_EINVAL);
    ck_assert_double_eq(worst, -7.0);
}
END_TEST

START_TEST(test_err_method_einval)
{
    ck_assert_int_eq(method_spoiled(_i), SLOPE_EINVAL);
}
END_TEST

START_TEST(test_err_method_edom)
{
    ck_assert_int_eq(method_spoiled(_i), SLOPE_EDOM);
}
END_TEST

START_TEST(test_err_iterations)
{
    slope_convergence_problem p = diag_problem(diag_bad), q = p;
    double work[8], x0[2] = {5.0, NAN};
    const double inf_xs[2] = {0.0, -INFINITY};
    size_t k = 77;
    const slope_method G = SLOPE_METHOD_GD;
    ck_assert_int_eq(slope_convergence_iterations(NULL, &p, G, 0.02, 0, x0_seed, 1e-8, 9, work, 2), SLOPE_EINVAL);
    ck_assert_int_eq(slope_convergence_iterations(&k, NULL, G, 0.02, 0, x0_seed, 1e-8, 9, work, 2), SLOPE_EINVAL);
    ck_assert_int_eq(slope_convergence_iterations(&k, &p, G, 0.02, 0, NULL, 1e-8, 9, work, 2), SLOPE_EINVAL);
    ck_assert_int_eq(slope_convergence_iterations(&k, &p, G, 0.02, 0, x0_seed, 1e-8, 9, NULL, 2), SLOPE_EINVAL);
    ck_assert_int_eq(slope_convergence_iterations(&k, &p, G, 0.02, 0, x0_seed, 1e-8, 9, work, 0), SLOPE_EINVAL);
    ck_assert_int_eq(slope_convergence_iterations(&k, &p, (slope_method)5, 0.02, 0, x0_seed, 1e-8, 9, work, 2), SLOPE_EINVAL);
    ck_assert_int_eq(slope_convergence_iterations(&k, &p, G, 0.0, 0, x0_seed, 1e-8, 9, work, 2), SLOPE_EINVAL);
    ck_assert_int_eq(slope_convergence_iterations(&k, &p, G, NAN, 0, x0_seed, 1e-8, 9, work, 2), SLOPE_EINVAL);
    ck_assert_int_eq(slope_convergence_iterations(&k, &p, G, 0.02, 1.0, x0_seed, 1e-8, 9, work, 2), SLOPE_EINVAL);
    ck_assert_int_eq(slope_convergence_iterations(&k, &p, G, 0.02, 0, x0_seed, 0.0, 9, work, 2), SLOPE_EINVAL);
    ck_assert_int_eq(slope_convergence_iterations(&k, &p, G, 0.02, 0, x0_seed, 1.0, 9, work, 2), SLOPE_EINVAL);
    ck_assert_int_eq(slope_convergence_iterations(&k, &p, G, 0.02, 0, x0_seed, NAN, 9, work, 2), SLOPE_EINVAL);
    q.grad = NULL;
    ck_assert_int_eq(slope_convergence_iterations(&k, &q, G, 0.02, 0, x0_seed, 1e-8, 9, work, 2), SLOPE_EINVAL);
    q = p;
    q.xstar = NULL;
    ck_assert_int_eq(slope_convergence_iterations(&k, &q, G, 0.02, 0, x0_seed, 1e-8, 9, work, 2), SLOPE_EINVAL);
    ck_assert_int_eq(slope_convergence_iterations(&k, &p, G, 0.02, 0, x0, 1e-8, 9, work, 2), SLOPE_EDOM);
    q.xstar = inf_xs;
    ck_assert_int_eq(slope_convergence_iterations(&k, &q, G, 0.02, 0, x0_seed, 1e-8, 9, work, 2), SLOPE_EDOM);
    ck_assert_uint_eq(k, 77);
}
END_TEST

START_TEST(test_err_fit_power)
{
    const double x[3] = {1.0, 2.0, 4.0}, y[3] = {3.0, 5.0, 7.0}, same[3] = {2.0, 2.0, 2.0};
    const double zero[3] = {1.0, 0.0, 4.0}, neg[3] = {3.0, -5.0, 7.0}, nan[3] = {3.0, NAN, 7.0};
    const double inf[3] = {INFINITY, 2.0, 4.0};
    double pw = -7.0, c = -7.0;
    ck_assert_int_eq(slope_convergence_fit_power(NULL, &c, x, y, 3), SLOPE_EINVAL);
    ck_assert_int_eq(slope_convergence_fit_power(&pw, NULL, x, y, 3), SLOPE_EINVAL);
    ck_assert_int_eq(slope_convergence_fit_power(&pw, &c, NULL, y, 3), SLOPE_EINVAL);
    ck_assert_int_eq(slope_convergence_fit_power(&pw, &c, x, NULL, 3), SLOPE_EINVAL);
    ck_assert_int_eq(slope_convergence_fit_power(&pw, &c, x, y, 1), SLOPE_EINVAL);
    ck_assert_int_eq(slope_convergence_fit_power(&pw, &c, same, y, 3), SLOPE_EINVAL);
    ck_assert_int_eq(slope_convergence_fit_power(&pw, &c, zero, y, 3), SLOPE_EDOM);
    ck_assert_int_eq(slope_convergence_fit_power(&pw, &c, x, neg, 3), SLOPE_EDOM);
    ck_assert_int_eq(slope_convergence_fit_power(&pw, &c, x, nan, 3), SLOPE_EDOM);
    ck_assert_int_eq(slope_convergence_fit_power(&pw, &c, inf, y, 3), SLOPE_EDOM);
    ck_assert_double_eq(pw, -7.0);
    ck_assert_double_eq(c, -7.0);
}
END_TEST

Suite *make_convergence_suite(void)
{
    Suite *s = suite_create("convergence");
    TCase *tc = tcase_create("constants");
    tcase_add_loop_test(tc, test_constants, 0, (int)(sizeof const_cases / sizeof const_cases[0]));
    tcase_add_test(tc, test_constants_indefinite);
    tcase_add_test(tc, test_bound_values_and_k_zero);
    suite_add_tcase(s, tc);

    tc = tcase_create("seed");
    tcase_add_loop_test(tc, test_bounds_hold_on_seed_quadratics, 0, 6);
    tcase_add_loop_test(tc, test_oracle_gd_runs, 0, 2);
    tcase_add_test(tc, test_seed_distances);
    tcase_add_test(tc, test_seed_factors);
    tcase_add_test(tc, test_step_beyond_two_over_L);
    suite_add_tcase(s, tc);

    tc = tcase_create("closed_form");
    tcase_add_loop_test(tc, test_one_dim_closed_forms, 0, 6);
    tcase_add_test(tc, test_one_dim_one_step);
    suite_add_tcase(s, tc);

    tc = tcase_create("errors");
    tcase_add_test(tc, test_err_constants);
    tcase_add_test(tc, test_err_scalar_nan);
    tcase_add_loop_test(tc, test_err_check_einval, 0, 20);
    tcase_add_loop_test(tc, test_err_check_edom, 20, 24);
    tcase_add_test(tc, test_mu_ignored_when_unused);
    tcase_add_loop_test(tc, test_err_check_diverged, 0, 3);
    tcase_add_test(tc, test_err_accelerated);
    tcase_add_test(tc, test_err_check_accelerated_rate);
    tcase_add_loop_test(tc, test_err_method_einval, 0, 10);
    tcase_add_loop_test(tc, test_err_method_edom, 10, 12);
    tcase_add_test(tc, test_err_iterations);
    tcase_add_test(tc, test_err_fit_power);
    suite_add_tcase(s, tc);

    tc = tcase_create("accelerated");
    tcase_add_test(tc, test_tuned_parameters_exact);
    tcase_add_test(tc, test_heavy_ball_bound_attained);
    tcase_add_loop_test(tc, test_accelerated_bounds_hold_on_spectrum, 0, 21);
    tcase_add_test(tc, test_nesterov_bound_beyond_quadratics);
    tcase_add_loop_test(tc, test_gd_breaks_accelerated_bounds, 0, 2);
    tcase_add_loop_test(tc, test_check_method_gd_is_check, 0, 3);
    tcase_add_test(tc, test_oracle_accelerated_runs);
    tcase_add_test(tc, test_iterations_scale_with_kappa);
    tcase_add_test(tc, test_iterations_edges);
    tcase_add_test(tc, test_fit_power_exact);
    suite_add_tcase(s, tc);
    return s;
}
