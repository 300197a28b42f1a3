/* exercise.h -- 05-learning-rate: gradient descent on f(x) = x^2 with a
 * fixed learning rate alpha (chapter 05, sections 2 and 3).
 *
 * One step is x <- x - alpha f'(x) = x - 2 alpha x. */
#ifndef EXERCISE_LEARNING_RATE_H
#define EXERCISE_LEARNING_RATE_H

/* x_t, the iterate after t steps from x0 (t = 0 gives x0).  NaN when t < 0.
 * When x_t overflows the range of double, +Inf or -Inf with the sign of the
 * exact x_t; x0 = 0 stays 0 for every alpha and t. */
double gd_iterate(double alpha, double x0, int t);

/* 1 when x_t -> 0 as t -> infinity from every x0, 0 otherwise (also for a
 * NaN alpha).  Decided for the exact iteration, not by running it. */
int gd_converges(double alpha);

/* The learning rate that reaches the minimum fastest from every x0. */
double gd_optimal_alpha(void);

#endif
