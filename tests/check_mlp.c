/*
 * check_mlp.c -- the mlp suite: layers, losses, the XOR network and the
 * gradient check.
 *
 * Oracles: numpy (tests/oracle/xor_oracle.py wrote tests/golden/mlp/: the
 * seed-0 initial weights, the loss at every epoch of the XOR run, its final
 * outputs, and analytic gradients of random small networks), the seed's own
 * printed output (tests/golden/mlp/seed_20_backprop_xor.out, verbatim), closed
 * forms, and central differences computed here.
 */
#include "curvature.h"
#include "deriv.h"
#include "linalg.h"
#include "mlp.h"
#include "testutil.h"

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* cbrt(eps) balances the O(h^2) truncation of a central difference against
 * its O(eps/h) rounding, leaving ~1e-11 absolute error on an O(1) loss. */
#define FD_STEP cbrt(DBL_EPSILON)
/* The bound for backprop against central differences. */
#define FD_REL 1e-7
/* Gradient entries below this compare absolutely: the difference quotient
 * carries a rounding error near DBL_EPSILON * |L| / h, which for the O(1)
 * losses here exceeds FD_REL relative on entries smaller than this (~4e-4). */
#define FD_TINY (DBL_EPSILON / (FD_STEP * FD_REL))
/* Agreement with numpy: the same formulas in nearly the same order, so only
 * a few ulps (an exp that differs in its last bit, a fused multiply-add in
 * the BLAS) separate the two, even after 3000 epochs. */
#define NUMPY_REL 1e-12

#define XOR_EPOCHS 3000
#define XOR_LR 0.5
#define XOR_HIDDEN 4

/* ==== central differences of a scalar objective ========================== */

typedef double (*objective)(const double *v, const void *ctx);

/* Worst |g - c| / max(|g|, |c|, FD_TINY) over the n entries of v, where c is
 * the central difference of f in v[i]; v is restored bit for bit. */
static double worst_vs_central(const double *g, double *v, size_t n, objective f,
                               const void *ctx)
{
    double worst = 0.0;
    for (size_t i = 0; i < n; i++) {
        const double p = v[i], h = FD_STEP * fmax(1.0, fabs(p)), up = p + h, down = p - h;
        v[i] = up;
        const double fu = f(v, ctx);
        v[i] = down;
        const double fd = f(v, ctx);
        v[i] = p;
        const double c = (fu - fd) / (up - down);
        worst = fmax(worst, fabs(g[i] - c) / fmax(fmax(fabs(g[i]), fabs(c)), FD_TINY));
    }
    return worst;
}

/* High-entropy test data, away from 0 so ReLU's kink is never within a step. */
static const double X7[7] = {-2.385, -0.731, -0.0917, 0.1413, 0.622, 1.297, 3.041};
static const double C7[7] = {0.83, -1.27, 0.459, 2.113, -0.377, 1.618, -0.95};
static const double T7[7] = {0.0, 1.0, 0.25, 0.9, 1.0, 0.0, 0.61};

/* ==== activations ========================================================= */

typedef struct {
    const char *name;
    slope_status (*fwd)(double *y, const double *x, size_t n);
    slope_status (*bwd)(double *dx, const double *dy, const double *y, size_t n);
} act_case;

static const act_case ACTS[] = {
    {"sigmoid", slope_mlp_sigmoid_forward, slope_mlp_sigmoid_backward},
    {"tanh", slope_mlp_tanh_forward, slope_mlp_tanh_backward},
    {"relu", slope_mlp_relu_forward, slope_mlp_relu_backward},
};
#define NACTS (sizeof ACTS / sizeof ACTS[0])

/* L(x) = sum_i C7[i] f(x)_i, so dL/dy = C7. */
static double act_objective(const double *x, const void *ctx)
{
    const act_case *a = ctx;
    double y[7], s = 0.0;
    ck_assert_int_eq(a->fwd(y, x, 7), SLOPE_OK);
    for (size_t i = 0; i < 7; i++)
        s += C7[i] * y[i];
    return s;
}

START_TEST(test_act_gradcheck)
{
    const act_case *a = &ACTS[_i];
    double x[7], y[7], dx[7] = {0};
    memcpy(x, X7, sizeof x);
    ck_assert_int_eq(a->fwd(y, x, 7), SLOPE_OK);
    ck_assert_int_eq(a->bwd(dx, C7, y, 7), SLOPE_OK);
    double worst = worst_vs_central(dx, x, 7, act_objective, a);
    ck_assert_msg(worst <= FD_REL, "%s: worst relative error %g", a->name, worst);
}
END_TEST

/* Forward values against the closed forms, computed independently here. */
START_TEST(test_act_values)
{
    double y[7];
    ck_assert_int_eq(slope_mlp_sigmoid_forward(y, X7, 7), SLOPE_OK);
    for (size_t i = 0; i < 7; i++)
        ck_assert_rel(y[i], 0.5 * (1.0 + tanh(0.5 * X7[i])), 4 * DBL_EPSILON);
    ck_assert_int_eq(slope_mlp_tanh_forward(y, X7, 7), SLOPE_OK);
    for (size_t i = 0; i < 7; i++)
        ck_assert_rel(y[i], (exp(2 * X7[i]) - 1) / (exp(2 * X7[i]) + 1), 8 * DBL_EPSILON);
    ck_assert_int_eq(slope_mlp_relu_forward(y, X7, 7), SLOPE_OK);
    for (size_t i = 0; i < 7; i++)
        ck_assert_double_eq(y[i], X7[i] > 0 ? X7[i] : 0.0);
    /* Saturation: exact limits, no NaN. */
    const double big[2] = {-800.0, 800.0};
    ck_assert_int_eq(slope_mlp_sigmoid_forward(y, big, 2), SLOPE_OK);
    ck_assert_double_eq(y[0], 0.0);
    ck_assert_double_eq(y[1], 1.0);
}
END_TEST

