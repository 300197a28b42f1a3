/*
 * auc.c -- exact ROC curve and AUC by radix sorting, and the threshold-grid
 * AUC.  See auc.h for the contract and the references.
 */
#include "auc.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* LSD radix sort in 8 passes of 8 bits: 256 buckets keep every pass's
 * scatter targets (and the 8 histograms) inside the L1/L2 caches. */
#define RADIX_BITS 8
#define RADIX (1u << RADIX_BITS)
#define PASSES (64 / RADIX_BITS)

#define SIGN_BIT (UINT64_C(1) << 63)
#define EXP_MASK UINT64_C(0x7ff0000000000000)
/* Smaller than the key of any finite double (see key_of). */
#define SENTINEL UINT64_C(0)

struct slope_auc_workspace {
    size_t cap;
    uint64_t *keys, *tmp;               /* cap + 2 keys each */
    size_t hist[2][PASSES][RADIX];      /* [label][pass][digit] */
};

/* Where the two classes lie in keys (and tmp) after load_keys(): a free
 * slot at 0, positives in [1, P + 1), a free slot at P + 1, negatives in
 * [P + 2, n + 2).  The free slots receive a SENTINEL before each run. */
typedef struct {
    size_t n_pos, n_neg;
    const uint64_t *pos, *neg; /* sorted ascending; pos[-1] == neg[-1] == SENTINEL */
} sorted_classes;

slope_auc_workspace *slope_auc_workspace_alloc(size_t cap)
{
    if (cap == 0 || cap > SIZE_MAX / sizeof(uint64_t) - 2)
        return NULL;
    slope_auc_workspace *w = malloc(sizeof *w);
    if (!w)
        return NULL;
    w->cap = cap;
    w->keys = malloc((cap + 2) * sizeof *w->keys);
    w->tmp = malloc((cap + 2) * sizeof *w->tmp);
    if (!w->keys || !w->tmp) {
        slope_auc_workspace_free(w);
        return NULL;
    }
    return w;
}

void slope_auc_workspace_free(slope_auc_workspace *w)
{
    if (w) {
        free(w->keys);
        free(w->tmp);
        free(w);
    }
}

/* An unsigned key that sorts like the double (IEEE 754 total order on
 * finite values): flip every bit of a negative, only the sign of the rest.
 * -0.0 becomes +0.0 first so that the two zeros tie. */
static uint64_t bits_of(double x)
{
    uint64_t u;
    x = x == 0.0 ? 0.0 : x;
    memcpy(&u, &x, sizeof u);
    return u;
}

static uint64_t key_of(uint64_t u)
{
    return u ^ (((uint64_t)0 - (u >> 63)) | SIGN_BIT);
}

static double double_of(uint64_t key)
{
    uint64_t u = key & SIGN_BIT ? key ^ SIGN_BIT : ~key;
    double x;
    memcpy(&x, &u, sizeof x);
    return x;
}

/* One pass over the input: keys of positives to the front and of negatives
 * to the back (both slots written, one cursor advanced, so no branch on the
 * label), the histograms of every digit, and the validity checks. */
static slope_status load_keys(slope_auc_workspace *w, size_t *n_pos, const double *scores,
                              const int *labels, size_t n)
{
    uint64_t *keys = w->keys;
    size_t p = 1, q = n + 2;
    unsigned bad_label = 0;
    uint64_t nonfinite = 0;
    memset(w->hist, 0, sizeof w->hist);
    for (size_t i = 0; i < n; i++) {
        unsigned lab = (unsigned)labels[i];
        uint64_t u = bits_of(scores[i]), k = key_of(u);
        bad_label |= lab;
        lab &= 1u;
        nonfinite |= (u & EXP_MASK) == EXP_MASK;
        keys[p] = k;
        keys[q - 1] = k;
        p += lab;
        q -= 1u - lab;
        for (unsigned d = 0; d < PASSES; d++)
            w->hist[lab][d][(k >> (d * RADIX_BITS)) & (RADIX - 1)]++;
    }
    if (bad_label > 1u)
        return SLOPE_EINVAL;
    if (nonfinite)
        return SLOPE_EDOM;
    *n_pos = p - 1;
    return p == 1 || p == n + 1 ? SLOPE_ESINGLECLASS : SLOPE_OK;
}

