/* exercise.h -- 02-scale: an out-array exercise for the grader's tests. */
#ifndef EXERCISE_SCALE_H
#define EXERCISE_SCALE_H

/* out[i] = a * x[i] for i < n; returns nothing. */
void scale(double *out, const double *x, int n, double a);

/* Sum of x[0..n-1]. */
double sum(const double *x, int n);

#endif
