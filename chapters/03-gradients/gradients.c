/*
 * Chapter 03 -- partial derivatives and gradients.
 *
 * Prints every table of lesson.md, in the lesson's order: the partial
 * derivatives and the gradient of f(x, y) = x^2 y + 3 y^2 at (2, 1); the
 * directional derivative around the circle of unit directions, whose maximum
 * sits on grad/|grad|; the gradient's magnitude shrinking on the way into a
 * minimum; the gradient against the contour through (2, 1); the arrows of
 * the bowl L = w1^2 + w2^2 at a chosen point; and why -grad points at the
 * minimum of a round bowl but not of a stretched one.
 *
 * Try: --w1 -0.4 --w2 1.8 (the point of the two arrows), --directions 36.
 */
#include <float.h>
#include <math.h>
#include <stdio.h>

#include "chapter.h"
#include "arrows.h"
#include "slope.h"

#define DEG (180.0 / PI)

/* ---- the functions this chapter studies ---------------------------------- */

/* f(x, y) = x^2 y + 3 y^2 with p = (x, y): the chapter's running example. */
static double f_xy(const double *p, size_t n, void *params)
{
    (void)n, (void)params;
    return p[0] * p[0] * p[1] + 3 * p[1] * p[1];
}

/* Its gradient, worked by hand: (2xy, x^2 + 6y). */
static void grad_f_xy(double g[2], const double p[2])
{
    g[0] = 2 * p[0] * p[1];
    g[1] = p[0] * p[0] + 6 * p[1];
}

/* The bowl a (w1 - c1)^2 + b (w2 - c2)^2 (bowl, grad_bowl) and plus_zero
 * live in arrows.c, which the course website's live figure compiles too. */

/* weave: line */
/* A function of two variables seen along the line p + t u: an ordinary
 * function of one variable t, so chapter 01's derivative applies to it.
 * With u = e_i it is a partial derivative; with any unit u, the directional
 * derivative D_u f(p). */
typedef struct {
    slope_fn_n f;
    void *params;
    double p[2], u[2];
} line2;

static double along(double t, void *ctx)
{
    const line2 *l = ctx;
    double q[2] = {l->p[0] + t * l->u[0], l->p[1] + t * l->u[1]};
    return l->f(q, 2, l->params);
}

static double directional(slope_fn_n f, void *params, const double p[2], const double u[2],
                          double h)
{
    line2 l = {f, params, {p[0], p[1]}, {u[0], u[1]}};
    return slope_deriv_central(along, &l, 0.0, h);
}
/* weave end */

/* The angle between a and b in degrees, in [0, 180]; atan2 stays exact
 * where acos(cos) would lose the small angles to rounding. */
static double angle_deg(const double a[2], const double b[2])
{
    return atan2(fabs(a[0] * b[1] - a[1] * b[0]), slope_linalg_dot(a, b, 2)) * DEG;
}

/* cos(90 deg) is 6e-17, not 0, because PI is rounded; show the exact 0 it
 * stands for rather than "-0.0000". */
static double tidy(double v)
{
    return fabs(v) < DBL_EPSILON ? 0.0 : v;
}

/* numpy's str() of a 2-vector, into buf. */
static const char *np2(char *buf, size_t size, const double v[2])
{
    chapter_check(slope_table_numpy_vector(buf, size, v, 2), "formatting a vector");
    return buf;
}

/* ---- 1. partial derivatives and the gradient ------------------------------ */

static void partials(void)
{
    chapter_table("partials", "partial derivatives of f(x, y) = x^2 y + 3 y^2 at (2, 1)");
    const double p[2] = {2.0, 1.0}, h = 1e-5; /* a common fixed step */
    const char *name[2] = {"df/dx", "df/dy"}, *held[2] = {"y = 1", "x = 2"};
    char buf[64];
    double g[2], num[2], work[2];
    grad_f_xy(g, p);
    chapter_check(slope_table_repr(buf, sizeof buf, f_xy(p, 2, NULL)), "formatting f");
    printf("f(x, y) = x^2 y + 3 y^2;  f(2, 1) = %s\n\n", buf);
    printf("  partial  held fixed  analytical  numerical (h = 1e-5)  |difference|\n");
    for (int i = 0; i < 2; i++) {
        const double e[2] = {i == 0, i == 1};
        double d = directional(f_xy, NULL, p, e, h);
        printf("  %-7s  %-10s  %10.4f  %20.4f  %12.1e\n", name[i], held[i], g[i], d,
               fabs(d - g[i]));
    }
    chapter_check(slope_deriv_gradient(num, f_xy, NULL, p, 2, h, work), "the numerical gradient");
    double norm = slope_linalg_norm2(g, 2);
    double up[2] = {g[0] / norm, g[1] / norm}, down[2] = {-g[0] / norm, -g[1] / norm};
    printf("\n  gradient (analytical):             %s\n", np2(buf, sizeof buf, g));
    printf("  gradient (slope_deriv_gradient):   %s\n", np2(buf, sizeof buf, num));
    printf("  magnitude |grad f| (steepness):    %.4f\n", norm);
    printf("  steepest ascent,  grad/|grad|:     %s\n", np2(buf, sizeof buf, up));
    printf("  steepest descent, -grad/|grad|:    %s  (the way gradient descent steps)\n",
           np2(buf, sizeof buf, down));
}

