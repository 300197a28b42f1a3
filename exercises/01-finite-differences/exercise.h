/* exercise.h -- 01-finite-differences: the forward and the central
 * difference quotients of chapter 01, sections 3 to 5.
 *
 * f is any function of one variable; x is the point; h is the step.  Both
 * return NaN when h is not a positive number (h <= 0 or NaN) or when x is
 * not finite; otherwise they return exactly the quotient below, computed
 * with the h you are given. */
#ifndef EXERCISE_FINITE_DIFFERENCES_H
#define EXERCISE_FINITE_DIFFERENCES_H

/* The forward difference (f(x + h) - f(x)) / h, an O(h) estimate of f'(x). */
double forward_diff(double (*f)(double), double x, double h);

/* The central difference (f(x + h) - f(x - h)) / (2 h), an O(h^2) estimate. */
double central_diff(double (*f)(double), double x, double h);

#endif
