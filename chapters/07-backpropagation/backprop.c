/*
 * Chapter 07 -- backpropagation.
 *
 * Prints every table of lesson.md, in the lesson's order: the 2-4-1 XOR
 * network and its initial weights (numpy's random seed 0, drawn by
 * lib/rng.h); one forward pass; the backward pass written out with the
 * library's layer functions, against the network's own backward pass;
 * full-batch training (the loss by epoch, the predictions a typical loop
 * prints, which precede the last update, and those after it); the size of
 * each layer's gradient during training; the same network trained with a
 * linear output and binary cross-entropy on the logit, against the sigmoid +
 * MSE one from the same weights (losses, output-layer gradients, and the
 * output signal 2 (a - y) sigma'(z) against a - y); the gradient check as the step
 * shrinks, and a classic bug it catches; vanishing and exploding gradients
 * as long products of sigma'(z) w.
 *
 * Try: --lr 2 (faster), --hidden 2 (too narrow?), --seed 1, --epochs 10000.
 */
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chapter.h"
#include "slope.h"
#include "xor.h"

enum {
    ROWS = XOR_ROWS,             /* the four XOR rows: the whole batch */
    IN = XOR_IN,                 /* two inputs */
    MAX_HIDDEN = XOR_MAX_HIDDEN, /* the --hidden cap: every array here has a fixed size */
    MAX_DEPTH = 50,              /* the deepest chain of the long-product tables */
    MAX_PARAMS = IN * MAX_HIDDEN + MAX_HIDDEN + MAX_HIDDEN + 1
};

/* The options (config), the initial weights (draw_weights) and the table
 * xor-training live in xor.c, which the website's live figure shares. */

/* ---- printing ---------------------------------------------------------------- */

static void header(const slope_table_col *cols, size_t n)
{
    chapter_check(slope_table_header(stdout, cols, n, "  "), "printing a table");
}

static void row(const slope_table_col *cols, size_t n, const double *values)
{
    chapter_check(slope_table_row(stdout, cols, n, "  ", values), "printing a table");
}

/* A rows x cols array as numpy's str() prints it (xor.h). */
static void print_array(const char *label, const double *a, size_t rows, size_t cols)
{
    chapter_check(xor_print_array(stdout, label, a, rows, cols), "printing an array");
}

/* Gradients in scientific notation, one matrix row per line, so that an
 * entry of 1e-5 keeps its digits next to one of 1e-1. */
static void print_grad(const char *label, const double *a, size_t rows, size_t cols)
{
    printf("%-28s", label);
    for (size_t r = 0; r < rows; r++) {
        if (r > 0)
            printf("%-28s", "");
        for (size_t c = 0; c < cols; c++)
            printf(" %+.4e", a[r * cols + c]);
        printf("\n");
    }
}

/* ---- the network ------------------------------------------------------------- */

/* A fresh 2-H-1 network at the initial weights of config c. */
static void new_net(slope_mlp_net *net, const config *c)
{
    chapter_check(xor_net_init(net, c), "building the network");
}

static void network(const config *c)
{
    slope_mlp_net net;
    new_net(&net, c);
    const size_t h = net.shape.hidden;
    chapter_table("network", "the XOR network and its initial weights");
    printf("XOR with a 2 -> %zu -> 1 network: sigmoid hidden units, a sigmoid output,\n"
           "MSE over the 4 rows; weights from numpy's random seed %d, biases zero\n", h, c->seed);
    print_array("W1 = randn(2, H) * 0.5  (2 x H, input -> hidden):", net.w1, IN, h);
    print_array("W2 = randn(H, 1) * 0.5  (H x 1, hidden -> output):", net.w2, h, 1);
    printf("parameters: W1 %zu + b1 %zu + W2 %zu + b2 1 = %zu\n", IN * h, h, h, net.nparams);
    printf("two layers of weights around one hidden layer: not a 1-layer network\n");
    slope_mlp_free(&net);
}

/* ---- one forward pass -------------------------------------------------------- */

