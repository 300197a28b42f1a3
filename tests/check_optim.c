/*
 * check_optim.c -- tests of lib/optim.c.
 *
 * Evidence used:
 *   - full-precision trajectories from an independent numpy implementation
 *     (tests/oracle/optim_oracle.py -> tests/golden/optim/<run>.txt), every
 *     iterate and loss to 1e-12 relative;
 *   - the numbers the course's optimizer snippets printed (copied into
 *     tests/golden/optim/seed*.txt), to their printed precision;
 *   - closed forms: Adam's first step, heavy ball == EMA momentum when
 *     lr_hb = lr_ema (1 - beta), AdamW's pure decay (1 - lr wd)^t at g = 0;
 *   - Nesterov: the classical form against a numpy transcription of
 *     Sutskever et al.'s equations, the look-ahead form against PyTorch's
 *     documented update (b <- mu b + g; p <- p - lr (g + mu b)), iterates
 *     worked by hand in binary-exact numbers, and the change of variables
 *     phi_t = theta_t + beta v_t between the forms to 1e-12;
 *   - one test per documented error path.
 */
#include <check.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "optim.h"
#include "testutil.h"

#define MAXN 5
#define MAXK 40
/* The oracle performs the same operations in a different association order
 * (e.g. v / (1 - beta2^t) rather than v * (1 / (1 - beta2^t))); the last-bit
 * differences stay far below this over at most 40 steps. */
#define ORACLE_REL 1e-12

/* ---- problems ---------------------------------------------------------------- */

static double quad1(const double *w, size_t n, void *p)
{
    (void)n, (void)p;
    return (w[0] - 3.0) * (w[0] - 3.0);
}

static void quad1_grad(double *g, const double *w, size_t n, void *p)
{
    (void)n, (void)p;
    g[0] = 2.0 * (w[0] - 3.0);
}

static double ravine(const double *w, size_t n, void *p)
{
    (void)n, (void)p;
    return w[0] * w[0] + 10.0 * w[1] * w[1];
}

static void ravine_grad(double *g, const double *w, size_t n, void *p)
{
    (void)n, (void)p;
    g[0] = 2.0 * w[0];
    g[1] = 20.0 * w[1];
}

static double sinbowl(const double *w, size_t n, void *p)
{
    (void)n, (void)p;
    return sin(w[0]) + 0.5 * w[1] * w[1];
}

static void sinbowl_grad(double *g, const double *w, size_t n, void *p)
{
    (void)n, (void)p;
    g[0] = cos(w[0]);
    g[1] = w[1];
}

static const double bowl_c[MAXN] = {0.37, 2.385, 11.2, 0.051, 4.7};
static const double bowl_t[MAXN] = {1.3, -0.72, 0.055, 3.1, -2.6};

static double bowl5(const double *w, size_t n, void *p)
{
    (void)p;
    double s = 0.0;
    for (size_t i = 0; i < n; i++)
        s += bowl_c[i] * (w[i] - bowl_t[i]) * (w[i] - bowl_t[i]);
    return s;
}

static void bowl5_grad(double *g, const double *w, size_t n, void *p)
{
    (void)p;
    for (size_t i = 0; i < n; i++)
        g[i] = 2.0 * bowl_c[i] * (w[i] - bowl_t[i]);
}

/* ---- a run description and its driver ------------------------------------------- */

typedef struct {
    const char *file; /* golden file under optim/, or NULL */
    slope_fn_n f;
    slope_grad_fn grad;
    size_t n, k;
    slope_optim_kind kind;
    double lr, b1, b2, eps, wd;
    int variant; /* momentum form or RMSProp eps mode */
} run_case;

typedef struct {
    double m[MAXN], v[MAXN], work[MAXN];
    double traj[(MAXK + 1) * MAXN], loss[MAXK + 1];
    slope_optim opt;
} run_state;

static void init_opt(run_state *s, const run_case *c)
{
    slope_status st = SLOPE_EINVAL;
    s->opt.kind = c->kind;
    switch (c->kind) {
    case SLOPE_OPTIM_SGD:
        st = slope_optim_sgd_init(&s->opt.sgd, c->lr);
        break;
    case SLOPE_OPTIM_MOMENTUM:
        st = slope_optim_momentum_init(&s->opt.momentum, s->v, c->n, c->lr, c->b1,
                                       (slope_momentum_form)c->variant);
        break;
    case SLOPE_OPTIM_RMSPROP:
        st = slope_optim_rmsprop_init(&s->opt.rmsprop, s->v, c->n, c->lr, c->b1, c->eps);
        s->opt.rmsprop.eps_mode = (slope_rmsprop_eps)c->variant;
        break;
    case SLOPE_OPTIM_ADAM:
        st = slope_optim_adamw_init(&s->opt.adam, s->m, s->v, c->n, c->lr, c->b1,
                                    c->b2, c->eps, c->wd);
        break;
    case SLOPE_OPTIM_NESTEROV:
        st = slope_optim_nesterov_init(&s->opt.nesterov, s->v, c->n, c->lr, c->b1,
                                       (slope_nesterov_form)c->variant);
        break;
    }
    ck_assert_int_eq(st, SLOPE_OK);
}

static void run(run_state *s, const run_case *c, const double *x0)
{
    size_t done = 0;
    init_opt(s, c);
    slope_status st = slope_optim_run(s->traj, s->loss, &done, &s->opt, c->f,
                                      c->grad, NULL, x0, s->work, c->n, c->k);
    ck_assert_int_eq(st, SLOPE_OK);
    ck_assert_uint_eq(done, c->k);
}

enum { EMA = SLOPE_MOMENTUM_EMA, HB = SLOPE_MOMENTUM_HEAVY_BALL,
       OUT = SLOPE_RMSPROP_EPS_OUTSIDE, IN = SLOPE_RMSPROP_EPS_INSIDE,
       NAG = SLOPE_NESTEROV_CLASSICAL, LOOK = SLOPE_NESTEROV_LOOKAHEAD };

