/*
 * Chapter 01 -- derivatives.
 *
 * Prints every table of lesson.md, in the lesson's order: the slope of a line
 * against the slopes of a curve, the secant slopes closing in on the tangent,
 * the difference quotient from first principles, the error of forward and
 * central differences as h shrinks, the power rule and its companions, the
 * second-derivative test (and where it says nothing), the special-derivatives
 * table, and how the activations' slopes fade as |x| grows.
 *
 * Try: --x0 2 --h 0.25 (your own secant), --curve-at 0.5 (the error curve),
 * --power-at 3 (the power rule), --at 0 (the special table at ReLU's kink).
 */
#include <float.h>
#include <math.h>
#include <stdio.h>

#include "chapter.h"
#include "slope.h"

static double square(double x, void *p) { (void)p; return x * x; }
static double sine(double x, void *p) { (void)p; return sin(x); }
static double cosine(double x, void *p) { (void)p; return cos(x); }
static double cubic(double x, void *p) { (void)p; return x * x * x - 3 * x; }
static double line(double x, void *p) { (void)p; return 3 * x + 1; }

/* Every printed table goes through these two; a failed write is an error. */
static void header(const slope_table_col *cols, size_t n)
{
    chapter_check(slope_table_header(stdout, cols, n, "  "), "printing a table");
}

static void row(const slope_table_col *cols, size_t n, const double *values)
{
    chapter_check(slope_table_row(stdout, cols, n, "  ", values), "printing a table");
}

/* ---- slope of a line, slope of a curve ------------------------------------ */

/* Rise over run between x1 and x2 is the forward difference with h = x2 - x1. */
static void line_vs_curve(void)
{
    chapter_table("line-vs-curve", "rise over run: the same for a line, not for a curve");
    printf("Slope (f(x2) - f(x1)) / (x2 - x1) for the line y = 3x + 1 and the curve y = x^2\n");
    slope_table_col cols[] = {{"x1", "%.1f", 5}, {"x2", "%.2f", 5},
                              {"line", "%.4f", 8}, {"curve x^2", "%.4f", 10}};
    header(cols, 4);
    const double pairs[][2] = {{0, 1}, {1, 3}, {-2, 5}, {2, 2.5}, {2, 2.01}};
    for (int i = 0; i < 5; i++) {
        double x1 = pairs[i][0], run = pairs[i][1] - x1;
        row(cols, 4, (double[]){x1, pairs[i][1], slope_deriv_forward(line, NULL, x1, run),
                                slope_deriv_forward(square, NULL, x1, run)});
    }
    printf("The line's slope never changes; the curve's is x1 + x2, which tends to 2*x1.\n");
}

/* ---- secant to tangent ----------------------------------------------------- */

/* The repr of x ("1.0", "0.25"): the shortest text that reads back as x, the way
 * Python prints a float. */
static const char *repr(char *buf, size_t size, double x)
{
    chapter_check(slope_table_repr(buf, size, x), "formatting a number");
    return buf;
}

static void secant(double x0, double h_user)
{
    chapter_table("secant", "secant slopes of x^2 closing in on the tangent");
    char a[32], b[32];
    printf("Secant slopes of f(x) = x^2 at x0 = %s; the tangent's slope is f'(x0) = %s\n",
           repr(a, sizeof a, x0), repr(b, sizeof b, 2 * x0));
    slope_table_col cols[] = {{"h", "%.6f", 10}, {"Secant slope", "%.8f", 14},
                              {"Error", "%.2e", 10}};
    header(cols, 3);
    const double hs[] = {1.0, 0.5, 0.1, 0.01, 0.001, 1e-6};
    for (int i = 0; i < 6; i++) {
        double slope = slope_deriv_forward(square, NULL, x0, hs[i]);
        row(cols, 3, (double[]){hs[i], slope, fabs(slope - 2 * x0)});
    }
    double s = slope_deriv_forward(square, NULL, x0, h_user);
    printf("Your secant (--h %s): through (%g, %g) and (%g, %g), slope %.8g;\n",
           repr(a, sizeof a, h_user), x0, square(x0, NULL), x0 + h_user,
           square(x0 + h_user, NULL), s);
    char sign = x0 < 0 ? '+' : '-'; /* (x + 1.5), not (x - -1.5) */
    printf("  secant line y = %.8g (x %c %g) + %g, tangent line y = %g (x %c %g) + %g\n",
           s, sign, fabs(x0), square(x0, NULL), 2 * x0, sign, fabs(x0), square(x0, NULL));
}

