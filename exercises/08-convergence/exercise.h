/* exercise.h -- 08-convergence: the strongly convex rate of gradient
 * descent, and a measured trace to hold it against (chapter 08, sections
 * 4 and 5). */
#ifndef EXERCISE_CONVERGENCE_H
#define EXERCISE_CONVERGENCE_H

/* The factor 1 - mu / L by which the strongly convex bound shrinks the
 * squared distance ||x_k - x*||^2 at every step of size 1/L.
 * NaN unless 0 <= mu <= L, L > 0 and both are finite. */
double gd_rate(double L, double mu);

/* The number of steps the bound promises: the smallest whole k >= 0 with
 * (1 - mu/L)^k * r0 <= eps, 1 - mu/L being the exact real number (not its
 * rounded double), where r0 is the starting squared distance and eps the
 * target.  Checked in this order, the first that applies wins:
 *   -1  when the arguments are invalid: gd_rate(L, mu) is NaN, r0 < 0,
 *       eps <= 0, or r0 or eps is NaN (even though r0 <= eps);
 *    0  when r0 <= eps already;
 *    1  when mu == L (rate 0: one step);
 *   -1  when mu == 0 (rate 1: never);
 * otherwise k = ceil((log(eps) - log(r0)) / log1p(-mu / L)), computed
 * exactly so (log1p keeps every digit of a tiny mu / L, which 1 - mu / L
 * rounds away; log(eps) - log(r0) cannot underflow as eps / r0 can), and -1
 * when that k is 2^63 or more (it does not fit in a long). */
long gd_iterations_needed(double L, double mu, double r0, double eps);

/* Gradient descent x <- x - eta * (d .* x) on 0.5 x^T diag(d) x from x0 (n
 * numbers), whose optimum is 0.  Writes the distance ||x_j|| to the optimum
 * after j = 0, 1, ..., k steps to out[0..k] (out[0] = ||x0||).  Writes
 * nothing when n < 1 or k < 0. */
void gd_quadratic_trace(const double *d, int n, const double *x0, double eta, int k,
                        double *out);

#endif
