/* exercise.h -- 07b-softmax-cross-entropy: the mean cross-entropy of a batch
 * of logits and its gradient p - y (chapters 02 and 07).
 *
 * z holds batch rows of k logits (row b is z[b*k] .. z[b*k + k-1]); labels[b]
 * is the class of row b, 0 .. k-1.  With p_b = softmax(z_b),
 *
 *   loss = (1/batch) sum_b [ log sum_j exp(z_bj) - z_b,labels[b] ]
 *   grad[b*k + j] = (p_bj - [j == labels[b]]) / batch  (d loss / d z_bj)
 *
 * The function returns the loss and fills grad (batch * k numbers); both
 * must be finite for logits as large as +-1000.  When batch <= 0 or
 * k <= 0 it returns NaN and writes nothing; when a label is outside
 * 0 .. k-1 it returns NaN and sets every grad entry to NaN. */
#ifndef EXERCISE_SOFTMAX_CROSS_ENTROPY_H
#define EXERCISE_SOFTMAX_CROSS_ENTROPY_H

double softmax_cross_entropy(const double *z, const int *labels, int batch, int k,
                             double *grad);

#endif
