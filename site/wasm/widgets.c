/*
 * widgets.c -- the live figures of the course's website, computed by
 * libslope compiled to WebAssembly (site/site.mk: clang --target=wasm32-wasi
 * with the native build's -ffp-contract=off, the same sources of lib/).
 *
 * Each live figure of a lesson mirrors one table of its chapter program: the
 * export live_NAME(params...) computes with the same libslope calls and
 * prints that table, with the same formats, into a text buffer (the figure's
 * readout), and leaves the numbers the figure draws in a data array.  The
 * browser check (site/check/site-check.js) runs the chapter program with the
 * same options and requires the readout to equal the program's table, digit
 * for digit; a change to either side without the other fails it.
 *
 *   figure    program and table              parameters (program options)
 *   secant    01-derivatives, secant         x0 (--x0), h (--h)
 *   neuron    02-differentiation-rules, neuron   w, b, x (--neuron-w, --neuron-b, --neuron-x)
 *   arrows    03-gradients, arrows           w1 (--w1), w2 (--w2)
 *   hessian   04-jacobian-hessian, hessian   a, b, c, px, py (--a ... --py)
 *   descent   05-gradient-descent, descent   lr (--lr), x0 (--x0), steps (--steps)
 *   optimizers 06-optimizers, your-run      lr, beta, beta1, beta2, eps, w1, w2, steps,
 *                                            problem (the options of the same names)
 *   xor       07-backpropagation, xor-training   lr, epochs, hidden, seed (the same options)
 *   rates     08-convexity-convergence, rate-check   x0, y0, steps, step-factor, kappa2
 *   roc       09-integration-auc, roc-auc    seed (--seed), thresholds (--thresholds)
 *
 * Where a chapter has a table that both print, the computation and the
 * printing live in one chapter-local file that the program and this module
 * both compile (chapters/07-backpropagation/xor.c, ...), so there is one way
 * to compute the table; the rest mirror the program's code.
 *
 * (The figures draw their curves from samples computed here too, so the
 * browser never evaluates a lesson's function itself.)
 *
 * Every export returns 0 on success, 1 when a libslope call failed and 2 for
 * a parameter outside the program's domain (the readout then holds the
 * program's message); live_text()/live_text_len() give the readout and
 * live_data()/live_ndata() the numbers, valid until the next call.
 */
#define _POSIX_C_SOURCE 200809L /* open_memstream */

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "slope.h"
#include "arrows.h"
#include "downhill.h"
#include "race.h"
#include "rates.h"
#include "roc.h"
#include "shape.h"
#include "xor.h"

#define EXPORT(name) __attribute__((export_name(name)))

/* The module's exports (the names JavaScript calls them by). */
const char *live_text(void);
size_t live_text_len(void);
const double *live_data(void);
size_t live_ndata(void);
int live_secant(double x0, double h, double lo, double hi, int n);
int live_neuron(double w, double b, double x, double lo, double hi, int n);
int live_arrows(double w1, double w2);
int live_hessian(double a, double b, double c, double px, double py, double h, double tol);
int live_hessian_grid(double a, double b, double c, double x0, double x1, int nx, double y0,
                      double y1, int ny);
int live_descent(double lr, double x0, int steps);
int live_descent_curve(double lo, double hi, int n);
int live_optimizers(double lr, double beta, double beta1, double beta2, double eps, double w1,
                    double w2, int steps, int problem);
int live_optimizers_grid(int problem, double x0, double x1, int nx, double y0, double y1, int ny);
int live_roc(int seed, int thresholds);
int live_xor(double lr, int epochs, int hidden, int seed);
int live_rates(double x0, double y0, int steps, double step_factor, double kappa2);

/* ---- the readout and the data of the last call ------------------------------- */

#define MAX_DATA 8192

static char *text;          /* the readout, NUL-terminated */
static size_t text_len;
static FILE *out;           /* an open_memstream onto text during a call */
static double data[MAX_DATA];
static size_t ndata;

static void begin(void)
{
    free(text);
    text = NULL;
    text_len = 0;
    ndata = 0;
    out = open_memstream(&text, &text_len);
}

static int end(int status)
{
    if (out)
        fclose(out);
    out = NULL;
    return status;
}

/* Append one number to the data (silently capped: the callers size it). */
static void put(double v)
{
    if (ndata < MAX_DATA)
        data[ndata++] = v;
}

