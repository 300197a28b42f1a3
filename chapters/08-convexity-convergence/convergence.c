/*
 * Chapter 08 -- convexity, loss landscapes and the speed of gradient descent.
 *
 * Prints every table of lesson.md, in the lesson's order: the chord test of
 * convexity on a segment (and on many random segments), the Hessian test on a
 * grid, the critical points of a tilted double well and where gradient
 * descent lands from each start, the share of random symmetric matrices that
 * are minima, the escape from a saddle (plain, heavy-ball and noisy descent),
 * the constants L, mu and kappa, the three rate bounds checked at every step,
 * the kappa = 2 vs kappa = 50 experiment, the step limit 2/L, the
 * iterations of GD, heavy ball and Nesterov against kappa (checked against
 * their bounds, with fitted slopes), and the sharpness of a small tanh
 * network: power iteration on Hessian-vector products, the edge of
 * stability, and warm-up.
 *
 * Try: --a -2 --b 3 (another segment), --offset 1e-12 (a closer start to the
 * saddle), --kappa2 200 (a worse condition number), --step-factor 1.5 (a step
 * beyond 1/L), --x0 -3 --y0 0.5 (another start).
 */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chapter.h"
#include "rates.h"
#include "slope.h"

/* The options; main() gives their defaults, the values the lesson prints. */
typedef struct {
    double a, b;             /* the segment of the chord test */
    int seed;                /* the random seed of every draw of the program */
    int samples, dmax;       /* random symmetric matrices: how many, up to which size */
    double lr, offset;       /* descent on the double well; start near the saddle */
    double beta, noise;      /* heavy-ball momentum; gradient noise of "SGD" */
    double kappa1, kappa2;   /* section 5's two condition numbers */
    double x0, y0;           /* the start point of sections 4 to 6 */
    int steps;               /* their number of steps */
    double step_factor;      /* the step as a multiple of 1/L */
} options;

/* Every aligned table goes through these two; a failed write is an error. */
static void header(const slope_table_col *cols, size_t n)
{
    chapter_check(slope_table_header(stdout, cols, n, "  "), "printing a table");
}

static void row(const slope_table_col *cols, size_t n, const double *values)
{
    chapter_check(slope_table_row(stdout, cols, n, "  ", values), "printing a table");
}

/* ---- the functions this chapter studies ----------------------------------- */

/* The logistic loss of one example with margin m: log(1 + e^-m), written so
 * that neither branch overflows.  Convex: its second derivative is
 * sigma(m)(1 - sigma(m)) > 0. */
static double logistic(double m)
{
    return m > 0 ? log1p(exp(-m)) : -m + log1p(exp(m));
}

/* The tilted double well w(x) = x^4/4 - x^3/3 - x^2, w'(x) = x (x + 1)(x - 2):
 * a local minimum at -1, a local maximum at 0, the global minimum at 2. */
static double well(double x) { return x * x * x * x / 4 - x * x * x / 3 - x * x; }
static double well_slope(double x) { return x * (x + 1) * (x - 2); }

/* The well in two variables, w(x) + y^2/2: its critical points are (-1, 0),
 * (0, 0) and (2, 0), and (0, 0) becomes a saddle (down along x, up along y). */
static double well2(const double *p, size_t n, void *u)
{
    (void)n, (void)u;
    return well(p[0]) + p[1] * p[1] / 2;
}

static void well2_grad(double *g, const double *p, size_t n, void *u)
{
    (void)n, (void)u;
    g[0] = well_slope(p[0]);
    g[1] = p[1];
}

/* A convex bowl, x^2 + xy + y^2 (Hessian [[2, 1], [1, 2]]). */
static double bowl(const double *p, size_t n, void *u)
{
    (void)n, (void)u;
    return p[0] * p[0] + p[0] * p[1] + p[1] * p[1];
}

/* Logistic regression on ONE example with features (1, 2) and label +1:
 * log(1 + exp(-(w1 + 2 w2))).  Convex, but flat along (2, -1). */
static double logreg1(const double *w, size_t n, void *u)
{
    (void)n, (void)u;
    return logistic(w[0] + 2 * w[1]);
}

/* The quadratic 0.5 x^T A x, r^4/(1 + r^2) and sin(x) + y^2/20 of the rate
 * table live in rates.c, which the website's live figure shares. */

/* ---- 1. convexity on a segment --------------------------------------------- */

/* weave: chord-gap */
/* chord - graph at the point lambda a + (1 - lambda) b of the segment [a, b]:
 * a convex f keeps it >= 0 for every lambda in [0, 1]. */
static double chord_gap(double (*f)(double), double a, double b, double lambda)
{
    double x = lambda * a + (1 - lambda) * b;
    return lambda * f(a) + (1 - lambda) * f(b) - f(x);
}
/* weave end */

static void segment_table(double a, double b)
{
    chapter_table("chord-test", "the chord test of convexity on one segment");
    printf("Segment a = %g, b = %g; gap = chord - f, which convexity keeps >= 0\n", a, b);
    slope_table_col cols[] = {{"lambda", "%.1f", 6},      {"x", "%.2f", 6},
                              {"logistic", "%.6f", 9},   {"gap", "%+.6f", 10},
                              {"well", "%.6f", 10},      {"gap", "%+.6f", 10}};
    header(cols, 6);
    double low[2] = {INFINITY, INFINITY};
    for (int i = 0; i <= 10; i++) {
        double lambda = i / 10.0, x = lambda * a + (1 - lambda) * b;
        double g0 = chord_gap(logistic, a, b, lambda), g1 = chord_gap(well, a, b, lambda);
        row(cols, 6, (double[]){lambda, x, logistic(x), g0, well(x), g1});
        if (i > 0 && i < 10) {   /* the ends are on the chord by construction */
            low[0] = fmin(low[0], g0);
            low[1] = fmin(low[1], g1);
        }
    }
    printf("smallest gap inside the segment: logistic %+.6f, well %+.6f\n", low[0], low[1]);
}

/* 1 when some lambda = i / m of the segment [a, b] has a negative gap beyond
 * rounding: each of the three values of f carries about eps relative error. */
static int violates(double (*f)(double), double a, double b, int m)
{
    for (int i = 1; i < m; i++) {
        double lambda = (double)i / m, x = lambda * a + (1 - lambda) * b;
        double tol = 4 * DBL_EPSILON * (fabs(f(a)) + fabs(f(b)) + fabs(f(x)));
        if (chord_gap(f, a, b, lambda) < -tol)
            return 1;
    }
    return 0;
}

static void random_segments(int seed)
{
    enum { SEGMENTS = 1000, LAMBDAS = 100 };
    const double half = 3.0;   /* endpoints uniform on [-3, 3]: both wells fit */
    slope_rng r;
    slope_rng_seed(&r, (uint32_t)seed);
    int bad[2] = {0, 0};
    for (int s = 0; s < SEGMENTS; s++) {
        double a = half * (2 * slope_rng_uniform(&r) - 1);
        double b = half * (2 * slope_rng_uniform(&r) - 1);
        bad[0] += violates(logistic, a, b, LAMBDAS);
        bad[1] += violates(well, a, b, LAMBDAS);
    }
    chapter_table("random-segments", "the chord test on random segments");
    printf("%d random segments in [-3, 3] (seed %d), %d points on each\n", SEGMENTS, seed,
           LAMBDAS - 1);
    printf("  logistic: %4d segments with a point above the chord\n", bad[0]);
    printf("  well:     %4d segments with a point above the chord\n", bad[1]);
}

/* ---- 1b. the Hessian test --------------------------------------------------- */

typedef struct {
    const char *name;
    slope_fn_n f;
} named_fn;

/* Eigenvalues of f's finite-difference Hessian at p, ascending. */
static void hessian_eig(double eig[2], slope_fn_n f, const double p[2])
{
    double H[4], work[4];
    double h = slope_deriv_step_second(fmax(fabs(p[0]), fabs(p[1])));
    chapter_check(slope_deriv_hessian(H, f, NULL, p, 2, h, work), "a Hessian");
    chapter_check(slope_linalg_eigsym(eig, NULL, H, 2, work), "its eigenvalues");
}