/* The oracle's runs (tests/oracle/optim_oracle.py, same order). */
static const run_case oracle_cases[] = {
    {"sgd_quad1", quad1, quad1_grad, 1, 20, SLOPE_OPTIM_SGD, 0.1, 0, 0, 0, 0, 0},
    {"sgd_ravine", ravine, ravine_grad, 2, 30, SLOPE_OPTIM_SGD, 0.05, 0, 0, 0, 0, 0},
    {"momentum_ravine", ravine, ravine_grad, 2, 25, SLOPE_OPTIM_MOMENTUM, 0.05, 0.9, 0, 0, 0, EMA},
    {"heavyball_ravine", ravine, ravine_grad, 2, 25, SLOPE_OPTIM_MOMENTUM, 0.01, 0.8, 0, 0, 0, HB},
    {"rmsprop_ravine", ravine, ravine_grad, 2, 25, SLOPE_OPTIM_RMSPROP, 0.05, 0.9, 0, 1e-8, 0, OUT},
    {"rmsprop_inside_ravine", ravine, ravine_grad, 2, 25, SLOPE_OPTIM_RMSPROP, 0.05, 0.9, 0, 0.3, 0, IN},
    {"adam_ravine", ravine, ravine_grad, 2, 30, SLOPE_OPTIM_ADAM, 0.1, 0.9, 0.999, 1e-8, 0, 0},
    {"sgd_sin", sinbowl, sinbowl_grad, 2, 40, SLOPE_OPTIM_SGD, 0.1, 0, 0, 0, 0, 0},
    {"momentum_sin", sinbowl, sinbowl_grad, 2, 40, SLOPE_OPTIM_MOMENTUM, 0.1, 0.9, 0, 0, 0, EMA},
    {"rmsprop_sin", sinbowl, sinbowl_grad, 2, 40, SLOPE_OPTIM_RMSPROP, 0.1, 0.9, 0, 1e-8, 0, OUT},
    {"adam_sin", sinbowl, sinbowl_grad, 2, 40, SLOPE_OPTIM_ADAM, 0.1, 0.9, 0.999, 1e-8, 0, 0},
    {"sgd_bowl5", bowl5, bowl5_grad, 5, 25, SLOPE_OPTIM_SGD, 0.07, 0, 0, 0, 0, 0},
    {"momentum_bowl5", bowl5, bowl5_grad, 5, 25, SLOPE_OPTIM_MOMENTUM, 0.07, 0.85, 0, 0, 0, EMA},
    {"heavyball_bowl5", bowl5, bowl5_grad, 5, 25, SLOPE_OPTIM_MOMENTUM, 0.013, 0.8, 0, 0, 0, HB},
    {"rmsprop_bowl5", bowl5, bowl5_grad, 5, 25, SLOPE_OPTIM_RMSPROP, 0.03, 0.95, 0, 1e-6, 0, OUT},
    {"rmsprop_inside_bowl5", bowl5, bowl5_grad, 5, 25, SLOPE_OPTIM_RMSPROP, 0.03, 0.95, 0, 1e-3, 0, IN},
    {"adam_bowl5", bowl5, bowl5_grad, 5, 25, SLOPE_OPTIM_ADAM, 0.05, 0.8, 0.99, 1e-7, 0, 0},
    {"adamw_bowl5", bowl5, bowl5_grad, 5, 25, SLOPE_OPTIM_ADAM, 0.05, 0.8, 0.99, 1e-7, 0.2, 0},
    {"nesterov_ravine", ravine, ravine_grad, 2, 30, SLOPE_OPTIM_NESTEROV, 0.04, 0.7, 0, 0, 0, NAG},
    {"nesterov_torch_ravine", ravine, ravine_grad, 2, 30, SLOPE_OPTIM_NESTEROV, 0.04, 0.7, 0, 0, 0, LOOK},
    {"nesterov_bowl5", bowl5, bowl5_grad, 5, 30, SLOPE_OPTIM_NESTEROV, 0.013, 0.85, 0, 0, 0, NAG},
    {"nesterov_torch_bowl5", bowl5, bowl5_grad, 5, 30, SLOPE_OPTIM_NESTEROV, 0.013, 0.85, 0, 0, 0, LOOK},
    {"nesterov_sin", sinbowl, sinbowl_grad, 2, 40, SLOPE_OPTIM_NESTEROV, 0.1, 0.9, 0, 0, 0, NAG},
};
#define N_ORACLE (sizeof oracle_cases / sizeof oracle_cases[0])

/* Every iterate and every loss of the run equals the numpy oracle's. */
START_TEST(test_oracle_trajectory)
{
    const run_case *c = &oracle_cases[_i];
    char name[128];
    snprintf(name, sizeof name, "optim/%s.txt", c->file);
    size_t len;
    double *want = test_read_doubles(name, &len);
    size_t cols = c->n + 1;
    ck_assert_uint_eq(len, (c->k + 1) * cols);
    run_state s;
    run(&s, c, want + 1);
    for (size_t i = 0; i <= c->k; i++) {
        ck_assert_rel(s.loss[i], want[i * cols], ORACLE_REL);
        for (size_t j = 0; j < c->n; j++)
            ck_assert_rel(s.traj[i * c->n + j], want[i * cols + 1 + j], ORACLE_REL);
    }
    free(want);
}
END_TEST

/* ---- the seeds' printed tables ------------------------------------------------------- */

/* |got - printed| within half a unit of the printed last digit (plus a hair
 * for the decimal-to-binary conversion of the printed value itself). */
static void ck_printed(double got, double printed, int decimals)
{
    double half = 0.5 * pow(10.0, -decimals);
    ck_assert_msg(fabs(got - printed) <= half * (1.0 + 1e-9),
                  "got %.10f, printed %.*f", got, decimals, printed);
}

static const double ravine_x0[2] = {2.0, 1.0};
static const double sin_x0[2] = {-1.5, 2.0};

START_TEST(test_seed_sgd_quadratic)
{
    const run_case c = {NULL, quad1, quad1_grad, 1, 20, SLOPE_OPTIM_SGD, 0.1, 0, 0, 0, 0, 0};
    const double x0 = 0.0;
    run_state s;
    run(&s, &c, &x0);
    size_t len;
    double *p = test_read_doubles("optim/seed15_sgd.txt", &len);
    ck_assert_uint_eq(len, 6 * 3);
    for (size_t r = 0; r < 6; r++) {
        size_t step = (size_t)p[3 * r];
        ck_printed(s.traj[step], p[3 * r + 1], 4);
        ck_printed(s.loss[step], p[3 * r + 2], 4);
    }
    free(p);
}
END_TEST

