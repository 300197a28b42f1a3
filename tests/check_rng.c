/*
 * check_rng.c -- lib/rng against numpy's legacy RandomState, bit for bit.
 *
 * Oracle: tests/oracle/numpy_streams.py (numpy 1.24) wrote every file under
 * tests/golden/rng/.  Doubles there are shortest round-trip decimals, so
 * strtod gives back the exact double and every comparison below is on the
 * bits, never with a tolerance.  Integers up to 2^64 - 1 are read with
 * strtoull because a double cannot hold them.
 */
#include "rng.h"
#include "testutil.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* y = 2X + 1 + 0.3 noise must round after each operation, as numpy does;
 * clang would otherwise fuse it into an FMA on machines that have one. */
#if defined(__clang__)
#pragma STDC FP_CONTRACT OFF
#endif

static const unsigned seeds[] = {0, 1, 42, 12345};
#define NSEEDS (sizeof seeds / sizeof seeds[0])

/* ---- golden-file reading ---------------------------------------------------- */

typedef struct {
    char *buf; /* whole file, NUL-terminated */
    char *p;   /* read position */
} golden;

static void golden_open(golden *g, const char *name)
{
    char path[4096];
    test_golden_path(path, sizeof path, name);
    FILE *fp = fopen(path, "rb");
    ck_assert_msg(fp != NULL, "cannot open golden file %s (run from the tree's root)", path);
    fseek(fp, 0, SEEK_END);
    long len = ftell(fp);
    fseek(fp, 0, SEEK_SET);
    ck_assert(len >= 0);
    g->buf = malloc((size_t)len + 1);
    ck_assert_ptr_nonnull(g->buf);
    ck_assert_uint_eq(fread(g->buf, 1, (size_t)len, fp), (size_t)len);
    g->buf[len] = '\0';
    g->p = g->buf;
    fclose(fp);
}

/* The file rng/<stem>_<seed>.txt. */
static void golden_open_seed(golden *g, const char *stem, unsigned seed)
{
    char name[256];
    snprintf(name, sizeof name, "rng/%s_%u.txt", stem, seed);
    golden_open(g, name);
}

static void golden_close(golden *g)
{
    free(g->buf);
    g->buf = g->p = NULL;
}

/* Skip blanks, newlines and '#' comment lines; return 0 at the end. */
static int golden_more(golden *g)
{
    for (;;) {
        while (*g->p == ' ' || *g->p == '\t' || *g->p == '\n' || *g->p == '\r')
            g->p++;
        if (*g->p != '#')
            return *g->p != '\0';
        while (*g->p && *g->p != '\n')
            g->p++;
    }
}

static double golden_double(golden *g)
{
    ck_assert_msg(golden_more(g), "golden file ends early");
    char *end;
    double x = strtod(g->p, &end);
    ck_assert_msg(end != g->p, "golden file: number expected at '%.20s'", g->p);
    g->p = end;
    return x;
}

static uint64_t golden_u64(golden *g)
{
    ck_assert_msg(golden_more(g), "golden file ends early");
    char *end;
    unsigned long long x = strtoull(g->p, &end, 10);
    ck_assert_msg(end != g->p, "golden file: integer expected at '%.20s'", g->p);
    g->p = end;
    return (uint64_t)x;
}

/* Exact equality of the bit patterns (so -0.0 != 0.0 and no tolerance). */
static int same_bits(double a, double b)
{
    uint64_t x, y;
    memcpy(&x, &a, sizeof x);
    memcpy(&y, &b, sizeof y);
    return x == y;
}

#define ck_assert_bits(got, want, what, i)                                   \
    do {                                                                     \
        double g_ = (got), w_ = (want);                                      \
        ck_assert_msg(same_bits(g_, w_), "%s[%zu] = %a (%.17g), numpy %a (%.17g)", \
                      (what), (size_t)(i), g_, g_, w_, w_);                  \
    } while (0)

/* ---- flat streams: one fresh state per file ------------------------------------ */

START_TEST(test_u32_stream)
{
    golden g;
    slope_rng r;
    golden_open_seed(&g, "u32", seeds[_i]);
    slope_rng_seed(&r, seeds[_i]);
    for (size_t i = 0; golden_more(&g); i++) {
        uint64_t want = golden_u64(&g);
        ck_assert_msg(slope_rng_u32(&r) == want, "u32[%zu] differs", i);
    }
    golden_close(&g);
}
END_TEST

typedef double (*draw0)(slope_rng *r);

