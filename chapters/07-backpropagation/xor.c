/*
 * xor.c -- chapter 07's XOR weights and its training table (xor.h), for the
 * chapter program and the website's live figure alike.
 */
#include "xor.h"

#include <math.h>
#include <stdint.h>

/* weave: draw-weights */
/* np.random.seed(seed); W1 = randn(2, H) * 0.5; W2 = randn(H, 1) * 0.5.
 * randn fills an array in row-major order, one normal deviate per entry,
 * W1's eight before W2's four.  The biases start at zero. */
void draw_weights(double *w1, double *w2, const config *c)
{
    slope_rng r;
    slope_rng_seed(&r, (uint32_t)c->seed);
    for (int i = 0; i < XOR_IN * c->hidden; i++)
        w1[i] = slope_rng_gauss(&r) * 0.5;
    for (int i = 0; i < c->hidden; i++)
        w2[i] = slope_rng_gauss(&r) * 0.5;
}
/* weave end */

slope_status xor_net_init(slope_mlp_net *net, const config *c)
{
    double w1[XOR_IN * XOR_MAX_HIDDEN], w2[XOR_MAX_HIDDEN];
    if (c->hidden < 1 || c->hidden > XOR_MAX_HIDDEN)
        return SLOPE_EINVAL;
    draw_weights(w1, w2, c);
    return slope_mlp_xor_init(net, w1, w2, (size_t)c->hidden);
}

int xor_milestone(int k, int epochs)
{
    static const int rows[] = {0, 100, 250, 500, 750, 1000, 1500, 2000, 2500};
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++)
        if (k == rows[i])
            return 1;
    return k == epochs - 1;
}

slope_status xor_print_array(FILE *out, const char *label, const double *a, size_t rows,
                             size_t cols)
{
    char buf[4096];
    if (*label)
        fprintf(out, "%s\n", label);
    slope_status s = rows == 1 ? slope_table_numpy_vector(buf, sizeof buf, a, cols)
                               : slope_table_numpy_matrix(buf, sizeof buf, a, rows, cols);
    if (s == SLOPE_OK)
        fprintf(out, "%s\n", buf);
    else
        for (size_t r = 0; r < rows; r++) {
            for (size_t c = 0; c < cols; c++)
                fprintf(out, " %+.6e", a[r * cols + c]);
            fprintf(out, "\n");
        }
    return ferror(out) ? SLOPE_EDOM : SLOPE_OK;
}

/* np.round(a2, 3) as numpy prints it (rint: numpy rounds half to even), and
 * the unrounded values. */
static slope_status print_predictions(FILE *out, const double *a2)
{
    double r[XOR_ROWS];
    for (size_t i = 0; i < XOR_ROWS; i++)
        r[i] = rint(a2[i] * 1000.0) / 1000.0;
    slope_status s = xor_print_array(out, "", r, 1, XOR_ROWS);
    fprintf(out, "  unrounded: %.6f %.6f %.6f %.6f\n", a2[0], a2[1], a2[2], a2[3]);
    return s != SLOPE_OK || ferror(out) ? SLOPE_EDOM : SLOPE_OK;
}

slope_status xor_training_table(FILE *out, slope_mlp_net *net, const double *losses,
                                const config *c)
{
    if (c->epochs < 1) /* the table ends with losses[epochs - 1] */
        return SLOPE_EINVAL;
    fprintf(out, "Full batch of 4 rows, lr %g, %d epochs, %d hidden units, random seed %d\n",
            c->lr, c->epochs, c->hidden, c->seed);
    slope_table_col cols[] = {{"epoch", "%.0f", 6}, {"loss", "%.6f", 9}};
    slope_status s = slope_table_header(out, cols, 2, "  ");
    for (int k = 0; k < c->epochs && s == SLOPE_OK; k++)
        if (xor_milestone(k, c->epochs))
            s = slope_table_row(out, cols, 2, "  ", (double[]){k, losses[k]});
    if (s != SLOPE_OK)
        return s;
    fprintf(out, "\nThe loop's \"final predictions\" (should be ~0, 1, 1, 0): a2 of the last\n"
                 "forward pass, at the start of epoch %d, BEFORE its update; loss %.6f\n",
            c->epochs - 1, losses[c->epochs - 1]);
    if ((s = print_predictions(out, net->a2)) != SLOPE_OK)
        return s;
    double after;
    if ((s = slope_mlp_forward(&after, net, slope_mlp_xor_x, slope_mlp_xor_t)) != SLOPE_OK)
        return s;
    fprintf(out, "\nThe trained network's own predictions, AFTER the final update; loss %.6f\n",
            after);
    return print_predictions(out, net->a2);
}
