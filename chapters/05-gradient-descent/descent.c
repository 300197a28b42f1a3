/*
 * Chapter 05 -- gradient descent.
 *
 * Prints every table of lesson.md, in the lesson's order: the update rule on
 * L(w) = (w - 4)^2 and why its steps shrink; that loop's self-check, which
 * fails after 25 steps, and how many steps it really needs; the learning-rate
 * regimes on (x - 3)^2 and a run at your own rate; the safe rate set by the
 * curvature; the path on an elliptical bowl; the zig-zag across a ravine at a
 * rate close to 2 / L; batch vs mini-batch training of a linear regression on
 * data drawn with numpy's random seed 42; epochs vs iterations; and the batch
 * size against the learning rate; then SGD's noise, measured: the noise ball
 * of constant-rate SGD against its formula and the exact stationary
 * covariance, four learning-rate schedules and the Robbins-Monro sums, and
 * the gradient-noise scale along a run, every random draw from a seeded
 * lib/rng.h stream; the program exits 1 when a claim it prints fails.
 *
 * Every step is libslope's SGD update w <- w - lr g (lib/optim.h), either one
 * call at a time (slope_optim_sgd_step) or through the driver slope_optim_run.
 * The random data and the mini-batch shuffles come from lib/rng.h, which
 * reproduces numpy's legacy generator bit for bit, so the regression's numbers
 * can be checked against numpy's.
 *
 * Try: --lr 0.95 (oscillates), --lr 1.05 --steps 40 (diverges), --x0 10.
 */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "chapter.h"
#include "downhill.h"
#include "slope.h"

/* The data are 2 X + 1 + 0.3 noise with numpy's rounding after every
 * operation; clang would otherwise be free to fuse them into an FMA. */
#if defined(__clang__)
#pragma STDC FP_CONTRACT OFF
#endif

#define MAX_STEPS 1000000 /* the --steps cap: the trajectory is stored */

/* ---- the losses this chapter descends ------------------------------------ */

/* L(w) = (w - c)^2, parabola() and parabola_grad(), lives in downhill.c,
 * which the course website's live figure compiles too. */

/* L(w1, w2) = (w1 - 2)^2 + 4 (w2 - 1)^2: an elliptical bowl, four times as
 * curved along w2 as along w1, with its minimum at (2, 1). */
static double ellipse(const double *w, size_t n, void *p)
{
    (void)n, (void)p;
    return (w[0] - 2) * (w[0] - 2) + 4 * (w[1] - 1) * (w[1] - 1);
}

static void ellipse_grad(double *g, const double *w, size_t n, void *p)
{
    (void)n, (void)p;
    g[0] = 2 * (w[0] - 2);
    g[1] = 8 * (w[1] - 1);
}

/* k steps of plain gradient descent at rate lr from x0 (n <= 2), through the
 * library's driver: traj gets k+1 rows of n, loss k+1 values.  Returns the
 * driver's status (SLOPE_EDIVERGED when an iterate overflowed; *done then
 * says how many steps stayed finite). */
static slope_status descend(double *traj, double *loss, size_t *done, double lr,
                            slope_fn_n f, slope_grad_fn grad, void *params,
                            const double *x0, size_t n, size_t k)
{
    slope_optim opt = {.kind = SLOPE_OPTIM_SGD};
    double work[2];
    chapter_check(slope_optim_sgd_init(&opt.sgd, lr), "setting the learning rate");
    return slope_optim_run(traj, loss, done, &opt, f, grad, params, x0, work, n, k);
}

/* calloc that turns failure into the programs' one error message. */
static void *xmalloc(size_t count, size_t size)
{
    void *p = calloc(count, size);
    if (!p)
        chapter_check(SLOPE_ENOMEM, "allocating a trajectory");
    return p;
}

/* ---- 1. the update rule -------------------------------------------------- */

static void shrinking_steps(void)
{
    chapter_table("shrinking-steps", "L(w) = (w - 4)^2 from w = 0 at rate 0.1: the steps shrink");
    double c = 4.0, x0 = 0.0, traj[7], loss[7];
    chapter_check(descend(traj, loss, NULL, 0.1, parabola, parabola_grad, &c, &x0, 1, 6),
                  "descending (w - 4)^2");
    printf("   k        w_k   dL/dw(w_k)   step w_k+1 - w_k   |w_k - 4|   ratio to previous\n");
    for (int k = 0; k < 6; k++) {
        printf("  %2d  %9.6f  %+11.6f  %+17.6f  %10.6f", k, traj[k], 2 * (traj[k] - 4),
               traj[k + 1] - traj[k], fabs(traj[k] - 4));
        if (k > 0)
            printf("  %18.6f", fabs(traj[k] - 4) / fabs(traj[k - 1] - 4));
        printf("\n");
    }
}

/* The tutorial loop, written out: `steps` updates of w <- w - lr dL/dw (the
 * usual version runs 25). */
static double tutorial_loop(int steps)
{
/* weave: update-loop */
    double w = 0.0;                 /* start far from the minimum at w = 4 */
    slope_optim_sgd sgd;
    chapter_check(slope_optim_sgd_init(&sgd, 0.1), "setting the learning rate");
    for (int step = 0; step < steps; step++) {
        double g = 2 * (w - 4);     /* dL/dw for L = (w - 4)^2 */
        chapter_check(slope_optim_sgd_step(&sgd, &w, &g, 1), "the update");
    }
/* weave end */
    return w;
}

static void self_check(void)
{
    chapter_table("self-check", "the (w - 4)^2 loop after 25 steps, and its self-check");
    const double tol = 1e-2, w = tutorial_loop(25);
    printf("after 25 steps, printed to 3 decimals:  w = %.3f\n", w);
    printf("all the digits:                         w = %.17g\n", w);
    printf("the closed form 4 (1 - 0.8^25):         w = %.17g\n", 4 * (1 - pow(0.8, 25)));
    printf("the self-check |w - 4| < %.0e:  |w - 4| = %.6f  ->  %s\n", tol, fabs(w - 4),
           fabs(w - 4) < tol ? "passes" : "FAILS");
    const double w27 = tutorial_loop(27);
    printf("the fix, 27 steps:                      w = %.6f, |w - 4| = %.6f  ->  %s\n", w27,
           fabs(w27 - 4), fabs(w27 - 4) < tol ? "passes" : "FAILS");
}

/* Error after k steps, measured and from the closed form 4 * 0.8^k. */
static void steps_vs_error(void)
{
    chapter_table("steps-vs-error", "steps against error for (w - 4)^2, lr 0.1: the error shrinks by 0.8");
    const double x0 = 0.0, tol = 1e-2;
    double c = 4.0, traj[31];
    chapter_check(descend(traj, NULL, NULL, 0.1, parabola, parabola_grad, &c, &x0, 1, 30),
                  "descending (w - 4)^2");
    printf("steps         w      |w - 4|    4 * 0.8^k   |w - 4| < 1e-2\n");
    for (int k = 20; k <= 30; k++)
        printf("   %2d  %9.6f  %11.6f  %11.6f   %s\n", k, traj[k], fabs(traj[k] - 4),
               4 * pow(0.8, k), fabs(traj[k] - 4) < tol ? "yes" : "no");
    printf("fewest steps: 4 * 0.8^k < 1e-2  <=>  k > ln(400) / ln(1.25) = %.4f, so k = %.0f\n",
           log(4 / tol) / log(1.25), ceil(log(4 / tol) / log(1.25)));
}

/* ---- 2. the learning rate ------------------------------------------------ */

/* The usual verdict on a final loss (thresholds of a common demonstration). */
static const char *verdict(double final_loss)
{
    if (isnan(final_loss) || final_loss > 100)
        return "DIVERGED";
    if (final_loss < 0.001)
        return "converged well";
    if (final_loss < 1.0)
        return "converging (slow)";
    return "barely moving";
}