/* ---- 2. the gradient is the direction of steepest ascent ------------------ */

/* The unit vector at `deg` degrees from the w1 axis. */
static void unit_at(double u[2], double deg)
{
    u[0] = tidy(cos(deg / DEG));
    u[1] = tidy(sin(deg / DEG));
}

static void steepest_ascent(int ndir)
{
    chapter_table("steepest-ascent", "the directional derivative of f at (2, 1) around the circle");
    const double p[2] = {2.0, 1.0}, h = slope_deriv_step_central(0.0);
    double g[2], u[2];
    grad_f_xy(g, p);
    printf("D_u f = d/dt f(p + t u) at t = 0 (central difference in t), against grad f . u\n");
    slope_table_col cols[] = {{"angle", "%.0f", 5},
                              {"u1", "%.4f", 7},
                              {"u2", "%.4f", 7},
                              {"D_u f", "%.4f", 8},
                              {"grad.u", "%.4f", 8}};
    chapter_check(slope_table_header(stdout, cols, 5, "  "), "printing the table");
    for (int a = 0; a < 360; a += 30) {
        unit_at(u, a);
        double row[] = {a, u[0], u[1], directional(f_xy, NULL, p, u, h), slope_linalg_dot(g, u, 2)};
        chapter_check(slope_table_row(stdout, cols, 5, "  ", row), "printing the table");
    }
    double best = -INFINITY, worst = INFINITY, abest = 0, aworst = 0;
    for (int k = 0; k < ndir; k++) {
        unit_at(u, 360.0 * k / ndir);
        double d = directional(f_xy, NULL, p, u, h);
        if (d > best)
            best = d, abest = 360.0 * k / ndir;
        if (d < worst)
            worst = d, aworst = 360.0 * k / ndir;
    }
    double step = 360.0 / ndir;
    printf("\nsearching %d unit directions in steps of %.4g degree%s:\n", ndir, step,
           step == 1.0 ? "" : "s");
    printf("  largest  D_u f = %+.6f at %8.4f degrees\n", best, abest);
    printf("  smallest D_u f = %+.6f at %8.4f degrees\n", worst, aworst);
    printf("  grad/|grad| lies at %.4f degrees, and |grad f| = %.6f\n", atan2(g[1], g[0]) * DEG,
           slope_linalg_norm2(g, 2));
}

/* ---- 3. the magnitude shrinks near a minimum ------------------------------ */

static void magnitude(void)
{
    chapter_table("magnitude", "|grad L| on the way into the minimum of (w1 - 2)^2 + (w2 + 1)^2");
    double k[4] = {1, 1, 2, -1}; /* a = b = 1, minimum at (2, -1) */
    const double pts[5][2] = {{5.0, 3.0}, {3.0, 0.0}, {2.5, -0.5}, {2.1, -0.9}, {2.0, -1.0}};
    printf("L(w1, w2) = (w1 - 2)^2 + (w2 + 1)^2, minimum at (2, -1)\n");
    slope_table_col cols[] = {{"w1", "%+.1f", 5},     {"w2", "%+.1f", 5},
                              {"L", "%7.3f", 7},      {"dL/dw1", "%+.2f", 7},
                              {"dL/dw2", "%+.2f", 7}, {"|grad L|", "%.4f", 8},
                              {"distance", "%.4f", 8}};
    chapter_check(slope_table_header(stdout, cols, 7, "  "), "printing the table");
    for (int i = 0; i < 5; i++) {
        double g[2], off[2] = {pts[i][0] - k[2], pts[i][1] - k[3]};
        grad_bowl(g, pts[i], k);
        double row[] = {pts[i][0],
                        pts[i][1],
                        bowl(pts[i], 2, k),
                        g[0],
                        g[1],
                        slope_linalg_norm2(g, 2),
                        slope_linalg_norm2(off, 2)};
        chapter_check(slope_table_row(stdout, cols, 7, "  ", row), "printing the table");
    }
}

/* ---- 4. the gradient is perpendicular to the contours --------------------- */

