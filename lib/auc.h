/*
 * auc.h -- the ROC curve of a binary classifier and the area under it.
 *
 * Given n scores (higher means "more likely positive") and 0/1 labels, the
 * ROC curve traces, as a threshold t falls from +inf, the false-positive rate
 * FPR(t) = #{negatives with score >= t} / N against the true-positive rate
 * TPR(t) = #{positives with score >= t} / P.  Scores that tie move both rates
 * in one step, a diagonal segment, exactly as scikit-learn's roc_curve
 * (drop_intermediate=False).  The trapezoid rule over this curve is exact and
 * equals the Mann-Whitney statistic U / (P N), ties counting 1/2: the
 * probability that a random positive outscores a random negative.
 *
 * slope_auc_exact() sorts the scores by an LSD radix sort of order-preserving
 * 64-bit keys (positives and negatives sorted apart), then walks the two
 * sorted runs once from the top: O(n) time and O(n) memory, no comparison
 * callback (bench/bench_auc.c times it against scikit-learn and numpy).
 * slope_auc_grid() is the coarse method many tutorials use: rates at a fixed
 * grid of thresholds and the trapezoid rule over them.  It is kept so that a
 * lesson can show how it differs from the exact curve.
 *
 * References:
 *   T. Fawcett, An introduction to ROC analysis, Pattern Recognition Letters
 *     27 (2006) 861-874 (algorithms 1-3: the curve with ties, its area).
 *   H. B. Mann, D. R. Whitney, Ann. Math. Statist. 18 (1947) 50-60.
 *   D. E. Knuth, TAOCP vol. 3, sec. 5.2.5 (radix sorting).
 */
#ifndef SLOPE_AUC_H
#define SLOPE_AUC_H

#include <stddef.h>

#include "status.h"

/* Scratch memory for scoring up to `cap` samples: two arrays of cap + 2
 * 64-bit keys (16 (cap + 2) bytes: 160 MB for 10^7 scores) and 32 KB of
 * radix histograms.  Opaque; not shareable between concurrent calls. */
typedef struct slope_auc_workspace slope_auc_workspace;

/* A workspace for up to cap samples, or NULL when cap == 0 or the
 * allocation fails. */
slope_auc_workspace *slope_auc_workspace_alloc(size_t cap);

/* Frees w; NULL is a no-op. */
void slope_auc_workspace_free(slope_auc_workspace *w);

/*
 * Error contract shared by slope_auc_exact and slope_auc_roc, checked in
 * this order (on any error the outputs are left untouched):
 *   SLOPE_EINVAL        an output, scores or labels is NULL; n == 0; w has
 *                       room for fewer than n samples.
 *   SLOPE_ENOMEM        w == NULL and the one-off workspace could not be had.
 *   SLOPE_EINVAL        a label is not 0 or 1.
 *   SLOPE_EDOM          a score is NaN or +-Inf.
 *   SLOPE_ESINGLECLASS  every label is 0, or every label is 1 (the curve needs
 *                       both P > 0 and N > 0; scikit-learn refuses it too).
 * w may be NULL: the call then allocates a workspace for n samples on entry
 * and frees it before returning.  -0.0 and +0.0 are the same score.
 */

/*
 * slope_auc_exact -- *auc = area under the exact ROC curve of
 * scores[0..n-1] and labels[0..n-1] (each 0 or 1), in [0, 1].
 * The trapezoid sum over the curve's steps is accumulated in integers
 * (2 * area * P * N, exact for n < 2^32) and divided once: the result is
 * correctly rounded while P N < 2^52 (any n below 9 * 10^7).
 * Time: one pass to map, split and count, then <= 8 radix passes (a pass
 * whose byte is the same in every key is skipped), then one merge.
 */
slope_status slope_auc_exact(double *auc, const double *scores, const int *labels,
                             size_t n, slope_auc_workspace *w);

/*
 * slope_auc_roc -- the exact ROC curve, as scikit-learn's
 * roc_curve(labels, scores, drop_intermediate=False).
 *   fpr, tpr    outputs, room for n + 1 points each
 *   thresholds  output (room for n + 1) or NULL: thresholds[0] = +INFINITY
 *               (the point (0, 0): nothing is predicted positive), then each
 *               distinct score in decreasing order.  scikit-learn before 1.3
 *               wrote max(score) + 1 in place of +INFINITY.
 *   *npoints    number of points written: distinct scores + 1
 * fpr and tpr are non-decreasing and end at (1, 1).
 * Error contract: as above (npoints NULL is SLOPE_EINVAL).
 */
slope_status slope_auc_roc(double *fpr, double *tpr, double *thresholds, size_t *npoints,
                           const double *scores, const int *labels, size_t n,
                           slope_auc_workspace *w);

/*
 * slope_auc_grid -- the fixed-threshold-grid AUC: for each threshold
 * thresholds[i] (non-decreasing, nt >= 2) predict 1 when score >= t, and
 * fpr[i] = FP / N, tpr[i] = TP / P; then *auc = the trapezoid rule over the
 * points taken in reverse (increasing FPR), what numpy computes as
 * trapz(tpr[::-1], fpr[::-1]).  Scores that fall between two thresholds
 * are treated as tied, so each positive-negative pair in one bin earns half
 * credit instead of 1 or 0: the result can lie above or below the exact
 * AUC.  Scores below thresholds[0] are never predicted positive.  O(n log nt + nt) time, no extra memory.
 *   auc, fpr, tpr  outputs (fpr and tpr have room for nt values)
 * Error contract (outputs untouched on error):
 *   SLOPE_EINVAL        an argument pointer is NULL; n == 0; nt < 2;
 *                       thresholds decrease somewhere; a label is not 0 or 1.
 *   SLOPE_EDOM          a threshold is NaN, or a score is NaN or +-Inf.
 *   SLOPE_ESINGLECLASS  labels hold a single class.
 */
slope_status slope_auc_grid(double *auc, double *fpr, double *tpr, const double *thresholds,
                            size_t nt, const double *scores, const int *labels, size_t n);

#endif
