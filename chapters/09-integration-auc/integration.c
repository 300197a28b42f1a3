/*
 * Chapter 09 -- integration, expectations and the area under the ROC curve.
 *
 * Prints every table of lesson.md, in the lesson's order: Riemann and
 * trapezoid sums closing in on an integral, the fundamental theorem (both
 * parts) and the properties of definite integrals, each antiderivative rule
 * checked twice (differentiated back, and through the fundamental theorem
 * against quadrature), basic and special-function integrals, substitution
 * and integration by parts, expectations as integrals, signed and total
 * areas, and the ROC curve's area on random scores: a 200-threshold grid
 * against the exact curve, how a finer grid closes the gap, and which bins
 * of the grid cause it.  Then Monte Carlo: its error against a grid rule and
 * Gauss-Kronrod as the dimension grows, Leibniz's rule for differentiating
 * under the integral sign, and the score-function and reparameterised
 * estimators of a gradient of an expectation against the exact gradient and
 * variances; every random number follows --mc-seed, and the program exits 1
 * when a claim it prints fails.
 *
 * Every integral of a function goes through slope_integrate (adaptive
 * Gauss-Kronrod), with scipy.integrate.quad's default tolerances.
 *
 * Try: --seed 7 (other random scores), --thresholds 20 (a coarser grid),
 * --epsabs 1e-3 (a sloppier quadrature: watch the last digits move),
 * --limit 3 (too few subintervals: the program warns and goes on),
 * --mc-seed 7 (other Monte Carlo draws: the errors move, the claims hold).
 */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "chapter.h"
#include "roc.h"
#include "slope.h"

/* ---- quadrature settings: one place, passed everywhere ------------------- */

typedef struct {
    double epsabs, epsrel;   /* stop when abserr <= max(epsabs, epsrel |result|) */
    int limit;               /* most subintervals */
} quad_cfg;

/* The integral of f over [a, b] (either limit may be infinite).  As quad
 * does, a tolerance that was not met only warns and keeps the best estimate
 * (a relative tolerance alone can never be met by an integral of 0); any
 * other failure stops the program with the library's reason. */
static double quad(const quad_cfg *q, slope_fn f, void *p, double a, double b)
{
    double r, err;
    slope_status s = slope_integrate(&r, &err, f, p, a, b, q->epsabs, q->epsrel,
                                     (size_t)q->limit, NULL);
    if (s == SLOPE_EMAXITER || s == SLOPE_ETOL)
        fprintf(stderr, "warning: integral over [%g, %g]: %s; kept %.10g (error estimate %.1e)\n",
                a, b, slope_status_str(s), r, err);
    else
        chapter_check(s, "an integral (slope_integrate)");
    return r;
}

/* Every printed table goes through these two; a failed write is an error. */
static void header(const slope_table_col *cols, size_t n)
{
    chapter_check(slope_table_header(stdout, cols, n, "  "), "printing a table");
}

static void row(const slope_table_col *cols, size_t n, const double *values)
{
    chapter_check(slope_table_row(stdout, cols, n, "  ", values), "printing a table");
}

/* The rule under a hand-made header, as wide as its rows. */
static void rule_line(int width)
{
    for (int i = 0; i < width; i++)
        putchar('-');
    putchar('\n');
}

/* ---- the functions the lesson integrates --------------------------------- */

static double x4(double x, void *p) { (void)p; return x * x * x * x; }
static double x2(double x, void *p) { (void)p; return x * x; }
static double x2p3(double x, void *p) { (void)p; return x * x + 3; }
static double five(double x, void *p) { (void)p; (void)x; return 5; }
static double four_x3(double x, void *p) { (void)p; return 4 * x * x * x; }
static double recip(double x, void *p) { (void)p; return 1 / x; }
static double exp_fn(double x, void *p) { (void)p; return exp(x); }
static double exp2x(double x, void *p) { (void)p; return exp(2 * x); }
static double log_fn(double x, void *p) { (void)p; return log(x); }
static double sine(double x, void *p) { (void)p; return sin(x); }
static double cosine(double x, void *p) { (void)p; return cos(x); }
static double cauchy(double x, void *p) { (void)p; return 1 / (1 + x * x); }
static double bell(double x, void *p) { (void)p; return exp(-x * x / 2); }

/* The standard normal density phi and distribution function Phi. */
static double phi(double x, void *p) { (void)p; return exp(-x * x / 2) / sqrt(2 * PI); }
static double Phi(double x) { return 0.5 * erfc(-x / sqrt(2.0)); }

/* ---- the definite integral as a limit of sums ---------------------------- */

/* weave: riemann */
/* Left and midpoint Riemann sums of f over [a, b] with n equal strips: the
 * height of each strip is f at its left end, or at its middle. */
static double left_sum(slope_fn f, double a, double b, int n)
{
    double h = (b - a) / n, s = 0;
    for (int i = 0; i < n; i++)
        s += f(a + i * h, NULL);
    return s * h;
}

static double midpoint_sum(slope_fn f, double a, double b, int n)
{
    double h = (b - a) / n, s = 0;
    for (int i = 0; i < n; i++)
        s += f(a + (i + 0.5) * h, NULL);
    return s * h;
}
/* weave end */

/* The trapezoid rule through the library: sample f at n + 1 points. */
static double trapezoid_sum(slope_fn f, double a, double b, int n)
{
    double *y = malloc((size_t)(n + 1) * sizeof *y), h = (b - a) / n;
    chapter_require(y != NULL, "out of memory for the trapezoid samples");
    for (int i = 0; i <= n; i++)
        y[i] = f(a + i * h, NULL);
    double s = slope_integrate_trapz_uniform(y, (size_t)n + 1, h);
    free(y);
    return s;
}

/* f with a counter: how many times the quadrature looked at the function. */
typedef struct {
    slope_fn f;
    long calls;
} counted;

static double counted_call(double x, void *p)
{
    counted *c = p;
    c->calls++;
    return c->f(x, NULL);
}