/* The Hessian test over a 9 x 9 grid on [-2, 2]^2.  A finite-difference
 * Hessian at the default step is good to about sqrt(eps) relative, so an
 * eigenvalue above -cbrt(eps) max(1, |lambda_max|) counts as >= 0. */
static void hessian_grid(const named_fn *fn)
{
    double lo = INFINITY, hi = -INFINITY, where[2] = {0, 0};
    int negative = 0;
    for (int i = 0; i <= 8; i++)
        for (int j = 0; j <= 8; j++) {
            double p[2] = {-2 + 0.5 * i, -2 + 0.5 * j}, eig[2];
            hessian_eig(eig, fn->f, p);
            negative += eig[0] < -cbrt(DBL_EPSILON) * fmax(1, fabs(eig[1]));
            hi = fmax(hi, eig[1]);
            if (eig[0] < lo) {
                lo = eig[0];
                where[0] = p[0], where[1] = p[1];
            }
        }
    printf("%-22s  %+11.2e  (%+4.1f, %+4.1f)  %10.4f  %8d  %s\n", fn->name, lo, where[0],
           where[1], hi, negative, negative ? "not convex" : "PSD everywhere we looked");
}

static void hessian_table(void)
{
    const named_fn fns[] = {{"x^2 + xy + y^2", bowl},
                            {"logistic(w1 + 2 w2)", logreg1},
                            {"well(x) + y^2/2", well2}};
    chapter_table("hessian-test", "the Hessian test: eigenvalues on a grid");
    printf("Finite-difference Hessian at the 81 points of a 9 x 9 grid on [-2, 2]^2\n");
    printf("%-22s  %11s  %12s  %10s  %8s  %s\n", "f", "min lam_min", "at", "max lam_max",
           "lam < 0", "verdict");
    printf("-------------------------------------------------------------------------------"
           "--------\n");
    for (int i = 0; i < 3; i++)
        hessian_grid(&fns[i]);
}

/* ---- 2. minima, saddles, plateaus -------------------------------------------- */

static void critical_points(void)
{
    const double pts[3][2] = {{-1, 0}, {0, 0}, {2, 0}};
    chapter_table("critical-points", "the critical points of the double well");
    printf("f(x, y) = x^4/4 - x^3/3 - x^2 + y^2/2; gradient and Hessian by finite differences\n");
    printf("%10s  %10s  %10s  %10s  %10s  %s\n", "point", "f", "||grad||", "lam_1", "lam_2",
           "kind");
    printf("---------------------------------------------------------------------------\n");
    for (int i = 0; i < 3; i++) {
        double g[2], work[2], eig[2];
        chapter_check(slope_deriv_gradient(g, well2, NULL, pts[i], 2,
                                           slope_deriv_step_central(2), work), "a gradient");
        hessian_eig(eig, well2, pts[i]);
        const char *kind = eig[0] > 0 ? (i == 2 ? "global minimum" : "local minimum")
                           : eig[1] > 0 ? "saddle point" : "local maximum";
        printf("  (%+2.0f, %1.0f)  %10.6f  %10.1e  %+10.4f  %+10.4f  %s\n", pts[i][0],
               pts[i][1], well2(pts[i], 2, NULL), slope_linalg_norm2(g, 2), eig[0], eig[1],
               kind);
    }
}

/* Gradient descent with the library's driver; x_end gets the last iterate. */
static void descend(double x_end[2], slope_fn_n f, slope_grad_fn grad, void *params,
                    const double x0[2], double lr, size_t k)
{
    double *traj = malloc((k + 1) * 2 * sizeof *traj), work[2];
    chapter_require(traj != NULL, "out of memory: lower --steps");
    slope_optim o = {.kind = SLOPE_OPTIM_SGD};
    chapter_check(slope_optim_sgd_init(&o.sgd, lr), "the learning rate");
    chapter_check(slope_optim_run(traj, NULL, NULL, &o, f, grad, params, x0, work, 2, k),
                  "gradient descent");
    x_end[0] = traj[2 * k], x_end[1] = traj[2 * k + 1];
    free(traj);
}

static const char *basin(const double p[2])
{
    const double near = 1e-3;   /* far below the gaps between the critical points */
    if (fabs(p[0] - 2) < near)
        return "global minimum (2, 0)";
    if (fabs(p[0] + 1) < near)
        return "local minimum (-1, 0)";
    return fabs(p[0]) < near ? "the saddle (0, 0)" : "not settled yet";
}

static void where_gd_lands(double lr)
{
    enum { K = 500 };
    const double starts[] = {-2.5, -1.5, -0.5, -0.01, 0, 0.01, 0.5, 1.5, 3};
    chapter_table("where-gd-lands", "where gradient descent lands on the double well");
    printf("lr = %g, %d steps, each start (x0, 1)\n", lr, K);
    printf("%6s  %10s  %10s  %10s  %s\n", "x0", "x_end", "y_end", "f(end)", "reached");
    printf("------------------------------------------------------------------\n");
    for (int i = 0; i < 9; i++) {
        double x0[2] = {starts[i], 1}, end[2];
        descend(end, well2, well2_grad, NULL, x0, lr, K);
        printf("%6.2f  %+10.6f  %+10.6f  %10.6f  %s\n", starts[i], end[0], end[1],
               well2(end, 2, NULL), basin(end));
    }
}

/* weave: random-symmetric */
/* A d x d symmetric matrix (G + G^T) / 2 with G's entries N(0, 1): a stand-in
 * for the Hessian at a critical point of a "random" loss. */
static void random_symmetric(double *A, size_t d, slope_rng *r)
{
    for (size_t i = 0; i < d * d; i++)
        A[i] = slope_rng_gauss(r);
    for (size_t i = 0; i < d; i++)
        for (size_t j = i + 1; j < d; j++)
            A[i * d + j] = A[j * d + i] = (A[i * d + j] + A[j * d + i]) / 2;
}
/* weave end */

static void saddle_census(int seed, int samples, int dmax)
{
    double A[SLOPE_LINALG_EIG_MAX], eig[16], work[SLOPE_LINALG_EIG_MAX];
    slope_rng r;
    slope_rng_seed(&r, (uint32_t)seed);
    chapter_table("saddle-census", "how many random critical points are minima");
    printf("%d random symmetric matrices (G + G^T)/2 per size (seed %d), by eigenvalue signs\n",
           samples, seed);
    printf("%3s  %10s  %10s  %10s  %10s  %10s\n", "d", "all > 0", "fraction", "2^-d",
           "all < 0", "mixed");
    printf("-------------------------------------------------------------\n");
    for (int d = 1; d <= dmax; d++) {
        long up = 0, down = 0;
        for (int s = 0; s < samples; s++) {
            random_symmetric(A, (size_t)d, &r);
            chapter_check(slope_linalg_eigsym(eig, NULL, A, (size_t)d, work), "eigenvalues");
            up += eig[0] > 0;
            down += eig[d - 1] < 0;
        }
        printf("%3d  %10ld  %10.6f  %10.6f  %10ld  %10.6f\n", d, up, (double)up / samples,
               ldexp(1, -d), down, (double)(samples - up - down) / samples);
    }
}

/* ---- 2b. escaping the saddle ------------------------------------------------ */

static void saddle_escape(double lr, double offset)
{
    enum { K = 60, EVERY = 5 };
    double *traj = malloc((K + 1) * 2 * sizeof *traj), loss[K + 1], work[2];
    chapter_require(traj != NULL, "out of memory");
    const double x0[2] = {offset, 1};
    slope_optim o = {.kind = SLOPE_OPTIM_SGD};
    chapter_check(slope_optim_sgd_init(&o.sgd, lr), "the learning rate");
    chapter_check(slope_optim_run(traj, loss, NULL, &o, well2, well2_grad, NULL, x0, work, 2, K),
                  "gradient descent");
    chapter_table("saddle-escape", "gradient descent near the saddle: repelled along x");
    printf("Start (%g, 1), lr = %g; at (0, 0) the Hessian is diag(-2, 1), so near it\n"
           "x is multiplied by 1 - lr(-2) = %g per step and y by 1 - lr = %g\n", offset, lr,
           1 + 2 * lr, 1 - lr);
    slope_table_col cols[] = {{"k", "%.0f", 3},           {"x_k", "%.3e", 10},
                              {"x0 (1+2lr)^k", "%.3e", 12}, {"y_k", "%.3e", 10},
                              {"||grad||", "%.3e", 10},    {"f", "%+.6f", 10}};
    header(cols, 6);
    for (int k = 0; k <= K; k += EVERY) {
        double g[2];
        well2_grad(g, traj + 2 * k, 2, NULL);
        row(cols, 6, (double[]){k, traj[2 * k], offset * pow(1 + 2 * lr, k), traj[2 * k + 1],
                                slope_linalg_norm2(g, 2), loss[k]});
    }
    free(traj);
}

