/*
 * harness.h -- timing for `make bench`.
 *
 * Benchmarks time a piece of work several times inside one process and
 * report the median (robust to the noise of a shared 2-core machine).  Every
 * result is printed as one line
 *
 *     bench: NAME median_ms=X [peer=NAME peer_ms=Y speedup=Z] [bandwidth_fraction=F]
 *
 * so that runs can be compared with grep.  Peers (numpy, scikit-learn) are
 * timed by the bench/peer_*.py scripts in the same `make bench` run.
 */
#ifndef SLOPE_BENCH_HARNESS_H
#define SLOPE_BENCH_HARNESS_H

#include <stddef.h>

/* Monotonic wall clock in milliseconds. */
double bench_now_ms(void);

/* Median of v[0..n-1]; reorders v. */
double bench_median(double *v, size_t n);

/* Time `fn(arg)` `reps` times (reps <= 64) and return the median in ms. */
double bench_time_ms(void (*fn)(void *arg), void *arg, int reps);

/* Measure the machine's sustainable memory bandwidth with the STREAM triad
 * a[i] = b[i] + s*c[i] over n doubles (3 arrays, 24 bytes/element counted),
 * median of `reps` runs, in GB/s (1e9 bytes/s). */
double bench_triad_gbs(size_t n, int reps);

/* Print the standard line.  peer may be NULL; bandwidth_fraction < 0 omits it. */
void bench_report(const char *name, double median_ms, const char *peer,
                  double peer_ms, double bandwidth_fraction);

/* Keep the compiler from discarding a result that is otherwise unused. */
void bench_sink(double x);

#endif