/* ---- first principles: forward and central differences -------------------- */

/* weave: first-principles */
static void first_principles(void)
{
    chapter_table("first-principles",
                  "f(x) = x^2: forward (h = 1e-7) and central (h = 1e-6) vs 2x");
    for (int x = 0; x <= 3; x++)
        printf("  x=%d: forward=%.6f, central=%.6f, analytical=%.6f\n", x,
               slope_deriv_forward(square, NULL, x, 1e-7),
               slope_deriv_central(square, NULL, x, 1e-6), 2.0 * x);
    printf("\n  f(x) = sin(x), central difference (h = 1e-6) vs cos(x):\n");
    const double xs[] = {0.0, PI / 4, PI / 2, PI};
    for (int i = 0; i < 4; i++)
        printf("  x=%.4f: numerical=%.6f, analytical=%.6f\n", xs[i],
               slope_deriv_central(sine, NULL, xs[i], 1e-6), cos(xs[i]));
}
/* weave end */

/* ---- the error as h shrinks -------------------------------------------------- */

/* Index of the smallest of v[0..n-1]. */
static int argmin(const double *v, int n)
{
    int best = 0;
    for (int k = 1; k < n; k++)
        if (v[k] < v[best])
            best = k;
    return best;
}

/* The measured errors beside the three estimates of the lesson: the leading
 * Taylor terms h|f''|/2 (forward) and h^2|f'''|/6 (central), and the
 * rounding level eps|f|/h that grows as h shrinks. */
static void error_curve(double x)
{
    enum { NH = 13 };
    chapter_table("error-curve", "error of forward and central differences of sin at x");
    double h[NH], ef[NH], ec[NH];
    for (int k = 0; k < NH; k++)
        h[k] = pow(10.0, -(k + 1));
    chapter_check(slope_deriv_error_curve(ef, ec, sine, NULL, x, cos(x), h, NH), "the error curve");
    printf("d/dx sin(x) at x = %.4f: |error| of each quotient against cos(x),\n"
           "beside its leading Taylor term and the rounding level eps*|f(x)|/h\n", x);
    slope_table_col cols[] = {{"h", "%.0e", 7},          {"forward", "%.2e", 10},
                              {"h|f''|/2", "%.2e", 10},  {"central", "%.2e", 10},
                              {"h^2|f'''|/6", "%.2e", 12}, {"eps|f|/h", "%.2e", 10}};
    header(cols, 6);
    for (int k = 0; k < NH; k++)
        row(cols, 6, (double[]){h[k], ef[k], h[k] * fabs(sin(x)) / 2, ec[k],
                                h[k] * h[k] * fabs(cos(x)) / 6, DBL_EPSILON * fabs(sin(x)) / h[k]});
    int bf = argmin(ef, NH), bc = argmin(ec, NH);
    printf("smallest forward error %.2e at h = %.0e; "
           "the default step sqrt(eps)*max(|x|,1) = %.2e\n",
           ef[bf], h[bf], slope_deriv_step_forward(x));
    printf("smallest central error %.2e at h = %.0e; "
           "the default step cbrt(eps)*max(|x|,1) = %.2e\n",
           ec[bc], h[bc], slope_deriv_step_central(x));
}

/* ---- the power rule and its companions ------------------------------------- */

/* f(x) = sum of c * x^n over at most three terms. */
typedef struct {
    const char *name;
    int nterms;
    double c[3], n[3];
} polynomial;

static double poly_value(double x, void *p)
{
    const polynomial *q = p;
    double y = 0;
    for (int i = 0; i < q->nterms; i++)
        y += q->c[i] * pow(x, q->n[i]);
    return y;
}

/* weave: power-rule */
/* d/dx sum c x^n = sum c n x^(n-1): the power rule, applied term by term
 * (the sum rule), each term scaled by its constant (the constant multiple). */
static double poly_rule(const polynomial *q, double x)
{
    double dy = 0;
    for (int i = 0; i < q->nterms; i++)
        dy += q->c[i] * q->n[i] * pow(x, q->n[i] - 1);
    return dy;
}
/* weave end */

