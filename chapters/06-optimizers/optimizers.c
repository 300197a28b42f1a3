/*
 * Chapter 06 -- optimizers.
 *
 * Prints every table of lesson.md, in the lesson's order: vanilla SGD on
 * (w - 3)^2 and its limits on the ravine w1^2 + 10 w2^2; SGD against momentum
 * on the ravine; the two momentum forms (the moving average and the heavy
 * ball) tracing one path; what tuned momentum buys; RMSProp on the ravine and
 * where its epsilon goes; Adam against SGD (where a common claim fails,
 * why, and when Adam wins, and why turning the ravine takes that win away);
 * Adam's bias correction; the ravine lab (the zig-zag against the tuned
 * heavy ball, Nesterov's two forms, shown to be one method, and Adam; then
 * the ravine turned by 30 and 45 degrees); AdamW's decoupled weight
 * decay against L2 in the gradient; the four-optimizer race on
 * sin(w1) + 0.5 w2^2; and a run with your own settings.
 *
 * Every update is one of libslope's optimizers (lib/optim.h), called one step
 * at a time or through the driver slope_optim_run.  The tables use the
 * settings of the usual textbook runs; the options drive the last table.
 *
 * Try: --opt-lr 0.3 --steps 60, --beta 0.5, --eps 1e-3, --w1 -3 --w2 0.01.
 */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "chapter.h"
#include "race.h"
#include "slope.h"

enum { MAX_STEPS = 100000 };

/* ---- the losses the lesson studies ------------------------------------------ */

static double bowl(const double *w, size_t n, void *p)
{
    (void)n, (void)p;
    return (w[0] - 3) * (w[0] - 3);
}

static void bowl_grad(double *g, const double *w, size_t n, void *p)
{
    (void)n, (void)p;
    g[0] = 2 * (w[0] - 3);
}

/* The ravine w1^2 + 10 w2^2 and sin(w1) + 0.5 w2^2 live in race.c, which the
 * course website's live figure compiles too. */

/* ---- setting up an optimizer (each one's moments live with the caller) ----- */

static slope_optim make_sgd(double lr)
{
    slope_optim o = {.kind = SLOPE_OPTIM_SGD};
    chapter_check(slope_optim_sgd_init(&o.sgd, lr), "setting up SGD");
    return o;
}

static slope_optim make_momentum(double *v, size_t n, double lr, double beta,
                                 slope_momentum_form form)
{
    slope_optim o = {.kind = SLOPE_OPTIM_MOMENTUM};
    chapter_check(slope_optim_momentum_init(&o.momentum, v, n, lr, beta, form), "setting up momentum");
    return o;
}

static slope_optim make_rmsprop(double *s, size_t n, double lr, double beta, double eps)
{
    slope_optim o = {.kind = SLOPE_OPTIM_RMSPROP};
    chapter_check(slope_optim_rmsprop_init(&o.rmsprop, s, n, lr, beta, eps), "setting up RMSProp");
    return o;
}

static slope_optim make_adam(double *m, double *v, size_t n, double lr, double beta1,
                             double beta2, double eps)
{
    slope_optim o = {.kind = SLOPE_OPTIM_ADAM};
    chapter_check(slope_optim_adam_init(&o.adam, m, v, n, lr, beta1, beta2, eps), "setting up Adam");
    return o;
}

/* k steps from x0: traj holds (k+1) x n iterates, loss k+1 values. */
static void descend(double *traj, double *loss, slope_optim *o, slope_fn_n f, slope_grad_fn grad,
                    const double *x0, size_t n, size_t k)
{
    double work[2];
    chapter_check(slope_optim_run(traj, loss, NULL, o, f, grad, NULL, x0, work, n, k), "a descent");
}

/* numpy's str() of a 2-vector, as Python's f-strings print it. */
static const char *npvec(char *buf, size_t size, const double *w)
{
    chapter_check(slope_table_numpy_vector(buf, size, w, 2), "formatting a vector");
    return buf;
}

static const double ravine_start[2] = {2.0, 1.0};

/* ---- 1. vanilla SGD ------------------------------------------------------------- */

/* The textbook loop: 20 steps of w <- w - 0.1 * 2 (w - 3) from w = 0. */
static void sgd_history(double hist[21])
{
    double w = 0.0, g;
    slope_optim_sgd sgd;
    chapter_check(slope_optim_sgd_init(&sgd, 0.1), "setting the learning rate");
    hist[0] = w;
    for (int step = 1; step <= 20; step++) {
        bowl_grad(&g, &w, 1, NULL);
        chapter_check(slope_optim_sgd_step(&sgd, &w, &g, 1), "an SGD step");
        hist[step] = w;
    }
}

static void sgd_alone(void)
{
    chapter_table("sgd", "vanilla SGD on L(w) = (w - 3)^2, alpha = 0.1, from w = 0");
    double hist[21];
    sgd_history(hist);
    printf("Step         w     loss   3 - 3*0.8^step\n");
    printf("-----------------------------------------\n");
    for (int k = 0; k <= 20; k += 4)
        printf("  %2d   %.4f   %.4f   %.4f\n", k, hist[k], bowl(&hist[k], 1, NULL),
               3 - 3 * pow(0.8, k));
    printf("The distance to w = 3 shrinks by the same factor 1 - 2*alpha = 0.8 every step.\n");
}

/* ---- 2. the limits of one learning rate on the ravine ------------------------- */

/* Per-step contraction of SGD on a quadratic with curvature h. */
static double sgd_factor(double lr, double h) { return 1 - lr * h; }

static void sgd_limits(double L, double mu)
{
    chapter_table("sgd-ravine", "one learning rate for two curvatures: SGD on w1^2 + 10 w2^2");
    const double lrs[] = {0.01, 0.05, 2 / (L + mu), 0.095, slope_convergence_max_step(L), 0.105};
    printf("Curvatures mu = %g (w1) and L = %g (w2); SGD is stable only for alpha < 2/L = %g\n",
           mu, L, slope_convergence_max_step(L));
    printf("   alpha   w1 factor   w2 factor   loss after 25   loss after 100\n");
    printf("------------------------------------------------------------------\n");
    for (int i = 0; i < 6; i++) {
        double traj[2 * 101], loss[101];
        slope_optim o = make_sgd(lrs[i]);
        descend(traj, loss, &o, ravine, ravine_grad, ravine_start, 2, 100);
        printf("  %.4f   %+9.4f   %+9.4f   %13.6e   %14.6e\n", lrs[i], sgd_factor(lrs[i], mu),
               sgd_factor(lrs[i], L), loss[25], loss[100]);
    }
    printf("alpha = 2/(L + mu) = %.4f balances the two factors at (L - mu)/(L + mu) = %.4f\n",
           2 / (L + mu), (L - mu) / (L + mu));
}

/* ---- 3. momentum ---------------------------------------------------------------- */

static void sgd_vs_momentum(void)
{
    chapter_table("sgd-vs-momentum", "SGD vs momentum (EMA form) on the ravine, alpha = 0.05, beta = 0.9");
    double ts[2 * 26], ls[26], tm[2 * 26], lm[26], v[2];
    slope_optim sgd = make_sgd(0.05);
    slope_optim mom = make_momentum(v, 2, 0.05, 0.9, SLOPE_MOMENTUM_EMA);
    descend(ts, ls, &sgd, ravine, ravine_grad, ravine_start, 2, 25);
    descend(tm, lm, &mom, ravine, ravine_grad, ravine_start, 2, 25);
    printf("Step |  SGD loss | Momentum loss\n");
    printf("-----|-----------|--------------\n");
    for (int k = 5; k <= 25; k += 5)
        printf("  %2d |  %.6f |      %.6f\n", k, ls[k], lm[k]);
    char a[64], b[64];
    printf("\nFinal w_sgd : %s   distance to (0, 0) %.4f, loss %.6f\n", npvec(a, sizeof a, ts + 50),
           hypot(ts[50], ts[51]), ls[25]);
    printf("Final w_mom : %s   distance to (0, 0) %.4f, loss %.6f\n", npvec(b, sizeof b, tm + 50),
           hypot(tm[50], tm[51]), lm[25]);
    printf("Momentum ends nearer the origin but higher on the loss: it is off along the steep w2.\n");
}