static void riemann(const quad_cfg *q)
{
    const double a = 0, b = 2, exact = exp(2.0) - 1;
    chapter_table("riemann", "strips closing in on the integral of e^x over [0, 2]");
    printf("Error of each sum against e^2 - 1 = %.10f\n", exact);
    slope_table_col cols[] = {{"strips n", "%.0f", 8}, {"left", "%.8f", 12}, {"error", "%.2e", 9},
                              {"midpoint", "%.8f", 12}, {"error", "%.2e", 9},
                              {"trapezoid", "%.8f", 12}, {"error", "%.2e", 9}};
    header(cols, 7);
    for (int n = 4; n <= 1024; n *= 4) {
        double l = left_sum(exp_fn, a, b, n), m = midpoint_sum(exp_fn, a, b, n);
        double t = trapezoid_sum(exp_fn, a, b, n);
        row(cols, 7, (double[]){n, l, l - exact, m, m - exact, t, t - exact});
    }
    counted c = {exp_fn, 0};
    double r, err;
    chapter_check(slope_integrate(&r, &err, counted_call, &c, a, b, q->epsabs, q->epsrel,
                                  (size_t)q->limit, NULL), "the integral of e^x");
    printf("slope_integrate (Gauss-Kronrod): %.10f, error %.2e, estimated %.1e, %ld calls of f\n",
           r, r - exact, err, c.calls);
}

/* ---- the fundamental theorem --------------------------------------------- */

static double ftc_f(double x, void *p) { (void)p; return 3 * x * x - 2 * x + 1; }

/* The antiderivative on integers: F(4) - F(1) in exact integer arithmetic. */
static long ftc_F(long x) { return x * x * x - x * x + x; }

static double sin_fn3(double x, void *p) { (void)p; return 2 * x * x + 3 * sin(x); }

static void fundamental_theorem(const quad_cfg *q)
{
    const long a = 1, b = 4;
    const double match = 1e-9;   /* the "Match" line's tolerance, as the lesson states */
    chapter_table("ftc", "part 2 of the fundamental theorem, and the properties of integrals");
    long ftc = ftc_F(b) - ftc_F(a);
    printf("FTC: F(%ld) - F(%ld) = %ld - %ld = %ld\n", b, a, ftc_F(b), ftc_F(a), ftc);
    double num = quad(q, ftc_f, NULL, a, b);
    printf("Numerical (slope_integrate): %.8f\n", num);
    printf("Match: %s\n", fabs(ftc - num) < match ? "True" : "False");
    printf("\nKey properties:\n");
    double r1 = quad(q, sin_fn3, NULL, 0, PI);
    double r2 = 2 * quad(q, x2, NULL, 0, PI) + 3 * quad(q, sine, NULL, 0, PI);
    printf("  Linearity: int(2x^2+3sin) = %.6f, split = %.6f, match = %s\n", r1, r2,
           fabs(r1 - r2) < match ? "True" : "False");
    double r3 = quad(q, ftc_f, NULL, a, b), r4 = quad(q, ftc_f, NULL, b, a);
    printf("  Reverse limits: int_1^4 = %.4f, int_4^1 = %.4f, sum = %.4f\n", r3, r4, r3 + r4);
    double r5 = quad(q, ftc_f, NULL, 1, 2), r6 = quad(q, ftc_f, NULL, 2, 4);
    printf("  Additivity: int_1^2 + int_2^4 = %.4f + %.4f = %.4f\n", r5, r6, r5 + r6);
    printf("  Empty interval: int_2^2 = %.4f\n", quad(q, ftc_f, NULL, 2, 2));
    printf("  (closed form 2pi^3/3 + 6 = %.6f; the reversed-limit sum is %.1e unrounded)\n",
           2 * PI * PI * PI / 3 + 6, r3 + r4);
}

/* G(x) = integral of f from 1 to x: the accumulated area as a function. */
typedef struct {
    const quad_cfg *q;
} area_fn;

static double accumulated(double x, void *p)
{
    const area_fn *g = p;
    return quad(g->q, ftc_f, NULL, 1, x);
}

static void ftc_part1(const quad_cfg *q)
{
    area_fn g = {q};
    chapter_table("ftc-part1", "part 1: the slope of the accumulated area is the integrand");
    printf("G(x) = integral of 3t^2 - 2t + 1 from 1 to x; G'(x) by a central difference\n");
    slope_table_col cols[] = {{"x", "%.2f", 5}, {"G(x)", "%.8f", 13}, {"G'(x)", "%.8f", 13},
                              {"f(x)", "%.8f", 13}, {"|G' - f|", "%.1e", 9}};
    header(cols, 5);
    const double xs[] = {1.0, 1.5, 2.0, 3.0, 4.0};
    for (int i = 0; i < 5; i++) {
        double d = slope_deriv_central(accumulated, &g, xs[i], slope_deriv_step_central(xs[i]));
        row(cols, 5, (double[]){xs[i], accumulated(xs[i], &g), d, ftc_f(xs[i], NULL),
                                fabs(d - ftc_f(xs[i], NULL))});
    }
}

/* ---- antiderivatives: the rule tables, checked --------------------------- */

/* Their antiderivatives F (constant C = 0). */
static double X5_5(double x, void *p) { (void)p; return pow(x, 5) / 5; }
static double X3_3p3x(double x, void *p) { (void)p; return x * x * x / 3 + 3 * x; }
static double FIVE_X(double x, void *p) { (void)p; return 5 * x; }
static double X4(double x, void *p) { (void)p; return pow(x, 4); }
static double LOG_ABS(double x, void *p) { (void)p; return log(fabs(x)); }
static double EXP2X_2(double x, void *p) { (void)p; return exp(2 * x) / 2; }
static double XLOGX_X(double x, void *p) { (void)p; return x * log(x) - x; }
static double NEG_COS(double x, void *p) { (void)p; return -cos(x); }
static double ATAN(double x, void *p) { (void)p; return atan(x); }
static double SQRT2PI_PHI(double x, void *p) { (void)p; return sqrt(2 * PI) * Phi(x); }

typedef struct {
    const char *f, *F;
    slope_fn fn, Fn;
    double a, b;   /* an interval where f is defined and continuous */
} rule;

