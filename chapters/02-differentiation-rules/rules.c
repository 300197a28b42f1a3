/*
 * Chapter 02 -- differentiation rules.
 *
 * Prints every table of lesson.md, in the lesson's order: the chain, product
 * and quotient rules checked against central differences; the chain rule in
 * one sigmoid neuron (by hand, through the library's backward functions, and
 * numerically); the softmax Jacobian that the quotient rule produces, the
 * gradient p - y of softmax with cross-entropy (through that Jacobian, fused,
 * and numerically), and the stable log-sum-exp against the naive formulas
 * at logits of +-1000 (the program exits 1 if a claim it prints fails); the
 * hand-worked backward pass x -> a = w x -> y = a^2 -> loss = (y - t)^2 and
 * its gradient check; and forward against reverse mode, first on that chain,
 * then counted on a loss of n weights.  Under --data DIR it also writes the
 * data of the lesson's two figures: the sigmoid and tanh beside their slopes,
 * and the backward pass's chain as a graph with both modes' numbers.
 *
 * Try: --at 1.5 (an extra point for the rules; tan is steep there),
 *      --w 1 --t 4 (the backward pass at its minimum), --n 5000.
 */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chapter.h"
#include "slope.h"

/* The numerical derivative every rule is checked against: a central
 * difference with a fixed h = 1e-6, near the best step for |x| about 1
 * (chapter 01: cbrt(DBL_EPSILON) = 6e-6). */
#define CHECK_STEP 1e-6

/* Forward mode costs n passes of O(n) work each: n^2 grows fast, and this
 * cap keeps --n under about a second. */
#define MODES_N_MAX 20000

static const char *const SEP = "  ";

/* ---- the functions the rules are checked on -------------------------- */

static double sin_of_square(double x, void *p)
{
    (void)p;
    return sin(x * x);
}
/* chain rule: outer'(inner) * inner' */
static double sin_of_square_rule(double x)
{
    return cos(x * x) * 2 * x;
}

static double x2_sin(double x, void *p)
{
    (void)p;
    return x * x * sin(x);
}
/* product rule: u' v + u v' with u = x^2, v = sin x */
static double x2_sin_rule(double x)
{
    return 2 * x * sin(x) + x * x * cos(x);
}

static double sin_over(double x, void *p)
{
    (void)p;
    return sin(x) / (1 + x * x);
}
/* quotient rule: (u' v - u v') / v^2 with u = sin x, v = 1 + x^2 */
static double sin_over_rule(double x)
{
    double v = 1 + x * x;
    return (cos(x) * v - sin(x) * 2 * x) / (v * v);
}

static double tangent(double x, void *p)
{
    (void)p;
    return tan(x);
}
/* quotient rule on sin/cos: (cos^2 + sin^2) / cos^2 = sec^2 */
static double tangent_rule(double x)
{
    return 1.0 / (cos(x) * cos(x));
}

/* One table: the rule's value against a central difference at each point. */
static void rule_table(const char *name, const char *title, const char *rule, slope_fn f,
                       double (*by_rule)(double), const double *xs, int nx)
{
    chapter_table(name, title);
    printf("%s; numerical = central difference, h = %.0e\n", title, CHECK_STEP);
    slope_table_col cols[] = {{"x", "%.4f", 8},
                              {"numerical", "%.6f", 11},
                              {rule, "%.6f", 13},
                              {"|difference|", "%.1e", 12}};
    chapter_check(slope_table_header(stdout, cols, 4, SEP), "printing the table");
    for (int i = 0; i < nx; i++) {
        double num = slope_deriv_central(f, NULL, xs[i], CHECK_STEP), ana = by_rule(xs[i]);
        chapter_check(
            slope_table_row(stdout, cols, 4, SEP, (double[]){xs[i], num, ana, fabs(num - ana)}),
            "printing the table");
    }
}