static void forward(const config *c)
{
    slope_mlp_net net;
    double loss;
    new_net(&net, c);
    chapter_check(slope_mlp_forward(&loss, &net, slope_mlp_xor_x, slope_mlp_xor_t),
                  "the forward pass");
    chapter_table("forward", "one forward pass at the initial weights");
    printf("z1 = X W1 + b1, a1 = sigma(z1), z2 = a1 W2 + b2, a2 = sigma(z2), "
           "loss = mean (a2 - y)^2\n");
    slope_table_col cols[] = {{"x1", "%.0f", 3},     {"x2", "%.0f", 3},
                              {"y", "%.0f", 3},      {"z2", "%+.6f", 10},
                              {"a2", "%.6f", 9},     {"(a2 - y)^2", "%.6f", 11}};
    header(cols, 6);
    for (int r = 0; r < ROWS; r++) {
        double e = net.a2[r] - slope_mlp_xor_t[r];
        row(cols, 6, (double[]){slope_mlp_xor_x[2 * r], slope_mlp_xor_x[2 * r + 1],
                                slope_mlp_xor_t[r], net.z2[r], net.a2[r], e * e});
    }
    printf("loss = mean of the last column = %.6f\n", loss);
    print_array("hidden activations a1 (4 x H), kept for the backward pass:", net.a1, ROWS,
                net.shape.hidden);
    slope_mlp_free(&net);
}

/* ---- the backward pass, one layer function per arrow ------------------------- */

/* Every gradient of one backward pass.  p holds dW1 | db1 | dW2 | db2 in the
 * layout of slope_mlp_net.grads, so the two can be compared entry by entry. */
typedef struct {
    double da2[ROWS], dz2[ROWS], da1[ROWS * MAX_HIDDEN], dz1[ROWS * MAX_HIDDEN];
    double p[MAX_PARAMS];
    double *dw1, *db1, *dw2, *db2;
} grads;

static void grads_zero(grads *g, size_t h)
{
    memset(g, 0, sizeof *g);   /* the backward functions accumulate */
    g->dw1 = g->p;
    g->db1 = g->dw1 + IN * h;
    g->dw2 = g->db1 + h;
    g->db2 = g->dw2 + h;
}

/* weave: backward-by-layer */
/* The chain rule from the loss back to W1, for the last forward pass of net.
 * Each call receives the gradient of the loss with respect to its layer's
 * output (the upstream gradient), multiplies by the local derivative, and
 * leaves the gradient with respect to its input for the next call.  y1 is
 * what the hidden sigmoid's backward reads: its forward output a1. */
static void backward_by_layer(grads *g, const slope_mlp_net *net, const double *y1)
{
    const size_t h = net->shape.hidden;
    grads_zero(g, h);
    chapter_check(slope_mlp_mse_backward(g->da2, 1.0, net->a2, slope_mlp_xor_t, ROWS),
                  "dL/da2 = 2 (a2 - y) / 4");
    chapter_check(slope_mlp_sigmoid_backward(g->dz2, g->da2, net->a2, ROWS),
                  "dL/dz2 = dL/da2 * a2 (1 - a2)");
    chapter_check(slope_mlp_dense_backward(g->da1, g->dw2, g->db2, g->dz2, net->a1, net->w2,
                                           ROWS, h, 1),
                  "dL/dW2 = a1^T dL/dz2, dL/da1 = dL/dz2 W2^T");
    chapter_check(slope_mlp_sigmoid_backward(g->dz1, g->da1, y1, ROWS * h),
                  "dL/dz1 = dL/da1 * a1 (1 - a1)");
    chapter_check(slope_mlp_dense_backward(NULL, g->dw1, g->db1, g->dz1, slope_mlp_xor_x,
                                           net->w1, ROWS, IN, h),
                  "dL/dW1 = X^T dL/dz1");
}
/* weave end */

static double max_abs_diff(const double *a, const double *b, size_t n)
{
    double m = 0.0;
    for (size_t i = 0; i < n; i++)
        m = fmax(m, fabs(a[i] - b[i]));
    return m;
}