static void power_rule(double x)
{
    static polynomial fs[] = {
        {"x^3", 1, {1}, {3}},           {"x^(1/2)", 1, {1}, {0.5}},
        {"x^(-1)", 1, {1}, {-1}},        {"x^2.5", 1, {1}, {2.5}},
        {"5", 1, {5}, {0}},              {"4x^3", 1, {4}, {3}},
        {"x^3 + x^2", 2, {1, 1}, {3, 2}}, {"x^3 - 3x + 7", 3, {1, -3, 7}, {3, 1, 0}},
    };
    chapter_table("power-rule",
                  "the power rule, constant multiple and sum rule vs central differences");
    double h = slope_deriv_step_central(x);
    printf("At x = %g; central difference with the default step h = %.2e\n", x, h);
    printf("%-14s  %14s  %14s  %9s\n", "f(x)", "rule f'(x)", "central", "|diff|");
    printf("---------------------------------------------------------\n");
    for (size_t i = 0; i < sizeof fs / sizeof *fs; i++) {
        double rule = poly_rule(&fs[i], x), num = slope_deriv_central(poly_value, &fs[i], x, h);
        printf("%-14s  %14.8f  %14.8f  %9.1e\n", fs[i].name, rule, num, fabs(rule - num));
    }
}

/* ---- the second derivative ------------------------------------------------- */

static void second_derivative_test(void)
{
    chapter_table("second-derivative-test", "the second-derivative test on f(x) = x^3 - 3x");
    printf("Critical points of f(x) = x^3 - 3x, where f'(x) = 3x^2 - 3 = 0, classified by the\n"
           "sign of f''(x) = 6x; f' by a central, f'' by a second difference (default steps)\n");
    printf("%6s  %6s  %9s  %10s  %s\n", "x*", "f(x*)", "f'(x*)", "f''(x*)", "verdict");
    printf("----------------------------------------------------------------------------\n");
    const double crit[] = {-1.0, 1.0};
    for (int i = 0; i < 2; i++) {
        double x = crit[i];
        double f1 = slope_deriv_central(cubic, NULL, x, slope_deriv_step_central(x));
        double f2 = slope_deriv_second(cubic, NULL, x, slope_deriv_step_second(x));
        printf("%+6.1f  %+6.1f  %+9.1e  %+10.6f  f'' %s 0: %s\n", x, cubic(x, NULL), f1, f2,
               f2 > 0 ? ">" : "<",
               f2 > 0 ? "local minimum (concave up)" : "local maximum (concave down)");
    }
}

static double quartic(double x, void *p) { (void)p; return x * x * x * x; }
static double neg_quartic(double x, void *p) { (void)p; return -x * x * x * x; }
static double pure_cubic(double x, void *p) { (void)p; return x * x * x; }

/* Where f''(0) is 0 the test is silent; the neighbours f(-d), f(+d) decide. */
static void flat_second_derivative(void)
{
    const double d = 0.1;   /* a visible distance either side of the point */
    const struct { const char *name; slope_fn f; } fs[] = {
        {"x^4", quartic}, {"-x^4", neg_quartic}, {"x^3", pure_cubic}};
    chapter_table("second-derivative-zero", "when f''(x*) = 0 the test is inconclusive");
    printf("Three functions with f'(0) = 0 and f''(0) = 0; "
           "f(0) against its neighbours at 0 -/+ %g\n", d);
    printf("%-6s  %9s  %9s  %9s  %9s  %9s  %s\n", "f(x)", "f'(0)", "f''(0)", "f(-0.1)", "f(0)",
           "f(+0.1)", "so x = 0 is");
    printf("--------------------------------------------------------------------------\n");
    for (int i = 0; i < 3; i++) {
        double f1 = slope_deriv_central(fs[i].f, NULL, 0, slope_deriv_step_central(0));
        double f2 = slope_deriv_second(fs[i].f, NULL, 0, slope_deriv_step_second(0));
        double l = fs[i].f(-d, NULL), m = fs[i].f(0, NULL), r = fs[i].f(d, NULL);
        const char *kind = l > m && r > m ? "a minimum" : l < m && r < m ? "a maximum" : "neither";
        /* m + 0.0 prints -x^4's value at 0, a negative zero, as 0 */
        printf("%-6s  %9.1e  %9.1e  %9.1e  %9.1e  %9.1e  %s\n", fs[i].name, f1, f2, l, m + 0.0, r,
               kind);
    }
}

/* ---- the special-derivatives table ----------------------------------------- */

