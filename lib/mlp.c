/*
 * mlp.c -- backpropagation through a small multilayer perceptron.
 * See mlp.h for the shapes, the references and the error contract.
 *
 * Each public layer function checks its arguments and calls a static kernel
 * that does not; the network calls the kernels directly, because its shapes
 * were validated once in slope_mlp_init.
 */
#include "mlp.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ==== kernels ============================================================= */

/* y (B,OUT) = x (B,IN) w (IN,OUT) + b (OUT).  A row of y is built one input
 * at a time so the inner loop runs along contiguous rows of w and y; every
 * y[r,o] is still summed over i in index order before b[o] is added. */
static void dense_fwd(double *y, const double *x, const double *w, const double *b,
                      size_t B, size_t in, size_t out)
{
    for (size_t r = 0; r < B; r++) {
        double *yr = y + r * out;
        const double *xr = x + r * in;
        for (size_t o = 0; o < out; o++)
            yr[o] = 0.0;
        for (size_t i = 0; i < in; i++) {
            const double xi = xr[i], *wi = w + i * out;
            for (size_t o = 0; o < out; o++)
                yr[o] += xi * wi[o];
        }
        if (b)
            for (size_t o = 0; o < out; o++)
                yr[o] += b[o];
    }
}

/* dx += dy w^T, dw += x^T dy, db += colsum(dy); one sweep over the batch. */
static void dense_bwd(double *dx, double *dw, double *db, const double *dy,
                      const double *x, const double *w, size_t B, size_t in, size_t out)
{
    for (size_t r = 0; r < B; r++) {
        const double *dyr = dy + r * out, *xr = x + r * in;
        for (size_t i = 0; i < in; i++) {
            const double *wi = w + i * out;
            double *dwi = dw + i * out, s = 0.0;
            for (size_t o = 0; o < out; o++) {
                s += dyr[o] * wi[o];
                dwi[o] += xr[i] * dyr[o];
            }
            if (dx)
                dx[r * in + i] += s;
        }
        if (db)
            for (size_t o = 0; o < out; o++)
                db[o] += dyr[o];
    }
}

/* 1 / (1 + e^-x) is accurate to a few ulps for every x: for x << 0 the
 * quotient of two accurate numbers, and e^-x = Inf gives the exact limit 0. */
static double logistic(double x)
{
    return 1.0 / (1.0 + exp(-x));
}

/* The activation is chosen once per call, not once per element. */
static void act_fwd(slope_mlp_act act, double *y, const double *x, size_t n)
{
    switch (act) {
    case SLOPE_MLP_SIGMOID:
        for (size_t i = 0; i < n; i++)
            y[i] = logistic(x[i]);
        break;
    case SLOPE_MLP_TANH:
        for (size_t i = 0; i < n; i++)
            y[i] = tanh(x[i]);
        break;
    case SLOPE_MLP_RELU:
        for (size_t i = 0; i < n; i++)
            y[i] = x[i] < 0.0 ? 0.0 : x[i];
        break;
    default:
        if (y != x)
            memcpy(y, x, n * sizeof *y);
        break;
    }
}

/* Derivatives from the forward output y; the product is grouped as
 * dy * f'(y) so it rounds like the textbook dL/dz = dL/dy * dy/dz. */
static void act_bwd(slope_mlp_act act, double *dx, const double *dy, const double *y,
                    size_t n)
{
    switch (act) {
    case SLOPE_MLP_SIGMOID:
        for (size_t i = 0; i < n; i++)
            dx[i] += dy[i] * (y[i] * (1.0 - y[i]));
        break;
    case SLOPE_MLP_TANH:
        for (size_t i = 0; i < n; i++)
            dx[i] += dy[i] * (1.0 - y[i] * y[i]);
        break;
    case SLOPE_MLP_RELU:
        for (size_t i = 0; i < n; i++)
            dx[i] += y[i] > 0.0 ? dy[i] : 0.0;
        break;
    default:
        for (size_t i = 0; i < n; i++)
            dx[i] += dy[i];
        break;
    }
}

static double mse_fwd(const double *p, const double *t, size_t n)
{
    double s = 0.0;
    for (size_t i = 0; i < n; i++) {
        const double d = p[i] - t[i];
        s += d * d;
    }
    return s / (double)n;
}

static void mse_bwd(double *dp, double dloss, const double *p, const double *t, size_t n)
{
    for (size_t i = 0; i < n; i++)
        dp[i] += dloss * (2.0 * (p[i] - t[i]) / (double)n);
}

