/*
 * check_auc.c -- the exact ROC curve and AUC against scikit-learn's
 * roc_curve / roc_auc_score, against a brute-force Mann-Whitney count, and
 * the threshold-grid AUC of the course's example against numpy
 * (tests/golden/auc/, written by tests/oracle/auc_oracle.py).
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auc.h"
#include "integrate.h"
#include "testutil.h"

/* ---- golden data ---------------------------------------------------------- */

typedef struct {
    double *raw; /* the file's numbers; the pointers below point into it */
    size_t n, m;
    double *scores, *fpr, *tpr, *thr, auc;
    int *labels;
} roc_golden;

static int *to_labels(const double *v, size_t n)
{
    int *labels = malloc(n * sizeof *labels);
    ck_assert_ptr_nonnull(labels);
    for (size_t i = 0; i < n; i++)
        labels[i] = (int)v[i];
    return labels;
}

/* Layout: n, scores[n], labels[n], auc, m, fpr[m], tpr[m], thresholds[m-1]. */
static roc_golden read_roc(const char *name)
{
    roc_golden g;
    size_t len;
    g.raw = test_read_doubles(name, &len);
    g.n = (size_t)g.raw[0];
    g.scores = g.raw + 1;
    g.labels = to_labels(g.raw + 1 + g.n, g.n);
    g.auc = g.raw[1 + 2 * g.n];
    g.m = (size_t)g.raw[2 + 2 * g.n];
    g.fpr = g.raw + 3 + 2 * g.n;
    g.tpr = g.fpr + g.m;
    g.thr = g.tpr + g.m;
    ck_assert_uint_eq(len, 3 + 2 * g.n + 3 * g.m - 1);
    return g;
}

static void free_roc(roc_golden *g)
{
    free(g->raw);
    free(g->labels);
}

static const char *const roc_files[] = {
    "auc/roc_continuous.txt", "auc/roc_ties.txt",      "auc/roc_allequal.txt",
    "auc/roc_signed_zeros.txt", "auc/roc_separable.txt", "auc/roc_inverted.txt",
    "auc/roc_heavy_ties.txt",
};
#define N_ROC_FILES 7

START_TEST(test_roc_matches_sklearn)
{
    roc_golden g = read_roc(roc_files[_i]);
    double *fpr = malloc((g.n + 1) * sizeof *fpr), *tpr = malloc((g.n + 1) * sizeof *tpr);
    double *thr = malloc((g.n + 1) * sizeof *thr);
    size_t m = 0;
    ck_assert_int_eq(slope_auc_roc(fpr, tpr, thr, &m, g.scores, g.labels, g.n, NULL), SLOPE_OK);
    ck_assert_uint_eq(m, g.m);
    ck_assert(isinf(thr[0]) && thr[0] > 0);
    for (size_t i = 0; i < m; i++) {
        /* the same integer counts divided once: equal to the last bit */
        ck_assert_msg(fpr[i] == g.fpr[i] && tpr[i] == g.tpr[i], "%s point %zu", roc_files[_i], i);
        if (i > 0)
            ck_assert(thr[i] == g.thr[i - 1]);
    }
    free(fpr);
    free(tpr);
    free(thr);
    free_roc(&g);
}
END_TEST

START_TEST(test_auc_matches_sklearn)
{
    roc_golden g = read_roc(roc_files[_i]);
    double auc = -1.0;
    ck_assert_int_eq(slope_auc_exact(&auc, g.scores, g.labels, g.n, NULL), SLOPE_OK);
    ck_assert_rel(auc, g.auc, 1e-15);
    free_roc(&g);
}
END_TEST

/* The exact AUC is the trapezoid rule over the exact curve. */
START_TEST(test_auc_is_trapz_of_roc)
{
    roc_golden g = read_roc(roc_files[_i]);
    double *fpr = malloc((g.n + 1) * sizeof *fpr), *tpr = malloc((g.n + 1) * sizeof *tpr);
    size_t m;
    double auc;
    ck_assert_int_eq(slope_auc_roc(fpr, tpr, NULL, &m, g.scores, g.labels, g.n, NULL), SLOPE_OK);
    ck_assert_int_eq(slope_auc_exact(&auc, g.scores, g.labels, g.n, NULL), SLOPE_OK);
    ck_assert_rel(slope_integrate_trapz(tpr, fpr, m), auc, 1e-14);
    free(fpr);
    free(tpr);
    free_roc(&g);
}
END_TEST

