/* Reference solution of 03-numerical-gradient.
 *
 * The shifted points are built in a private copy of x, one coordinate at a
 * time, and each moved coordinate is put back from x itself (not by
 * subtracting h again, which need not give the same double), so f always
 * sees x with exactly one coordinate changed, and x is never written. */
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
    free(work);
}