/* -[t log s(z) + (1-t) log(1 - s(z))] = softplus(z) - t z, and
 * softplus(z) = max(z, 0) + log1p(e^-|z|) never overflows. */
static double bce_fwd(const double *z, const double *t, size_t n)
{
    double s = 0.0;
    for (size_t i = 0; i < n; i++)
        s += (z[i] > 0.0 ? z[i] : 0.0) - t[i] * z[i] + log1p(exp(-fabs(z[i])));
    return s / (double)n;
}

static void bce_bwd(double *dz, double dloss, const double *z, const double *t, size_t n)
{
    for (size_t i = 0; i < n; i++)
        dz[i] += dloss * ((logistic(z[i]) - t[i]) / (double)n);
}

/* ==== layer API =========================================================== */

slope_status slope_mlp_dense_forward(double *y, const double *x, const double *w,
                                     const double *b, size_t B, size_t in, size_t out)
{
    if (!y || !x || !w || B == 0 || in == 0 || out == 0)
        return SLOPE_EINVAL;
    dense_fwd(y, x, w, b, B, in, out);
    return SLOPE_OK;
}

slope_status slope_mlp_dense_backward(double *dx, double *dw, double *db, const double *dy,
                                      const double *x, const double *w,
                                      size_t B, size_t in, size_t out)
{
    if (!dw || !dy || !x || !w || B == 0 || in == 0 || out == 0)
        return SLOPE_EINVAL;
    dense_bwd(dx, dw, db, dy, x, w, B, in, out);
    return SLOPE_OK;
}

static slope_status act_forward(slope_mlp_act act, double *y, const double *x, size_t n)
{
    if (!y || !x || n == 0)
        return SLOPE_EINVAL;
    act_fwd(act, y, x, n);
    return SLOPE_OK;
}

static slope_status act_backward(slope_mlp_act act, double *dx, const double *dy,
                                 const double *y, size_t n)
{
    if (!dx || !dy || !y || n == 0)
        return SLOPE_EINVAL;
    act_bwd(act, dx, dy, y, n);
    return SLOPE_OK;
}

slope_status slope_mlp_sigmoid_forward(double *y, const double *x, size_t n)
{
    return act_forward(SLOPE_MLP_SIGMOID, y, x, n);
}

slope_status slope_mlp_sigmoid_backward(double *dx, const double *dy, const double *y,
                                        size_t n)
{
    return act_backward(SLOPE_MLP_SIGMOID, dx, dy, y, n);
}

slope_status slope_mlp_tanh_forward(double *y, const double *x, size_t n)
{
    return act_forward(SLOPE_MLP_TANH, y, x, n);
}

slope_status slope_mlp_tanh_backward(double *dx, const double *dy, const double *y,
                                     size_t n)
{
    return act_backward(SLOPE_MLP_TANH, dx, dy, y, n);
}

slope_status slope_mlp_relu_forward(double *y, const double *x, size_t n)
{
    return act_forward(SLOPE_MLP_RELU, y, x, n);
}

slope_status slope_mlp_relu_backward(double *dx, const double *dy, const double *y,
                                     size_t n)
{
    return act_backward(SLOPE_MLP_RELU, dx, dy, y, n);
}

slope_status slope_mlp_mse_forward(double *loss, const double *pred, const double *target,
                                   size_t n)
{
    if (!loss || !pred || !target || n == 0)
        return SLOPE_EINVAL;
    *loss = mse_fwd(pred, target, n);
    return SLOPE_OK;
}

slope_status slope_mlp_mse_backward(double *dpred, double dloss, const double *pred,
                                    const double *target, size_t n)
{
    if (!dpred || !pred || !target || n == 0)
        return SLOPE_EINVAL;
    mse_bwd(dpred, dloss, pred, target, n);
    return SLOPE_OK;
}

slope_status slope_mlp_bce_logits_forward(double *loss, const double *z, const double *t,
                                          size_t n)
{
    if (!loss || !z || !t || n == 0)
        return SLOPE_EINVAL;
    *loss = bce_fwd(z, t, n);
    return SLOPE_OK;
}

slope_status slope_mlp_bce_logits_backward(double *dz, double dloss, const double *z,
                                           const double *t, size_t n)
{
    if (!dz || !z || !t || n == 0)
        return SLOPE_EINVAL;
    bce_bwd(dz, dloss, z, t, n);
    return SLOPE_OK;
}

/* ==== the two-layer network =============================================== */

const double slope_mlp_xor_x[8] = {0, 0, 0, 1, 1, 0, 1, 1};
const double slope_mlp_xor_t[4] = {0, 1, 1, 0};