/* The two forms side by side: EMA with (alpha, beta), heavy ball with
 * (eta = alpha (1 - beta), beta).  Same path; velocities differ by -alpha. */
static void momentum_forms(double alpha, double beta)
{
    double we[2] = {2.0, 1.0}, wh[2] = {2.0, 1.0}, ve[2], vh[2], g[2];
    slope_optim_momentum ema, heavy;
    chapter_check(slope_optim_momentum_init(&ema, ve, 2, alpha, beta, SLOPE_MOMENTUM_EMA), "EMA form");
    chapter_check(slope_optim_momentum_init(&heavy, vh, 2, alpha * (1 - beta), beta,
                                            SLOPE_MOMENTUM_HEAVY_BALL), "heavy-ball form");
    for (int step = 1; step <= 25; step++) {
        ravine_grad(g, we, 2, NULL);
        chapter_check(slope_optim_momentum_step(&ema, we, g, 2), "an EMA step");
        ravine_grad(g, wh, 2, NULL);
        chapter_check(slope_optim_momentum_step(&heavy, wh, g, 2), "a heavy-ball step");
        if (step <= 3 || step % 5 == 0)
            printf("  %2d  %+.8f  %+.8f  %+.8f  %+.8f  %7.1e  %+.6f\n", step, we[0], we[1], wh[0],
                   wh[1], fmax(fabs(we[0] - wh[0]), fabs(we[1] - wh[1])), vh[1] / ve[1]);
    }
}

static void momentum_forms_table(void)
{
    const double alpha = 0.05, beta = 0.9;
    chapter_table("momentum-forms", "the EMA form and the heavy-ball form trace the same path");
    printf("EMA form alpha = %g, beta = %g  vs  heavy ball eta = alpha (1 - beta) = %g, beta = %g\n",
           alpha, beta, alpha * (1 - beta), beta);
    printf("step   EMA w1       EMA w2       heavy w1     heavy w2     max|diff|  v_heavy/v_EMA\n");
    printf("-----------------------------------------------------------------------------------\n");
    momentum_forms(alpha, beta);

    double t1[2 * 26], l1[26], t2[2 * 26], l2[26], v[2];
    slope_optim same = make_momentum(v, 2, alpha, beta, SLOPE_MOMENTUM_HEAVY_BALL);
    descend(t1, l1, &same, ravine, ravine_grad, ravine_start, 2, 25);
    slope_optim ema = make_momentum(v, 2, alpha, beta, SLOPE_MOMENTUM_EMA);
    descend(t2, l2, &ema, ravine, ravine_grad, ravine_start, 2, 25);
    printf("The same number in both slots is a different method: heavy ball with eta = %g\n"
           "(a step 1/(1 - beta) = %g times larger) ends at loss %.6f, the EMA form at %.6f.\n",
           alpha, 1 / (1 - beta), l1[25], l2[25]);
}

/* Spectral radius of heavy-ball momentum on curvature h: the larger root of
 * z^2 - (1 + beta - eta h) z + beta = 0 in modulus (sqrt(beta) if complex). */
static double heavy_ball_factor(double eta, double beta, double h)
{
    double b = 1 + beta - eta * h, disc = b * b - 4 * beta;
    if (disc < 0)
        return sqrt(beta);
    return fmax(fabs(b + sqrt(disc)), fabs(b - sqrt(disc))) / 2;
}

/* One row: the worst per-step factor over both curvatures, and the losses. */
static void rate_row(const char *name, slope_optim *o, double factor)
{
    double traj[2 * 101], loss[101];
    descend(traj, loss, o, ravine, ravine_grad, ravine_start, 2, 100);
    printf("%-36s  %6.4f  %13.6e  %13.6e\n", name, factor, loss[25], loss[100]);
}

/* One row of the zig-zag table: how often w2 changes sign in the first 20
 * steps, the worst per-step factor, and the losses after 25 and 100 steps. */
static void zigzag_row(const char *name, slope_optim *o, double factor)
{
    double traj[2 * 101], loss[101];
    descend(traj, loss, o, ravine, ravine_grad, ravine_start, 2, 100);
    int flips = 0;
    for (int k = 1; k <= 20; k++)
        flips += traj[2 * k + 1] * traj[2 * k - 1] < 0;
    printf("%-30s  %8d  %6.4f  %13.6e  %13.6e\n", name, flips, factor, loss[25], loss[100]);
}

/* Chapter 05's zig-zag run (alpha = 0.95 * 2/L) with and without momentum. */
static void zigzag_momentum(double L, double mu)
{
    const double alpha = 0.95 * slope_convergence_max_step(L);
    chapter_table("zigzag-momentum", "the zig-zag run of chapter 05, with momentum added");
    printf("Ravine from (2, 1), alpha = 0.95 * 2/L = %.4f for every run\n", alpha);
    printf("%-30s  %8s  %6s  %13s  %13s\n", "method", "w2 flips", "factor", "loss after 25",
           "loss after 100");
    printf("%-30s  %8s\n", "", "(of 20)");
    printf("------------------------------------------------------------------------------\n");
    double v[2];
    slope_optim o = make_sgd(alpha);
    zigzag_row("SGD", &o, fmax(fabs(sgd_factor(alpha, mu)), fabs(sgd_factor(alpha, L))));
    const double betas[] = {0.5, 0.9};
    for (int i = 0; i < 2; i++) {
        char name[48];
        const double eta = alpha * (1 - betas[i]);   /* the heavy ball's rate, section 2 */
        snprintf(name, sizeof name, "momentum, beta = %g", betas[i]);
        o = make_momentum(v, 2, alpha, betas[i], SLOPE_MOMENTUM_EMA);
        zigzag_row(name, &o, fmax(heavy_ball_factor(eta, betas[i], mu),
                                  heavy_ball_factor(eta, betas[i], L)));
    }
    printf("factor = the largest per-step shrink of the error over both directions (< 1 converges)\n");
}

static void momentum_tuned(double L, double mu)
{
    chapter_table("momentum-tuned", "per-step factors on the ravine: the usual settings vs tuned ones");
    double kappa = slope_convergence_kappa(L, mu), v[2], sk = sqrt(kappa);
    double beta = ((sk - 1) / (sk + 1)) * ((sk - 1) / (sk + 1));
    double eta = 4 / ((sqrt(L) + sqrt(mu)) * (sqrt(L) + sqrt(mu)));
    printf("kappa = L/mu = %g; tuned heavy ball: beta = ((sqrt(kappa)-1)/(sqrt(kappa)+1))^2 = %.4f,\n"
           "eta = 4/(sqrt(L)+sqrt(mu))^2 = %.4f (EMA form: alpha = eta/(1 - beta) = %.4f)\n",
           kappa, beta, eta, eta / (1 - beta));
    printf("%-36s  %6s  %13s  %13s\n", "method", "factor", "loss after 25", "loss after 100");
    printf("-----------------------------------------------------------------------------\n");
    slope_optim o = make_sgd(0.05);
    rate_row("SGD alpha = 0.05 (= 1/L)", &o, fmax(fabs(sgd_factor(0.05, mu)), fabs(sgd_factor(0.05, L))));
    double best = 2 / (L + mu);
    o = make_sgd(best);
    rate_row("SGD alpha = 2/(L + mu)", &o, fmax(fabs(sgd_factor(best, mu)), fabs(sgd_factor(best, L))));
    o = make_momentum(v, 2, 0.05, 0.9, SLOPE_MOMENTUM_EMA);
    rate_row("momentum alpha 0.05, beta 0.9, usual", &o,
             fmax(heavy_ball_factor(0.005, 0.9, mu), heavy_ball_factor(0.005, 0.9, L)));
    o = make_momentum(v, 2, eta, beta, SLOPE_MOMENTUM_HEAVY_BALL);
    rate_row("momentum tuned to kappa", &o, fmax(heavy_ball_factor(eta, beta, mu),
                                                 heavy_ball_factor(eta, beta, L)));
    printf("factor = the largest per-step shrink of the error over both directions (< 1 converges)\n");
}