/* weave: escape-loop */
/* Steps until |x| >= radius from (offset, 1): plain descent (beta = 0),
 * heavy-ball momentum (beta > 0), each with optional gradient noise of
 * standard deviation sigma (a stand-in for a mini-batch's).  -1: never, in
 * `cap` steps. */
static int escape_steps(double lr, double beta, double sigma, double offset, double radius,
                        int cap, slope_rng *r)
{
    double w[2] = {offset, 1}, v[2], g[2];
    slope_optim_momentum opt;
    chapter_check(slope_optim_momentum_init(&opt, v, 2, lr, beta, SLOPE_MOMENTUM_HEAVY_BALL),
                  "momentum");
    for (int k = 1; k <= cap; k++) {
        well2_grad(g, w, 2, NULL);
        for (int i = 0; i < 2 && sigma > 0; i++)
            g[i] += slope_rng_normal(r, 0, sigma);
        chapter_check(slope_optim_momentum_step(&opt, w, g, 2), "a step");
        if (fabs(w[0]) >= radius)
            return k;
    }
    return -1;
}
/* weave end */

static void print_steps(int k)
{
    if (k < 0)
        printf("  %10s", "never");
    else
        printf("  %10d", k);
}

static void escape_table(const options *o)
{
    enum { CAP = 2000 };
    const double radius = 0.1;   /* where the linear picture x (1 + 2 lr)^k stops holding */
    const double offsets[] = {1e-1 * radius, 1e-4, 1e-8, 1e-12, 0};
    slope_rng r;
    slope_rng_seed(&r, (uint32_t)o->seed);
    chapter_table("saddle-escape-steps", "steps to leave the saddle: plain, heavy ball, noisy");
    printf("Steps until |x| >= %g from (offset, 1); lr = %g, heavy ball beta = %g,\n"
           "noise N(0, %g^2) added to each gradient coordinate; at most %d steps\n", radius,
           o->lr, o->beta, o->noise, CAP);
    printf("%8s  %10s  %10s  %10s  %10s\n", "offset", "plain GD", "ln-rule", "heavy ball",
           "noisy GD");
    printf("------------------------------------------------------\n");
    for (int i = 0; i < 5; i++) {
        double d = offsets[i];
        printf("%8.0e", d);
        print_steps(escape_steps(o->lr, 0, 0, d, radius, CAP, &r));
        if (d > 0)
            printf("  %10.1f", log(radius / d) / log(1 + 2 * o->lr));
        else
            printf("  %10s", "inf");
        print_steps(escape_steps(o->lr, o->beta, 0, d, radius, CAP, &r));
        print_steps(escape_steps(o->lr, 0, o->noise, d, radius, CAP, &r));
        printf("\n");
    }
}

/* Heavy ball on a constant slope g: its step tends to lr g / (1 - beta). */
static void plateau_speed(double lr, double beta)
{
    enum { K = 100 };
    const double slope = 1e-3;   /* a nearly flat stretch */
    double w = 0, v, g = slope, before = 0;
    slope_optim_momentum opt;
    chapter_check(slope_optim_momentum_init(&opt, &v, 1, lr, beta, SLOPE_MOMENTUM_HEAVY_BALL),
                  "momentum");
    for (int k = 0; k < K; k++) {
        before = w;
        chapter_check(slope_optim_momentum_step(&opt, &w, &g, 1), "a step");
    }
    printf("On a plateau with constant slope %g, step %d of plain GD moves %.3e;\n"
           "heavy ball moves %.3e, %.2f times more (1 / (1 - beta) = %g)\n", slope, K,
           lr * slope, before - w, (before - w) / (lr * slope), 1 / (1 - beta));
}

/* ---- 3. L, mu and kappa ------------------------------------------------------ */

/* Sampled quotients of the two definitions over random pairs x, y:
 * max ||grad f(x) - grad f(y)|| / ||x - y||   (never above L), and
 * min 2 (f(y) - f(x) - grad f(x).(y - x)) / ||y - x||^2   (never below mu). */
static void sample_definitions(double *smooth, double *strong, quadratic *q, slope_rng *r)
{
    enum { PAIRS = 2000 };
    *smooth = -INFINITY, *strong = INFINITY;
    for (int s = 0; s < PAIRS; s++) {
        double x[2], y[2], gx[2], gy[2], d[2], dg[2];
        for (int i = 0; i < 2; i++)
            x[i] = slope_rng_gauss(r), y[i] = slope_rng_gauss(r), d[i] = y[i] - x[i];
        quad_grad(gx, x, 2, q);
        quad_grad(gy, y, 2, q);
        dg[0] = gy[0] - gx[0], dg[1] = gy[1] - gx[1];
        double dd = slope_linalg_dot(d, d, 2);
        *smooth = fmax(*smooth, slope_linalg_norm2(dg, 2) / sqrt(dd));
        *strong = fmin(*strong, 2 * (quad_f(y, 2, q) - quad_f(x, 2, q) -
                                     slope_linalg_dot(gx, d, 2)) / dd);
    }
}

static void constants_row(const char *name, quadratic *q, slope_rng *r)
{
    double eig[2], work[4], L, mu, smooth, strong;
    chapter_check(slope_linalg_eigsym(eig, NULL, q->A, 2, work), "eigenvalues");
    chapter_check(slope_convergence_constants(&L, &mu, eig, 2), "L and mu");
    sample_definitions(&smooth, &strong, q, r);
    printf("%-18s  %+8.3f %+8.3f  %7.3f  %+7.3f  %8.3f  %7.4f  %7.4f  %8.4f  %+8.4f\n", name,
           eig[0], eig[1], L, mu, slope_convergence_kappa(L, mu), slope_convergence_step(L),
           slope_convergence_max_step(L), smooth, strong);
}

static void constants_table(const options *o)
{
    const double c = cos(PI / 6), s = sin(PI / 6), k = o->kappa2;
    /* diag(1, kappa2) turned by 30 degrees: R diag(1, k) R^T */
    quadratic qs[] = {
        {{1, 0, 0, o->kappa1}},
        {{1, 0, 0, k}},
        {{c * c + k * s * s, (1 - k) * c * s, (1 - k) * c * s, s * s + k * c * c}},
        {{0, 0, 0, 1}},
        {{-1, 0, 0, 2}},
    };
    const char *names[] = {"diag(1, kappa1)", "diag(1, kappa2)", "turned by 30 deg",
                           "diag(0, 1)", "diag(-1, 2)"};
    slope_rng r;
    slope_rng_seed(&r, (uint32_t)o->seed);
    chapter_table("constants", "L, mu and kappa of quadratics 0.5 x^T A x");
    printf("kappa1 = %g, kappa2 = %g; the last two columns sample 2000 random pairs x, y\n",
           o->kappa1, k);
    printf("%-18s  %17s  %7s  %7s  %8s  %7s  %7s  %8s  %8s\n", "A", "eigenvalues", "L", "mu",
           "kappa", "1/L", "2/L", "max grad", "min curv");
    printf("-------------------------------------------------------------------------------"
           "-----------------------\n");
    for (int i = 0; i < 5; i++)
        constants_row(names[i], &qs[i], &r);
}

/* ---- 4. the three rates, checked at every step ------------------------------ */

/* The options of the rate table, for rates.c. */
static rate_options rate_opts(const options *o)
{
    return (rate_options){o->x0, o->y0, o->kappa2, o->step_factor, o->steps};
}

/* The three checks of the rate table, as rates.h's rate_runs; the caller
 * frees the buffer. */
static double *rate_runs_checked(double worst[3], rate_case c[3], quadratic *q, const options *o)
{
    double *buf;
    const rate_options ro = rate_opts(o);
    slope_status s = rate_runs(&buf, worst, c, q, &ro);
    chapter_require(s != SLOPE_ENOMEM, "out of memory: lower --steps");
    chapter_check(s, "the convergence check");
    return buf;
}