static int all_finite(const double *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!isfinite(v[i]))
            return 0;
    return 1;
}

/* a * b + c without wrapping; returns 0 on overflow. */
static int muladd(size_t *r, size_t a, size_t b, size_t c)
{
    if (b != 0 && a > (SIZE_MAX - c) / b)
        return 0;
    *r = a * b + c;
    return 1;
}

/* Parameter count and activation count (z, a, dz, da of both layers);
 * returns 0 when either does not fit in a size_t. */
static int net_sizes(const slope_mlp_shape *s, size_t *np, size_t *nact)
{
    size_t l1, l2, bh, bho;
    if (!muladd(&l1, s->in, s->hidden, s->hidden) || !muladd(&l2, s->hidden, s->out, s->out))
        return 0;
    if (l1 > SIZE_MAX - l2 || !muladd(&bh, s->batch, s->hidden, 0)
        || !muladd(&bho, s->batch, s->out, bh) || !muladd(nact, bho, 4, 0))
        return 0;
    *np = l1 + l2;
    return 1;
}

static slope_status check_shape(const slope_mlp_shape *s)
{
    if (s->in == 0 || s->hidden == 0 || s->out == 0 || s->batch == 0)
        return SLOPE_EINVAL;
    if ((unsigned)s->hidden_act > SLOPE_MLP_IDENTITY || (unsigned)s->out_act > SLOPE_MLP_IDENTITY)
        return SLOPE_EINVAL;
    if ((unsigned)s->loss > SLOPE_MLP_BCE_LOGITS)
        return SLOPE_EINVAL;
    if (s->loss == SLOPE_MLP_BCE_LOGITS && s->out_act != SLOPE_MLP_IDENTITY)
        return SLOPE_EINVAL;
    return SLOPE_OK;
}

/* Point the named arrays into one block: params | grads | z1 a1 z2 a2 |
 * da2 dz2 da1 dz1 (the last four adjacent, so one memset clears them). */
static void carve(slope_mlp_net *net, double *mem)
{
    const slope_mlp_shape *s = &net->shape;
    const size_t bh = s->batch * s->hidden, bo = s->batch * s->out;
    double *p = mem, *g = mem + net->nparams, *a = g + net->nparams;
    net->params = p, net->grads = g;
    net->w1 = p, net->b1 = p + s->in * s->hidden;
    net->w2 = net->b1 + s->hidden, net->b2 = net->w2 + s->hidden * s->out;
    net->dw1 = g, net->db1 = g + s->in * s->hidden;
    net->dw2 = net->db1 + s->hidden, net->db2 = net->dw2 + s->hidden * s->out;
    net->z1 = a, net->a1 = a + bh, net->z2 = a + 2 * bh, net->a2 = a + 2 * bh + bo;
    a += 2 * (bh + bo);
    net->da2 = a, net->dz2 = a + bo, net->da1 = a + 2 * bo, net->dz1 = a + 2 * bo + bh;
}

slope_status slope_mlp_init(slope_mlp_net *net, const slope_mlp_shape *shape,
                            const double *w1, const double *b1,
                            const double *w2, const double *b2)
{
    if (!net)
        return SLOPE_EINVAL;
    memset(net, 0, sizeof *net);
    if (!shape || !w1 || !w2)
        return SLOPE_EINVAL;
    slope_status st = check_shape(shape);
    if (st != SLOPE_OK)
        return st;
    const size_t in = shape->in, h = shape->hidden, out = shape->out;
    size_t np, nact, total;
    if (!net_sizes(shape, &np, &nact) || !muladd(&total, np, 2, nact))
        return SLOPE_ENOMEM;
    if (!all_finite(w1, in * h) || !all_finite(w2, h * out) || (b1 && !all_finite(b1, h))
        || (b2 && !all_finite(b2, out)))
        return SLOPE_EDOM;
    double *mem = calloc(total, sizeof *mem);
    if (!mem)
        return SLOPE_ENOMEM;
    net->shape = *shape;
    net->nparams = np;
    carve(net, mem);
    memcpy(net->w1, w1, in * h * sizeof *w1);
    memcpy(net->w2, w2, h * out * sizeof *w2);
    if (b1)
        memcpy(net->b1, b1, h * sizeof *b1);
    if (b2)
        memcpy(net->b2, b2, out * sizeof *b2);
    return SLOPE_OK;
}

void slope_mlp_free(slope_mlp_net *net)
{
    if (!net)
        return;
    free(net->params);
    memset(net, 0, sizeof *net);
}