START_TEST(test_seed_sgd_vs_momentum)
{
    const run_case sgd = {NULL, ravine, ravine_grad, 2, 25, SLOPE_OPTIM_SGD, 0.05, 0, 0, 0, 0, 0};
    const run_case mom = {NULL, ravine, ravine_grad, 2, 25, SLOPE_OPTIM_MOMENTUM, 0.05, 0.9, 0, 0, 0, EMA};
    run_state a, b;
    run(&a, &sgd, ravine_x0);
    run(&b, &mom, ravine_x0);
    size_t len;
    double *p = test_read_doubles("optim/seed16_momentum.txt", &len);
    ck_assert_uint_eq(len, 5 * 3);
    for (size_t r = 0; r < 5; r++) {
        size_t step = (size_t)p[3 * r];
        ck_printed(a.loss[step], p[3 * r + 1], 6);
        ck_printed(b.loss[step], p[3 * r + 2], 6);
    }
    free(p);
    p = test_read_doubles("optim/seed16_final.txt", &len);
    ck_assert_uint_eq(len, 4);
    for (size_t j = 0; j < 2; j++) {
        ck_printed(a.traj[25 * 2 + j], p[j], 8);
        ck_printed(b.traj[25 * 2 + j], p[2 + j], 8);
    }
    free(p);
}
END_TEST

START_TEST(test_seed_rmsprop)
{
    const run_case c = {NULL, ravine, ravine_grad, 2, 25, SLOPE_OPTIM_RMSPROP, 0.05, 0.9, 0, 1e-8, 0, OUT};
    run_state s;
    run(&s, &c, ravine_x0);
    size_t len;
    double *p = test_read_doubles("optim/seed17_rmsprop.txt", &len);
    ck_assert_uint_eq(len, 6 * 4);
    for (size_t r = 0; r < 6; r++) {
        size_t step = (size_t)p[4 * r];
        ck_printed(s.traj[step * 2], p[4 * r + 1], 4);
        ck_printed(s.traj[step * 2 + 1], p[4 * r + 2], 4);
        ck_printed(s.loss[step], p[4 * r + 3], 6);
    }
    free(p);
    p = test_read_doubles("optim/seed17_final.txt", &len);
    ck_assert_uint_eq(len, 2);
    ck_printed(s.traj[50], p[0], 8);
    ck_printed(s.traj[51], p[1], 8);
    free(p);
}
END_TEST

START_TEST(test_seed_adam_vs_sgd)
{
    const run_case adam = {NULL, ravine, ravine_grad, 2, 30, SLOPE_OPTIM_ADAM, 0.1, 0.9, 0.999, 1e-8, 0, 0};
    const run_case sgd = {NULL, ravine, ravine_grad, 2, 30, SLOPE_OPTIM_SGD, 0.05, 0, 0, 0, 0, 0};
    run_state a, b;
    run(&a, &adam, ravine_x0);
    run(&b, &sgd, ravine_x0);
    size_t len;
    double *p = test_read_doubles("optim/seed18_adam.txt", &len);
    ck_assert_uint_eq(len, 6 * 3);
    for (size_t r = 0; r < 6; r++) {
        size_t step = (size_t)p[3 * r];
        ck_printed(a.loss[step], p[3 * r + 1], 6);
        ck_printed(b.loss[step], p[3 * r + 2], 6);
    }
    free(p);
    p = test_read_doubles("optim/seed18_final.txt", &len);
    ck_assert_uint_eq(len, 4);
    for (size_t j = 0; j < 2; j++) {
        ck_printed(a.traj[30 * 2 + j], p[j], 8);
        ck_printed(b.traj[30 * 2 + j], p[2 + j], 8);
    }
    free(p);
}
END_TEST

START_TEST(test_seed_four_optimizers)
{
    const run_case c[4] = {
        {NULL, sinbowl, sinbowl_grad, 2, 40, SLOPE_OPTIM_SGD, 0.1, 0, 0, 0, 0, 0},
        {NULL, sinbowl, sinbowl_grad, 2, 40, SLOPE_OPTIM_MOMENTUM, 0.1, 0.9, 0, 0, 0, EMA},
        {NULL, sinbowl, sinbowl_grad, 2, 40, SLOPE_OPTIM_RMSPROP, 0.1, 0.9, 0, 1e-8, 0, OUT},
        {NULL, sinbowl, sinbowl_grad, 2, 40, SLOPE_OPTIM_ADAM, 0.1, 0.9, 0.999, 1e-8, 0, 0},
    };
    size_t len;
    double *p = test_read_doubles("optim/seed19_compare.txt", &len);
    ck_assert_uint_eq(len, 4 * 5);
    for (size_t o = 0; o < 4; o++) {
        run_state s;
        run(&s, &c[o], sin_x0);
        for (size_t r = 0; r < 4; r++)
            ck_printed(s.loss[(size_t)p[5 * r]], p[5 * r + 1 + o], 4);
    }
    free(p);
}
END_TEST

/* ---- closed forms ------------------------------------------------------------------- */

/* Adam's first step: m_hat = g and v_hat = g^2 exactly in real arithmetic, so
 * w1 - w0 = -lr g / (|g| + eps), i.e. -lr sign(g) up to the eps term,
 * whatever the scale of g.  Five coordinates: the vector loop and the tail. */
static const double first_hyper[][3] = {
    {0.1, 0.9, 0.999}, {2.385e-3, 0.8, 0.99}, {0.5, 0.0, 0.5}, {0.0371, 0.95, 0.9999}};