/* ---- 4. RMSProp ------------------------------------------------------------------- */

static void rmsprop_ravine(void)
{
    chapter_table("rmsprop", "RMSProp on the ravine, alpha = 0.05, beta = 0.9, eps = 1e-8");
    double traj[2 * 26], loss[26], s[2];
    slope_optim o = make_rmsprop(s, 2, 0.05, 0.9, 1e-8);
    descend(traj, loss, &o, ravine, ravine_grad, ravine_start, 2, 25);
    char a[64];
    printf("  Step  0: w = %s, loss = %.6f\n", npvec(a, sizeof a, traj), loss[0]);
    for (int k = 5; k <= 25; k += 5)
        printf("  Step %2d: w = [%+.4f, %+.4f], loss = %.6f\n", k, traj[2 * k], traj[2 * k + 1], loss[k]);
    printf("\nFinal w: %s  (target: [0, 0])\n", npvec(a, sizeof a, traj + 50));
    printf("Over the first 5 steps both coordinates moved alike, whatever their gradient:\n"
           "%.4f and %.4f per step, about 2 alpha, because s starts at 0 (no bias correction).\n",
           (traj[0] - traj[10]) / 5, (traj[1] - traj[11]) / 5);
}

/* One RMSProp step from w = 0 with gradient g: the step taken. */
static double rms_first_step(double g, double eps, slope_rmsprop_eps mode)
{
    double w = 0.0, s;
    slope_optim_rmsprop o;
    chapter_check(slope_optim_rmsprop_init(&o, &s, 1, 0.05, 0.9, eps), "setting up RMSProp");
    o.eps_mode = mode;
    chapter_check(slope_optim_rmsprop_step(&o, &w, &g, 1), "an RMSProp step");
    return -w;
}

static void rmsprop_eps(void)
{
    const double eps = 1e-8, lr = 0.05;
    chapter_table("rmsprop-eps", "where epsilon goes: sqrt(s) + eps vs sqrt(s + eps)");
    printf("First step of RMSProp (alpha = %g, beta = 0.9, eps = %g) for a gradient g;\n"
           "s = 0.1 g^2, so without eps the step would be alpha/sqrt(0.1) = %.6f for any g\n",
           lr, eps, lr / sqrt(0.1));
    printf("       g    sqrt(s)      step: sqrt(s)+eps   step: sqrt(s+eps)\n");
    printf("--------------------------------------------------------------\n");
    const double gs[] = {1.0, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-8, 1e-10};
    for (int i = 0; i < 8; i++)
        printf("  %6.0e   %8.2e   %18.6e   %17.6e\n", gs[i], sqrt(0.1) * gs[i],
               rms_first_step(gs[i], eps, SLOPE_RMSPROP_EPS_OUTSIDE),
               rms_first_step(gs[i], eps, SLOPE_RMSPROP_EPS_INSIDE));
    printf("Inside the root, eps = %g acts like %g outside it and damps every gradient\n"
           "below about sqrt(eps / 0.1) = %.1e; outside, only those below about %.1e.\n",
           eps, sqrt(eps), sqrt(eps / 0.1), eps / sqrt(0.1));

    double t_out[2 * 26], t_in[2 * 26], s[2];
    slope_optim o = make_rmsprop(s, 2, lr, 0.9, eps);
    descend(t_out, NULL, &o, ravine, ravine_grad, ravine_start, 2, 25);
    o = make_rmsprop(s, 2, lr, 0.9, eps);
    o.rmsprop.eps_mode = SLOPE_RMSPROP_EPS_INSIDE;
    descend(t_in, NULL, &o, ravine, ravine_grad, ravine_start, 2, 25);
    printf("On the ravine, whose gradients are of order 1, the run of the RMSProp table ends at\n"
           "  eps outside: w = [%+.10f, %+.10f]\n  eps inside:  w = [%+.10f, %+.10f]\n",
           t_out[50], t_out[51], t_in[50], t_in[51]);
}

/* ---- 5. Adam ---------------------------------------------------------------------- */

static void adam_vs_sgd(void)
{
    chapter_table("adam-vs-sgd", "Adam (alpha = 0.1) vs SGD (alpha = 0.05) on the ravine");
    double ta[2 * 31], la[31], tsg[2 * 31], lsg[31], m[2], v[2];
    slope_optim adam = make_adam(m, v, 2, 0.1, 0.9, 0.999, 1e-8);
    slope_optim sgd = make_sgd(0.05);
    descend(ta, la, &adam, ravine, ravine_grad, ravine_start, 2, 30);
    descend(tsg, lsg, &sgd, ravine, ravine_grad, ravine_start, 2, 30);
    printf("Step | Adam loss |  SGD loss\n");
    printf("-----|-----------|----------\n");
    for (int t = 5; t <= 30; t += 5)
        printf("  %2d |  %.6f |  %.6f\n", t, la[t], lsg[t]);
    char a[64];
    printf("\nFinal Adam w : %s\n", npvec(a, sizeof a, ta + 60));
    printf("Final SGD  w : %s\n", npvec(a, sizeof a, tsg + 60));
    printf("After 30 steps %s is lower: Adam %.6f, SGD %.6f (SGD ahead by a factor %.1f).\n",
           la[30] < lsg[30] ? "Adam" : "SGD", la[30], lsg[30], la[30] / lsg[30]);
}

/* Adam's path on the ravine, with the size of each step. */
static void adam_steps(void)
{
    chapter_table("adam-steps", "why Adam loses here: steps of about alpha, whatever the curvature");
    double traj[2 * 31], loss[31], m[2], v[2];
    slope_optim adam = make_adam(m, v, 2, 0.1, 0.9, 0.999, 1e-8);
    descend(traj, loss, &adam, ravine, ravine_grad, ravine_start, 2, 30);
    printf("   t        w1        w2   |step w1|   |step w2|       loss\n");
    printf("------------------------------------------------------------\n");
    for (int t = 1; t <= 30; t++) {
        if (t > 12 && t % 3)
            continue;
        const double *w = traj + 2 * t, *p = w - 2;
        printf("  %2d   %+.4f   %+.4f      %.4f      %.4f   %.6f\n", t, w[0], w[1], fabs(w[0] - p[0]),
               fabs(w[1] - p[1]), loss[t]);
    }
}

/* Loss of Adam (lr) after k steps from the ravine start. */
static double adam_loss(double lr, size_t k)
{
    double traj[2 * 1001], loss[1001], m[2], v[2];
    slope_optim o = make_adam(m, v, 2, lr, 0.9, 0.999, 1e-8);
    descend(traj, loss, &o, ravine, ravine_grad, ravine_start, 2, k);
    return loss[k];
}