slope_status slope_mlp_xor_init(slope_mlp_net *net, const double *w1, const double *w2,
                                size_t hidden)
{
    const slope_mlp_shape s = {.in = 2, .hidden = hidden, .out = 1, .batch = 4,
                               .hidden_act = SLOPE_MLP_SIGMOID, .out_act = SLOPE_MLP_SIGMOID,
                               .loss = SLOPE_MLP_MSE};
    return slope_mlp_init(net, &s, w1, NULL, w2, NULL);
}

/* One forward pass, no validation; returns the loss. */
static double forward_pass(slope_mlp_net *net, const double *x, const double *t)
{
    const slope_mlp_shape *s = &net->shape;
    const size_t bo = s->batch * s->out;
    dense_fwd(net->z1, x, net->w1, net->b1, s->batch, s->in, s->hidden);
    act_fwd(s->hidden_act, net->a1, net->z1, s->batch * s->hidden);
    dense_fwd(net->z2, net->a1, net->w2, net->b2, s->batch, s->hidden, s->out);
    act_fwd(s->out_act, net->a2, net->z2, bo);
    net->loss = s->loss == SLOPE_MLP_MSE ? mse_fwd(net->a2, t, bo) : bce_fwd(net->a2, t, bo);
    return net->loss;
}

/* The chain rule, layer by layer from the loss back to W1.  With BCE the
 * output activation is the identity, so a2 holds the logits. */
static void backward_pass(slope_mlp_net *net, const double *x, const double *t)
{
    const slope_mlp_shape *s = &net->shape;
    const size_t bh = s->batch * s->hidden, bo = s->batch * s->out;
    memset(net->da2, 0, 2 * (bh + bo) * sizeof *net->da2);
    if (s->loss == SLOPE_MLP_MSE)
        mse_bwd(net->da2, 1.0, net->a2, t, bo);
    else
        bce_bwd(net->da2, 1.0, net->a2, t, bo);
    act_bwd(s->out_act, net->dz2, net->da2, net->a2, bo);
    /* da1 is formed here, from W2 before any update (the update comes later). */
    dense_bwd(net->da1, net->dw2, net->db2, net->dz2, net->a1, net->w2, s->batch, s->hidden,
              s->out);
    act_bwd(s->hidden_act, net->dz1, net->da1, net->a1, bh);
    dense_bwd(NULL, net->dw1, net->db1, net->dz1, x, net->w1, s->batch, s->in, s->hidden);
}

static void sgd_step(slope_mlp_net *net, double lr)
{
    for (size_t i = 0; i < net->nparams; i++)
        net->params[i] -= lr * net->grads[i];
}

/* NULL checks plus finiteness of one batch of inputs and targets. */
static slope_status check_batch(const slope_mlp_net *net, const double *x, const double *t)
{
    if (!net || !net->params || !x || !t)
        return SLOPE_EINVAL;
    const slope_mlp_shape *s = &net->shape;
    if (!all_finite(x, s->batch * s->in) || !all_finite(t, s->batch * s->out))
        return SLOPE_EDOM;
    return SLOPE_OK;
}

static slope_status check_lr(double lr)
{
    if (!isfinite(lr))
        return SLOPE_EDOM;
    return lr > 0.0 ? SLOPE_OK : SLOPE_EINVAL;
}

slope_status slope_mlp_forward(double *loss, slope_mlp_net *net, const double *x,
                               const double *t)
{
    if (!loss)
        return SLOPE_EINVAL;
    slope_status st = check_batch(net, x, t);
    if (st != SLOPE_OK)
        return st;
    *loss = forward_pass(net, x, t);
    return isfinite(*loss) ? SLOPE_OK : SLOPE_EDIVERGED;
}

void slope_mlp_zero_grad(slope_mlp_net *net)
{
    if (net && net->grads)
        memset(net->grads, 0, net->nparams * sizeof *net->grads);
}

slope_status slope_mlp_backward(slope_mlp_net *net, const double *x, const double *t)
{
    if (!net || !net->params || !x || !t)
        return SLOPE_EINVAL;
    backward_pass(net, x, t);
    return SLOPE_OK;
}

slope_status slope_mlp_update(slope_mlp_net *net, double lr)
{
    if (!net || !net->params)
        return SLOPE_EINVAL;
    slope_status st = check_lr(lr);
    if (st != SLOPE_OK)
        return st;
    sgd_step(net, lr);
    return SLOPE_OK;
}