static void check_flat(const char *stem, unsigned seed, draw0 draw)
{
    golden g;
    slope_rng r;
    size_t n = 0;
    golden_open_seed(&g, stem, seed);
    slope_rng_seed(&r, seed);
    for (; golden_more(&g); n++)
        ck_assert_bits(draw(&r), golden_double(&g), stem, n);
    ck_assert_uint_eq(n, 10000);
    golden_close(&g);
}

START_TEST(test_uniform_stream)
{
    check_flat("uniform", seeds[_i], slope_rng_uniform);
}
END_TEST

START_TEST(test_gauss_stream)
{
    check_flat("gauss", seeds[_i], slope_rng_gauss);
}
END_TEST

/* ---- parametric streams: blocks, each from a fresh state -------------------------- */

START_TEST(test_normal_stream)
{
    golden g;
    slope_rng r;
    golden_open_seed(&g, "normal", seeds[_i]);
    while (golden_more(&g)) {
        double loc = golden_double(&g), scale = golden_double(&g);
        size_t count = (size_t)golden_u64(&g);
        slope_rng_seed(&r, seeds[_i]);
        for (size_t i = 0; i < count; i++)
            ck_assert_bits(slope_rng_normal(&r, loc, scale), golden_double(&g), "normal", i);
    }
    golden_close(&g);
}
END_TEST

START_TEST(test_gamma_stream)
{
    golden g;
    slope_rng r;
    golden_open_seed(&g, "gamma", seeds[_i]);
    while (golden_more(&g)) {
        double shape = golden_double(&g);
        size_t count = (size_t)golden_u64(&g);
        slope_rng_seed(&r, seeds[_i]);
        for (size_t i = 0; i < count; i++)
            ck_assert_bits(slope_rng_gamma(&r, shape), golden_double(&g), "gamma", i);
    }
    golden_close(&g);
}
END_TEST

START_TEST(test_beta_stream)
{
    golden g;
    slope_rng r;
    golden_open_seed(&g, "beta", seeds[_i]);
    while (golden_more(&g)) {
        double a = golden_double(&g), b = golden_double(&g);
        size_t count = (size_t)golden_u64(&g);
        slope_rng_seed(&r, seeds[_i]);
        for (size_t i = 0; i < count; i++)
            ck_assert_bits(slope_rng_beta(&r, a, b), golden_double(&g), "beta", i);
    }
    golden_close(&g);
}
END_TEST

START_TEST(test_interval_stream)
{
    golden g;
    slope_rng r;
    golden_open_seed(&g, "interval", seeds[_i]);
    while (golden_more(&g)) {
        uint64_t max = golden_u64(&g);
        size_t count = (size_t)golden_u64(&g);
        slope_rng_seed(&r, seeds[_i]);
        for (size_t i = 0; i < count; i++) {
            uint64_t got = slope_rng_interval(&r, max), want = golden_u64(&g);
            ck_assert_msg(got == want, "interval(%llu)[%zu] = %llu, numpy %llu",
                          (unsigned long long)max, i, (unsigned long long)got,
                          (unsigned long long)want);
        }
    }
    golden_close(&g);
}
END_TEST

/* Compare a[0..n-1] with the next n integers of the golden file. */
static void expect_indices(golden *g, const size_t *a, size_t n, const char *what)
{
    for (size_t i = 0; i < n; i++)
        ck_assert_msg(a[i] == golden_u64(g), "%s[%zu] differs (n = %zu)", what, i, n);
}

START_TEST(test_permutation_stream)
{
    golden g;
    slope_rng r;
    golden_open_seed(&g, "permutation", seeds[_i]);
    while (golden_more(&g)) {
        size_t n = (size_t)golden_u64(&g);
        size_t *out = malloc(n * sizeof *out);
        ck_assert_ptr_nonnull(out);
        slope_rng_seed(&r, seeds[_i]);
        slope_rng_permutation(&r, n, out);
        expect_indices(&g, out, n, "permutation");
        free(out);
    }
    golden_close(&g);
}
END_TEST

START_TEST(test_shuffle_stream)
{
    golden g;
    slope_rng r;
    golden_open_seed(&g, "shuffle", seeds[_i]);
    while (golden_more(&g)) {
        size_t n = (size_t)golden_u64(&g);
        size_t *a = malloc(n * sizeof *a);
        ck_assert_ptr_nonnull(a);
        for (size_t i = 0; i < n; i++)
            a[i] = (size_t)golden_u64(&g);
        slope_rng_seed(&r, seeds[_i]);
        slope_rng_shuffle(&r, n, a);
        expect_indices(&g, a, n, "shuffle");
        free(a);
    }
    golden_close(&g);
}
END_TEST