/* A parameter outside the domain: the program's message, status 2. */
static int reject(const char *message)
{
    fprintf(out, "error: %s\n", message);
    return end(2);
}

EXPORT("live_text") const char *live_text(void) { return text ? text : ""; }
EXPORT("live_text_len") size_t live_text_len(void) { return text ? text_len : 0; }
EXPORT("live_data") const double *live_data(void) { return data; }
EXPORT("live_ndata") size_t live_ndata(void) { return ndata; }

/* slope_table_repr into a small buffer ("?" if it cannot be formatted). */
static const char *repr(char *buf, size_t size, double x)
{
    if (slope_table_repr(buf, size, x) != SLOPE_OK)
        snprintf(buf, size, "?");
    return buf;
}

/* ---- secant: chapter 01, table "secant" ----------------------------------------- */

static double square(double x, void *p) { (void)p; return x * x; }

/* The secant table of x^2 at x0 and the reader's own secant of step h.
 * data: s (the secant's slope), f(x0), f(x0 + h), f'(x0) = 2 x0, then n
 * points (x, x^2) of the curve on [lo, hi] for the plot. */
EXPORT("live_secant") int live_secant(double x0, double h, double lo, double hi, int n)
{
    begin();
    if (!(h > 0))
        return reject("--h must be positive: a secant needs two distinct points");
    if (!(fabs(x0) + h < 1e150))
        return reject("--x0 and --h must keep (x0 + h)^2 finite (|x0| + h < 1e150)");
    char a[32], b[32];
    fprintf(out, "Secant slopes of f(x) = x^2 at x0 = %s; the tangent's slope is f'(x0) = %s\n",
            repr(a, sizeof a, x0), repr(b, sizeof b, 2 * x0));
    slope_table_col cols[] = {{"h", "%.6f", 10}, {"Secant slope", "%.8f", 14},
                              {"Error", "%.2e", 10}};
    if (slope_table_header(out, cols, 3, "  ") != SLOPE_OK)
        return end(1);
    const double hs[] = {1.0, 0.5, 0.1, 0.01, 0.001, 1e-6};
    for (int i = 0; i < 6; i++) {
        double slope = slope_deriv_forward(square, NULL, x0, hs[i]);
        if (slope_table_row(out, cols, 3, "  ", (double[]){hs[i], slope, fabs(slope - 2 * x0)}) !=
            SLOPE_OK)
            return end(1);
    }
    double s = slope_deriv_forward(square, NULL, x0, h);
    fprintf(out, "Your secant (--h %s): through (%g, %g) and (%g, %g), slope %.8g;\n",
            repr(a, sizeof a, h), x0, square(x0, NULL), x0 + h, square(x0 + h, NULL), s);
    char sign = x0 < 0 ? '+' : '-';
    fprintf(out, "  secant line y = %.8g (x %c %g) + %g, tangent line y = %g (x %c %g) + %g\n",
            s, sign, fabs(x0), square(x0, NULL), 2 * x0, sign, fabs(x0), square(x0, NULL));
    put(s);
    put(square(x0, NULL));
    put(square(x0 + h, NULL));
    put(2 * x0);
    if (n < 2 || n > (MAX_DATA - 4) / 2)
        n = 2;
    for (int i = 0; i < n; i++) {
        double x = lo + (hi - lo) * i / (n - 1);
        put(x);
        put(square(x, NULL));
    }
    return end(0);
}

/* ---- neuron: chapter 02, table "neuron" ------------------------------------------ */

struct neuron {
    double x, b;
};

/* y = sigma(w x + b) by libslope's dense layer and sigmoid; NaN on failure. */
static double neuron_of_w(double w, void *p)
{
    const struct neuron *n = p;
    double z, y;
    if (slope_mlp_dense_forward(&z, &n->x, &w, &n->b, 1, 1, 1) != SLOPE_OK ||
        slope_mlp_sigmoid_forward(&y, &z, 1) != SLOPE_OK)
        return NAN;
    return y;
}