/* ---- the course's example (seed 42, 100 scores) -------------------------- */

typedef struct {
    double *raw, *scores, *thresholds, *fpr, *tpr, auc_grid, auc_sklearn;
    int *labels;
    size_t n, nt;
} seed_example;

/* Layout: n, scores[n], labels[n], auc_grid, auc_sklearn, nt, t[nt], fpr[nt], tpr[nt]. */
static seed_example read_seed(void)
{
    seed_example s;
    size_t len;
    s.raw = test_read_doubles("auc/seed26.txt", &len);
    s.n = (size_t)s.raw[0];
    s.scores = s.raw + 1;
    s.labels = to_labels(s.raw + 1 + s.n, s.n);
    s.auc_grid = s.raw[1 + 2 * s.n];
    s.auc_sklearn = s.raw[2 + 2 * s.n];
    s.nt = (size_t)s.raw[3 + 2 * s.n];
    s.thresholds = s.raw + 4 + 2 * s.n;
    s.fpr = s.thresholds + s.nt;
    s.tpr = s.fpr + s.nt;
    ck_assert_uint_eq(len, 4 + 2 * s.n + 3 * s.nt);
    return s;
}

START_TEST(test_seed_grid_auc)
{
    seed_example s = read_seed();
    double fpr[200], tpr[200], auc;
    ck_assert_uint_eq(s.nt, 200);
    ck_assert_int_eq(slope_auc_grid(&auc, fpr, tpr, s.thresholds, s.nt, s.scores, s.labels, s.n),
                     SLOPE_OK);
    for (size_t i = 0; i < s.nt; i++)
        ck_assert(fpr[i] == s.fpr[i] && tpr[i] == s.tpr[i]);
    /* numpy sums pairwise, we in order: equal to a few ulps */
    ck_assert_rel(auc, s.auc_grid, 1e-14);
    char text[16];
    snprintf(text, sizeof text, "%.4f", auc);
    ck_assert_str_eq(text, "0.6510");
    free(s.raw);
    free(s.labels);
}
END_TEST

START_TEST(test_seed_exact_auc)
{
    seed_example s = read_seed();
    double auc;
    ck_assert_int_eq(slope_auc_exact(&auc, s.scores, s.labels, s.n, NULL), SLOPE_OK);
    ck_assert_rel(auc, s.auc_sklearn, 1e-15);
    free(s.raw);
    free(s.labels);
}
END_TEST

/* ---- Mann-Whitney: brute force on random data with ties ------------------- */

/* splitmix64 (Steele, Lea, Flood 2014): deterministic test data. */
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

/* U / (P N) by comparing every positive with every negative, ties 1/2. */
static double brute_mann_whitney(const double *s, const int *y, size_t n)
{
    uint64_t twice_u = 0, p = 0, q = 0;
    for (size_t i = 0; i < n; i++) {
        p += y[i] == 1;
        q += y[i] == 0;
        for (size_t j = 0; j < n; j++)
            if (y[i] == 1 && y[j] == 0)
                twice_u += s[i] > s[j] ? 2 : s[i] == s[j] ? 1 : 0;
    }
    return (double)twice_u / (2.0 * (double)p * (double)q);
}

/* Case i: sizes from 2 to ~1500, scores on `levels` values (heavy ties) or
 * continuous, negative and positive, a class balance that varies. */
START_TEST(test_mann_whitney)
{
    static const size_t sizes[] = {2, 3, 17, 100, 385, 1000, 1499, 777};
    static const double levels[] = {0, 2, 7, 0, 41, 0, 9, 1e6};
    uint64_t state = 2385 + (uint64_t)_i;
    size_t n = sizes[_i];
    double *s = calloc(n, sizeof *s), bias = 0.2 + 0.1 * _i;
    int *y = calloc(n, sizeof *y);
    ck_assert(s && y);
    for (size_t i = 0; i < n; i++) {
        y[i] = next_unit(&state) < bias;
        double x = 3.7 * next_unit(&state) - 1.4 + 0.8 * y[i];
        s[i] = levels[_i] > 0 ? round(x * levels[_i]) / levels[_i] : x;
    }
    y[0] = 1; /* both classes present */
    y[n - 1] = 0;
    double auc;
    ck_assert_int_eq(slope_auc_exact(&auc, s, y, n, NULL), SLOPE_OK);
    ck_assert_rel(auc, brute_mann_whitney(s, y, n), 1e-15);
    free(s);
    free(y);
}
END_TEST