static void lr_regimes(double x0, int steps)
{
    chapter_table("lr-regimes", "four learning rates on (x - 3)^2");
    printf("(x - 3)^2 from x0 = %g, %d steps; each step multiplies x - 3 by 1 - 2 lr\n", x0, steps);
    printf("%8s | %8s | %12s | %18s | %s\n", "LR", "1 - 2 lr", "Final x", "Final loss", "Verdict");
    printf("-------------------------------------------------------------------------\n");
    const double rates[] = {0.001, 0.1, 0.9, 1.1};
    double c = 3.0, *traj = xmalloc((size_t)steps + 1, sizeof *traj);
    double *loss = xmalloc((size_t)steps + 1, sizeof *loss);
    for (int i = 0; i < 4; i++) {
        size_t done;
        char lr[32];
        slope_status s = descend(traj, loss, &done, rates[i], parabola, parabola_grad, &c, &x0,
                                 1, (size_t)steps);
        if (s != SLOPE_EDIVERGED)
            chapter_check(s, "descending (x - 3)^2");
        chapter_check(slope_table_repr(lr, sizeof lr, rates[i]), "formatting a rate");
        if (s == SLOPE_EDIVERGED)
            printf("%8s | %+8.3f | %12s | %18s | %s after %zu steps\n", lr, 1 - 2 * rates[i],
                   "overflow", "overflow", "DIVERGED", done);
        else /* fixed point, unless that would overflow the column */
            printf(fabs(traj[steps]) < 1e7 ? "%8s | %+8.3f | %12.4f | %18.6f | %s\n"
                                           : "%8s | %+8.3f | %12.4e | %18.6e | %s\n",
                   lr, 1 - 2 * rates[i], traj[steps], loss[steps], verdict(loss[steps]));
    }
    free(traj);
    free(loss);
}

/* A run at the user's rate and start as a table, printed at the first five
 * steps, every tenth of the run, and the last: downhill.c's, shared with the
 * course website. */
static void your_descent(double lr, double x0, int steps)
{
    chapter_table("descent", "your run: (w - 3)^2 at your rate and start");
    double *traj = xmalloc((size_t)steps + 1, sizeof *traj);
    double *loss = xmalloc((size_t)steps + 1, sizeof *loss);
    size_t done;
    slope_status s = descent_table_print(stdout, traj, loss, &done, lr, x0, steps);
    if (s != SLOPE_EDIVERGED)
        chapter_check(s, "descending (w - 3)^2");
    free(traj);
    free(loss);
}

/* ---- 3. the curvature sets the safe rate --------------------------------- */

static void curvature(void)
{
    chapter_table("curvature", "which rates converge on the elliptical bowl: eta < 2 / L");
    double w0[2] = {-1.0, 3.5}, H[4], eig[2], work[4], L, mu;
    const double h = slope_deriv_step_second(fmax(fabs(w0[0]), fabs(w0[1])));
    chapter_check(slope_deriv_hessian(H, ellipse, NULL, w0, 2, h, work), "the Hessian");
    chapter_check(slope_linalg_eigsym(eig, NULL, H, 2, work), "the Hessian's eigenvalues");
    chapter_check(slope_convergence_constants(&L, &mu, eig, 2), "the curvature constants");
    printf("Hessian eigenvalues (numerical): %.6f and %.6f, so L = %.4f and 2 / L = %.4f\n",
           eig[0], eig[1], L, slope_convergence_max_step(L));
    printf("100 steps from (-1, 3.5); the error along w1 is multiplied by 1 - 2 eta per step,\n"
           "along w2 by 1 - 8 eta (the curvatures 2 and 8 are the diagonal of the Hessian)\n");
    printf("   eta   1 - 2 eta   1 - 8 eta   distance to (2, 1)   so the run\n");
    const double rates[] = {0.05, 0.1, 0.2, 0.24, 0.25, 0.26, 0.5, 1.0, 1.1};
    for (size_t i = 0; i < sizeof rates / sizeof *rates; i++) {
        const double eta = rates[i], f1 = 1 - 2 * eta, f2 = 1 - 8 * eta;
        const double worst = fmax(fabs(f1), fabs(f2));
        double traj[202];
        size_t done;
        slope_status s = descend(traj, NULL, &done, eta, ellipse, ellipse_grad, NULL, w0, 2, 100);
        if (s != SLOPE_EDIVERGED)
            chapter_check(s, "descending the bowl");
        const double d = hypot(traj[2 * done] - 2, traj[2 * done + 1] - 1);
        printf("  %4.2f   %+9.2f   %+9.2f   %18.3e   %s\n", eta, f1, f2, d,
               worst < 1 ? "converges" : worst == 1 ? "bounces forever" : "diverges");
    }
}

/* ---- 4. the path on an elliptical bowl ------------------------------------ */

static void print_numpy(const char *label, const double *w, const char *tail)
{
    char buf[64];
    chapter_check(slope_table_numpy_vector(buf, sizeof buf, w, 2), "formatting a vector");
    printf("%s%s%s", label, buf, tail);
}

static void bowl_path(void)
{
    chapter_table("bowl-path", "gradient descent on (w1 - 2)^2 + 4 (w2 - 1)^2, alpha 0.1");
    double w0[2] = {-1.0, 3.5}, path[2 * 26], loss[26];
    chapter_check(descend(path, loss, NULL, 0.1, ellipse, ellipse_grad, NULL, w0, 2, 25),
                  "descending the bowl");
    print_numpy("Start:  w=", path, "");
    printf(",  loss=%.4f\n\n", loss[0]);
    printf(" Step |       w1 |       w2 |       loss |    w1 - 2 |    w2 - 1\n");
    printf("----------------------------------------------------------------\n");
    for (int k = 0; k <= 25; k += 5)
        printf("  %3d | %8.4f | %8.4f | %10.6f | %+.2e | %+.2e\n", k, path[2 * k],
               path[2 * k + 1], loss[k], path[2 * k] - 2, path[2 * k + 1] - 1);
    print_numpy("\nFinal:  w=", path + 2 * 25, ",  true minimum (2, 1)\n");
    printf("Loss reduction: %.4f -> %.6f\n", loss[0], loss[25]);
}

/* ---- 4b. the zig-zag across a ravine -------------------------------------- */

/* Chapter 03's ravine L(w1, w2) = w1^2 + 10 w2^2: curvature 2 along its floor
 * (w1), 20 across it (w2), minimum at the origin. */
static double ravine(const double *w, size_t n, void *p)
{
    (void)n, (void)p;
    return w[0] * w[0] + 10 * (w[1] * w[1]);
}

static void ravine_grad(double *g, const double *w, size_t n, void *p)
{
    (void)n, (void)p;
    g[0] = 2 * w[0];
    g[1] = 20 * w[1];
}

#define ZIG_STEPS 40      /* long enough to see both factors at work */
#define ZIG_FRACTION 0.95 /* the rate as a fraction of the limit 2 / L */
static const double ravine_start[2] = {2.0, 1.0};

/* The ravine's two curvatures, from its numerical Hessian (as chapter 04):
 * *mu the smallest, *L the largest. */
static void ravine_curvatures(double *L, double *mu)
{
    double H[4], eig[2], work[4];
    const double h = slope_deriv_step_second(fmax(fabs(ravine_start[0]), fabs(ravine_start[1])));
    chapter_check(slope_deriv_hessian(H, ravine, NULL, ravine_start, 2, h, work), "the Hessian");
    chapter_check(slope_linalg_eigsym(eig, NULL, H, 2, work), "the Hessian's eigenvalues");
    chapter_check(slope_convergence_constants(L, mu, eig, 2), "the curvature constants");
}

