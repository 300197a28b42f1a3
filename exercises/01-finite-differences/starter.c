/* starter.c -- 01-finite-differences: replace the placeholders.
 *
 * Grade it with:   grader check 1 starter.c
 * (copy it first, e.g. to my.c, and grade that: grader check 1 my.c).
 * The grader compiles this file with exercise.h included, so the
 * prototypes below are already declared for you. */
#include <math.h>

#include "exercise.h"

/* (f(x + h) - f(x)) / h; NaN when h is not > 0 or x is not finite. */
double forward_diff(double (*f)(double), double x, double h)
{
    (void)f;
    (void)x;
    (void)h;
    return 0.0; /* TODO */
}

/* (f(x + h) - f(x - h)) / (2 h); NaN when h is not > 0 or x is not finite. */
double central_diff(double (*f)(double), double x, double h)
{
    (void)f;
    (void)x;
    (void)h;
    return 0.0; /* TODO */
}
