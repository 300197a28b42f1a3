/*
 * arrows.c -- chapter 03's arrows table (arrows.h), for the chapter program
 * and the website's live figure alike.
 */
#include "arrows.h"

double bowl(const double *w, size_t n, void *params)
{
    const double *k = params;
    (void)n;
    return k[0] * (w[0] - k[2]) * (w[0] - k[2]) + k[1] * (w[1] - k[3]) * (w[1] - k[3]);
}

void grad_bowl(double g[2], const double w[2], const double k[4])
{
    g[0] = 2 * k[0] * (w[0] - k[2]);
    g[1] = 2 * k[1] * (w[1] - k[3]);
}

double plus_zero(double v)
{
    return v + 0.0;
}

/* The point slid straight toward the minimum, a row per fraction of w. */
static slope_status arrows_slide(FILE *out, const double w[2], double k[4])
{
    slope_table_col cols[] = {{"fraction", "%.2f", 8},
                              {"w1", "%+.4f", 8},
                              {"w2", "%+.4f", 8},
                              {"L", "%.6f", 9},
                              {"|grad L|", "%.6f", 9}};
    fprintf(out, "\nsliding the point straight toward the minimum at (0, 0):\n");
    slope_status s = slope_table_header(out, cols, 5, "  ");
    const double frac[] = {1.0, 0.5, 0.25, 0.1, 0.01, 0.0};
    for (int i = 0; i < 6 && s == SLOPE_OK; i++) {
        double q[2] = {plus_zero(frac[i] * w[0]), plus_zero(frac[i] * w[1])}, gq[2];
        grad_bowl(gq, q, k);
        double row[] = {frac[i], q[0], q[1], bowl(q, 2, k), slope_linalg_norm2(gq, 2)};
        s = slope_table_row(out, cols, 5, "  ", row);
    }
    return s;
}

slope_status arrows_table_print(FILE *out, arrows_result *r, const double w[2])
{
    double k[4] = {1, 1, 0, 0}, work[2];
    grad_bowl(r->g, w, k);
    slope_status s = slope_deriv_gradient(r->num, bowl, k, w, 2, slope_deriv_step_central(1.0), work);
    if (s != SLOPE_OK)
        return s;
    r->norm = slope_linalg_norm2(r->g, 2);
    r->L = bowl(w, 2, k);
    fprintf(out, "point (w1, w2) = (%+.4f, %+.4f),  L = %.4f\n", w[0], w[1], r->L);
    fprintf(out, "  grad L = (2 w1, 2 w2)  = (%+.4f, %+.4f)   uphill arrow\n", r->g[0], r->g[1]);
    fprintf(out, "  numerical grad L       = (%+.4f, %+.4f)\n", r->num[0], r->num[1]);
    fprintf(out, "  -grad L                = (%+.4f, %+.4f)   steepest-descent arrow\n",
            plus_zero(-r->g[0]), plus_zero(-r->g[1]));
    fprintf(out, "  |grad L|               = %.4f  (= 2 x distance to the minimum)\n", r->norm);
    s = arrows_slide(out, w, k);
    if (s != SLOPE_OK)
        return s;
    return ferror(out) ? SLOPE_EDOM : SLOPE_OK;
}