static void zigzag(void)
{
    chapter_table("zigzag", "gradient descent across the ravine w1^2 + 10 w2^2 at 0.95 * 2 / L");
    double L, mu, path[2 * (ZIG_STEPS + 1)], loss[ZIG_STEPS + 1];
    ravine_curvatures(&L, &mu);
    const double eta = ZIG_FRACTION * slope_convergence_max_step(L);
    chapter_check(descend(path, loss, NULL, eta, ravine, ravine_grad, NULL, ravine_start, 2,
                          ZIG_STEPS), "descending the ravine");
    printf("w1^2 + 10 w2^2 from (2, 1): curvature %.4f along the floor (w1), %.4f across it (w2)\n",
           mu, L);
    printf("eta = %.2f * 2 / L = %.4f: each step multiplies w1 by 1 - %.0f eta = %+.2f"
           " and w2 by 1 - %.0f eta = %+.2f\n", ZIG_FRACTION, eta, mu, 1 - eta * mu, L, 1 - eta * L);
    printf(" step        w1         w2   side of the floor          loss\n");
    for (int k = 0; k <= ZIG_STEPS; k++)
        if (k <= 10 || k % 5 == 0)
            printf("  %3d  %8.5f  %+9.5f   %-17s  %12.6f\n", k, path[2 * k], path[2 * k + 1],
                   path[2 * k + 1] > 0 ? "above (w2 > 0)" : "below (w2 < 0)", loss[k]);
    const double w2 = path[2 * ZIG_STEPS + 1];
    printf("after %d steps the steep w2 holds %.2f%% of the loss (10 w2^2 = %.6f of %.6f)\n",
           ZIG_STEPS, 100 * 10 * w2 * w2 / loss[ZIG_STEPS], 10 * w2 * w2, loss[ZIG_STEPS]);
    double calm[2 * (ZIG_STEPS + 1)], calm_loss[ZIG_STEPS + 1];
    const double eta_calm = 1 / L;
    chapter_check(descend(calm, calm_loss, NULL, eta_calm, ravine, ravine_grad, NULL, ravine_start,
                          2, ZIG_STEPS), "descending the ravine");
    printf("compare eta = 1 / L = %.4f: w2 is multiplied by %+.2f, so it is %g after one step"
           " and never\nzig-zags; w1 shrinks by %.2f per step, and the loss after %d steps is %.6f\n",
           eta_calm, 1 - eta_calm * L, calm[3], 1 - eta_calm * mu, ZIG_STEPS, calm_loss[ZIG_STEPS]);
}

/* ---- 5. batch vs mini-batch on a linear regression ------------------------ */

#define N_DATA 200

typedef struct {
    double x[N_DATA], y[N_DATA];
} dataset;

/* numpy: seed(42); X = randn(200, 1); y = 2 X + 1 + 0.3 randn(200, 1). */
static void draw_data(dataset *d, slope_rng *r)
{
    slope_rng_seed(r, 42);
    for (size_t i = 0; i < N_DATA; i++)
        d->x[i] = slope_rng_gauss(r);
    for (size_t i = 0; i < N_DATA; i++)
        d->y[i] = 2 * d->x[i] + 1 + 0.3 * slope_rng_gauss(r);
}

/* weave: mse-gradient */
/* Gradient of the mean squared error of y_hat = w x + b over the m examples
 * idx[0..m-1], p = (w, b):  dL/dw = 2 mean(err x),  dL/db = 2 mean(err). */
static void mse_gradient(double g[2], const double p[2], const dataset *d,
                         const size_t *idx, size_t m)
{
    double sum_ex = 0.0, sum_e = 0.0;
    for (size_t i = 0; i < m; i++) {
        const double x = d->x[idx[i]], err = x * p[0] + p[1] - d->y[idx[i]];
        sum_ex += err * x;
        sum_e += err;
    }
    g[0] = 2 * (sum_ex / (double)m);
    g[1] = 2 * (sum_e / (double)m);
}
/* weave end */

/* Some examples of the data: idx[0..m-1], or all of them when idx is NULL. */
typedef struct {
    const dataset *d;
    const size_t *idx;
    size_t m;
} subset;

/* The mean squared error of y_hat = w x + b over a subset, p = (w, b), as a
 * function of the parameters (a slope_fn_n). */
static double subset_loss(const double *p, size_t n, void *data)
{
    const subset *s = data;
    double pred[N_DATA], target[N_DATA], loss;
    (void)n;
    for (size_t i = 0; i < s->m; i++) {
        const size_t j = s->idx ? s->idx[i] : i;
        pred[i] = s->d->x[j] * p[0] + p[1];
        target[i] = s->d->y[j];
    }
    chapter_check(slope_mlp_mse_forward(&loss, pred, target, s->m), "the loss");
    return loss;
}

/* The loss on all the data, recorded after each epoch. */
static double full_loss(const double p[2], const dataset *d)
{
    subset all = {d, NULL, N_DATA};
    return subset_loss(p, 2, &all);
}

/* Size of the batch that starts at index `start` of n examples: B, except
 * for a shorter last one when B does not divide n. */
static size_t batch_len(size_t n, size_t B, size_t start)
{
    return n - start < B ? n - start : B;
}

/* weave: epoch */
/* One epoch: a fresh shuffle (mini-batch; batch GD passes r = NULL and keeps
 * the data in order), then one update per batch of B examples. */
static void epoch(double p[2], const slope_optim_sgd *sgd, const dataset *d, size_t B,
                  slope_rng *r, size_t idx[N_DATA])
{
    if (r)
        slope_rng_permutation(r, N_DATA, idx);
    for (size_t start = 0; start < N_DATA; start += B) {
        double g[2];
        mse_gradient(g, p, d, idx + start, batch_len(N_DATA, B, start));
        chapter_check(slope_optim_sgd_step(sgd, p, g, 2), "the update");
    }
}
/* weave end */

/* Train from w = b = 0 for `epochs` epochs; losses[e] is the full-data loss
 * after epoch e + 1. */
static void train(double p[2], double *losses, int epochs, double lr, const dataset *d,
                  size_t B, slope_rng *r)
{
    size_t idx[N_DATA];
    slope_optim_sgd sgd;
    chapter_check(slope_optim_sgd_init(&sgd, lr), "setting the learning rate");
    for (size_t i = 0; i < N_DATA; i++)
        idx[i] = i;
    p[0] = p[1] = 0.0;
    for (int e = 0; e < epochs; e++) {
        epoch(p, &sgd, d, B, r, idx);
        losses[e] = full_loss(p, d);
    }
}

/* after_data holds the stream right after the data were drawn; it is
 * copied, so the caller's state is untouched. */
static void batch_vs_minibatch(const dataset *d, const slope_rng *after_data)
{
    chapter_table("batch-vs-minibatch", "linear regression: batch GD vs mini-batch SGD (batch 32)");
    slope_rng r = *after_data;
    double pb[2], pm[2], pf[2], lb[30], lm[30], lf[1000];
    train(pb, lb, 30, 0.1, d, N_DATA, NULL);
    train(pm, lm, 30, 0.1, d, 32, &r);
    printf("y = 2x + 1 + 0.3 noise, 200 points (numpy seed 42); lr 0.1, 30 epochs from w = b = 0\n\n");
    printf("Batch GD after 30 epochs:       w=%.4f, b=%.4f, loss=%.6f   (30 updates)\n", pb[0],
           pb[1], lb[29]);
    printf("Mini-batch SGD after 30 epochs: w=%.4f, b=%.4f, loss=%.6f   (210 updates)\n\n",
           pm[0], pm[1], lm[29]);
    printf("  Epoch |   Batch GD | Mini-batch\n-----------------------------------\n");
    const int rows[] = {1, 2, 3, 5, 10, 20, 30};
    for (int i = 0; i < 7; i++)
        printf("  %5d | %10.6f | %10.6f\n", rows[i], lb[rows[i] - 1], lm[rows[i] - 1]);
    train(pf, lf, 1000, 0.1, d, N_DATA, NULL);
    printf("\nThe floor: batch GD after 1000 epochs: w=%.4f, b=%.4f, loss=%.6f\n", pf[0], pf[1],
           lf[999]);
}