static void contour_tangent(void)
{
    chapter_table("contour-tangent",
                  "moving along the contour of f through (2, 1) versus across it");
    const double p[2] = {2.0, 1.0}, h = slope_deriv_step_central(0.0);
    double g[2];
    grad_f_xy(g, p);
    double norm = slope_linalg_norm2(g, 2);
    double n[2] = {g[0] / norm, g[1] / norm}, t[2] = {-n[1], n[0]}; /* t: n turned 90 degrees */
    printf("tangent t = (%.4f, %.4f), normal n = grad/|grad| = (%.4f, %.4f), t . n = %.1e\n", t[0],
           t[1], n[0], n[1], slope_linalg_dot(t, n, 2));
    printf("D_t f = %+.1e    D_n f = %+.4f\n\n", directional(f_xy, NULL, p, t, h),
           directional(f_xy, NULL, p, n, h));
    slope_table_col cols[] = {{"s", "%.0e", 6},
                              {"f(p+s t)-f(p)", "%+.3e", 13},
                              {"/ s^2", "%+.4f", 8},
                              {"f(p+s n)-f(p)", "%+.3e", 13},
                              {"/ s", "%+.4f", 8}};
    chapter_check(slope_table_header(stdout, cols, 5, "  "), "printing the table");
    const double steps[] = {1e-1, 1e-2, 1e-3, 1e-4};
    for (int i = 0; i < 4; i++) {
        double s = steps[i];
        double qt[2] = {p[0] + s * t[0], p[1] + s * t[1]},
               qn[2] = {p[0] + s * n[0], p[1] + s * n[1]};
        double dt = f_xy(qt, 2, NULL) - f_xy(p, 2, NULL), dn = f_xy(qn, 2, NULL) - f_xy(p, 2, NULL);
        double row[] = {s, dt, dt / (s * s), dn, dn / s};
        chapter_check(slope_table_row(stdout, cols, 5, "  ", row), "printing the table");
    }
}

/* The contour f = 7 solved for y: 3y^2 + x^2 y - 7 = 0, the root through (2, 1). */
static double contour_y(double x)
{
    return (-x * x + sqrt(x * x * x * x + 12 * 7.0)) / 6;
}

static void contour_chords(void)
{
    chapter_table("contour-chords", "chords of the contour f = 7 meet the gradient at 90 degrees");
    const double p[2] = {2.0, 1.0}, dx[] = {-0.1, -0.01, -0.001, 0.001, 0.01, 0.1};
    double g[2];
    grad_f_xy(g, p);
    printf("points (2 + dx, y) on the contour x^2 y + 3 y^2 = 7, joined to p = (2, 1)\n");
    printf("(the contour's own slope there is -(df/dx)/(df/dy) = %.4f)\n", -g[0] / g[1]);
    slope_table_col cols[] = {{"dx", "%+.3f", 6},
                              {"y", "%.8f", 10},
                              {"f(2+dx, y)", "%.10f", 13},
                              {"chord slope", "%.6f", 11},
                              {"angle(chord, grad)", "%.4f", 18}};
    chapter_check(slope_table_header(stdout, cols, 5, "  "), "printing the table");
    for (int i = 0; i < 6; i++) {
        double q[2] = {p[0] + dx[i], contour_y(p[0] + dx[i])};
        double chord[2] = {q[0] - p[0], q[1] - p[1]};
        double row[] = {dx[i], q[1], f_xy(q, 2, NULL), chord[1] / chord[0], angle_deg(chord, g)};
        chapter_check(slope_table_row(stdout, cols, 5, "  ", row), "printing the table");
    }
}

/* ---- 5. two arrows on the bowl w1^2 + w2^2 ------------------------------- */

/* The table and its computation are arrows.c's, shared with the course website. */
static void bowl_arrows(const double w[2])
{
    chapter_table("arrows", "the gradient arrows of L = w1^2 + w2^2 at the chosen point");
    arrows_result r;
    chapter_check(arrows_table_print(stdout, &r, w), "the arrows table");
}

/* ---- 6. -grad aims at the minimum only when the bowl is round -------------- */

static void aim(const double w[2])
{
    chapter_table("aim", "does -grad L point at the minimum?");
    const char *name[2] = {"round     w1^2 +    w2^2", "stretched w1^2 + 10 w2^2"};
    double k[2][4] = {{1, 1, 0, 0}, {1, 10, 0, 0}};
    double to_min[2] = {-w[0], -w[1]};
    printf("from (w1, w2) = (%+.4f, %+.4f); the minimum of both bowls is (0, 0)\n", w[0], w[1]);
    printf("  bowl                      -grad L                angle to the minimum\n");
    for (int i = 0; i < 2; i++) {
        double g[2];
        grad_bowl(g, w, k[i]);
        double down[2] = {plus_zero(-g[0]), plus_zero(-g[1])};
        printf("  %s  (%+8.4f, %+8.4f)   ", name[i], down[0], down[1]);
        if (slope_linalg_norm2(down, 2) == 0.0)
            printf("none: the point is the minimum\n");
        else
            printf("%8.4f degrees\n", angle_deg(down, to_min));
    }
}

