/* exercise.h -- 02-chain-rule-bce: the gradient of one sigmoid neuron under
 * the binary cross-entropy loss, by the chain rule (chapter 02).
 *
 *   z = w x + b,  y_hat = sigmoid(z) = 1 / (1 + e^-z),
 *   L = -y log(y_hat) - (1 - y) log(1 - y_hat),
 *
 * with a label y in [0, 1] (usually 0 or 1).  Both functions must stay
 * finite for every finite input, including |w x + b| of 40 and more: above
 * about z = 37, y_hat rounds to exactly 1, so 1 - y_hat is 0; far below, it
 * is tiny (about 4.2e-18 at z = -40) and reaches 0 only near z = -745. */
#ifndef EXERCISE_CHAIN_RULE_BCE_H
#define EXERCISE_CHAIN_RULE_BCE_H

/* dL/dw at (w, b) for the example (x, y). */
double bce_grad_w(double w, double b, double x, double y);

/* dL/db at (w, b) for the example (x, y). */
double bce_grad_b(double w, double b, double x, double y);

#endif