static void rules(double at)
{
    const double chain_x[] = {0.5, 1.0, 2.0, at}, product_x[] = {1.0, 2.0, PI / 3, at};
    const double quotient_x[] = {0.0, 1.0, 2.0, at}, tan_x[] = {0.0, 0.5, 1.0, at};
    rule_table("chain-rule", "d/dx sin(x^2) = cos(x^2) * 2x", "chain rule", sin_of_square,
               sin_of_square_rule, chain_x, 4);
    rule_table("product-rule", "d/dx [x^2 sin(x)] = 2x sin(x) + x^2 cos(x)", "product rule", x2_sin,
               x2_sin_rule, product_x, 4);
    rule_table("quotient-rule", "d/dx [sin(x) / (1 + x^2)]", "quotient rule", sin_over,
               sin_over_rule, quotient_x, 4);
    rule_table("tan-rule", "d/dx tan(x) = sec^2(x)", "sec^2(x)", tangent, tangent_rule, tan_x, 4);
}

/* ---- the chain rule in one neuron: y = sigma(w x + b) ------------------ */

struct neuron {
    double x, b;
};

/* y as a function of the weight alone, through the library's layers. */
static double neuron_of_w(double w, void *p)
{
    const struct neuron *n = p;
    double z, y;
    chapter_check(slope_mlp_dense_forward(&z, &n->x, &w, &n->b, 1, 1, 1), "the neuron's z");
    chapter_check(slope_mlp_sigmoid_forward(&y, &z, 1), "the neuron's y");
    return y;
}

/* dy/dw the way a network computes it: start from dy/dy = 1, then let each layer
 * apply its local derivative (sigmoid, then the dense layer) in reverse. */
static double neuron_backward(double w, const struct neuron *n)
{
    double z, y, dy = 1.0, dz = 0.0, dw = 0.0; /* backward accumulates: start at 0 */
    chapter_check(slope_mlp_dense_forward(&z, &n->x, &w, &n->b, 1, 1, 1), "the neuron's z");
    chapter_check(slope_mlp_sigmoid_forward(&y, &z, 1), "the neuron's y");
    chapter_check(slope_mlp_sigmoid_backward(&dz, &dy, &y, 1), "dy/dz");
    chapter_check(slope_mlp_dense_backward(NULL, &dw, NULL, &dz, &n->x, &w, 1, 1, 1), "dy/dw");
    return dw;
}

static void print_repr(const char *label, double v, const char *end)
{
    char buf[32];
    chapter_check(slope_table_repr(buf, sizeof buf, v), "formatting a number");
    printf("%s%s%s", label, buf, end);
}

static double max_abs_diff(const double *a, const double *b, size_t n)
{
    double m = 0;
    for (size_t i = 0; i < n; i++)
        m = fmax(m, fabs(a[i] - b[i]));
    return m;
}

/* A product with a zero factor can be -0.0; its sign means nothing here,
 * and a reader should not see "-0". */
static double plain(double v)
{
    return v == 0 ? 0.0 : v;
}

static void neuron(double w, double b, double x)
{
    chapter_table("neuron", "the chain rule in one neuron, y = sigma(w x + b)");
    struct neuron n = {x, b};
    double z = w * x + b, y = neuron_of_w(w, &n);
    print_repr("Neuron y = sigma(w x + b) at w = ", w, ", ");
    print_repr("b = ", b, ", ");
    print_repr("x = ", x, "\n");
    printf("  forward:   z = w x + b = %.6f,  y = sigma(z) = %.6f\n", z, y);
    printf("  local:     dz/dw = x = %.6f,  dy/dz = sigma(z)(1 - sigma(z)) = %.6f\n", x,
           y * (1 - y));
    printf("  dy/dw by the chain rule, dy/dz * dz/dw:    %.6f\n", y * (1 - y) * x);
    printf("  dy/dw by the library's backward functions: %.6f\n", neuron_backward(w, &n));
    printf("  dy/dw by a central difference in w:        %.6f\n",
           slope_deriv_central(neuron_of_w, &n, w, CHECK_STEP));
}

/* ---- the quotient rule at work: the softmax Jacobian ------------------ */

/* p = softmax(z) as a slope_fn_nm, for the numerical Jacobian: the
 * library's softmax, which shifts z by its maximum (section 4's stable form). */
