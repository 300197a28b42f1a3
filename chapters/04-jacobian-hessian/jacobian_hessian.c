/*
 * Chapter 04 -- the Jacobian and the Hessian.
 *
 * Prints every table of lesson.md, in the lesson's order: the Jacobian of
 * f(x, y) = (x^2 + y, 3x - y^2) analytic vs numerical and what its entries
 * predict; the Jacobian of a tanh layer and the backward pass J^T g; the
 * error of the numerical Jacobian as h shrinks; the Hessian of
 * a x^2 + b xy + c y^2 by the four-point formula with its eigenvalues; the
 * bowl / hill / saddle diagnosis at the origin; the cases where a zero
 * eigenvalue leaves the test inconclusive; the cost of a Hessian for
 * networks of growing size; then second-order information in practice:
 * Newton's step on a quadratic (one step) and on a double well (drawn to the
 * saddle, where gradient descent is not), Hessian-vector products from
 * differences of gradients against the exact product, and power iteration
 * on those products for lambda_max with the step-size rule lr < 2/lambda_max
 * (the program exits 1 if a claim it prints fails).
 *
 * Try: --x 1 --y -2 (the Jacobian's point), --b 1 (a bowl instead of a
 * saddle), --h 1e-7 (rounding swamps the Hessian), --tol 1e-9,
 * --well-x 0.7 (Newton's method from where the curvature is positive).
 */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chapter.h"
#include "shape.h"
#include "slope.h"

/* ---- printing -------------------------------------------------------------- */

/* numpy's str() of a rows x cols array into buf (a vector when rows == 1).
 * Where numpy would switch to scientific notation (tiny or wildly spread
 * entries, which a small --h can produce), the library declines, and we print
 * each entry as %.3e instead so the program keeps going. */
static const char *npstr(char *buf, size_t size, const double *a, size_t rows, size_t cols)
{
    chapter_check(shape_npstr(buf, size, a, rows, cols), "formatting an array");
    return buf;
}

/* Python's repr() of x, the way an f-string prints a float ("4.0", "-6.0"). */
static const char *repr(char *buf, size_t size, double x)
{
    chapter_check(slope_table_repr(buf, size, x), "formatting a number");
    return buf;
}

/* np.round(a, decimals): scale, round half to even, scale back -- numpy's
 * own recipe, so the printed digits match it. */
static void round_to(double *out, const double *a, size_t n, int decimals)
{
    double scale = pow(10.0, decimals);
    for (size_t i = 0; i < n; i++)
        out[i] = rint(a[i] * scale) / scale;
}

/* For a %.6f column: a value that rounds to zero there prints as "0.000000",
 * never "-0.000000", whose sign would only confuse a reader. */
static double plain(double v)
{
    return fabs(v) < 5e-7 ? 0.0 : v;
}

/* max |a[i] - b[i]| over n entries. */
static double max_abs_diff(const double *a, const double *b, size_t n)
{
    double worst = 0.0;
    for (size_t i = 0; i < n; i++)
        worst = fmax(worst, fabs(a[i] - b[i]));
    return worst;
}

/* ---- the Jacobian of f(x, y) = (x^2 + y, 3x - y^2) ------------------------------ */

/* f: R^2 -> R^2, f(x, y) = (x^2 + y, 3x - y^2). */
static void fvec(double *out, size_t m, const double *p, size_t n, void *params)
{
    (void)m, (void)n, (void)params;
    double x = p[0], y = p[1];
    out[0] = x * x + y;
    out[1] = 3 * x - y * y;
}

/* Its Jacobian by hand, row i = gradient of f_i: [[2x, 1], [3, -2y]]. */
static void fvec_jacobian(double J[4], double x, double y)
{
    J[0] = 2 * x, J[1] = 1;
    J[2] = 3, J[3] = -2 * y;
}

/* Each entry read as a sensitivity, then the nudge test: how far the
 * linear prediction J e_x dx is from the true change as dx grows. */
static void jacobian_meaning(const double p[2], const double Ja[4])
{
    static const char *name[] = {"df1/dx", "df1/dy", "df2/dx", "df2/dy"};
    char a[32], b[32];
    printf("\nReading the entries (each one a rate: change of output per unit of input):\n");
    for (int k = 0; k < 4; k++)
        printf("  %s = %s -> nudging %s by a small d moves f%d by about %s * d\n", name[k],
               repr(a, sizeof a, Ja[k]), k % 2 ? "y" : "x", k / 2 + 1, repr(b, sizeof b, Ja[k]));
    printf("\nStep x by dx, keeping y: true change of each output vs the Jacobian's prediction\n");
    slope_table_col cols[] = {{"dx", "%g", 6},        {"f1 change", "%.6f", 11},
                              {"df1/dx*dx", "%.6f", 11}, {"f2 change", "%.6f", 11},
                              {"df2/dx*dx", "%.6f", 11}};
    chapter_check(slope_table_header(stdout, cols, 5, "  "), "printing the table");
    for (double dx = 1.0; dx > 1e-3; dx /= 10) {
        double q[2] = {p[0] + dx, p[1]}, f0[2], f1[2];
        fvec(f0, 2, p, 2, NULL);
        fvec(f1, 2, q, 2, NULL);
        chapter_check(slope_table_row(stdout, cols, 5, "  ",
                                      (double[]){dx, f1[0] - f0[0], Ja[0] * dx, f1[1] - f0[1],
                                                 Ja[2] * dx}),
                      "printing the table");
    }
}

