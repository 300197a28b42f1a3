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
 *   arrows    03-gradients, arrows           w1 (--w1), w2 (--w2)
 *   descent   05-gradient-descent, descent   lr (--lr), x0 (--x0), steps (--steps)
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

#include "slope.h"

#define EXPORT(name) __attribute__((export_name(name)))

/* The module's exports (the names JavaScript calls them by). */
const char *live_text(void);
size_t live_text_len(void);
const double *live_data(void);
size_t live_ndata(void);
int live_secant(double x0, double h, double lo, double hi, int n);
int live_arrows(double w1, double w2);
int live_descent(double lr, double x0, int steps);
int live_descent_curve(double lo, double hi, int n);

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

/* ---- arrows: chapter 03, table "arrows" ----------------------------------------- */

/* -0.0 printed as +0.0000, not -0.0000. */
static double plus_zero(double v) { return v + 0.0; }

/* A bowl a (w1 - c1)^2 + b (w2 - c2)^2; params = {a, b, c1, c2}. */
static double bowl(const double *w, size_t n, void *params)
{
    const double *k = params;
    (void)n;
    return k[0] * (w[0] - k[2]) * (w[0] - k[2]) + k[1] * (w[1] - k[3]) * (w[1] - k[3]);
}

static void grad_bowl(double g[2], const double w[2], const double k[4])
{
    g[0] = 2 * k[0] * (w[0] - k[2]);
    g[1] = 2 * k[1] * (w[1] - k[3]);
}

/* The gradient of L = w1^2 + w2^2 at (w1, w2), its negative, its length, and
 * the point slid toward the minimum.  data: L, grad (2), numerical grad (2),
 * |grad|. */
EXPORT("live_arrows") int live_arrows(double w1, double w2)
{
    begin();
    double w[2] = {plus_zero(w1), plus_zero(w2)};
    if (!(fabs(w[0]) <= 1e6 && fabs(w[1]) <= 1e6))
        return reject("--w1 and --w2 must lie in [-1e6, 1e6]");
    double k[4] = {1, 1, 0, 0}, g[2], num[2], work[2];
    grad_bowl(g, w, k);
    if (slope_deriv_gradient(num, bowl, k, w, 2, slope_deriv_step_central(1.0), work) != SLOPE_OK)
        return end(1);
    double norm = slope_linalg_norm2(g, 2);
    fprintf(out, "point (w1, w2) = (%+.4f, %+.4f),  L = %.4f\n", w[0], w[1], bowl(w, 2, k));
    fprintf(out, "  grad L = (2 w1, 2 w2)  = (%+.4f, %+.4f)   uphill arrow\n", g[0], g[1]);
    fprintf(out, "  numerical grad L       = (%+.4f, %+.4f)\n", num[0], num[1]);
    fprintf(out, "  -grad L                = (%+.4f, %+.4f)   steepest-descent arrow\n",
            plus_zero(-g[0]), plus_zero(-g[1]));
    fprintf(out, "  |grad L|               = %.4f  (= 2 x distance to the minimum)\n", norm);
    slope_table_col cols[] = {{"fraction", "%.2f", 8},
                              {"w1", "%+.4f", 8},
                              {"w2", "%+.4f", 8},
                              {"L", "%.6f", 9},
                              {"|grad L|", "%.6f", 9}};
    fprintf(out, "\nsliding the point straight toward the minimum at (0, 0):\n");
    if (slope_table_header(out, cols, 5, "  ") != SLOPE_OK)
        return end(1);
    const double frac[] = {1.0, 0.5, 0.25, 0.1, 0.01, 0.0};
    for (int i = 0; i < 6; i++) {
        double q[2] = {plus_zero(frac[i] * w[0]), plus_zero(frac[i] * w[1])}, gq[2];
        grad_bowl(gq, q, k);
        double row[] = {frac[i], q[0], q[1], bowl(q, 2, k), slope_linalg_norm2(gq, 2)};
        if (slope_table_row(out, cols, 5, "  ", row) != SLOPE_OK)
            return end(1);
    }
    put(bowl(w, 2, k));
    put(g[0]);
    put(g[1]);
    put(num[0]);
    put(num[1]);
    put(norm);
    return end(0);
}

/* ---- descent: chapter 05, table "descent" --------------------------------------- */

#define DESCENT_MAX_STEPS 1000 /* the figure's cap; the program allows 1e6 */

static double parabola(const double *w, size_t n, void *p)
{
    (void)n;
    const double d = w[0] - *(const double *)p;
    return d * d;
}

static void parabola_grad(double *g, const double *w, size_t n, void *p)
{
    (void)n;
    g[0] = 2 * (w[0] - *(const double *)p);
}

/* Gradient descent on (w - 3)^2 from x0 at rate lr, by libslope's SGD driver
 * as the program runs it.  data: done (the finite steps), diverged (0/1),
 * then w_0..w_done and L(w_0)..L(w_done). */
EXPORT("live_descent") int live_descent(double lr, double x0, int steps)
{
    begin();
    if (!(lr > 0))
        return reject("--lr must be positive: a step moves against the gradient");
    if (!(steps >= 1 && steps <= DESCENT_MAX_STEPS))
        return reject("--steps must be between 1 and 1000 here");
    if (!(fabs(x0) <= 1e6))
        return reject("--x0 must be between -1e6 and 1e6");
    double c = 3.0, traj[DESCENT_MAX_STEPS + 1], loss[DESCENT_MAX_STEPS + 1], work[2];
    size_t done = (size_t)steps;
    slope_optim opt = {.kind = SLOPE_OPTIM_SGD};
    if (slope_optim_sgd_init(&opt.sgd, lr) != SLOPE_OK)
        return end(1);
    slope_status s = slope_optim_run(traj, loss, &done, &opt, parabola, parabola_grad, &c, &x0,
                                     work, 1, (size_t)steps);
    if (s != SLOPE_OK && s != SLOPE_EDIVERGED)
        return end(1);
    fprintf(out, "lr = %g, w0 = %g, %d steps; each step multiplies w - 3 by 1 - 2 lr = %g\n", lr,
            x0, steps, 1 - 2 * lr);
    fprintf(out, "     step              w            L(w)\n");
    const size_t stride = steps > 10 ? (size_t)steps / 10 : 1;
    for (size_t k = 0; k <= done; k++)
        if (k <= 5 || k % stride == 0 || k == done)
            fprintf(out, "  %7zu  %13.6g  %14.6g\n", k, traj[k], loss[k]);
    if (s == SLOPE_EDIVERGED)
        fprintf(out, "  step %zu overflows to infinity: the run diverged\n", done + 1);
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