static void rate_check_table(const options *o)
{
    const rate_options ro = rate_opts(o);
    chapter_table("rate-check", "the three bounds against gradient descent, step by step");
    chapter_check(rate_check_table_print(stdout, &ro), "the rate table");
}

/* Smallest j <= k with v[j] <= eps, or -1. */
static long first_below(const double *v, size_t k, double eps)
{
    for (size_t j = 0; j <= k; j++)
        if (v[j] <= eps)
            return (long)j;
    return -1;
}

static void rate_iterations(const options *o)
{
    enum { CAP = 20000, NEPS = 3 };
    const double x0[2] = {o->x0, o->y0}, epss[NEPS] = {1e-2, 1e-4, 1e-6};
    double *actual = malloc((CAP + 1) * sizeof *actual), worst;
    chapter_require(actual != NULL, "out of memory");
    quadratic q;
    rate_case c[3];
    rate_cases(c, &q, o->kappa2);
    long measured[3][NEPS];
    for (int i = 0; i < 3; i++) {
        chapter_check(run_check(&worst, actual, NULL, &c[i], x0, o->step_factor, CAP),
                      "the convergence check");
        for (int e = 0; e < NEPS; e++)
            measured[i][e] = first_below(actual, CAP, epss[e]);
    }
    free(actual);
    double r0sq = o->x0 * o->x0 + o->y0 * o->y0, gap0 = wave(x0, 2, NULL) + 1;
    chapter_table("rate-iterations", "steps the bounds promise against steps actually taken");
    printf("Steps until the measured quantity is <= eps: promised by the bound / measured\n"
           "(step %g/L, at most %d steps measured)\n", o->step_factor, CAP);
    printf("%7s  %20s  %20s  %20s\n", "eps", "convex", "strongly convex", "non-convex");
    printf("-----------------------------------------------------------------------\n");
    for (int e = 0; e < NEPS; e++) {
        double eps = epss[e];
        /* each bound solved for k; kappa = 1 reaches 0 after one step */
        double strong = r0sq <= eps ? 0
                        : c[1].mu == c[1].L ? 1
                        : ceil(log(eps / r0sq) / log(1 - c[1].mu / c[1].L));
        double promise[3] = {ceil(c[0].L * r0sq / (2 * eps)), strong,
                             ceil(2 * c[2].L * gap0 / eps)};
        printf("%7.0e", eps);
        for (int i = 0; i < 3; i++)
            printf("  %11.0f / %6ld", fmax(promise[i], 0), measured[i][e]);
        printf("\n");
    }
}

/* ---- 5. kappa = 2 against kappa = 50 --------------------------------------- */

/* ||x_j|| after j = 0..k updates of gradient descent with step 1/kappa on
 * 0.5 x^T diag(1, kappa) x (the optimum is the origin). */
static void descent_distances(double *dist, double kappa, const double x0[2], size_t k)
{
    quadratic q = {{1, 0, 0, kappa}};
    double *traj = malloc((k + 1) * 2 * sizeof *traj), work[2];
    chapter_require(traj != NULL, "out of memory: lower --steps");
    slope_optim o = {.kind = SLOPE_OPTIM_SGD};
    chapter_check(slope_optim_sgd_init(&o.sgd, slope_convergence_step(kappa)), "the step 1/L");
    chapter_check(slope_optim_run(traj, NULL, NULL, &o, quad_f, quad_grad, &q, x0, work, 2, k),
                  "gradient descent");
    for (size_t j = 0; j <= k; j++)
        dist[j] = slope_linalg_norm2(traj + 2 * j, 2);
    free(traj);
}

static void kappa_table(const options *o)
{
    size_t K = (size_t)o->steps;
    const double x0[2] = {o->x0, o->y0}, k1 = o->kappa1, k2 = o->kappa2;
    double *d1 = malloc(2 * (K + 1) * sizeof *d1), *d2 = d1 + K + 1;
    chapter_require(d1 != NULL, "out of memory: lower --steps");
    descent_distances(d1, k1, x0, K);
    descent_distances(d2, k2, x0, K);
    chapter_table("kappa-table", "a well-conditioned bowl against a ravine");
    printf("Distance to the optimum, GD with step 1/L on 0.5 x^T diag(1, kappa) x from (%g, %g)\n",
           o->x0, o->y0);
    printf("Left: a list that starts AFTER the first update, read at entry min(k, %zu) and\n"
           "labelled \"Step\" k, holds the distance after min(k + 1, %zu) updates; right: at k.\n",
           K - 1, K);
    char h1[32], h2[32];
    snprintf(h1, sizeof h1, "kappa=%g", k1);
    snprintf(h2, sizeof h2, "kappa=%g", k2);
    printf("%5s %7s | %10s %10s | %10s %10s\n", "Step", "updates", h1, h2, "at k", "at k");
    printf("------------------------------------------------------------\n");
    const size_t labels[] = {0, 5, 10, 20, 50};
    for (int i = 0; i < 5; i++) {
        size_t k = labels[i] < K ? labels[i] : K, idx = labels[i] < K - 1 ? labels[i] : K - 1;
        printf("%5zu %7zu | %10.4f %10.4f | %10.4f %10.4f\n", labels[i], idx + 1, d1[idx + 1],
               d2[idx + 1], d1[k], d2[k]);
    }
    printf("\nTheoretical: (1 - 1/kappa)^k convergence factor\n");
    printf("  kappa=%g:  (1-1/%g)^%zu  = %.6f\n", k1, k1, K, pow(1 - 1 / k1, (double)K));
    printf("  kappa=%g: (1-1/%g)^%zu = %.6f\n", k2, k2, K, pow(1 - 1 / k2, (double)K));
    printf("\nMeasured after %zu updates:       ||x_k|| / ||x_0||   ||x_k||^2 / ||x_0||^2\n", K);
    printf("  kappa=%-4g                    %10.6f           %10.6f\n", k1, d1[K] / d1[0],
           pow(d1[K] / d1[0], 2));
    printf("  kappa=%-4g                    %10.6f           %10.6f\n", k2, d2[K] / d2[0],
           pow(d2[K] / d2[0], 2));
    free(d1);
}

/* ---- 6. the step limit 2/L ---------------------------------------------------- */

static void step_limit(const options *o)
{
    size_t K = (size_t)o->steps;
    const double factors[] = {0.5, 0.9, 0.99, 0.999, 1.0, 1.001, 1.01, 1.1};
    const double x0[2] = {o->x0, o->y0}, L = o->kappa2, mu = 1;
    const double limit = slope_convergence_max_step(L);
    double *actual = malloc((K + 1) * sizeof *actual), worst, work[4];
    chapter_require(actual != NULL, "out of memory: lower --steps");
    quadratic q = {{1, 0, 0, L}};
    const double origin[2] = {0, 0};
    slope_convergence_problem p = {quad_f, quad_grad, &q, origin, 0};
    chapter_table("step-limit", "steps just below and just above 2/L");
    printf("0.5 x^T diag(1, %g) x from (%g, %g), %zu steps; L = %g, so 2/L = %g\n", L, o->x0,
           o->y0, K, L, limit);
    printf("%8s  %9s  %8s  %8s  %12s  %12s  %s\n", "eta", "eta/(2/L)", "|1-eta L|",
           "|1-eta mu|", "||x_K||", "worst ratio", "so the run");
    printf("-----------------------------------------------------------------------------"
           "---------\n");
    for (int i = 0; i < 8; i++) {
        double eta = factors[i] * limit, fast = fabs(1 - eta * L), slow = fabs(1 - eta * mu);
        slope_status s = slope_convergence_check(&worst, actual, NULL, SLOPE_RATE_STRONGLY_CONVEX,
                                                 &p, L, mu, x0, eta, work, 2, K);
        chapter_require(s == SLOPE_OK || s == SLOPE_EDIVERGED, "the convergence check failed");
        double m = fmax(fast, slow);
        printf("%8.5f  %9.4f  %8.4f  %8.4f  %12.4e  %12.4e  %s\n", eta, factors[i], fast, slow,
               s == SLOPE_OK ? sqrt(actual[K]) : INFINITY, worst,
               m < 1 ? "converges" : m == 1 ? "bounces forever" : "diverges");
    }
    free(actual);
}