static void jacobian(double x, double y, double hj)
{
    chapter_table("jacobian", "the Jacobian of f(x, y) = (x^2 + y, 3x - y^2): analytic vs numerical");
    double p[2] = {x, y}, fp[2], Ja[4], Jn[4], Jr[4], work[2 + 2 * 2];
    char buf[256];
    fvec(fp, 2, p, 2, NULL);
    printf("f([%g, %g]) = %s\n", x, y, npstr(buf, sizeof buf, fp, 1, 2));
    fvec_jacobian(Ja, x, y);
    printf("\nAnalytical Jacobian at (%g, %g):\n%s\n", x, y, npstr(buf, sizeof buf, Ja, 2, 2));
    chapter_check(slope_deriv_jacobian(Jn, fvec, NULL, p, 2, 2, hj, work), "the numerical Jacobian");
    round_to(Jr, Jn, 4, 5);
    printf("\nNumerical Jacobian (central differences, h = %g), rounded to 5 decimals:\n%s\n", hj,
           npstr(buf, sizeof buf, Jr, 2, 2));
    printf("largest |numerical - analytical| before rounding: %.1e\n", max_abs_diff(Jn, Ja, 4));
    jacobian_meaning(p, Ja);
}

/* ---- a layer's Jacobian and the backward pass ---------------------------------- */

/* y = tanh(W x + b): a dense layer R^3 -> R^2, W row-major 2 x 3. */
typedef struct {
    double W[6], b[2];
} layer;

static void layer_forward(double *y, size_t m, const double *x, size_t n, void *params)
{
    layer *L = params;
    chapter_check(slope_linalg_matvec(y, L->W, x, m, n), "the product W x");
    for (size_t i = 0; i < m; i++)
        y[i] = tanh(y[i] + L->b[i]);
}

/* weave: layer-jacobian */
/* dy_i/dx_j = (1 - y_i^2) W_ij: tanh' = 1 - tanh^2 times the inner
 * derivative W_ij (chain rule).  J is 2 x 3, row-major. */
static void layer_jacobian(double J[6], layer *L, const double x[3])
{
    double y[2];
    layer_forward(y, 2, x, 3, L);
    for (int i = 0; i < 2; i++)
        for (int j = 0; j < 3; j++)
            J[i * 3 + j] = (1 - y[i] * y[i]) * L->W[i * 3 + j];
}

/* The backward pass: given g = dLoss/dy, return dLoss/dx = J^T g (3 x 2
 * times 2).  Frameworks never form J; they compute this product directly. */
static void layer_backward(double dx[3], const double J[6], const double g[2])
{
    double Jt[6];
    for (int i = 0; i < 2; i++)
        for (int j = 0; j < 3; j++)
            Jt[j * 2 + i] = J[i * 3 + j];
    chapter_check(slope_linalg_matvec(dx, Jt, g, 3, 2), "the product J^T g");
}
/* weave end */

/* The scalar g . y(x), whose plain gradient must equal J^T g. */
typedef struct {
    layer *L;
    const double *g;
} weighted_layer;

static double layer_dot(const double *x, size_t n, void *params)
{
    const weighted_layer *w = params;
    double y[2];
    layer_forward(y, 2, x, n, w->L);
    return slope_linalg_dot(w->g, y, 2);
}

static layer demo_layer = {{0.42, -0.73, 0.18, 0.65, 0.27, -0.51}, {0.1, -0.3}};

static void layer_table(double hj)
{
    chapter_table("layer-jacobian", "the Jacobian of a tanh layer and the backward pass J^T g");
    const double x[3] = {0.5, -1.2, 2.0}, g[2] = {1.0, -0.5};
    double y[2], Ja[6], Jn[6], back[3], num[3], work[3 + 2 * 2];
    char buf[256], buf2[128];
    layer_forward(y, 2, x, 3, &demo_layer);
    printf("y = tanh(W x + b) at x = %s:\ny = %s\n", npstr(buf, sizeof buf, x, 1, 3),
           npstr(buf2, sizeof buf2, y, 1, 2));
    layer_jacobian(Ja, &demo_layer, x);
    printf("\nJacobian by the chain rule, (1 - y_i^2) W_ij  (2 outputs x 3 inputs):\n%s\n",
           npstr(buf, sizeof buf, Ja, 2, 3));
    chapter_check(slope_deriv_jacobian(Jn, layer_forward, &demo_layer, x, 3, 2, hj, work),
                  "the numerical Jacobian");
    printf("Numerical Jacobian (h = %g): largest difference %.1e\n", hj, max_abs_diff(Jn, Ja, 6));
    layer_backward(back, Ja, g);
    printf("\nBackward pass with upstream gradient g = dLoss/dy = %s:\n",
           npstr(buf, sizeof buf, g, 1, 2));
    printf("  J^T g                      = %s\n", npstr(buf, sizeof buf, back, 1, 3));
    weighted_layer wl = {&demo_layer, g};
    chapter_check(slope_deriv_gradient(num, layer_dot, &wl, x, 3, hj, work), "the gradient of g.y");
    printf("  gradient of g . y(x) by FD = %s\n", npstr(buf, sizeof buf, num, 1, 3));
}