/* Sorts a[0..m-1] ascending, using tmp[0..m-1]; returns where the sorted
 * keys ended up (a or tmp).  A pass whose digit is the same for every key
 * would only copy, so it is skipped. */
static uint64_t *radix_sort(uint64_t *a, uint64_t *tmp, size_t m, size_t hist[PASSES][RADIX])
{
    for (unsigned d = 0; d < PASSES && m > 0; d++) {
        unsigned shift = d * RADIX_BITS;
        size_t *h = hist[d];
        if (h[(a[0] >> shift) & (RADIX - 1)] == m)
            continue;
        for (size_t b = 0, sum = 0; b < RADIX; b++) {
            size_t c = h[b];
            h[b] = sum;
            sum += c;
        }
        for (size_t i = 0; i < m; i++) {
            uint64_t k = a[i];
            tmp[h[(k >> shift) & (RADIX - 1)]++] = k;
        }
        uint64_t *t = a;
        a = tmp;
        tmp = t;
    }
    return a;
}

/* Validates, loads and sorts; the shared front half of every exact call. */
static slope_status sort_classes(sorted_classes *sc, slope_auc_workspace *w,
                                 const double *scores, const int *labels, size_t n)
{
    size_t p;
    slope_status st = load_keys(w, &p, scores, labels, n);
    if (st != SLOPE_OK)
        return st;
    uint64_t *pos = radix_sort(w->keys + 1, w->tmp + 1, p, w->hist[1]);
    uint64_t *neg = radix_sort(w->keys + p + 2, w->tmp + p + 2, n - p, w->hist[0]);
    pos[-1] = SENTINEL;
    neg[-1] = SENTINEL;
    sc->n_pos = p;
    sc->n_neg = n - p;
    sc->pos = pos;
    sc->neg = neg;
    return SLOPE_OK;
}

/* ---- the exact curve ------------------------------------------------------- */

typedef struct {
    double *fpr, *tpr, *thr;
    size_t n;
} roc_points;

static void emit(roc_points *out, uint64_t tp, uint64_t fp, double thr, const sorted_classes *sc)
{
    out->fpr[out->n] = (double)fp / (double)sc->n_neg;
    out->tpr[out->n] = (double)tp / (double)sc->n_pos;
    if (out->thr)
        out->thr[out->n] = thr;
    out->n++;
}

/* Walks the curve as the threshold falls from +inf: each distinct score is
 * one step (dfp, dtp), a trapezoid of doubled area dfp * (2 tp + dtp) in
 * units of 1/(P N).  Returns the doubled area, exactly; writes the points
 * when out is not NULL.  The SENTINEL below each run ends its count. */
static uint64_t roc_walk(roc_points *out, const sorted_classes *sc)
{
    const uint64_t *pi = sc->pos + sc->n_pos, *nj = sc->neg + sc->n_neg;
    uint64_t tp = 0, fp = 0, area2 = 0;
    if (out)
        emit(out, 0, 0, INFINITY, sc);
    while (pi > sc->pos || nj > sc->neg) {
        uint64_t v = pi[-1] > nj[-1] ? pi[-1] : nj[-1];
        const uint64_t *p0 = pi, *n0 = nj;
        while (pi[-1] == v)
            pi--;
        while (nj[-1] == v)
            nj--;
        uint64_t dtp = (uint64_t)(p0 - pi), dfp = (uint64_t)(n0 - nj);
        area2 += dfp * (2 * tp + dtp);
        tp += dtp;
        fp += dfp;
        if (out)
            emit(out, tp, fp, double_of(v), sc);
    }
    return area2;
}

/* Runs the sort with the caller's workspace or a one-off one. */
static slope_status sort_any(sorted_classes *sc, slope_auc_workspace **own, slope_auc_workspace *w,
                             const double *scores, const int *labels, size_t n)
{
    *own = NULL;
    if (!w) {
        w = *own = slope_auc_workspace_alloc(n);
        if (!w)
            return SLOPE_ENOMEM;
    }
    return sort_classes(sc, w, scores, labels, n);
}

