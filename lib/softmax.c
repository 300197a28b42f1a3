/*
 * softmax.c -- log-sum-exp, softmax and softmax cross-entropy, each row
 * shifted by its maximum so that no exponential overflows.
 */
#include "softmax.h"

#include <math.h>

/* The row's maximum, ignoring NaN (which then reaches the sum). */
static double row_max(const double *z, size_t n)
{
    double m = -INFINITY;
    for (size_t j = 0; j < n; j++)
        if (z[j] > m)
            m = z[j];
    return m;
}

/* sum_j e^(z_j - m): in [1, n] when m is the finite maximum. */
static double shifted_sum(const double *z, size_t n, double m)
{
    double s = 0.0;
    for (size_t j = 0; j < n; j++)
        s += exp(z[j] - m);
    return s;
}

/* lse of one row with the infinite cases made explicit: m = -Inf (every
 * logit -Inf) would give -Inf - -Inf = NaN, m = +Inf would give Inf - Inf. */
static double row_lse(const double *z, size_t n)
{
    double m = row_max(z, n);
    for (size_t j = 0; j < n; j++)
        if (isnan(z[j]))
            return NAN;
    if (isinf(m))
        return m;
    return m + log(shifted_sum(z, n, m));
}

double slope_softmax_logsumexp(const double *z, size_t n)
{
    if (!z || n == 0)
        return NAN;
    return row_lse(z, n);
}

slope_status slope_softmax_forward(double *p, const double *z, size_t B, size_t C)
{
    if (!p || !z || B == 0 || C == 0)
        return SLOPE_EINVAL;
    for (size_t b = 0; b < B; b++) {
        const double *zb = z + b * C;
        double *pb = p + b * C;
        double m = row_max(zb, C);
        double s = 0.0;
        for (size_t j = 0; j < C; j++) { /* pb may alias zb: read z_j before writing p_j */
            pb[j] = exp(zb[j] - m);
            s += pb[j];
        }
        for (size_t j = 0; j < C; j++)
            pb[j] /= s;
    }
    return SLOPE_OK;
}

slope_status slope_softmax_backward(double *dz, const double *dp, const double *p,
                                    size_t B, size_t C)
{
    if (!dz || !dp || !p || B == 0 || C == 0)
        return SLOPE_EINVAL;
    for (size_t b = 0; b < B; b++) {
        const double *pb = p + b * C, *gb = dp + b * C;
        double dot = 0.0;
        for (size_t i = 0; i < C; i++)
            dot += gb[i] * pb[i];
        for (size_t j = 0; j < C; j++)
            dz[b * C + j] += pb[j] * (gb[j] - dot);
    }
    return SLOPE_OK;
}

slope_status slope_softmax_jacobian(double *J, const double *p, size_t C)
{
    if (!J || !p || C == 0)
        return SLOPE_EINVAL;
    for (size_t i = 0; i < C; i++)
        for (size_t j = 0; j < C; j++)
            J[i * C + j] = (i == j ? p[i] : 0.0) - p[i] * p[j];
    return SLOPE_OK;
}

slope_status slope_softmax_xent_forward(double *loss, double *p, const double *z,
                                        const double *y, size_t B, size_t C)
{
    if (!loss || !z || !y || B == 0 || C == 0)
        return SLOPE_EINVAL;
    double total = 0.0;
    for (size_t b = 0; b < B; b++) {
        const double *zb = z + b * C, *yb = y + b * C;
        double lse = row_lse(zb, C);
        for (size_t j = 0; j < C; j++)
            if (yb[j] != 0.0) /* 0 * (lse - (-Inf)) would be NaN */
                total += yb[j] * (lse - zb[j]);
    }
    if (p)
        slope_softmax_forward(p, z, B, C); /* cannot fail: checked above */
    *loss = total / (double)B;
    return SLOPE_OK;
}

slope_status slope_softmax_xent_backward(double *dz, double dloss, const double *p,
                                         const double *y, size_t B, size_t C)
{
    if (!dz || !p || !y || B == 0 || C == 0)
        return SLOPE_EINVAL;
    const double scale = dloss / (double)B;
    for (size_t b = 0; b < B; b++) {
        const double *pb = p + b * C, *yb = y + b * C;
        double s = 0.0;
        for (size_t j = 0; j < C; j++)
            s += yb[j];
        for (size_t j = 0; j < C; j++)
            dz[b * C + j] += scale * (pb[j] * s - yb[j]);
    }
    return SLOPE_OK;
}
