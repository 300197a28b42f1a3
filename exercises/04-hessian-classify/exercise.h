/* exercise.h -- 04-hessian-classify: the numerical Hessian by the
 * four-point formula, and the second-derivative test in n variables
 * (chapter 04, sections 2 and 3).
 *
 * numerical_hessian fills the row-major n x n matrix H with
 *
 *   H[i*n + j] = (f(x + h e_i + h e_j) - f(x + h e_i - h e_j)
 *                 - f(x - h e_i + h e_j) + f(x - h e_i - h e_j)) / (4 h^2)
 *
 * for every i and j (on the diagonal, i == j, the shifts add up to 2h).
 * x is read-only.  When h is not a positive number (h <= 0 or NaN) every
 * entry of H is NaN; when n <= 0 nothing is written.
 *
 * classify_critical_point reads a symmetric n x n Hessian (row-major) and a
 * tolerance tol >= 0, and returns
 *    0  saddle:       some eigenvalue > tol and some eigenvalue < -tol
 *                     (even when another eigenvalue lies within tol of 0)
 *    2  inconclusive: otherwise, when some eigenvalue lies within tol of 0
 *                     (|lambda| <= tol); also when n <= 0
 *    1  minimum:      every eigenvalue > tol
 *   -1  maximum:      every eigenvalue < -tol
 * in that order of precedence. */
#ifndef EXERCISE_HESSIAN_CLASSIFY_H
#define EXERCISE_HESSIAN_CLASSIFY_H

void numerical_hessian(double (*f)(const double *x, int n), const double *x, int n,
                       double h, double *H);

int classify_critical_point(const double *H, int n, double tol);

#endif