/* dy/dw by the layers' backward functions; NaN on failure. */
static double neuron_backward(double w, const struct neuron *n)
{
    double z, y, dy = 1.0, dz = 0.0, dw = 0.0; /* backward accumulates: start at 0 */
    if (slope_mlp_dense_forward(&z, &n->x, &w, &n->b, 1, 1, 1) != SLOPE_OK ||
        slope_mlp_sigmoid_forward(&y, &z, 1) != SLOPE_OK ||
        slope_mlp_sigmoid_backward(&dz, &dy, &y, 1) != SLOPE_OK ||
        slope_mlp_dense_backward(NULL, &dw, NULL, &dz, &n->x, &w, 1, 1, 1) != SLOPE_OK)
        return NAN;
    return dw;
}

/* The chain rule through one neuron y = sigma(w x + b), three ways.  data:
 * z, y, dy/dz, dy/dw, then n points (z, sigma(z)) of the sigmoid on
 * [lo, hi] for the plot. */
EXPORT("live_neuron") int live_neuron(double w, double b, double x, double lo, double hi, int n)
{
    begin();
    struct neuron nn = {x, b};
    char a[32];
    double z = w * x + b, y = neuron_of_w(w, &nn);
    fprintf(out, "Neuron y = sigma(w x + b) at w = %s, ", repr(a, sizeof a, w));
    fprintf(out, "b = %s, ", repr(a, sizeof a, b));
    fprintf(out, "x = %s\n", repr(a, sizeof a, x));
    fprintf(out, "  forward:   z = w x + b = %.6f,  y = sigma(z) = %.6f\n", z, y);
    fprintf(out, "  local:     dz/dw = x = %.6f,  dy/dz = sigma(z)(1 - sigma(z)) = %.6f\n", x,
            y * (1 - y));
    fprintf(out, "  dy/dw by the chain rule, dy/dz * dz/dw:    %.6f\n", y * (1 - y) * x);
    fprintf(out, "  dy/dw by the library's backward functions: %.6f\n", neuron_backward(w, &nn));
    fprintf(out, "  dy/dw by a central difference in w:        %.6f\n",
            slope_deriv_central(neuron_of_w, &nn, w, 1e-6));
    put(z);
    put(y);
    put(y * (1 - y));
    put(y * (1 - y) * x);
    if (n < 2 || n > (MAX_DATA - 4) / 2)
        n = 2;
    struct neuron unit = {1.0, 0.0}; /* sigma(z) itself: w = z, x = 1, b = 0 */
    for (int i = 0; i < n; i++) {
        double t = lo + (hi - lo) * i / (n - 1);
        put(t);
        put(neuron_of_w(t, &unit));
    }
    return end(0);
}

/* ---- arrows: chapter 03, table "arrows" ----------------------------------------- */

/* The gradient of L = w1^2 + w2^2 at (w1, w2), its negative, its length, and
 * the point slid toward the minimum, the table printed by the chapter's own
 * arrows_table_print.  data: L, grad (2), numerical grad (2), |grad|. */
EXPORT("live_arrows") int live_arrows(double w1, double w2)
{
    begin();
    double w[2] = {plus_zero(w1), plus_zero(w2)};
    if (!(fabs(w[0]) <= 1e6 && fabs(w[1]) <= 1e6))
        return reject("--w1 and --w2 must lie in [-1e6, 1e6]");
    arrows_result r;
    if (arrows_table_print(out, &r, w) != SLOPE_OK)
        return end(1);
    put(r.L);
    put(r.g[0]);
    put(r.g[1]);
    put(r.num[0]);
    put(r.num[1]);
    put(r.norm);
    return end(0);
}

/* ---- hessian: chapter 04, table "hessian" --------------------------------------- */

/* The Hessian of a x^2 + b xy + c y^2 at (px, py) by the four-point formula
 * with step h, its eigenvalues and the verdict, the table printed by the
 * chapter's own hessian_table_print.  data: H (4, row-major), the
 * eigenvalues (2), the eigenvectors as the columns of V (4), the numerical
 * gradient at (px, py) (2), the verdict with tol (-1 max, 0 saddle, 1 min, 2
 * inconclusive). */