/* ---- 6. epochs and iterations --------------------------------------------- */

/* Walk the batches of one epoch exactly as epoch() does and describe them. */
static void describe_epoch(size_t n, size_t B, const char *name)
{
    size_t updates = 0, full = 0, last = 0;
    for (size_t start = 0; start < n; start += B) {
        const size_t m = batch_len(n, B, start);
        updates++;
        if (m == B)
            full++;
        else
            last = m;
    }
    char sizes[64];
    if (last)
        snprintf(sizes, sizeof sizes, "%zu x %zu + 1 x %zu", full, B, last);
    else
        snprintf(sizes, sizeof sizes, "%zu x %zu", full, B);
    printf("  %8zu  %10zu  %17zu  %-16s  %s\n", n, B, updates, sizes, name);
}

static void epochs_iterations(void)
{
    chapter_table("epochs-iterations", "one epoch is one pass over the data; one iteration is one update");
    printf("  examples  batch size  updates per epoch  batches\n");
    describe_epoch(10000, 100, "the classic example");
    describe_epoch(N_DATA, N_DATA, "our regression, batch GD");
    describe_epoch(N_DATA, 32, "our regression, mini-batch");
    describe_epoch(N_DATA, 1, "our regression, SGD");
    printf("30 epochs of our regression: 30 updates for batch GD, 30 x 7 = 210 for batch 32\n");
}

/* ---- 7. batch size against learning rate ---------------------------------- */

/* The largest curvature of a subset's loss: the top eigenvalue of its
 * Hessian (constant, since the loss is quadratic in w and b). */
static double top_curvature(subset *s)
{
    const double p[2] = {0.0, 0.0}, h = slope_deriv_step_second(1.0);
    double H[4], eig[2], work[4];
    chapter_check(slope_deriv_hessian(H, subset_loss, s, p, 2, h, work), "a Hessian");
    chapter_check(slope_linalg_eigsym(eig, NULL, H, 2, work), "its eigenvalues");
    return eig[1];
}

/* How the curvature explains the table: the full-data loss against the loss
 * of one example, whose curvature grows with x^2. */
static void batch_curvature(const dataset *d, const double *rates, size_t nrates)
{
    subset all = {d, NULL, N_DATA};
    const double L = top_curvature(&all);
    printf("\nfull-data loss: curvature L = %.4f, so batch GD is stable for lr < 2 / L = %.4f\n", L,
           slope_convergence_max_step(L));
    size_t over[4] = {0}, steepest = 0;
    double Lmax = 0.0;
    for (size_t i = 0; i < N_DATA; i++) {
        subset one = {d, &i, 1};
        const double Li = top_curvature(&one);
        if (Li > Lmax)
            Lmax = Li, steepest = i;
        for (size_t j = 0; j < nrates && j < 4; j++)
            over[j] += rates[j] > slope_convergence_max_step(Li);
    }
    printf("one example alone: the steepest (x = %.4f) has L = %.4f, 2 / L = %.4f\n",
           d->x[steepest], Lmax, slope_convergence_max_step(Lmax));
    printf("examples whose own loss one step on it alone would raise (lr > 2 / L_i):\n ");
    for (size_t j = 0; j < nrates && j < 4; j++)
        printf(" %zu at lr %g%s", over[j], rates[j], j + 1 < nrates ? "," : "\n");
}

static void batch_size_lr(const dataset *d, const slope_rng *after_data)
{
    chapter_table("batch-size-lr", "full-data loss after 30 epochs, by batch size and learning rate");
    const size_t sizes[] = {N_DATA, 32, 8, 1};
    const double rates[] = {0.01, 0.1, 0.3, 0.6};
    printf("  batch   updates |");
    for (size_t j = 0; j < 4; j++) {
        char head[32];
        snprintf(head, sizeof head, "lr = %g", rates[j]);
        printf("  %11s", head);
    }
    printf("\n");
    printf("--------------------------------------------------------------------\n");
    for (size_t i = 0; i < 4; i++) {
        printf("  %5zu  %8zu |", sizes[i], 30 * ((N_DATA + sizes[i] - 1) / sizes[i]));
        for (size_t j = 0; j < 4; j++) {
            slope_rng r = *after_data; /* every run sees the same random shuffles */
            double p[2], losses[30];
            train(p, losses, 30, rates[j], d, sizes[i], sizes[i] == N_DATA ? NULL : &r);
            if (isfinite(losses[29]) && losses[29] < 100)
                printf("  %11.6f", losses[29]);
            else
                printf("  %11s", "diverged");
        }
        printf("\n");
    }
    batch_curvature(d, rates, 4);
}

/* ---- 8. SGD's noise, measured ---------------------------------------------- */

/* Section 5's regression, seen as the quadratic it is.  One example's loss
 * (w x_i + b - y_i)^2 has the gradient g_i = 2 e_i (x_i, 1) and the Hessian
 * H_i = 2 [x_i^2, x_i; x_i, 1], the same at every p; the full-data loss is
 * their mean.  Everything the noise ball depends on comes from these. */
typedef struct {
    double H[4];     /* mean of the H_i: the full-data Hessian, row-major */
    double best[2];  /* the exact minimiser p* = (w*, b*) */
    double Sigma[4]; /* covariance of one example's gradient at p* */
    double eig[2];   /* eigenvalues of H, ascending */
    double V[4];     /* its eigenvectors, as columns */
    double floor;    /* the full-data loss at p* */
} quadratic;

static void example_hessian(double Hi[4], double x)
{
    Hi[0] = 2 * x * x, Hi[1] = Hi[2] = 2 * x, Hi[3] = 2;
}

static void example_gradient(double g[2], const double p[2], const dataset *d, size_t i)
{
    const double e = d->x[i] * p[0] + p[1] - d->y[i];
    g[0] = 2 * e * d->x[i], g[1] = 2 * e;
}

static void regression_quadratic(quadratic *q, const dataset *d)
{
    double rhs[2] = {0, 0}, work[6], Hi[4];
    for (size_t k = 0; k < 4; k++)
        q->H[k] = q->Sigma[k] = 0;
    for (size_t i = 0; i < N_DATA; i++) {
        example_hessian(Hi, d->x[i]);
        for (size_t k = 0; k < 4; k++)
            q->H[k] += Hi[k] / N_DATA;
        rhs[0] += 2 * d->x[i] * d->y[i] / N_DATA, rhs[1] += 2 * d->y[i] / N_DATA;
    }
    chapter_check(slope_linalg_solve(q->best, q->H, rhs, 2, work), "the least-squares minimum");
    for (size_t i = 0; i < N_DATA; i++) {
        double g[2];
        example_gradient(g, q->best, d, i);
        q->Sigma[0] += g[0] * g[0] / N_DATA, q->Sigma[1] += g[0] * g[1] / N_DATA;
        q->Sigma[3] += g[1] * g[1] / N_DATA;
    }
    q->Sigma[2] = q->Sigma[1];
    chapter_check(slope_linalg_eigsym(q->eig, q->V, q->H, 2, work), "the Hessian's eigenvalues");
    q->floor = full_loss(q->best, d);
}

/* v^T A v for the k-th eigenvector v of H. */
static double along(const quadratic *q, const double A[4], int k)
{
    const double v0 = q->V[k], v1 = q->V[2 + k];
    return A[0] * v0 * v0 + (A[1] + A[2]) * v0 * v1 + A[3] * v1 * v1;
}