/* How the numerical Jacobian's error moves with h, for both functions. */
static void jacobian_steps(double x, double y)
{
    chapter_table("jacobian-steps", "error of the numerical Jacobian as h shrinks");
    const double p[2] = {x, y}, xl[3] = {0.5, -1.2, 2.0};
    double Ja[4], La[6], J[6], work[3 + 2 * 2];
    fvec_jacobian(Ja, x, y);
    layer_jacobian(La, &demo_layer, xl);
    printf("max |numerical - analytical| over all entries, central differences\n");
    slope_table_col cols[] = {{"h", "%.0e", 7}, {"quadratic f", "%.1e", 12}, {"tanh layer", "%.1e", 12}};
    chapter_check(slope_table_header(stdout, cols, 3, "  "), "printing the table");
    for (int k = 1; k <= 10; k++) {
        double h = pow(10.0, -k), row[3] = {h, 0, 0};
        chapter_check(slope_deriv_jacobian(J, fvec, NULL, p, 2, 2, h, work), "the Jacobian");
        row[1] = max_abs_diff(J, Ja, 4);
        chapter_check(slope_deriv_jacobian(J, layer_forward, &demo_layer, xl, 3, 2, h, work),
                      "the Jacobian");
        row[2] = max_abs_diff(J, La, 6);
        chapter_check(slope_table_row(stdout, cols, 3, "  ", row), "printing the table");
    }
}

/* ---- the Hessian and its eigenvalues ----------------------------------------- */

/* a x^2 + b xy + c y^2 (quad_abc), the sign rule and the test with a
 * tolerance (classify) live in shape.c, which the course website's live
 * figure compiles too. */

static const char *naive_shape(const double ev[2])
{
    static const char *shape[] = {"local max", "saddle point", "local min"};
    return shape[sign_rule(ev) + 1];
}

/* Hessian of fn at p by the four-point formula, and its eigenvalues. */
static void hessian_eigen(double H[4], double ev[2], slope_fn_n fn, void *params,
                          const double p[2], double h)
{
    double work[2 * 2];
    chapter_check(slope_deriv_hessian(H, fn, params, p, 2, h, work), "the numerical Hessian");
    chapter_check(slope_linalg_eigsym(ev, NULL, H, 2, work), "the eigenvalues of the Hessian");
}

/* The table and its computation are shape.c's, shared with the course website. */
static void hessian(const quad *q, double px, double py, double h, double tol)
{
    chapter_table("hessian", "the Hessian of a x^2 + b xy + c y^2 by the four-point formula");
    const double p[2] = {px, py};
    shape_result r;
    chapter_check(hessian_table_print(stdout, &r, q, p, h, tol), "the Hessian table");
}

/* ---- the diagnosis at the origin ---------------------------------------------- */

static double bowl(const double *p, size_t n, void *q) { (void)n, (void)q; return p[0] * p[0] + p[1] * p[1]; }
static double hill(const double *p, size_t n, void *q) { (void)n, (void)q; return -p[0] * p[0] - p[1] * p[1]; }
static double saddle(const double *p, size_t n, void *q) { (void)n, (void)q; return p[0] * p[0] - p[1] * p[1]; }

static void diagnosis(double h)
{
    chapter_table("diagnosis", "bowl, hill and saddle: the Hessian's eigenvalues at the origin");
    const struct {
        const char *name;
        slope_fn_n f;
    } cases[] = {{"x^2 + y^2 (bowl/min)", bowl}, {"-x^2 - y^2 (hill/max)", hill},
                 {"x^2 - y^2 (saddle)", saddle}};
    const double origin[2] = {0.0, 0.0};
    char buf[128];
    printf("Surface shape diagnosis at (0, 0), h = %g:\n", h);
    for (int k = 0; k < 3; k++) {
        double H[4], ev[2];
        hessian_eigen(H, ev, cases[k].f, NULL, origin, h);
        printf("  %-30s -> eigenvalues %s -> %s\n", cases[k].name, npstr(buf, sizeof buf, ev, 1, 2),
               naive_shape(ev));
    }
}

/* ---- when an eigenvalue is zero ------------------------------------------------ */

static double quartic_up(const double *p, size_t n, void *q) { (void)n, (void)q; return p[0] * p[0] + pow(p[1], 4); }
static double quartic_down(const double *p, size_t n, void *q) { (void)n, (void)q; return p[0] * p[0] - pow(p[1], 4); }
static double cubic(const double *p, size_t n, void *q) { (void)n, (void)q; return p[0] * p[0] + pow(p[1], 3); }

static void inconclusive(double h, double tol)
{
    chapter_table("inconclusive", "a zero eigenvalue: the test cannot decide");
    const struct {
        const char *name, *truth;
        slope_fn_n f;
    } cases[] = {{"x^2 + y^2", "minimum", bowl},
                 {"x^2 + y^4", "minimum", quartic_up},
                 {"x^2 - y^4", "saddle", quartic_down},
                 {"x^2 + y^3", "neither", cubic}};
    const double origin[2] = {0.0, 0.0};
    printf("At (0, 0), h = %g; exact Hessian of the last three: [[2, 0], [0, 0]]; tol = %g\n", h, tol);
    printf("%-11s  %10s  %10s  %-13s  %-13s  %s\n", "f", "lambda1", "lambda2", "sign rule",
           "with tol", "truth");
    for (int k = 0; k < 4; k++) {
        double H[4], ev[2];
        hessian_eigen(H, ev, cases[k].f, NULL, origin, h);
        printf("%-11s  %10.1e  %10.1e  %-13s  %-13s  %s\n", cases[k].name, ev[0], ev[1],
               naive_shape(ev), classify(ev, 2, tol), cases[k].truth);
    }
}

/* ---- eigenvalues in practice ------------------------------------------------------ */

/* The n = 2 shortcut as usually stated: det H < 0 saddle; det H > 0 the sign
 * of the trace; det H = 0 inconclusive.  No tolerance anywhere. */
static const char *det_trace_rule(const double H[4])
{
    const double det = H[0] * H[3] - H[1] * H[2], tr = H[0] + H[3];
    if (det < 0)
        return "saddle point";
    if (det > 0)
        return tr > 0 ? "local min" : "local max";
    return "inconclusive";
}

