/* exercise.h -- 03-numerical-gradient: the central-difference gradient of a
 * function of n variables (chapter 03, section 1).
 *
 *   grad[i] = (f(x + h e_i) - f(x - h e_i)) / (2 h),   i = 0 .. n-1,
 *
 * where e_i is the i-th unit vector: only coordinate i moves, every other
 * coordinate keeps its value from x.  x is read-only: when the function
 * returns, every x[i] must hold exactly the value it held before the call.
 * When h is not a positive number (h <= 0 or NaN), every grad[i] is NaN.
 * When n <= 0, nothing is written. */
#ifndef EXERCISE_NUMERICAL_GRADIENT_H
#define EXERCISE_NUMERICAL_GRADIENT_H

void numerical_gradient(double (*f)(const double *x, int n), const double *x, int n,
                        double h, double *grad);

#endif