/* ---- 7. momentum buys a square root: iterations against kappa ---------------- */

/* 0.5 sum lam_i x_i^2 over ACC_N coordinates, lam = params. */
enum { ACC_N = 8, ACC_KAPPAS = 7, ACC_MAX = 2000000 };

static void diag_grad(double *g, const double *x, size_t n, void *p)
{
    const double *lam = p;
    for (size_t i = 0; i < n; i++)
        g[i] = lam[i] * x[i];
}

static double diag_f(const double *x, size_t n, void *p)
{
    const double *lam = p;
    double s = 0;
    for (size_t i = 0; i < n; i++)
        s += lam[i] * x[i] * x[i];
    return 0.5 * s;
}

/* ACC_N eigenvalues spaced evenly on a log scale from 1 to kappa. */
static void log_spectrum(double *lam, double kappa)
{
    for (int i = 0; i < ACC_N; i++)
        lam[i] = pow(kappa, (double)i / (ACC_N - 1));
}

typedef struct {
    const char *name;
    slope_method method;
    slope_rate rate;   /* the bound that method carries */
} acc_method;

static const acc_method acc_methods[3] = {
    {"GD", SLOPE_METHOD_GD, SLOPE_RATE_STRONGLY_CONVEX},
    {"heavy ball", SLOPE_METHOD_HEAVY_BALL, SLOPE_RATE_HEAVY_BALL},
    {"Nesterov", SLOPE_METHOD_NESTEROV, SLOPE_RATE_NESTEROV},
};

/* weave: accel-tuning */
/* Each method with the step and momentum its bound assumes (convergence.h). */
static void acc_tuning(double *step, double *beta, int m, double L, double mu)
{
    switch (acc_methods[m].method) {
    case SLOPE_METHOD_GD:
        *step = slope_convergence_step(L), *beta = 0;
        break;
    case SLOPE_METHOD_HEAVY_BALL:
        *step = slope_convergence_heavy_ball_step(L, mu);
        *beta = slope_convergence_heavy_ball_momentum(L, mu);
        break;
    default:
        *step = slope_convergence_step(L);
        *beta = slope_convergence_nesterov_momentum(L, mu);
    }
}
/* weave end */

/* Iterations to 1e-8 for method m on the spectrum lam from x0, and the
 * worst ratio of the run to its bound over those iterations. */
static size_t acc_run(double *worst, int m, double *lam, const double *x0)
{
    double L, mu, step, beta, work[4 * ACC_N];
    static const double zero[ACC_N];
    chapter_check(slope_convergence_constants(&L, &mu, lam, ACC_N), "L and mu");
    acc_tuning(&step, &beta, m, L, mu);
    slope_convergence_problem p = {diag_f, diag_grad, lam, zero, 0.0};
    size_t k;
    chapter_check(slope_convergence_iterations(&k, &p, acc_methods[m].method, step, beta, x0, 1e-8,
                                               ACC_MAX, work, ACC_N), "iterations to 1e-8");
    chapter_check(slope_convergence_check_method(worst, NULL, NULL, acc_methods[m].rate, &p, L, mu,
                                                 x0, acc_methods[m].method, step, beta, work, ACC_N,
                                                 k), "the rate check");
    return k;
}

static const double acc_kappas[ACC_KAPPAS] = {10, 30, 100, 300, 1000, 3000, 10000};
static const double acc_x0[ACC_N] = {1, 1, 1, 1, 1, 1, 1, 1};

typedef struct {
    double its[3][ACC_KAPPAS], p[3], c[3];
} accel_result;

/* The table, the fitted slopes, and the claims they must satisfy. */
static void accel_table(accel_result *res)
{
    chapter_table("accel-kappa", "iterations to 1e-8 against kappa: GD, heavy ball, Nesterov");
    printf("0.5 sum lam_i x_i^2 with 8 eigenvalues log-spaced in [1, kappa], from (1, ..., 1);\n"
           "iterations until ||x_k|| <= 1e-8 ||x_0||; worst = the largest ratio of the run to its bound\n");
    printf("   kappa  sqrt(kappa)        GD  heavy ball  Nesterov    worst GD  worst HB  worst NAG\n");
    printf("------------------------------------------------------------------------------------------\n");
    double (*its)[ACC_KAPPAS] = res->its, worst_all = 0;
    for (int r = 0; r < ACC_KAPPAS; r++) {
        double lam[ACC_N], worst[3];
        log_spectrum(lam, acc_kappas[r]);
        for (int m = 0; m < 3; m++) {
            its[m][r] = (double)acc_run(&worst[m], m, lam, acc_x0);
            worst_all = fmax(worst_all, worst[m]);
        }
        printf("  %6g  %11.2f  %8.0f  %10.0f  %8.0f    %8.4f  %8.4f  %8.4f\n", acc_kappas[r],
               sqrt(acc_kappas[r]), its[0][r], its[1][r], its[2][r], worst[0], worst[1], worst[2]);
    }
    printf("Fitted power law: iterations = c kappa^p\n");
    const double lo[3] = {0.9, 0.4, 0.4}, hi[3] = {1.1, 0.6, 0.6};
    int ok = worst_all <= 1;
    for (int m = 0; m < 3; m++) {
        double pw, c;
        chapter_check(slope_convergence_fit_power(&pw, &c, acc_kappas, its[m], ACC_KAPPAS),
                      "the log-log fit");
        res->p[m] = pw, res->c[m] = c;
        printf("  %-10s  p = %.3f  c = %7.2f   (theory: p = %s)\n", acc_methods[m].name, pw, c,
               m ? "1/2" : "1");
        ok = ok && pw > lo[m] && pw < hi[m];
    }
    printf("Every step of every run within its bound: %s (worst ratio %.4f)\n",
           worst_all <= 1 ? "yes" : "NO", worst_all);
    if (!ok) {
        fprintf(stderr, "08-convexity-convergence: a rate or a slope left its range\n"
                        "HINT: run `make check CK_RUN_SUITE=convergence`\n");
        exit(1);
    }
}

/* Figure 08-accel-kappa: the iterations against kappa and the fitted lines. */
static void figure_accel(const accel_result *res)
{
    FILE *fp = chapter_data("accel-kappa.dat");
    if (!fp)
        return;
    chapter_data_block(fp, "iterations", "kappa GD heavy_ball Nesterov");
    for (int r = 0; r < ACC_KAPPAS; r++)
        fprintf(fp, "%g %g %g %g\n", acc_kappas[r], res->its[0][r], res->its[1][r], res->its[2][r]);
    chapter_data_block(fp, "fit", "p c for GD, heavy ball, Nesterov (one row each)");
    for (int m = 0; m < 3; m++)
        fprintf(fp, "%.10g %.10g\n", res->p[m], res->c[m]);
    chapter_data_close(fp);
}

/* ---- 8. sharpness in practice: power iteration, warm-up, the edge of stability ---- */

/* A small network, 1 -> 16 tanh -> 1, fitting sin(3x) at 32 points of [-1, 1]
 * by full-batch gradient descent on the mean squared error. */
enum { NET_PTS = 32, NET_H = 16, EOS_SAMPLE = 10 };

typedef struct {
    slope_mlp_net net;
    double x[NET_PTS], t[NET_PTS];
    slope_mlp_objective obj;
    double *p0;       /* the initial parameters, net.nparams doubles */
    size_t n;
} sine_net;

/* Initial weights from the library's generator: w1, b1 ~ N(0, 0.5^2),
 * w2 ~ N(0, (0.5/4)^2), that is the usual 1/sqrt(fan-in) scale for the
 * 16 inputs of the output unit, all halved. */