/* An activation as the library's forward/backward pair (lib/mlp.h). */
typedef struct {
    const char *name;
    slope_status (*forward)(double *y, const double *x, size_t n);
    slope_status (*backward)(double *dx, const double *dy, const double *y, size_t n);
} activation;

static activation sigmoid_act = {"sigma", slope_mlp_sigmoid_forward, slope_mlp_sigmoid_backward};
static activation tanh_act = {"tanh", slope_mlp_tanh_forward, slope_mlp_tanh_backward};
static activation relu_act = {"ReLU", slope_mlp_relu_forward, slope_mlp_relu_backward};

static double act_value(double x, void *p)
{
    const activation *a = p;
    double y;
    chapter_check(a->forward(&y, &x, 1), "an activation's forward pass");
    return y;
}

/* The backward pass with an incoming gradient of 1 is the derivative itself. */
static double act_slope(double x, void *p)
{
    const activation *a = p;
    double y = act_value(x, p), dy = 1.0, dx = 0.0;
    chapter_check(a->backward(&dx, &dy, &y, 1), "an activation's backward pass");
    return dx;
}

static double exp_fn(double x, void *p) { (void)p; return exp(x); }
static double log_fn(double x, void *p) { (void)p; return log(x); }
static double recip(double x, void *p) { (void)p; return 1 / x; }
static double neg_sine(double x, void *p) { (void)p; return -sin(x); }

static void special_derivatives(double x)
{
    const double h = 1e-6;       /* a common fixed step for a central difference */
    const double agree = 1e-5;   /* far above the ~1e-10 error at this h */
    const struct { const char *name; slope_fn f, df; void *p; } fs[] = {
        {"e^x", exp_fn, exp_fn, NULL},          {"ln(x)", log_fn, recip, NULL},
        {"sin(x)", sine, cosine, NULL},         {"cos(x)", cosine, neg_sine, NULL},
        {"sigma(x)", act_value, act_slope, &sigmoid_act},
        {"tanh(x)", act_value, act_slope, &tanh_act},
        {"ReLU(x)", act_value, act_slope, &relu_act}};
    chapter_table("special-derivatives",
                  "the special derivatives: central difference vs the formula");
    printf("At x = %g, central difference with h = %g; \"yes\" when they agree within %g\n", x, h,
           agree);
    printf("%-12s  %12s  %12s  %s\n", "Function", "Numerical", "Analytical", "Match");
    printf("----------------------------------------------------\n");
    for (int i = 0; i < 7; i++) {
        double num = slope_deriv_central(fs[i].f, fs[i].p, x, h), ana = fs[i].df(x, fs[i].p);
        if (!isfinite(num) || !isfinite(ana))
            printf("%-12s  %12s  %12s  -    (not finite at x - h, x + h)\n", fs[i].name,
                   "undefined", "undefined");
        else
            printf("%-12s  %12.6f  %12.6f  %s\n", fs[i].name, num, ana,
                   fabs(num - ana) < agree ? "yes" : "NO");
    }
}

/* The activations' derivatives (their backward passes) as |x| grows. */
static void saturation(void)
{
    chapter_table("activation-slopes", "how the activations' slopes fade as |x| grows");
    printf("Derivatives from the library's backward passes (lib/mlp.h)\n");
    slope_table_col cols[] = {{"x", "%.0f", 5}, {"sigma'(x)", "%.2e", 10},
                              {"tanh'(x)", "%.2e", 10}, {"ReLU'(x)", "%.0f", 9}};
    header(cols, 4);
    const double xs[] = {-5, -1, 0, 1, 2, 5, 10};
    for (int i = 0; i < 7; i++)
        row(cols, 4, (double[]){xs[i], act_slope(xs[i], &sigmoid_act), act_slope(xs[i], &tanh_act),
                                act_slope(xs[i], &relu_act)});
    double peak = act_slope(0, &sigmoid_act);
    printf("sigma' peaks at sigma'(0) = %g: through 10 sigmoid layers their slopes alone\n"
           "multiply a gradient by at most %g^10 = %.3g (the vanishing gradient)\n",
           peak, peak, pow(peak, 10));
}

/* ---- figure data ------------------------------------------------------------ */

/* Under --data DIR the program also writes the files that plots/01-*.gp draw.
 * Each file holds named blocks that gnuplot selects with `index "[NAME]"`;
 * every number in them comes from the functions and the library above. */