/* ---- figure data ------------------------------------------------------------ */

/* Under --data DIR the program also writes the file that plots/03-*.gp draw.
 * It holds named blocks that gnuplot selects with `index "[NAME]"`. */

/* Figure 03-gradient-arrows: the bowl w1^2 + w2^2 on a square around the
 * origin that also holds the chosen point; -grad L on a 9 x 9 grid of points,
 * every arrow scaled by the one factor that makes the longest 0.9 of a grid
 * cell (so lengths compare); and the two arrows at the chosen point. */
static void figure_arrows(const double w[2])
{
    FILE *fp = chapter_data("gradient-arrows.dat");
    if (!fp)
        return;
    double k[4] = {1, 1, 0, 0}, g[2], work[2];
    const double r = fmax(2.0, 1.25 * fmax(fabs(w[0]), fabs(w[1]))), cell = 2 * r / 8;
    const double h = slope_deriv_step_central(r);
    chapter_data_block(fp, "L", "w1 w2 L on a 61 x 61 grid (rows of constant w1)");
    for (int i = 0; i <= 60; i++) {
        for (int j = 0; j <= 60; j++) {
            double p[2] = {-r + 2 * r * i / 60, -r + 2 * r * j / 60};
            fprintf(fp, "%.6g %.6g %.6g\n", p[0], p[1], bowl(p, 2, k));
        }
        fputc('\n', fp);
    }
    /* the grid's corners are farthest from the minimum: the longest arrows */
    double corner[2] = {r, r};
    chapter_check(slope_deriv_gradient(g, bowl, k, corner, 2, h, work), "the gradient");
    const double scale = 0.9 * cell / slope_linalg_norm2(g, 2);
    chapter_data_block(fp, "field", "w1 w2 and the drawn arrow -scale*grad L, then |grad L|");
    for (int i = 0; i <= 8; i++)
        for (int j = 0; j <= 8; j++) {
            double p[2] = {-r + cell * i, -r + cell * j};
            chapter_check(slope_deriv_gradient(g, bowl, k, p, 2, h, work), "the gradient");
            fprintf(fp, "%.6g %.6g %.6g %.6g %.6g\n", p[0], p[1], -scale * g[0], -scale * g[1],
                    slope_linalg_norm2(g, 2));
        }
    grad_bowl(g, w, k);
    chapter_data_block(fp, "point", "w1 w2 L, grad L, the drawn arrow scale*grad L, and scale");
    fprintf(fp, "%.6g %.6g %.6g %.6g %.6g %.6g %.6g %.6g\n", w[0], w[1], bowl(w, 2, k), g[0],
            g[1], scale * g[0], scale * g[1], scale);
    chapter_data_close(fp);
}

int main(int argc, char **argv)
{
    double w[2] = {1.5, 1.0};
    int ndir = 360;
    const chapter_opt opts[] = {
        {"w1", CHAPTER_DOUBLE, &w[0],
         "first coordinate of the point of the two arrows (|w1| <= 1e6)"},
        {"w2", CHAPTER_DOUBLE, &w[1],
         "second coordinate of the point of the two arrows (|w2| <= 1e6)"},
        {"directions", CHAPTER_INT, &ndir,
         "unit directions searched for the steepest ascent (3 to 1e7)"},
    };
    chapter_parse(argc, argv, "Chapter 03: partial derivatives, the gradient and its geometry.",
                  opts, sizeof opts / sizeof *opts);
    /* 1e6 keeps 10 w^2 and the differences of the numerical gradient far
     * from overflow while leaving any point a student would try. */
    w[0] = plus_zero(w[0]), w[1] = plus_zero(w[1]); /* "--w1 -0" is the point 0 */
    chapter_require(fabs(w[0]) <= 1e6 && fabs(w[1]) <= 1e6,
                    "--w1 and --w2 must lie in [-1e6, 1e6]");
    chapter_require(ndir >= 3 && ndir <= 10000000,
                    "--directions must be 3 to 10000000: fewer than 3 cannot surround the point");
    partials();
    steepest_ascent(ndir);
    magnitude();
    contour_tangent();
    contour_chords();
    bowl_arrows(w);
    aim(w);

    figure_arrows(w);
    return 0;
}
