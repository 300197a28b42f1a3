/*
 * mlp.h -- backpropagation through a small multilayer perceptron.
 *
 * Each layer is a `_forward` / `_backward` pair, declared side by side with
 * mirrored arguments, in the style of llm.c's train_gpt2.c:
 *
 *     X_forward (outputs..., inputs..., sizes)
 *     X_backward(d inputs..., d outputs, saved forward tensors..., sizes)
 *
 * Backward functions ACCUMULATE (`d += ...`) so that a tensor used twice
 * collects both contributions; the caller zeroes gradients once per step
 * (slope_mlp_zero_grad does it for a whole network).  On top of the layers
 * sits a two-layer network (in -> hidden -> out) with plain gradient descent,
 * enough for the course's XOR example, and a gradient check against central
 * differences.
 *
 * Dimension legend (every array is row-major and contiguous):
 *     B    rows in the batch
 *     IN   input features of a dense layer,  OUT  its output features
 *     H    hidden width of a network
 *     N    elements of an elementwise operation or a loss (B * width)
 *     x (B, IN)   W (IN, OUT)   b (OUT)   y = x W + b  (B, OUT)
 *
 * References: Rumelhart, Hinton & Williams, "Learning representations by
 * back-propagating errors", Nature 323 (1986); Goodfellow, Bengio &
 * Courville, Deep Learning (2016), sections 6.5 (back-propagation) and 3.10
 * (the logistic function and softplus).
 *
 * Error contract, shared by every function below unless it says otherwise:
 *   - a NULL required pointer or a zero size returns SLOPE_EINVAL and writes
 *     nothing;
 *   - the layer functions do not scan their data: a NaN or Inf in an input
 *     propagates to the outputs under IEEE arithmetic (a documented NaN);
 *   - the network functions validate their data and return SLOPE_EDOM on a
 *     NaN or Inf weight, input, target or learning rate, and SLOPE_EDIVERGED
 *     when the loss itself becomes NaN or Inf.
 * Outputs must not overlap inputs, except where a function allows it.
 */
#ifndef SLOPE_MLP_H
#define SLOPE_MLP_H

#include <stddef.h>

#include "status.h"

/* ---- dense (fully connected) layer ------------------------------------- */

/* y = x W + b.  y (B, OUT), x (B, IN), w (IN, OUT), b (OUT) or NULL for no
 * bias.  Each output is the sum over IN taken in index order, then the bias
 * is added, as in the textbook `x @ W + b`. */
slope_status slope_mlp_dense_forward(double *y, const double *x, const double *w,
                                     const double *b, size_t B, size_t in, size_t out);
/* dx += dy W^T,  dw += x^T dy,  db += sum over rows of dy.
 * dx (B, IN), dw (IN, OUT), db (OUT), dy (B, OUT), x (B, IN), w (IN, OUT).
 * dx and db may be NULL when those gradients are not wanted (the first
 * layer's input, a layer without bias); dw, dy, x, w are required. */
slope_status slope_mlp_dense_backward(double *dx, double *dw, double *db, const double *dy,
                                      const double *x, const double *w,
                                      size_t B, size_t in, size_t out);

/* ---- activations (elementwise over N values) --------------------------- */
/* Backward passes take the forward OUTPUT y, from which each derivative is
 * cheap and which a network keeps anyway; y may alias x in the forward. */

/* Logistic sigmoid y = 1 / (1 + e^-x).  For x < -709 e^-x overflows to Inf
 * and y is exactly 0, never NaN. */
slope_status slope_mlp_sigmoid_forward(double *y, const double *x, size_t n);
/* dx += dy * y (1 - y). */
slope_status slope_mlp_sigmoid_backward(double *dx, const double *dy, const double *y,
                                        size_t n);

/* y = tanh(x). */
slope_status slope_mlp_tanh_forward(double *y, const double *x, size_t n);
/* dx += dy * (1 - y^2). */
slope_status slope_mlp_tanh_backward(double *dx, const double *dy, const double *y,
                                     size_t n);

/* Rectified linear unit y = max(x, 0); a NaN input stays NaN. */
slope_status slope_mlp_relu_forward(double *y, const double *x, size_t n);
/* dx += dy where y > 0.  At the kink x = 0 the derivative is taken as 0 (the
 * subgradient most libraries choose). */
slope_status slope_mlp_relu_backward(double *dx, const double *dy, const double *y,
                                     size_t n);

/* ---- losses (scalar mean over all N elements) -------------------------- */
/* dloss is the gradient flowing into the loss (1.0 when it is the objective). */

/* Mean squared error: *loss = (1/N) sum (pred - target)^2. */
slope_status slope_mlp_mse_forward(double *loss, const double *pred, const double *target,
                                   size_t n);
