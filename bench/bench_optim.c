/*
 * bench_optim.c -- one Adam step, one SGD+momentum step and one Nesterov step
 * on 10^7 doubles, against the machine's memory bandwidth measured in the
 * same run.
 *
 * An optimizer step over a large parameter vector does a few flops per
 * element and streams several arrays through memory, so its speed limit is
 * the memory bandwidth, not the FPU.  The STREAM triad (harness.h) measures
 * that limit here; each step is reported as the fraction of it that the step
 * achieves:
 *
 *     bandwidth_fraction = (bytes the step must move / time) / triad GB/s
 *
 * Bytes are counted honestly, as the arrays the update must read and write
 * (8 bytes per double), with no credit for write-allocate traffic (the
 * triad's own count leaves that out too):
 *   Adam      reads w, g, m, v and writes w, m, v:  7 * 8 = 56 bytes/element
 *   momentum  reads w, g, v and writes w, v:        5 * 8 = 40 bytes/element
 *   Nesterov  reads w, g, v and writes w, v:        5 * 8 = 40 bytes/element
 * The momentum step timed is the EMA form (v = b v + (1-b) g; w -= lr v);
 * the heavy-ball form moves the same bytes.  The Nesterov step timed is the
 * look-ahead form, the one deep-learning libraries run.
 */
#include <stdio.h>
#include <stdlib.h>

#include "harness.h"
#include "optim.h"

#define N 10000000u
#define REPS 15

typedef struct {
    double *w, *g;
    slope_optim_adam adam;
    slope_optim_momentum mom;
    slope_optim_nesterov nag;
} bench_ctx;

static void adam_once(void *arg)
{
    bench_ctx *c = arg;
    slope_optim_adam_step(&c->adam, c->w, c->g, N);
    bench_sink(c->w[N / 3]);
}

static void momentum_once(void *arg)
{
    bench_ctx *c = arg;
    slope_optim_momentum_step(&c->mom, c->w, c->g, N);
    bench_sink(c->w[N / 3]);
}

static void nesterov_once(void *arg)
{
    bench_ctx *c = arg;
    slope_optim_nesterov_step(&c->nag, c->w, c->g, N);
    bench_sink(c->w[N / 3]);
}

/* Achieved GB/s for `bytes_per_elem` over N elements in `ms`, as a fraction
 * of the triad's GB/s. */
static double fraction(double ms, double bytes_per_elem, double triad_gbs)
{
    return bytes_per_elem * (double)N / (ms * 1e6) / triad_gbs;
}

int main(void)
{
    double triad = bench_triad_gbs(N, REPS);
    bench_ctx c;
    double *buf = malloc(5 * (size_t)N * sizeof *buf);
    if (!buf || triad <= 0) {
        fprintf(stderr, "bench_optim: out of memory for 5 x 10^7 doubles\n");
        return 1;
    }
    c.w = buf, c.g = buf + N;
    double *m = buf + 2 * (size_t)N, *v = buf + 3 * (size_t)N, *vel = buf + 4 * (size_t)N;
    /* gradients of mixed sign and scale so no branch or denormal path is favoured */
    for (size_t i = 0; i < N; i++) {
        c.w[i] = 0.5 - (double)(i % 1000) * 1e-3;
        c.g[i] = (double)((i * 7919u) % 2001u) * 1e-3 - 1.0;
    }
    if (slope_optim_adam_init(&c.adam, m, v, N, 1e-3, 0.9, 0.999, 1e-8) != SLOPE_OK ||
        slope_optim_momentum_init(&c.mom, vel, N, 1e-2, 0.9, SLOPE_MOMENTUM_EMA) != SLOPE_OK) {
        fprintf(stderr, "bench_optim: optimizer init failed\n");
        return 1;
    }
    printf("# triad bandwidth: %.1f GB/s (STREAM triad, 10^7 doubles, median of %d)\n",
           triad, REPS);
    double ms = bench_time_ms(adam_once, &c, REPS);
    bench_report("adam_step_1e7", ms, NULL, 0.0, fraction(ms, 7 * 8, triad));
    ms = bench_time_ms(momentum_once, &c, REPS);
    bench_report("momentum_step_1e7", ms, NULL, 0.0, fraction(ms, 5 * 8, triad));
    /* the velocity array is reused: init zeroes it */
    if (slope_optim_nesterov_init(&c.nag, vel, N, 1e-2, 0.9, SLOPE_NESTEROV_LOOKAHEAD) != SLOPE_OK) {
        fprintf(stderr, "bench_optim: optimizer init failed\n");
        return 1;
    }
    ms = bench_time_ms(nesterov_once, &c, REPS);
    bench_report("nesterov_step_1e7", ms, NULL, 0.0, fraction(ms, 5 * 8, triad));
    free(buf);
    return 0;
}
