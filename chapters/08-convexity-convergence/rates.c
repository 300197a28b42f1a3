/*
 * rates.c -- chapter 08's rate-check table (rates.h), for the chapter program
 * and the website's live figure alike.
 */
#include "rates.h"

#include <math.h>
#include <stdlib.h>

void quad_grad(double *g, const double *x, size_t n, void *p)
{
    if (slope_linalg_matvec(g, ((const quadratic *)p)->A, x, n, n) != SLOPE_OK)
        for (size_t i = 0; i < n; i++)
            g[i] = NAN;
}

double quad_f(const double *x, size_t n, void *p)
{
    double Ax[2];
    quad_grad(Ax, x, n, p);
    return 0.5 * slope_linalg_dot(x, Ax, n);
}

/* f(x) = r^4 / (1 + r^2) with r = ||x||: convex and L-smooth with L = 5/2
 * (radial curvature 2 + (6r^2 - 2)/(1 + r^2)^3, at most 5/2 at r = 1;
 * tangential 2 - 2/(1 + r^2)^2 < 2), but FLAT at its minimum (curvature 0
 * at r = 0), so no mu > 0 fits: convex, not strongly convex. */
double flat(const double *x, size_t n, void *u)
{
    (void)u;
    double r2 = slope_linalg_dot(x, x, n);
    return r2 * r2 / (1 + r2);
}

/* grad = (2 - 2/(1 + r^2)^2) x, the bracket written as 2 r^2 (2 + r^2)/(1 + r^2)^2
 * so that it keeps its digits near r = 0. */
void flat_grad(double *g, const double *x, size_t n, void *u)
{
    (void)u;
    double r2 = slope_linalg_dot(x, x, n), s = 1 + r2;
    for (size_t i = 0; i < n; i++)
        g[i] = 2 * r2 * (2 + r2) / (s * s) * x[i];
}

/* sin(x) + y^2/20: not convex, 1-smooth (its Hessian is diag(-sin x, 1/10)),
 * lowest value -1.  A cousin of the common toy loss sin(w1) + 0.5 w2^2 whose
 * y direction, 10 times flatter, keeps the gradient alive for a while. */
double wave(const double *p, size_t n, void *u)
{
    (void)n, (void)u;
    return sin(p[0]) + p[1] * p[1] / 20;
}

void wave_grad(double *g, const double *p, size_t n, void *u)
{
    (void)n, (void)u;
    g[0] = cos(p[0]);
    g[1] = p[1] / 10;
}

void rate_cases(rate_case c[3], quadratic *q, double kappa2)
{
    static const double origin[2] = {0, 0};
    *q = (quadratic){{1, 0, 0, kappa2}};
    c[0] = (rate_case){"convex", SLOPE_RATE_CONVEX, {flat, flat_grad, NULL, origin, 0}, 2.5, 0};
    c[1] = (rate_case){"strongly convex", SLOPE_RATE_STRONGLY_CONVEX,
                       {quad_f, quad_grad, q, origin, 0}, kappa2, 1};
    c[2] = (rate_case){"non-convex", SLOPE_RATE_NONCONVEX, {wave, wave_grad, NULL, NULL, -1},
                       1, 0};
}

/* weave: run-check */
/* Gradient descent with step step_factor / L on one problem, its measured
 * quantity and its bound after every step j = 0..k, and the worst ratio. */
slope_status run_check(double *worst, double *actual, double *bound, const rate_case *c,
                       const double x0[2], double step_factor, size_t k)
{
    double work[4];
    double step = step_factor * slope_convergence_step(c->L);
    return slope_convergence_check(worst, actual, bound, c->rate, &c->p, c->L, c->mu, x0,
                                   step, work, 2, k);
}
/* weave end */

slope_status rate_runs(double **buf, double worst[3], rate_case c[3], quadratic *q,
                       const rate_options *o)
{
    size_t K = (size_t)o->steps;
    const double x0[2] = {o->x0, o->y0};
    rate_cases(c, q, o->kappa2);
    *buf = NULL;
    if (o->steps < 1) /* before the size is computed: a negative K would wrap it */
        return SLOPE_EINVAL;
    if (!(*buf = malloc(6 * (K + 1) * sizeof **buf)))
        return SLOPE_ENOMEM;
    slope_status s = SLOPE_OK;
    for (int i = 0; i < 3 && s == SLOPE_OK; i++)
        s = run_check(&worst[i], *buf + 2 * i * (K + 1), *buf + (2 * i + 1) * (K + 1), &c[i], x0,
                      o->step_factor, K);
    return s;
}

/* Every step is checked, but the table prints only k = 0 and 1 (where the
 * first step does most of the work), about ten more (every 5th of the
 * default 50) and the last; the figure 08-rate-check draws them all. */
slope_status rate_check_table_print(FILE *out, const rate_options *o)
{
    size_t K = (size_t)o->steps, stride = (K + 9) / 10;
    double worst[3], *buf;
    quadratic q;
    rate_case c[3];
    slope_status s = rate_runs(&buf, worst, c, &q, o);
    if (s != SLOPE_OK) {
        free(buf);
        return s;
    }
    fprintf(out,
            "Start (%g, %g), step %g/L.  convex: f - f* on r^4/(1 + r^2) (L = 2.5, r = ||x||);\n"
            "strongly convex: ||x - x*||^2 on 0.5 x^T diag(1, %g) x (L = %g, mu = 1);\n"
            "non-convex: min ||grad||^2 so far on sin(x) + y^2/20 (L = 1, f* = -1)\n",
            o->x0, o->y0, o->step_factor, o->kappa2, o->kappa2);
    slope_table_col cols[] = {{"k", "%.0f", 3},         {"f - f*", "%.3e", 10},
                              {"L r0^2/2k", "%.3e", 10}, {"||x-x*||^2", "%.3e", 10},
                              {"(1-mu/L)^k r0^2", "%.3e", 15}, {"min|g|^2", "%.3e", 10},
                              {"2L gap0/k", "%.3e", 10}};
    s = slope_table_header(out, cols, 7, "  ");
    for (size_t j = 0; j <= K && s == SLOPE_OK; j++)
        if (j <= 1 || j % stride == 0 || j == K)
            s = slope_table_row(out, cols, 7, "  ",
                                (double[]){(double)j, buf[j], buf[K + 1 + j], buf[2 * (K + 1) + j],
                                           buf[3 * (K + 1) + j], buf[4 * (K + 1) + j],
                                           buf[5 * (K + 1) + j]});
    free(buf);
    if (s != SLOPE_OK)
        return s;
    fprintf(out, "(rows: k = 0, 1, every multiple of %zu and %zu; every step is checked)\n", stride,
            K);
    for (int i = 0; i < 3; i++)
        fprintf(out, "%-16s worst actual / bound over k = 1..%zu: %.4f  (%s)\n", c[i].name, K,
                worst[i], worst[i] <= 1 ? "the bound holds at every step" : "BOUND EXCEEDED");
    return ferror(out) ? SLOPE_EDOM : SLOPE_OK;
}