/* In place is allowed for the forward passes. */
START_TEST(test_act_in_place)
{
    double v[7];
    memcpy(v, X7, sizeof v);
    ck_assert_int_eq(slope_mlp_tanh_forward(v, v, 7), SLOPE_OK);
    for (size_t i = 0; i < 7; i++)
        ck_assert_double_eq(v[i], tanh(X7[i]));
}
END_TEST

/* Backward accumulates: two calls give twice one call. */
START_TEST(test_act_accumulates)
{
    const act_case *a = &ACTS[_i];
    double y[7], once[7] = {0}, twice[7] = {0};
    ck_assert_int_eq(a->fwd(y, X7, 7), SLOPE_OK);
    a->bwd(once, C7, y, 7);
    a->bwd(twice, C7, y, 7);
    a->bwd(twice, C7, y, 7);
    for (size_t i = 0; i < 7; i++)
        ck_assert_double_eq(twice[i], 2.0 * once[i]);
}
END_TEST

/* ==== losses ============================================================== */

#define DLOSS 1.37  /* an upstream gradient other than 1 */

typedef struct {
    const char *name;
    slope_status (*fwd)(double *loss, const double *p, const double *t, size_t n);
    slope_status (*bwd)(double *dp, double dloss, const double *p, const double *t, size_t n);
} loss_case;

static const loss_case LOSSES[] = {
    {"mse", slope_mlp_mse_forward, slope_mlp_mse_backward},
    {"bce_logits", slope_mlp_bce_logits_forward, slope_mlp_bce_logits_backward},
};
#define NLOSSES (sizeof LOSSES / sizeof LOSSES[0])

static double loss_objective(const double *p, const void *ctx)
{
    const loss_case *l = ctx;
    double v;
    ck_assert_int_eq(l->fwd(&v, p, T7, 7), SLOPE_OK);
    return DLOSS * v;
}

START_TEST(test_loss_gradcheck)
{
    const loss_case *l = &LOSSES[_i];
    double p[7], dp[7] = {0};
    memcpy(p, X7, sizeof p);
    ck_assert_int_eq(l->bwd(dp, DLOSS, p, T7, 7), SLOPE_OK);
    double worst = worst_vs_central(dp, p, 7, loss_objective, l);
    ck_assert_msg(worst <= FD_REL, "%s: worst relative error %g", l->name, worst);
}
END_TEST

START_TEST(test_mse_value)
{
    const double p[3] = {0.3, -1.25, 2.0}, t[3] = {1.0, 0.75, 2.5};
    double v;
    ck_assert_int_eq(slope_mlp_mse_forward(&v, p, t, 3), SLOPE_OK);
    ck_assert_rel(v, (0.49 + 4.0 + 0.25) / 3.0, 2 * DBL_EPSILON);
}
END_TEST

/* BCE of logits equals -[t log p + (1-t) log(1-p)] where that is well
 * conditioned, and stays finite and exact where the probability form fails. */
START_TEST(test_bce_values)
{
    double v, want = 0.0;
    ck_assert_int_eq(slope_mlp_bce_logits_forward(&v, X7, T7, 7), SLOPE_OK);
    for (size_t i = 0; i < 7; i++) {
        const double p = 1.0 / (1.0 + exp(-X7[i]));
        want -= T7[i] * log(p) + (1 - T7[i]) * log(1 - p);
    }
    ck_assert_rel(v, want / 7, 1e-14);
    /* p = sigmoid(40) rounds to 1, so log(1 - p) = -Inf; the exact loss is 40 + log1p(e^-40). */
    const double z[2] = {40.0, -800.0}, t[2] = {0.0, 1.0};
    ck_assert_int_eq(slope_mlp_bce_logits_forward(&v, z, t, 1), SLOPE_OK);
    ck_assert_rel(v, 40.0 + exp(-40.0), DBL_EPSILON);
    ck_assert_int_eq(slope_mlp_bce_logits_forward(&v, z + 1, t + 1, 1), SLOPE_OK);
    ck_assert_double_eq(v, 800.0);
}
END_TEST

/* numpy's logaddexp(0, z) - t z at logits up to +-1000
 * (tests/oracle/softmax_oracle.py -> tests/golden/softmax/bce.txt): every
 * loss finite and within a few ulps of max(|z|, 1); every gradient
 * sigmoid(z) - t finite, with e^-1000 = 0 making sigmoid exactly 0 or 1. */
START_TEST(test_bce_oracle_extremes)
{
    size_t len;
    double *g = test_read_doubles("softmax/bce.txt", &len);
    ck_assert_uint_eq(len % 3, 0);
    for (size_t r = 0; r < len / 3; r++) {
        const double z = g[3 * r], t = g[3 * r + 1], want = g[3 * r + 2];
        double v, dz = 0.0;
        ck_assert_int_eq(slope_mlp_bce_logits_forward(&v, &z, &t, 1), SLOPE_OK);
        ck_assert_msg(fabs(v - want) <= 4 * DBL_EPSILON * fmax(fabs(z), 1.0),
                      "z = %g, t = %g: loss %.17g, want %.17g", z, t, v, want);
        ck_assert_int_eq(slope_mlp_bce_logits_backward(&dz, 1.0, &z, &t, 1), SLOPE_OK);
        ck_assert(isfinite(dz));
        if (fabs(z) == 1000.0)
            ck_assert_double_eq(dz, (z > 0 ? 1.0 : 0.0) - t);
    }
    free(g);
}
END_TEST

/* ==== the dense layer ===================================================== */

enum { DB = 3, DIN = 4, DOUT = 2 };
#define NX (DB * DIN)
#define NW (DIN * DOUT)
#define NV (NX + NW + DOUT)

