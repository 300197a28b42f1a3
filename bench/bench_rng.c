/*
 * bench_rng.c -- throughput of the numpy-compatible generator.
 *
 * Fills a buffer of 10^7 uniform doubles, then 10^7 standard normal
 * deviates, from a seeded state: the same work as numpy's
 * random_sample(size=10**7) and standard_normal(size=10**7), which
 * bench/peer_rng.py times for the ratio.  The buffer is allocated once,
 * outside the timed region.  Prints `bench: rng_uniform_1e7 ...` and
 * `bench: rng_gauss_1e7 ...` (median of REPS runs) on stdout, and the
 * draws per second on stderr.
 */
#include "harness.h"
#include "rng.h"

#include <stdio.h>
#include <stdlib.h>

#define NDRAWS 10000000
#define REPS 9

typedef struct {
    slope_rng rng;
    double *out;
} work;

static void fill_uniform(void *arg)
{
    work *w = arg;
    for (size_t i = 0; i < NDRAWS; i++)
        w->out[i] = slope_rng_uniform(&w->rng);
    bench_sink(w->out[NDRAWS - 1]);
}

static void fill_gauss(void *arg)
{
    work *w = arg;
    for (size_t i = 0; i < NDRAWS; i++)
        w->out[i] = slope_rng_gauss(&w->rng);
    bench_sink(w->out[NDRAWS - 1]);
}

static void run(const char *name, void (*fn)(void *), work *w)
{
    slope_rng_seed(&w->rng, 42);
    double ms = bench_time_ms(fn, w, REPS);
    bench_report(name, ms, NULL, 0.0, -1.0);
    fprintf(stderr, "  %s: %.1f million draws/s\n", name, NDRAWS / (ms * 1e3));
}

int main(void)
{
    static work w;
    w.out = malloc(NDRAWS * sizeof *w.out);
    if (!w.out) {
        fprintf(stderr, "bench_rng: cannot allocate %d doubles\n", NDRAWS);
        return 1;
    }
    run("rng_uniform_1e7", fill_uniform, &w);
    run("rng_gauss_1e7", fill_gauss, &w);
    free(w.out);
    return 0;
}