static void backward(const config *c)
{
    slope_mlp_net net;
    double loss;
    grads g;
    new_net(&net, c);
    const size_t h = net.shape.hidden;
    chapter_check(slope_mlp_forward(&loss, &net, slope_mlp_xor_x, slope_mlp_xor_t),
                  "the forward pass");
    backward_by_layer(&g, &net, net.a1);
    slope_mlp_zero_grad(&net);
    chapter_check(slope_mlp_backward(&net, slope_mlp_xor_x, slope_mlp_xor_t), "backprop");
    chapter_table("backward", "the backward pass at the initial weights, layer by layer");
    printf("Each line is what one node receives from upstream (shape in brackets)\n");
    print_grad("dL/da2 = 2(a2 - y)/4  [4x1]", g.da2, 1, ROWS);
    print_grad("dL/dz2                [4x1]", g.dz2, 1, ROWS);
    print_grad("dL/dW2 = a1^T dL/dz2  [Hx1]", g.dw2, 1, h);
    print_grad("dL/db2                [1]", g.db2, 1, 1);
    print_grad("dL/da1 = dL/dz2 W2^T  [4xH]", g.da1, ROWS, h);
    print_grad("dL/dz1                [4xH]", g.dz1, ROWS, h);
    print_grad("dL/dW1 = X^T dL/dz1   [2xH]", g.dw1, IN, h);
    print_grad("dL/db1                [H]", g.db1, 1, h);
    printf("largest |difference| from the network's slope_mlp_backward: %.1e\n",
           max_abs_diff(g.p, net.grads, net.nparams));
    slope_mlp_free(&net);
}

/* ---- training on XOR --------------------------------------------------------- */

/* weave: train */
/* The usual full-batch loop: every epoch a forward pass over the 4 rows (its
 * loss is recorded), a backward pass, and W <- W - lr dL/dW.  Afterwards
 * net->a2 still holds the outputs of the LAST FORWARD PASS, made before the
 * final update: those are what such a loop prints as its final predictions. */
static void train(slope_mlp_net *net, double *losses, const config *c)
{
    new_net(net, c);
    chapter_check(slope_mlp_train(losses, net, slope_mlp_xor_x, slope_mlp_xor_t, c->lr,
                                  (size_t)c->epochs),
                  "training on XOR (try a smaller --lr)");
}
/* weave end */

static void training(slope_mlp_net *net, double *losses, const config *c)
{
    train(net, losses, c);
    chapter_table("xor-training", "backprop training on XOR");
    chapter_check(xor_training_table(stdout, net, losses, c), "the table of the training");
}

/* ---- how big is each layer's gradient? --------------------------------------- */

/* Train a fresh network to each epoch of the loss table and look at the
 * gradient that epoch computes, before its update. */
static void layer_gradients(const config *c)
{
    slope_mlp_net net;
    new_net(&net, c);
    const size_t h = net.shape.hidden;
    chapter_table("layer-gradients", "the gradient of each layer during training");
    printf("||dL/dW|| (Euclidean norm) at the start of each epoch, before its update\n");
    slope_table_col cols[] = {{"epoch", "%.0f", 6}, {"loss", "%.6f", 9},
                              {"||dL/dW2||", "%.3e", 11}, {"||dL/dW1||", "%.3e", 11},
                              {"W1 / W2", "%.3f", 8}};
    header(cols, 5);
    for (int k = 0, done = 0; k < c->epochs; k++) {
        if (!xor_milestone(k, c->epochs))
            continue;
        if (k > done)
            chapter_check(slope_mlp_train(NULL, &net, slope_mlp_xor_x, slope_mlp_xor_t, c->lr,
                                          (size_t)(k - done)),
                          "training to the next row");
        done = k;
        double loss;
        chapter_check(slope_mlp_forward(&loss, &net, slope_mlp_xor_x, slope_mlp_xor_t),
                      "the forward pass");
        slope_mlp_zero_grad(&net);
        chapter_check(slope_mlp_backward(&net, slope_mlp_xor_x, slope_mlp_xor_t), "backprop");
        const double n2 = slope_linalg_norm2(net.dw2, h), n1 = slope_linalg_norm2(net.dw1, IN * h);
        row(cols, 5, (double[]){k, loss, n2, n1, n1 / n2});
    }
    slope_mlp_free(&net);
}

/* ---- the same network with cross-entropy on the logits ------------------------- */

/* weave: bce-net */
/* The XOR network with the sigmoid moved from the output layer into the loss:
 * a linear output z2 and binary cross-entropy on that logit.  Same widths,
 * same initial weights as new_net(), so the two runs differ only in the loss. */
