/* exercise.h -- 08b-power-iteration: the largest eigenvalue of a Hessian by
 * power iteration on Hessian-vector products (chapters 04 and 08).
 *
 * hvp(v, hv, n) is the caller's: it writes H v into hv[0..n-1] for a
 * symmetric n x n matrix H that you never see.  From v = v0 / |v0|, repeat
 * iters times:
 *
 *   w = H v  (one call of hvp);   lambda = v . w;   v = w / |w|
 *
 * and return lambda, the Rayleigh quotient of the last v before it was
 * normalised; v_out[0..n-1] is the final, normalised v.  v0 is read only.
 * Edges: n <= 0 returns NaN and writes nothing; a v0 of zero length gives
 * NaN everywhere (0/0); iters <= 0 returns NaN with v_out = v0 / |v0| and no
 * call of hvp; when w = 0 (v in H's null space), return 0 at once with
 * v_out = that v. */
#ifndef EXERCISE_POWER_ITERATION_H
#define EXERCISE_POWER_ITERATION_H

double power_iteration(void (*hvp)(const double *v, double *hv, int n), const double *v0,
                       int n, int iters, double *v_out);

#endif