static void sine_net_init(sine_net *s, int seed)
{
    double w1[NET_H], b1[NET_H], w2[NET_H];
    for (int i = 0; i < NET_PTS; i++) {
        s->x[i] = -1 + 2.0 * i / (NET_PTS - 1);
        s->t[i] = sin(3 * s->x[i]);
    }
    slope_rng r;
    slope_rng_seed(&r, (uint32_t)seed);
    for (int i = 0; i < NET_H; i++) {
        w1[i] = slope_rng_normal(&r, 0, 0.5);
        b1[i] = slope_rng_normal(&r, 0, 0.5);
        w2[i] = slope_rng_normal(&r, 0, 0.5 / 4);
    }
    const slope_mlp_shape shape = {1, NET_H, 1, NET_PTS, SLOPE_MLP_TANH, SLOPE_MLP_IDENTITY,
                                   SLOPE_MLP_MSE};
    chapter_check(slope_mlp_init(&s->net, &shape, w1, b1, w2, NULL), "the network");
    s->obj = (slope_mlp_objective){&s->net, s->x, s->t};
    s->n = s->net.nparams;
    s->p0 = malloc(s->n * sizeof *s->p0);
    chapter_require(s->p0 != NULL, "out of memory");
    memcpy(s->p0, s->net.params, s->n * sizeof *s->p0);
}

static void sine_net_free(sine_net *s)
{
    slope_mlp_free(&s->net);
    free(s->p0);
}

/* weave: sharpness */
/* lambda_max of the loss's Hessian at p: power iteration on Hessian-vector
 * products, each a central difference of two backprop gradients.  v holds
 * the start and returns the eigenvector (a warm start for the next call). */
static slope_curvature_eig sharpness(sine_net *s, const double *p, double *v, double tol,
                                     size_t max_iter)
{
    double *work = malloc(3 * s->n * sizeof *work);
    chapter_require(work != NULL, "out of memory");
    slope_curvature_hessian h = {slope_mlp_objective_grad, &s->obj, p, work};
    slope_curvature_eig e;
    slope_status st = slope_curvature_power(&e, v, slope_curvature_hessian_apply, &h, s->n, tol,
                                            max_iter, work + 2 * s->n);
    if (st != SLOPE_EMAXITER)   /* at the cap, e still holds the estimate and its residual */
        chapter_check(st, "power iteration on Hessian-vector products");
    free(work);
    return e;
}
/* weave end */

static void ones(double *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        v[i] = 1;
}

/* The power iteration at the initial weights, step by step, against the
 * eigenvalues of the full finite-difference Hessian. */
static void sharpness_table(sine_net *s)
{
    chapter_table("sharpness-power", "lambda_max of a network's loss by power iteration on HVPs");
    const size_t n = s->n;
    double *v = malloc(n * sizeof *v), *H = malloc(n * n * sizeof *H), *eig = malloc(n * sizeof *eig);
    double *work = malloc((n * n + 2 * n) * sizeof *work);
    chapter_require(v && H && eig && work, "out of memory");
    printf("1 -> %d tanh -> 1 network, %zu parameters, MSE on sin(3x) at %d points of [-1, 1];\n"
           "power iteration from v = (1, ..., 1) at the initial weights\n", NET_H, n, NET_PTS);
    printf("  products   lambda estimate      residual ||Hv - lambda v||\n");
    printf("-----------------------------------------------------------\n");
    const size_t its[] = {1, 2, 3, 5, 10, 15, 100};   /* the last one converges */
    slope_curvature_eig e = {0};
    for (int i = 0; i < 7; i++) {
        ones(v, n);
        e = sharpness(s, s->p0, v, 1e-12, its[i]);
        printf("  %8zu   %15.10f   %12.3e\n", e.iters, e.lambda, e.residual);
    }
    chapter_check(slope_deriv_hessian(H, slope_mlp_objective_loss, &s->obj, s->p0, n,
                                      slope_deriv_step_second(1.0), work), "the full Hessian");
    chapter_check(slope_linalg_eigsym(eig, NULL, H, n, work), "its eigenvalues");
    const double top = fabs(eig[0]) > fabs(eig[n - 1]) ? eig[0] : eig[n - 1];
    printf("Full %zu x %zu Hessian by finite differences of the loss: largest |eigenvalue| %.6f,\n"
           "next %.6f (their ratio sets the speed of the iteration)\n", n, n, top,
           eig[n - 2]);
    printf("So gradient descent is stable at the start for eta < 2/lambda_max = %.4f\n", 2 / e.lambda);
    const int ok = fabs(e.lambda - top) <= 1e-5 * fabs(top);
    printf("Power iteration and the full Hessian agree to %.1e relative: %s\n",
           fabs(e.lambda - top) / fabs(top), ok ? "yes" : "NO");
    free(v), free(H), free(eig), free(work);
    if (!ok) {
        fprintf(stderr, "08-convexity-convergence: power iteration missed lambda_max\n"
                        "HINT: run `make check CK_RUN_SUITE=curvature`\n");
        exit(1);
    }
}

/* One full-batch run of `steps` steps with learning rate lr(t) (warm-up
 * over `warmup` steps to eta), recording the loss and the sharpness every
 * EOS_SAMPLE steps into loss[] and sharp[] (steps / EOS_SAMPLE + 1 entries).
 * Returns the number of steps done before the loss stopped being finite. */
static size_t train_run(double *loss, double *sharp, sine_net *s, double eta, size_t warmup,
                        size_t steps)
{
    const size_t n = s->n;
    double *p = malloc(n * sizeof *p), *g = malloc(n * sizeof *g), *v = malloc(n * sizeof *v);
    chapter_require(p && g && v, "out of memory");
    memcpy(p, s->p0, n * sizeof *p);
    ones(v, n);
    slope_optim_sgd sgd;
    size_t k;
    for (k = 0; k <= steps; k++) {
        double f = slope_mlp_objective_loss(p, n, &s->obj);
        if (!isfinite(f))
            break;
        if (k % EOS_SAMPLE == 0) {
            loss[k / EOS_SAMPLE] = f;
            sharp[k / EOS_SAMPLE] = sharpness(s, p, v, 1e-6, 5000).lambda;
        }
        slope_mlp_objective_grad(g, p, n, &s->obj);
        chapter_check(slope_optim_sgd_init(&sgd, slope_schedule_warmup(eta, warmup, k)), "the rate");
        chapter_check(slope_optim_sgd_step(&sgd, p, g, n), "a step");
    }
    for (size_t j = k / EOS_SAMPLE + (k % EOS_SAMPLE != 0); j <= steps / EOS_SAMPLE; j++)
        loss[j] = sharp[j] = NAN;
    free(p), free(g), free(v);
    return k;
}

enum { EOS_STEPS = 6000, EOS_RATES = 3, WARM_STEPS = 2000, WARM_LEN = 1000 };
static const double eos_rates[EOS_RATES] = {0.1, 0.15, 0.2};

typedef struct {
    double loss[EOS_RATES][EOS_STEPS / EOS_SAMPLE + 1], sharp[EOS_RATES][EOS_STEPS / EOS_SAMPLE + 1];
    double wloss[2][WARM_STEPS / EOS_SAMPLE + 1], wsharp[2][WARM_STEPS / EOS_SAMPLE + 1];
    size_t wdone[2];
} eos_runs;

