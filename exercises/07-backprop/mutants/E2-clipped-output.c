/* A mutant of 07-backprop for its statement's edge rule E2: a solution that
 * clips a2 into [1e-12, 1 - 1e-12], as loss code often does. It breaks that
 * rule and no other; `make exercises-check` verifies that it fails only cases
 * the rule lists (exercises/edge-rules.lua). */
#include <math.h>

/* 1 / (1 + e^-z), written so that exp never overflows: for z < 0 the
 * equal form e^z / (1 + e^z) is used, which keeps tiny outputs accurate
 * instead of rounding them to 0 through 1 / (1 + inf). */
static double sigmoid(double z)
{
    if (z >= 0.0)
        return 1.0 / (1.0 + exp(-z));
    double e = exp(z);
    return e / (1.0 + e);
}

double mlp_loss_and_grads(const double *X, const double *y, int N, int H,
                          const double *W1, const double *b1, const double *W2, double b2,
                          double *dW1, double *db1, double *dW2, double *db2)
{
    for (int k = 0; k < H; k++)
        dW1[k] = dW1[H + k] = db1[k] = dW2[k] = 0.0;
    *db2 = 0.0;
    double loss = 0.0;
    /* One row at a time: forward, then backward, adding the row's share to
     * each gradient (every gradient is a sum over the rows of the batch).
     * The hidden activations of a row are recomputed in the backward loop
     * rather than stored, so the function needs no workspace. */
    for (int r = 0; r < N; r++) {
        const double x0 = X[2 * r], x1 = X[2 * r + 1];
        double z2 = b2;
        for (int k = 0; k < H; k++)
            z2 += sigmoid(x0 * W1[k] + x1 * W1[H + k] + b1[k]) * W2[k];
        const double a2 = fmin(fmax(sigmoid(z2), 1e-12), 1.0 - 1e-12);
        const double err = a2 - y[r];
        loss += err * err;
        /* dL/da2 = 2 (a2 - y) / N, times the output sigmoid's slope. */
        const double dz2 = 2.0 * err / N * (a2 * (1.0 - a2));
        *db2 += dz2;
        for (int k = 0; k < H; k++) {
            const double a1 = sigmoid(x0 * W1[k] + x1 * W1[H + k] + b1[k]);
            dW2[k] += a1 * dz2;
            /* dL/da1 = dz2 W2 (W2 as it is: nothing is updated here). */
            const double dz1 = dz2 * W2[k] * (a1 * (1.0 - a1));
            dW1[k] += x0 * dz1;
            dW1[H + k] += x1 * dz1;
            db1[k] += dz1;
        }
    }
    return loss / N;
}
