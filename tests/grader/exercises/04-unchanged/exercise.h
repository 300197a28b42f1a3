/* exercise.h -- 04-unchanged: a const input compared after the call, and a
 * figure of two series on log-log axes. */
#ifndef EXERCISE_UNCHANGED_H
#define EXERCISE_UNCHANGED_H

/* The sum of (x[i] + h)^2 over i < n; x is read-only. */
double shifted_sum(const double *x, int n, double h);

#endif