static void edge_table(sine_net *s, eos_runs *r)
{
    chapter_table("edge-of-stability", "sharpness and loss during full-batch training, three rates");
    for (int e = 0; e < EOS_RATES; e++)
        train_run(r->loss[e], r->sharp[e], s, eos_rates[e], 0, EOS_STEPS);
    printf("The network of the previous table, %d steps of gradient descent from the same start\n",
           EOS_STEPS);
    printf("          eta = %-4g (2/eta = %5.2f)   eta = %-4g (2/eta = %5.2f)   eta = %-4g (2/eta = %5.2f)\n",
           eos_rates[0], 2 / eos_rates[0], eos_rates[1], 2 / eos_rates[1], eos_rates[2],
           2 / eos_rates[2]);
    printf("  step   sharpness      loss          sharpness      loss          sharpness      loss\n");
    printf("------------------------------------------------------------------------------------------\n");
    const int show[] = {0, 250, 500, 1000, 1500, 2000, 3000, 4000, 5000, 6000};
    for (int i = 0; i < 10; i++) {
        printf("  %4d", show[i]);
        for (int e = 0; e < EOS_RATES; e++)
            printf("   %9.4f  %9.3e   ", r->sharp[e][show[i] / EOS_SAMPLE], r->loss[e][show[i] / EOS_SAMPLE]);
        printf("\n");
    }
    printf("Over steps %d..%d (every %dth step measured):\n", EOS_STEPS / 2, EOS_STEPS, EOS_SAMPLE);
    int ok = 1;
    for (int e = 0; e < EOS_RATES; e++) {
        double lo = INFINITY, hi = -INFINITY, mean = 0;
        int rises = 0, m = 0;
        for (int j = EOS_STEPS / 2 / EOS_SAMPLE; j <= EOS_STEPS / EOS_SAMPLE; j++, m++) {
            lo = fmin(lo, r->sharp[e][j]), hi = fmax(hi, r->sharp[e][j]), mean += r->sharp[e][j];
            rises += r->loss[e][j] > r->loss[e][j - 1];
        }
        mean /= m;
        printf("  eta = %-4g  sharpness %7.3f .. %7.3f, mean %7.3f = %5.3f x 2/eta;"
               " loss rose at %3d of %d samples\n", eos_rates[e], lo, hi, mean, mean * eos_rates[e] / 2,
               rises, m);
        /* the claim of the lesson: the two larger rates end at their edge
         * (within 5%), whatever the start */
        ok = ok && isfinite(mean);
        if (e > 0)
            ok = ok && fabs(mean * eos_rates[e] / 2 - 1) < 0.05;
    }
    printf("At the start the sharpness %.3f is below 2/eta for %s.\n", r->sharp[0][0],
           r->sharp[0][0] < 2 / eos_rates[2] ? "all three rates" : "some rates only (try another --seed)");
    if (!ok) {
        fprintf(stderr, "08-convexity-convergence: the edge-of-stability runs changed character\n"
                        "HINT: compare with the lesson's table; run `make check CK_RUN_SUITE=mlp`\n");
        exit(1);
    }
}

static void warmup_table(sine_net *s, eos_runs *r, double eta)
{
    chapter_table("warmup", "warm-up: the same large rate, reached at once or over 1000 steps");
    r->wdone[0] = train_run(r->wloss[0], r->wsharp[0], s, eta, 0, WARM_STEPS);
    r->wdone[1] = train_run(r->wloss[1], r->wsharp[1], s, eta, WARM_LEN, WARM_STEPS);
    printf("The same network and start; eta = %g (2/eta = %g, below the starting sharpness %.3f)\n",
           eta, 2 / eta, r->wsharp[1][0]);
    printf("           constant eta            linear warm-up over %d steps\n", WARM_LEN);
    printf("  step   sharpness      loss       eta_t   2/eta_t   sharpness      loss\n");
    printf("--------------------------------------------------------------------------\n");
    const int show[] = {0, 10, 20, 100, 250, 500, 750, 1000, 1500, 2000};
    for (int i = 0; i < 10; i++) {
        const int j = show[i] / EOS_SAMPLE;
        const double lr = slope_schedule_warmup(eta, WARM_LEN, (size_t)show[i]);
        printf("  %4d   %9.4g  %9.3e     %6.4f  %8.3f  %9.4f  %9.3e\n", show[i], r->wsharp[0][j],
               r->wloss[0][j], lr, 2 / lr, r->wsharp[1][j], r->wloss[1][j]);
    }
    double mean = 0;
    int m = 0;
    for (int j = (WARM_STEPS + WARM_LEN) / 2 / EOS_SAMPLE; j <= WARM_STEPS / EOS_SAMPLE; j++, m++)
        mean += r->wsharp[1][j];
    mean /= m;
    if (r->wdone[0] <= WARM_STEPS)
        printf("Constant eta: the loss stopped being finite after %zu steps.\n", r->wdone[0]);
    else
        printf("Constant eta: this start survived all %d steps (try another --seed).\n", WARM_STEPS);
    printf("Warm-up: mean sharpness over steps %d..%d is %.3f = %.3f x 2/eta.\n",
           (WARM_STEPS + WARM_LEN) / 2, WARM_STEPS, mean, mean * eta / 2);
    /* the claim that holds for every start: warmed up, the run ends at its edge */
    if (!(r->wdone[1] > WARM_STEPS && fabs(mean * eta / 2 - 1) < 0.1)) {
        fprintf(stderr, "08-convexity-convergence: the warm-up runs changed character\n"
                        "HINT: compare with the lesson's table\n");
        exit(1);
    }
}

/* Figure 08-edge-of-stability: sharpness and loss of every run, every
 * EOS_SAMPLE steps; blocks "eos I" (I = 1..3, with the rate in "rates") and
 * "warmup". */
static void figure_edge(const eos_runs *r, double eta_warm)
{
    FILE *fp = chapter_data("edge-of-stability.dat");
    if (!fp)
        return;
    chapter_data_block(fp, "rates", "eta of runs 1, 2, 3 and of the warm-up run");
    fprintf(fp, "%g %g %g %g\n", eos_rates[0], eos_rates[1], eos_rates[2], eta_warm);
    for (int e = 0; e < EOS_RATES; e++) {
        char block[16];
        snprintf(block, sizeof block, "eos %d", e + 1);
        chapter_data_block(fp, block, "step sharpness loss");
        for (int j = 0; j <= EOS_STEPS / EOS_SAMPLE; j++)
            fprintf(fp, "%d %.8g %.8g\n", j * EOS_SAMPLE, r->sharp[e][j], r->loss[e][j]);
    }
    chapter_data_block(fp, "warmup", "step eta_t sharpness_constant loss_constant sharpness_warm loss_warm");
    for (int j = 0; j <= WARM_STEPS / EOS_SAMPLE; j++) {
        double lr = slope_schedule_warmup(eta_warm, WARM_LEN, (size_t)(j * EOS_SAMPLE));
        fprintf(fp, "%d %.8g %.8g %.8g %.8g %.8g\n", j * EOS_SAMPLE, lr, r->wsharp[0][j],
                r->wloss[0][j], r->wsharp[1][j], r->wloss[1][j]);
    }
    chapter_data_close(fp);
}

/* Reject every option outside the range where its table means something. */
static void check_options(const options *o)
{
    chapter_require(o->a != o->b && fabs(o->a) <= 20 && fabs(o->b) <= 20,
                    "--a and --b must differ and lie in [-20, 20] (x^4 stays readable)");
    chapter_require(o->seed >= 0, "--seed must be >= 0");
    chapter_require(o->samples >= 1 && o->samples <= 1000000, "--samples must be in 1 .. 1000000");
    chapter_require(o->dmax >= 1 && o->dmax <= 16, "--dmax must be in 1 .. 16");
    chapter_require(o->lr > 0 && o->lr < 1.0 / 3,
                    "--lr must be in (0, 1/3): the global minimum has curvature 6, and 2/6 "
                    "is the limit");
    chapter_require(o->offset >= 0 && o->offset < 0.1, "--offset must be in [0, 0.1)");
    chapter_require(o->beta >= 0 && o->beta < 1, "--beta must be in [0, 1)");
    chapter_require(o->noise >= 0 && o->noise <= 1, "--noise must be in [0, 1]");
    chapter_require(o->kappa1 >= 1 && o->kappa1 <= 1e6 && o->kappa2 >= 1 && o->kappa2 <= 1e6,
                    "--kappa1 and --kappa2 must be in [1, 1e6] (kappa = L / mu >= 1)");
    chapter_require(fabs(o->x0) <= 1e6 && fabs(o->y0) <= 1e6,
                    "--x0 and --y0 must be in [-1e6, 1e6]");
    chapter_require(o->x0 != 0 || o->y0 != 0,
                    "--x0 and --y0: start away from the optimum (0, 0), or there is nothing "
                    "to measure");
    chapter_require(o->steps >= 2 && o->steps <= 100000, "--steps must be in 2 .. 100000");
    chapter_require(o->step_factor > 0 && o->step_factor < 2,
                    "--step-factor must be in (0, 2): at 2/L and beyond, descent no longer "
                    "converges");
}

/* ---- figure data ------------------------------------------------------------ */

/* Under --data DIR the program also writes the files that plots/08-*.gp draw.
 * Each file holds named blocks that gnuplot selects with `index "[NAME]"`. */

/* f over [lo, hi] as the block "curve NAME", and f with its chord over the
 * segment [a, b] as the block "chord NAME" (chord = f + chord_gap). */
