/*
 * bench_auc.c -- the exact AUC of 10^7 scores, continuous and heavily tied.
 *
 * Data (the same kind bench/peer_auc.py builds in numpy): scores uniform on
 * [0, 1), each label 1 with probability equal to its score (a classifier
 * that is informative but far from perfect, AUC about 0.83); the tied set
 * rounds the scores to 2 decimals (101 distinct values).  The workspace is
 * allocated once, as a program scoring many batches would; the line
 * auc_continuous_1e7_oneoff times the call that allocates its own.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "auc.h"
#include "harness.h"

#define N 10000000u
#define REPS 7

typedef struct {
    const double *scores;
    const int *labels;
    slope_auc_workspace *w;
} auc_job;

/* splitmix64 (Steele, Lea, Flood 2014): a tiny self-contained generator. */
static uint64_t next_u64(uint64_t *s)
{
    uint64_t z = (*s += UINT64_C(0x9e3779b97f4a7c15));
    z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
    return z ^ (z >> 31);
}

static double next_unit(uint64_t *s)
{
    return (double)(next_u64(s) >> 11) * 0x1.0p-53;
}

static void run_auc(void *arg)
{
    const auc_job *job = arg;
    double auc = NAN;
    if (slope_auc_exact(&auc, job->scores, job->labels, N, job->w) != SLOPE_OK)
        auc = NAN;
    bench_sink(auc);
}

int main(void)
{
    double *scores = malloc(N * sizeof *scores), *tied = malloc(N * sizeof *tied);
    int *labels = malloc(N * sizeof *labels);
    slope_auc_workspace *w = slope_auc_workspace_alloc(N);
    if (!scores || !tied || !labels || !w) {
        fprintf(stderr, "bench_auc: out of memory\n");
        return 1;
    }
    uint64_t state = 2385;
    for (size_t i = 0; i < N; i++) {
        scores[i] = next_unit(&state);
        labels[i] = next_unit(&state) < scores[i];
        tied[i] = nearbyint(scores[i] * 100.0) / 100.0;
    }
    auc_job cont = {scores, labels, w}, ties = {tied, labels, w}, oneoff = {scores, labels, NULL};
    run_auc(&cont); /* first touch of the workspace's pages */
    bench_report("auc_continuous_1e7", bench_time_ms(run_auc, &cont, REPS), NULL, 0, -1);
    bench_report("auc_ties_1e7", bench_time_ms(run_auc, &ties, REPS), NULL, 0, -1);
    bench_report("auc_continuous_1e7_oneoff", bench_time_ms(run_auc, &oneoff, REPS), NULL, 0, -1);
    slope_auc_workspace_free(w);
    free(scores);
    free(tied);
    free(labels);
    return 0;
}
