/* exercise.h -- 03-central-diff: a function-pointer argument. */
#ifndef EXERCISE_CENTRAL_DIFF_H
#define EXERCISE_CENTRAL_DIFF_H

/* (f(x + h) - f(x - h)) / (2 h), the central difference. */
double central_diff(double (*f)(double), double x, double h);

#endif
