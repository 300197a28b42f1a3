/* starter.c -- 02-chain-rule-bce: replace the placeholders.
 *
 * Grade it with:   grader check 2 my.c   (after cp starter.c my.c)
 * The grader compiles this file with exercise.h included. */
#include <math.h>

#include "exercise.h"

/* dL/dw for y_hat = sigmoid(w x + b) and the binary cross-entropy L.
 * Work the three chain-rule factors out on paper first. */
double bce_grad_w(double w, double b, double x, double y)
{
    (void)w;
    (void)b;
    (void)x;
    (void)y;
    return 0.0; /* TODO */
}

/* dL/db: the same chain, with dz/db in place of dz/dw. */
double bce_grad_b(double w, double b, double x, double y)
{
    (void)w;
    (void)b;
    (void)x;
    (void)y;
    return 0.0; /* TODO */
}
