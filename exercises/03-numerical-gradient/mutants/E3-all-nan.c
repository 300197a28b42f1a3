/* A mutant of 03-numerical-gradient for its statement's edge rule E3: a
 * solution that declares the whole gradient NaN when one entry is NaN. It
 * breaks that rule and no other; `make exercises-check` verifies that it fails
 * only cases the rule lists (exercises/edge-rules.lua). */
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
    memcpy(work, x, (size_t)n * sizeof *work);
    for (int i = 0; i < n; i++) {
        work[i] = x[i] + h;
        double fp = f(work, n);
        work[i] = x[i] - h;
        double fm = f(work, n);
        work[i] = x[i];
        grad[i] = (fp - fm) / (2.0 * h);
    }
    for (int i = 0; i < n; i++)
        if (isnan(grad[i]))
            for (int j = 0; j < n; j++)
                grad[j] = NAN;
    free(work);
}