static void softmax(double *p, size_t m, const double *z, size_t n, void *params)
{
    (void)params;
    (void)m;
    chapter_check(slope_softmax_forward(p, z, 1, n), "softmax(z)");
}

static void softmax_jacobian(void)
{
    chapter_table("softmax", "the softmax Jacobian from the quotient rule");
    enum { K = 3 };
    const double z[K] = {2.0, 1.0, 0.1};
    double p[K], J[K * K], work[K + 2 * K], worst = 0;
    softmax(p, K, z, K, NULL);
    chapter_check(slope_deriv_jacobian(J, softmax, NULL, z, K, K, CHECK_STEP, work),
                  "the softmax Jacobian");
    printf("z = (%.1f, %.1f, %.1f),  p = softmax(z) = (%.6f, %.6f, %.6f)\n", z[0], z[1], z[2], p[0],
           p[1], p[2]);
    printf("dp_j/dz_k: numerical (central, h = %.0e)  |  quotient rule p_j (delta_jk - p_k)\n",
           CHECK_STEP);
    for (int j = 0; j < K; j++) {
        for (int k = 0; k < K; k++)
            printf("%10.6f", J[j * K + k]);
        printf("   |");
        for (int k = 0; k < K; k++) {
            double rule = p[j] * ((j == k) - p[k]);
            printf("%10.6f", rule);
            worst = fmax(worst, fabs(rule - J[j * K + k]));
        }
        printf("\n");
    }
    printf("largest |difference|: %.1e\n", worst);
}

/* ---- softmax with cross-entropy: the gradient p - y ---------------------- */

/* A claim the program prints and checks: when it fails, say which and exit 1. */
static void claim(int holds, const char *what)
{
    if (!holds) {
        fprintf(stderr, "02-differentiation-rules: claim failed: %s\n"
                        "HINT: the library's softmax or the rule above has changed\n", what);
        exit(1);
    }
}

/* L(z) = -sum_j y_j log softmax(z)_j for one row, as a slope_fn_n of z. */
static double xent_of_z(const double *z, size_t n, void *y)
{
    double loss;
    chapter_check(slope_softmax_xent_forward(&loss, NULL, z, y, 1, n), "the cross-entropy");
    return loss;
}

/* weave: xent-chain */
/* dL/dz by the chain rule through the softmax Jacobian: dL/dp_j = -y_j / p_j,
 * then dz = J^T dL/dp with J = diag(p) - p p^T (softmax's backward function).
 * dp: n doubles of room for dL/dp. */
static void xent_by_chain(double *dz, double *dp, const double *p, const double *y, size_t n)
{
    for (size_t j = 0; j < n; j++)
        dp[j] = -y[j] / p[j];
    memset(dz, 0, n * sizeof *dz); /* backward functions accumulate */
    chapter_check(slope_softmax_backward(dz, dp, p, 1, n), "J^T dL/dp");
}
/* weave end */

static void print_vec(const char *label, const double *v, size_t n, int width)
{
    printf("%-30s", label);
    for (size_t j = 0; j < n; j++) {
        if (isnan(v[j]))
            printf("%*s", width, "nan"); /* one spelling, whatever the sign bit */
        else
            printf("%*.6f", width, v[j]);
    }
    printf("\n");
}