START_TEST(test_adam_first_step_is_sign)
{
    const double *h = first_hyper[_i], eps = 1e-8;
    const double g[MAXN] = {2.385, -0.0173, 1234.5, -4.2e-5, 7.7e-9};
    double w[MAXN] = {0.3, -1.7, 12.0, 0.0, -5.5}, w0[MAXN], m[MAXN], v[MAXN];
    memcpy(w0, w, sizeof w);
    slope_optim_adam opt;
    ck_assert_int_eq(slope_optim_adam_init(&opt, m, v, MAXN, h[0], h[1], h[2], eps), SLOPE_OK);
    ck_assert_int_eq(slope_optim_adam_step(&opt, w, g, MAXN), SLOPE_OK);
    ck_assert_uint_eq(opt.t, 1);
    for (size_t i = 0; i < MAXN; i++) {
        double step = w[i] - w0[i], sgn = g[i] > 0 ? 1.0 : -1.0;
        /* a few roundings of w0 + step: relative to max(|w0|, |step|) */
        double scale = fmax(fabs(w0[i]), fabs(step));
        ck_assert_double_eq_tol(step, -h[0] * g[i] / (fabs(g[i]) + eps), 8 * DBL_EPSILON * scale);
        /* and the eps effect is exactly lr * eps / (|g| + eps) */
        ck_assert_double_le(fabs(step + h[0] * sgn),
                            h[0] * eps / (fabs(g[i]) + eps) + 8 * DBL_EPSILON * scale);
    }
}
END_TEST

/* v_hb = -lr_ema v_ema holds by induction when lr_hb = lr_ema (1 - beta), so
 * both forms take the same w-steps; only rounding separates them. */
START_TEST(test_heavy_ball_equals_ema)
{
    const double lr = 0.07, beta = 0.85;
    run_case ema = {NULL, bowl5, bowl5_grad, 5, 40, SLOPE_OPTIM_MOMENTUM, lr, beta, 0, 0, 0, EMA};
    run_case hb = ema;
    hb.lr = lr * (1.0 - beta);
    hb.variant = HB;
    const double x0[MAXN] = {0.4, 1.9, -1.15, -0.8, 2.2};
    run_state a, b;
    run(&a, &ema, x0);
    run(&b, &hb, x0);
    for (size_t i = 0; i < (ema.k + 1) * ema.n; i++)
        ck_assert_rel(b.traj[i], a.traj[i], 1e-13);
    for (size_t j = 0; j < ema.n; j++)
        ck_assert_rel(b.v[j], -lr * a.v[j], 1e-13);
}
END_TEST

/* weight_decay = 0 must be Adam exactly, not merely closely. */
START_TEST(test_adamw_zero_decay_is_adam)
{
    run_case c = {NULL, bowl5, bowl5_grad, 5, 25, SLOPE_OPTIM_ADAM, 0.05, 0.8, 0.99, 1e-7, 0, 0};
    const double x0[MAXN] = {0.4, 1.9, -1.15, -0.8, 2.2};
    run_state a, b;
    run(&a, &c, x0); /* adamw_init with wd = 0 */
    b.opt.kind = SLOPE_OPTIM_ADAM;
    ck_assert_int_eq(slope_optim_adam_init(&b.opt.adam, b.m, b.v, 5, 0.05, 0.8, 0.99, 1e-7), SLOPE_OK);
    ck_assert_int_eq(slope_optim_run(b.traj, b.loss, NULL, &b.opt, bowl5, bowl5_grad, NULL,
                                     x0, b.work, 5, 25), SLOPE_OK);
    ck_assert_mem_eq(a.traj, b.traj, 26 * 5 * sizeof(double));
}
END_TEST

/* With g = 0 the adaptive part is 0 / (0 + eps) = 0, so only the decoupled
 * decay acts: w_t = (1 - lr wd)^t w_0 -- it is not rescaled by sqrt(v_hat),
 * which is the point of decoupling. */
START_TEST(test_adamw_pure_decay)
{
    const double lr = 0.0371, wd = 2.385, g[3] = {0.0, 0.0, 0.0};
    double w[3] = {1.7, -0.23, 4.4}, m[3], v[3];
    const double w0[3] = {1.7, -0.23, 4.4};
    slope_optim_adam opt;
    ck_assert_int_eq(slope_optim_adamw_init(&opt, m, v, 3, lr, 0.9, 0.999, 1e-8, wd), SLOPE_OK);
    for (int t = 1; t <= 30; t++) {
        ck_assert_int_eq(slope_optim_adam_step(&opt, w, g, 3), SLOPE_OK);
        for (size_t i = 0; i < 3; i++)
            ck_assert_rel(w[i], w0[i] * pow(1.0 - lr * wd, t), 1e-13);
    }
}
END_TEST

/* ---- Nesterov ------------------------------------------------------------------------ */

/* f = (x - 0.5)^2 (gradient 2x - 1), lr 0.25, beta 0.5, from 2.5; by hand:
 *   t  look-ahead  gradient   v        theta
 *   0  2.5         4          0        2.5
 *   1  1.0         1         -1        1.5
 *   2  0.375      -0.25      -0.75     0.75
 *   3                        -0.3125   0.4375
 * (look-ahead_t = theta_t + 0.5 v_t; v_{t+1} = 0.5 v_t - 0.25 g_t), all
 * binary-exact, so both forms must match to the last bit. */
static double half_quad(const double *w, size_t n, void *p)
{
    (void)n, (void)p;
    return (w[0] - 0.5) * (w[0] - 0.5);
}

static void half_quad_grad(double *g, const double *w, size_t n, void *p)
{
    (void)n, (void)p;
    g[0] = 2.0 * w[0] - 1.0;
}

START_TEST(test_nesterov_by_hand)
{
    static const double theta[4] = {2.5, 1.5, 0.75, 0.4375}, v[4] = {0, -1, -0.75, -0.3125};
    const run_case c = {NULL, half_quad, half_quad_grad, 1, 3, SLOPE_OPTIM_NESTEROV,
                        0.25, 0.5, 0, 0, 0, _i ? LOOK : NAG};
    run_state s;
    run(&s, &c, theta);
    for (size_t t = 0; t <= 3; t++) {
        double want = _i ? theta[t] + 0.5 * v[t] : theta[t];
        ck_assert_double_eq(s.traj[t], want);
    }
    ck_assert_double_eq(s.v[0], v[3]);
    double th;
    ck_assert_int_eq(slope_optim_nesterov_theta(&s.opt.nesterov, &th, &s.traj[3], 1), SLOPE_OK);
    ck_assert_double_eq(th, theta[3]);
}
END_TEST