START_TEST(test_signed_zero_ties)
{
    const double s[4] = {-0.0, 0.0, 0.0, -0.0};
    const int y[4] = {1, 0, 1, 0};
    double auc, fpr[5], tpr[5], thr[5];
    size_t m;
    ck_assert_int_eq(slope_auc_exact(&auc, s, y, 4, NULL), SLOPE_OK);
    ck_assert(auc == 0.5);
    ck_assert_int_eq(slope_auc_roc(fpr, tpr, thr, &m, s, y, 4, NULL), SLOPE_OK);
    ck_assert_uint_eq(m, 2);
    ck_assert(fpr[1] == 1.0 && tpr[1] == 1.0 && thr[1] == 0.0);
}
END_TEST

static const double S5[5] = {0.385, 2.385, -1.25, 0.5, 0.385};
static const int Y5[5] = {1, 0, 1, 1, 0};

START_TEST(test_workspace_reuse)
{
    roc_golden g = read_roc("auc/roc_heavy_ties.txt");
    slope_auc_workspace *w = slope_auc_workspace_alloc(g.n + 3);
    ck_assert_ptr_nonnull(w);
    for (int rep = 0; rep < 3; rep++) {
        double auc;
        ck_assert_int_eq(slope_auc_exact(&auc, g.scores, g.labels, g.n, w), SLOPE_OK);
        ck_assert_rel(auc, g.auc, 1e-15);
        /* by hand: the positive pairs won are 0.5 > 0.385 and the tie 0.385 */
        ck_assert_int_eq(slope_auc_exact(&auc, S5, Y5, 5, w), SLOPE_OK);
        ck_assert(auc == 1.5 / 6.0);
    }
    slope_auc_workspace_free(w);
    slope_auc_workspace_free(NULL);
    ck_assert_ptr_null(slope_auc_workspace_alloc(0));
    free_roc(&g);
}
END_TEST

/* ---- error contract -------------------------------------------------------- */


/* Case i: one invalid input; the expected status. */
static slope_status exact_with(int i, double *auc)
{
    double s[5];
    int y[5];
    memcpy(s, S5, sizeof s);
    memcpy(y, Y5, sizeof y);
    slope_auc_workspace *w = slope_auc_workspace_alloc(4);
    slope_status st = SLOPE_OK;
    switch (i) {
    case 0: st = slope_auc_exact(NULL, s, y, 5, NULL); break;
    case 1: st = slope_auc_exact(auc, NULL, y, 5, NULL); break;
    case 2: st = slope_auc_exact(auc, s, NULL, 5, NULL); break;
    case 3: st = slope_auc_exact(auc, s, y, 0, NULL); break;
    case 4: st = slope_auc_exact(auc, s, y, 5, w); break;
    case 5: y[2] = 2; st = slope_auc_exact(auc, s, y, 5, NULL); break;
    case 6: y[4] = -1; st = slope_auc_exact(auc, s, y, 5, NULL); break;
    case 7: s[3] = NAN; st = slope_auc_exact(auc, s, y, 5, NULL); break;
    case 8: s[0] = -INFINITY; st = slope_auc_exact(auc, s, y, 5, NULL); break;
    case 9: y[1] = y[4] = 1; st = slope_auc_exact(auc, s, y, 5, NULL); break;
    case 10: memset(y, 0, sizeof y); st = slope_auc_exact(auc, s, y, 5, NULL); break;
    }
    slope_auc_workspace_free(w);
    return st;
}

START_TEST(test_exact_errors)
{
    static const slope_status want[] = {
        SLOPE_EINVAL, SLOPE_EINVAL, SLOPE_EINVAL, SLOPE_EINVAL, SLOPE_EINVAL, SLOPE_EINVAL,
        SLOPE_EINVAL, SLOPE_EDOM,   SLOPE_EDOM,   SLOPE_ESINGLECLASS, SLOPE_ESINGLECLASS,
    };
    double auc = 2.385;
    ck_assert_int_eq(exact_with(_i, &auc), want[_i]);
    ck_assert(auc == 2.385); /* untouched */
}
END_TEST