/* weave: noise-ball-formula */
/* The noise ball of constant-rate SGD when only the gradient is noisy: along
 * each eigen-direction of H (curvature h, gradient variance s2 for one
 * example), var = eta s2 / (B (2 h - eta h^2)).  Returns the total, tr C. */
static double noise_ball_formula(const quadratic *q, double eta, double B)
{
    double tr = 0;
    for (int k = 0; k < 2; k++) {
        const double h = q->eig[k], s2 = along(q, q->Sigma, k);
        tr += eta * s2 / (B * (2 * h - eta * h * h));
    }
    return tr;
}
/* weave end */

/* The stationary covariance with the curvature noise too: a batch's Hessian
 * H_t differs from H, and C = E[(I - eta H_t) C (I - eta H_t)] + eta^2
 * Sigma / B becomes, for batches drawn with replacement,
 *   H C + C H - eta H C H - (eta / B) mean_i (H_i - H) C (H_i - H) = (eta / B) Sigma,
 * three linear equations in (c11, c12, c22).  Returns tr C, or NAN when the
 * solution is not positive definite: then no stationary spread exists (the
 * iterates blow up in mean square). */
static double noise_ball_exact(const quadratic *q, const dataset *d, double eta, double B,
                               double C[4])
{
    double A[9], rhs[3], c[3], work[12];
    for (int j = 0; j < 3; j++) { /* the operator applied to a basis matrix */
        const double E[4] = {j == 0, j == 1, j == 1, j == 2};
        double out[4], HE[4], EH[4], HEH[4], tmp[4], M[4] = {0, 0, 0, 0}, D[4], Hi[4];
        slope_linalg_matmul(HE, q->H, E, 2, 2, 2);
        slope_linalg_matmul(EH, E, q->H, 2, 2, 2);
        slope_linalg_matmul(HEH, HE, q->H, 2, 2, 2);
        for (size_t i = 0; i < N_DATA; i++) {
            example_hessian(Hi, d->x[i]);
            for (int k = 0; k < 4; k++)
                D[k] = Hi[k] - q->H[k];
            slope_linalg_matmul(tmp, D, E, 2, 2, 2);
            slope_linalg_matmul(out, tmp, D, 2, 2, 2);
            for (int k = 0; k < 4; k++)
                M[k] += out[k] / N_DATA;
        }
        for (int k = 0; k < 4; k++)
            out[k] = HE[k] + EH[k] - eta * HEH[k] - eta / B * M[k];
        A[0 * 3 + j] = out[0], A[1 * 3 + j] = out[1], A[2 * 3 + j] = out[3];
    }
    rhs[0] = eta / B * q->Sigma[0], rhs[1] = eta / B * q->Sigma[1], rhs[2] = eta / B * q->Sigma[3];
    chapter_check(slope_linalg_solve(c, A, rhs, 3, work), "the stationary covariance");
    C[0] = c[0], C[1] = C[2] = c[1], C[3] = c[2];
    if (!(c[0] > 0 && c[2] > 0 && c[0] * c[2] > c[1] * c[1]))
        return NAN;
    return c[0] + c[2];
}

/* One SGD step on a batch of B examples drawn with replacement. */
static void sgd_replacement_step(double p[2], double eta, size_t B, const dataset *d,
                                 slope_rng *r)
{
    double g[2] = {0, 0}, gi[2];
    for (size_t k = 0; k < B; k++) {
        example_gradient(gi, p, d, (size_t)slope_rng_interval(r, N_DATA - 1));
        g[0] += gi[0], g[1] += gi[1];
    }
    p[0] -= eta * g[0] / (double)B, p[1] -= eta * g[1] / (double)B;
}

#define NOISE_SEED 42      /* every noise experiment starts its own stream here */
#define BALL_BLOCKS 50     /* blocks of the batch-means standard error */
#define BALL_STEPS 400000  /* steps averaged after the burn-in */

typedef struct {
    double tr, se;         /* mean of |p - p*|^2 over the steps, its standard error */
    double var[2];         /* mean squared distance along each eigen-direction */
    int blew_up;
} ball_measure;

/* Start at p*, burn in for 20 relaxation times 1 / (eta h_min), then average
 * |p - p*|^2 over BALL_STEPS steps.  Successive iterates are correlated, so
 * the standard error comes from the means of BALL_BLOCKS consecutive blocks. */
static ball_measure measure_ball(const quadratic *q, const dataset *d, double eta, size_t B)
{
    ball_measure m = {0};
    slope_rng r;
    slope_rng_seed(&r, NOISE_SEED);
    double p[2] = {q->best[0], q->best[1]}, block = 0, sum_b = 0, sum_b2 = 0;
    const long burn = (long)ceil(20 / (eta * q->eig[0]));
    for (long t = 0; t < burn + BALL_STEPS; t++) {
        sgd_replacement_step(p, eta, B, d, &r);
        const double e0 = p[0] - q->best[0], e1 = p[1] - q->best[1];
        if (!(fabs(e0) + fabs(e1) < 1e6)) {
            m.blew_up = 1;
            return m;
        }
        if (t < burn)
            continue;
        const double a0 = e0 * q->V[0] + e1 * q->V[2], a1 = e0 * q->V[1] + e1 * q->V[3];
        m.var[0] += a0 * a0 / BALL_STEPS, m.var[1] += a1 * a1 / BALL_STEPS;
        block += (e0 * e0 + e1 * e1) / (BALL_STEPS / BALL_BLOCKS);
        if ((t - burn + 1) % (BALL_STEPS / BALL_BLOCKS) == 0)
            sum_b += block, sum_b2 += block * block, block = 0;
    }
    m.tr = sum_b / BALL_BLOCKS;
    m.se = sqrt((sum_b2 / BALL_BLOCKS - m.tr * m.tr) / (BALL_BLOCKS - 1));
    return m;
}

/* A claim the lesson makes from a table: when it fails, say which and exit 1. */
static void claim(int ok, const char *what)
{
    if (!ok) {
        fprintf(stderr, "05-gradient-descent: a claim of the lesson failed: %s\n"
                "HINT: the noise experiments are seeded (%d); a change to the library's SGD or\n"
                "random streams moved them -- rerun and read the table above\n", what, NOISE_SEED);
        exit(1);
    }
}

static const double ball_rates[] = {0.0125, 0.05, 0.2, 0.8};
static const size_t ball_batches[] = {1, 4, 16, 64};
static ball_measure ball_measured[4][4]; /* the table's runs, for the figure */

/* Section 5's mini-batch run, continued: the mean of loss - floor after each
 * epoch of shuffled batches, from epoch 11 to epoch `epochs`. */
static double shuffled_excess(const quadratic *q, const dataset *d, double lr, size_t B,
                              int epochs)
{
    slope_rng r;
    slope_rng_seed(&r, NOISE_SEED);
    size_t idx[N_DATA];
    slope_optim_sgd sgd;
    chapter_check(slope_optim_sgd_init(&sgd, lr), "setting the learning rate");
    for (size_t i = 0; i < N_DATA; i++)
        idx[i] = i;
    double p[2] = {0, 0}, sum = 0;
    for (int e = 1; e <= epochs; e++) {
        epoch(p, &sgd, d, B, &r, idx);
        if (e > 10)
            sum += full_loss(p, d) - q->floor;
    }
    return sum / (epochs - 10);
}