static void new_bce_net(slope_mlp_net *net, const config *c)
{
    double w1[IN * MAX_HIDDEN], w2[MAX_HIDDEN];
    const slope_mlp_shape shape = {.in = IN, .hidden = (size_t)c->hidden, .out = 1,
                                   .batch = ROWS, .hidden_act = SLOPE_MLP_SIGMOID,
                                   .out_act = SLOPE_MLP_IDENTITY,
                                   .loss = SLOPE_MLP_BCE_LOGITS};
    draw_weights(w1, w2, c);
    chapter_check(slope_mlp_init(net, &shape, w1, NULL, w2, NULL), "building the BCE network");
}
/* weave end */

/* Mean squared error of the predicted probabilities, whatever the loss: the
 * MSE network's own loss, and for the BCE network sigma(z2) against y. */
static double squared_error(const slope_mlp_net *net)
{
    double p[ROWS], se;
    if (net->shape.loss == SLOPE_MLP_MSE)
        return net->loss;
    chapter_check(slope_mlp_sigmoid_forward(p, net->z2, ROWS), "sigma(z2)");
    chapter_check(slope_mlp_mse_forward(&se, p, slope_mlp_xor_t, ROWS), "the squared error");
    return se;
}

/* One epoch's numbers for one network, all taken before that epoch's update. */
typedef struct {
    double loss, se, dz2, dw2;
} epoch_stats;

/* A forward and a backward pass at the current weights, then the update. */
static epoch_stats step(slope_mlp_net *net, double lr)
{
    epoch_stats e;
    chapter_check(slope_mlp_forward(&e.loss, net, slope_mlp_xor_x, slope_mlp_xor_t),
                  "the forward pass");
    slope_mlp_zero_grad(net);
    chapter_check(slope_mlp_backward(net, slope_mlp_xor_x, slope_mlp_xor_t), "backprop");
    e.se = squared_error(net);
    e.dz2 = slope_linalg_norm2(net->dz2, ROWS);
    e.dw2 = slope_linalg_norm2(net->dw2, net->shape.hidden);
    chapter_check(slope_mlp_update(net, lr), "the update");
    return e;
}

/* The squared error below which a run counts as having left the plateau
 * (the constant answer 1/2 has squared error 1/4). */
#define SE_SOLVED 0.05

/* A claim the program prints and checks: when it fails, say which and exit 1. */
static void claim(int holds, const char *what)
{
    if (!holds) {
        fprintf(stderr, "07-backpropagation: claim failed: %s\n"
                        "HINT: with other options the runs may behave differently; "
                        "compare with the defaults\n", what);
        exit(1);
    }
}

/* Both networks from the same initial weights, side by side, epoch by epoch.
 * Under --data DIR every epoch goes to bce.dat for the figure. */