static double sgd_loss(double lr, size_t k)
{
    double traj[2 * 1001], loss[1001];
    slope_optim o = make_sgd(lr);
    descend(traj, loss, &o, ravine, ravine_grad, ravine_start, 2, k);
    return loss[k];
}

static void adam_sweep(void)
{
    chapter_table("adam-sweep", "Adam's learning rate and step budget vs SGD (alpha = 0.05) on the ravine");
    const double lrs[] = {0.01, 0.03, 0.1, 0.3, 1.0};
    const size_t ks[] = {5, 10, 30, 100};
    printf("Loss after k steps from (2, 1); '<' marks an Adam run below SGD's loss at the same k\n");
    printf("  Adam alpha      k = 5     k = 10     k = 30    k = 100\n");
    printf("---------------------------------------------------------\n");
    for (int i = 0; i < 5; i++) {
        printf("  %10g", lrs[i]);
        for (int j = 0; j < 4; j++) {
            double a = adam_loss(lrs[i], ks[j]);
            printf("  %8.2e%s", a, a < sgd_loss(0.05, ks[j]) ? "<" : " ");
        }
        printf("\n");
    }
    printf("  %10s", "SGD 0.05");
    for (int j = 0; j < 4; j++)
        printf("  %8.2e ", sgd_loss(0.05, ks[j]));
    printf("\n");
}

/* The ravine w1^2 + c w2^2 with c = *params. */
static double ravine_c(const double *w, size_t n, void *p)
{
    (void)n;
    return w[0] * w[0] + *(const double *)p * (w[1] * w[1]);
}

static void ravine_c_grad(double *g, const double *w, size_t n, void *p)
{
    (void)n;
    g[0] = 2 * w[0];
    g[1] = 2 * *(const double *)p * w[1];
}

/* Loss after k <= 100 steps of o on the ravine with steepness c; the final
 * iterate goes to w_end. */
static double ravine_c_loss(double w_end[2], slope_optim *o, double c, size_t k)
{
    double traj[2 * 101], loss[101], work[2];
    chapter_check(slope_optim_run(traj, loss, NULL, o, ravine_c, ravine_c_grad, &c, ravine_start,
                                  work, 2, k), "a descent on a steeper ravine");
    w_end[0] = traj[2 * k];
    w_end[1] = traj[2 * k + 1];
    return loss[k];
}

static void adam_scale(void)
{
    chapter_table("adam-scale", "where Adam wins: steeper ravines w1^2 + c w2^2, 100 steps from (2, 1)");
    printf("SGD gets the best constant rate for each c, 2/(L + mu) = 1/(1 + c), which needs the\n"
           "curvatures; Adam keeps alpha = 0.1 for every c\n");
    printf("       c   kappa   SGD alpha   SGD loss   Adam loss   winner   Adam's final w\n");
    printf("---------------------------------------------------------------------------------------\n");
    const double cs[] = {1, 10, 100, 1000, 10000};
    for (int i = 0; i < 5; i++) {
        double m[2], v[2], lr = 1 / (1 + cs[i]);
        slope_optim sgd = make_sgd(lr), adam = make_adam(m, v, 2, 0.1, 0.9, 0.999, 1e-8);
        double ws[2], wa[2];
        double ls = ravine_c_loss(ws, &sgd, cs[i], 100), la = ravine_c_loss(wa, &adam, cs[i], 100);
        printf("  %6g  %6g   %9.2e   %8.2e    %8.2e   %-6s   (%+.6f, %+.6f)\n", cs[i],
               slope_convergence_kappa(2 * cs[i], 2), lr, ls, la, la < ls ? "Adam" : "SGD", wa[0], wa[1]);
    }
}

/* The ravine w1^2 + c w2^2 turned by an angle: in the coordinates
 * u = cos(a) w1 + sin(a) w2 (its floor) and v = -sin(a) w1 + cos(a) w2
 * (across), the loss is u^2 + c v^2.  Same shape, same L, mu and kappa; only
 * the axes of the ravine no longer lie along the coordinates. */
typedef struct {
    double c, cs, sn;
} turned;

static void turned_uv(double uv[2], const double *w, const turned *t)
{
    uv[0] = t->cs * w[0] + t->sn * w[1];
    uv[1] = -t->sn * w[0] + t->cs * w[1];
}

static double ravine_turned(const double *w, size_t n, void *p)
{
    (void)n;
    double uv[2];
    turned_uv(uv, w, p);
    return uv[0] * uv[0] + ((const turned *)p)->c * (uv[1] * uv[1]);
}

static void ravine_turned_grad(double *g, const double *w, size_t n, void *p)
{
    (void)n;
    const turned *t = p;
    double uv[2];
    turned_uv(uv, w, t);
    const double du = 2 * uv[0], dv = 2 * t->c * uv[1];   /* chain rule back to (w1, w2) */
    g[0] = t->cs * du - t->sn * dv;
    g[1] = t->sn * du + t->cs * dv;
}

#define TURN_DEGREES 30.0

static void adam_turned(void)
{
    chapter_table("adam-turned", "Adam on the same ravines turned by 30 degrees");
    printf("w1^2 + c w2^2 and the same ravine turned by %g degrees, each started at the same point\n"
           "of its own shape ((2, 1) before turning); Adam alpha = 0.1, 100 steps\n", TURN_DEGREES);
    printf("       c   kappa   loss, aligned   loss, turned   turned: u, the coordinate along the floor\n");
    printf("---------------------------------------------------------------------------------------\n");
    const double cs[] = {1, 10, 100, 1000, 10000}, a = TURN_DEGREES * PI / 180;
    for (int i = 0; i < 5; i++) {
        double m[2], v[2], w_end[2], traj[2 * 101], loss[101], work[2], uv[2];
        slope_optim adam = make_adam(m, v, 2, 0.1, 0.9, 0.999, 1e-8);
        const double aligned = ravine_c_loss(w_end, &adam, cs[i], 100);
        turned t = {cs[i], cos(a), sin(a)};
        const double w0[2] = {2 * t.cs - t.sn, 2 * t.sn + t.cs};   /* (u, v) = (2, 1) */
        adam = make_adam(m, v, 2, 0.1, 0.9, 0.999, 1e-8);
        chapter_check(slope_optim_run(traj, loss, NULL, &adam, ravine_turned, ravine_turned_grad, &t,
                                      w0, work, 2, 100), "Adam on a turned ravine");
        turned_uv(uv, traj + 200, &t);
        printf("  %6g  %6g   %13.2e   %12.2e   %+.4f (from +2)\n", cs[i], slope_convergence_kappa(2 * cs[i], 2),
               aligned, loss[100], uv[0]);
    }
}

/* weave: bias-correction */
/* Adam without bias correction, through the library: the corrections are
 * 1/(1 - beta^t), which equal 1 in double once beta^t < eps/2.  Setting the
 * step counter past that point before each step turns them off. */
static size_t uncorrected_t(double beta1, double beta2)
{
    double b = fmax(beta1, beta2);
    return (size_t)ceil(log(DBL_EPSILON / 4) / log(b));
}
/* weave end */