static void noise_ball(const quadratic *q, const dataset *d)
{
    chapter_table("noise-ball", "the noise ball of constant-rate SGD: measured against the formula");
    printf("Hessian eigenvalues h = %.4f, %.4f; one example's gradient variance along them"
           " s2 = %.4f, %.4f\n", q->eig[0], q->eig[1], along(q, q->Sigma, 0), along(q, q->Sigma, 1));
    printf("tr C = mean |p - p*|^2 after burn-in, %d steps, batches drawn with replacement\n",
           BALL_STEPS);
    printf("    eta    B    eta/B   measured tr C   +- se   formula   +curv. noise"
           "   meas/formula\n");
    for (size_t i = 0; i < 4; i++)
        for (size_t j = 0; j < 4; j++) {
            const double eta = ball_rates[i];
            const size_t B = ball_batches[j];
            double C[4];
            const double f = noise_ball_formula(q, eta, (double)B);
            const double x = noise_ball_exact(q, d, eta, (double)B, C);
            if (isnan(x) && (B > 4 || eta < 0.8))
                continue; /* printed below */
            ball_measure m = measure_ball(q, d, eta, B);
            ball_measured[i][j] = m;
            if (isnan(x)) { /* mean-square unstable: the run overflows or bursts */
                if (m.blew_up)
                    printf("  %6g  %3zu  %7.4f   no stationary spread: the run blew up\n", eta, B,
                           eta / (double)B);
                else
                    printf("  %6g  %3zu  %7.4f   no stationary spread: bursts, mean %.1e +- %.0e\n",
                           eta, B, eta / (double)B, m.tr, m.se);
                claim(m.blew_up || m.tr > 100 * f,
                      "a run without a stationary covariance blows up or bursts far beyond it");
                continue;
            }
            printf("  %6g  %3zu  %7.4f   %13.4e  %6.1e  %.3e  %.3e   %12.3f\n", eta, B,
                   eta / (double)B, m.tr, m.se, f, x, m.tr / f);
            claim(!m.blew_up && fabs(m.tr - x) < 4 * m.se,
                  "the measured spread is within 4 standard errors of the exact covariance");
        }
    double C[4], HC[4];
    noise_ball_exact(q, d, 0.1, 32, C);
    slope_linalg_matmul(HC, q->H, C, 2, 2, 2);
    const double excess = shuffled_excess(q, d, 0.1, 32, 4000);
    claim(excess < 2 * (HC[0] + HC[3]) / 2 && excess > (HC[0] + HC[3]) / 4,
          "section 5's mini-batch gap has the size the noise ball predicts (within a factor 2)");
    printf("section 5's run (lr 0.1, batch 32): mean loss - floor over epochs 11 to 4000 = %.2e;\n"
           "  the noise ball predicts (1/2) tr(H C) = %.2e for batches drawn with replacement\n",
           excess, (HC[0] + HC[3]) / 2);
}

/* ---- 8b. schedules: the Robbins-Monro conditions ---------------------------- */

#define SCHED_LR 0.2       /* the starting rate of every schedule */
#define SCHED_B 4          /* batch size of the schedule runs */
#define SCHED_T 20000      /* the budget of steps */
#define SCHED_RUNS 100     /* independent runs averaged at each step */
#define SCHED_N 4

static const char *const sched_names[SCHED_N] = {"constant", "1/t", "step", "cosine"};

/* weave: schedules */
/* The four schedules, as functions of the step t (lib/schedule.h). */
static double schedule_rate(int which, size_t t)
{
    switch (which) {
    case 0: return SCHED_LR;                                    /* constant */
    case 1: return slope_schedule_inverse(SCHED_LR, 0.2, t);   /* 0.2 / (1 + 0.2 t) = 1 / (5 + t) */
    case 2: return slope_schedule_step(SCHED_LR, 0.1, SCHED_T / 4, t); /* x 0.1 four times */
    default: return slope_schedule_cosine(SCHED_LR, 0.0, t, SCHED_T); /* half cosine to 0 */
    }
}
/* weave end */

/* msd[t] = mean over the runs of |p_t - p*|^2, t = 0..SCHED_T, and se[t] its
 * standard error across the runs; every schedule sees the same batches. */
static void schedule_runs(double *msd, double *se, int which, const quadratic *q,
                          const dataset *d)
{
    slope_rng r;
    slope_rng_seed(&r, NOISE_SEED);
    for (size_t t = 0; t <= SCHED_T; t++)
        msd[t] = se[t] = 0;
    for (int run = 0; run < SCHED_RUNS; run++) {
        double p[2] = {0.0, 0.0};
        for (size_t t = 0;; t++) {
            const double e0 = p[0] - q->best[0], e1 = p[1] - q->best[1], s = e0 * e0 + e1 * e1;
            msd[t] += s / SCHED_RUNS, se[t] += s * s / SCHED_RUNS;
            if (t == SCHED_T)
                break;
            sgd_replacement_step(p, schedule_rate(which, t), SCHED_B, d, &r);
        }
    }
    for (size_t t = 0; t <= SCHED_T; t++)
        se[t] = sqrt(fmax(se[t] - msd[t] * msd[t], 0) / (SCHED_RUNS - 1));
}

static double *sched_msd[SCHED_N], *sched_se[SCHED_N]; /* shared with the figure */

static void schedules(const quadratic *q, const dataset *d)
{
    chapter_table("schedules", "constant rate against decaying schedules: the noise ball and beyond");
    double C[4];
    const double ball = noise_ball_exact(q, d, SCHED_LR, SCHED_B, C);
    for (int k = 0; k < SCHED_N; k++) {
        sched_msd[k] = xmalloc(SCHED_T + 1, sizeof(double));
        sched_se[k] = xmalloc(SCHED_T + 1, sizeof(double));
        schedule_runs(sched_msd[k], sched_se[k], k, q, d);
    }
    printf("mean |p_t - p*|^2 over %d runs from (0, 0), batch %d, starting rate %g;\n"
           "the noise ball of the constant rate is tr C = %.3e\n", SCHED_RUNS, SCHED_B, SCHED_LR,
           ball);
    printf("    step t");
    for (int k = 0; k < SCHED_N; k++)
        printf("  %11s", sched_names[k]);
    printf("\n");
    const size_t rows[] = {0, 10, 100, 1000, 5000, 10000, 15000, 20000};
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
        printf("  %8zu", rows[i]);
        for (int k = 0; k < SCHED_N; k++)
            printf("  %11.3e", sched_msd[k][rows[i]]);
        printf("\n");
    }
    printf("the rates' sums (Robbins-Monro: sum eta_t infinite, sum eta_t^2 finite)\n");
    printf("  %-9s %14s %14s %16s %16s\n", "schedule", "sum eta to T", "to 100 T",
           "sum eta^2 to T", "to 100 T");
    for (int k = 0; k < SCHED_N; k++) {
        double s1 = 0, s2 = 0, s1T = 0, s2T = 0;
        for (size_t t = 0; t < 100 * (size_t)SCHED_T; t++) {
            const double eta = schedule_rate(k, t);
            s1 += eta, s2 += eta * eta;
            if (t + 1 == SCHED_T)
                s1T = s1, s2T = s2;
        }
        printf("  %-9s %14.4f %14.4f %16.6f %16.6f\n", sched_names[k], s1T, s1, s2T, s2);
    }
    /* eta_t = a / (t0 + t) with a = 1: along a direction of curvature h the
     * mean square tends to a^2 s2 / (B (2 a h - 1) t) once 2 a h > 1 */
    double asym = 0;
    for (int k = 0; k < 2; k++)
        asym += along(q, q->Sigma, k) / (SCHED_B * (2 * q->eig[k] - 1));
    printf("1/t's mean square at step T, predicted (a^2 s2 / (B (2 a h - 1) T), a = 1): %.3e,"
           " measured %.3e\n", asym / SCHED_T, sched_msd[1][SCHED_T]);
    const double *c = sched_msd[0], *inv = sched_msd[1];
    claim(fabs(c[SCHED_T] - ball) < 4 * sched_se[0][SCHED_T],
          "the constant rate ends inside its noise ball (within 4 standard errors)");
    claim(fabs(inv[SCHED_T] / (asym / SCHED_T) - 1) < 0.2,
          "1/t's mean square is within 20% of its predicted asymptote");
    claim(inv[SCHED_T] < ball / 100 && inv[SCHED_T] < 0.7 * inv[SCHED_T / 2],
          "the 1/t schedule ends far inside the noise ball and is still converging");
}