static void antiderivatives(const quad_cfg *q)
{
    const double e = exp(1.0);
    const rule rules[] = {
        {"x^4", "x^5/5", x4, X5_5, 0, 1},          {"5", "5x", five, FIVE_X, 0, 2},
        {"x^2 + 3", "x^3/3 + 3x", x2p3, X3_3p3x, 0, 2}, {"4x^3", "x^4", four_x3, X4, 0, 2},
        {"1/x", "ln|x|", recip, LOG_ABS, 1, e},     {"1/x", "ln|x|", recip, LOG_ABS, -e, -1},
        {"e^x", "e^x", exp_fn, exp_fn, 0, 2},       {"e^(2x)", "e^(2x)/2", exp2x, EXP2X_2, 0, 1},
        {"ln x", "x ln x - x", log_fn, XLOGX_X, 1, e}, {"sin x", "-cos x", sine, NEG_COS, 0, PI},
        {"cos x", "sin x", cosine, sine, 0, PI / 2}, {"1/(1+x^2)", "arctan x", cauchy, ATAN, 0, 1},
        {"e^(-x^2/2)", "sqrt(2pi) Phi(x)", bell, SQRT2PI_PHI, -1, 1},
    };
    chapter_table("antiderivatives", "every rule checked: F' = f, and F(b) - F(a) = quadrature");
    printf("F'(m): central difference (default step) at the midpoint m of [a, b], against f(m)\n");
    printf("%-11s  %-16s  %8s  %15s  %13s  %13s  %8s\n", "f(x)", "F(x)", "|F'-f|", "[a, b]",
           "F(b) - F(a)", "quadrature", "|diff|");
    rule_line(96);
    for (size_t i = 0; i < sizeof rules / sizeof *rules; i++) {
        const rule *r = &rules[i];
        double m = (r->a + r->b) / 2;
        double dF = slope_deriv_central(r->Fn, NULL, m, slope_deriv_step_central(m));
        double ftc = r->Fn(r->b, NULL) - r->Fn(r->a, NULL), num = quad(q, r->fn, NULL, r->a, r->b);
        printf("%-11s  %-16s  %8.1e  [%6.3f, %6.3f]  %13.8f  %13.8f  %8.1e\n", r->f, r->F,
               fabs(dF - r->fn(m, NULL)), r->a, r->b, ftc, num, fabs(ftc - num));
    }
}

/* ---- integrals beside their closed forms ---------------------------------- */

static void print_pair(const char *title, double numerical, const char *label, double analytical)
{
    printf("%s\n  Numerical:  %.8f\n  Analytical%s: %.8f\n", title, numerical, label, analytical);
}

static void basic_rules(const quad_cfg *q)
{
    chapter_table("basic-rules", "power, sum and reciprocal rules: quadrature vs antiderivative");
    print_pair("integral x^4 from 0 to 1", quad(q, x4, NULL, 0, 1), " (1/5)", 0.2);
    print_pair("\nintegral (x^2+3) from 0 to 2", quad(q, x2p3, NULL, 0, 2), " (26/3)", 26.0 / 3);
    print_pair("\nintegral 1/x from 1 to e", quad(q, recip, NULL, 1, exp(1.0)), " (ln e = 1)", 1.0);
}

static void special_functions(const quad_cfg *q)
{
    const double e = exp(1.0);
    chapter_table("special-functions", "exponential, sine, logarithm and the normal density");
    print_pair("integral e^x from 0 to 2", quad(q, exp_fn, NULL, 0, 2), " (e^2 - 1)", e * e - 1);
    print_pair("\nintegral sin(x) from 0 to pi", quad(q, sine, NULL, 0, PI), "", 2.0);
    print_pair("\nintegral ln(x) from 1 to e", quad(q, log_fn, NULL, 1, e), "", 1.0);
    print_pair("\nintegral of N(0,1) pdf from -inf to +inf",
               quad(q, phi, NULL, -INFINITY, INFINITY), "", 1.0);
}

/* ---- substitution and integration by parts ------------------------------- */

/* A value that rounds to zero at `digits` decimals, printed as 0: without the
 * minus sign that a rounding-level negative would show (lesson, section 5). */
static double as_printed(double x, int digits)
{
    double scale = pow(10.0, digits);
    return fabs(x) * scale < 0.5 ? 0.0 : x;
}

static double sub_f(double x, void *p) { (void)p; return 2 * x * cos(x * x); }
static double ibp_f(double x, void *p) { (void)p; return x * exp(x); }
static double ibp_F(double x) { return exp(x) * (x - 1); }

static void substitution_parts(const quad_cfg *q)
{
    chapter_table("substitution-parts", "substitution and integration by parts");
    double sub = quad(q, sub_f, NULL, 0, sqrt(PI)), exact = sin(PI) - sin(0.0);
    print_pair("Substitution: integral 2x*cos(x^2) from 0 to sqrt(pi)", as_printed(sub, 8), "",
               as_printed(exact, 8));
    double u_side = quad(q, cosine, NULL, 0, PI);
    printf("  before rounding: quadrature %.2e, sin(pi) - sin(0) = %.2e;\n"
           "  after u = x^2, integral cos(u) from 0 to pi: %.2e\n", sub, exact, u_side);
    print_pair("\nIntegration by parts: integral x*e^x from 0 to 1", quad(q, ibp_f, NULL, 0, 1), "",
               ibp_F(1) - ibp_F(0));
    double uv = 1 * exp(1.0) - 0 * exp(0.0), v_du = quad(q, exp_fn, NULL, 0, 1);
    printf("  u = x, dv = e^x dx: [u v] from 0 to 1 = %.8f, minus integral v du = %.8f,"
           " gives %.8f\n", uv, v_du, uv - v_du);
}

/* ---- expectations as integrals ------------------------------------------- */

static double x2_phi(double x, void *p) { (void)p; return x * x * exp(-x * x / 2) / sqrt(2 * PI); }
static double x_exp(double x, void *p) { (void)p; return x * exp(-x); }
static double x2_exp(double x, void *p) { (void)p; return x * x * exp(-x); }

/* The integral of x^2 phi(x) outside [-c, c], in closed form (integrate by
 * parts once): 2 (c phi(c) + Q(c)), Q the upper tail, kept accurate by erfc. */
static double x2_phi_tail(double c)
{
    return 2 * (c * phi(c, NULL) + 0.5 * erfc(c / sqrt(2.0)));
}