EXPORT("live_hessian") int live_hessian(double a, double b, double c, double px, double py,
                                        double h, double tol)
{
    begin();
    if (!(h >= 1e-100 && h <= 1))
        return reject("--h must be in [1e-100, 1]: the formula divides by 4h^2");
    if (!(tol > 0))
        return reject("--tol must be positive");
    const quad q = {a, b, c};
    const double p[2] = {px, py};
    double ev2[2], V[4], work[4];
    shape_result r;
    if (hessian_table_print(out, &r, &q, p, h, tol) != SLOPE_OK ||
        slope_linalg_eigsym(ev2, V, r.H, 2, work) != SLOPE_OK) /* V for the figure only */
        return end(1);
    for (int i = 0; i < 4; i++)
        put(r.H[i]);
    put(r.ev[0]);
    put(r.ev[1]);
    for (int i = 0; i < 4; i++)
        put(V[i]);
    put(r.grad[0]);
    put(r.grad[1]);
    const char *cls = r.verdict;
    put(!strcmp(cls, "saddle point") ? 0 : !strcmp(cls, "inconclusive") ? 2
                                         : !strcmp(cls, "local min") ? 1 : -1);
    return end(0);
}

/* f = a x^2 + b xy + c y^2 on an nx x ny grid over [x0, x1] x [y0, y1]
 * (row j holds y = y0 + (y1 - y0) j / (ny - 1)), for the contours. */
EXPORT("live_hessian_grid") int live_hessian_grid(double a, double b, double c, double x0,
                                                  double x1, int nx, double y0, double y1, int ny)
{
    if (nx < 2 || ny < 2 || nx * ny > MAX_DATA)
        return 2;
    quad q = {a, b, c};
    ndata = 0;
    for (int j = 0; j < ny; j++)
        for (int i = 0; i < nx; i++) {
            double w[2] = {x0 + (x1 - x0) * i / (nx - 1), y0 + (y1 - y0) * j / (ny - 1)};
            put(quad_abc(w, 2, &q));
        }
    return 0;
}

/* ---- descent: chapter 05, table "descent" --------------------------------------- */

#define DESCENT_MAX_STEPS 1000 /* the figure's cap; the program allows 1e6 */

/* Gradient descent on (w - 3)^2 from x0 at rate lr, the table printed by
 * the chapter's own descent_table_print.  data: done (the finite steps),
 * diverged (0/1), then w_0..w_done and L(w_0)..L(w_done). */
EXPORT("live_descent") int live_descent(double lr, double x0, int steps)
{
    begin();
    if (!(lr > 0))
        return reject("--lr must be positive: a step moves against the gradient");
    if (!(steps >= 1 && steps <= DESCENT_MAX_STEPS))
        return reject("--steps must be between 1 and 1000 here");
    if (!(fabs(x0) <= 1e6))
        return reject("--x0 must be between -1e6 and 1e6");
    static double traj[DESCENT_MAX_STEPS + 1], loss[DESCENT_MAX_STEPS + 1];
    size_t done;
    slope_status s = descent_table_print(out, traj, loss, &done, lr, x0, steps);
    if (s != SLOPE_OK && s != SLOPE_EDIVERGED)
        return end(1);
    put((double)done);
    put(s == SLOPE_EDIVERGED);
    for (size_t k = 0; k <= done; k++)
        put(traj[k]);
    for (size_t k = 0; k <= done; k++)
        put(loss[k]);
    return end(0);
}

/* n points (w, L(w)) of the loss (w - 3)^2 on [lo, hi], for the plot; the
 * readout is left as it is.  Returns 0, or 2 when n is not in [2, 4096]. */
EXPORT("live_descent_curve") int live_descent_curve(double lo, double hi, int n)
{
    if (n < 2 || n > MAX_DATA / 2)
        return 2;
    double c = 3.0;
    ndata = 0;
    for (int i = 0; i < n; i++) {
        double w = lo + (hi - lo) * i / (n - 1);
        put(w);
        put(parabola(&w, 1, &c));
    }
    return 0;
}

/* ---- optimizers: chapter 06, table "your-run" ----------------------------------- */

#define OPT_MAX_STEPS 400 /* the figure's cap; the program allows 1e5 */

/* race_table_print's sink: one run into the data, as diverged (0/1), done,
 * then 2 (k+1) iterates and k+1 losses (the entries past `done` of a diverged
 * run are 0). */
static void optimizer_run_data(void *ctx, const double *traj, const double *loss, size_t done,
                               int diverged, size_t k)
{
    (void)ctx;
    put(diverged);
    put((double)done);
    for (size_t i = 0; i < 2 * (k + 1); i++)
        put(traj[i]);
    for (size_t i = 0; i <= k; i++)
        put(loss[i]);
}