static void bias_correction(double lr, double beta1, double beta2, double eps)
{
    chapter_table("bias-correction", "Adam's first steps with and without bias correction");
    double wc[2] = {2.0, 1.0}, wu[2] = {2.0, 1.0}, mc[2], vc[2], mu[2], vu[2], g[2];
    slope_optim_adam cor, unc;
    chapter_check(slope_optim_adam_init(&cor, mc, vc, 2, lr, beta1, beta2, eps), "Adam");
    chapter_check(slope_optim_adam_init(&unc, mu, vu, 2, lr, beta1, beta2, eps), "Adam");
    printf("Ravine from (2, 1), alpha = %g, beta1 = %g, beta2 = %g; step = change of w\n", lr, beta1, beta2);
    printf("  t   1-beta1^t  1-beta2^t   corrected step (w1, w2)   uncorrected step (w1, w2)\n");
    printf("----------------------------------------------------------------------------------\n");
    for (int t = 1; t <= 30; t++) {
        double pc[2] = {wc[0], wc[1]}, pu[2] = {wu[0], wu[1]};
        ravine_grad(g, wc, 2, NULL);
        chapter_check(slope_optim_adam_step(&cor, wc, g, 2), "an Adam step");
        unc.t = uncorrected_t(beta1, beta2);
        ravine_grad(g, wu, 2, NULL);
        chapter_check(slope_optim_adam_step(&unc, wu, g, 2), "an uncorrected Adam step");
        if (t <= 5 || t == 10 || t == 30)
            printf("  %2d  %9.6f  %9.6f   %+10.6f  %+10.6f     %+10.6f  %+10.6f\n", t,
                   1 - pow(beta1, t), 1 - pow(beta2, t), wc[0] - pc[0], wc[1] - pc[1],
                   wu[0] - pu[0], wu[1] - pu[1]);
    }
    printf("Uncorrected, the first step is (1 - beta1)/sqrt(1 - beta2) = %.4f times alpha, not alpha.\n",
           (1 - beta1) / sqrt(1 - beta2));
    printf("Loss after 30 steps: corrected %.6f, uncorrected %.6f\n", ravine(wc, 2, NULL),
           ravine(wu, 2, NULL));
}

/* ---- 5. the ravine lab: curing the zig-zag, and turning the ravine ------------------- */

static slope_optim make_heavy_ball(double *v, size_t n, double eta, double beta)
{
    return make_momentum(v, n, eta, beta, SLOPE_MOMENTUM_HEAVY_BALL);
}

static slope_optim make_nesterov(double *v, size_t n, double lr, double beta,
                                 slope_nesterov_form form)
{
    slope_optim o = {.kind = SLOPE_OPTIM_NESTEROV};
    chapter_check(slope_optim_nesterov_init(&o.nesterov, v, n, lr, beta, form), "setting up Nesterov");
    return o;
}

/* Spectral radius of Nesterov's method on curvature h: the error obeys
 * e_{k+1} = (1 + beta)(1 - lr h) e_k - beta (1 - lr h) e_{k-1}, whose
 * characteristic roots solve z^2 - (1 + beta) q z + beta q = 0, q = 1 - lr h. */
static double nesterov_factor(double lr, double beta, double h)
{
    double q = 1 - lr * h, b = (1 + beta) * q, disc = b * b - 4 * beta * q;
    if (disc < 0)
        return sqrt(beta * q);
    return fmax(fabs(b + sqrt(disc)), fabs(b - sqrt(disc))) / 2;
}

enum { LAB_STEPS = 2000, LAB_SHOW = 100 };   /* long enough for Adam to reach 1e-8 or not */

/* The first k with ||w_k|| <= tol ||w_0|| along a trajectory of k_max steps
 * (the minimum is the origin), or -1. */
static long steps_to(const double *traj, size_t k_max, double tol)
{
    const double r0 = hypot(traj[0], traj[1]);
    for (size_t k = 0; k <= k_max; k++)
        if (hypot(traj[2 * k], traj[2 * k + 1]) <= tol * r0)
            return (long)k;
    return -1;
}

/* One run of `o` on the ravine u^2 + c v^2 turned as t says, from the point
 * (u, v) = (2, 1) of its shape: LAB_STEPS steps into traj and loss. */
static void turned_run(double *traj, double *loss, slope_optim *o, turned *t)
{
    const double w0[2] = {2 * t->cs - t->sn, 2 * t->sn + t->cs};
    double work[2];
    chapter_check(slope_optim_run(traj, loss, NULL, o, ravine_turned, ravine_turned_grad,
                                  t, w0, work, 2, LAB_STEPS), "a run on the ravine");
}

/* The methods of the lab, set up for curvatures (L, mu) at the zig-zag
 * rate alpha; moments in mem (2 doubles per method and moment).  The names,
 * and the per-step factor of each on the two curvatures (Adam has none). */
enum { LAB_METHODS = 5 };
static const char *const lab_names[LAB_METHODS] = {
    "GD", "heavy ball, tuned", "Nesterov classical", "Nesterov look-ahead", "Adam"};
static const char *const lab_keys[LAB_METHODS] = {"gd", "heavy", "nesterov", "lookahead", "adam"};

typedef struct {
    double alpha, hb_eta, hb_beta, nag_lr, nag_beta;
} lab_params;

static lab_params lab_tuning(double L, double mu)
{
    lab_params p = {0.95 * slope_convergence_max_step(L), slope_convergence_heavy_ball_step(L, mu),
                    slope_convergence_heavy_ball_momentum(L, mu), slope_convergence_step(L),
                    slope_convergence_nesterov_momentum(L, mu)};
    return p;
}

static slope_optim lab_method(int i, double mem[4][2], const lab_params *p)
{
    switch (i) {
    case 0: return make_sgd(p->alpha);
    case 1: return make_heavy_ball(mem[0], 2, p->hb_eta, p->hb_beta);
    case 2: return make_nesterov(mem[0], 2, p->nag_lr, p->nag_beta, SLOPE_NESTEROV_CLASSICAL);
    case 3: return make_nesterov(mem[0], 2, p->nag_lr, p->nag_beta, SLOPE_NESTEROV_LOOKAHEAD);
    default: return make_adam(mem[0], mem[1], 2, 0.1, 0.9, 0.999, 1e-8);
    }
}

static double lab_factor(int i, const lab_params *p, double L, double mu)
{
    switch (i) {
    case 0: return fmax(fabs(sgd_factor(p->alpha, mu)), fabs(sgd_factor(p->alpha, L)));
    case 1: return fmax(heavy_ball_factor(p->hb_eta, p->hb_beta, mu),
                        heavy_ball_factor(p->hb_eta, p->hb_beta, L));
    case 2:
    case 3: return fmax(nesterov_factor(p->nag_lr, p->nag_beta, mu),
                        nesterov_factor(p->nag_lr, p->nag_beta, L));
    default: return NAN;
    }
}

/* How often w2 changes sign in the first 20 steps, counting only values
 * above the rounding of the start (a residue of 1e-100 flipping sign is not
 * a zig-zag). */
static int sign_flips(const double *traj)
{
    const double noise = DBL_EPSILON * fabs(traj[1]);
    int flips = 0;
    for (int k = 1; k <= 20; k++)
        flips += traj[2 * k + 1] * traj[2 * k - 1] < 0 && fabs(traj[2 * k + 1]) > noise &&
                 fabs(traj[2 * k - 1]) > noise;
    return flips;
}

static void print_steps_to(long k)
{
    if (k < 0)
        printf("  %9s", "> 2000");
    else
        printf("  %9ld", k);
}

