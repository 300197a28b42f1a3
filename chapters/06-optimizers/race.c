/*
 * race.c -- chapter 06's your-run table (race.h), for the chapter program
 * and the website's live figure alike.
 */
#include "race.h"

#include <math.h>
#include <stdlib.h>

double ravine(const double *w, size_t n, void *p)
{
    (void)n, (void)p;
    return w[0] * w[0] + 10 * (w[1] * w[1]);
}

void ravine_grad(double *g, const double *w, size_t n, void *p)
{
    (void)n, (void)p;
    g[0] = 2 * w[0];
    g[1] = 20 * w[1];
}

double wavy(const double *w, size_t n, void *p)
{
    (void)n, (void)p;
    return sin(w[0]) + 0.5 * (w[1] * w[1]);
}

void wavy_grad(double *g, const double *w, size_t n, void *p)
{
    (void)n, (void)p;
    g[0] = cos(w[0]);
    g[1] = w[1];
}

/* One optimizer's run into traj/loss (zeroed first, so a diverged run's
 * tail reads 0) and its row of the table. */
static slope_status race_row(FILE *out, const char *name, slope_optim *o, const race_settings *s,
                             double *traj, double *loss, race_sink sink, void *ctx)
{
    double work[2], x0[2] = {s->w1, s->w2};
    slope_fn_n f = s->problem == 1 ? ravine : wavy;
    slope_grad_fn g = s->problem == 1 ? ravine_grad : wavy_grad;
    size_t done = 0, k = (size_t)s->steps;
    for (size_t i = 0; i <= k; i++)
        traj[2 * i] = traj[2 * i + 1] = loss[i] = 0;
    slope_status st = slope_optim_run(traj, loss, &done, o, f, g, NULL, x0, work, 2, k);
    if (st == SLOPE_EDIVERGED) {
        /* The driver leaves the non-finite iterate in row done + 1; a sink
         * is promised zeros past `done`. */
        traj[2 * (done + 1)] = traj[2 * (done + 1) + 1] = 0;
        fprintf(out, "%-9s  diverged: step %zu gave a non-finite w\n", name, done + 1);
    } else {
        if (st != SLOPE_OK)
            return st;
        done = k;
        fprintf(out, "%-9s", name);
        for (int q = 1; q <= 4; q++)
            fprintf(out, "  %12.5e", loss[k * q / 4]);
        fprintf(out, "   (%+.5e, %+.5e)\n", traj[2 * k], traj[2 * k + 1]);
    }
    if (sink)
        sink(ctx, traj, loss, done, st == SLOPE_EDIVERGED, k);
    return SLOPE_OK;
}

/* The four optimizers, each set up from s and run by race_row. */
static slope_status race_rows(FILE *out, const race_settings *s, double *traj, double *loss,
                              race_sink sink, void *ctx)
{
    double v[2], r[2], m[2], mv[2];
    slope_optim o = {.kind = SLOPE_OPTIM_SGD};
    slope_status st = slope_optim_sgd_init(&o.sgd, s->lr);
    if (st == SLOPE_OK)
        st = race_row(out, "SGD", &o, s, traj, loss, sink, ctx);
    o = (slope_optim){.kind = SLOPE_OPTIM_MOMENTUM};
    if (st == SLOPE_OK)
        st = slope_optim_momentum_init(&o.momentum, v, 2, s->lr, s->beta, SLOPE_MOMENTUM_EMA);
    if (st == SLOPE_OK)
        st = race_row(out, "Momentum", &o, s, traj, loss, sink, ctx);
    o = (slope_optim){.kind = SLOPE_OPTIM_RMSPROP};
    if (st == SLOPE_OK)
        st = slope_optim_rmsprop_init(&o.rmsprop, r, 2, s->lr, s->beta, s->eps);
    if (st == SLOPE_OK)
        st = race_row(out, "RMSProp", &o, s, traj, loss, sink, ctx);
    o = (slope_optim){.kind = SLOPE_OPTIM_ADAM};
    if (st == SLOPE_OK)
        st = slope_optim_adam_init(&o.adam, m, mv, 2, s->lr, s->beta1, s->beta2, s->eps);
    if (st == SLOPE_OK)
        st = race_row(out, "Adam", &o, s, traj, loss, sink, ctx);
    return st;
}

slope_status race_table_print(FILE *out, const race_settings *s, race_sink sink, void *ctx)
{
    if (s->steps < 4 || (s->problem != 1 && s->problem != 2))
        return SLOPE_EINVAL;
    size_t k = (size_t)s->steps;
    double *traj = malloc(2 * (k + 1) * sizeof *traj), *loss = malloc((k + 1) * sizeof *loss);
    if (!traj || !loss) {
        free(traj);
        free(loss);
        return SLOPE_ENOMEM;
    }
    fprintf(out, "%s from (%g, %g): lr %g, beta %g (momentum, RMSProp), beta1 %g, beta2 %g, eps %g\n",
            s->problem == 1 ? "Ravine w1^2 + 10 w2^2" : "sin(w1) + 0.5 w2^2", s->w1, s->w2, s->lr,
            s->beta, s->beta1, s->beta2, s->eps);
    int q = s->steps;
    fprintf(out, "%-9s  %12s  %12s  %12s  %12s   %s\n", "loss at", "", "", "", "", "final w");
    fprintf(out, "%-9s  %12d  %12d  %12d  %12d\n", "step", q / 4, q / 2, 3 * q / 4, q);
    fprintf(out, "----------------------------------------------------------------------------------"
                 "------------\n");
    slope_status st = race_rows(out, s, traj, loss, sink, ctx);
    free(traj);
    free(loss);
    if (st != SLOPE_OK)
        return st;
    return ferror(out) ? SLOPE_EDOM : SLOPE_OK;
}