/* Both forms step by step on a 5-D bowl (_i = 0) and the non-quadratic
 * sin bowl (_i = 1): the look-ahead iterate is the classical one moved by
 * beta v, the velocities agree, and each form's lookahead()/theta() give the
 * other's iterate.  Only rounding separates them (a few ulps per step). */
START_TEST(test_nesterov_forms_coincide)
{
    const double lr = _i ? 0.1 : 0.013, beta = _i ? 0.9 : 0.85;
    slope_grad_fn grad = _i ? sinbowl_grad : bowl5_grad;
    const size_t n = _i ? 2 : 5;
    const double x0[MAXN] = {0.4, 1.9, -1.15, -0.8, 2.2};
    double th[MAXN], ph[MAXN], vc[MAXN], vl[MAXN], look[MAXN], g[MAXN], back[MAXN];
    slope_optim_nesterov cl, la;
    ck_assert_int_eq(slope_optim_nesterov_init(&cl, vc, n, lr, beta, SLOPE_NESTEROV_CLASSICAL), SLOPE_OK);
    ck_assert_int_eq(slope_optim_nesterov_init(&la, vl, n, lr, beta, SLOPE_NESTEROV_LOOKAHEAD), SLOPE_OK);
    memcpy(th, x0, sizeof th);
    memcpy(ph, x0, sizeof ph);
    for (int t = 1; t <= 60; t++) {
        ck_assert_int_eq(slope_optim_nesterov_lookahead(&cl, look, th, n), SLOPE_OK);
        grad(g, look, n, NULL);
        ck_assert_int_eq(slope_optim_nesterov_step(&cl, th, g, n), SLOPE_OK);
        ck_assert_int_eq(slope_optim_nesterov_lookahead(&la, look, ph, n), SLOPE_OK);
        ck_assert_mem_eq(look, ph, n * sizeof *ph); /* the look-ahead form's point is w */
        grad(g, ph, n, NULL);
        ck_assert_int_eq(slope_optim_nesterov_step(&la, ph, g, n), SLOPE_OK);
        ck_assert_int_eq(slope_optim_nesterov_lookahead(&cl, look, th, n), SLOPE_OK);
        ck_assert_int_eq(slope_optim_nesterov_theta(&la, back, ph, n), SLOPE_OK);
        for (size_t j = 0; j < n; j++) {
            ck_assert_rel(ph[j], th[j] + beta * vc[j], 1e-12);
            ck_assert_rel(look[j], ph[j], 1e-12);
            ck_assert_rel(back[j], th[j], 1e-12);
            ck_assert_rel(vl[j], vc[j], 1e-12);
        }
    }
    ck_assert_double_lt(fabs(vc[0]), 1e-3); /* converging: v -> 0, the forms meet */
}
END_TEST

/* beta = 0: both forms are SGD, bit for bit. */
START_TEST(test_nesterov_beta_zero_is_sgd)
{
    const double x0[MAXN] = {0.4, 1.9, -1.15, -0.8, 2.2};
    run_case sgd = {NULL, bowl5, bowl5_grad, 5, 25, SLOPE_OPTIM_SGD, 0.07, 0, 0, 0, 0, 0};
    run_case nag = {NULL, bowl5, bowl5_grad, 5, 25, SLOPE_OPTIM_NESTEROV, 0.07, 0, 0, 0, 0, _i ? LOOK : NAG};
    run_state a, b;
    run(&a, &sgd, x0);
    run(&b, &nag, x0);
    ck_assert_mem_eq(a.traj, b.traj, 26 * 5 * sizeof(double));
}
END_TEST

/* ---- the driver ------------------------------------------------------------------------ */

START_TEST(test_run_zero_steps_and_no_loss)
{
    run_case c = {NULL, ravine, ravine_grad, 2, 0, SLOPE_OPTIM_ADAM, 0.1, 0.9, 0.999, 1e-8, 0, 0};
    run_state s;
    run(&s, &c, ravine_x0);
    ck_assert_double_eq(s.traj[0], 2.0);
    ck_assert_double_eq(s.traj[1], 1.0);
    ck_assert_double_eq(s.loss[0], 14.0);
    /* loss == NULL: f is never needed */
    size_t done = 99;
    ck_assert_int_eq(slope_optim_run(s.traj, NULL, &done, &s.opt, NULL, ravine_grad, NULL,
                                     ravine_x0, s.work, 2, 3), SLOPE_OK);
    ck_assert_uint_eq(done, 3);
    ck_assert_uint_eq(s.opt.adam.t, 3);
}
END_TEST

/* A gradient that turns NaN on its 4th call: step 4 (i = 3) diverges. */
static void nan_on_fourth(double *g, const double *w, size_t n, void *p)
{
    int *calls = p;
    ravine_grad(g, w, n, NULL);
    if (++*calls == 4)
        g[1] = NAN;
}

START_TEST(test_run_diverged_reports_steps)
{
    run_state s;
    run_case c = {NULL, ravine, ravine_grad, 2, 10, SLOPE_OPTIM_SGD, 0.05, 0, 0, 0, 0, 0};
    init_opt(&s, &c);
    int calls = 0;
    size_t done = 99;
    ck_assert_int_eq(slope_optim_run(s.traj, s.loss, &done, &s.opt, ravine, nan_on_fourth,
                                     &calls, ravine_x0, s.work, 2, 10), SLOPE_EDIVERGED);
    ck_assert_uint_eq(done, 3);
    ck_assert_int_eq(calls, 4);
    /* rows 0..3 are SGD's exact iterates: w1 = 2 * 0.9^i, w2 = 0 after one step */
    for (size_t i = 0; i <= 3; i++) {
        ck_assert_rel(s.traj[2 * i], 2.0 * pow(0.9, (double)i), 1e-15);
        ck_assert(isfinite(s.loss[i]));
    }
    ck_assert(isnan(s.traj[2 * 4 + 1]));
}
END_TEST

/* eps = 0 is accepted, but a coordinate whose gradient is exactly 0 is 0/0. */
START_TEST(test_run_eps_zero_zero_gradient_diverges)
{
    run_state s;
    run_case c = {NULL, ravine, ravine_grad, 2, 5, SLOPE_OPTIM_ADAM, 0.1, 0.9, 0.999, 0.0, 0, 0};
    init_opt(&s, &c);
    const double x0[2] = {1.3, 0.0};
    size_t done = 99;
    ck_assert_int_eq(slope_optim_run(s.traj, s.loss, &done, &s.opt, ravine, ravine_grad, NULL,
                                     x0, s.work, 2, 5), SLOPE_EDIVERGED);
    ck_assert_uint_eq(done, 0);
}
END_TEST