static void expectations(const quad_cfg *q)
{
    chapter_table("expectations", "expectations are integrals against a density");
    printf("  E[X^2] for X~N(0,1), over [-10, 10] = %.8f  (expected: 1.0 = variance)\n",
           quad(q, x2_phi, NULL, -10, 10));
    printf("  the same over (-inf, inf): %.8f\n", quad(q, x2_phi, NULL, -INFINITY, INFINITY));
    printf("\nE[X] for X ~ Exp(1) (integral x*e^(-x) from 0 to inf):\n");
    double m1 = quad(q, x_exp, NULL, 0, INFINITY), m2 = quad(q, x2_exp, NULL, 0, INFINITY);
    printf("  Numerical: %.8f  (expected: 1.0 = 1/lambda)\n", m1);
    printf("  E[X^2] = %.8f, so Var[X] = E[X^2] - E[X]^2 = %.8f\n", m2, m2 - m1 * m1);
    printf("\nE[X^2] of N(0,1) over [-c, c] only: what the cut leaves out\n");
    slope_table_col cols[] = {{"c", "%.0f", 3}, {"quadrature", "%.10f", 13},
                              {"closed form", "%.10f", 13}, {"tail beyond +-c", "%.2e", 16}};
    header(cols, 4);
    const double cs[] = {1, 2, 3, 5, 8, 10};
    for (int i = 0; i < 6; i++)
        row(cols, 4, (double[]){cs[i], quad(q, x2_phi, NULL, -cs[i], cs[i]),
                                1 - x2_phi_tail(cs[i]), x2_phi_tail(cs[i])});
}

/* ---- areas --------------------------------------------------------------- */

static double x_minus_x2(double x, void *p) { (void)p; return x - x * x; }
static double x_minus_x3(double x, void *p) { (void)p; return x - x * x * x; }
static double abs_sine(double x, void *p) { (void)p; return fabs(sin(x)); }
static double abs_cosine(double x, void *p) { (void)p; return fabs(cos(x)); }
static double abs_x_minus_x3(double x, void *p) { (void)p; return fabs(x - x * x * x); }

/* The integral of f over [a, b], adding to *ncalls the calls of f it took. */
static double quad_counted(const quad_cfg *q, slope_fn f, double a, double b, long *ncalls)
{
    counted c = {f, 0};
    double r = quad(q, counted_call, &c, a, b);
    *ncalls += c.calls;
    return r;
}

typedef struct {
    const char *name;
    slope_fn f, absf;
    double a, b, cross;   /* f changes sign at cross only */
    double total;         /* the total area, in closed form */
} signed_area;

/* weave: total-area */
/* Total area two ways: |f| straight into the quadrature (a kink it must
 * find), or f integrated on each side of its sign change, sizes added. */
static void total_area(const quad_cfg *q, const signed_area *t)
{
    long direct = 0, split = 0, ignored = 0;
    double s = quad_counted(q, t->f, t->a, t->b, &ignored);
    double d = quad_counted(q, t->absf, t->a, t->b, &direct);
    double p = fabs(quad_counted(q, t->f, t->a, t->cross, &split)) +
               fabs(quad_counted(q, t->f, t->cross, t->b, &split));
    printf("%-20s  %11.8f  %11.8f  %5ld  %11.8f  %5ld  %11.8f\n", t->name, as_printed(s, 8), d,
           direct, p, split, t->total);
}
/* weave end */

static void areas(const quad_cfg *q)
{
    const signed_area rows[] = {
        {"sin x on [0, 2pi]", sine, abs_sine, 0, 2 * PI, PI, 4.0},
        {"x - x^3 on [-1, 1]", x_minus_x3, abs_x_minus_x3, -1, 1, 0, 0.5},
        {"cos x on [0, 2]", cosine, abs_cosine, 0, 2, PI / 2, 2 - sin(2.0)},
    };
    chapter_table("area", "area between curves; signed against total area");
    print_pair("Area between f(x)=x and g(x)=x^2 on [0,1]:", quad(q, x_minus_x2, NULL, 0, 1), "",
               0.5 - 1.0 / 3);
    printf("\nSigned integral, and the total area two ways: |f| integrated directly,\n"
           "or f split where it changes sign (each with the calls of f it took)\n");
    printf("%-20s  %11s  %11s  %5s  %11s  %5s  %11s\n", "f(x) on [a, b]", "signed", "|f| direct",
           "calls", "split", "calls", "exact total");
    rule_line(85);
    for (int i = 0; i < 3; i++)
        total_area(q, &rows[i]);
}

/* ---- ROC and AUC --------------------------------------------------------- */

/* The scores (draw_scores), the grid (roc_linspace01), the pair fraction
 * and the table roc-auc live in roc.c, which the course website's live
 * figure compiles too. */

/* numpy's linspace(0, 1, n), allocated (the caller frees it). */
static double *linspace01(int n)
{
    double *t = malloc((size_t)n * sizeof *t);
    chapter_require(t != NULL, "out of memory for the thresholds");
    roc_linspace01(t, n);
    return t;
}

/* The grid AUC over numpy's linspace(0, 1, nt), and how many distinct
 * (fpr, tpr) points the grid reached. */
static double grid_auc(const double *scores, const int *labels, int nt, int *distinct)
{
    double *t = malloc((size_t)nt * sizeof *t), *fpr = malloc((size_t)nt * sizeof *fpr),
           *tpr = malloc((size_t)nt * sizeof *tpr), auc;
    chapter_require(t && fpr && tpr, "out of memory for the grid's rates");
    chapter_check(roc_grid_auc(&auc, distinct, t, fpr, tpr, scores, labels, nt), "the grid AUC");
    free(t), free(fpr), free(tpr);
    return auc;
}

static void roc_auc(const double *scores, const int *labels, int nt, unsigned seed, double *exact)
{
    chapter_table("roc-auc", "the area under the ROC curve: a threshold grid and the exact curve");
    double *t = malloc((size_t)nt * sizeof *t), *gf = malloc((size_t)nt * sizeof *gf),
           *gt = malloc((size_t)nt * sizeof *gt);
    chapter_require(t && gf && gt, "out of memory for the grid's rates");
    roc_result r;
    chapter_check(roc_auc_table_print(stdout, &r, t, gf, gt, scores, labels, nt, seed),
                  "the ROC and its AUCs");
    *exact = r.exact;
    free(t), free(gf), free(gt);
}

/* ---- why the grid differs: it bins the scores ---------------------------- */

/* The index of the largest threshold <= s (-1 when s is below them all):
 * every score in one bin [t_k, t_k+1) is predicted alike at every threshold. */
static int bin_of(double s, const double *t, int nt)
{
    int lo = -1, hi = nt - 1;   /* t[lo] <= s (or lo == -1), answer in [lo, hi] */
    while (lo < hi) {
        int mid = lo + (hi - lo + 1) / 2;
        if (t[mid] <= s)
            lo = mid;
        else
            hi = mid - 1;
    }
    return lo;
}