static void chord_blocks(FILE *fp, const char *name, double (*f)(double), double a, double b,
                         double lo, double hi)
{
    char block[32];
    snprintf(block, sizeof block, "curve %s", name);
    chapter_data_block(fp, block, "x f(x)");
    for (int i = 0; i <= 300; i++) {
        double x = lo + (hi - lo) * i / 300;
        fprintf(fp, "%.10g %.10g\n", x, f(x));
    }
    snprintf(block, sizeof block, "chord %s", name);
    chapter_data_block(fp, block, "lambda x f(x) chord(x) on the segment, from b (lambda 0) to a");
    for (int i = 0; i <= 200; i++) {
        double lambda = i / 200.0, x = lambda * a + (1 - lambda) * b;
        fprintf(fp, "%.4f %.10g %.10g %.10g\n", lambda, x, f(x), f(x) + chord_gap(f, a, b, lambda));
    }
}

/* Figure 08-chord: the chord-test table's two functions and segment, drawn
 * over the segment and a quarter of its length beyond each end. */
static void figure_chord(double a, double b)
{
    FILE *fp = chapter_data("chord.dat");
    if (!fp)
        return;
    const double lo = fmin(a, b) - fabs(b - a) / 4, hi = fmax(a, b) + fabs(b - a) / 4;
    chapter_data_block(fp, "segment", "a b");
    fprintf(fp, "%.10g %.10g\n", a, b);
    chord_blocks(fp, "logistic", logistic, a, b, lo, hi);
    chord_blocks(fp, "well", well, a, b, lo, hi);
    chapter_data_close(fp);
}

/* Figure 08-kappa-rates: section 5's two runs at every step, with the bound of
 * section 4 on the distance and the tighter factor that holds on a quadratic. */
static void figure_kappa(const options *o)
{
    FILE *fp = chapter_data("kappa-rates.dat");
    if (!fp)
        return;
    size_t K = (size_t)o->steps;
    const double x0[2] = {o->x0, o->y0}, kappa[2] = {o->kappa1, o->kappa2};
    const double r0sq = slope_linalg_dot(x0, x0, 2);
    double *d = malloc(2 * (K + 1) * sizeof *d), L[2], mu[2];
    chapter_require(d != NULL, "out of memory: lower --steps");
    for (int i = 0; i < 2; i++) {
        const double eig[2] = {1, kappa[i]};   /* the eigenvalues of diag(1, kappa) */
        chapter_check(slope_convergence_constants(&L[i], &mu[i], eig, 2), "L and mu");
        descent_distances(d + i * (K + 1), kappa[i], x0, K);
    }
    chapter_data_block(fp, "kappas", "kappa1 kappa2");
    fprintf(fp, "%g %g\n", kappa[0], kappa[1]);
    chapter_data_block(fp, "start", "x0 y0");
    fprintf(fp, "%g %g\n", x0[0], x0[1]);
    chapter_data_block(fp, "distances",
               "k, then for kappa1 and kappa2 in turn: ||x_k||, sqrt of the bound "
               "(1 - mu/L)^k ||x0||^2, and (1 - mu/L)^k ||x0||");
    for (size_t k = 0; k <= K; k++) {
        fprintf(fp, "%zu", k);
        for (int i = 0; i < 2; i++) {
            double bound = slope_convergence_bound_strong(L[i], mu[i], r0sq, k);
            /* on a quadratic each component shrinks by |1 - step h| <= 1 - mu/L */
            double quad = pow(1 - mu[i] / L[i], (double)k) * sqrt(r0sq);
            fprintf(fp, " %.10g %.10g %.10g", d[i * (K + 1) + k], sqrt(bound), quad);
        }
        fputc('\n', fp);
    }
    free(d);
    chapter_data_close(fp);
}

/* Figure 08-rate-check: every step of the rate table's three runs, the
 * measured quantity beside its bound (NaN where the bound is infinite: the
 * sublinear bounds promise nothing at k = 0). */
static void figure_rate_check(const options *o)
{
    FILE *fp = chapter_data("rate-check.dat");
    if (!fp)
        return;
    size_t K = (size_t)o->steps;
    double worst[3];
    quadratic q;
    rate_case c[3];
    double *buf = rate_runs_checked(worst, c, &q, o);
    chapter_data_block(fp, "settings", "x0 y0 step_factor kappa2");
    fprintf(fp, "%g %g %g %g\n", o->x0, o->y0, o->step_factor, o->kappa2);
    chapter_data_block(fp, "worst", "worst actual/bound: convex, strongly convex, non-convex");
    fprintf(fp, "%.6g %.6g %.6g\n", worst[0], worst[1], worst[2]);
    chapter_data_block(fp, "steps",
                       "k, then for convex, strongly convex and non-convex in turn: "
                       "the measured quantity and its bound");
    for (size_t j = 0; j <= K; j++) {
        fprintf(fp, "%zu", j);
        for (int i = 0; i < 6; i++) {
            double v = buf[i * (K + 1) + j];
            fprintf(fp, isfinite(v) ? " %.10g" : " NaN", v);
        }
        fputc('\n', fp);
    }
    free(buf);
    chapter_data_close(fp);
}

int main(int argc, char **argv)
{
    options o = {.a = -1, .b = 2, .seed = 8, .samples = 20000, .dmax = 6, .lr = 0.1,
                 .offset = 1e-6, .beta = 0.9, .noise = 1e-3, .kappa1 = 2, .kappa2 = 50,
                 .x0 = 5, .y0 = 5, .steps = 50, .step_factor = 1};
    const chapter_opt opts[] = {
        {"a", CHAPTER_DOUBLE, &o.a, "one end of the chord-test segment"},
        {"b", CHAPTER_DOUBLE, &o.b, "the other end"},
        {"seed", CHAPTER_INT, &o.seed, "random seed of every draw, and of section 8's network (>= 0)"},
        {"samples", CHAPTER_INT, &o.samples, "random matrices per size (1 .. 1000000)"},
        {"dmax", CHAPTER_INT, &o.dmax, "largest matrix size (1 .. 16)"},
        {"lr", CHAPTER_DOUBLE, &o.lr, "learning rate on the double well (0 < lr < 1/3)"},
        {"offset", CHAPTER_DOUBLE, &o.offset,
         "start (offset, 1) near the saddle (0 <= offset < 0.1)"},
        {"beta", CHAPTER_DOUBLE, &o.beta, "heavy-ball momentum (0 <= beta < 1)"},
        {"noise", CHAPTER_DOUBLE, &o.noise, "std of the gradient noise (0 .. 1)"},
        {"kappa1", CHAPTER_DOUBLE, &o.kappa1, "the well-conditioned kappa (1 .. 1e6)"},
        {"kappa2", CHAPTER_DOUBLE, &o.kappa2, "the ill-conditioned kappa (1 .. 1e6)"},
        {"x0", CHAPTER_DOUBLE, &o.x0, "start point, first coordinate (|x0| <= 1e6)"},
        {"y0", CHAPTER_DOUBLE, &o.y0, "start point, second coordinate (|y0| <= 1e6)"},
        {"steps", CHAPTER_INT, &o.steps, "gradient-descent steps (2 .. 100000)"},
        {"step-factor", CHAPTER_DOUBLE, &o.step_factor, "the step as a multiple of 1/L (0 .. 2)"},
    };
    chapter_parse(argc, argv,
                  "Chapter 08: convexity, saddles, and how fast gradient descent converges.",
                  opts, sizeof opts / sizeof *opts);
    check_options(&o);
    segment_table(o.a, o.b);
    random_segments(o.seed);
    hessian_table();
    critical_points();
    where_gd_lands(o.lr);
    saddle_census(o.seed, o.samples, o.dmax);
    saddle_escape(o.lr, o.offset);
    escape_table(&o);
    plateau_speed(o.lr, o.beta);
    constants_table(&o);
    rate_check_table(&o);
    rate_iterations(&o);
    kappa_table(&o);
    step_limit(&o);
    accel_result acc;
    accel_table(&acc);
    sine_net net;
    sine_net_init(&net, o.seed);
    sharpness_table(&net);
    static eos_runs eos;
    edge_table(&net, &eos);
    warmup_table(&net, &eos, 0.5);
    sine_net_free(&net);

    figure_chord(o.a, o.b);
    figure_kappa(&o);
    figure_rate_check(&o);
    figure_accel(&acc);
    figure_edge(&eos, 0.5);
    return 0;
}