static void softmax_xent(void)
{
    chapter_table("softmax-xent", "softmax and cross-entropy: dL/dz = p - y");
    enum { K = 3 };
    const double z[K] = {2.0, 1.0, 0.1};
    double y[K] = {0.0, 1.0, 0.0}, p[K], loss, dp[K], chain[K], fused[K] = {0}, num[K], work[K];
    chapter_check(slope_softmax_xent_forward(&loss, p, z, y, 1, K), "the cross-entropy");
    xent_by_chain(chain, dp, p, y, K);
    chapter_check(slope_softmax_xent_backward(fused, 1.0, p, y, 1, K), "p - y");
    chapter_check(slope_deriv_gradient(num, xent_of_z, y, z, K, CHECK_STEP, work),
                  "the numerical gradient");
    printf("z = (%.1f, %.1f, %.1f), target y = (%g, %g, %g): L = -log p_2 = %.6f\n", z[0], z[1],
           z[2], y[0], y[1], y[2], loss);
    printf("%-30s%12s%12s%12s\n", "", "dL/dz_1", "dL/dz_2", "dL/dz_3");
    print_vec("chain rule J^T (-y / p)", chain, K, 12);
    print_vec("p - y", fused, K, 12);
    print_vec("central difference, h = 1e-06", num, K, 12);
    double d_chain = max_abs_diff(chain, fused, K), d_num = max_abs_diff(num, fused, K);
    printf("largest |difference| from p - y: chain rule %.1e, central difference %.1e\n",
           d_chain, d_num);
    /* the chain rule rounds a few times per entry (|dz| <= 1); the central
     * difference carries its own h^2 truncation and eps/h rounding, ~1e-10 */
    claim(d_chain <= 16 * DBL_EPSILON, "the chain rule through J gives p - y");
    claim(d_num <= 1e-8, "a central difference agrees with p - y");
}

/* ---- the stable log-sum-exp ------------------------------------------------ */

/* weave: naive-softmax */
/* The textbook formulas, exactly as written: e^z first, then sum, log, divide. */
static double naive_lse(const double *z, size_t n)
{
    double s = 0.0;
    for (size_t j = 0; j < n; j++)
        s += exp(z[j]);
    return log(s);
}

static void naive_softmax(double *p, const double *z, size_t n)
{
    double s = 0.0;
    for (size_t j = 0; j < n; j++)
        s += exp(z[j]);
    for (size_t j = 0; j < n; j++)
        p[j] = exp(z[j]) / s;
}
/* weave end */

static void print_repr_col(double v, int width)
{
    char buf[32];
    chapter_check(slope_table_repr(buf, sizeof buf, v), "formatting a number");
    printf("%*s", width, buf);
}

/* One row: lse by the naive formula, by the library, and by the naive formula
 * at z - c (small numbers: nothing overflows) plus c, the shift identity
 * used as an independent reference.  Returns |library - reference|. */
static double lse_row(const char *label, const double *z, size_t n, double c)
{
    double zc[4], ref;
    for (size_t j = 0; j < n; j++)
        zc[j] = z[j] - c;
    ref = c + naive_lse(zc, n);
    double lse = slope_softmax_logsumexp(z, n);
    printf("%-22s", label);
    print_repr_col(naive_lse(z, n), 20);
    print_repr_col(lse, 22);
    print_repr_col(ref, 22);
    printf("%8g\n", c);
    return fabs(lse - ref);
}

static void logsumexp(void)
{
    chapter_table("logsumexp", "log-sum-exp, softmax and cross-entropy at large logits");
    enum { K = 3 };
    const double small[K] = {3.0, 2.0, 1.0}, big[K] = {1000.0, 999.0, 998.0},
                 neg[K] = {-1000.0, -1001.0, -1002.0};
    printf("lse(z) = log(e^z1 + e^z2 + e^z3); reference: the naive formula at z - c, plus c\n");
    printf("%-22s%20s%22s%22s%8s\n", "z", "naive", "stable (library)", "reference", "c");
    double worst = lse_row("(3, 2, 1)", small, K, 0.0);
    worst = fmax(worst, lse_row("(1000, 999, 998)", big, K, 1000.0) / 1000.0);
    worst = fmax(worst, lse_row("(-1000, -1001, -1002)", neg, K, -1000.0) / 1000.0);
    printf("e^1000 = %g and e^-1000 = %g in double precision\n", exp(1000.0), exp(-1000.0));

    double pn[K], ps[K];
    naive_softmax(pn, big, K);
    chapter_check(slope_softmax_forward(ps, big, 1, K), "softmax(z)");
    printf("\nsoftmax at z = (1000, 999, 998):\n");
    print_vec("  naive e^z / sum e^z", pn, K, 10);
    print_vec("  stable (library)", ps, K, 10);

    const double z2[2] = {1000.0, -1000.0}, y2[2] = {0.0, 1.0};
    double p2[2], loss, dz[2] = {0};
    naive_softmax(p2, z2, 2);
    printf("\ncross-entropy at z = (1000, -1000), target y = (0, 1):\n");
    printf("  naive -log p_2 = -log(%g) = %g\n", p2[1], -log(p2[1]));
    chapter_check(slope_softmax_xent_forward(&loss, p2, z2, y2, 1, 2), "the cross-entropy");
    chapter_check(slope_softmax_xent_backward(dz, 1.0, p2, y2, 1, 2), "p - y");
    printf("  stable lse(z) - z_2 = %g,  dL/dz = p - y = (%g, %g)\n", loss, dz[0], dz[1]);
    /* lse carries a few eps relative to |max z| + n, see softmax.h */
    claim(worst <= 8 * DBL_EPSILON, "the stable lse equals the shifted reference");
    claim(isnan(pn[0]) && isinf(-log(p2[1])), "the naive formulas break at |z| = 1000");
    claim(loss == 2000.0 && dz[0] == 1.0 && dz[1] == -1.0, "the stable loss is 2000, p - y = (1, -1)");
}

