/* A mutant of 03-numerical-gradient for its statement's edge rule E2: a
 * solution that writes a 0 into grad when n <= 0 (an empty gradient as zero).
 * It breaks that rule and no other; `make exercises-check` verifies that it
 * fails only cases the rule lists (exercises/edge-rules.lua). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

void numerical_gradient(double (*f)(const double *x, int n), const double *x, int n,
                        double h, double *grad)
{
    if (n <= 0) {
        grad[0] = 0.0;
        return;
    }
    double *work = malloc((size_t)n * sizeof *work);
    if (!(h > 0) || work == NULL) {
        for (int i = 0; i < n; i++)
            grad[i] = NAN;
        free(work);
        return;
    }
    memcpy(work, x, (size_t)n * sizeof *work);
    for (int i = 0; i < n; i++) {
        work[i] = x[i] + h;
        double fp = f(work, n);
        work[i] = x[i] - h;
        double fm = f(work, n);
        work[i] = x[i];
        grad[i] = (fp - fm) / (2.0 * h);
    }
    free(work);
}