/* Point k of n + 1 equally spaced points from a to b (the last one is b). */
static double grid_point(double a, double b, int k, int n)
{
    return k == n ? b : a + (b - a) * k / n;
}

/* f on n + 1 points of [a, b], with f' (central) and f'' (second difference)
 * at the library's default steps. */
static void curve_block(FILE *fp, const char *name, slope_fn f, double a, double b, int n)
{
    chapter_data_block(fp, name, "x f(x) f'(x) f''(x)");
    for (int k = 0; k <= n; k++) {
        double x = grid_point(a, b, k, n);
        fprintf(fp, "%.10g %.10g %.10g %.10g\n", x, f(x, NULL),
                slope_deriv_central(f, NULL, x, slope_deriv_step_central(x)),
                slope_deriv_second(f, NULL, x, slope_deriv_step_second(x)));
    }
}

/* The critical points xs[0..n-1] of f, named by the sign of f'' there. */
static void extrema_block(FILE *fp, const char *name, slope_fn f, const double *xs, int n)
{
    chapter_data_block(fp, name, "x f(x) f'(x) f''(x) kind");
    for (int i = 0; i < n; i++) {
        double x = xs[i], f2 = slope_deriv_second(f, NULL, x, slope_deriv_step_second(x));
        fprintf(fp, "%.10g %.10g %.10g %.10g %s\n", x, f(x, NULL),
                slope_deriv_central(f, NULL, x, slope_deriv_step_central(x)), f2,
                f2 > 0 ? "min" : "max");
    }
}

/* Four secants of x^2 at x0, each drawn from a little left of x0 to a
 * little right of x0 + h, and the tangent they turn into. */
static void secant_blocks(FILE *fp, double x0)
{
    const double hs[] = {1.0, 0.5, 0.2, 0.05}, y0 = square(x0, NULL);
    curve_block(fp, "x^2", square, x0 - 1.5, x0 + 1.5, 300);
    chapter_data_block(fp, "secants", "h slope x0+h f(x0+h), then the drawn segment xa ya xb yb");
    for (int i = 0; i < 4; i++) {
        double h = hs[i], s = slope_deriv_forward(square, NULL, x0, h);
        double xa = x0 - 0.3, xb = x0 + h + 0.2;
        fprintf(fp, "%g %.10g %.10g %.10g %.10g %.10g %.10g %.10g\n", h, s, x0 + h,
                square(x0 + h, NULL), xa, y0 + s * (xa - x0), xb, y0 + s * (xb - x0));
    }
    double t = slope_deriv_central(square, NULL, x0, slope_deriv_step_central(x0));
    chapter_data_block(fp, "tangent", "x0 f(x0) slope, then the drawn segment xa ya xb yb");
    fprintf(fp, "%.10g %.10g %.10g %.10g %.10g %.10g %.10g\n", x0, y0, t, x0 - 0.6,
            y0 - 0.6 * t, x0 + 0.6, y0 + 0.6 * t);
}

static double third_minus_x(double x, void *p) { (void)p; return x * x * x / 3 - x; }

/* Figure 01-derivative-geometry: secants to tangent; sin rising and falling;
 * x^3/3 - x beside its derivative x^2 - 1. */
static void figure_geometry(double x0)
{
    FILE *fp = chapter_data("derivative-geometry.dat");
    if (!fp)
        return;
    secant_blocks(fp, x0);
    curve_block(fp, "sin", sine, 0.0, 3 * PI, 600);
    extrema_block(fp, "sin extrema", sine, (const double[]){PI / 2, 3 * PI / 2, 5 * PI / 2}, 3);
    curve_block(fp, "x^3/3 - x", third_minus_x, -2.5, 2.5, 500);
    extrema_block(fp, "x^3/3 - x extrema", third_minus_x, (const double[]){-1.0, 1.0}, 2);
    chapter_data_close(fp);
}

/* Figure 01-second-derivative-test: x^3 - 3x, its f' and f'', the critical
 * points, and the inflection point where the sampled f'' changes sign. */