/* weave: eig2 */
/* Eigenvalues of the symmetric 2 x 2 matrix [[a, b], [b, c]], ascending: the
 * roots of lambda^2 - (a + c) lambda + (ac - b^2) = 0, written as the mean of
 * the diagonal plus or minus a radius that needs no subtraction under the
 * root.  Each comes out with an absolute error of a few eps * (|a| + |b| + |c|),
 * so an eigenvalue smaller than that is indistinguishable from zero. */
static void eig2(double ev[2], const double H[4])
{
    const double mean = (H[0] + H[3]) / 2, half_gap = (H[0] - H[3]) / 2;
    const double r = hypot(half_gap, H[1]);
    ev[0] = mean - r;
    ev[1] = mean + r;
}
/* weave end */

static void eigen_practice(double h, double tol)
{
    chapter_table("eigen-practice", "three ways to the eigenvalues: det/trace, closed form, Jacobi");
    const double origin[2] = {0.0, 0.0};
    double H[5][4] = {{0}, {0}, {1, 1, 1, 1 + 2e-12}, {0.2, 2.2, 2.2, 24.2}, {2, 4, 4, 2}};
    double ev[2], work[4];
    hessian_eigen(H[0], ev, bowl, NULL, origin, h);
    hessian_eigen(H[1], ev, quartic_up, NULL, origin, h);
    const char *name[] = {"x^2 + y^2, 4-point", "x^2 + y^4, 4-point", "[[1, 1], [1, 1+2e-12]]",
                          "0.1 (x + 11y)^2, exact", "[[2, 4], [4, 2]]"};
    const char *exact[] = {"2, 2", "0, 2", "~1e-12, 2", "0, 24.4", "-2, 6"};
    printf("n = 2, tol = %g; the last column holds the exact eigenvalues of the function's Hessian\n", tol);
    printf("%-22s  %9s  %-13s  %10s %9s  %10s %9s  %-13s  %s\n", "H", "det H", "det/trace",
           "closed l1", "l2", "Jacobi l1", "l2", "with tol", "exact");
    for (int k = 0; k < 5; k++) {
        double ce[2], je[2];
        eig2(ce, H[k]);
        chapter_check(slope_linalg_eigsym(je, NULL, H[k], 2, work), "the eigenvalues");
        printf("%-22s  %9.1e  %-13s  %10.1e %9.2e  %10.1e %9.2e  %-13s  %s\n", name[k],
               H[k][0] * H[k][3] - H[k][1] * H[k][2], det_trace_rule(H[k]), ce[0], ce[1], je[0], je[1],
               classify(ce, 2, tol), exact[k]);
    }
    /* n = 3: the Hessian of x^2 + y^2 + z^2 + xy + yz, eigenvalues 2 - sqrt 2, 2, 2 + sqrt 2 */
    const double H3[9] = {2, 1, 0, 1, 2, 1, 0, 1, 2};
    double e3[3], w3[9], e3x[3] = {2 - sqrt(2.0), 2, 2 + sqrt(2.0)};
    chapter_check(slope_linalg_eigsym(e3, NULL, H3, 3, w3), "the eigenvalues");
    printf("\nn = 3, x^2 + y^2 + z^2 + xy + yz: H = [[2, 1, 0], [1, 2, 1], [0, 1, 2]]\n");
    printf("  %-31s  %.17f  %.17f  %.17f\n", "Jacobi (slope_linalg_eigsym):", e3[0], e3[1], e3[2]);
    printf("  %-31s  %.17f  %.17f  %.17f\n", "exact: 2 - sqrt 2, 2, 2 + sqrt 2", e3x[0], e3x[1], e3x[2]);
    printf("  largest difference %.1e; with tol: %s\n",
           fmax(fmax(fabs(e3[0] - e3x[0]), fabs(e3[1] - e3x[1])), fabs(e3[2] - e3x[2])),
           classify(e3, 3, tol));
}

/* ---- why deep learning does not form the Hessian -------------------------------- */

/* bytes as a short decimal size: "4 MB", "122.5 ZB". */
static const char *human_bytes(char *buf, size_t size, double bytes)
{
    static const char *unit[] = {"B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"};
    int u = 0;
    while (bytes >= 1000 && u < 8)
        bytes /= 1000, u++;
    snprintf(buf, size, "%.4g %s", bytes, unit[u]);
    return buf;
}

static void hessian_cost(void)
{
    chapter_table("hessian-cost", "gradient vs Hessian: what n parameters cost (float32)");
    const struct {
        double n;
        const char *model;
    } rows[] = {{1e3, "a toy MLP"},       {1e6, "a small CNN"}, {2.56e7, "ResNet-50"},
                {1.75e11, "GPT-3"}};
    char g[32], hb[32];
    printf("%-11s  %9s  %9s  %12s  %12s  %10s\n", "model", "n", "n^2", "gradient", "Hessian",
           "f-evals FD");
    for (int k = 0; k < 4; k++) {
        double n = rows[k].n;
        /* float32 = 4 bytes; a finite-difference Hessian costs 2n(n+1) evaluations of f */
        printf("%-11s  %9.3g  %9.3g  %12s  %12s  %10.3g\n", rows[k].model, n, n * n,
               human_bytes(g, sizeof g, 4 * n), human_bytes(hb, sizeof hb, 4 * n * n),
               2 * n * (n + 1));
    }
}

/* ---- second-order information in practice ---------------------------------------- */