static void ravine_lab(double L, double mu)
{
    chapter_table("ravine-lab", "the zig-zag cured: heavy ball, Nesterov and Adam with their own settings");
    const lab_params p = lab_tuning(L, mu);
    turned aligned = {10, 1, 0};
    printf("Ravine w1^2 + 10 w2^2 from (2, 1): L = %g, mu = %g, kappa = %g\n", L, mu,
           slope_convergence_kappa(L, mu));
    printf("GD at the zig-zag rate 0.95 * 2/L = %.4f; heavy ball eta = %.4f, beta = %.4f;\n"
           "Nesterov lr = 1/L = %.4f, beta = (sqrt(kappa)-1)/(sqrt(kappa)+1) = %.4f;"
           " Adam alpha = 0.1, defaults\n", p.alpha, p.hb_eta, p.hb_beta, p.nag_lr, p.nag_beta);
    printf("%-20s  %8s  %8s  %6s  %13s  %13s  %9s\n", "method", "w2 flips", "|w2|", "factor",
           "loss after 25", "loss after 100", "steps to");
    printf("%-20s  %8s  %8s  %6s  %13s  %13s  %9s\n", "", "(of 20)", "step 20", "", "", "", "1e-8");
    printf("----------------------------------------------------------------------------------------------\n");
    static double traj[2 * (LAB_STEPS + 1)], loss[LAB_STEPS + 1];
    for (int i = 0; i < LAB_METHODS; i++) {
        double mem[4][2];
        slope_optim o = lab_method(i, mem, &p);
        turned_run(traj, loss, &o, &aligned);
        int flips = sign_flips(traj);
        double f = lab_factor(i, &p, L, mu);
        printf("%-20s  %8d  %8.1e  ", lab_names[i], flips, fabs(traj[41]));
        if (isnan(f))
            printf("%6s", "-");
        else
            printf("%6.4f", f);
        printf("  %13.6e  %13.6e", loss[25], loss[100]);
        print_steps_to(steps_to(traj, LAB_STEPS, 1e-8));
        printf("\n");
    }
    printf("factor = the largest per-step shrink of the error over both directions (< 1 converges);\n"
           "steps to 1e-8 = the first k with ||w_k|| <= 1e-8 ||w_0||\n");
}

/* weave: nesterov-forms */
/* Both forms of Nesterov's method side by side, from the same start with the
 * same lr and beta.  The classical run holds theta, the look-ahead run holds
 * phi = theta + beta v; the library undoes the change of variables both
 * ways, so each run can be compared with the other at every step. */
static double nesterov_forms(double lr, double beta, int steps, int print)
{
    double th[2] = {2.0, 1.0}, ph[2] = {2.0, 1.0}, vc[2], vl[2], g[2], x[2], y[2];
    slope_optim_nesterov cl, la;
    chapter_check(slope_optim_nesterov_init(&cl, vc, 2, lr, beta, SLOPE_NESTEROV_CLASSICAL), "classical");
    chapter_check(slope_optim_nesterov_init(&la, vl, 2, lr, beta, SLOPE_NESTEROV_LOOKAHEAD), "look-ahead");
    double worst = 0;
    for (int k = 1; k <= steps; k++) {
        chapter_check(slope_optim_nesterov_lookahead(&cl, x, th, 2), "the look-ahead point");
        ravine_grad(g, x, 2, NULL);                  /* classical: gradient at theta + beta v */
        chapter_check(slope_optim_nesterov_step(&cl, th, g, 2), "a classical step");
        ravine_grad(g, ph, 2, NULL);                 /* look-ahead: gradient at its own w */
        chapter_check(slope_optim_nesterov_step(&la, ph, g, 2), "a look-ahead step");
        chapter_check(slope_optim_nesterov_theta(&la, y, ph, 2), "theta from phi");
        chapter_check(slope_optim_nesterov_lookahead(&cl, x, th, 2), "phi from theta");
        double d = fmax(fmax(fabs(th[0] - y[0]), fabs(th[1] - y[1])),
                        fmax(fabs(x[0] - ph[0]), fabs(x[1] - ph[1])));
        worst = fmax(worst, d);
        if (print && (k <= 3 || k == 5 || k == 10 || k == 20 || k == 40))
            printf("  %2d  %+.12f  %+.12f  %+.12f  %+.12f  %7.1e\n", k, th[0], ph[0], y[0], x[0], d);
    }
    return worst;
}
/* weave end */

static void nesterov_forms_table(double L, double mu)
{
    chapter_table("nesterov-forms", "Nesterov's two forms: one method under a change of variables");
    const lab_params p = lab_tuning(L, mu);
    const double lr = p.nag_lr, beta = p.nag_beta;
    printf("Ravine from (2, 1), lr = 1/L = %.4f, beta = %.4f; first coordinates (w1) shown\n", lr, beta);
    printf("step  classical theta   look-ahead phi    theta from phi    phi from theta   max|diff|\n");
    printf("-----------------------------------------------------------------------------------------\n");
    nesterov_forms(lr, beta, 40, 1);
    double worst = nesterov_forms(lr, beta, LAB_STEPS, 0);
    /* each step adds a few roundings of numbers below ||w_0|| = sqrt(5) */
    const double tol = 64 * DBL_EPSILON * sqrt(5.0);
    printf("Largest difference over %d steps, both coordinates, both directions: %.1e (%s %.1e)\n",
           LAB_STEPS, worst, worst <= tol ? "within" : "NOT within", tol);
    if (!(worst <= tol)) {
        fprintf(stderr, "06-optimizers: the two forms of Nesterov's method drifted apart\n"
                        "HINT: compare slope_optim_nesterov_step's two branches in lib/optim.c\n");
        exit(1);
    }
}

/* The turned ravines of the lab: angles in degrees. */
enum { NTURNS = 3 };
static const double turn_deg[NTURNS] = {0, 30, 45};

static turned make_turned(double c, double degrees)
{
    const double a = degrees * PI / 180;
    turned t = {c, cos(a), sin(a)};
    if (degrees == 0)
        t.cs = 1, t.sn = 0;   /* exactly the aligned ravine */
    return t;
}

/* Turned ravine: for GD (at 2/(L + mu)), tuned heavy ball, tuned Nesterov
 * and Adam, the loss after 100 steps and the steps to 1e-8 at each angle.
 * Returns the largest relative spread of momentum's losses over the angles. */
static double turned_rows(double c)
{
    const double L = 2 * c, mu = 2;
    lab_params p = lab_tuning(L, mu);
    p.alpha = 2 / (L + mu);   /* GD's best constant rate, not the zig-zag one */
    static double traj[2 * (LAB_STEPS + 1)], loss[LAB_STEPS + 1];
    const int rows[4] = {0, 1, 3, 4};
    const char *names[4] = {"GD, 2/(L + mu)", "heavy ball, tuned", "Nesterov, tuned", "Adam"};
    double spread = 0;
    for (int r = 0; r < 4; r++) {
        double l[NTURNS];
        long k[NTURNS];
        for (int a = 0; a < NTURNS; a++) {
            double mem[4][2];
            slope_optim o = lab_method(rows[r], mem, &p);
            turned t = make_turned(c, turn_deg[a]);
            turned_run(traj, loss, &o, &t);
            l[a] = loss[100];
            k[a] = steps_to(traj, LAB_STEPS, 1e-8);
        }
        printf("  %6g  %-18s", c, names[r]);
        for (int a = 0; a < NTURNS; a++)
            printf("  %10.2e", l[a]);
        for (int a = 0; a < NTURNS; a++)
            print_steps_to(k[a]);
        printf("\n");
        if (r == 1 || r == 2)
            for (int a = 1; a < NTURNS; a++)
                spread = fmax(spread, fabs(l[a] - l[0]) / l[0]);
    }
    return spread;
}

static void ravine_turned_table(void)
{
    chapter_table("ravine-turned", "turning the ravine: Adam loses its advantage, momentum does not notice");
    printf("u^2 + c v^2 with (u, v) the coordinates turned by 0, 30 and 45 degrees, from (u, v) = (2, 1);\n"
           "kappa = c; each method with its settings for L = 2c, mu = 2 (Adam: alpha = 0.1)\n");
    printf("                              loss after 100 steps               steps to 1e-8\n");
    printf("       c  method                    0 deg      30 deg      45 deg      0 deg     30 deg     45 deg\n");
    printf("-----------------------------------------------------------------------------------------------------\n");
    const double cs[2] = {10, 100};
    double spread = 0;
    for (int i = 0; i < 2; i++)
        spread = fmax(spread, turned_rows(cs[i]));
    printf("Largest relative change of a momentum loss with the angle: %.1e\n", spread);
    if (!(spread < 1e-6)) {
        fprintf(stderr, "06-optimizers: momentum's losses changed with the angle of the ravine\n"
                        "HINT: check ravine_turned_grad against the chain rule\n");
        exit(1);
    }
}