/* v = x | w | b; L = sum C7-weighted entries of y. */
static double dense_objective(const double *v, const void *ctx)
{
    (void)ctx;
    double y[DB * DOUT], s = 0.0;
    ck_assert_int_eq(slope_mlp_dense_forward(y, v, v + NX, v + NX + NW, DB, DIN, DOUT), SLOPE_OK);
    for (size_t i = 0; i < DB * DOUT; i++)
        s += C7[i] * y[i];
    return s;
}

static void dense_data(double *v)
{
    for (size_t i = 0; i < NV; i++)
        v[i] = X7[i % 7] * (1.0 + 0.113 * (double)i);
}

START_TEST(test_dense_gradcheck)
{
    double v[NV], g[NV] = {0}, y[DB * DOUT];
    dense_data(v);
    ck_assert_int_eq(slope_mlp_dense_forward(y, v, v + NX, v + NX + NW, DB, DIN, DOUT), SLOPE_OK);
    ck_assert_int_eq(slope_mlp_dense_backward(g, g + NX, g + NX + NW, C7, v, v + NX, DB, DIN, DOUT),
                     SLOPE_OK);
    double worst = worst_vs_central(g, v, NV, dense_objective, NULL);
    ck_assert_msg(worst <= FD_REL, "dense: worst relative error %g", worst);
}
END_TEST

/* y = x W + b against the definition, entry by entry; b may be NULL. */
START_TEST(test_dense_values)
{
    double v[NV], y[DB * DOUT], y0[DB * DOUT];
    dense_data(v);
    const double *x = v, *w = v + NX, *b = v + NX + NW;
    ck_assert_int_eq(slope_mlp_dense_forward(y, x, w, b, DB, DIN, DOUT), SLOPE_OK);
    ck_assert_int_eq(slope_mlp_dense_forward(y0, x, w, NULL, DB, DIN, DOUT), SLOPE_OK);
    for (size_t r = 0; r < DB; r++)
        for (size_t o = 0; o < DOUT; o++) {
            double s = 0.0;
            for (size_t i = 0; i < DIN; i++)
                s += x[r * DIN + i] * w[i * DOUT + o];
            ck_assert_rel(y0[r * DOUT + o], s, 4 * DBL_EPSILON);
            ck_assert_rel(y[r * DOUT + o], s + b[o], 4 * DBL_EPSILON);
        }
}
END_TEST

/* dx and db are optional; dw alone matches the full call and accumulates
 * (a second pass adds the same terms again, so up to rounding it doubles). */
START_TEST(test_dense_optional_grads)
{
    double v[NV], full[NV] = {0}, dw[NW] = {0};
    dense_data(v);
    slope_mlp_dense_backward(full, full + NX, full + NX + NW, C7, v, v + NX, DB, DIN, DOUT);
    ck_assert_int_eq(slope_mlp_dense_backward(NULL, dw, NULL, C7, v, v + NX, DB, DIN, DOUT),
                     SLOPE_OK);
    ck_assert_int_eq(slope_mlp_dense_backward(NULL, dw, NULL, C7, v, v + NX, DB, DIN, DOUT),
                     SLOPE_OK);
    for (size_t i = 0; i < NW; i++)
        ck_assert_rel(dw[i], 2.0 * full[NX + i], 8 * DBL_EPSILON);
}
END_TEST

/* ==== the XOR network against numpy and the seed ========================= */

static void xor_run(slope_mlp_net *net, double *losses)
{
    size_t n;
    double *w = test_read_doubles("mlp/xor_init.txt", &n);
    ck_assert_uint_eq(n, 2 * XOR_HIDDEN + XOR_HIDDEN);
    ck_assert_int_eq(slope_mlp_xor_init(net, w, w + 2 * XOR_HIDDEN, XOR_HIDDEN), SLOPE_OK);
    free(w);
    ck_assert_int_eq(slope_mlp_train(losses, net, slope_mlp_xor_x, slope_mlp_xor_t, XOR_LR,
                                     XOR_EPOCHS),
                     SLOPE_OK);
}

START_TEST(test_xor_losses_numpy)
{
    slope_mlp_net net;
    static double losses[XOR_EPOCHS];
    xor_run(&net, losses);
    size_t n, np;
    double *want = test_read_doubles("mlp/xor_losses.txt", &n);
    double *pred = test_read_doubles("mlp/xor_pred.txt", &np);
    ck_assert_uint_eq(n, XOR_EPOCHS);
    ck_assert_uint_eq(np, 4);
    for (size_t k = 0; k < XOR_EPOCHS; k++)
        ck_assert_msg(fabs(losses[k] - want[k]) <= NUMPY_REL * want[k],
                      "epoch %zu: loss %.17g, numpy %.17g", k, losses[k], want[k]);
    for (size_t i = 0; i < 4; i++)
        ck_assert_msg(fabs(net.a2[i] - pred[i]) <= NUMPY_REL * pred[i],
                      "row %zu: output %.17g, numpy %.17g", i, net.a2[i], pred[i]);
    free(want);
    free(pred);
    slope_mlp_free(&net);
}
END_TEST

/* The seed's printed lines, reproduced character for character. */
START_TEST(test_xor_seed_output)
{
    slope_mlp_net net;
    static double losses[XOR_EPOCHS];
    xor_run(&net, losses);
    char path[4096], line[256], got[64], want[64];
    FILE *fp = fopen(test_golden_path(path, sizeof path, "mlp/seed_20_backprop_xor.out"), "r");
    ck_assert_msg(fp != NULL, "cannot open %s", path);
    int epochs_seen = 0, preds_seen = 0, epoch;
    double p[4];
    while (fgets(line, sizeof line, fp)) {
        if (sscanf(line, " Epoch %d: loss = %63s", &epoch, want) == 2) {
            ck_assert(epoch >= 0 && epoch < XOR_EPOCHS);
            snprintf(got, sizeof got, "%.6f", losses[epoch]);
            ck_assert_str_eq(got, want);
            epochs_seen++;
        } else if (sscanf(line, "[%lf %lf %lf %lf]", p, p + 1, p + 2, p + 3) == 4) {
            for (size_t i = 0; i < 4; i++) {
                snprintf(got, sizeof got, "%.3f", net.a2[i]);
                snprintf(want, sizeof want, "%.3f", p[i]);
                ck_assert_str_eq(got, want);
            }
            preds_seen++;
        }
    }
    fclose(fp);
    ck_assert_int_eq(epochs_seen, 3);
    ck_assert_int_eq(preds_seen, 1);
    slope_mlp_free(&net);
}
END_TEST