static void bce_vs_mse(const config *c)
{
    slope_mlp_net mse, bce;
    new_net(&mse, c);
    new_bce_net(&bce, c);
    chapter_table("bce-vs-mse", "sigmoid + MSE against cross-entropy on the logits");
    printf("Same initial weights (random seed %d), lr %g, full batch; every number is taken\n"
           "before that epoch's update.  sq. error = mean (sigma(z2) - y)^2 for both\n",
           c->seed, c->lr);
    slope_table_col cols[] = {{"epoch", "%.0f", 6},       {"MSE loss", "%.6f", 9},
                              {"BCE loss", "%.6f", 9},    {"BCE sq.err", "%.6f", 10},
                              {"|dz2| MSE", "%.3e", 10},  {"|dz2| BCE", "%.3e", 10},
                              {"|dW2| MSE", "%.3e", 10},  {"|dW2| BCE", "%.3e", 10}};
    header(cols, 8);
    FILE *fp = chapter_data("bce.dat");
    if (fp)
        chapter_data_block(fp, "epochs", "epoch, MSE net: loss |dz2| |dW2|, "
                                         "BCE net: loss sq.error |dz2| |dW2|");
    int solved[2] = {-1, -1};
    double plateau_ratio = 0.0;
    for (int k = 0; k < c->epochs; k++) {
        epoch_stats a = step(&mse, c->lr), b = step(&bce, c->lr);
        if (k == 0)
            plateau_ratio = a.dz2 / b.dz2;
        if (solved[0] < 0 && a.se < SE_SOLVED)
            solved[0] = k;
        if (solved[1] < 0 && b.se < SE_SOLVED)
            solved[1] = k;
        if (xor_milestone(k, c->epochs))
            row(cols, 8, (double[]){k, a.loss, b.loss, b.se, a.dz2, b.dz2, a.dw2, b.dw2});
        if (fp)
            fprintf(fp, "%d %.10g %.10g %.10g %.10g %.10g %.10g %.10g\n", k, a.loss, a.dz2,
                    a.dw2, b.loss, b.se, b.dz2, b.dw2);
    }
    if (fp) {
        chapter_data_block(fp, "solved", "first epoch with sq. error < SE_SOLVED: MSE net, BCE net");
        fprintf(fp, "%d %d %g\n", solved[0], solved[1], SE_SOLVED);
        chapter_data_block(fp, "settings", "lr epochs hidden seed");
        fprintf(fp, "%g %d %d %d\n", c->lr, c->epochs, c->hidden, c->seed);
        chapter_data_close(fp);
    }
    printf("first epoch with sq. error < %g: MSE network %d, BCE network %d "
           "(-1: not within %d epochs)\n", SE_SOLVED, solved[0], solved[1], c->epochs);
    if (solved[1] >= 0 && (solved[0] < 0 || solved[1] < solved[0]))
        printf("the BCE network gets there first\n");
    else
        printf("the BCE network does NOT get there first with these options\n");
    printf("|dz2| MSE / |dz2| BCE at epoch 0: %.3f (at most 2 sigma'(z) <= 1/2)\n", plateau_ratio);
    claim(plateau_ratio <= 0.5, "the MSE output signal is at most half the BCE one at the start");
    slope_mlp_free(&mse);
    slope_mlp_free(&bce);
}

/* The error signal dL/dz of one output with target 0, through the library's
 * backward functions (N = 1): MSE after a sigmoid, and BCE on the logit. */
static void output_signal(void)
{
    chapter_table("output-signal", "the error signal at the output: 2 (a - y) sigma'(z) against a - y");
    printf("One output with target y = 0 and logit z, a = sigma(z): the gradient dL/dz\n");
    slope_table_col cols[] = {{"z", "%.0f", 4},          {"a = sigma(z)", "%.6f", 12},
                              {"sigma'(z)", "%.3e", 10}, {"MSE: 2(a-y)sigma'", "%.3e", 17},
                              {"BCE: a - y", "%.3e", 10}, {"MSE / BCE", "%.3e", 10}};
    header(cols, 6);
    const double zs[] = {0, 1, 2, 4, 8, 16}, y = 0.0, one = 1.0;
    for (size_t i = 0; i < sizeof zs / sizeof *zs; i++) {
        double a, da = 0.0, dz_mse = 0.0, dz_bce = 0.0, slope = 0.0;
        chapter_check(slope_mlp_sigmoid_forward(&a, &zs[i], 1), "sigma(z)");
        chapter_check(slope_mlp_sigmoid_backward(&slope, &one, &a, 1), "sigma'(z)");
        chapter_check(slope_mlp_mse_backward(&da, 1.0, &a, &y, 1), "dL/da");
        chapter_check(slope_mlp_sigmoid_backward(&dz_mse, &da, &a, 1), "dL/dz, MSE");
        chapter_check(slope_mlp_bce_logits_backward(&dz_bce, 1.0, &zs[i], &y, 1), "dL/dz, BCE");
        row(cols, 6, (double[]){zs[i], a, slope, dz_mse, dz_bce, dz_mse / dz_bce});
        claim(dz_mse <= 0.5 * dz_bce, "2 sigma'(z) <= 1/2");
    }
}

/* ---- gradient checks --------------------------------------------------------- */

static double gradcheck_at(slope_mlp_net *net, double h)
{
    double worst;
    chapter_check(slope_mlp_gradcheck(&worst, net, slope_mlp_xor_x, slope_mlp_xor_t, h, 0.0),
                  "the gradient check");
    return worst;
}