/* Figure 06-ravine-lab: the lab's methods over the contours of the ravine,
 * aligned and turned; the blocks "lab A NAME" hold w1 w2 ||w|| per step. */
static void lab_block(FILE *fp, int method, double c, double degrees, const lab_params *p)
{
    static double traj[2 * (LAB_STEPS + 1)], loss[LAB_STEPS + 1];
    double mem[4][2];
    slope_optim o = lab_method(method, mem, p);
    turned t = make_turned(c, degrees);
    turned_run(traj, loss, &o, &t);
    char block[48];
    snprintf(block, sizeof block, "lab %g %g %s", c, degrees, lab_keys[method]);
    chapter_data_block(fp, block, "step w1 w2 distance");
    for (int k = 0; k <= LAB_SHOW; k++)
        fprintf(fp, "%d %.10g %.10g %.10g\n", k, traj[2 * k], traj[2 * k + 1],
                hypot(traj[2 * k], traj[2 * k + 1]));
}

static void contour_block(FILE *fp, double c, double degrees, double box)
{
    char block[32];
    snprintf(block, sizeof block, "L %g %g", c, degrees);
    chapter_data_block(fp, block, "w1 w2 L on a 101 x 101 grid over [-box, box]^2");
    turned t = make_turned(c, degrees);
    for (int i = 0; i <= 100; i++) {
        for (int j = 0; j <= 100; j++) {
            double w[2] = {-box + 2 * box * i / 100, -box + 2 * box * j / 100};
            fprintf(fp, "%.6g %.6g %.6g\n", w[0], w[1], ravine_turned(w, 2, &t));
        }
        fputc('\n', fp);
    }
}

static void figure_lab(double L, double mu)
{
    FILE *fp = chapter_data("ravine-lab.dat");
    if (!fp)
        return;
    const lab_params p = lab_tuning(L, mu);
    contour_block(fp, 10, 0, 2.6);
    for (int i = 0; i < LAB_METHODS; i++)
        lab_block(fp, i, 10, 0, &p);
    for (int a = 0; a < NTURNS; a += 2) {
        lab_params q = lab_tuning(200, 2);
        contour_block(fp, 100, turn_deg[a], 2.6);
        for (int i = 1; i < LAB_METHODS; i += 3)   /* heavy ball and Adam */
            lab_block(fp, i, 100, turn_deg[a], &q);
    }
    chapter_data_close(fp);
}

/* ---- 6. AdamW ----------------------------------------------------------------------- */

/* A loss that uses w1 only, f = 5 (w1 - 1)^2; w2 is a weight the data never
 * touch.  The L2 variant adds lambda w to the gradient (params = &lambda). */
static void fit_grad(double *g, const double *w, size_t n, void *p)
{
    (void)n;
    double lambda = p ? *(const double *)p : 0.0;
    g[0] = 10 * (w[0] - 1) + lambda * w[0];
    g[1] = lambda * w[1];
}

/* The unused weight w2 after 100 steps, for several strengths lambda. */
static void adamw_lambdas(double lr, const double *w0)
{
    printf("\nw2 after 100 steps for other lambdas:\n");
    printf("    lambda   Adam + L2   AdamW    (1 - alpha lambda)^100\n");
    const double lambdas[] = {1e-4, 1e-3, 1e-2, 1e-1};
    for (int i = 0; i < 4; i++) {
        double l2[2 * 101], dec[2 * 101], m[2], v[2], work[2], lambda = lambdas[i];
        slope_optim adam = make_adam(m, v, 2, lr, 0.9, 0.999, 1e-8);
        chapter_check(slope_optim_run(l2, NULL, NULL, &adam, NULL, fit_grad, &lambda, w0, work, 2, 100),
                      "Adam + L2");
        slope_optim adamw = {.kind = SLOPE_OPTIM_ADAM};
        chapter_check(slope_optim_adamw_init(&adamw.adam, m, v, 2, lr, 0.9, 0.999, 1e-8, lambda), "AdamW");
        chapter_check(slope_optim_run(dec, NULL, NULL, &adamw, NULL, fit_grad, NULL, w0, work, 2, 100),
                      "AdamW");
        printf("    %6.0e   %9.5f   %7.5f  %9.5f\n", lambda, l2[201], dec[201], pow(1 - lr * lambda, 100));
    }
}

static void adamw_vs_l2(void)
{
    const double lr = 0.01, lambda = 0.01, w0[2] = {0.0, 1.0};
    enum { K = 1000 };
    chapter_table("adamw", "weight decay: L2 in the gradient vs decoupled (AdamW)");
    static double t_sgd[2 * (K + 1)], t_l2[2 * (K + 1)], t_w[2 * (K + 1)];
    double m[2], v[2], work[2], l2 = lambda;
    slope_optim sgd = make_sgd(lr);
    chapter_check(slope_optim_run(t_sgd, NULL, NULL, &sgd, NULL, fit_grad, &l2, w0, work, 2, K), "SGD + L2");
    slope_optim adam = make_adam(m, v, 2, lr, 0.9, 0.999, 1e-8);
    chapter_check(slope_optim_run(t_l2, NULL, NULL, &adam, NULL, fit_grad, &l2, w0, work, 2, K), "Adam + L2");
    slope_optim adamw = {.kind = SLOPE_OPTIM_ADAM};
    chapter_check(slope_optim_adamw_init(&adamw.adam, m, v, 2, lr, 0.9, 0.999, 1e-8, lambda), "AdamW");
    chapter_check(slope_optim_run(t_w, NULL, NULL, &adamw, NULL, fit_grad, NULL, w0, work, 2, K), "AdamW");
    printf("f = 5 (w1 - 1)^2 (w2 unused by the data), from (0, 1); alpha = %g, lambda = %g\n", lr, lambda);
    printf("        SGD + L2 in grad      Adam + L2 in grad     AdamW (decoupled)\n");
    printf(" step       w1        w2         w1        w2         w1        w2\n");
    printf("--------------------------------------------------------------------\n");
    const int show[] = {0, 1, 10, 50, 100, 300, 1000};
    for (int i = 0; i < 7; i++) {
        int k = show[i];
        printf(" %4d  %8.5f  %8.5f   %8.5f  %+8.5f   %8.5f  %8.5f\n", k, t_sgd[2 * k], t_sgd[2 * k + 1],
               t_l2[2 * k], t_l2[2 * k + 1], t_w[2 * k], t_w[2 * k + 1]);
    }
    printf("(1 - alpha lambda)^1000 = %.5f: the decay SGD and AdamW apply to an unused weight.\n",
           pow(1 - lr * lambda, K));
    adamw_lambdas(lr, w0);
}

/* ---- 7. the four optimizers on a non-convex loss ------------------------------------ */