/* ---- interleaved calls from one state: "op args... : results" ------------------- */

static void expect_next_bits(golden *g, double got, const char *op, size_t line)
{
    ck_assert_bits(got, golden_double(g), op, line);
}

static void replay_op(golden *g, slope_rng *r, const char *op, size_t line)
{
    if (strcmp(op, "gauss") == 0 || strcmp(op, "uniform") == 0) {
        double x = op[0] == 'g' ? slope_rng_gauss(r) : slope_rng_uniform(r);
        g->p = strchr(g->p, ':') + 1;
        expect_next_bits(g, x, op, line);
    } else if (strcmp(op, "normal") == 0 || strcmp(op, "beta") == 0) {
        double p = golden_double(g), q = golden_double(g);
        double x = op[0] == 'n' ? slope_rng_normal(r, p, q) : slope_rng_beta(r, p, q);
        g->p = strchr(g->p, ':') + 1;
        expect_next_bits(g, x, op, line);
    } else if (strcmp(op, "gamma") == 0) {
        double x = slope_rng_gamma(r, golden_double(g));
        g->p = strchr(g->p, ':') + 1;
        expect_next_bits(g, x, op, line);
    } else if (strcmp(op, "u32") == 0 || strcmp(op, "interval") == 0) {
        uint64_t x = op[0] == 'u' ? slope_rng_u32(r) : slope_rng_interval(r, golden_u64(g));
        g->p = strchr(g->p, ':') + 1;
        ck_assert_msg(x == golden_u64(g), "%s on line %zu differs", op, line);
    } else if (strcmp(op, "permutation") == 0) {
        size_t n = (size_t)golden_u64(g), out[64];
        ck_assert_uint_le(n, 64);
        slope_rng_permutation(r, n, out);
        g->p = strchr(g->p, ':') + 1;
        expect_indices(g, out, n, "permutation");
    } else {
        ck_abort_msg("unknown op '%s' on line %zu", op, line);
    }
}

START_TEST(test_interleaved)
{
    golden g;
    slope_rng r;
    golden_open_seed(&g, "interleave", seeds[_i]);
    slope_rng_seed(&r, seeds[_i]);
    size_t line = 0;
    for (; golden_more(&g); line++) {
        char op[16];
        size_t len = strcspn(g.p, " :\n");
        ck_assert_uint_lt(len, sizeof op);
        memcpy(op, g.p, len);
        op[len] = '\0';
        g.p += len;
        replay_op(&g, &r, op, line);
    }
    ck_assert_uint_gt(line, 500);
    golden_close(&g);
}
END_TEST

/* ---- the course examples' draws, end to end -------------------------------------- */

START_TEST(test_e2e_minibatch)
{
    golden g;
    slope_rng r;
    double x[200], noise[200];
    size_t idx[200];
    golden_open(&g, "rng/e2e_minibatch.txt");
    slope_rng_seed(&r, 42);
    for (size_t i = 0; i < 200; i++)
        x[i] = slope_rng_gauss(&r);
    for (size_t i = 0; i < 200; i++)
        noise[i] = slope_rng_gauss(&r);
    for (size_t i = 0; i < 200; i++) {
        ck_assert_bits(x[i], golden_double(&g), "X", i);
        ck_assert_bits(noise[i], golden_double(&g), "noise", i);
        ck_assert_bits(2 * x[i] + 1 + 0.3 * noise[i], golden_double(&g), "y", i);
    }
    for (int epoch = 0; epoch < 30; epoch++) {
        slope_rng_permutation(&r, 200, idx);
        expect_indices(&g, idx, 200, "epoch permutation");
    }
    ck_assert(!golden_more(&g));
    golden_close(&g);
}
END_TEST

START_TEST(test_e2e_xor)
{
    golden g;
    slope_rng r;
    golden_open(&g, "rng/e2e_xor.txt");
    slope_rng_seed(&r, 0);
    for (size_t i = 0; i < 2 * 4 + 4 * 1; i++)
        ck_assert_bits(slope_rng_gauss(&r) * 0.5, golden_double(&g), "W1|W2", i);
    ck_assert(!golden_more(&g));
    golden_close(&g);
}
END_TEST