/* A claim the program prints and checks: when it fails, say which and exit 1. */
static void claim(int holds, const char *what)
{
    if (!holds) {
        fprintf(stderr, "04-jacobian-hessian: claim failed: %s\n"
                        "HINT: with other options the runs may behave differently; "
                        "compare with the defaults\n", what);
        exit(1);
    }
}

static double dist2(const double *a, const double *b)
{
    return hypot(a[0] - b[0], a[1] - b[1]);
}

/* The quadratic f(x) = x^T A x / 2 - b^T x with A = [[4, 1.5], [1.5, 1]]
 * (positive definite: det 1.75, trace 5): gradient A x - b, Hessian A. */
static const double quad_A[4] = {4.0, 1.5, 1.5, 1.0}, quad_b[2] = {2.385, -0.75};

static void quad_grad(double *g, const double *x, size_t n, void *params)
{
    (void)params;
    chapter_check(slope_linalg_matvec(g, quad_A, x, n, n), "A x");
    for (size_t i = 0; i < n; i++)
        g[i] -= quad_b[i];
}

/* The minimiser A^{-1} b by Cramer's rule: a route independent of the solver
 * inside Newton's step. */
static void quad_minimiser(double xs[2])
{
    const double det = quad_A[0] * quad_A[3] - quad_A[1] * quad_A[2];
    xs[0] = (quad_b[0] * quad_A[3] - quad_A[1] * quad_b[1]) / det;
    xs[1] = (quad_A[0] * quad_b[1] - quad_b[0] * quad_A[2]) / det;
}

/* Gradient-descent steps at rate lr from x0 until |x - xs| < tol (or cap). */
static int gd_steps(const double x0[2], const double xs[2], double lr, double tol, int cap)
{
    double x[2] = {x0[0], x0[1]}, g[2];
    int k = 0;
    for (; k < cap && dist2(x, xs) >= tol; k++) {
        quad_grad(g, x, 2, NULL);
        x[0] -= lr * g[0], x[1] -= lr * g[1];
    }
    return k;
}

static void newton_quadratic(void)
{
    chapter_table("newton-quadratic", "Newton's method on a quadratic: one step");
    const double x0[2] = {3.0, -2.0};
    double g[2], d[2], x1[2], g1[2], xs[2], ev[2], work[2 * 2 + 2];
    char buf[128];
    quad_minimiser(xs);
    quad_grad(g, x0, 2, NULL);
    chapter_check(slope_curvature_newton_step(d, quad_A, g, 2, work), "Newton's step");
    x1[0] = x0[0] + d[0], x1[1] = x0[1] + d[1];
    quad_grad(g1, x1, 2, NULL);
    printf("f(x) = x^T A x / 2 - b^T x,  A = [[4, 1.5], [1.5, 1]],  b = [2.385, -0.75]\n");
    printf("start x0          = %s\n", npstr(buf, sizeof buf, x0, 1, 2));
    printf("gradient A x0 - b = %s\n", npstr(buf, sizeof buf, g, 1, 2));
    printf("Newton's step d   = -A^-1 g = %s\n", npstr(buf, sizeof buf, d, 1, 2));
    printf("x1 = x0 + d       = [%.15f %.15f]\n", x1[0], x1[1]);
    printf("minimiser A^-1 b  = [%.15f %.15f]  (Cramer's rule)\n", xs[0], xs[1]);
    printf("|x1 - x*| = %.1e,  |gradient at x1| = %.1e\n", dist2(x1, xs), hypot(g1[0], g1[1]));
    chapter_check(slope_linalg_eigsym(ev, NULL, quad_A, 2, work), "the eigenvalues of A");
    const int steps = gd_steps(x0, xs, 1.0 / ev[1], 1e-8, 100000);
    printf("gradient descent at lr = 1/lambda_max = %.4f needs %d steps to |x - x*| < 1e-8\n"
           "(eigenvalues of A: %.4f and %.4f, condition number %.1f)\n",
           1.0 / ev[1], steps, ev[0], ev[1], ev[1] / ev[0]);
    /* one step solves a 2 x 2 system: a few eps of error relative to |x*| */
    claim(dist2(x1, xs) <= 64 * DBL_EPSILON * hypot(xs[0], xs[1]), "one Newton step lands on x*");
}

/* The double well f(x, y) = (x^2 - 1)^2 + y^2: minima at (+-1, 0), a saddle
 * at the origin (Hessian diag(-4, 2)).  Gradient and Hessian by hand. */
static double well(const double *p)
{
    const double u = p[0] * p[0] - 1;
    return u * u + p[1] * p[1];
}

static void well_grad(double *g, const double *p)
{
    g[0] = 4 * p[0] * (p[0] * p[0] - 1);
    g[1] = 2 * p[1];
}

static void well_hessian(double H[4], const double *p)
{
    H[0] = 12 * p[0] * p[0] - 4, H[1] = H[2] = 0.0, H[3] = 2.0;
}

/* weave: newton-vs-gd */
/* One step of each method on the double well, in place. */
static void newton_step(double *p)
{
    double g[2], H[4], d[2], work[2 * 2 + 2];
    well_grad(g, p);
    well_hessian(H, p);
    chapter_check(slope_curvature_newton_step(d, H, g, 2, work),
                  "Newton's step (the Hessian is singular where 12 x^2 = 4)");
    p[0] += d[0], p[1] += d[1];
}

static void gd_step(double *p, double lr)
{
    double g[2];
    well_grad(g, p);
    p[0] -= lr * g[0], p[1] -= lr * g[1];
}
/* weave end */

enum { WELL_STEPS = 100 }; /* enough for GD at lr 0.1: y shrinks by 0.8 a step */