slope_status slope_auc_exact(double *auc, const double *scores, const int *labels,
                             size_t n, slope_auc_workspace *w)
{
    if (!auc || !scores || !labels || n == 0 || (w && w->cap < n))
        return SLOPE_EINVAL;
    sorted_classes sc;
    slope_auc_workspace *own;
    slope_status st = sort_any(&sc, &own, w, scores, labels, n);
    if (st == SLOPE_OK)
        *auc = (double)roc_walk(NULL, &sc) / (2.0 * (double)sc.n_pos * (double)sc.n_neg);
    slope_auc_workspace_free(own);
    return st;
}

slope_status slope_auc_roc(double *fpr, double *tpr, double *thresholds, size_t *npoints,
                           const double *scores, const int *labels, size_t n,
                           slope_auc_workspace *w)
{
    if (!fpr || !tpr || !npoints || !scores || !labels || n == 0 || (w && w->cap < n))
        return SLOPE_EINVAL;
    sorted_classes sc;
    slope_auc_workspace *own;
    slope_status st = sort_any(&sc, &own, w, scores, labels, n);
    if (st == SLOPE_OK) {
        roc_points out = {fpr, tpr, thresholds, 0};
        roc_walk(&out, &sc);
        *npoints = out.n;
    }
    slope_auc_workspace_free(own);
    return st;
}

/* ---- the threshold grid ------------------------------------------------------ */

static slope_status check_grid(const double *t, size_t nt)
{
    for (size_t i = 0; i < nt; i++)
        if (isnan(t[i]))
            return SLOPE_EDOM;
    for (size_t i = 1; i < nt; i++)
        if (t[i] < t[i - 1])
            return SLOPE_EINVAL;
    return SLOPE_OK;
}

static slope_status check_samples(size_t *n_pos_out, const double *scores, const int *labels,
                                  size_t n)
{
    size_t n_pos = 0;
    for (size_t i = 0; i < n; i++) {
        if (labels[i] != 0 && labels[i] != 1)
            return SLOPE_EINVAL;
        n_pos += (size_t)labels[i];
    }
    for (size_t i = 0; i < n; i++)
        if (!isfinite(scores[i]))
            return SLOPE_EDOM;
    *n_pos_out = n_pos;
    return n_pos == 0 || n_pos == n ? SLOPE_ESINGLECLASS : SLOPE_OK;
}

/* Number of thresholds t[i] <= s: the thresholds at which s predicts 1. */
static size_t count_at_or_below(const double *t, size_t nt, double s)
{
    size_t lo = 0, hi = nt;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (t[mid] <= s)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* The trapezoid rule over the points in reverse order (FPR increasing),
 * term by term as numpy's trapz(tpr[::-1], fpr[::-1]) forms it. */
static double trapz_reversed(const double *fpr, const double *tpr, size_t nt)
{
    double area = 0.0;
    for (size_t i = nt - 1; i > 0; i--)
        area += (fpr[i - 1] - fpr[i]) * (tpr[i] + tpr[i - 1]) / 2.0;
    return area;
}

slope_status slope_auc_grid(double *auc, double *fpr, double *tpr, const double *thresholds,
                            size_t nt, const double *scores, const int *labels, size_t n)
{
    if (!auc || !fpr || !tpr || !thresholds || !scores || !labels || n == 0 || nt < 2)
        return SLOPE_EINVAL;
    size_t n_pos = 0;
    slope_status st = check_grid(thresholds, nt);
    if (st == SLOPE_OK)
        st = check_samples(&n_pos, scores, labels, n);
    if (st != SLOPE_OK)
        return st;
    /* A score passing k thresholds is counted at k - 1; suffix sums then
     * give, at each threshold, how many scores reach it. */
    memset(fpr, 0, nt * sizeof *fpr);
    memset(tpr, 0, nt * sizeof *tpr);
    for (size_t i = 0; i < n; i++) {
        size_t k = count_at_or_below(thresholds, nt, scores[i]);
        if (k > 0)
            (labels[i] ? tpr : fpr)[k - 1] += 1.0;
    }
    for (size_t i = nt - 1; i-- > 0;) {
        tpr[i] += tpr[i + 1];
        fpr[i] += fpr[i + 1];
    }
    for (size_t i = 0; i < nt; i++) {
        tpr[i] /= (double)n_pos;
        fpr[i] /= (double)(n - n_pos);
    }
    *auc = trapz_reversed(fpr, tpr, nt);
    return SLOPE_OK;
}
