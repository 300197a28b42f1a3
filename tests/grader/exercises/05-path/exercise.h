/* exercise.h -- 05-path: a path in the plane, for the grader's path figure. */
#ifndef EXERCISE_PATH_H
#define EXERCISE_PATH_H

/* Gradient descent with step lr on x^2 + 4 y^2 from (x0, y0): path[0..1]
 * is the start, then (x, y) after each step: 2 * (steps + 1) numbers. */
void gd_path(double *path, double x0, double y0, int steps, double lr);

#endif