static int well_row(int k)
{
    return k <= 5 || k == 10 || k == 20 || k == 50 || k == WELL_STEPS;
}

/* The endpoint's Hessian eigenvalues and the verdict of section 3.1. */
static const char *well_verdict(double ev[2], const double *p, double tol)
{
    double H[4];
    well_hessian(H, p);
    eig2(ev, H);
    return classify(ev, 2, tol);
}

/* Figure 04-newton-saddle, after the paths: the double well on a grid for
 * its contours, and the settings for its title. */
static void figure_well(FILE *fp, double wx, double wy, double lr)
{
    chapter_data_block(fp, "grid", "x y f on a 61 x 41 grid over [-1.5, 1.5] x [-1, 1]");
    for (int i = 0; i <= 60; i++) {
        for (int j = 0; j <= 40; j++) {
            const double p[2] = {-1.5 + 3.0 * i / 60, -1.0 + 2.0 * j / 40};
            fprintf(fp, "%.6g %.6g %.6g\n", p[0], p[1], well(p));
        }
        fputc('\n', fp);
    }
    chapter_data_block(fp, "settings", "start x, start y, lr");
    fprintf(fp, "%g %g %g\n", wx, wy, lr);
    chapter_data_close(fp);
}

static void newton_saddle(double wx, double wy, double lr, double tol)
{
    chapter_table("newton-saddle", "Newton's method and gradient descent near a saddle");
    double pn[2] = {wx, wy}, pg[2] = {wx, wy}, gn[2], gg[2], evn[2], evg[2];
    FILE *fp = chapter_data("newton.dat");
    printf("f(x, y) = (x^2 - 1)^2 + y^2: minima at (-1, 0) and (1, 0), a saddle at (0, 0)\n");
    printf("both start at (%g, %g); gradient descent with lr = %g\n", wx, wy, lr);
    printf("%5s  %21s  %10s  %9s   %21s  %10s  %9s\n", "step", "Newton (x, y)", "f", "|grad|",
           "gradient descent (x, y)", "f", "|grad|");
    if (fp)
        chapter_data_block(fp, "paths", "step, Newton: x y, gradient descent: x y");
    for (int k = 0; k <= WELL_STEPS; k++) {
        well_grad(gn, pn);
        well_grad(gg, pg);
        if (well_row(k))
            printf("%5d  (%9.6f, %9.6f)  %10.3e  %9.2e   (%9.6f, %9.6f)  %10.3e  %9.2e\n", k,
                   plain(pn[0]), plain(pn[1]), well(pn), hypot(gn[0], gn[1]), plain(pg[0]), plain(pg[1]),
                   well(pg), hypot(gg[0], gg[1]));
        if (fp)
            fprintf(fp, "%d %.10g %.10g %.10g %.10g\n", k, pn[0], pn[1], pg[0], pg[1]);
        if (k < WELL_STEPS) {
            if (hypot(gn[0], gn[1]) > 0) /* at an exact stationary point Newton is done */
                newton_step(pn);
            gd_step(pg, lr);
        }
    }
    const char *vn = well_verdict(evn, pn, tol), *vg = well_verdict(evg, pg, tol);
    printf("Newton ends at a point with Hessian eigenvalues %g, %g: %s\n", evn[0], evn[1], vn);
    printf("gradient descent ends at one with eigenvalues %g, %g: %s\n", evg[0], evg[1], vg);
    if (fp)
        figure_well(fp, wx, wy, lr);
}

/* Hessian-vector products for the scalar g . y(x) of section 1.1's tanh layer.
 * Its gradient is the backward pass J^T g; its Hessian, by the chain rule
 * once more (d(1 - y_i^2)/dx_k = -2 y_i (1 - y_i^2) W_ik), is
 *     H_jk = sum_i g_i (-2 y_i (1 - y_i^2)) W_ij W_ik,
 * the exact reference for the products below. */
static void layer_dot_grad(double *grad, const double *x, size_t n, void *params)
{
    (void)n;
    const weighted_layer *w = params;
    double J[6];
    layer_jacobian(J, w->L, x);
    layer_backward(grad, J, w->g);
}

static void layer_dot_hessian(double H[9], const weighted_layer *w, const double x[3])
{
    double y[2];
    layer_forward(y, 2, x, 3, w->L);
    for (int j = 0; j < 3; j++)
        for (int k = 0; k < 3; k++) {
            H[j * 3 + k] = 0.0;
            for (int i = 0; i < 2; i++)
                H[j * 3 + k] += w->g[i] * (-2 * y[i] * (1 - y[i] * y[i])) * w->L->W[i * 3 + j] *
                                w->L->W[i * 3 + k];
        }
}

/* |a - b| / |b| for 3-vectors */
static double rel_err3(const double *a, const double *b)
{
    double d[3] = {a[0] - b[0], a[1] - b[1], a[2] - b[2]};
    return slope_linalg_norm2(d, 3) / slope_linalg_norm2(b, 3);
}

static void hvp_row(const slope_table_col *cols, double r, weighted_layer *wl, const double *x,
                    const double *gx, const double *v, const double *exact)
{
    double fwd[3], cen[3], work[6];
    chapter_check(slope_curvature_hvp_forward(fwd, layer_dot_grad, wl, x, gx, v, 3, r, work),
                  "the forward product");
    chapter_check(slope_curvature_hvp_central(cen, layer_dot_grad, wl, x, v, 3, r, work),
                  "the central product");
    chapter_check(slope_table_row(stdout, cols, 3, "  ",
                                  (double[]){r, rel_err3(fwd, exact), rel_err3(cen, exact)}),
                  "printing the table");
}

