/* Reference solution of 08b-power-iteration: power iteration with the
 * Rayleigh quotient as the estimate (Golub and Van Loan, "Matrix
 * Computations", 4th ed., section 8.2.1).
 *
 * Only products H v are needed, never H itself: that is what makes it usable
 * on a network's Hessian, whose products cost about one extra gradient.  The
 * Rayleigh quotient v.Hv keeps the sign of the eigenvalue it converges to
 * (|Hv| would lose it), and its error is the square of the error in v. */
#include <math.h>
#include <stdlib.h>

static double norm2(const double *x, int n)
{
    double s = 0.0;
    for (int i = 0; i < n; i++)
        s += x[i] * x[i];
    return sqrt(s);
}

double power_iteration(void (*hvp)(const double *v, double *hv, int n), const double *v0,
                       int n, int iters, double *v_out)
{
    if (n <= 0)
        return NAN;
    double *v = malloc(2 * (size_t)n * sizeof *v);
    if (v == NULL) {
        for (int i = 0; i < n; i++)
            v_out[i] = NAN;
        return NAN;
    }
    double *w = v + n;
    double len = norm2(v0, n);
    for (int i = 0; i < n; i++)
        v[i] = v0[i] / len;
    double lambda = NAN;
    if (len > 0) {
        for (int k = 0; k < iters; k++) {
            hvp(v, w, n);
            lambda = 0.0;
            for (int i = 0; i < n; i++)
                lambda += v[i] * w[i];
            double s = norm2(w, n);
            if (s == 0.0)
                break; /* v is in the null space: H v = 0, lambda = 0 */
            for (int i = 0; i < n; i++)
                v[i] = w[i] / s;
        }
    }
    for (int i = 0; i < n; i++)
        v_out[i] = v[i];
    free(v);
    return lambda;
}
