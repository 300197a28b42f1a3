/* exercise.h -- 09-roc-auc: the exact area under the ROC curve
 * (chapter 09, section 8). */
#ifndef EXERCISE_ROC_AUC_H
#define EXERCISE_ROC_AUC_H

/* The area under the exact ROC curve of n scores (higher means "more likely
 * positive") with labels 1 (positive) or 0 (negative), by the trapezoid rule
 * over the curve's vertices, a group of tied scores being one diagonal step.
 * Equals the fraction of (positive, negative) pairs in which the positive
 * scores higher, a tie counting one half.
 * NaN when only one class is present, when n < 1, when a label is neither 0
 * nor 1, or when a score is NaN. */
double roc_auc(const double *scores, const int *labels, int n);

#endif
