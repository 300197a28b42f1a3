/* Reference solution of 02-chain-rule-bce.
 *
 * The three chain-rule factors
 *   dL/dy_hat = -y / y_hat + (1 - y) / (1 - y_hat),
 *   dy_hat/dz = y_hat (1 - y_hat),
 *   dz/dw = x  (and dz/db = 1)
 * multiply out to (y_hat - y) x and y_hat - y.  The product is never formed
 * as written: once |z| is large, y_hat rounds to 0 or 1 and the factors meet
 * Inf * 0 = NaN, while the simplified form stays finite. */
#include <math.h>

/* sigmoid(z) - y, with sigmoid evaluated through e^-|z| so that nothing
 * overflows, and 1 - sigmoid(z) taken as sigmoid(-z) for z >= 0: then
 * y = 1 keeps the tiny residual -sigmoid(-z) instead of rounding it to 0. */
static double residual(double z, double y)
{
    double e = exp(-fabs(z));  /* in (0, 1]: no overflow for any z */
    double tail = e / (1.0 + e);  /* sigmoid(-|z|) */
    if (z >= 0)
        return (1.0 - y) - tail;  /* sigmoid(z) = 1 - tail */
    return tail - y;
}

double bce_grad_w(double w, double b, double x, double y)
{
    return residual(w * x + b, y) * x;
}

double bce_grad_b(double w, double b, double x, double y)
{
    return residual(w * x + b, y);
}