/* train_epoch one at a time is the same computation as train. */
START_TEST(test_xor_epoch_equals_train)
{
    slope_mlp_net a, b;
    static double losses[XOR_EPOCHS];
    xor_run(&a, losses);
    size_t n;
    double *w = test_read_doubles("mlp/xor_init.txt", &n);
    ck_assert_int_eq(slope_mlp_xor_init(&b, w, w + 2 * XOR_HIDDEN, XOR_HIDDEN), SLOPE_OK);
    free(w);
    for (size_t k = 0; k < XOR_EPOCHS; k++) {
        double loss;
        ck_assert_int_eq(slope_mlp_train_epoch(&loss, &b, slope_mlp_xor_x, slope_mlp_xor_t,
                                               XOR_LR), SLOPE_OK);
        ck_assert_double_eq(loss, losses[k]);
    }
    for (size_t i = 0; i < a.nparams; i++)
        ck_assert_double_eq(a.params[i], b.params[i]);
    slope_mlp_free(&a);
    slope_mlp_free(&b);
}
END_TEST

START_TEST(test_xor_gradcheck)
{
    slope_mlp_net net;
    size_t n;
    double *w = test_read_doubles("mlp/xor_init.txt", &n), worst;
    ck_assert_int_eq(slope_mlp_xor_init(&net, w, w + 2 * XOR_HIDDEN, XOR_HIDDEN), SLOPE_OK);
    ck_assert_int_eq(slope_mlp_gradcheck(&worst, &net, slope_mlp_xor_x, slope_mlp_xor_t,
                                         FD_STEP, FD_TINY), SLOPE_OK);
    ck_assert_msg(worst <= FD_REL, "xor: worst relative error %g", worst);
    for (size_t i = 0; i < 2 * XOR_HIDDEN; i++)  /* parameters restored bit for bit */
        ck_assert_double_eq(net.w1[i], w[i]);
    free(w);
    slope_mlp_free(&net);
}
END_TEST

/* ==== random small networks against numpy's analytic gradients ========== */

#define NNETS 6

START_TEST(test_net_numpy)
{
    char name[64];
    snprintf(name, sizeof name, "mlp/net_%d.txt", _i);
    size_t n;
    double *v = test_read_doubles(name, &n);
    ck_assert_uint_ge(n, 7);
    const slope_mlp_shape s = {(size_t)v[0], (size_t)v[1], (size_t)v[2], (size_t)v[3],
                               (slope_mlp_act)v[4], (slope_mlp_act)v[5], (slope_mlp_loss)v[6]};
    const size_t np = s.in * s.hidden + s.hidden + s.hidden * s.out + s.out;
    const double *p = v + 7, *x = p + np, *t = x + s.batch * s.in, *want_loss = t + s.batch * s.out;
    const double *want_g = want_loss + 1;
    ck_assert_uint_eq(n, 7 + 2 * np + s.batch * (s.in + s.out) + 1);
    slope_mlp_net net;
    const double *w1 = p, *b1 = w1 + s.in * s.hidden, *w2 = b1 + s.hidden;
    const double *b2 = w2 + s.hidden * s.out;
    ck_assert_int_eq(slope_mlp_init(&net, &s, w1, b1, w2, b2), SLOPE_OK);
    double loss, worst;
    ck_assert_int_eq(slope_mlp_forward(&loss, &net, x, t), SLOPE_OK);
    ck_assert_rel(loss, *want_loss, NUMPY_REL);
    slope_mlp_zero_grad(&net);
    ck_assert_int_eq(slope_mlp_backward(&net, x, t), SLOPE_OK);
    for (size_t i = 0; i < np; i++)
        ck_assert_msg(fabs(net.grads[i] - want_g[i]) <= NUMPY_REL * fmax(fabs(want_g[i]), FD_TINY),
                      "%s grad %zu: %.17g, numpy %.17g", name, i, net.grads[i], want_g[i]);
    ck_assert_int_eq(slope_mlp_gradcheck(&worst, &net, x, t, FD_STEP, FD_TINY), SLOPE_OK);
    ck_assert_msg(worst <= FD_REL, "%s: worst relative error %g", name, worst);
    slope_mlp_free(&net);
    free(v);
}
END_TEST

/* ==== error contract ====================================================== */

