/* A mutant of 01-finite-differences for its statement's edge rule E3: a
 * solution that patches a NaN central difference with the forward one. It
 * breaks that rule and no other; `make exercises-check` verifies that it fails
 * only cases the rule lists (exercises/edge-rules.lua). */
#include <math.h>

/* A step must be a positive number and the point a finite one; NaN
 * otherwise (!(h > 0) is also true for a NaN h). */
static int usable(double x, double h)
{
    return h > 0 && isfinite(x);
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
    double d = (f(x + h) - f(x - h)) / (2.0 * h);
    return isnan(d) ? (f(x + h) - f(x)) / h : d;
}
