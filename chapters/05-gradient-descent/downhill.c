/*
 * downhill.c -- chapter 05's descent table (downhill.h), for the chapter
 * program and the website's live figure alike.
 */
#include "downhill.h"

double parabola(const double *w, size_t n, void *p)
{
    (void)n;
    const double d = w[0] - *(const double *)p;
    return d * d;
}

void parabola_grad(double *g, const double *w, size_t n, void *p)
{
    (void)n;
    g[0] = 2 * (w[0] - *(const double *)p);
}

slope_status descent_table_print(FILE *out, double *traj, double *loss, size_t *done, double lr,
                                 double x0, int steps)
{
    if (steps < 1)
        return SLOPE_EINVAL;
    double c = 3.0, work[2];
    slope_optim opt = {.kind = SLOPE_OPTIM_SGD};
    slope_status s = slope_optim_sgd_init(&opt.sgd, lr);
    *done = (size_t)steps;
    if (s == SLOPE_OK)
        s = slope_optim_run(traj, loss, done, &opt, parabola, parabola_grad, &c, &x0, work, 1,
                            (size_t)steps);
    if (s != SLOPE_OK && s != SLOPE_EDIVERGED)
        return s;
    fprintf(out, "lr = %g, w0 = %g, %d steps; each step multiplies w - 3 by 1 - 2 lr = %g\n", lr,
            x0, steps, 1 - 2 * lr);
    fprintf(out, "     step              w            L(w)\n");
    const size_t stride = steps > 10 ? (size_t)steps / 10 : 1;
    for (size_t k = 0; k <= *done; k++)
        if (k <= 5 || k % stride == 0 || k == *done)
            fprintf(out, "  %7zu  %13.6g  %14.6g\n", k, traj[k], loss[k]);
    if (s == SLOPE_EDIVERGED)
        fprintf(out, "  step %zu overflows to infinity: the run diverged\n", *done + 1);
    return ferror(out) ? SLOPE_EDOM : s;
}
