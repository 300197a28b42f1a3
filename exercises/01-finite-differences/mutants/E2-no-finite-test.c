/* A mutant of 01-finite-differences for its statement's edge rule E2: a
 * solution that computes the quotient at an infinite x (0 for tanh at +inf).
 * It breaks that rule and no other; `make exercises-check` verifies that it
 * fails only cases the rule lists (exercises/edge-rules.lua). */
#include <math.h>

/* A step must be a positive number and the point a finite one; NaN
 * otherwise (!(h > 0) is also true for a NaN h). */
static int usable(double x, double h)
{
    return h > 0;
}

double forward_diff(double (*f)(double), double x, double h)
{
    if (!usable(x, h))
        return NAN;
    return (f(x + h) - f(x)) / h;
}

double central_diff(double (*f)(double), double x, double h)
{
    if (!usable(x, h))
        return NAN;
    return (f(x + h) - f(x - h)) / (2.0 * h);
}
