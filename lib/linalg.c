#include "linalg.h"

#include <float.h>
#include <math.h>
#include <string.h>

double slope_linalg_dot(const double *x, const double *y, size_t n)
{
    if (!x || !y || n == 0)
        return NAN;
    double s = 0.0;
    for (size_t i = 0; i < n; i++)
        s += x[i] * y[i];
    return s;
}

double slope_linalg_norm2(const double *x, size_t n)
{
    if (!x || n == 0)
        return NAN;
    /* Keep scale = max |x_i| seen so far and ssq = sum (x_i/scale)^2, so no
     * square ever overflows or underflows. */
    double scale = 0.0, ssq = 1.0;
    int inf = 0;
    for (size_t i = 0; i < n; i++) {
        double a = fabs(x[i]);
        if (isnan(a))
            return NAN;
        if (isinf(a))
            inf = 1;
        if (a == 0.0 || inf)
            continue;
        if (scale < a) {
            ssq = 1.0 + ssq * (scale / a) * (scale / a);
            scale = a;
        } else {
            ssq += (a / scale) * (a / scale);
        }
    }
    return inf ? INFINITY : scale * sqrt(ssq);
}

slope_status slope_linalg_matvec(double *y, const double *A, const double *x,
                                 size_t m, size_t n)
{
    if (!y || !A || !x || m == 0 || n == 0)
        return SLOPE_EINVAL;
    for (size_t i = 0; i < m; i++) {
        double s = 0.0;
        for (size_t j = 0; j < n; j++)
            s += A[i * n + j] * x[j];
        y[i] = s;
    }
    return SLOPE_OK;
}

slope_status slope_linalg_matmul(double *C, const double *A, const double *B,
                                 size_t m, size_t k, size_t n)
{
    if (!C || !A || !B || m == 0 || k == 0 || n == 0)
        return SLOPE_EINVAL;
    memset(C, 0, m * n * sizeof *C);
    for (size_t i = 0; i < m; i++)          /* i-p-j order: B and C rows stream */
        for (size_t p = 0; p < k; p++)
            for (size_t j = 0; j < n; j++)
                C[i * n + j] += A[i * k + p] * B[p * n + j];
    return SLOPE_OK;
}

/* ---- Gaussian elimination with partial pivoting -------------------------------- */

/* The row p >= k with the largest |a[p][k]|. */
static size_t pivot_row(const double *a, size_t n, size_t k)
{
    size_t p = k;
    for (size_t i = k + 1; i < n; i++)
        if (fabs(a[i * n + k]) > fabs(a[p * n + k]))
            p = i;
    return p;
}

static void swap_rows(double *a, double *r, size_t n, size_t i, size_t j)
{
    for (size_t c = 0; c < n; c++) {
        double t = a[i * n + c]; a[i * n + c] = a[j * n + c]; a[j * n + c] = t;
    }
    double t = r[i]; r[i] = r[j]; r[j] = t;
}

/* Reduce [a | r] to upper-triangular form; 0 when a pivot is below tiny. */
static int eliminate(double *a, double *r, size_t n, double tiny)
{
    for (size_t k = 0; k < n; k++) {
        size_t p = pivot_row(a, n, k);
        if (!(fabs(a[p * n + k]) > tiny))
            return 0;
        if (p != k)
            swap_rows(a, r, n, p, k);
        for (size_t i = k + 1; i < n; i++) {
            double m = a[i * n + k] / a[k * n + k]; /* |m| <= 1: the point of pivoting */
            for (size_t c = k + 1; c < n; c++)
                a[i * n + c] -= m * a[k * n + c];
            r[i] -= m * r[k];
        }
    }
    return 1;
}

slope_status slope_linalg_solve(double *x, const double *A, const double *b, size_t n,
                                double *work)
{
    if (!x || !A || !b || !work || n == 0)
        return SLOPE_EINVAL;
    double amax = 0.0;
    for (size_t i = 0; i < n * n; i++) {
        if (!isfinite(A[i]))
            return SLOPE_EDOM;
        amax = fmax(amax, fabs(A[i]));
    }
    for (size_t i = 0; i < n; i++)
        if (!isfinite(b[i]))
            return SLOPE_EDOM;
    double *a = work, *r = work + n * n;
    memcpy(a, A, n * n * sizeof *a);
    memcpy(r, b, n * sizeof *r);
    if (!eliminate(a, r, n, (double)n * DBL_EPSILON * amax))
        return SLOPE_ESINGULAR;
    for (size_t k = n; k-- > 0;) { /* back substitution, in place in r */
        double s = r[k];
        for (size_t c = k + 1; c < n; c++)
            s -= a[k * n + c] * r[c];
        r[k] = s / a[k * n + k];
    }
    memcpy(x, r, n * sizeof *x);
    return SLOPE_OK;
}