/* Positive-negative pairs whose scores share a bin: the grid ties them. */
static long shared_pairs(const int *bins, const int *labels, int n)
{
    long k = 0;
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++)
            k += labels[i] == 1 && labels[j] == 0 && bins[i] == bins[j];
    return k;
}

static void grid_convergence(const double *scores, const int *labels, double exact)
{
    chapter_table("auc-grid", "a finer grid closes in on the exact AUC");
    printf("exact AUC %.8f; \"binned\" = the exact AUC of the scores replaced by their bin\n",
           exact);
    slope_table_col cols[] = {{"thresholds", "%.0f", 10}, {"grid AUC", "%.4f", 8},
                              {"grid AUC", "%.8f", 10},   {"- exact", "%+.2e", 9},
                              {"points", "%.0f", 6},       {"tied pairs", "%.0f", 10},
                              {"binned", "%.8f", 10}};
    header(cols, 7);
    int bins[N_SCORES];
    for (int nt = 20; nt <= 200000; nt *= 10) {
        int distinct;
        double grid = grid_auc(scores, labels, nt, &distinct), *t = linspace01(nt), binned;
        for (int i = 0; i < N_SCORES; i++)
            bins[i] = bin_of(scores[i], t, nt);
        double b[N_SCORES];
        for (int i = 0; i < N_SCORES; i++)
            b[i] = bins[i];
        chapter_check(slope_auc_exact(&binned, b, labels, N_SCORES, NULL), "the binned AUC");
        row(cols, 7, (double[]){nt, grid, grid, grid - exact, distinct,
                                (double)shared_pairs(bins, labels, N_SCORES), binned});
        free(t);
    }
}

typedef struct {
    double s;
    int label;
} scored;

static int by_score_desc(const void *pa, const void *pb)
{
    const scored *a = pa, *b = pb;
    return (a->s < b->s) - (a->s > b->s);
}

/* One bin holding both classes: its scores, high to low, and what the grid's
 * diagonal changes against the exact staircase.  The exact curve credits a
 * pair 1 when ranked right (positive higher), 0 when wrong; the grid ties
 * them and credits 1/2: a change of (wrong - right) / (2 P N). */
static double show_bin(const scored *v, int from, int to, int k, const double *t, double PN)
{
    long right = 0, wrong = 0;   /* pairs with the positive higher, with the negative higher */
    printf("%5d  [%.5f, %.5f)  ", k, t[k], t[k + 1]);
    for (int i = from; i < to; i++) {
        printf(" %.5f%c", v[i].s, v[i].label ? '+' : '-');
        for (int j = i + 1; j < to; j++)
            if (v[i].label != v[j].label && v[i].s != v[j].s)
                v[i].label ? right++ : wrong++;
    }
    double change = (wrong - right) / (2 * PN);   /* the grid gives each pair 1/2 */
    printf("\n%22spairs ranked right %ld, wrong %ld: grid - exact %+.6f\n", "", right, wrong,
           change);
    return change;
}

static void grid_bins(const double *scores, const int *labels, int nt, double exact)
{
    chapter_table("grid-bins", "where the grid's diagonals leave the exact staircase");
    double *t = linspace01(nt), total = 0, grid;
    scored v[N_SCORES];
    int P = 0, distinct;
    for (int i = 0; i < N_SCORES; i++)
        v[i] = (scored){scores[i], labels[i]}, P += labels[i];
    qsort(v, N_SCORES, sizeof *v, by_score_desc);
    printf("Bins of the %d-threshold grid holding both classes (+ positive, - negative)\n", nt);
    printf("  bin  [t_k, t_k+1)          scores, high to low\n");
    for (int from = 0, to; from < N_SCORES; from = to) {
        int k = bin_of(v[from].s, t, nt), pos = 0;
        for (to = from; to < N_SCORES && bin_of(v[to].s, t, nt) == k; to++)
            pos += v[to].label;
        if (pos > 0 && pos < to - from && k >= 0 && k + 1 < nt)
            total += show_bin(v, from, to, k, t, (double)P * (N_SCORES - P));
    }
    grid = grid_auc(scores, labels, nt, &distinct);
    printf("sum of the changes %+.8f = grid %.8f - exact %.8f\n", total, grid, exact);
    free(t);
}

/* ---- 9. Monte Carlo, and gradients of expectations ------------------------ */

/* A claim the lesson makes from a table: when it fails, say which and exit 1. */
static void claim(int ok, const char *what)
{
    if (!ok) {
        fprintf(stderr, "09-integration-auc: a claim of the lesson failed: %s\n"
                "HINT: the Monte Carlo numbers follow --mc-seed; rerun with the default seed\n"
                "and compare with the table above\n", what);
        exit(1);
    }
}

#define MC_DIMS 4
static const int mc_dims[MC_DIMS] = {1, 2, 4, 8};
#define MC_N 65536 /* 4^8 = 256^2 = 16^4: a whole k^d grid in every dimension */

/* The test integrand: a product of e^{x_j} / (e - 1) over [0, 1]^d, whose
 * integral is exactly 1 in every dimension, with a counter of its calls. */
typedef struct {
    long calls;
} product_fn;

static double exp_product(const double *x, size_t d, void *p)
{
    double v = 1;
    for (size_t j = 0; j < d; j++)
        v *= exp(x[j]) / (exp(1.0) - 1);
    if (p)
        ((product_fn *)p)->calls++;
    return v;
}

/* The midpoint rule on the k^d grid of cells of side 1/k: a tensor product
 * of chapter 2's midpoint sum, costing k^d calls. */
static double midpoint_grid(slope_fn_n f, size_t d, size_t k)
{
    size_t idx[8] = {0}, total = 1;
    double x[8], s = 0;
    for (size_t j = 0; j < d; j++)
        total *= k;
    for (size_t i = 0; i < total; i++) {
        for (size_t j = 0; j < d; j++)
            x[j] = (idx[j] + 0.5) / (double)k;
        s += f(x, d, NULL);
        for (size_t j = 0; j < d && ++idx[j] == k; j++) /* the next cell, like an odometer */
            idx[j] = 0;
    }
    return s / (double)total;
}

/* Gauss-Kronrod in every coordinate: the integral over x_j of the integral
 * over the coordinates after it, each by slope_integrate. */