START_TEST(test_layer_errors)
{
    double y[7], d[7] = {0}, l;
    const double *x = X7;
    /* dense: NULL required pointer, then each zero size */
    ck_assert_int_eq(slope_mlp_dense_forward(NULL, x, x, NULL, 1, 1, 1), SLOPE_EINVAL);
    ck_assert_int_eq(slope_mlp_dense_forward(y, NULL, x, NULL, 1, 1, 1), SLOPE_EINVAL);
    ck_assert_int_eq(slope_mlp_dense_forward(y, x, NULL, NULL, 1, 1, 1), SLOPE_EINVAL);
    ck_assert_int_eq(slope_mlp_dense_forward(y, x, x, NULL, 0, 1, 1), SLOPE_EINVAL);
    ck_assert_int_eq(slope_mlp_dense_forward(y, x, x, NULL, 1, 0, 1), SLOPE_EINVAL);
    ck_assert_int_eq(slope_mlp_dense_forward(y, x, x, NULL, 1, 1, 0), SLOPE_EINVAL);
    ck_assert_int_eq(slope_mlp_dense_backward(d, NULL, d, x, x, x, 1, 1, 1), SLOPE_EINVAL);
    ck_assert_int_eq(slope_mlp_dense_backward(d, d, d, NULL, x, x, 1, 1, 1), SLOPE_EINVAL);
    ck_assert_int_eq(slope_mlp_dense_backward(d, d, d, x, NULL, x, 1, 1, 1), SLOPE_EINVAL);
    ck_assert_int_eq(slope_mlp_dense_backward(d, d, d, x, x, NULL, 1, 1, 1), SLOPE_EINVAL);
    ck_assert_int_eq(slope_mlp_dense_backward(d, d, d, x, x, x, 0, 1, 1), SLOPE_EINVAL);
    ck_assert_int_eq(slope_mlp_dense_backward(d, d, d, x, x, x, 1, 0, 1), SLOPE_EINVAL);
    ck_assert_int_eq(slope_mlp_dense_backward(d, d, d, x, x, x, 1, 1, 0), SLOPE_EINVAL);
    for (size_t i = 0; i < NACTS; i++) {
        ck_assert_int_eq(ACTS[i].fwd(NULL, x, 7), SLOPE_EINVAL);
        ck_assert_int_eq(ACTS[i].fwd(y, NULL, 7), SLOPE_EINVAL);
        ck_assert_int_eq(ACTS[i].fwd(y, x, 0), SLOPE_EINVAL);
        ck_assert_int_eq(ACTS[i].bwd(NULL, x, x, 7), SLOPE_EINVAL);
        ck_assert_int_eq(ACTS[i].bwd(d, NULL, x, 7), SLOPE_EINVAL);
        ck_assert_int_eq(ACTS[i].bwd(d, x, NULL, 7), SLOPE_EINVAL);
        ck_assert_int_eq(ACTS[i].bwd(d, x, x, 0), SLOPE_EINVAL);
    }
    for (size_t i = 0; i < NLOSSES; i++) {
        ck_assert_int_eq(LOSSES[i].fwd(NULL, x, T7, 7), SLOPE_EINVAL);
        ck_assert_int_eq(LOSSES[i].fwd(&l, NULL, T7, 7), SLOPE_EINVAL);
        ck_assert_int_eq(LOSSES[i].fwd(&l, x, NULL, 7), SLOPE_EINVAL);
        ck_assert_int_eq(LOSSES[i].fwd(&l, x, T7, 0), SLOPE_EINVAL);
        ck_assert_int_eq(LOSSES[i].bwd(NULL, 1.0, x, T7, 7), SLOPE_EINVAL);
        ck_assert_int_eq(LOSSES[i].bwd(d, 1.0, NULL, T7, 7), SLOPE_EINVAL);
        ck_assert_int_eq(LOSSES[i].bwd(d, 1.0, x, NULL, 7), SLOPE_EINVAL);
        ck_assert_int_eq(LOSSES[i].bwd(d, 1.0, x, T7, 0), SLOPE_EINVAL);
    }
    for (size_t i = 0; i < 7; i++)  /* the failed calls wrote nothing */
        ck_assert_double_eq(d[i], 0.0);
}
END_TEST

/* The layers do not scan their data: NaN propagates (documented NaN). */
START_TEST(test_layer_nan_propagates)
{
    const double x[2] = {NAN, 0.4}, w[2] = {1.5, -0.25}, t[2] = {0.0, 1.0};
    double y[2], l;
    for (size_t i = 0; i < NACTS; i++) {
        ck_assert_int_eq(ACTS[i].fwd(y, x, 2), SLOPE_OK);
        ck_assert(isnan(y[0]));
    }
    ck_assert_int_eq(slope_mlp_dense_forward(y, x, w, NULL, 1, 2, 1), SLOPE_OK);
    ck_assert(isnan(y[0]));
    for (size_t i = 0; i < NLOSSES; i++) {
        ck_assert_int_eq(LOSSES[i].fwd(&l, x, t, 2), SLOPE_OK);
        ck_assert(isnan(l));
    }
}
END_TEST

static const double W1X[8] = {0.913, -0.427, 0.305, 1.171, -0.662, 0.248, 0.79, -1.133};
static const double W2X[4] = {0.517, -0.824, 0.361, 0.102};

static const slope_mlp_shape XOR_SHAPE = {2, 4, 1, 4, SLOPE_MLP_SIGMOID, SLOPE_MLP_SIGMOID,
                                          SLOPE_MLP_MSE};

/* Each rejected shape, with the status the header promises. */
static const struct {
    slope_mlp_shape s;
    slope_status want;
} BAD_SHAPES[] = {
    {{0, 4, 1, 4, SLOPE_MLP_SIGMOID, SLOPE_MLP_SIGMOID, SLOPE_MLP_MSE}, SLOPE_EINVAL},
    {{2, 0, 1, 4, SLOPE_MLP_SIGMOID, SLOPE_MLP_SIGMOID, SLOPE_MLP_MSE}, SLOPE_EINVAL},
    {{2, 4, 0, 4, SLOPE_MLP_SIGMOID, SLOPE_MLP_SIGMOID, SLOPE_MLP_MSE}, SLOPE_EINVAL},
    {{2, 4, 1, 0, SLOPE_MLP_SIGMOID, SLOPE_MLP_SIGMOID, SLOPE_MLP_MSE}, SLOPE_EINVAL},
    {{2, 4, 1, 4, (slope_mlp_act)7, SLOPE_MLP_SIGMOID, SLOPE_MLP_MSE}, SLOPE_EINVAL},
    {{2, 4, 1, 4, SLOPE_MLP_SIGMOID, (slope_mlp_act)4, SLOPE_MLP_MSE}, SLOPE_EINVAL},
    {{2, 4, 1, 4, SLOPE_MLP_SIGMOID, SLOPE_MLP_SIGMOID, (slope_mlp_loss)2}, SLOPE_EINVAL},
    {{2, 4, 1, 4, SLOPE_MLP_SIGMOID, SLOPE_MLP_SIGMOID, SLOPE_MLP_BCE_LOGITS}, SLOPE_EINVAL},
    {{2, SIZE_MAX / 2, 1, 4, SLOPE_MLP_SIGMOID, SLOPE_MLP_SIGMOID, SLOPE_MLP_MSE}, SLOPE_ENOMEM},
};