/* SGD, momentum (EMA form), RMSProp and Adam from (w1, w2) on problem 1 (the
 * ravine w1^2 + 10 w2^2) or 2 (sin(w1) + 0.5 w2^2), the table printed by the
 * chapter's own race_table_print; data: the four runs in that order, each as
 * optimizer_run_data leaves it. */
EXPORT("live_optimizers") int live_optimizers(double lr, double beta, double beta1, double beta2,
                                              double eps, double w1, double w2, int steps,
                                              int problem)
{
    begin();
    if (!(lr > 0))
        return reject("--lr must be positive");
    if (!(beta >= 0 && beta < 1))
        return reject("--beta must be in [0, 1): it weighs the past");
    if (!(beta1 >= 0 && beta1 < 1 && beta2 >= 0 && beta2 < 1))
        return reject("--beta1 and --beta2 must be in [0, 1)");
    if (!(beta2 <= 1 - 1e-12))
        return reject("--beta2 must stay below 1 - 1e-12 so 1 - beta2^t is resolvable");
    if (!(eps > 0))
        return reject("--eps must be positive: it guards a division");
    if (!(fabs(w1) < 1e100 && fabs(w2) < 1e100))
        return reject("--w1 and --w2 must be below 1e100");
    if (!(steps >= 4 && steps <= OPT_MAX_STEPS))
        return reject("--steps must be between 4 and 400 here");
    if (problem != 1 && problem != 2)
        return reject("--problem must be 1 (ravine) or 2 (sin)");
    race_settings s = {lr, beta, beta1, beta2, eps, w1, w2, steps, problem};
    return end(race_table_print(out, &s, optimizer_run_data, NULL) != SLOPE_OK);
}

/* The loss of problem 1 or 2 on an nx x ny grid over [x0, x1] x [y0, y1]
 * (row j holds y = y0 + (y1 - y0) j / (ny - 1)), for the contours; the
 * readout is left as it is.  Returns 0, or 2 for a bad problem or size. */
EXPORT("live_optimizers_grid") int live_optimizers_grid(int problem, double x0, double x1, int nx,
                                                        double y0, double y1, int ny)
{
    if ((problem != 1 && problem != 2) || nx < 2 || ny < 2 || nx * ny > MAX_DATA)
        return 2;
    ndata = 0;
    for (int j = 0; j < ny; j++)
        for (int i = 0; i < nx; i++) {
            double w[2] = {x0 + (x1 - x0) * i / (nx - 1), y0 + (y1 - y0) * j / (ny - 1)};
            put(problem == 1 ? ravine(w, 2, NULL) : wavy(w, 2, NULL));
        }
    return 0;
}

/* ---- xor: chapter 07, table "xor-training" ------------------------------------- */

#define XOR_MAX_EPOCHS 20000 /* the figure's cap; the program allows 1e6 */
#define XOR_CURVE 600        /* at most this many points of the loss curve */

/* The XOR network of chapter 07 trained by libslope's full-batch loop, and
 * its table printed by the chapter's own xor_training_table.  data: n, then
 * n pairs (epoch, loss before its update), sampled evenly, the last epoch
 * included; then the trained network's four outputs. */
EXPORT("live_xor") int live_xor(double lr, int epochs, int hidden, int seed)
{
    begin();
    if (!(isfinite(lr) && lr > 0 && lr <= 1000))
        return reject("--lr must be in (0, 1000]: a step moves against the gradient");
    if (!(epochs >= 1 && epochs <= XOR_MAX_EPOCHS))
        return reject("--epochs must be between 1 and 20000 here");
    if (!(hidden >= 1 && hidden <= XOR_MAX_HIDDEN))
        return reject("--hidden must be between 1 and 16");
    if (seed < 0)
        return reject("--seed must be >= 0 (numpy seeds are unsigned)");
    static double losses[XOR_MAX_EPOCHS];
    config c = {.lr = lr, .epochs = epochs, .hidden = hidden, .seed = seed};
    slope_mlp_net net;
    if (xor_net_init(&net, &c) != SLOPE_OK)
        return end(1);
    slope_status s = slope_mlp_train(losses, &net, slope_mlp_xor_x, slope_mlp_xor_t, lr,
                                     (size_t)epochs);
    if (s == SLOPE_OK)
        s = xor_training_table(out, &net, losses, &c);
    if (s != SLOPE_OK) {
        slope_mlp_free(&net);
        return end(1);
    }
    int stride = (epochs + XOR_CURVE - 1) / XOR_CURVE, n = (epochs - 1) / stride + 1;
    int last_in = (epochs - 1) % stride == 0;
    put(n + !last_in);
    for (int k = 0; k < epochs; k += stride) {
        put(k);
        put(losses[k]);
    }
    if (!last_in) {
        put(epochs - 1);
        put(losses[epochs - 1]);
    }
    for (int r = 0; r < XOR_ROWS; r++)
        put(net.a2[r]);
    slope_mlp_free(&net);
    return end(0);
}