/* dpred += dloss * 2 (pred - target) / N. */
slope_status slope_mlp_mse_backward(double *dpred, double dloss, const double *pred,
                                    const double *target, size_t n);

/* Binary cross-entropy FROM LOGITS z, targets t in [0, 1]:
 *     *loss = (1/N) sum [ max(z, 0) - t z + log1p(e^-|z|) ],
 * which equals -(1/N) sum [ t log p + (1 - t) log(1 - p) ] with p = sigmoid(z).
 * Logits, not probabilities, because a probability that rounds to 0 or 1
 * turns log p or log(1 - p) into -Inf, and near 1 the difference 1 - p has
 * already lost the digits the loss needs; the softplus form above is exact
 * to rounding for every finite z and its gradient is the well-conditioned
 * sigmoid(z) - t.  So the network's last layer is linear (identity) and the
 * sigmoid lives inside the loss.  Targets outside [0, 1] are not checked. */
slope_status slope_mlp_bce_logits_forward(double *loss, const double *z, const double *t,
                                          size_t n);
/* dz += dloss * (sigmoid(z) - t) / N. */
slope_status slope_mlp_bce_logits_backward(double *dz, double dloss, const double *z,
                                           const double *t, size_t n);

/* ---- a two-layer network: in -> hidden -> out -------------------------- */

typedef enum {
    SLOPE_MLP_SIGMOID = 0,
    SLOPE_MLP_TANH = 1,
    SLOPE_MLP_RELU = 2,
    SLOPE_MLP_IDENTITY = 3  /* no activation (a linear output layer) */
} slope_mlp_act;

typedef enum {
    SLOPE_MLP_MSE = 0,
    SLOPE_MLP_BCE_LOGITS = 1  /* needs out_act == SLOPE_MLP_IDENTITY */
} slope_mlp_loss;

typedef struct {
    size_t in, hidden, out;  /* layer widths IN, H, OUT */
    size_t batch;            /* rows B of every forward pass */
    slope_mlp_act hidden_act, out_act;
    slope_mlp_loss loss;
} slope_mlp_shape;

/* The network and everything one training step touches, in ONE allocation
 * made by slope_mlp_init, so training never allocates.  Read the fields;
 * change parameters only through the functions (or by writing into w1..b2
 * in place, which the gradient check itself does). */
typedef struct {
    slope_mlp_shape shape;
    size_t nparams;                 /* IN*H + H + H*OUT + OUT */
    double *params;                 /* w1 | b1 | w2 | b2, contiguous */
    double *grads;                  /* dw1 | db1 | dw2 | db2, same layout */
    double *w1, *b1, *w2, *b2;      /* (IN,H) (H) (H,OUT) (OUT) into params */
    double *dw1, *db1, *dw2, *db2;  /* into grads */
    double *z1, *a1, *z2, *a2;      /* last forward pass: (B,H) (B,H) (B,OUT) (B,OUT) */
    double *dz1, *da1, *dz2, *da2;  /* last backward pass, same shapes */
    double loss;                    /* loss of the last forward pass */
} slope_mlp_net;

/* Build a network of the given shape from initial weights w1 (IN, H) and
 * w2 (H, OUT), and biases b1 (H), b2 (OUT), either of which may be NULL for
 * zeros.  The arrays are copied.  Errors: NULL net/shape/w1/w2 or a zero
 * width/batch -> SLOPE_EINVAL; an unknown activation or loss, or
 * SLOPE_MLP_BCE_LOGITS with an output activation other than the identity ->
 * SLOPE_EINVAL; a NaN/Inf weight -> SLOPE_EDOM; sizes too large to allocate
 * -> SLOPE_ENOMEM.  On any error *net is left empty, safe to free. */
slope_status slope_mlp_init(slope_mlp_net *net, const slope_mlp_shape *shape,
                            const double *w1, const double *b1,
                            const double *w2, const double *b2);
/* Release what slope_mlp_init allocated and empty *net.  NULL-safe and safe
 * to call twice. */
void slope_mlp_free(slope_mlp_net *net);

/* The course's XOR network: 2 -> H -> 1, sigmoid hidden and output, MSE over
 * the 4 rows of slope_mlp_xor_x / slope_mlp_xor_t, zero biases.  w1 (2, H),
 * w2 (H, 1).  Errors as slope_mlp_init. */
slope_status slope_mlp_xor_init(slope_mlp_net *net, const double *w1, const double *w2,
                                size_t hidden);
extern const double slope_mlp_xor_x[8];  /* (4, 2): rows 00, 01, 10, 11 */
extern const double slope_mlp_xor_t[4];  /* (4, 1): 0 1 1 0 */

/* Forward pass over x (B, IN) with targets t (B, OUT): fills z1..a2 and
 * net->loss, and writes the loss to *loss.  Errors: NULL -> SLOPE_EINVAL;
 * NaN/Inf in x or t -> SLOPE_EDOM; a NaN/Inf loss -> SLOPE_EDIVERGED (the
 * activations are still filled). */