/* ---- error paths -------------------------------------------------------------------- */

static const double bad_lr[] = {0.0, -0.1, NAN, INFINITY};
static const double bad_beta[] = {1.0, -0.1, 1.5, NAN};
static const double bad_nonneg[] = {-1e-8, NAN, INFINITY};

START_TEST(test_err_bad_lr)
{
    double lr = bad_lr[_i], m[2], v[2];
    slope_optim_sgd a;
    slope_optim_momentum b;
    slope_optim_rmsprop c;
    slope_optim_adam d;
    slope_optim_nesterov e;
    ck_assert_int_eq(slope_optim_nesterov_init(&e, v, 2, lr, 0.9, SLOPE_NESTEROV_CLASSICAL), SLOPE_EINVAL);
    ck_assert_int_eq(slope_optim_sgd_init(&a, lr), SLOPE_EINVAL);
    ck_assert_int_eq(slope_optim_momentum_init(&b, v, 2, lr, 0.9, SLOPE_MOMENTUM_EMA), SLOPE_EINVAL);
    ck_assert_int_eq(slope_optim_rmsprop_init(&c, v, 2, lr, 0.9, 1e-8), SLOPE_EINVAL);
    ck_assert_int_eq(slope_optim_adam_init(&d, m, v, 2, lr, 0.9, 0.999, 1e-8), SLOPE_EINVAL);
}
END_TEST

START_TEST(test_err_bad_beta)
{
    double b = bad_beta[_i], m[2], v[2];
    slope_optim_momentum o1;
    slope_optim_rmsprop o2;
    slope_optim_adam o3;
    slope_optim_nesterov o4;
    ck_assert_int_eq(slope_optim_nesterov_init(&o4, v, 2, 0.1, b, SLOPE_NESTEROV_LOOKAHEAD), SLOPE_EINVAL);
    ck_assert_int_eq(slope_optim_momentum_init(&o1, v, 2, 0.1, b, SLOPE_MOMENTUM_HEAVY_BALL), SLOPE_EINVAL);
    ck_assert_int_eq(slope_optim_rmsprop_init(&o2, v, 2, 0.1, b, 1e-8), SLOPE_EINVAL);
    ck_assert_int_eq(slope_optim_adam_init(&o3, m, v, 2, 0.1, b, 0.999, 1e-8), SLOPE_EINVAL);
    ck_assert_int_eq(slope_optim_adam_init(&o3, m, v, 2, 0.1, 0.9, b, 1e-8), SLOPE_EINVAL);
}
END_TEST

START_TEST(test_err_bad_eps_and_decay)
{
    double x = bad_nonneg[_i], m[2], v[2];
    slope_optim_rmsprop o2;
    slope_optim_adam o3;
    ck_assert_int_eq(slope_optim_rmsprop_init(&o2, v, 2, 0.1, 0.9, x), SLOPE_EINVAL);
    ck_assert_int_eq(slope_optim_adam_init(&o3, m, v, 2, 0.1, 0.9, 0.999, x), SLOPE_EINVAL);
    ck_assert_int_eq(slope_optim_adamw_init(&o3, m, v, 2, 0.1, 0.9, 0.999, 1e-8, x), SLOPE_EINVAL);
}
END_TEST

START_TEST(test_err_init_null_and_zero_n)
{
    double m[2], v[2];
    slope_optim_momentum o1;
    slope_optim_rmsprop o2;
    slope_optim_adam o3;
    ck_assert_int_eq(slope_optim_sgd_init(NULL, 0.1), SLOPE_EINVAL);
    ck_assert_int_eq(slope_optim_momentum_init(NULL, v, 2, 0.1, 0.9, SLOPE_MOMENTUM_EMA), SLOPE_EINVAL);
    ck_assert_int_eq(slope_optim_momentum_init(&o1, NULL, 2, 0.1, 0.9, SLOPE_MOMENTUM_EMA), SLOPE_EINVAL);
    ck_assert_int_eq(slope_optim_momentum_init(&o1, v, 0, 0.1, 0.9, SLOPE_MOMENTUM_EMA), SLOPE_EINVAL);
    ck_assert_int_eq(slope_optim_rmsprop_init(&o2, NULL, 2, 0.1, 0.9, 1e-8), SLOPE_EINVAL);
    ck_assert_int_eq(slope_optim_rmsprop_init(&o2, v, 0, 0.1, 0.9, 1e-8), SLOPE_EINVAL);
    ck_assert_int_eq(slope_optim_adam_init(&o3, NULL, v, 2, 0.1, 0.9, 0.999, 1e-8), SLOPE_EINVAL);
    ck_assert_int_eq(slope_optim_adam_init(&o3, m, NULL, 2, 0.1, 0.9, 0.999, 1e-8), SLOPE_EINVAL);
    ck_assert_int_eq(slope_optim_adam_init(&o3, m, m, 2, 0.1, 0.9, 0.999, 1e-8), SLOPE_EINVAL);
    ck_assert_int_eq(slope_optim_adam_init(&o3, m, v, 0, 0.1, 0.9, 0.999, 1e-8), SLOPE_EINVAL);
}
END_TEST

/* Nesterov's init, step, lookahead and theta: NULLs, n == 0, n not the
 * init's, an unknown form, a field broken after init -- nothing written. */
