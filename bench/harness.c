#define _POSIX_C_SOURCE 200809L
#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

double bench_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec * 1e-6;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

double bench_median(double *v, size_t n)
{
    qsort(v, n, sizeof *v, cmp_double);
    return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

double bench_time_ms(void (*fn)(void *arg), void *arg, int reps)
{
    double t[64];
    if (reps < 1)
        reps = 1;
    if (reps > 64)
        reps = 64;
    for (int r = 0; r < reps; r++) {
        double t0 = bench_now_ms();
        fn(arg);
        t[r] = bench_now_ms() - t0;
    }
    return bench_median(t, (size_t)reps);
}

static volatile double sink_;

void bench_sink(double x)
{
    sink_ = x;
}

double bench_triad_gbs(size_t n, int reps)
{
    double *a = malloc(n * sizeof *a), *b = malloc(n * sizeof *b), *c = malloc(n * sizeof *c);
    if (!a || !b || !c) {
        free(a), free(b), free(c);
        return -1.0;
    }
    for (size_t i = 0; i < n; i++)
        a[i] = 0.0, b[i] = 1.0 + (double)i, c[i] = 2.0;
    double t[64];
    if (reps > 64)
        reps = 64;
    for (int r = 0; r < reps; r++) {
        double t0 = bench_now_ms(), s = 3.0 + r;
        for (size_t i = 0; i < n; i++)
            a[i] = b[i] + s * c[i];
        t[r] = bench_now_ms() - t0;
        bench_sink(a[n / 2]);
    }
    double ms = bench_median(t, (size_t)reps);
    free(a), free(b), free(c);
    return 3.0 * sizeof(double) * (double)n / (ms * 1e6);
}

void bench_report(const char *name, double median_ms, const char *peer,
                  double peer_ms, double bandwidth_fraction)
{
    printf("bench: %s median_ms=%.3f", name, median_ms);
    if (peer)
        printf(" peer=%s peer_ms=%.3f speedup=%.2f", peer, peer_ms, peer_ms / median_ms);
    if (bandwidth_fraction >= 0)
        printf(" bandwidth_fraction=%.2f", bandwidth_fraction);
    printf("\n");
    fflush(stdout);
}
