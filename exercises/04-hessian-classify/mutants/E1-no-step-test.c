/* A mutant of 04-hessian-classify for its statement's edge rule E1: a solution
 * that accepts any step h: the formula is even in h, so h < 0 looks like a
 * step. It breaks that rule and no other; `make exercises-check` verifies that
 * it fails only cases the rule lists (exercises/edge-rules.lua). */
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* f at x + si e_i + sj e_j, the shifts added in that order. */
static double shifted(double (*f)(const double *x, int n), const double *x, int n,
                      double *work, int i, double si, int j, double sj)
{
    memcpy(work, x, (size_t)n * sizeof *work);
    work[i] += si;
    work[j] += sj;
    return f(work, n);
}

void numerical_hessian(double (*f)(const double *x, int n), const double *x, int n,
                       double h, double *H)
{
    if (n <= 0)
        return;
    double *work = malloc((size_t)n * sizeof *work);
    if (work == NULL) {
        for (int k = 0; k < n * n; k++)
            H[k] = NAN;
        free(work);
        return;
    }
    for (int i = 0; i < n; i++) {
        for (int j = i; j < n; j++) {
            double pp = shifted(f, x, n, work, i, h, j, h);
            double pm = shifted(f, x, n, work, i, h, j, -h);
            double mp = shifted(f, x, n, work, i, -h, j, h);
            double mm = shifted(f, x, n, work, i, -h, j, -h);
            H[i * n + j] = H[j * n + i] = (pp - pm - mp + mm) / (4.0 * h * h);
        }
    }
    free(work);
}

/* One Jacobi rotation in the (p, q) plane that zeroes A[p][q]: A <- J^T A J
 * with c = cos, s = sin chosen as in Golub and Van Loan's sym.schur2 (the
 * smaller of the two angles; hypot keeps 1 + tau^2 from overflowing). */
static void rotate(double *A, int n, int p, int q)
{
    double apq = A[p * n + q];
    if (apq == 0.0)
        return;
    double tau = (A[q * n + q] - A[p * n + p]) / (2.0 * apq);
    double t = (tau >= 0 ? 1.0 : -1.0) / (fabs(tau) + hypot(1.0, tau));
    double c = 1.0 / sqrt(1.0 + t * t), s = t * c;
    for (int k = 0; k < n; k++) {  /* columns p and q: A J */
        double akp = A[k * n + p], akq = A[k * n + q];
        A[k * n + p] = c * akp - s * akq;
        A[k * n + q] = s * akp + c * akq;
    }
    for (int k = 0; k < n; k++) {  /* rows p and q: J^T (A J) */
        double apk = A[p * n + k], aqk = A[q * n + k];
        A[p * n + k] = c * apk - s * aqk;
        A[q * n + k] = s * apk + c * aqk;
    }
    A[p * n + q] = A[q * n + p] = 0.0;  /* zero by construction; drop the rounding */
}

/* The eigenvalues of the symmetric matrix A (overwritten) into ev.  Sweeps
 * stop once the off-diagonal part is below DBL_EPSILON times the Frobenius
 * norm, which the rotations leave unchanged: the eigenvalues are then
 * accurate to about DBL_EPSILON * ||A||. */
static void jacobi_eigenvalues(double *A, int n, double *ev)
{
    double frob = 0.0;
    for (int k = 0; k < n * n; k++)
        frob += A[k] * A[k];
    frob = sqrt(frob);
    for (int sweep = 0; sweep < 100; sweep++) {  /* converges in < 10 in practice */
        double off = 0.0;
        for (int p = 0; p < n; p++)
            for (int q = p + 1; q < n; q++)
                off += 2.0 * A[p * n + q] * A[p * n + q];
        if (!(sqrt(off) > DBL_EPSILON * frob))
            break;
        for (int p = 0; p < n; p++)
            for (int q = p + 1; q < n; q++)
                rotate(A, n, p, q);
    }
    for (int i = 0; i < n; i++)
        ev[i] = A[i * n + i];
}

int classify_critical_point(const double *H, int n, double tol)
{
    if (n <= 0)
        return 2;
    double *A = malloc((size_t)n * (size_t)n * sizeof *A);
    double *ev = malloc((size_t)n * sizeof *ev);
    if (A == NULL || ev == NULL) {
        free(A);
        free(ev);
        return 2;
    }
    memcpy(A, H, (size_t)n * (size_t)n * sizeof *A);
    jacobi_eigenvalues(A, n, ev);
    int pos = 0, neg = 0, flat = 0;
    for (int i = 0; i < n; i++) {
        if (ev[i] > tol)
            pos++;
        else if (ev[i] < -tol)
            neg++;
        else
            flat++;
    }
    free(A);
    free(ev);
    if (pos && neg)
        return 0;  /* one curvature of each sign proves a saddle */
    if (flat)
        return 2;  /* a direction the second derivatives cannot resolve */
    return pos ? 1 : -1;
}