static void hvp(void)
{
    chapter_table("hvp", "Hessian-vector products from differences of gradients");
    const double x[3] = {0.5, -1.2, 2.0}, g[2] = {1.0, -0.5}, v[3] = {0.3, -0.5, 0.8};
    weighted_layer wl = {&demo_layer, g};
    double H[9], exact[3], gx[3];
    char buf[256];
    layer_dot_hessian(H, &wl, x);
    chapter_check(slope_linalg_matvec(exact, H, v, 3, 3), "H v");
    layer_dot_grad(gx, x, 3, &wl);
    printf("s(x) = g . tanh(W x + b), section 1.1's layer, at x = [0.5, -1.2, 2], v = [0.3, -0.5, 0.8]\n");
    printf("exact H v (H by the chain rule)   = %s\n", npstr(buf, sizeof buf, exact, 1, 3));
    printf("forward: (grad s(x + r v) - grad s(x)) / r, one gradient more than grad s(x)\n");
    printf("central: (grad s(x + r v) - grad s(x - r v)) / 2r, two gradients\n");
    slope_table_col cols[] = {{"r", "%.0e", 7}, {"forward rel. err", "%.1e", 16},
                              {"central rel. err", "%.1e", 16}};
    chapter_check(slope_table_header(stdout, cols, 3, "  "), "printing the table");
    for (int k = 1; k <= 10; k++)
        hvp_row(cols, pow(10.0, -k), &wl, x, gx, v, exact);
    const double rf = slope_curvature_hvp_step_forward(x, v, 3),
                 rc = slope_curvature_hvp_step_central(x, v, 3);
    double fwd[3], cen[3], work[6];
    chapter_check(slope_curvature_hvp_forward(fwd, layer_dot_grad, &wl, x, gx, v, 3, rf, work),
                  "the forward product");
    chapter_check(slope_curvature_hvp_central(cen, layer_dot_grad, &wl, x, v, 3, rc, work),
                  "the central product");
    printf("default steps: forward r = %.1e, error %.1e;  central r = %.1e, error %.1e\n", rf,
           rel_err3(fwd, exact), rc, rel_err3(cen, exact));
    /* the two error budgets: sqrt(eps) and eps^(2/3), with room for the constants */
    claim(rel_err3(fwd, exact) < 1e-6 && rel_err3(cen, exact) < 1e-9,
          "the default steps give H v to about sqrt(eps) and eps^(2/3)");
}

/* Power iteration from v = [1, 0] stopped after k = 1..6 products: the error
 * of each Rayleigh quotient against the exact lambda_max, and its ratio to
 * the error one product before. */
static void power_trace(slope_curvature_hessian *hess, const double ev[2])
{
    double pw[2], before = NAN;
    printf("the Rayleigh quotient after k products; its error shrinks by (l2/l1)^2 = %.4f a step\n",
           (ev[0] / ev[1]) * (ev[0] / ev[1]));
    printf("%8s  %16s  %9s  %14s\n", "products", "estimate", "error", "error / before");
    for (size_t k = 1; k <= 6; k++) {
        double v[2] = {1.0, 0.0};
        slope_curvature_eig rk;
        slope_status st = slope_curvature_power(&rk, v, slope_curvature_hessian_apply, hess, 2,
                                                1e-10, k, pw);
        chapter_check(st == SLOPE_EMAXITER ? SLOPE_OK : st, "power iteration");
        const double err = fabs(rk.lambda - ev[1]);
        if (k == 1)
            printf("%8zu  %16.12f  %9.1e\n", k, rk.lambda, err);
        else
            printf("%8zu  %16.12f  %9.1e  %14.4f\n", k, rk.lambda, err, err / before);
        before = err;
    }
}

/* Gradient descent on the quadratic at lr = factor * 2 / lambda for 100
 * steps from x0; returns |x - x*| at the end. */
static double gd_after_100(const double x0[2], const double xs[2], double factor, double lambda)
{
    double x[2] = {x0[0], x0[1]}, g[2];
    const double lr = factor * 2.0 / lambda;
    for (int k = 0; k < 100; k++) {
        quad_grad(g, x, 2, NULL);
        x[0] -= lr * g[0], x[1] -= lr * g[1];
    }
    return dist2(x, xs);
}

/* Power iteration on the quadratic's Hessian through products alone, then
 * the step-size rule lr < 2 / lambda_max checked by running gradient descent
 * on either side of it. */
static void sharpness(void)
{
    chapter_table("sharpness", "the largest eigenvalue by power iteration on Hessian-vector products");
    const double x0[2] = {3.0, -2.0}, factors[] = {0.5, 0.95, 1.05};
    double v[2] = {1.0, 0.0}, work[2 * 2], pw[2], ew[2 * 2], ev[2], xs[2], end[3];
    slope_curvature_hessian hess = {quad_grad, NULL, x0, work};
    slope_curvature_eig res;
    chapter_check(slope_curvature_power(&res, v, slope_curvature_hessian_apply, &hess, 2, 1e-10,
                                        1000, pw),
                  "power iteration");
    chapter_check(slope_linalg_eigsym(ev, NULL, quad_A, 2, ew), "the eigenvalues of A");
    quad_minimiser(xs);
    printf("the quadratic above; power iteration from v = [1, 0], one product H v per step\n");
    printf("lambda_max = %.12f after %zu products, residual |Hv - lambda v| = %.1e\n",
           res.lambda, res.iters, res.residual);
    printf("exact      = %.12f (Jacobi);  lambda_2 / lambda_1 = %.4f\n", ev[1], ev[0] / ev[1]);
    power_trace(&hess, ev);
    printf("largest stable learning rate 2 / lambda_max = %.6f\n", 2.0 / res.lambda);
    printf("%-26s  %14s  %14s\n", "gradient descent from x0", "|x - x*| at 0", "at step 100");
    for (int i = 0; i < 3; i++) {
        end[i] = gd_after_100(x0, xs, factors[i], res.lambda);
        printf("lr = %.2f x 2/lambda_max    %14.3e  %14.3e\n", factors[i], dist2(x0, xs), end[i]);
    }
    claim(fabs(res.lambda - ev[1]) <= 1e-9 * ev[1], "power iteration finds lambda_max");
    claim(end[1] < dist2(x0, xs) && end[2] > dist2(x0, xs),
          "gradient descent converges below 2/lambda_max and diverges above");
}