slope_status slope_mlp_forward(double *loss, slope_mlp_net *net, const double *x,
                               const double *t);
/* Set every parameter gradient (dw1..db2) to zero.  NULL-safe (a no-op). */
void slope_mlp_zero_grad(slope_mlp_net *net);
/* Backward pass for the last forward pass (same x and t): accumulates the
 * loss gradient into dw1..db2 (call slope_mlp_zero_grad first) and refills
 * dz1..da2.  It reads the activations slope_mlp_forward stored (all zero
 * before the first forward pass).  Errors: NULL -> SLOPE_EINVAL; x and t are
 * not re-validated (the forward pass did that). */
slope_status slope_mlp_backward(slope_mlp_net *net, const double *x, const double *t);
/* Plain gradient descent p -= lr * g over all parameters.  Errors: NULL ->
 * SLOPE_EINVAL; lr NaN/Inf -> SLOPE_EDOM; lr <= 0 -> SLOPE_EINVAL. */
slope_status slope_mlp_update(slope_mlp_net *net, double lr);

/* One full-batch epoch: forward, zero_grad, backward, update.  Every
 * gradient is computed from the weights before the update.  *loss gets the
 * loss BEFORE the update, and net->a2 keeps that forward pass's outputs.
 * Errors: as slope_mlp_forward and slope_mlp_update; on SLOPE_EDIVERGED the
 * weights are not updated. */
slope_status slope_mlp_train_epoch(double *loss, slope_mlp_net *net, const double *x,
                                   const double *t, double lr);
/* `epochs` calls of slope_mlp_train_epoch, losses[k] = loss of epoch k
 * (losses may be NULL).  x, t and lr are validated once.  Errors: as
 * slope_mlp_train_epoch, epochs == 0 -> SLOPE_EINVAL; on SLOPE_EDIVERGED the
 * losses up to and including the bad one are recorded and training stops.
 * Afterwards net->a2 holds the outputs of the last forward pass, which
 * precedes the final update: "final predictions" read from it are one update old. */
slope_status slope_mlp_train(double *losses, slope_mlp_net *net, const double *x,
                             const double *t, double lr, size_t epochs);

/* ---- the loss as a function of a flat parameter vector ---------------------- */

/* A network, a batch and its targets, seen as f: R^nparams -> R, so that the
 * generic tools apply to it: deriv.h's differences, optim.h's optimizers,
 * curvature.h's Hessian-vector products and power iteration (the sharpness
 * lambda_max of the loss).  Pass a pointer to this struct as `params`.
 * x (B, IN) and t (B, OUT) are validated by slope_mlp_forward when used. */
typedef struct {
    slope_mlp_net *net;
    const double *x, *t;
} slope_mlp_objective;

/* A slope_fn_n: copies p (n = net->nparams doubles) into net->params, runs
 * a forward pass and returns the loss.  NaN when objective, its net, x or t
 * is NULL, n is not nparams, or the forward pass fails (a NaN/Inf input).
 * Overwrites the network's parameters and activations. */
double slope_mlp_objective_loss(const double *p, size_t n, void *objective);
/* A slope_grad_fn: g (n doubles) = the loss gradient at p, by a forward and
 * a backward pass after copying p into net->params.  g is filled with NaN
 * under the conditions that make slope_mlp_objective_loss NaN.
 * Overwrites the network's parameters, gradients and activations. */
void slope_mlp_objective_grad(double *g, const double *p, size_t n, void *objective);

/* Gradient check: compares backprop's gradient at the current parameters
 * with the central difference (L(p + h_i) - L(p - h_i)) / (2 h_i), with
 * h_i = h * max(1, |p_i|), for every parameter, and writes the worst
 *     |g_i - c_i| / max(|g_i|, |c_i|, tiny)
 * to *worst_rel.  `tiny` keeps entries that are zero up to round-off from
 * dominating: the difference quotient carries an absolute error near
 * DBL_EPSILON * |L| / h, so pick tiny well above that (0 for a pure
 * relative error).  A good h is cbrt(DBL_EPSILON) ~ 6e-6, which balances
 * that rounding error against the O(h^2) truncation.  Parameters are
 * restored bit for bit; grads and activations end as one forward + backward
 * at those parameters.  Errors: NULL -> SLOPE_EINVAL; h or tiny NaN/Inf ->
 * SLOPE_EDOM; h <= 0 or tiny < 0 -> SLOPE_EINVAL; plus slope_mlp_forward's. */
slope_status slope_mlp_gradcheck(double *worst_rel, slope_mlp_net *net, const double *x,
                                 const double *t, double h, double tiny);

#endif
