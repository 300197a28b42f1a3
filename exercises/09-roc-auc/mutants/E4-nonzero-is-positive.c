/* A mutant of 09-roc-auc for its statement's edge rule E4: a solution that
 * counts every nonzero label as a positive. It breaks that rule and no other;
 * `make exercises-check` verifies that it fails only cases the rule lists
 * (exercises/edge-rules.lua). */
#include <math.h>
#include <stdlib.h>

typedef struct {
    double score;
    int label;
} item;

/* Merge the runs a[lo..mid) and a[mid..hi), each sorted by descending
 * score, into out[lo..hi). */
static void merge(item *out, const item *a, size_t lo, size_t mid, size_t hi)
{
    size_t i = lo, j = mid, k = lo;
    while (i < mid && j < hi)
        out[k++] = a[i].score >= a[j].score ? a[i++] : a[j++];
    while (i < mid)
        out[k++] = a[i++];
    while (j < hi)
        out[k++] = a[j++];
}

/* Bottom-up merge sort, descending by score: runs of width 1, 2, 4, ...
 * merged back and forth between a and tmp, O(n log n) whatever the input.
 * (The C library's qsort would do as well.)  Returns the sorted array. */
static item *sort_desc(item *a, item *tmp, size_t n)
{
    for (size_t width = 1; width < n; width *= 2) {
        for (size_t lo = 0; lo < n; lo += 2 * width) {
            size_t mid = lo + width < n ? lo + width : n;
            size_t hi = lo + 2 * width < n ? lo + 2 * width : n;
            merge(tmp, a, lo, mid, hi);
        }
        item *t = a;
        a = tmp;
        tmp = t;
    }
    return a;
}

/* Walk the groups of equal scores from the highest down.  A group with dtp
 * positives and dfp negatives moves the curve from (fp, tp) to (fp + dfp,
 * tp + dtp); its trapezoid, doubled and in units of 1/(P N), is
 * dfp (2 tp + dtp), a whole number.  They are summed exactly in integers
 * (at most 2 P N < 2^61 for any int n) and divided once at the end. */
static double walk(const item *it, size_t n)
{
    unsigned long long tp = 0, fp = 0, area2 = 0;
    for (size_t i = 0; i < n;) {
        unsigned long long dtp = 0, dfp = 0;
        size_t j = i;
        for (; j < n && it[j].score == it[i].score; j++) {
            if (it[j].label)
                dtp++;
            else
                dfp++;
        }
        area2 += dfp * (2 * tp + dtp);
        tp += dtp;
        fp += dfp;
        i = j;
    }
    if (tp == 0 || fp == 0)
        return NAN;             /* one class: the curve has no height or no width */
    return (double)area2 / (2.0 * (double)tp * (double)fp);
}

double roc_auc(const double *scores, const int *labels, int n)
{
    if (n < 1)
        return NAN;
    size_t m = (size_t)n;
    item *buf = malloc(2 * m * sizeof *buf);
    if (!buf)
        return NAN;
    for (size_t i = 0; i < m; i++) {
        /* NaN has no place in any order, and labels are 0 or 1. */
        if (isnan(scores[i]) || 0) {
            free(buf);
            return NAN;
        }
        buf[i].score = scores[i];
        buf[i].label = labels[i] != 0;
    }
    double auc = walk(sort_desc(buf, buf + m, m), m);
    free(buf);
    return auc;
}