static void figure_second_derivative(void)
{
    FILE *fp = chapter_data("second-derivative-test.dat");
    if (!fp)
        return;
    const int n = 500;
    const double a = -2.5, b = 2.5;
    curve_block(fp, "x^3 - 3x", cubic, a, b, n);
    extrema_block(fp, "critical points", cubic, (const double[]){-1.0, 1.0}, 2);
    chapter_data_block(fp, "inflection", "x f(x), where f'' changes sign between two samples");
    double xp = a, f2p = slope_deriv_second(cubic, NULL, a, slope_deriv_step_second(a));
    for (int k = 1; k <= n; k++) {
        double x = grid_point(a, b, k, n);
        double f2 = slope_deriv_second(cubic, NULL, x, slope_deriv_step_second(x));
        if ((f2p < 0) != (f2 < 0)) {
            double xi = xp - f2p * (x - xp) / (f2 - f2p);   /* linear interpolation */
            fprintf(fp, "%.10g %.10g\n", xi, cubic(xi, NULL));
        }
        xp = x, f2p = f2;
    }
    chapter_data_close(fp);
}

/* Figure 01-error-curve: the error table's V on a fine grid of steps, from
 * h = 1 down to 1e-15 in eight steps per decade, and the default steps. */
static void figure_error_curve(double x)
{
    enum { NH = 121 };
    FILE *fp = chapter_data("error-curve.dat");
    if (!fp)
        return;
    double h[NH], ef[NH], ec[NH];
    for (int k = 0; k < NH; k++)
        h[k] = pow(10.0, -k / 8.0);
    chapter_check(slope_deriv_error_curve(ef, ec, sine, NULL, x, cos(x), h, NH), "the error curve");
    chapter_data_block(fp, "errors", "h forward central h|f''|/2 h^2|f'''|/6 eps|f|/h, for sin at x");
    for (int k = 0; k < NH; k++)
        fprintf(fp, "%.10g %.10g %.10g %.10g %.10g %.10g\n", h[k], ef[k], ec[k],
                h[k] * fabs(sin(x)) / 2, h[k] * h[k] * fabs(cos(x)) / 6,
                DBL_EPSILON * fabs(sin(x)) / h[k]);
    double hf = slope_deriv_step_forward(x), hc = slope_deriv_step_central(x), errf, errc;
    chapter_check(slope_deriv_error_curve(&errf, NULL, sine, NULL, x, cos(x), &hf, 1),
                  "the error at the default step");
    chapter_check(slope_deriv_error_curve(NULL, &errc, sine, NULL, x, cos(x), &hc, 1),
                  "the error at the default step");
    chapter_data_block(fp, "default steps", "h |error|: forward at sqrt(eps)*max(|x|,1), then central");
    fprintf(fp, "%.10g %.10g\n%.10g %.10g\n", hf, errf, hc, errc);
    chapter_data_block(fp, "x", "the point x and sin(x)");
    fprintf(fp, "%.10g %.10g\n", x, sin(x));
    chapter_data_close(fp);
}

int main(int argc, char **argv)
{
    double x0 = 1.0, h = 0.25, curve_at = 1.0, power_at = 2.0, at = 1.0;
    const chapter_opt opts[] = {
        {"x0", CHAPTER_DOUBLE, &x0, "point of the secant table"},
        {"h", CHAPTER_DOUBLE, &h, "step of your own secant (> 0)"},
        {"curve-at", CHAPTER_DOUBLE, &curve_at, "point of the error curve of sin"},
        {"power-at", CHAPTER_DOUBLE, &power_at, "point of the power-rule table (> 0)"},
        {"at", CHAPTER_DOUBLE, &at, "point of the special-derivatives table"},
    };
    chapter_parse(argc, argv,
                  "Chapter 01: derivatives, from secants to the special-derivatives table.",
                  opts, sizeof opts / sizeof *opts);
    chapter_require(h > 0, "--h must be positive: a secant needs two distinct points");
    chapter_require(fabs(x0) + h < 1e150,
                    "--x0 and --h must keep (x0 + h)^2 finite (|x0| + h < 1e150)");
    chapter_require(power_at > 0, "--power-at must be positive: x^(1/2) and x^(-1) need x > 0");
    chapter_require(power_at < 1e100, "--power-at must be below 1e100 so x^3 stays finite");
    line_vs_curve();
    secant(x0, h);
    first_principles();
    error_curve(curve_at);
    power_rule(power_at);
    second_derivative_test();
    flat_second_derivative();
    special_derivatives(at);
    saturation();

    figure_geometry(x0);
    figure_second_derivative();
    figure_error_curve(curve_at);
    return 0;
}
