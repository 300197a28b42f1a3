/* exercise.h -- 07-backprop: the loss and every gradient of a 2-H-1
 * network, by backpropagation (chapter 07, sections 2 to 4). */
#ifndef EXERCISE_BACKPROP_H
#define EXERCISE_BACKPROP_H

/* The network of chapter 07 on a batch of N rows:
 *   Z1 = X W1 + b1,  A1 = sigmoid(Z1)          (N x H)
 *   z2 = A1 W2 + b2, a2 = sigmoid(z2)          (N)
 *   loss = (1/N) sum_r (a2[r] - y[r])^2
 * X is N x 2 and W1 is 2 x H, both row-major (X[2r + j], W1[j H + k]);
 * b1, W2, dW2 and db1 have H entries; b2 and *db2 are single numbers.
 * Returns the loss and writes dloss/dW1 (2 x H, row-major), dloss/db1,
 * dloss/dW2 and dloss/db2. */
double mlp_loss_and_grads(const double *X, const double *y, int N, int H,
                          const double *W1, const double *b1, const double *W2, double b2,
                          double *dW1, double *db1, double *dW2, double *db2);

#endif
