/* A mutant of 03-numerical-gradient for its statement's edge rule E4: a
 * solution that shifts x itself and moves it back by subtracting h: (x + h) -
 * h need not be x. It breaks that rule and no other; `make exercises-check`
 * verifies that it fails only cases the rule lists (exercises/edge-rules.lua). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

void numerical_gradient(double (*f)(const double *x, int n), const double *x, int n,
                        double h, double *grad)
{
    if (n <= 0)
        return;
    double *work = malloc((size_t)n * sizeof *work);
    if (!(h > 0) || work == NULL) {
        for (int i = 0; i < n; i++)
            grad[i] = NAN;
        free(work);
        return;
    }
    double *xs = (double *)(void *)(size_t)x;  /* casts const away */
    for (int i = 0; i < n; i++) {
        xs[i] += h;
        double fp = f(xs, n);
        xs[i] -= 2.0 * h;
        double fm = f(xs, n);
        xs[i] += h;
        grad[i] = (fp - fm) / (2.0 * h);
    }
    free(work);
}