START_TEST(test_init_bad_shape)
{
    slope_mlp_net net;
    /* W1X/W2X are too short for the huge shape, but the size check comes first. */
    ck_assert_int_eq(slope_mlp_init(&net, &BAD_SHAPES[_i].s, W1X, NULL, W2X, NULL),
                     BAD_SHAPES[_i].want);
    ck_assert_ptr_null(net.params);
    slope_mlp_free(&net);
}
END_TEST

START_TEST(test_init_errors)
{
    slope_mlp_net net;
    double bad[8];
    ck_assert_int_eq(slope_mlp_init(NULL, &XOR_SHAPE, W1X, NULL, W2X, NULL), SLOPE_EINVAL);
    ck_assert_int_eq(slope_mlp_init(&net, NULL, W1X, NULL, W2X, NULL), SLOPE_EINVAL);
    ck_assert_int_eq(slope_mlp_init(&net, &XOR_SHAPE, NULL, NULL, W2X, NULL), SLOPE_EINVAL);
    ck_assert_int_eq(slope_mlp_init(&net, &XOR_SHAPE, W1X, NULL, NULL, NULL), SLOPE_EINVAL);
    memcpy(bad, W1X, sizeof bad);
    bad[5] = NAN;
    ck_assert_int_eq(slope_mlp_init(&net, &XOR_SHAPE, bad, NULL, W2X, NULL), SLOPE_EDOM);
    ck_assert_ptr_null(net.params);
    ck_assert_int_eq(slope_mlp_init(&net, &XOR_SHAPE, W1X, NULL, bad + 4, NULL), SLOPE_EDOM);
    bad[5] = INFINITY;
    ck_assert_int_eq(slope_mlp_init(&net, &XOR_SHAPE, W1X, bad + 2, W2X, NULL), SLOPE_EDOM);
    ck_assert_int_eq(slope_mlp_init(&net, &XOR_SHAPE, W1X, NULL, W2X, bad + 5), SLOPE_EDOM);
    ck_assert_int_eq(slope_mlp_xor_init(&net, W1X, W2X, 0), SLOPE_EINVAL);
    slope_mlp_free(&net);
    slope_mlp_free(&net);  /* twice is safe */
    slope_mlp_free(NULL);
}
END_TEST

START_TEST(test_run_errors)
{
    slope_mlp_net net, empty = {0};
    double l, x[8];
    const double *t = slope_mlp_xor_t;
    ck_assert_int_eq(slope_mlp_xor_init(&net, W1X, W2X, 4), SLOPE_OK);
    memcpy(x, slope_mlp_xor_x, sizeof x);
    ck_assert_int_eq(slope_mlp_forward(NULL, &net, x, t), SLOPE_EINVAL);
    ck_assert_int_eq(slope_mlp_forward(&l, NULL, x, t), SLOPE_EINVAL);
    ck_assert_int_eq(slope_mlp_forward(&l, &empty, x, t), SLOPE_EINVAL);
    ck_assert_int_eq(slope_mlp_forward(&l, &net, NULL, t), SLOPE_EINVAL);
    ck_assert_int_eq(slope_mlp_forward(&l, &net, x, NULL), SLOPE_EINVAL);
    ck_assert_int_eq(slope_mlp_backward(NULL, x, t), SLOPE_EINVAL);
    ck_assert_int_eq(slope_mlp_backward(&empty, x, t), SLOPE_EINVAL);
    ck_assert_int_eq(slope_mlp_backward(&net, NULL, t), SLOPE_EINVAL);
    ck_assert_int_eq(slope_mlp_backward(&net, x, NULL), SLOPE_EINVAL);
    ck_assert_int_eq(slope_mlp_update(NULL, 0.5), SLOPE_EINVAL);
    ck_assert_int_eq(slope_mlp_update(&empty, 0.5), SLOPE_EINVAL);
    ck_assert_int_eq(slope_mlp_train_epoch(NULL, &net, x, t, 0.5), SLOPE_EINVAL);
    ck_assert_int_eq(slope_mlp_train(NULL, &net, x, t, 0.5, 0), SLOPE_EINVAL);
    ck_assert_int_eq(slope_mlp_train(NULL, NULL, x, t, 0.5, 3), SLOPE_EINVAL);
    ck_assert_int_eq(slope_mlp_gradcheck(NULL, &net, x, t, FD_STEP, FD_TINY), SLOPE_EINVAL);
    ck_assert_int_eq(slope_mlp_gradcheck(&l, &net, x, t, 0.0, FD_TINY), SLOPE_EINVAL);
    ck_assert_int_eq(slope_mlp_gradcheck(&l, &net, x, t, -FD_STEP, FD_TINY), SLOPE_EINVAL);
    ck_assert_int_eq(slope_mlp_gradcheck(&l, &net, x, t, FD_STEP, -1e-3), SLOPE_EINVAL);
    ck_assert_int_eq(slope_mlp_gradcheck(&l, &net, x, t, NAN, FD_TINY), SLOPE_EDOM);
    ck_assert_int_eq(slope_mlp_gradcheck(&l, &net, x, t, FD_STEP, INFINITY), SLOPE_EDOM);
    /* NaN/Inf data is refused before any work, by every entry point. */
    x[3] = NAN;
    ck_assert_int_eq(slope_mlp_forward(&l, &net, x, t), SLOPE_EDOM);
    ck_assert_int_eq(slope_mlp_train_epoch(&l, &net, x, t, 0.5), SLOPE_EDOM);
    ck_assert_int_eq(slope_mlp_train(NULL, &net, x, t, 0.5, 3), SLOPE_EDOM);
    ck_assert_int_eq(slope_mlp_gradcheck(&l, &net, x, t, FD_STEP, FD_TINY), SLOPE_EDOM);
    const double tinf[4] = {0, 1, INFINITY, 0};
    ck_assert_int_eq(slope_mlp_forward(&l, &net, slope_mlp_xor_x, tinf), SLOPE_EDOM);
    for (size_t i = 0; i < 8; i++)  /* the refused calls did not train */
        ck_assert_double_eq(net.w1[i], W1X[i]);
    slope_mlp_free(&net);
}
END_TEST

