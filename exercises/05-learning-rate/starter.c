/* starter.c -- 05-learning-rate: replace the placeholders.
 *
 * Grade it with:   grader check 5 my.c   (after cp starter.c my.c)
 * The grader compiles this file with exercise.h included. */
#include <math.h>

#include "exercise.h"

/* x_t after t steps of x <- x - 2 alpha x from x0 (see exercise.h). */
double gd_iterate(double alpha, double x0, int t)
{
    (void)alpha;
    (void)x0;
    (void)t;
    return 0.0; /* TODO */
}

/* 1 when the iterates go to 0 from every x0, else 0. */
int gd_converges(double alpha)
{
    (void)alpha;
    return -1; /* TODO: not one of the two answers */
}

/* The learning rate that reaches the minimum fastest. */
double gd_optimal_alpha(void)
{
    return 0.0; /* TODO */
}