/* ---- 8c. the gradient-noise scale --------------------------------------------- */

#define SCALE_DRAWS 10000 /* batches of each size behind one estimate */
#define SCALE_SMALL 2
#define SCALE_BIG 64

/* |g|^2 and tr Sigma at p, exactly, from all the per-example gradients. */
static void noise_scale_exact(double *g2, double *trS, const double p[2], const dataset *d)
{
    double g[2] = {0, 0}, m2 = 0, gi[2];
    for (size_t i = 0; i < N_DATA; i++) {
        example_gradient(gi, p, d, i);
        g[0] += gi[0] / N_DATA, g[1] += gi[1] / N_DATA;
        m2 += (gi[0] * gi[0] + gi[1] * gi[1]) / N_DATA;
    }
    *g2 = g[0] * g[0] + g[1] * g[1];
    *trS = m2 - *g2;
}

/* weave: noise-scale */
/* The gradient-noise scale tr(Sigma) / |g|^2 from mini-batch gradients
 * alone: E |G_B|^2 = |g|^2 + tr(Sigma) / B, so the mean squared norms at
 * two batch sizes give both unknowns. */
static double noise_scale_estimate(const double p[2], const dataset *d, size_t small,
                                   size_t big, slope_rng *r)
{
    double n2[2] = {0, 0};
    const size_t sizes[2] = {small, big};
    for (int s = 0; s < 2; s++)
        for (int k = 0; k < SCALE_DRAWS; k++) {
            double g[2] = {0, 0}, gi[2];
            for (size_t j = 0; j < sizes[s]; j++) {
                example_gradient(gi, p, d, (size_t)slope_rng_interval(r, N_DATA - 1));
                g[0] += gi[0] / (double)sizes[s], g[1] += gi[1] / (double)sizes[s];
            }
            n2[s] += (g[0] * g[0] + g[1] * g[1]) / SCALE_DRAWS;
        }
    const double bs = (double)small, bb = (double)big;
    const double g2 = (bb * n2[1] - bs * n2[0]) / (bb - bs);
    const double trS = (n2[0] - n2[1]) / (1 / bs - 1 / bb);
    return trS / g2;
}
/* weave end */

static void noise_scale(const quadratic *q, const dataset *d)
{
    chapter_table("noise-scale", "the gradient-noise scale B_noise = tr(Sigma) / |g|^2 along a run");
    slope_rng r;
    slope_rng_seed(&r, NOISE_SEED);
    slope_optim_sgd sgd;
    chapter_check(slope_optim_sgd_init(&sgd, 0.1), "setting the learning rate");
    printf("batch GD from w = b = 0 at lr 0.1 (section 5's run); estimated from %d batches of %d"
           " and of %d\n", SCALE_DRAWS, SCALE_SMALL, SCALE_BIG);
    printf("  epoch   loss - floor        |g|^2    tr Sigma   B_noise exact   estimated\n");
    double p[2] = {0, 0};
    const int rows[] = {0, 1, 2, 5, 10, 15, 20};
    for (int e = 0, i = 0; i < 7; e++) {
        if (e == rows[i]) {
            double g2, trS;
            noise_scale_exact(&g2, &trS, p, d);
            const double est = noise_scale_estimate(p, d, SCALE_SMALL, SCALE_BIG, &r);
            printf("  %5d   %12.3e  %11.3e  %10.4f   %13.1f   %9.1f\n", e,
                   full_loss(p, d) - q->floor, g2, trS, trS / g2, est);
            claim(fabs(est / (trS / g2) - 1) < 0.25, "the estimated noise scale is within 25%");
            i++;
        }
        double g[2];
        size_t all[N_DATA];
        for (size_t k = 0; k < N_DATA; k++)
            all[k] = k;
        mse_gradient(g, p, d, all, N_DATA);
        chapter_check(slope_optim_sgd_step(&sgd, p, g, 2), "the update");
    }
}

/* ---- figure data ------------------------------------------------------------ */

/* Under --data DIR the program also writes the files that plots/05-*.gp draw.
 * Each file holds named blocks that gnuplot selects with `index "[NAME]"`. */

#define FIG_STEPS 200 /* a figure shows at most this many steps: more would merge */

/* One run at rate lr, and the parabola under it, sampled over the stretch
 * of w that the run visits (the animation's stage). */
static void regime_blocks(FILE *fp, int k, double lr, double x0, int steps)
{
    double c = 3.0, traj[FIG_STEPS + 1], loss[FIG_STEPS + 1];
    size_t done = (size_t)steps;
    slope_status s = descend(traj, loss, &done, lr, parabola, parabola_grad, &c, &x0, 1,
                             (size_t)steps);
    if (s != SLOPE_EDIVERGED)
        chapter_check(s, "descending (w - 3)^2");
    char name[32];
    snprintf(name, sizeof name, "run %d", k);
    chapter_data_block(fp, name, "t w_t L(w_t) lr");
    double lo = c, hi = c;
    for (size_t t = 0; t <= done; t++) {
        fprintf(fp, "%zu %.10g %.10g %g\n", t, traj[t], loss[t], lr);
        lo = fmin(lo, traj[t]), hi = fmax(hi, traj[t]);
    }
    snprintf(name, sizeof name, "curve %d", k);
    chapter_data_block(fp, name, "w L(w) over the run's stretch of w, a tenth wider each side");
    const double pad = (hi - lo) / 10;
    for (int i = 0; i <= 200; i++) {
        double w = lo - pad + (hi - lo + 2 * pad) * i / 200;
        fprintf(fp, "%.10g %.10g\n", w, parabola(&w, 1, &c));
    }
}

/* Figures 05-lr-regimes and 05-descent-anim: four rates (slow, fast,
 * oscillating, diverging) on (w - 3)^2 from --x0, for --steps steps. */
static void figure_regimes(double x0, int steps)
{
    FILE *fp = chapter_data("lr-regimes.dat");
    if (!fp)
        return;
    const double rates[] = {0.02, 0.1, 0.95, 1.05};
    for (int k = 0; k < 4; k++)
        regime_blocks(fp, k, rates[k], x0, steps < FIG_STEPS ? steps : FIG_STEPS);
    chapter_data_close(fp);
}

/* Figure 05-bowl-path: the bowl-path table's run over the contours of the
 * elliptical bowl, on a box centred on the minimum (2, 1). */
static void figure_bowl_path(void)
{
    FILE *fp = chapter_data("bowl-path.dat");
    if (!fp)
        return;
    double w0[2] = {-1.0, 3.5}, path[2 * 26], loss[26];
    chapter_check(descend(path, loss, NULL, 0.1, ellipse, ellipse_grad, NULL, w0, 2, 25),
                  "descending the bowl");
    chapter_data_block(fp, "L", "w1 w2 L on a 71 x 61 grid (rows of constant w1)");
    for (int i = 0; i <= 70; i++) {
        for (int j = 0; j <= 60; j++) {
            double w[2] = {2 - 3.5 + 7.0 * i / 70, 1 - 3.0 + 6.0 * j / 60};
            fprintf(fp, "%.6g %.6g %.6g\n", w[0], w[1], ellipse(w, 2, NULL));
        }
        fputc('\n', fp);
    }
    chapter_data_block(fp, "path", "step w1 w2 L, learning rate 0.1");
    for (int k = 0; k <= 25; k++)
        fprintf(fp, "%d %.10g %.10g %.10g\n", k, path[2 * k], path[2 * k + 1], loss[k]);
    chapter_data_block(fp, "minimum", "w1 w2 L");
    const double wmin[2] = {2.0, 1.0};
    fprintf(fp, "%g %g %g\n", wmin[0], wmin[1], ellipse(wmin, 2, NULL));
    chapter_data_close(fp);
}