typedef struct {
    const quad_cfg *q;
    product_fn *count;
    size_t d, j;
    double x[8];
} nested;

static double nested_level(double xj, void *p)
{
    nested *n = p;
    n->x[n->j] = xj;
    if (n->j + 1 == n->d)
        return exp_product(n->x, n->d, n->count);
    nested inner = *n;
    inner.j++;
    const double r = quad(n->q, nested_level, &inner, 0, 1);
    n->count->calls = inner.count->calls;
    return r;
}

static size_t grid_side(size_t n, size_t d)
{
    return (size_t)llround(pow((double)n, 1.0 / (double)d));
}

static void mc_dimension(const quad_cfg *q, unsigned mc_seed)
{
    chapter_table("mc-dimension", "Monte Carlo against quadrature as the dimension grows");
    printf("integral over [0, 1]^d of prod_j e^{x_j} / (e - 1) = 1 exactly; errors are result - 1\n");
    printf("     Monte Carlo, n = %d draws     midpoint grid, k^d = %d      Gauss-Kronrod per axis\n",
           MC_N, MC_N);
    printf("  d        error   std. error         k        error             calls        error\n");
    for (int i = 0; i < MC_DIMS; i++) {
        const size_t d = (size_t)mc_dims[i], k = grid_side(MC_N, d);
        double lo[8] = {0}, hi[8] = {1, 1, 1, 1, 1, 1, 1, 1}, work[8];
        slope_mc_estimate est;
        slope_rng r;
        slope_rng_seed(&r, mc_seed);
        chapter_check(slope_mc_integrate_box(&est, exp_product, NULL, lo, hi, d, MC_N, &r, work),
                      "a Monte Carlo integral");
        const double mid = midpoint_grid(exp_product, d, k) - 1;
        printf("  %zu    %+.2e     %.2e     %5zu    %+.2e", d, est.mean - 1, est.se, k, mid);
        if (d <= 4) {
            product_fn count = {0};
            nested n = {q, &count, d, 0, {0}};
            const double gk = quad(q, nested_level, &n, 0, 1) - 1;
            printf("     %13ld    %+.2e\n", count.calls, gk);
        } else {
            printf("     15^%zu = %.1e    not run\n", d, pow(15, (double)d));
        }
        claim(fabs(est.mean - 1) < 5 * est.se, "the Monte Carlo error is within 5 standard errors");
    }
}

/* Figure data: error against the number of calls for both rules. */
static void mc_dimension_data(FILE *fp, unsigned mc_seed)
{
    chapter_data_block(fp, "midpoint", "d k calls |error|");
    for (int i = 0; i < MC_DIMS; i++) {
        const size_t d = (size_t)mc_dims[i];
        for (size_t k = 2; pow((double)k, (double)d) <= 1.1e6; k = k < 8 ? k + 1 : k * 3 / 2)
            fprintf(fp, "%zu %zu %.0f %.6g\n", d, k, pow((double)k, (double)d),
                    fabs(midpoint_grid(exp_product, d, k) - 1));
        fprintf(fp, "\n");
    }
    chapter_data_block(fp, "monte carlo", "d n |error| se");
    for (int i = 0; i < MC_DIMS; i++) {
        const size_t d = (size_t)mc_dims[i];
        for (size_t n = 16; n <= 1048576; n *= 4) {
            double lo[8] = {0}, hi[8] = {1, 1, 1, 1, 1, 1, 1, 1}, work[8];
            slope_mc_estimate est;
            slope_rng r;
            slope_rng_seed(&r, mc_seed);
            chapter_check(slope_mc_integrate_box(&est, exp_product, NULL, lo, hi, d, n, &r, work),
                          "a Monte Carlo integral");
            fprintf(fp, "%zu %zu %.6g %.6g\n", d, n, fabs(est.mean - 1), est.se);
        }
        fprintf(fp, "\n");
    }
}

/* Leibniz's rule on F(theta) = integral from 0 to theta of e^{-theta x^2} dx:
 * the upper limit and the integrand both move with theta, so
 * F'(theta) = e^{-theta^3} + integral from 0 to theta of -x^2 e^{-theta x^2} dx. */
typedef struct {
    const quad_cfg *q;
    double theta;
} leibniz_p;

static double gauss_bump(double x, void *p)
{
    return exp(-((leibniz_p *)p)->theta * x * x);
}

static double gauss_bump_dtheta(double x, void *p)
{
    return -x * x * exp(-((leibniz_p *)p)->theta * x * x);
}

static double leibniz_F(double theta, void *p)
{
    leibniz_p lp = {((leibniz_p *)p)->q, theta};
    return quad(lp.q, gauss_bump, &lp, 0, theta);
}

static void leibniz(const quad_cfg *q)
{
    chapter_table("leibniz", "differentiating under the integral sign: Leibniz's rule checked");
    printf("F(theta) = integral from 0 to theta of e^{-theta x^2} dx\n");
    printf("  theta   dF/dtheta (central diff.)   boundary term   integral of df/dtheta"
           "            sum    |diff|\n");
    const double thetas[] = {0.5, 1.0, 1.5, 2.0};
    for (int i = 0; i < 4; i++) {
        leibniz_p lp = {q, thetas[i]};
        const double fd = slope_deriv_central(leibniz_F, &lp, lp.theta,
                                              slope_deriv_step_central(lp.theta));
        const double boundary = gauss_bump(lp.theta, &lp); /* f(b(theta), theta) b'(theta), b' = 1 */
        const double inside = quad(q, gauss_bump_dtheta, &lp, 0, lp.theta);
        printf("  %5.2f   %24.10f   %13.10f   %21.10f   %+.10f   %.1e\n", lp.theta, fd,
               boundary, inside, boundary + inside, fabs(fd - boundary - inside));
        /* both sides carry the quadrature's tolerance; 1e-7 is far above a
         * central difference's error at the default one */
        claim(fabs(fd - boundary - inside) < fmax(1e-7, 10 * fmax(q->epsabs, q->epsrel)),
              "Leibniz's rule matches the difference quotient of the quadrature");
    }
}

/* ---- gradients of an expectation: score function against reparameterisation */

static double square(double x, void *p) { (void)p; return x * x; }
static double twice(double x, void *p) { (void)p; return 2 * x; }
static double step_up(double x, void *p) { (void)p; return x > 0 ? 1.0 : 0.0; }
static double zero_fn(double x, void *p) { (void)p; (void)x; return 0.0; }

