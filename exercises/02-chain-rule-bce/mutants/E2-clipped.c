/* A mutant of 02-chain-rule-bce for its statement's edge rule E2: a solution
 * that clips y_hat into [1e-12, 1 - 1e-12], as loss code often does: a tiny
 * y_hat becomes 1e-12. It breaks that rule and no other; `make
 * exercises-check` verifies that it fails only cases the rule lists
 * (exercises/edge-rules.lua). */
#include <math.h>

static double residual(double z, double y)
{
    double p = fmin(fmax(1.0 / (1.0 + exp(-z)), 1e-12), 1.0 - 1e-12);
    return p - y;
}

double bce_grad_w(double w, double b, double x, double y)
{
    return residual(w * x + b, y) * x;
}

double bce_grad_b(double w, double b, double x, double y)
{
    return residual(w * x + b, y);
}