static void four_optimizers(void)
{
    enum { K = 40 };
    const double start[2] = {-1.5, 2.0}, alpha = 0.1;
    chapter_table("four-optimizers", "SGD, momentum, RMSProp and Adam on sin(w1) + 0.5 w2^2");
    double traj[4][2 * (K + 1)], loss[4][K + 1], a[2], b[2];
    slope_optim o[4] = {make_sgd(alpha), make_momentum(a, 2, alpha, 0.9, SLOPE_MOMENTUM_EMA),
                        make_rmsprop(b, 2, alpha, 0.9, 1e-8), {0}};
    double m[2], v[2];
    o[3] = make_adam(m, v, 2, alpha, 0.9, 0.999, 1e-8);
    for (int i = 0; i < 4; i++)
        descend(traj[i], loss[i], &o[i], wavy, wavy_grad, start, 2, K);
    printf("Loss after N steps from (-1.5, 2), alpha = %g (lower is better; the minimum is -1)\n", alpha);
    printf(" Step |      SGD | Momentum |  RMSProp |     Adam\n");
    printf("----------------------------------------------------\n");
    const int ks[] = {5, 10, 20, 40};
    for (int j = 0; j < 4; j++)
        printf("  %3d | %8.4f | %8.4f | %8.4f | %8.4f\n", ks[j], loss[0][ks[j]], loss[1][ks[j]],
               loss[2][ks[j]], loss[3][ks[j]]);
    printf("w1 + pi/2 after 40 steps (0 at the minimum):\n");
    printf("      | %+8.4f | %+8.4f | %+8.4f | %+8.4f\n", traj[0][2 * K] + PI / 2,
           traj[1][2 * K] + PI / 2, traj[2][2 * K] + PI / 2, traj[3][2 * K] + PI / 2);
}

/* ---- 8. your own run ------------------------------------------------------------------- */

/* The table and its runs are race.c's, shared with the course website. */
static void your_run(const race_settings *s)
{
    chapter_table("your-run", "your settings (see --help): the four optimizers side by side");
    slope_status st = race_table_print(stdout, s, NULL, NULL);
    chapter_require(st != SLOPE_ENOMEM, "out of memory: try fewer --steps");
    chapter_check(st, "your run");
}

/* ---- figure data -------------------------------------------------------------- */

/* Under --data DIR the program also writes the files that plots/06-*.gp draw.
 * Each file holds named blocks that gnuplot selects with `index "[NAME]"`. */

enum { FIG_STEPS = 60 };   /* enough for every path to reach the floor of the ravine */

/* One optimizer's run from the ravine's start, as the block "path NAME". */
static void path_block(FILE *fp, const char *name, slope_optim *o)
{
    double traj[2 * (FIG_STEPS + 1)], loss[FIG_STEPS + 1];
    descend(traj, loss, o, ravine, ravine_grad, ravine_start, 2, FIG_STEPS);
    char block[32];
    snprintf(block, sizeof block, "path %s", name);
    chapter_data_block(fp, block, "step w1 w2 L");
    for (int k = 0; k <= FIG_STEPS; k++)
        fprintf(fp, "%d %.10g %.10g %.10g\n", k, traj[2 * k], traj[2 * k + 1], loss[k]);
}

/* Figure 06-optimizer-paths: the four optimizers at the usual settings on
 * the ravine, over its contours, and their losses. */
static void figure_paths(void)
{
    FILE *fp = chapter_data("optimizer-paths.dat");
    if (!fp)
        return;
    /* the box holds every path: momentum swings out to w1 = -0.3, w2 = -0.44 */
    chapter_data_block(fp, "L", "w1 w2 L on a 81 x 51 grid over [-0.8, 2.4] x [-0.8, 1.2] (rows of constant w1)");
    for (int i = 0; i <= 80; i++) {
        for (int j = 0; j <= 50; j++) {
            double w[2] = {-0.8 + 3.2 * i / 80, -0.8 + 2.0 * j / 50};
            fprintf(fp, "%.6g %.6g %.6g\n", w[0], w[1], ravine(w, 2, NULL));
        }
        fputc('\n', fp);
    }
    double v[2], s[2], m[2], mv[2];
    slope_optim o = make_sgd(0.05);
    path_block(fp, "sgd", &o);
    o = make_momentum(v, 2, 0.05, 0.9, SLOPE_MOMENTUM_EMA);
    path_block(fp, "momentum", &o);
    o = make_rmsprop(s, 2, 0.05, 0.9, 1e-8);
    path_block(fp, "rmsprop", &o);
    o = make_adam(m, mv, 2, 0.1, 0.9, 0.999, 1e-8);
    path_block(fp, "adam", &o);
    chapter_data_close(fp);
}

int main(int argc, char **argv)
{
    race_settings s = {.lr = 0.05, .beta = 0.9, .beta1 = 0.9, .beta2 = 0.999, .eps = 1e-8,
                       .w1 = 2.0, .w2 = 1.0, .steps = 100, .problem = 1};
    const chapter_opt opts[] = {
        {"lr", CHAPTER_DOUBLE, &s.lr, "learning rate of your run (> 0)"},
        {"beta", CHAPTER_DOUBLE, &s.beta, "momentum's and RMSProp's beta, in [0, 1)"},
        {"beta1", CHAPTER_DOUBLE, &s.beta1, "Adam's beta1 (your run and the bias table), in [0, 1)"},
        {"beta2", CHAPTER_DOUBLE, &s.beta2, "Adam's beta2 (your run and the bias table), in [0, 1)"},
        {"eps", CHAPTER_DOUBLE, &s.eps, "RMSProp's and Adam's epsilon (> 0)"},
        {"w1", CHAPTER_DOUBLE, &s.w1, "start point, first coordinate"},
        {"w2", CHAPTER_DOUBLE, &s.w2, "start point, second coordinate"},
        {"steps", CHAPTER_INT, &s.steps, "steps of your run (4 to 100000)"},
        {"problem", CHAPTER_INT, &s.problem, "1 the ravine w1^2 + 10 w2^2, 2 sin(w1) + 0.5 w2^2"},
    };
    chapter_parse(argc, argv, "Chapter 06: optimizers, from SGD and momentum to Adam and AdamW.",
                  opts, sizeof opts / sizeof *opts);
    chapter_require(s.lr > 0, "--lr must be positive");
    chapter_require(s.beta >= 0 && s.beta < 1, "--beta must be in [0, 1): it weighs the past");
    chapter_require(s.beta1 >= 0 && s.beta1 < 1 && s.beta2 >= 0 && s.beta2 < 1,
                    "--beta1 and --beta2 must be in [0, 1)");
    chapter_require(s.beta2 <= 1 - 1e-12, "--beta2 must stay below 1 - 1e-12 so 1 - beta2^t is resolvable");
    chapter_require(s.eps > 0, "--eps must be positive: it guards a division");
    chapter_require(fabs(s.w1) < 1e100 && fabs(s.w2) < 1e100, "--w1 and --w2 must be below 1e100");
    chapter_require(s.steps >= 4 && s.steps <= MAX_STEPS, "--steps must be between 4 and 100000");
    chapter_require(s.problem == 1 || s.problem == 2, "--problem must be 1 (ravine) or 2 (sin)");

    const double ravine_hessian[2] = {2.0, 20.0};   /* diag(2, 20), its own eigenvalues */
    double L, mu;
    chapter_check(slope_convergence_constants(&L, &mu, ravine_hessian, 2), "the ravine's curvatures");

    sgd_alone();
    sgd_limits(L, mu);
    sgd_vs_momentum();
    momentum_forms_table();
    zigzag_momentum(L, mu);
    momentum_tuned(L, mu);
    rmsprop_ravine();
    rmsprop_eps();
    adam_vs_sgd();
    adam_steps();
    adam_sweep();
    adam_scale();
    adam_turned();
    bias_correction(0.1, s.beta1, s.beta2, 1e-8);
    ravine_lab(L, mu);
    nesterov_forms_table(L, mu);
    ravine_turned_table();
    adamw_vs_l2();
    four_optimizers();
    your_run(&s);

    figure_paths();
    figure_lab(L, mu);
    return 0;
}