/* One validated-elsewhere epoch: the loss is taken before the update. */
static slope_status epoch(double *loss, slope_mlp_net *net, const double *x, const double *t,
                          double lr)
{
    *loss = forward_pass(net, x, t);
    if (!isfinite(*loss))
        return SLOPE_EDIVERGED;
    slope_mlp_zero_grad(net);
    backward_pass(net, x, t);
    sgd_step(net, lr);
    return SLOPE_OK;
}

slope_status slope_mlp_train_epoch(double *loss, slope_mlp_net *net, const double *x,
                                   const double *t, double lr)
{
    if (!loss)
        return SLOPE_EINVAL;
    slope_status st = check_batch(net, x, t);
    if (st == SLOPE_OK)
        st = check_lr(lr);
    return st != SLOPE_OK ? st : epoch(loss, net, x, t, lr);
}

slope_status slope_mlp_train(double *losses, slope_mlp_net *net, const double *x,
                             const double *t, double lr, size_t epochs)
{
    slope_status st = check_batch(net, x, t);
    if (st == SLOPE_OK)
        st = check_lr(lr);
    if (st == SLOPE_OK && epochs == 0)
        st = SLOPE_EINVAL;
    for (size_t k = 0; st == SLOPE_OK && k < epochs; k++) {
        double loss;
        st = epoch(&loss, net, x, t, lr);
        if (losses)
            losses[k] = loss;
    }
    return st;
}

/* Central difference of the loss in parameter i, restoring it exactly.  The
 * divisor is the step actually taken, (p + hi) - (p - hi), not 2 hi. */
static double central_diff(slope_mlp_net *net, size_t i, const double *x, const double *t,
                           double h)
{
    const double p = net->params[i], hi = h * fmax(1.0, fabs(p));
    const double up = p + hi, down = p - hi;
    net->params[i] = up;
    const double lu = forward_pass(net, x, t);
    net->params[i] = down;
    const double ld = forward_pass(net, x, t);
    net->params[i] = p;
    return (lu - ld) / (up - down);
}

slope_status slope_mlp_gradcheck(double *worst_rel, slope_mlp_net *net, const double *x,
                                 const double *t, double h, double tiny)
{
    if (!worst_rel)
        return SLOPE_EINVAL;
    slope_status st = check_batch(net, x, t);
    if (st == SLOPE_OK && (!isfinite(h) || !isfinite(tiny)))
        st = SLOPE_EDOM;
    if (st == SLOPE_OK && (h <= 0.0 || tiny < 0.0))
        st = SLOPE_EINVAL;
    if (st != SLOPE_OK || !isfinite(forward_pass(net, x, t)))
        return st != SLOPE_OK ? st : SLOPE_EDIVERGED;
    slope_mlp_zero_grad(net);
    backward_pass(net, x, t);
    double worst = 0.0;
    for (size_t i = 0; i < net->nparams; i++) {
        const double g = net->grads[i], c = central_diff(net, i, x, t, h);
        const double den = fmax(fmax(fabs(g), fabs(c)), tiny);
        const double e = den > 0.0 ? fabs(g - c) / den : 0.0;
        if (isnan(e)) {  /* a non-finite loss at a perturbed point */
            worst = e;
            break;
        }
        worst = fmax(worst, e);
    }
    forward_pass(net, x, t);  /* leave the activations at the restored parameters */
    *worst_rel = worst;
    return isfinite(worst) ? SLOPE_OK : SLOPE_EDIVERGED;
}

/* ==== the loss as a function of a flat parameter vector ===================== */

/* Load p into the network and run the forward pass; NaN when that fails. */
static double objective_forward(const double *p, size_t n, const slope_mlp_objective *o)
{
    if (!o || !o->net || !o->net->params || !p || n != o->net->nparams)
        return NAN;
    memcpy(o->net->params, p, n * sizeof *p);
    double loss;
    return slope_mlp_forward(&loss, o->net, o->x, o->t) == SLOPE_OK ? loss : NAN;
}

double slope_mlp_objective_loss(const double *p, size_t n, void *objective)
{
    return objective_forward(p, n, objective);
}

void slope_mlp_objective_grad(double *g, const double *p, size_t n, void *objective)
{
    const slope_mlp_objective *o = objective;
    if (!g)
        return;
    if (isnan(objective_forward(p, n, o))) {
        for (size_t i = 0; i < n; i++)
            g[i] = NAN;
        return;
    }
    slope_mlp_zero_grad(o->net);
    backward_pass(o->net, o->x, o->t);
    memcpy(g, o->net->grads, n * sizeof *g);
}