START_TEST(test_err_nesterov)
{
    double v[2], w[2] = {1.0, 2.0}, g[2] = {0.5, 0.25}, x[2] = {7.0, 7.0};
    slope_optim_nesterov o;
    const slope_nesterov_form C = SLOPE_NESTEROV_CLASSICAL;
    ck_assert_int_eq(slope_optim_nesterov_init(NULL, v, 2, 0.1, 0.9, C), SLOPE_EINVAL);
    ck_assert_int_eq(slope_optim_nesterov_init(&o, NULL, 2, 0.1, 0.9, C), SLOPE_EINVAL);
    ck_assert_int_eq(slope_optim_nesterov_init(&o, v, 0, 0.1, 0.9, C), SLOPE_EINVAL);
    ck_assert_int_eq(slope_optim_nesterov_init(&o, v, 2, 0.1, 0.9, (slope_nesterov_form)5), SLOPE_EINVAL);
    ck_assert_int_eq(slope_optim_nesterov_init(&o, v, 2, 0.1, 0.9, C), SLOPE_OK);
    ck_assert_int_eq(slope_optim_nesterov_step(NULL, w, g, 2), SLOPE_EINVAL);
    ck_assert_int_eq(slope_optim_nesterov_step(&o, NULL, g, 2), SLOPE_EINVAL);
    ck_assert_int_eq(slope_optim_nesterov_step(&o, w, NULL, 2), SLOPE_EINVAL);
    ck_assert_int_eq(slope_optim_nesterov_step(&o, w, g, 1), SLOPE_EINVAL);
    ck_assert_int_eq(slope_optim_nesterov_step(&o, w, g, 0), SLOPE_EINVAL);
    ck_assert_int_eq(slope_optim_nesterov_lookahead(NULL, x, w, 2), SLOPE_EINVAL);
    ck_assert_int_eq(slope_optim_nesterov_lookahead(&o, NULL, w, 2), SLOPE_EINVAL);
    ck_assert_int_eq(slope_optim_nesterov_lookahead(&o, x, NULL, 2), SLOPE_EINVAL);
    ck_assert_int_eq(slope_optim_nesterov_lookahead(&o, x, w, 3), SLOPE_EINVAL);
    ck_assert_int_eq(slope_optim_nesterov_theta(NULL, x, w, 2), SLOPE_EINVAL);
    ck_assert_int_eq(slope_optim_nesterov_theta(&o, NULL, w, 2), SLOPE_EINVAL);
    ck_assert_int_eq(slope_optim_nesterov_theta(&o, x, w, 0), SLOPE_EINVAL);
    o.form = (slope_nesterov_form)5;
    ck_assert_int_eq(slope_optim_nesterov_step(&o, w, g, 2), SLOPE_EINVAL);
    ck_assert_int_eq(slope_optim_nesterov_theta(&o, x, w, 2), SLOPE_EINVAL);
    o.form = C;
    o.beta = 1.0;
    ck_assert_int_eq(slope_optim_nesterov_step(&o, w, g, 2), SLOPE_EINVAL);
    ck_assert_int_eq(slope_optim_nesterov_lookahead(&o, x, w, 2), SLOPE_EINVAL);
    ck_assert_double_eq(w[0], 1.0);
    ck_assert_double_eq(w[1], 2.0);
    ck_assert_double_eq(x[0], 7.0);
    ck_assert_double_eq(v[0], 0.0);
}
END_TEST

START_TEST(test_err_bad_enum)
{
    double v[2], w[2] = {1.0, 2.0}, g[2] = {0.5, 0.25};
    slope_optim_momentum o1;
    ck_assert_int_eq(slope_optim_momentum_init(&o1, v, 2, 0.1, 0.9, (slope_momentum_form)7), SLOPE_EINVAL);
    slope_optim_rmsprop o2;
    ck_assert_int_eq(slope_optim_rmsprop_init(&o2, v, 2, 0.1, 0.9, 1e-8), SLOPE_OK);
    o2.eps_mode = (slope_rmsprop_eps)7;
    ck_assert_int_eq(slope_optim_rmsprop_step(&o2, w, g, 2), SLOPE_EINVAL);
    slope_optim o = {.kind = (slope_optim_kind)9};
    ck_assert_int_eq(slope_optim_step(&o, w, g, 2), SLOPE_EINVAL);
    ck_assert_int_eq(slope_optim_step(NULL, w, g, 2), SLOPE_EINVAL);
    ck_assert_double_eq(w[0], 1.0);
}
END_TEST

/* Each step: NULL opt/w/g, n == 0, n not the init's n -- nothing written. */
START_TEST(test_err_step_args)
{
    double m[2], v[2], w[2] = {1.0, 2.0}, g[2] = {0.5, 0.25};
    slope_optim_sgd a;
    slope_optim_momentum b;
    slope_optim_rmsprop c;
    slope_optim_adam d;
    slope_optim_sgd_init(&a, 0.1);
    slope_optim_momentum_init(&b, v, 2, 0.1, 0.9, SLOPE_MOMENTUM_EMA);
    ck_assert_int_eq(slope_optim_sgd_step(NULL, w, g, 2), SLOPE_EINVAL);
    ck_assert_int_eq(slope_optim_sgd_step(&a, NULL, g, 2), SLOPE_EINVAL);
    ck_assert_int_eq(slope_optim_sgd_step(&a, w, NULL, 2), SLOPE_EINVAL);
    ck_assert_int_eq(slope_optim_sgd_step(&a, w, g, 0), SLOPE_EINVAL);
    ck_assert_int_eq(slope_optim_momentum_step(NULL, w, g, 2), SLOPE_EINVAL);
    ck_assert_int_eq(slope_optim_momentum_step(&b, w, g, 1), SLOPE_EINVAL);
    slope_optim_rmsprop_init(&c, v, 2, 0.1, 0.9, 1e-8);
    ck_assert_int_eq(slope_optim_rmsprop_step(NULL, w, g, 2), SLOPE_EINVAL);
    ck_assert_int_eq(slope_optim_rmsprop_step(&c, w, NULL, 2), SLOPE_EINVAL);
    ck_assert_int_eq(slope_optim_rmsprop_step(&c, w, g, 1), SLOPE_EINVAL);
    slope_optim_adam_init(&d, m, v, 2, 0.1, 0.9, 0.999, 1e-8);
    ck_assert_int_eq(slope_optim_adam_step(NULL, w, g, 2), SLOPE_EINVAL);
    ck_assert_int_eq(slope_optim_adam_step(&d, NULL, g, 2), SLOPE_EINVAL);
    ck_assert_int_eq(slope_optim_adam_step(&d, w, g, 3), SLOPE_EINVAL);
    ck_assert_uint_eq(d.t, 0);
    ck_assert_double_eq(w[0], 1.0);
    ck_assert_double_eq(w[1], 2.0);
}
END_TEST

