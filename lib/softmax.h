/*
 * softmax.h -- log-sum-exp, softmax, and the cross-entropy of logits.
 *
 * A classifier's last layer produces logits z; softmax turns a row of them
 * into probabilities p_j = e^(z_j) / sum_k e^(z_k), and the cross-entropy
 * against a target distribution y is L = -sum_j y_j log p_j.  Written
 * naively, both break in double precision: e^z overflows to Inf for
 * z > 709.78 (then Inf/Inf = NaN) and underflows to 0 below about -745
 * (then log 0 = -Inf).  Everything here rests on one identity: adding a
 * constant to every logit of a row changes neither p nor L, so each row is
 * shifted by its maximum m first,
 *
 *     lse(z) = log sum_k e^(z_k) = m + log sum_k e^(z_k - m),
 *
 * where every exponent is <= 0 (nothing overflows) and one of them is 0 (the
 * sum lies in [1, C], so its log neither underflows nor loses digits).  The
 * loss is then computed as sum_j y_j (lse - z_j), never through log p_j,
 * which is -Inf as soon as p_j underflows although the loss is finite.
 *
 * The backward pass of softmax followed by cross-entropy collapses to
 * dL/dz = p - y (for targets that sum to 1): the softmax Jacobian
 * dp_i/dz_j = p_i (delta_ij - p_j) contracted with dL/dp_i = -y_i / p_i.
 * Both the fused pair and softmax's own forward/backward pair are here, so
 * the fused gradient can be checked against the chain rule.
 *
 * Dimension legend (row-major, contiguous):
 *     B  rows (examples)       C  classes
 *     z (B, C) logits    p (B, C) probabilities    y (B, C) targets, each
 *     row a distribution (one-hot labels or soft targets)
 * Losses are means over the B rows, as mlp.h's losses are means.
 * Backward functions ACCUMULATE (dz += ...), as in mlp.h.
 *
 * References: Goodfellow, Bengio & Courville, Deep Learning (2016),
 * section 4.1 (overflow and underflow of softmax) and 6.2.2.3; Blanchard,
 * Higham & Higham, "Accurately computing the log-sum-exp and softmax
 * functions", IMA J. Numer. Anal. 41(4), 2021 (the shifted algorithms and
 * their error bounds).  The binary case -- one logit, sigmoid and BCE --
 * is mlp.h's slope_mlp_bce_logits_forward / _backward.
 *
 * Error contract, shared by every function below unless it says otherwise:
 *   - a NULL required pointer or a zero size returns SLOPE_EINVAL and writes
 *     nothing;
 *   - the data are not scanned (as in mlp.h's layers): finite logits of any
 *     magnitude give finite results; a logit of -Inf is a class of
 *     probability exactly 0 (allowed while one logit of its row is finite);
 *     a logit of +Inf or NaN makes its row's results NaN.
 * Outputs must not overlap inputs, except where a function allows it.
 */
#ifndef SLOPE_SOFTMAX_H
#define SLOPE_SOFTMAX_H

#include <stddef.h>

#include "status.h"

/* log(sum_j e^(z_j)) over z[0..n-1], shifted by max z as above: finite for
 * any finite z, with an absolute error of a few eps (|max z| + n) (the
 * shift is exact; the sum carries n roundings).  Returns -Inf when
 * every z_j is -Inf (the log of an empty sum), +Inf when some z_j is +Inf,
 * NaN when a z_j is NaN, z is NULL or n == 0. */
double slope_softmax_logsumexp(const double *z, size_t n);

/* ---- softmax: forward/backward ------------------------------------------- */

/* p[b, j] = e^(z[b, j] - lse(z[b, :])), row by row, computed as
 * e^(z - m) / sum e^(z - m).  Each row of p sums to 1 within rounding;
 * a p_j below about 1e-308 rounds to 0 (never NaN).  p may alias z. */
slope_status slope_softmax_forward(double *p, const double *z, size_t B, size_t C);
/* dz[b, j] += p[b, j] (dp[b, j] - sum_i dp[b, i] p[b, i]): the vector-Jacobian
 * product with the softmax Jacobian diag(p) - p p^T of each row.
 * dz (B, C), dp (B, C), p (B, C) the forward output. */
slope_status slope_softmax_backward(double *dz, const double *dp, const double *p,
                                    size_t B, size_t C);

/* J = diag(p) - p p^T, the C x C Jacobian dp_i/dz_j of softmax at one row
 * whose probabilities are p (C): what the backward pass multiplies by,
 * written out for inspection.  J is symmetric, and each of its rows sums
 * to 0 (shifting every logit changes nothing). */
slope_status slope_softmax_jacobian(double *J, const double *p, size_t C);

/* ---- softmax + cross-entropy: forward/backward ---------------------------- */

/* *loss = (1/B) sum_b sum_j y[b, j] (lse(z[b, :]) - z[b, j]), which equals
 * -(1/B) sum_b sum_j y[b, j] log softmax(z[b, :])_j.  Terms with
 * y[b, j] == 0 are skipped, so a class that is impossible in the target
 * costs nothing even when its logit is -Inf.  p (B, C) receives the
 * probabilities that the backward pass needs; pass NULL to skip them.
 * Targets are not checked (negative entries or rows not summing to 1 give
 * the value of the formula above). */
slope_status slope_softmax_xent_forward(double *loss, double *p, const double *z,
                                        const double *y, size_t B, size_t C);
/* dz[b, j] += dloss / B * (p[b, j] s_b - y[b, j]), s_b = sum_j y[b, j]: the
 * exact gradient of the loss above, which is dloss / B * (p - y) for
 * targets that are distributions (s_b = 1).  p is the forward's output;
 * dloss the gradient flowing into the loss (1.0 when it is the objective).
 * dz may not alias p or y. */
slope_status slope_softmax_xent_backward(double *dz, double dloss, const double *p,
                                         const double *y, size_t B, size_t C);

#endif