START_TEST(test_e2e_roc)
{
    golden g;
    slope_rng r;
    double scores[100], noise[100];
    golden_open(&g, "rng/e2e_roc.txt");
    slope_rng_seed(&r, 42);
    for (size_t i = 0; i < 100; i++)
        scores[i] = slope_rng_beta(&r, 5, 2);
    for (size_t i = 0; i < 100; i++)
        noise[i] = slope_rng_normal(&r, 0, 0.3);
    for (size_t i = 0; i < 100; i++) {
        ck_assert_bits(scores[i], golden_double(&g), "scores", i);
        ck_assert_bits(noise[i], golden_double(&g), "noise", i);
        ck_assert_uint_eq(scores[i] + noise[i] > 0.5, golden_u64(&g));
    }
    ck_assert(!golden_more(&g));
    golden_close(&g);
}
END_TEST

/* ---- published value, copies and lockstep ------------------------------------------ */

/* ISO C++ [rand.predef]: the 10000th output of mt19937 default-seeded with
 * 5489 is 4123659995 -- an oracle independent of numpy. */
START_TEST(test_published_mt19937)
{
    slope_rng r;
    slope_rng_seed(&r, 5489);
    uint32_t x = 0;
    for (int i = 0; i < 10000; i++)
        x = slope_rng_u32(&r);
    ck_assert_uint_eq(x, 4123659995u);
}
END_TEST

/* One step of a mixed workload, so that every path and the cache move. */
static double mixed_draw(slope_rng *r, size_t k)
{
    switch (k % 6) {
    case 0: return slope_rng_gauss(r);
    case 1: return slope_rng_uniform(r);
    case 2: return slope_rng_beta(r, 0.385, 0.9);
    case 3: return slope_rng_gamma(r, 2.385);
    case 4: return (double)slope_rng_interval(r, 1000003);
    default: return slope_rng_normal(r, -1.25, 2.385);
    }
}

START_TEST(test_copy_continues)
{
    slope_rng a, b;
    slope_rng_seed(&a, 2385);
    for (size_t k = 0; k < 1001; k++)
        mixed_draw(&a, k);
    while (!a.has_gauss) /* the copy must carry a cached deviate too */
        slope_rng_gauss(&a);
    b = a;
    for (size_t k = 0; k < 20000; k++)
        ck_assert_bits(mixed_draw(&b, k), mixed_draw(&a, k), "copy", k);
    ck_assert_int_eq(memcmp(&a, &b, sizeof a), 0);
}
END_TEST

START_TEST(test_lockstep)
{
    slope_rng a, b;
    slope_rng_seed(&a, 12345);
    slope_rng_seed(&b, 12345);
    ck_assert_int_eq(memcmp(&a, &b, sizeof a), 0);
    for (size_t k = 0; k < 1000000; k++) {
        double x = k % 2 ? slope_rng_gauss(&a) : (double)slope_rng_u32(&a);
        double y = k % 2 ? slope_rng_gauss(&b) : (double)slope_rng_u32(&b);
        if (!same_bits(x, y))
            ck_abort_msg("streams parted at draw %zu", k);
    }
    ck_assert_int_eq(memcmp(&a, &b, sizeof a), 0);
}
END_TEST

/* ---- invalid parameters: NaN, and the state is untouched -------------------------- */

typedef struct {
    char fn; /* 'g' gamma(p), 'b' beta(p, q), 'n' normal(p, q) */
    double p, q;
} bad_case;

static const bad_case bad_cases[] = {
    {'g', 0.0, 0},       {'g', -2.385, 0},     {'g', NAN, 0},       {'g', INFINITY, 0},
    {'g', -0.0, 0},      {'b', 0.0, 2.385},    {'b', 2.385, -1.5},  {'b', NAN, 0.5},
    {'b', 0.5, NAN},     {'b', INFINITY, 0.5}, {'b', 0.5, -0.385},  {'n', 0.0, -0.75},
    {'n', NAN, 1.25},    {'n', 1.25, NAN},     {'n', INFINITY, 1.25}, {'n', 0.0, INFINITY},
    {'n', -INFINITY, 0.0},
};

START_TEST(test_invalid_parameters)
{
    const bad_case *c = &bad_cases[_i];
    slope_rng r, before, ref;
    slope_rng_seed(&r, 42);
    slope_rng_gauss(&r); /* a cached deviate must survive the bad call too */
    memcpy(&before, &r, sizeof r);
    memcpy(&ref, &r, sizeof r);
    double x = c->fn == 'g' ? slope_rng_gamma(&r, c->p)
             : c->fn == 'b' ? slope_rng_beta(&r, c->p, c->q)
                            : slope_rng_normal(&r, c->p, c->q);
    ck_assert_msg(isnan(x), "%c(%g, %g) = %g, want NaN", c->fn, c->p, c->q, x);
    ck_assert_int_eq(memcmp(&r, &before, sizeof r), 0);
    for (size_t k = 0; k < 100; k++)
        ck_assert_bits(mixed_draw(&r, k), mixed_draw(&ref, k), "after invalid call", k);
}
END_TEST