/* weave: estimators */
/* The three estimators of d/dtheta E f(x), x ~ N(theta, sigma^2), each on
 * its own copy of one random stream (the same draws). */
static void three_estimates(slope_mc_estimate est[3], slope_fn f, slope_fn df, double baseline,
                            double theta, double sigma, size_t n, const slope_rng *stream)
{
    slope_rng r = *stream;
    chapter_check(slope_mc_grad_score(&est[0], f, NULL, theta, sigma, 0.0, n, &r), "score");
    r = *stream;
    chapter_check(slope_mc_grad_score(&est[1], f, NULL, theta, sigma, baseline, n, &r),
                  "score with a baseline");
    r = *stream;
    chapter_check(slope_mc_grad_reparam(&est[2], df, NULL, theta, sigma, n, &r), "reparam");
}
/* weave end */

#define GRAD_THETA 1.5
#define GRAD_SIGMA 1.0
#define GRAD_N 10000

static void gradient_estimators(unsigned mc_seed)
{
    chapter_table("grad-estimators", "score function against reparameterisation: d/dtheta E f(x)");
    const double th = GRAD_THETA, sg = GRAD_SIGMA;
    slope_rng stream;
    slope_rng_seed(&stream, mc_seed);
    const char *names[3] = {"score function", "score, baseline", "reparameterised"};
    printf("x ~ N(theta, sigma^2), theta = %g, sigma = %g, %d draws each (the same draws)\n", th,
           sg, GRAD_N);
    printf("%-17s %10s %10s %9s   %14s %14s\n", "estimator", "estimate", "std. error",
           "error/se", "var. per draw", "exact var.");
    /* f = x^2: gradient 2 theta; variances of one term from the moments of N(0, 1) */
    const double exact = 2 * th, b = th * th + sg * sg;
    const double var[3] = {pow(th, 4) / (sg * sg) + 14 * th * th + 15 * sg * sg,
                           8 * th * th + 10 * sg * sg, 4 * sg * sg};
    slope_mc_estimate est[3];
    three_estimates(est, square, twice, b, th, sg, GRAD_N, &stream);
    printf("f(x) = x^2: exact gradient 2 theta = %g; baseline b = E f = theta^2 + sigma^2 = %g\n",
           exact, b);
    for (int k = 0; k < 3; k++) {
        printf("  %-15s %10.5f %10.5f %+9.2f   %14.3f %14.3f\n", names[k], est[k].mean, est[k].se,
               (est[k].mean - exact) / est[k].se, est[k].var, var[k]);
        claim(fabs(est[k].mean - exact) < 5 * est[k].se, "each estimate is within 5 standard errors");
        claim(fabs(est[k].var / var[k] - 1) < 0.3, "each per-draw variance is within 30% of exact");
    }
    /* f = 1{x > 0}: E f = Phi(theta / sigma), gradient phi(theta / sigma) / sigma */
    const double ex2 = exp(-th * th / (2 * sg * sg)) / (sg * sqrt(2 * PI)), b2 = Phi(th / sg);
    three_estimates(est, step_up, zero_fn, b2, th, sg, GRAD_N, &stream);
    printf("f(x) = 1 if x > 0, else 0: exact gradient phi(theta/sigma)/sigma = %.5f;"
           " b = Phi(theta/sigma) = %.5f\n", ex2, b2);
    /* E[eps^2; eps > -c] = Phi(c) - c phi(c), c = theta / sigma, splits the score's second moment */
    const double c = th / sg, up = Phi(c) - c * sg * ex2, down = 1 - up;
    const double var2[2] = {up / (sg * sg) - ex2 * ex2,
                            ((1 - b2) * (1 - b2) * up + b2 * b2 * down) / (sg * sg) - ex2 * ex2};
    for (int k = 0; k < 3; k++) {
        if (k < 2) {
            printf("  %-15s %10.5f %10.5f %+9.2f   %14.3f %14.3f\n", names[k], est[k].mean,
                   est[k].se, as_printed((est[k].mean - ex2) / est[k].se, 2), est[k].var, var2[k]);
            claim(fabs(est[k].mean - ex2) < 5 * est[k].se, "the score estimates are within 5 se");
            claim(fabs(est[k].var / var2[k] - 1) < 0.3, "their variances are within 30% of exact");
        } else {
            printf("  %-15s %10.5f %10.5f %9s   %14.3f %14s\n", names[k], est[k].mean, est[k].se,
                   "-", est[k].var, "-");
        }
    }
    claim(est[2].mean == 0 && est[2].se == 0, "the pathwise estimate of a step is exactly 0");
    printf("the pathwise estimator averages f'(x) = 0 (true almost everywhere) and misses the jump\n");
}

/* The 1/sqrt(n) law for the estimators of the x^2 gradient: the error and the
 * standard error as n grows. */
static void gradient_sqrt_n(unsigned mc_seed)
{
    chapter_table("grad-sqrt-n", "the estimators' errors shrink like 1/sqrt(n)");
    const double th = GRAD_THETA, sg = GRAD_SIGMA, exact = 2 * th, b = th * th + sg * sg;
    slope_rng stream;
    slope_rng_seed(&stream, mc_seed);
    printf("f(x) = x^2, theta = %g, sigma = %g; |estimate - 2 theta| and (std. error)\n", th, sg);
    printf("%9s  %22s  %22s  %22s\n", "draws n", "score function", "score, baseline",
           "reparameterised");
    for (size_t n = 100; n <= 1000000; n *= 10) {
        slope_mc_estimate est[3];
        three_estimates(est, square, twice, b, th, sg, n, &stream);
        printf("%9zu ", n);
        for (int k = 0; k < 3; k++)
            printf("   %9.2e (%9.2e)", fabs(est[k].mean - exact), est[k].se);
        printf("\n");
    }
}

/* ---- figure data ---------------------------------------------------------- */

/* Under --data DIR the program also writes the files that plots/09-*.gp draw.
 * Each file holds named blocks that gnuplot selects with `index "[NAME]"`. */

static double ident(double x, void *p) { (void)p; return x; }