/* ---- one backward pass by hand ---------------------------------------- */

struct pass {
    double a, y, loss;             /* forward values */
    double dloss_dy, dy_da, da_dw; /* local derivatives */
    double dloss_dw;               /* their product */
};

/* weave: backward-pass */
static struct pass backward_by_hand(double x, double w, double t)
{
    struct pass p;
    p.a = w * x; /* forward: x -> a -> y -> loss */
    p.y = p.a * p.a;
    p.loss = (p.y - t) * (p.y - t);
    p.dloss_dy = 2 * (p.y - t); /* backward: one local derivative per step */
    p.dy_da = 2 * p.a;
    p.da_dw = x;
    p.dloss_dw = p.dloss_dy * p.dy_da * p.da_dw; /* the chain rule */
    return p;
}
/* weave end */

static void backward_pass(double x, double w, double t)
{
    chapter_table("backward-pass", "one backward pass by hand: x -> a = w x -> y = a^2 -> loss");
    struct pass p = backward_by_hand(x, w, t);
    printf("inputs:   x = %g, w = %g, target t = %g\n", x, w, t);
    printf("forward:  a = w x = %g,  y = a^2 = %g,  loss = (y - t)^2 = %g\n", plain(p.a),
           plain(p.y), plain(p.loss));
    printf("local:    dloss/dy = 2(y - t) = %g,  dy/da = 2a = %g,  da/dw = x = %g\n",
           plain(p.dloss_dy), plain(p.dy_da), plain(p.da_dw));
    printf("chain:    dloss/dw = %g * %g * %g = ", plain(p.dloss_dy), plain(p.dy_da),
           plain(p.da_dw));
    print_repr("", plain(p.dloss_dw), "\n");
}

/* ---- the gradient check ----------------------------------------------- */

struct chain {
    double x, t;
};

static double chain_loss(double w, void *params)
{
    const struct chain *c = params;
    double a = w * c->x, y = a * a;
    return (y - c->t) * (y - c->t);
}

/* One row: a difference quotient against the chain rule's exact value.
 * The relative error divides by the larger of the two, the usual gradient
 * check (it is 0/0 only when both are 0, and then the error is 0 too). */
static void check_row(const char *name, double h, double est, double exact, double tol)
{
    double err = fabs(est - exact), scale = fmax(fabs(est), fabs(exact));
    printf("%-22s %9.2e %16.9f %9.2e %9.1e  %s\n", name, h, est, err, scale > 0 ? err / scale : 0.0,
           err < tol ? "yes" : "NO");
}