/* ---- NULL pointers and empty sizes ------------------------------------------------------ */

START_TEST(test_null_state)
{
    size_t a[3] = {7, 8, 9};
    slope_rng_seed(NULL, 42);
    ck_assert_uint_eq(slope_rng_u32(NULL), 0);
    ck_assert(isnan(slope_rng_uniform(NULL)));
    ck_assert(isnan(slope_rng_gauss(NULL)));
    ck_assert(isnan(slope_rng_normal(NULL, 0.0, 1.0)));
    ck_assert(isnan(slope_rng_gamma(NULL, 2.385)));
    ck_assert(isnan(slope_rng_beta(NULL, 0.5, 0.5)));
    ck_assert_uint_eq(slope_rng_interval(NULL, 100), 0);
    slope_rng_permutation(NULL, 3, a);
    slope_rng_shuffle(NULL, 3, a);
    ck_assert(a[0] == 7 && a[1] == 8 && a[2] == 9);
}
END_TEST

START_TEST(test_null_or_empty_array)
{
    slope_rng r, before;
    size_t a[3] = {7, 8, 9};
    slope_rng_seed(&r, 1);
    memcpy(&before, &r, sizeof r);
    slope_rng_permutation(&r, 3, NULL);
    slope_rng_shuffle(&r, 3, NULL);
    slope_rng_permutation(&r, 0, a);
    slope_rng_shuffle(&r, 0, a);
    ck_assert(a[0] == 7 && a[1] == 8 && a[2] == 9);
    ck_assert_int_eq(memcmp(&r, &before, sizeof r), 0);
}
END_TEST

/* Drawing from one element, or an interval of one value, needs no
 * randomness; numpy draws nothing either (checked in the interleaved
 * stream for interval(0)). */
START_TEST(test_trivial_draws_consume_nothing)
{
    slope_rng r, before;
    size_t one = 5;
    slope_rng_seed(&r, 0);
    memcpy(&before, &r, sizeof r);
    slope_rng_permutation(&r, 1, &one);
    ck_assert_uint_eq(one, 0);
    slope_rng_shuffle(&r, 1, &one);
    ck_assert_uint_eq(slope_rng_interval(&r, 0), 0);
    ck_assert_int_eq(memcmp(&r, &before, sizeof r), 0);
}
END_TEST

Suite *make_rng_suite(void)
{
    Suite *s = suite_create("rng");
    TCase *tc = tcase_create("numpy_streams");
    tcase_set_timeout(tc, 30);
    tcase_add_loop_test(tc, test_u32_stream, 0, NSEEDS);
    tcase_add_loop_test(tc, test_uniform_stream, 0, NSEEDS);
    tcase_add_loop_test(tc, test_gauss_stream, 0, NSEEDS);
    tcase_add_loop_test(tc, test_normal_stream, 0, NSEEDS);
    tcase_add_loop_test(tc, test_gamma_stream, 0, NSEEDS);
    tcase_add_loop_test(tc, test_beta_stream, 0, NSEEDS);
    tcase_add_loop_test(tc, test_interval_stream, 0, NSEEDS);
    tcase_add_loop_test(tc, test_permutation_stream, 0, NSEEDS);
    tcase_add_loop_test(tc, test_shuffle_stream, 0, NSEEDS);
    tcase_add_loop_test(tc, test_interleaved, 0, NSEEDS);
    suite_add_tcase(s, tc);

    tc = tcase_create("course_examples");
    tcase_add_test(tc, test_e2e_minibatch);
    tcase_add_test(tc, test_e2e_xor);
    tcase_add_test(tc, test_e2e_roc);
    suite_add_tcase(s, tc);

    tc = tcase_create("state");
    tcase_set_timeout(tc, 30);
    tcase_add_test(tc, test_published_mt19937);
    tcase_add_test(tc, test_copy_continues);
    tcase_add_test(tc, test_lockstep);
    suite_add_tcase(s, tc);

    tc = tcase_create("errors");
    tcase_add_loop_test(tc, test_invalid_parameters, 0,
                        (int)(sizeof bad_cases / sizeof bad_cases[0]));
    tcase_add_test(tc, test_null_state);
    tcase_add_test(tc, test_null_or_empty_array);
    tcase_add_test(tc, test_trivial_draws_consume_nothing);
    suite_add_tcase(s, tc);
    return s;
}