/* A field broken after init is caught by the next step. */
START_TEST(test_err_field_changed_after_init)
{
    double m[2], v[2], w[2] = {1.0, 2.0}, g[2] = {0.5, 0.25};
    slope_optim_adam d;
    slope_optim_adam_init(&d, m, v, 2, 0.1, 0.9, 0.999, 1e-8);
    d.lr = -0.1;
    ck_assert_int_eq(slope_optim_adam_step(&d, w, g, 2), SLOPE_EINVAL);
    d.lr = 0.1;
    d.beta2 = 1.0;
    ck_assert_int_eq(slope_optim_adam_step(&d, w, g, 2), SLOPE_EINVAL);
    slope_optim_sgd a = {.lr = NAN};
    ck_assert_int_eq(slope_optim_sgd_step(&a, w, g, 2), SLOPE_EINVAL);
    ck_assert_double_eq(w[0], 1.0);
}
END_TEST

START_TEST(test_err_run_args)
{
    run_state s;
    run_case c = {NULL, ravine, ravine_grad, 2, 3, SLOPE_OPTIM_SGD, 0.05, 0, 0, 0, 0, 0};
    init_opt(&s, &c);
    double *t = s.traj, *l = s.loss, *wk = s.work;
    const double *x = ravine_x0;
    ck_assert_int_eq(slope_optim_run(NULL, l, NULL, &s.opt, ravine, ravine_grad, NULL, x, wk, 2, 3), SLOPE_EINVAL);
    ck_assert_int_eq(slope_optim_run(t, l, NULL, NULL, ravine, ravine_grad, NULL, x, wk, 2, 3), SLOPE_EINVAL);
    ck_assert_int_eq(slope_optim_run(t, l, NULL, &s.opt, ravine, NULL, NULL, x, wk, 2, 3), SLOPE_EINVAL);
    ck_assert_int_eq(slope_optim_run(t, l, NULL, &s.opt, ravine, ravine_grad, NULL, NULL, wk, 2, 3), SLOPE_EINVAL);
    ck_assert_int_eq(slope_optim_run(t, l, NULL, &s.opt, ravine, ravine_grad, NULL, x, NULL, 2, 3), SLOPE_EINVAL);
    ck_assert_int_eq(slope_optim_run(t, l, NULL, &s.opt, NULL, ravine_grad, NULL, x, wk, 2, 3), SLOPE_EINVAL);
    ck_assert_int_eq(slope_optim_run(t, l, NULL, &s.opt, ravine, ravine_grad, NULL, x, wk, 0, 3), SLOPE_EINVAL);
    s.opt.sgd.lr = 0.0;
    ck_assert_int_eq(slope_optim_run(t, l, NULL, &s.opt, ravine, ravine_grad, NULL, x, wk, 2, 3), SLOPE_EINVAL);
}
END_TEST

START_TEST(test_err_run_nonfinite_x0)
{
    run_state s;
    run_case c = {NULL, ravine, ravine_grad, 2, 3, SLOPE_OPTIM_SGD, 0.05, 0, 0, 0, 0, 0};
    init_opt(&s, &c);
    const double x0[2][2] = {{NAN, 1.0}, {2.0, -INFINITY}};
    s.traj[0] = 7.25;
    for (int i = 0; i < 2; i++)
        ck_assert_int_eq(slope_optim_run(s.traj, s.loss, NULL, &s.opt, ravine, ravine_grad,
                                         NULL, x0[i], s.work, 2, 3), SLOPE_EDOM);
    ck_assert_double_eq(s.traj[0], 7.25); /* nothing written */
}
END_TEST

Suite *make_optim_suite(void)
{
    Suite *s = suite_create("optim");
    TCase *tc = tcase_create("oracle");
    tcase_add_loop_test(tc, test_oracle_trajectory, 0, (int)N_ORACLE);
    suite_add_tcase(s, tc);

    tc = tcase_create("seed");
    tcase_add_test(tc, test_seed_sgd_quadratic);
    tcase_add_test(tc, test_seed_sgd_vs_momentum);
    tcase_add_test(tc, test_seed_rmsprop);
    tcase_add_test(tc, test_seed_adam_vs_sgd);
    tcase_add_test(tc, test_seed_four_optimizers);
    suite_add_tcase(s, tc);

    tc = tcase_create("analytic");
    tcase_add_loop_test(tc, test_adam_first_step_is_sign, 0,
                        (int)(sizeof first_hyper / sizeof first_hyper[0]));
    tcase_add_test(tc, test_heavy_ball_equals_ema);
    tcase_add_test(tc, test_adamw_zero_decay_is_adam);
    tcase_add_test(tc, test_adamw_pure_decay);
    tcase_add_loop_test(tc, test_nesterov_by_hand, 0, 2);
    tcase_add_loop_test(tc, test_nesterov_forms_coincide, 0, 2);
    tcase_add_loop_test(tc, test_nesterov_beta_zero_is_sgd, 0, 2);
    suite_add_tcase(s, tc);

    tc = tcase_create("driver");
    tcase_add_test(tc, test_run_zero_steps_and_no_loss);
    tcase_add_test(tc, test_run_diverged_reports_steps);
    tcase_add_test(tc, test_run_eps_zero_zero_gradient_diverges);
    suite_add_tcase(s, tc);

    tc = tcase_create("errors");
    tcase_add_loop_test(tc, test_err_bad_lr, 0, (int)(sizeof bad_lr / sizeof bad_lr[0]));
    tcase_add_loop_test(tc, test_err_bad_beta, 0, (int)(sizeof bad_beta / sizeof bad_beta[0]));
    tcase_add_loop_test(tc, test_err_bad_eps_and_decay, 0,
                        (int)(sizeof bad_nonneg / sizeof bad_nonneg[0]));
    tcase_add_test(tc, test_err_init_null_and_zero_n);
    tcase_add_test(tc, test_err_bad_enum);
    tcase_add_test(tc, test_err_nesterov);
    tcase_add_test(tc, test_err_step_args);
    tcase_add_test(tc, test_err_field_changed_after_init);
    tcase_add_test(tc, test_err_run_args);
    tcase_add_test(tc, test_err_run_nonfinite_x0);
    suite_add_tcase(s, tc);
    return s;
}
