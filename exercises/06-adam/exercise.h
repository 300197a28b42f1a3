/* exercise.h -- 06-adam: one bias-corrected Adam step (chapter 06, section 4).
 *
 * You write adam_step.  The other three functions are the grading harness:
 * they are defined at the end of this header, so they are compiled into
 * your code with it, and they call your adam_step for every step of a run.
 * That is how the grader compares every iterate of a whole trajectory.
 */
#ifndef EXERCISE_ADAM_H
#define EXERCISE_ADAM_H

/* One Adam step with bias correction, in place, for n weights.
 *   g      the gradient at w (read only)
 *   m, v   the first and second moments, updated in place (both start at
 *          zero before step 1)
 *   t      the step number, counting from 1 (the first step has t == 1)
 * m_t = beta1 m + (1 - beta1) g,  v_t = beta2 v + (1 - beta2) g^2,
 * w  -= lr * (m_t / (1 - beta1^t)) / (sqrt(v_t / (1 - beta2^t)) + eps). */
void adam_step(double *w, const double *g, double *m, double *v, int n,
               int t, double lr, double beta1, double beta2, double eps);

/* ---- the grading harness (you do not write these) ---------------------- */

/* Runs `steps` Adam steps from w0 (m = v = 0, t = 1, 2, ...) on the
 * quadratic sum_i d[i] w_i^2, whose gradient is 2 d[i] w_i; the ravine of
 * chapter 06 is d = {1, 10}.  path[0..n-1] = w0, then the n weights after
 * each step: path holds (steps + 1) * n numbers. */
void adam_path(double *path, const double *w0, const double *d, int n, int steps,
               double lr, double beta1, double beta2, double eps);

/* The same run on the ravine w1^2 + 10 w2^2 from w0 = (w1, w2); loss[k] is
 * the loss after k steps, for k = 0 .. steps. */
void adam_ravine_loss(double *loss, const double *w0, int steps,
                      double lr, double beta1, double beta2, double eps);

/* One call of your adam_step on copies of w, m and v at step t; writes the
 * updated (w, m, v) to state[0..3n-1], w first. */
void adam_one_step(double *state, const double *w, const double *g, const double *m,
                   const double *v, int n, int t, double lr, double beta1,
                   double beta2, double eps);

/* The definitions.  The grader declares only the prototypes above to the
 * FFI and skips these bodies.  adam_step is declared weak so that a file
 * without it still loads: the harness then leaves its outputs untouched and
 * the grader reports the missing function by name. */
#pragma weak adam_step
void adam_path(double *path, const double *w0, const double *d, int n, int steps,
               double lr, double beta1, double beta2, double eps)
{
    double m[64] = {0}, v[64] = {0}, g[64];
    if (!adam_step || n < 1 || n > 64 || steps < 0)
        return;
    for (int i = 0; i < n; i++)
        path[i] = w0[i];
    for (int t = 1; t <= steps; t++) {
        double *w = path + (long)t * n;
        for (int i = 0; i < n; i++) {
            w[i] = w[i - n];
            g[i] = 2.0 * d[i] * w[i];
        }
        adam_step(w, g, m, v, n, t, lr, beta1, beta2, eps);
    }
}

void adam_ravine_loss(double *loss, const double *w0, int steps,
                      double lr, double beta1, double beta2, double eps)
{
    double w[2] = {w0[0], w0[1]}, m[2] = {0, 0}, v[2] = {0, 0}, g[2];
    if (!adam_step)
        return;
    for (int t = 0; t <= steps; t++) {
        if (t > 0) {
            g[0] = 2.0 * w[0];
            g[1] = 20.0 * w[1];
            adam_step(w, g, m, v, 2, t, lr, beta1, beta2, eps);
        }
        loss[t] = w[0] * w[0] + 10.0 * w[1] * w[1];
    }
}

void adam_one_step(double *state, const double *w, const double *g, const double *m,
                   const double *v, int n, int t, double lr, double beta1,
                   double beta2, double eps)
{
    if (!adam_step)
        return;
    for (int i = 0; i < n; i++) {
        state[i] = w[i];
        state[n + i] = m[i];
        state[2 * n + i] = v[i];
    }
    adam_step(state, g, state + n, state + 2 * n, n, t, lr, beta1, beta2, eps);
}

#endif