static void gradient_check(double x, double w, double t, double eps, double tol)
{
    chapter_table("gradient-check", "gradient check of dloss/dw");
    struct chain c = {x, t};
    double exact = plain(backward_by_hand(x, w, t).dloss_dw);
    double second = 4 * x * x * (3 * w * w * x * x - t); /* d2loss/dw2, by hand */
    double hc = slope_deriv_step_central(w);
    printf("chain rule: dloss/dw = %.1f;  the check passes when |error| < tol = %g\n", exact, tol);
    printf("%-22s %9s %16s %9s %9s  %s\n", "quotient", "step", "estimate", "|error|", "relative",
           "passes");
    check_row("forward, common check", eps, slope_deriv_forward(chain_loss, &c, w, eps), exact, tol);
    check_row("central, same step", eps, slope_deriv_central(chain_loss, &c, w, eps), exact, tol);
    check_row("central, default step", hc, slope_deriv_central(chain_loss, &c, w, hc), exact, tol);
    printf("forward error predicted by Taylor: (h/2) d2loss/dw2 = (%g/2) * %g = %.2e\n", eps,
           second, eps / 2 * second);
}

/* ---- forward mode against reverse mode -------------------------------- */

static void modes_chain(double x, double w, double t)
{
    chapter_table("modes-chain", "the same chain rule product in both orders");
    struct pass p = backward_by_hand(x, w, t);
    /* forward mode: carry d(node)/dw from the input towards the loss */
    double dw = 1, da = p.da_dw * dw, dy = p.dy_da * da, dl = p.dloss_dy * dy;
    /* reverse mode: carry dloss/d(node) from the loss back to the input */
    double bl = 1, by = bl * p.dloss_dy, ba = by * p.dy_da, bw = ba * p.da_dw;
    printf("%-6s %10s  %22s  %22s\n", "node", "value", "forward: d(node)/dw",
           "reverse: dloss/d(node)");
    const char *node[] = {"w", "a", "y", "loss"};
    const double value[] = {w, p.a, p.y, p.loss}, fwd[] = {dw, da, dy, dl},
                 rev[] = {bw, ba, by, bl};
    for (int i = 0; i < 4; i++)
        printf("%-6s %10g  %22g  %22g\n", node[i], plain(value[i]), plain(fwd[i]), plain(rev[i]));
    printf("forward mode fills its column top down, reverse mode bottom up;\n"
           "both end with dloss/dw = %g\n",
           plain(dl));
}

/* A loss of n weights: one linear unit with a squared error,
 *   L(w) = (x . w - t)^2,   x, w (n). */
struct unit {
    const double *x;
    size_t n;
    double t;
    long evals;
};

static double unit_loss(const double *w, size_t n, void *params)
{
    struct unit *u = params;
    double r = slope_linalg_dot(u->x, w, n) - u->t;
    u->evals++;
    return r * r;
}

/* weave: forward-mode */
/* One forward-mode pass: the value of every step together with its
 * derivative along the direction v; returns dL along v, i.e. grad . v. */
static double forward_mode_pass(const double *w, const double *v, const struct unit *u)
{
    double s = slope_linalg_dot(u->x, w, u->n), ds = slope_linalg_dot(u->x, v, u->n);
    double r = s - u->t, dr = ds;
    return 2 * r * dr; /* d(r^2) = 2 r dr */
}

/* The gradient by forward mode: one pass per input direction e_i. */
static long forward_mode_gradient(double *grad, double *v, const double *w, const struct unit *u)
{
    long passes = 0;
    memset(v, 0, u->n * sizeof *v);
    for (size_t i = 0; i < u->n; i++) {
        v[i] = 1.0;
        grad[i] = forward_mode_pass(w, v, u);
        v[i] = 0.0;
        passes++;
    }
    return passes;
}
/* weave end */

/* weave: reverse-mode */
/* The gradient by reverse mode: one forward sweep keeps pred, one backward
 * sweep from dL/dL = 1 gives every dL/dw_i at once. */
static long reverse_mode_gradient(double *grad, const double *w, const struct unit *u)
{
    double pred, loss, dpred = 0.0;
    memset(grad, 0, u->n * sizeof *grad); /* backward functions accumulate */
    chapter_check(slope_mlp_dense_forward(&pred, u->x, w, NULL, 1, u->n, 1), "x . w");
    chapter_check(slope_mlp_mse_forward(&loss, &pred, &u->t, 1), "the loss");
    chapter_check(slope_mlp_mse_backward(&dpred, 1.0, &pred, &u->t, 1), "dL/dpred");
    chapter_check(slope_mlp_dense_backward(NULL, grad, NULL, &dpred, u->x, w, 1, u->n, 1), "dL/dw");
    return 2; /* one forward sweep, one backward sweep, whatever n */
}
/* weave end */