/* trained: the network after training, checked at its final weights. */
static void gradient_check(const config *c, slope_mlp_net *trained)
{
    slope_mlp_net net;
    new_net(&net, c);
    chapter_table("gradcheck", "checking backprop against central differences");
    printf("Worst relative error |g - c| / max(|g|, |c|) over all %zu parameters;\n"
           "g by backprop, c = (L(p + h) - L(p - h)) / 2h, one parameter at a time\n",
           net.nparams);
    slope_table_col cols[] = {{"h", "%.2e", 9}, {"initial weights", "%.2e", 16},
                              {"trained weights", "%.2e", 16}};
    header(cols, 3);
    const double hs[] = {1e-2, 1e-4, cbrt(DBL_EPSILON), 1e-8, 1e-10};
    for (int i = 0; i < 5; i++)
        row(cols, 3, (double[]){hs[i], gradcheck_at(&net, hs[i]), gradcheck_at(trained, hs[i])});
    printf("h = %.2e is cbrt(DBL_EPSILON): it balances O(h^2) truncation against "
           "O(eps/h) rounding\n", cbrt(DBL_EPSILON));
    slope_mlp_free(&net);
}

/* The loss as a function of all parameters p, for slope_deriv_gradient. */
static double xor_loss(const double *p, size_t n, void *netp)
{
    slope_mlp_net *net = netp;
    double loss;
    memcpy(net->params, p, n * sizeof *p);
    chapter_check(slope_mlp_forward(&loss, net, slope_mlp_xor_x, slope_mlp_xor_t), "the loss");
    return loss;
}

/* Worst relative error of g against c over the index range [from, to). */
static double worst_rel(const double *g, const double *c, size_t from, size_t to)
{
    double w = 0.0;
    for (size_t i = from; i < to; i++)
        w = fmax(w, fabs(g[i] - c[i]) / fmax(fmax(fabs(g[i]), fabs(c[i])), DBL_MIN));
    return w;
}

/* One row of the bug table: the worst relative error of g in each parameter
 * block W1 | b1 | W2 | b2, against the numerical gradient c. */
static void bug_row(const char *name, const double *g, const double *c, size_t h)
{
    const size_t ends[] = {0, IN * h, IN * h + h, IN * h + 2 * h, IN * h + 2 * h + 1};
    printf("%-34s", name);
    for (int k = 0; k < 4; k++)
        printf("  %9.2e", worst_rel(g, c, ends[k], ends[k + 1]));
    printf("\n");
}

/* A classic slip: the sigmoid's backward wants its OUTPUT a = sigma(z) and
 * computes a (1 - a); handing it z instead computes z (1 - z). */
static void gradient_check_bug(const config *c)
{
    slope_mlp_net net;
    double loss, num[MAX_PARAMS], work[MAX_PARAMS], p0[MAX_PARAMS];
    grads good, bad;
    new_net(&net, c);
    const size_t h = net.shape.hidden, n = net.nparams;
    memcpy(p0, net.params, n * sizeof *p0);
    chapter_check(slope_deriv_gradient(num, xor_loss, &net, p0, n, cbrt(DBL_EPSILON), work),
                  "the numerical gradient");
    memcpy(net.params, p0, n * sizeof *p0);   /* xor_loss left the last perturbed point */
    chapter_check(slope_mlp_forward(&loss, &net, slope_mlp_xor_x, slope_mlp_xor_t),
                  "the forward pass");
    backward_by_layer(&good, &net, net.a1);
    backward_by_layer(&bad, &net, net.z1);
    chapter_table("gradcheck-bug", "a gradient check finds a bug, and where it is");
    printf("Worst relative error against central differences (h = cbrt(eps)) per block,\n"
           "at the initial weights\n");
    printf("%-34s  %9s  %9s  %9s  %9s\n", "backward pass", "W1", "b1", "W2", "b2");
    printf("--------------------------------------------------------------------------\n");
    bug_row("layer by layer, a1 (1 - a1)", good.p, num, h);
    bug_row("the slip: z1 (1 - z1) in layer 1", bad.p, num, h);
    slope_mlp_free(&net);
}

/* ---- long products: vanishing and exploding gradients -------------------------- */

/* weave: chain */
/* d a_L / d a_0 through a chain of L one-unit layers a_k = sigmoid(w a_{k-1} + b):
 * run the chain forward keeping every a_k, then hand the gradient 1 back
 * down, one sigmoid and one dense backward step per layer.  Each layer
 * multiplies the gradient by its local factor sigma'(z_k) w. */