/* ---- figure data ------------------------------------------------------------ */

/* Under --data DIR the program also writes the file that plots/04-*.gp draw.
 * It holds named blocks that gnuplot selects with `index "[NAME]"`. */

/* Figure 04-surfaces: the diagnosis table's three surfaces on [-2, 2]^2, and
 * the eigenvalues of their numerical Hessians at the origin (step h). */
static void figure_surfaces(double h)
{
    FILE *fp = chapter_data("surfaces.dat");
    if (!fp)
        return;
    const struct {
        const char *name;
        slope_fn_n f;
    } cases[] = {{"bowl", bowl}, {"hill", hill}, {"saddle", saddle}};
    const int n = 24;
    for (int k = 0; k < 3; k++) {
        chapter_data_block(fp, cases[k].name, "x y f(x, y) on a 25 x 25 grid (rows of constant x)");
        for (int i = 0; i <= n; i++) {
            for (int j = 0; j <= n; j++) {
                double p[2] = {-2.0 + 4.0 * i / n, -2.0 + 4.0 * j / n};
                fprintf(fp, "%.6g %.6g %.6g\n", p[0], p[1], cases[k].f(p, 2, NULL));
            }
            fputc('\n', fp);
        }
    }
    chapter_data_block(fp, "eigenvalues", "lambda1 lambda2 \"verdict\" at (0, 0): bowl, hill, saddle");
    const double origin[2] = {0.0, 0.0};
    for (int k = 0; k < 3; k++) {
        double H[4], ev[2];
        hessian_eigen(H, ev, cases[k].f, NULL, origin, h);
        fprintf(fp, "%.10g %.10g \"%s\"\n", ev[0], ev[1], naive_shape(ev));
    }
    chapter_data_close(fp);
}

int main(int argc, char **argv)
{
    double x = 2.0, y = 3.0, hj = 1e-5, a = 1.0, b = 4.0, c = 1.0, px = 1.0, py = 0.5,
           h = 1e-4, tol = 1e-6, wx = 0.3, wy = 0.6, wlr = 0.1;
    const chapter_opt opts[] = {
        {"x", CHAPTER_DOUBLE, &x, "x of the Jacobian's point"},
        {"y", CHAPTER_DOUBLE, &y, "y of the Jacobian's point"},
        {"hj", CHAPTER_DOUBLE, &hj, "step of the numerical Jacobian, in (0, 1]"},
        {"a", CHAPTER_DOUBLE, &a, "coefficient of x^2 in the Hessian's function"},
        {"b", CHAPTER_DOUBLE, &b, "coefficient of xy"},
        {"c", CHAPTER_DOUBLE, &c, "coefficient of y^2"},
        {"px", CHAPTER_DOUBLE, &px, "x of the Hessian's point"},
        {"py", CHAPTER_DOUBLE, &py, "y of the Hessian's point"},
        {"h", CHAPTER_DOUBLE, &h, "step of the four-point Hessian, in [1e-100, 1]"},
        {"tol", CHAPTER_DOUBLE, &tol, "an eigenvalue within tol of 0 counts as zero (> 0)"},
        {"well-x", CHAPTER_DOUBLE, &wx, "x of the double well's start, in [-2, 2]"},
        {"well-y", CHAPTER_DOUBLE, &wy, "y of the double well's start, in [-2, 2]"},
        {"well-lr", CHAPTER_DOUBLE, &wlr, "gradient descent's rate on the double well, in (0, 0.2]"},
    };
    chapter_parse(argc, argv, "Chapter 04: the Jacobian and the Hessian, eigenvalues and the "
                  "min/max/saddle diagnosis.", opts, sizeof opts / sizeof *opts);
    chapter_require(hj > 0 && hj <= 1, "--hj must be in (0, 1]: a difference quotient needs a small positive step");
    /* below 1e-100, 4h^2 underflows to zero and the formula divides by it */
    chapter_require(h >= 1e-100 && h <= 1, "--h must be in [1e-100, 1]: the formula divides by 4h^2");
    chapter_require(tol > 0, "--tol must be positive");
    /* beyond |x| = 2 or lr = 0.2 gradient descent on the quartic well can blow up */
    chapter_require(fabs(wx) <= 2 && fabs(wy) <= 2, "--well-x and --well-y must be in [-2, 2]");
    chapter_require(wlr > 0 && wlr <= 0.2, "--well-lr must be in (0, 0.2]");
    jacobian(x, y, hj);
    layer_table(hj);
    jacobian_steps(x, y);
    quad q = {a, b, c};
    hessian(&q, px, py, h, tol);
    diagnosis(h);
    inconclusive(h, tol);
    eigen_practice(h, tol);
    hessian_cost();
    newton_quadratic();
    newton_saddle(wx, wy, wlr, tol);
    hvp();
    sharpness();

    figure_surfaces(h);
    return 0;
}