/* One row of the count: all three gradients of the n-weight loss. */
static void modes_row(const slope_table_col *cols, size_t n)
{
    double *buf = malloc(6 * n * sizeof *buf);
    if (!buf)
        chapter_check(SLOPE_ENOMEM, "the arrays of the mode count");
    double *x = buf, *w = x + n, *v = w + n, *gf = v + n, *gr = gf + n, *gc = gr + n;
    for (size_t i = 0; i < n; i++) { /* fixed, irregular values: no pattern to exploit */
        x[i] = cos(0.37 * i + 0.3);
        w[i] = sin(1.7 * i + 0.2) / sqrt((double)n);
    }
    struct unit u = {x, n, 1.0, 0};
    long fwd = forward_mode_gradient(gf, v, w, &u);
    long rev = reverse_mode_gradient(gr, w, &u);
    /* weights are of order one or less, so the default step at 1 suits all */
    chapter_check(slope_deriv_gradient(gc, unit_loss, &u, w, n, slope_deriv_step_central(1.0), v),
                  "the central-difference gradient");
    chapter_check(slope_table_row(stdout, cols, 6, SEP,
                                  (double[]){(double)n, (double)fwd, (double)rev, (double)u.evals,
                                             max_abs_diff(gf, gr, n), max_abs_diff(gc, gr, n)}),
                  "printing the table");
    free(buf);
}

static void modes_count(int n_user)
{
    chapter_table("modes-count", "passes for the gradient of a loss of n weights");
    printf("L(w) = (x . w - t)^2 with n weights: what each method needs for the whole gradient\n");
    slope_table_col cols[] = {{"n", "%.0f", 6},
                              {"forward passes", "%.0f", 14},
                              {"reverse sweeps", "%.0f", 14},
                              {"central evals", "%.0f", 13},
                              {"max|fwd-rev|", "%.1e", 12},
                              {"max|cen-rev|", "%.1e", 12}};
    chapter_check(slope_table_header(stdout, cols, 6, SEP), "printing the table");
    const size_t ns[] = {1, 10, 100, (size_t)n_user};
    for (int i = 0; i < 4; i++)
        modes_row(cols, ns[i]);
}

/* ---- figure data ---------------------------------------------------------- */

/* Under --data DIR the program also writes the files that plots/02-*.gp draw,
 * in named blocks that gnuplot selects with `index "[NAME]"`. */

/* Figure 02-activations: sigma and tanh with the slopes their backward
 * functions give (an incoming gradient of 1 returns the local derivative),
 * on z in [-6, 6]; and the neuron's z with its sigma(z) and sigma'(z). */
static void figure_activations(double w, double b, double x)
{
    enum { N = 480 };
    FILE *fp = chapter_data("activations.dat");
    if (!fp)
        return;
    chapter_data_block(fp, "curves", "z sigma(z) sigma'(z) tanh(z) tanh'(z)");
    for (int k = 0; k <= N; k++) {
        double z = -6.0 + 12.0 * k / N, one = 1.0, s, t, ds = 0.0, dt = 0.0;
        chapter_check(slope_mlp_sigmoid_forward(&s, &z, 1), "sigma(z)");
        chapter_check(slope_mlp_sigmoid_backward(&ds, &one, &s, 1), "sigma'(z)");
        chapter_check(slope_mlp_tanh_forward(&t, &z, 1), "tanh(z)");
        chapter_check(slope_mlp_tanh_backward(&dt, &one, &t, 1), "tanh'(z)");
        fprintf(fp, "%.6f %.10g %.10g %.10g %.10g\n", z, s, ds, t, dt);
    }
    struct neuron n = {x, b};
    double z = w * x + b, y = neuron_of_w(w, &n);
    chapter_data_block(fp, "neuron", "z = w x + b, sigma(z), sigma'(z) = sigma(1 - sigma)");
    fprintf(fp, "%.10g %.10g %.10g\n", z, y, y * (1 - y));
    chapter_data_close(fp);
}