static double chain_gradient(double w, double b, double a0, int depth)
{
    double a[MAX_DEPTH + 1], g = 1.0;
    a[0] = a0;
    for (int k = 1; k <= depth; k++) {
        double z;
        chapter_check(slope_mlp_dense_forward(&z, &a[k - 1], &w, &b, 1, 1, 1), "z_k");
        chapter_check(slope_mlp_sigmoid_forward(&a[k], &z, 1), "a_k");
    }
    for (int k = depth; k >= 1; k--) {
        double dz = 0.0, da = 0.0, dw = 0.0;
        chapter_check(slope_mlp_sigmoid_backward(&dz, &g, &a[k], 1), "dz_k");
        chapter_check(slope_mlp_dense_backward(&da, &dw, NULL, &dz, &a[k - 1], &w, 1, 1, 1),
                      "da_{k-1}");
        g = da;
    }
    return g;
}
/* weave end */

static const double chain_w[] = {1, 2, 4, 6, 8};
static const int chain_depths[] = {1, 2, 3, 5, 10, 20, 30, 40, 50};

/* One table of chain_gradient over depths (rows) and weights (columns);
 * centred: bias -w/2 from a_0 = 1/2 keeps every z_k = 0, sigma' at its peak. */
static void chain_table(int centred)
{
    printf("%6s", "depth");
    for (int j = 0; j < 5; j++) {
        char label[32];
        snprintf(label, sizeof label, "w = %g", chain_w[j]);
        printf("  %11s", label);
    }
    printf("\n------------------------------------------------------------------------\n");
    for (int i = 0; i < 9; i++) {
        printf("%6d", chain_depths[i]);
        for (int j = 0; j < 5; j++)
            printf("  %11.3e", chain_gradient(chain_w[j], centred ? -chain_w[j] / 2 : 0.0, 0.5,
                                              chain_depths[i]));
        printf("\n");
    }
}

static double sigmoid_slope(double z)
{
    double y, dy = 1.0, dz = 0.0;
    chapter_check(slope_mlp_sigmoid_forward(&y, &z, 1), "sigma(z)");
    chapter_check(slope_mlp_sigmoid_backward(&dz, &dy, &y, 1), "sigma'(z)");
    return dz;
}

static void long_products(void)
{
    chapter_table("long-products", "the gradient through a deep chain: sigma' at its peak");
    printf("d a_L / d a_0 through L layers a_k = sigma(w a_(k-1) - w/2) from a_0 = 1/2:\n"
           "every z_k = 0, so every factor is sigma'(0) w = %g w\n", sigmoid_slope(0.0));
    chain_table(1);
    printf("sigma'(z) = sigma(z)(1 - sigma(z)) is at most sigma'(0) = %g:\n"
           "a factor |sigma'(z) w| can exceed 1 only if |w| > 4\n", sigmoid_slope(0.0));
}

/* Where a chain without bias settles: iterate a <- sigma(w a) to its fixed point. */
static double settled_slope(double w)
{
    double a = 0.5, z = 0.0;
    for (int k = 0; k < MAX_DEPTH; k++) {
        z = w * a;
        chapter_check(slope_mlp_sigmoid_forward(&a, &z, 1), "a_k");
    }
    return sigmoid_slope(z) * w;
}

static void saturation(void)
{
    chapter_table("saturated-products", "the same chain without the bias: large w saturates");
    printf("d a_L / d a_0 through L layers a_k = sigma(w a_(k-1)) from a_0 = 1/2\n");
    chain_table(0);
    printf("%6s", "factor");
    for (int j = 0; j < 5; j++)
        printf("  %11.3e", settled_slope(chain_w[j]));
    printf("   (sigma'(z) w where the chain settles)\n");
}

/* ---- figure data -------------------------------------------------------------- */

/* Under --data DIR the program also writes the files that plots/07-*.gp draw.
 * Each file holds named blocks that gnuplot selects with `index "[NAME]"`. */

enum { FIG_GRID = 100 };   /* the heat map's cells per side of the unit square */

/* The network's output for n points x (n x 2), through the library's layers
 * with the trained weights: what the net would answer between the four rows. */