/* f and g sampled over [lo, hi] as the block NAME: x f(x) g(x). */
static void curves_block(FILE *fp, const char *name, slope_fn f, slope_fn g, double lo, double hi)
{
    chapter_data_block(fp, name, "x f(x) g(x)");
    for (int i = 0; i <= 300; i++) {
        double x = lo + (hi - lo) * i / 300;
        fprintf(fp, "%.10g %.10g %.10g\n", x, f(x, NULL), g(x, NULL));
    }
}

/* Figure 09-area: the area table's first row, x against x^2 on [0, 1], and its
 * last, cos x on [0, 2], whose signed and total areas differ. */
static void figure_area(const quad_cfg *q)
{
    FILE *fp = chapter_data("area.dat");
    if (!fp)
        return;
    curves_block(fp, "x and x^2", ident, x2, -0.25, 1.25);
    chapter_data_block(fp, "between", "area between x and x^2 on [0, 1]: quadrature, exact");
    fprintf(fp, "%.10g %.10g\n", quad(q, x_minus_x2, NULL, 0, 1), 0.5 - 1.0 / 3);
    curves_block(fp, "cos", cosine, abs_cosine, -0.25, 2.25);
    chapter_data_block(fp, "cos areas", "signed and total area of cos x on [0, 2], sign change at pi/2");
    fprintf(fp, "%.10g %.10g %.10g\n", quad(q, cosine, NULL, 0, 2),
            fabs(quad(q, cosine, NULL, 0, PI / 2)) + fabs(quad(q, cosine, NULL, PI / 2, 2)), PI / 2);
    chapter_data_close(fp);
}

/* Figure 09-roc: the exact ROC curve of section 8's scores, the grid's curve,
 * and both areas. */
static void figure_roc(const double *scores, const int *labels, int nt, double exact)
{
    FILE *fp = chapter_data("roc.dat");
    if (!fp)
        return;
    double fpr[N_SCORES + 1], tpr[N_SCORES + 1];
    size_t np;
    chapter_check(slope_auc_roc(fpr, tpr, NULL, &np, scores, labels, N_SCORES, NULL), "the ROC");
    chapter_data_block(fp, "exact", "fpr tpr: the exact curve, threshold falling from +inf");
    for (size_t i = 0; i < np; i++)
        fprintf(fp, "%.10g %.10g\n", fpr[i], tpr[i]);
    double *t = linspace01(nt), *gf = malloc((size_t)nt * sizeof *gf),
           *gt = malloc((size_t)nt * sizeof *gt), grid;
    chapter_require(gf && gt, "out of memory for the grid's rates");
    chapter_check(slope_auc_grid(&grid, gf, gt, t, (size_t)nt, scores, labels, N_SCORES),
                  "the grid AUC");
    chapter_data_block(fp, "grid", "threshold fpr tpr on the grid");
    for (int i = 0; i < nt; i++)
        fprintf(fp, "%.10g %.10g %.10g\n", t[i], gf[i], gt[i]);
    chapter_data_block(fp, "auc", "exact grid thresholds");
    fprintf(fp, "%.10g %.10g %d\n", exact, grid, nt);
    free(t), free(gf), free(gt);
    chapter_data_close(fp);
}

/* Figure 09-mc-dimension: error against calls of f for the midpoint grid
 * and Monte Carlo in d = 1, 2, 4, 8. */
static void figure_mc(unsigned mc_seed)
{
    FILE *fp = chapter_data("mc-dimension.dat");
    if (!fp)
        return;
    mc_dimension_data(fp, mc_seed);
    chapter_data_close(fp);
}

int main(int argc, char **argv)
{
    quad_cfg q = {sqrt(DBL_EPSILON), sqrt(DBL_EPSILON), 50};   /* quad's defaults: 1.49e-8, 50 */
    int seed = 42, thresholds = 200, mc_seed = 42;
    const chapter_opt opts[] = {
        {"seed", CHAPTER_INT, &seed, "random seed of the scores and labels (0 to 2147483647)"},
        {"thresholds", CHAPTER_INT, &thresholds,
         "number of grid thresholds in [0, 1] (2 to 1000000)"},
        {"epsabs", CHAPTER_DOUBLE, &q.epsabs, "absolute tolerance of every quadrature (>= 0)"},
        {"epsrel", CHAPTER_DOUBLE, &q.epsrel, "relative tolerance of every quadrature (>= 0)"},
        {"limit", CHAPTER_INT, &q.limit, "most subintervals of a quadrature (1 to 100000)"},
        {"mc-seed", CHAPTER_INT, &mc_seed,
         "random seed of every Monte Carlo estimate (0 to 2147483647)"},
    };
    chapter_parse(argc, argv,
                  "Chapter 09: integration, from antiderivatives to the area under the ROC curve.",
                  opts, sizeof opts / sizeof *opts);
    chapter_require(seed >= 0, "--seed must be between 0 and 2147483647");
    chapter_require(mc_seed >= 0, "--mc-seed must be between 0 and 2147483647");
    chapter_require(thresholds >= 2 && thresholds <= 1000000,
                    "--thresholds must be between 2 and 1000000");
    chapter_require(q.epsabs >= 0 && q.epsrel >= 0, "--epsabs and --epsrel must not be negative");
    /* below 50 eps relative no double result can be trusted (lib/integrate.h) */
    chapter_require(q.epsabs > 0 || q.epsrel >= 50 * DBL_EPSILON,
                    "--epsabs must be positive, or --epsrel at least 50 * DBL_EPSILON (1.1e-14)");
    chapter_require(q.limit >= 1 && q.limit <= 100000, "--limit must be between 1 and 100000");
    riemann(&q);
    ftc_part1(&q);
    fundamental_theorem(&q);
    antiderivatives(&q);
    basic_rules(&q);
    special_functions(&q);
    substitution_parts(&q);
    expectations(&q);
    areas(&q);
    double scores[N_SCORES], exact;
    int labels[N_SCORES];
    draw_scores(scores, labels, (unsigned)seed);
    roc_auc(scores, labels, thresholds, (unsigned)seed, &exact);
    grid_convergence(scores, labels, exact);
    grid_bins(scores, labels, thresholds, exact);
    mc_dimension(&q, (unsigned)mc_seed);
    leibniz(&q);
    gradient_estimators((unsigned)mc_seed);
    gradient_sqrt_n((unsigned)mc_seed);

    figure_area(&q);
    figure_roc(scores, labels, thresholds, exact);
    figure_mc((unsigned)mc_seed);
    return 0;
}