/* The learning rate: NaN/Inf -> EDOM, <= 0 -> EINVAL, for every entry point. */
static const double BAD_LR[] = {NAN, INFINITY, -INFINITY, 0.0, -0.5};
static const slope_status BAD_LR_WANT[] = {SLOPE_EDOM, SLOPE_EDOM, SLOPE_EDOM, SLOPE_EINVAL,
                                           SLOPE_EINVAL};

START_TEST(test_bad_lr)
{
    slope_mlp_net net;
    double l;
    const double *x = slope_mlp_xor_x, *t = slope_mlp_xor_t, lr = BAD_LR[_i];
    ck_assert_int_eq(slope_mlp_xor_init(&net, W1X, W2X, 4), SLOPE_OK);
    ck_assert_int_eq(slope_mlp_update(&net, lr), BAD_LR_WANT[_i]);
    ck_assert_int_eq(slope_mlp_train_epoch(&l, &net, x, t, lr), BAD_LR_WANT[_i]);
    ck_assert_int_eq(slope_mlp_train(NULL, &net, x, t, lr, 5), BAD_LR_WANT[_i]);
    for (size_t i = 0; i < 8; i++)
        ck_assert_double_eq(net.w1[i], W1X[i]);
    slope_mlp_free(&net);
}
END_TEST

/* A linear network with a huge step overflows: training stops with
 * SLOPE_EDIVERGED, keeps the losses up to the bad one, and does not apply
 * the update that the non-finite loss would have driven. */
START_TEST(test_diverged)
{
    const slope_mlp_shape s = {2, 4, 1, 4, SLOPE_MLP_IDENTITY, SLOPE_MLP_IDENTITY, SLOPE_MLP_MSE};
    slope_mlp_net net;
    double losses[200], l, before[17];
    for (size_t k = 0; k < 200; k++)
        losses[k] = -1.0;
    ck_assert_int_eq(slope_mlp_init(&net, &s, W1X, NULL, W2X, NULL), SLOPE_OK);
    ck_assert_uint_eq(net.nparams, sizeof before / sizeof before[0]);
    ck_assert_int_eq(slope_mlp_train(losses, &net, slope_mlp_xor_x, slope_mlp_xor_t, 37.5, 200),
                     SLOPE_EDIVERGED);
    size_t k = 0;
    while (k < 200 && isfinite(losses[k]) && losses[k] >= 0)
        k++;
    ck_assert_uint_lt(k, 199);
    ck_assert(!isfinite(losses[k]));
    ck_assert_double_eq(losses[k + 1], -1.0);
    memcpy(before, net.params, net.nparams * sizeof *before);
    ck_assert_int_eq(slope_mlp_forward(&l, &net, slope_mlp_xor_x, slope_mlp_xor_t),
                     SLOPE_EDIVERGED);
    ck_assert_int_eq(slope_mlp_train_epoch(&l, &net, slope_mlp_xor_x, slope_mlp_xor_t, 0.5),
                     SLOPE_EDIVERGED);
    ck_assert_int_eq(slope_mlp_gradcheck(&l, &net, slope_mlp_xor_x, slope_mlp_xor_t, FD_STEP,
                                         FD_TINY), SLOPE_EDIVERGED);
    for (size_t i = 0; i < net.nparams; i++)
        ck_assert(net.params[i] == before[i] || (isnan(net.params[i]) && isnan(before[i])));
    slope_mlp_free(&net);
}
END_TEST

/* ==== the loss as a function of the parameters ============================== */

enum { XP = 2 * XOR_HIDDEN + XOR_HIDDEN + XOR_HIDDEN + 1 }; /* w1 b1 w2 b2 */

static void xor_net(slope_mlp_net *net, double *p)
{
    size_t n;
    double *w = test_read_doubles("mlp/xor_init.txt", &n);
    ck_assert_int_eq(slope_mlp_xor_init(net, w, w + 2 * XOR_HIDDEN, XOR_HIDDEN), SLOPE_OK);
    free(w);
    ck_assert_uint_eq(net->nparams, XP);
    memcpy(p, net->params, XP * sizeof *p);
}

/* The adaptor's loss and gradient are the network's own forward and
 * backward, and its gradient matches central differences of its loss. */
START_TEST(test_objective_is_the_network)
{
    slope_mlp_net net;
    double p[XP], g[XP], fd[XP], work[XP], loss;
    xor_net(&net, p);
    slope_mlp_objective o = {&net, slope_mlp_xor_x, slope_mlp_xor_t};
    double f = slope_mlp_objective_loss(p, XP, &o);
    ck_assert_int_eq(slope_mlp_forward(&loss, &net, slope_mlp_xor_x, slope_mlp_xor_t), SLOPE_OK);
    ck_assert_double_eq(f, loss);
    slope_mlp_objective_grad(g, p, XP, &o);
    slope_mlp_zero_grad(&net);
    ck_assert_int_eq(slope_mlp_backward(&net, slope_mlp_xor_x, slope_mlp_xor_t), SLOPE_OK);
    ck_assert_mem_eq(g, net.grads, XP * sizeof *g);
    ck_assert_int_eq(slope_deriv_gradient(fd, slope_mlp_objective_loss, &o, p, XP, FD_STEP, work),
                     SLOPE_OK);
    for (size_t i = 0; i < XP; i++)
        ck_assert_double_le(fabs(g[i] - fd[i]), FD_REL * fmax(fmax(fabs(g[i]), fabs(fd[i])), FD_TINY));
    slope_mlp_free(&net);
}
END_TEST