/* Figure 02-chain-graph: the chain w -> a -> y -> loss of the backward pass
 * by hand, one row per node with its value, its d(node)/dw (forward mode)
 * and its dloss/d(node) (reverse mode), and one row per arrow with the local
 * derivative that both modes multiply by.  x and t enter as constants. */
static void figure_chain_graph(double x, double w, double t)
{
    FILE *fp = chapter_data("chain-graph.dat");
    if (!fp)
        return;
    struct pass p = backward_by_hand(x, w, t);
    double bw = p.dloss_dw, ba = p.dloss_dy * p.dy_da, by = p.dloss_dy;
    double da = p.da_dw, dy = p.dy_da * da;
    chapter_data_block(fp, "nodes", "position value d(node)/dw dloss/d(node), for w a y loss");
    const double value[] = {w, p.a, p.y, p.loss}, fwd[] = {1.0, da, dy, p.dloss_dw},
                 rev[] = {bw, ba, by, 1.0};
    for (int i = 0; i < 4; i++)
        fprintf(fp, "%d %.10g %.10g %.10g\n", i, plain(value[i]), plain(fwd[i]), plain(rev[i]));
    chapter_data_block(fp, "edges", "from to local derivative: da/dw = x, dy/da = 2a, dloss/dy = 2(y - t)");
    const double local[] = {p.da_dw, p.dy_da, p.dloss_dy};
    for (int i = 0; i < 3; i++)
        fprintf(fp, "%d %d %.10g\n", i, i + 1, plain(local[i]));
    chapter_data_block(fp, "constants", "x t");
    fprintf(fp, "%.10g %.10g\n", x, t);
    chapter_data_close(fp);
}

int main(int argc, char **argv)
{
    double at = 0.75, nw = 0.5, nb = 0.1, nx = 2.0;
    double x = 2.0, w = 3.0, t = 10.0, eps = 1e-5, tol = 1.0;
    int n = 1000;
    const chapter_opt opts[] = {
        {"at", CHAPTER_DOUBLE, &at, "an extra point for the four rules tables"},
        {"neuron-w", CHAPTER_DOUBLE, &nw, "the neuron's weight w"},
        {"neuron-b", CHAPTER_DOUBLE, &nb, "the neuron's bias b"},
        {"neuron-x", CHAPTER_DOUBLE, &nx, "the neuron's input x"},
        {"x", CHAPTER_DOUBLE, &x, "the backward pass's input x"},
        {"w", CHAPTER_DOUBLE, &w, "the backward pass's weight w"},
        {"t", CHAPTER_DOUBLE, &t, "the backward pass's target t"},
        {"eps", CHAPTER_DOUBLE, &eps, "the gradient check's step (> 0)"},
        {"tol", CHAPTER_DOUBLE, &tol, "the gradient check's tolerance (> 0)"},
        {"n", CHAPTER_INT, &n, "the largest number of weights in the mode count (1..20000)"},
    };
    chapter_parse(argc, argv,
                  "Chapter 02: the chain, product and quotient rules; backprop by hand; "
                  "forward vs reverse mode.",
                  opts, sizeof opts / sizeof *opts);
    chapter_require(eps > 0, "--eps must be positive: a difference quotient needs two points");
    chapter_require(tol > 0, "--tol must be positive: it bounds an absolute error");
    chapter_require(n >= 1 && n <= MODES_N_MAX,
                    "--n must be between 1 and 20000: forward mode's work grows as n^2");
    rules(at);
    neuron(nw, nb, nx);
    softmax_jacobian();
    softmax_xent();
    logsumexp();
    backward_pass(x, w, t);
    gradient_check(x, w, t, eps, tol);
    modes_chain(x, w, t);
    modes_count(n);

    figure_activations(nw, nb, nx);
    figure_chain_graph(x, w, t);
    return 0;
}