START_TEST(test_roc_errors)
{
    double fpr[6], tpr[6], s[5];
    int y[5] = {1, 1, 1, 1, 1};
    size_t m = 99;
    memcpy(s, S5, sizeof s);
    ck_assert_int_eq(slope_auc_roc(NULL, tpr, NULL, &m, S5, Y5, 5, NULL), SLOPE_EINVAL);
    ck_assert_int_eq(slope_auc_roc(fpr, NULL, NULL, &m, S5, Y5, 5, NULL), SLOPE_EINVAL);
    ck_assert_int_eq(slope_auc_roc(fpr, tpr, NULL, NULL, S5, Y5, 5, NULL), SLOPE_EINVAL);
    ck_assert_int_eq(slope_auc_roc(fpr, tpr, NULL, &m, S5, Y5, 0, NULL), SLOPE_EINVAL);
    ck_assert_int_eq(slope_auc_roc(fpr, tpr, NULL, &m, S5, y, 5, NULL), SLOPE_ESINGLECLASS);
    slope_auc_workspace *w = slope_auc_workspace_alloc(4);
    ck_assert_int_eq(slope_auc_roc(fpr, tpr, NULL, &m, S5, Y5, 5, w), SLOPE_EINVAL);
    slope_auc_workspace_free(w);
    s[1] = NAN;
    ck_assert_int_eq(slope_auc_roc(fpr, tpr, NULL, &m, s, Y5, 5, NULL), SLOPE_EDOM);
    ck_assert_uint_eq(m, 99);
}
END_TEST

/* Case i: one invalid input to the grid method; the expected status. */
START_TEST(test_grid_errors)
{
    static const slope_status want[] = {
        SLOPE_EINVAL, SLOPE_EINVAL, SLOPE_EINVAL, SLOPE_EINVAL, SLOPE_EINVAL,
        SLOPE_EINVAL, SLOPE_EDOM,   SLOPE_EDOM,   SLOPE_EINVAL, SLOPE_ESINGLECLASS,
    };
    double t[4] = {0.0, 0.385, 0.75, 1.0}, s[5], fpr[4] = {7, 7, 7, 7}, tpr[4], auc = 2.385;
    int y[5];
    memcpy(s, S5, sizeof s);
    memcpy(y, Y5, sizeof y);
    slope_status st = SLOPE_OK;
    switch (_i) {
    case 0: st = slope_auc_grid(NULL, fpr, tpr, t, 4, s, y, 5); break;
    case 1: st = slope_auc_grid(&auc, fpr, NULL, t, 4, s, y, 5); break;
    case 2: st = slope_auc_grid(&auc, fpr, tpr, NULL, 4, s, y, 5); break;
    case 3: st = slope_auc_grid(&auc, fpr, tpr, t, 1, s, y, 5); break;
    case 4: st = slope_auc_grid(&auc, fpr, tpr, t, 4, s, y, 0); break;
    case 5: t[2] = 0.25; st = slope_auc_grid(&auc, fpr, tpr, t, 4, s, y, 5); break;
    case 6: t[1] = NAN; st = slope_auc_grid(&auc, fpr, tpr, t, 4, s, y, 5); break;
    case 7: s[2] = NAN; st = slope_auc_grid(&auc, fpr, tpr, t, 4, s, y, 5); break;
    case 8: y[0] = 3; st = slope_auc_grid(&auc, fpr, tpr, t, 4, s, y, 5); break;
    case 9: memset(y, 0, sizeof y); st = slope_auc_grid(&auc, fpr, tpr, t, 4, s, y, 5); break;
    }
    ck_assert_int_eq(st, want[_i]);
    ck_assert(auc == 2.385 && fpr[0] == 7.0);
}
END_TEST

Suite *make_auc_suite(void)
{
    Suite *s = suite_create("auc");
    TCase *tc = tcase_create("exact");
    tcase_add_loop_test(tc, test_roc_matches_sklearn, 0, N_ROC_FILES);
    tcase_add_loop_test(tc, test_auc_matches_sklearn, 0, N_ROC_FILES);
    tcase_add_loop_test(tc, test_auc_is_trapz_of_roc, 0, N_ROC_FILES);
    tcase_add_loop_test(tc, test_mann_whitney, 0, 8);
    tcase_add_test(tc, test_signed_zero_ties);
    tcase_add_test(tc, test_workspace_reuse);
    suite_add_tcase(s, tc);
    TCase *tg = tcase_create("grid");
    tcase_add_test(tg, test_seed_grid_auc);
    tcase_add_test(tg, test_seed_exact_auc);
    suite_add_tcase(s, tg);
    TCase *te = tcase_create("errors");
    tcase_add_loop_test(te, test_exact_errors, 0, 11);
    tcase_add_test(te, test_roc_errors);
    tcase_add_loop_test(te, test_grid_errors, 0, 10);
    suite_add_tcase(s, te);
    return s;
}