/* The sharpness of the XOR loss at its initial weights: power iteration on
 * central Hessian-vector products of backprop's gradient, against the
 * largest |eigenvalue| of the 4-point finite-difference Hessian of the loss
 * VALUES (deriv.h) -- two routes that share nothing but the forward pass.
 * The 4-point Hessian with h = eps^(1/4) is good to about 1e-7 of its scale;
 * the products to about 1e-10. */
START_TEST(test_objective_sharpness)
{
    slope_mlp_net net;
    double p[XP], H[XP * XP], eig[XP], work[XP * XP], v[XP], pw[XP], hw[2 * XP];
    xor_net(&net, p);
    slope_mlp_objective o = {&net, slope_mlp_xor_x, slope_mlp_xor_t};
    ck_assert_int_eq(slope_deriv_hessian(H, slope_mlp_objective_loss, &o, p, XP,
                                         slope_deriv_step_second(1.0), work), SLOPE_OK);
    ck_assert_int_eq(slope_linalg_eigsym(eig, NULL, H, XP, work), SLOPE_OK);
    double want = fabs(eig[0]) > fabs(eig[XP - 1]) ? eig[0] : eig[XP - 1];
    double x0[XP];
    memcpy(x0, p, sizeof x0);
    slope_curvature_hessian h = {slope_mlp_objective_grad, &o, x0, hw};
    slope_curvature_eig res;
    for (size_t i = 0; i < XP; i++)
        v[i] = 1.0 + 0.1 * (double)i;
    ck_assert_int_eq(slope_curvature_power(&res, v, slope_curvature_hessian_apply, &h, XP, 1e-9,
                                           10000, pw), SLOPE_OK);
    ck_assert_double_le(fabs(res.lambda - want), 1e-6 * fabs(want));
    slope_mlp_free(&net);
}
END_TEST

START_TEST(test_objective_errors)
{
    slope_mlp_net net;
    double p[XP], g[XP];
    xor_net(&net, p);
    slope_mlp_objective o = {&net, slope_mlp_xor_x, slope_mlp_xor_t}, no_x = {&net, NULL, NULL};
    slope_mlp_objective no_net = {NULL, slope_mlp_xor_x, slope_mlp_xor_t};
    ck_assert(isnan(slope_mlp_objective_loss(p, XP - 1, &o)));
    ck_assert(isnan(slope_mlp_objective_loss(NULL, XP, &o)));
    ck_assert(isnan(slope_mlp_objective_loss(p, XP, NULL)));
    ck_assert(isnan(slope_mlp_objective_loss(p, XP, &no_net)));
    ck_assert(isnan(slope_mlp_objective_loss(p, XP, &no_x)));
    p[3] = NAN;
    ck_assert(isnan(slope_mlp_objective_loss(p, XP, &o)));
    slope_mlp_objective_grad(g, p, XP, &o);
    for (size_t i = 0; i < XP; i++)
        ck_assert(isnan(g[i]));
    slope_mlp_objective_grad(NULL, p, XP, &o); /* nothing to write: no crash */
    slope_mlp_free(&net);
}
END_TEST

Suite *make_mlp_suite(void)
{
    Suite *s = suite_create("mlp");
    TCase *tc = tcase_create("layers");
    tcase_add_loop_test(tc, test_act_gradcheck, 0, (int)NACTS);
    tcase_add_loop_test(tc, test_act_accumulates, 0, (int)NACTS);
    tcase_add_test(tc, test_act_values);
    tcase_add_test(tc, test_act_in_place);
    tcase_add_loop_test(tc, test_loss_gradcheck, 0, (int)NLOSSES);
    tcase_add_test(tc, test_mse_value);
    tcase_add_test(tc, test_bce_values);
    tcase_add_test(tc, test_bce_oracle_extremes);
    tcase_add_test(tc, test_dense_gradcheck);
    tcase_add_test(tc, test_dense_values);
    tcase_add_test(tc, test_dense_optional_grads);
    suite_add_tcase(s, tc);

    tc = tcase_create("network");
    tcase_add_test(tc, test_xor_losses_numpy);
    tcase_add_test(tc, test_xor_seed_output);
    tcase_add_test(tc, test_xor_epoch_equals_train);
    tcase_add_test(tc, test_xor_gradcheck);
    tcase_add_loop_test(tc, test_net_numpy, 0, NNETS);
    tcase_add_test(tc, test_objective_is_the_network);
    tcase_add_test(tc, test_objective_sharpness);
    suite_add_tcase(s, tc);

    tc = tcase_create("errors");
    tcase_add_test(tc, test_layer_errors);
    tcase_add_test(tc, test_layer_nan_propagates);
    tcase_add_loop_test(tc, test_init_bad_shape, 0,
                        (int)(sizeof BAD_SHAPES / sizeof BAD_SHAPES[0]));
    tcase_add_test(tc, test_init_errors);
    tcase_add_test(tc, test_run_errors);
    tcase_add_loop_test(tc, test_bad_lr, 0, (int)(sizeof BAD_LR / sizeof BAD_LR[0]));
    tcase_add_test(tc, test_diverged);
    tcase_add_test(tc, test_objective_errors);
    suite_add_tcase(s, tc);
    return s;
}
