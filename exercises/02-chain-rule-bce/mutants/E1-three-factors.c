/* A mutant of 02-chain-rule-bce for its statement's edge rule E1: a solution
 * that multiplies the three chain-rule factors as they come: Inf * 0 = NaN
 * once y_hat rounds to 1. It breaks that rule and no other; `make
 * exercises-check` verifies that it fails only cases the rule lists
 * (exercises/edge-rules.lua). */
#include <math.h>

static double residual(double z, double y)
{
    double p = 1.0 / (1.0 + exp(-z));
    return (-y / p + (1.0 - y) / (1.0 - p)) * (p * (1.0 - p));
}

double bce_grad_w(double w, double b, double x, double y)
{
    return residual(w * x + b, y) * x;
}

double bce_grad_b(double w, double b, double x, double y)
{
    return residual(w * x + b, y);
}