/* One run on the ravine at rate eta, as the block NAME: step w1 w2 L. */
static void ravine_block(FILE *fp, const char *name, double eta)
{
    double path[2 * (ZIG_STEPS + 1)], loss[ZIG_STEPS + 1];
    chapter_check(descend(path, loss, NULL, eta, ravine, ravine_grad, NULL, ravine_start, 2,
                          ZIG_STEPS), "descending the ravine");
    char note[64];
    snprintf(note, sizeof note, "step w1 w2 L, learning rate %.10g", eta);
    chapter_data_block(fp, name, note);
    for (int k = 0; k <= ZIG_STEPS; k++)
        fprintf(fp, "%d %.10g %.10g %.10g\n", k, path[2 * k], path[2 * k + 1], loss[k]);
}

/* Figure 05-ravine-zigzag: the zigzag table's two runs over the contours of
 * the ravine, on a box that holds the start (2, 1) and the first swing. */
static void figure_zigzag(void)
{
    FILE *fp = chapter_data("ravine-zigzag.dat");
    if (!fp)
        return;
    double L, mu;
    ravine_curvatures(&L, &mu);
    chapter_data_block(fp, "L", "w1 w2 L on a 81 x 61 grid over [-0.4, 2.4] x [-1.2, 1.2] (rows of constant w1)");
    for (int i = 0; i <= 80; i++) {
        for (int j = 0; j <= 60; j++) {
            double w[2] = {-0.4 + 2.8 * i / 80, -1.2 + 2.4 * j / 60};
            fprintf(fp, "%.6g %.6g %.6g\n", w[0], w[1], ravine(w, 2, NULL));
        }
        fputc('\n', fp);
    }
    const double eta = ZIG_FRACTION * slope_convergence_max_step(L), eta_calm = 1 / L;
    chapter_data_block(fp, "constants", "mu L eta_zigzag eta_calm");
    fprintf(fp, "%.10g %.10g %.10g %.10g\n", mu, L, eta, eta_calm);
    ravine_block(fp, "zigzag", eta);
    ravine_block(fp, "calm", eta_calm);
    chapter_data_close(fp);
}

/* Figure 05-batch-vs-minibatch: the full-data loss after every epoch of the
 * two runs of the batch-vs-minibatch table, and the 1000-epoch floor. */
static void figure_batch(const dataset *d, const slope_rng *after_data)
{
    FILE *fp = chapter_data("batch-vs-minibatch.dat");
    if (!fp)
        return;
    slope_rng r = *after_data;
    double pb[2], pm[2], lb[30], lm[30], lf[1000];
    train(pb, lb, 30, 0.1, d, N_DATA, NULL);
    train(pm, lm, 30, 0.1, d, 32, &r);
    train(pb, lf, 1000, 0.1, d, N_DATA, NULL);
    chapter_data_block(fp, "losses", "epoch, full-data loss of batch GD and of mini-batch SGD (B = 32)");
    for (int e = 0; e < 30; e++)
        fprintf(fp, "%d %.10g %.10g\n", e + 1, lb[e], lm[e]);
    chapter_data_block(fp, "floor", "epochs loss: batch GD after 1000 epochs");
    fprintf(fp, "1000 %.10g\n", lf[999]);
    chapter_data_close(fp);
}

/* Figure 05-noise-ball: tr C against eta for each batch size, the formula and
 * the exact covariance as curves, the noise-ball table's runs as points. */
static void figure_noise_ball(const quadratic *q, const dataset *d)
{
    FILE *fp = chapter_data("noise-ball.dat");
    if (!fp)
        return;
    chapter_data_block(fp, "curves", "eta, then formula and exact tr C for B = 1, 4, 16, 64 (NaN: none)");
    for (int i = 0; i <= 120; i++) {
        const double eta = 0.005 * pow(0.95 / 0.005, i / 120.0);
        fprintf(fp, "%.6g", eta);
        for (int j = 0; j < 4; j++) {
            double C[4];
            const double B = (double)ball_batches[j], x = noise_ball_exact(q, d, eta, B, C);
            fprintf(fp, " %.6g %.6g", noise_ball_formula(q, eta, B), x);
        }
        fputc('\n', fp);
    }
    chapter_data_block(fp, "measured", "eta B tr_C se (stationary runs only)");
    for (int i = 0; i < 4; i++)
        for (int j = 0; j < 4; j++) {
            const ball_measure *m = &ball_measured[i][j];
            if (m->tr > 0 && !m->blew_up && m->tr < 1)
                fprintf(fp, "%g %zu %.6g %.3g\n", ball_rates[i], ball_batches[j], m->tr, m->se);
        }
    chapter_data_close(fp);
}

/* Figure 05-schedules: the schedules table's mean squared distance at
 * log-spaced steps, each schedule's rate, and the noise ball. */
static void figure_schedules(const quadratic *q, const dataset *d)
{
    FILE *fp = chapter_data("schedules.dat");
    if (!fp)
        return;
    double C[4];
    chapter_data_block(fp, "ball", "tr C of the constant rate");
    fprintf(fp, "%.6g\n", noise_ball_exact(q, d, SCHED_LR, SCHED_B, C));
    chapter_data_block(fp, "runs", "t, msd of constant 1/t step cosine, then their rates");
    size_t last = (size_t)-1;
    for (int i = 0; i <= 200; i++) {
        const size_t t = (size_t)floor(pow((double)SCHED_T, i / 200.0));
        if (t == last)
            continue;
        last = t;
        fprintf(fp, "%zu", t);
        for (int k = 0; k < SCHED_N; k++)
            fprintf(fp, " %.6g", sched_msd[k][t]);
        for (int k = 0; k < SCHED_N; k++)
            fprintf(fp, " %.6g", schedule_rate(k, t));
        fputc('\n', fp);
    }
    chapter_data_close(fp);
}

int main(int argc, char **argv)
{
    double lr = 0.1, x0 = -2.0;
    int steps = 50;
    const chapter_opt opts[] = {
        {"lr", CHAPTER_DOUBLE, &lr, "learning rate of your run on (w - 3)^2 (> 0)"},
        {"x0", CHAPTER_DOUBLE, &x0, "start point of your run and of the learning-rate table (|x0| <= 1e6)"},
        {"steps", CHAPTER_INT, &steps, "steps of your run and of the learning-rate table (1 to 1000000)"},
    };
    chapter_parse(argc, argv, "Chapter 05: gradient descent, its learning rate, and its batches.",
                  opts, sizeof opts / sizeof *opts);
    chapter_require(lr > 0, "--lr must be positive: a step moves against the gradient");
    chapter_require(steps >= 1 && steps <= MAX_STEPS, "--steps must be between 1 and 1000000");
    chapter_require(fabs(x0) <= 1e6, "--x0 must be between -1e6 and 1e6");

    shrinking_steps();
    self_check();
    steps_vs_error();
    lr_regimes(x0, steps);
    your_descent(lr, x0, steps);
    curvature();
    bowl_path();
    zigzag();

    slope_rng rng;
    dataset d;
    draw_data(&d, &rng);
    batch_vs_minibatch(&d, &rng);
    epochs_iterations();
    batch_size_lr(&d, &rng);

    quadratic q;
    regression_quadratic(&q, &d);
    noise_ball(&q, &d);
    schedules(&q, &d);
    noise_scale(&q, &d);

    figure_regimes(x0, steps);
    figure_bowl_path();
    figure_zigzag();
    figure_batch(&d, &rng);
    figure_noise_ball(&q, &d);
    figure_schedules(&q, &d);
    for (int k = 0; k < SCHED_N; k++)
        free(sched_msd[k]), free(sched_se[k]);
    return 0;
}