/* ---- rates: chapter 08, table "rate-check" ------------------------------------- */

#define RATES_MAX_STEPS 1000 /* the figure's cap; the program allows 1e5 */

/* Gradient descent on the chapter's three problems against their rate
 * bounds, printed by the chapter's own rate_check_table_print.  data: K,
 * the three worst ratios, then six series of K + 1 values: for the convex,
 * strongly convex and non-convex problem in turn, the measured quantity and
 * its bound at k = 0..K. */
EXPORT("live_rates") int live_rates(double x0, double y0, int steps, double step_factor,
                                    double kappa2)
{
    begin();
    if (!(kappa2 >= 1 && kappa2 <= 1e6))
        return reject("--kappa1 and --kappa2 must be in [1, 1e6] (kappa = L / mu >= 1)");
    if (!(fabs(x0) <= 1e6 && fabs(y0) <= 1e6))
        return reject("--x0 and --y0 must be in [-1e6, 1e6]");
    if (x0 == 0 && y0 == 0)
        return reject("--x0 and --y0: start away from the optimum (0, 0), or there is nothing "
                      "to measure");
    if (!(steps >= 2 && steps <= RATES_MAX_STEPS))
        return reject("--steps must be in 2 .. 1000 here");
    if (!(step_factor > 0 && step_factor < 2))
        return reject("--step-factor must be in (0, 2): at 2/L and beyond, descent no longer "
                      "converges");
    const rate_options o = {x0, y0, kappa2, step_factor, steps};
    if (rate_check_table_print(out, &o) != SLOPE_OK)
        return end(1);
    double worst[3], *buf;
    quadratic q;
    rate_case c[3];
    if (rate_runs(&buf, worst, c, &q, &o) != SLOPE_OK) {
        free(buf);
        return end(1);
    }
    put(steps);
    for (int i = 0; i < 3; i++)
        put(worst[i]);
    for (size_t i = 0; i < 6 * ((size_t)steps + 1); i++)
        put(buf[i]);
    free(buf);
    return end(0);
}

/* ---- roc: chapter 09, table "roc-auc" -------------------------------------------- */

enum { ROC_MAX_THRESHOLDS = 2000 };

/* The exact ROC of the seed's 100 scores and the one on a grid of
 * `thresholds` thresholds (numpy's linspace(0, 1, n)), and their AUCs, the
 * table printed by the chapter's own roc_auc_table_print.  data: np, then
 * the exact curve's fpr[np] and tpr[np], then nt and the grid's fpr[nt] and
 * tpr[nt]. */
EXPORT("live_roc") int live_roc(int seed, int thresholds)
{
    begin();
    if (seed < 0)
        return reject("--seed must be between 0 and 2147483647");
    if (thresholds < 2 || thresholds > ROC_MAX_THRESHOLDS)
        return reject("--thresholds must be between 2 and 2000 here");
    static double t[ROC_MAX_THRESHOLDS], gf[ROC_MAX_THRESHOLDS], gt[ROC_MAX_THRESHOLDS];
    static roc_result r;
    double scores[N_SCORES];
    int labels[N_SCORES], nt = thresholds;
    draw_scores(scores, labels, (unsigned)seed);
    if (roc_auc_table_print(out, &r, t, gf, gt, scores, labels, nt, (unsigned)seed) != SLOPE_OK)
        return end(1);
    size_t np = r.np;
    const double *fpr = r.fpr, *tpr = r.tpr;
    put((double)np);
    for (size_t i = 0; i < np; i++)
        put(fpr[i]);
    for (size_t i = 0; i < np; i++)
        put(tpr[i]);
    put((double)nt);
    for (int i = 0; i < nt; i++)
        put(gf[i]);
    for (int i = 0; i < nt; i++)
        put(gt[i]);
    return end(0);
}
