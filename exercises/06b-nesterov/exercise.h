/* exercise.h -- 06b-nesterov: Nesterov's accelerated gradient, classical
 * form, run along a whole trajectory (chapter 06, section 5).
 *
 * The loss is the quadratic f(theta) = sum_i d[i] theta_i^2 given by its
 * diagonal d (the ravine w1^2 + 10 w2^2 of chapter 06 is d = {1, 10}), so
 * its gradient is 2 d[i] theta_i.  From theta_0 = theta0 and v_0 = 0, for
 * t = 0 .. steps-1 and every i < n:
 *
 *   v_{t+1}     = beta v_t - eta * 2 d[i] (theta_t + beta v_t)   (look-ahead)
 *   theta_{t+1} = theta_t + v_{t+1}
 *
 * path[0..n-1] = theta0, then path[t*n .. t*n+n-1] = theta_t: path holds
 * (steps + 1) * n numbers.  theta0 and d are read only.  When n <= 0 or
 * steps < 0, nothing is written. */
#ifndef EXERCISE_NESTEROV_H
#define EXERCISE_NESTEROV_H

void nesterov_path(double *path, const double *theta0, const double *d, int n,
                   int steps, double eta, double beta);

#endif