/* ---- Jacobi eigensolver ---------------------------------------------------- */

static double offdiag_norm2(const double *a, size_t n)
{
    double s = 0.0;
    for (size_t i = 0; i < n; i++)
        for (size_t j = i + 1; j < n; j++)
            s += a[i * n + j] * a[i * n + j];
    return s;
}

/* Apply the rotation in the (p, q) plane that zeroes a[p][q] (Golub & Van
 * Loan, Algorithm 8.5.1 with the stable choice of t, the smaller root). */
static void rotate(double *a, double *v, size_t n, size_t p, size_t q)
{
    double apq = a[p * n + q];
    double theta = (a[q * n + q] - a[p * n + p]) / (2.0 * apq);
    double t = copysign(1.0, theta) / (fabs(theta) + hypot(theta, 1.0));
    double c = 1.0 / hypot(t, 1.0), s = t * c;
    for (size_t k = 0; k < n; k++) {       /* columns p and q: A J */
        double akp = a[k * n + p], akq = a[k * n + q];
        a[k * n + p] = c * akp - s * akq;
        a[k * n + q] = s * akp + c * akq;
    }
    for (size_t k = 0; k < n; k++) {       /* rows p and q: J^T (A J) */
        double apk = a[p * n + k], aqk = a[q * n + k];
        a[p * n + k] = c * apk - s * aqk;
        a[q * n + k] = s * apk + c * aqk;
    }
    a[p * n + q] = a[q * n + p] = 0.0;     /* exact zero, not round-off */
    if (v)
        for (size_t k = 0; k < n; k++) {
            double vkp = v[k * n + p], vkq = v[k * n + q];
            v[k * n + p] = c * vkp - s * vkq;
            v[k * n + q] = s * vkp + c * vkq;
        }
}

/* Sort eigenvalues ascending, carrying eigenvector columns (insertion sort:
 * n is small and the diagonal is usually nearly sorted). */
static void sort_eigen(double *eig, double *v, size_t n)
{
    for (size_t i = 1; i < n; i++)
        for (size_t j = i; j > 0 && eig[j - 1] > eig[j]; j--) {
            double t = eig[j]; eig[j] = eig[j - 1]; eig[j - 1] = t;
            if (v)
                for (size_t k = 0; k < n; k++) {
                    double u = v[k * n + j]; v[k * n + j] = v[k * n + j - 1]; v[k * n + j - 1] = u;
                }
        }
}

slope_status slope_linalg_eigsym(double *eig, double *V, const double *A,
                                 size_t n, double *work)
{
    if (!eig || !A || !work || n == 0 || n > SLOPE_LINALG_EIG_MAX)
        return SLOPE_EINVAL;
    for (size_t i = 0; i < n; i++)
        for (size_t j = i; j < n; j++)
            if (!isfinite(A[i * n + j]))
                return SLOPE_EDOM;
    double *a = work;
    double total = 0.0;
    for (size_t i = 0; i < n; i++)      /* symmetrise from the upper triangle */
        for (size_t j = i; j < n; j++) {
            a[i * n + j] = a[j * n + i] = A[i * n + j];
            total += (i == j ? 1.0 : 2.0) * A[i * n + j] * A[i * n + j];
        }
    if (V)
        for (size_t i = 0; i < n; i++)
            for (size_t j = 0; j < n; j++)
                V[i * n + j] = (i == j);
    /* Stop when the off-diagonal mass is below eps^2 ||A||_F^2: the remaining
     * entries then move no eigenvalue by more than about eps ||A||. */
    double tol = DBL_EPSILON * DBL_EPSILON * total;
    slope_status status = SLOPE_EMAXITER;
    for (int sweep = 0; sweep < 100; sweep++) {
        if (offdiag_norm2(a, n) <= tol) {
            status = SLOPE_OK;
            break;
        }
        for (size_t p = 0; p < n; p++)
            for (size_t q = p + 1; q < n; q++)
                if (a[p * n + q] != 0.0)
                    rotate(a, V, n, p, q);
    }
    for (size_t i = 0; i < n; i++)
        eig[i] = a[i * n + i];
    sort_eigen(eig, V, n);
    return status;
}