static void net_output(double *out, const slope_mlp_net *net, const double *x, size_t n)
{
    double z1[(FIG_GRID + 1) * MAX_HIDDEN];
    const size_t h = net->shape.hidden;
    chapter_check(slope_mlp_dense_forward(z1, x, net->w1, net->b1, n, IN, h), "z1 = x W1 + b1");
    chapter_check(slope_mlp_sigmoid_forward(z1, z1, n * h), "a1 = sigma(z1)");
    chapter_check(slope_mlp_dense_forward(out, z1, net->w2, net->b2, n, h, 1), "z2 = a1 W2 + b2");
    chapter_check(slope_mlp_sigmoid_forward(out, out, n), "a2 = sigma(z2)");
}

/* Figure 07-xor: the loss of every epoch of the xor-training table, and the
 * trained network (after its final update) over the unit square. */
static void figure_xor(const slope_mlp_net *net, const double *losses, const config *c)
{
    FILE *fp = chapter_data("xor.dat");
    if (!fp)
        return;
    chapter_data_block(fp, "loss", "epoch loss (before that epoch's update)");
    for (int k = 0; k < c->epochs; k++)
        fprintf(fp, "%d %.10g\n", k, losses[k]);
    chapter_data_block(fp, "settings", "lr epochs hidden seed");
    fprintf(fp, "%g %d %d %d\n", c->lr, c->epochs, c->hidden, c->seed);
    chapter_data_block(fp, "output", "x1 x2 a2 on a grid over the unit square (rows of constant x1)");
    for (int i = 0; i <= FIG_GRID; i++) {
        double x[2 * (FIG_GRID + 1)], out[FIG_GRID + 1];
        for (int j = 0; j <= FIG_GRID; j++)
            x[2 * j] = (double)i / FIG_GRID, x[2 * j + 1] = (double)j / FIG_GRID;
        net_output(out, net, x, FIG_GRID + 1);
        for (int j = 0; j <= FIG_GRID; j++)
            fprintf(fp, "%.6g %.6g %.6g\n", x[2 * j], x[2 * j + 1], out[j]);
        fputc('\n', fp);
    }
    chapter_data_block(fp, "rows", "x1 x2 target a2 of the four XOR rows");
    double out[ROWS];
    net_output(out, net, slope_mlp_xor_x, ROWS);
    for (int r = 0; r < ROWS; r++)
        fprintf(fp, "%g %g %g %.6f\n", slope_mlp_xor_x[2 * r], slope_mlp_xor_x[2 * r + 1],
                slope_mlp_xor_t[r], out[r]);
    chapter_data_close(fp);
}

int main(int argc, char **argv)
{
    config c = {.lr = 0.5, .epochs = 3000, .hidden = 4, .seed = 0};
    const chapter_opt opts[] = {
        {"lr", CHAPTER_DOUBLE, &c.lr, "learning rate of the XOR training (> 0)"},
        {"epochs", CHAPTER_INT, &c.epochs, "full-batch epochs (1 to 1000000)"},
        {"hidden", CHAPTER_INT, &c.hidden, "hidden units (1 to 16)"},
        {"seed", CHAPTER_INT, &c.seed, "random seed of the initial weights, as numpy's (>= 0)"},
    };
    chapter_parse(argc, argv, "Chapter 07: backpropagation, on a 2-4-1 network learning XOR.", opts,
                  sizeof opts / sizeof *opts);
    chapter_require(isfinite(c.lr) && c.lr > 0 && c.lr <= 1000,
                    "--lr must be in (0, 1000]: a step moves against the gradient");
    chapter_require(c.epochs >= 1 && c.epochs <= 1000000, "--epochs must be between 1 and 1000000");
    chapter_require(c.hidden >= 1 && c.hidden <= MAX_HIDDEN, "--hidden must be between 1 and 16");
    chapter_require(c.seed >= 0, "--seed must be >= 0 (numpy seeds are unsigned)");

    static double losses[1000000];   /* one loss per epoch, up to the --epochs cap */
    slope_mlp_net trained;
    network(&c);
    forward(&c);
    backward(&c);
    training(&trained, losses, &c);
    layer_gradients(&c);
    bce_vs_mse(&c);
    output_signal();
    gradient_check(&c, &trained);
    gradient_check_bug(&c);
    long_products();
    saturation();

    figure_xor(&trained, losses, &c);
    slope_mlp_free(&trained);
    return 0;
}
