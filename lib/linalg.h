/*
 * linalg.h -- the little dense linear algebra the course needs.
 *
 * Matrices are row-major arrays of double: A[i*n + j] is row i, column j of
 * an m x n matrix.  Sizes are small (Hessians of a few variables, at most a
 * few dozen), so clarity wins over blocking.
 *
 * The symmetric eigensolver is the cyclic Jacobi method (Golub & Van Loan,
 * Matrix Computations, 4th ed., section 8.5): each rotation zeroes one
 * off-diagonal pair, and sweeps repeat until the off-diagonal mass is
 * negligible.  It is slower than LAPACK's tridiagonal QR but short, easy to
 * read, and accurate to a few ulps of ||A|| (Demmel & Veselic 1992), which is
 * why the course uses it.
 *
 * Error contract: functions that return a status give SLOPE_EINVAL for a NULL
 * pointer or a zero size and SLOPE_EDOM for a NaN or infinite entry, and then
 * leave their outputs untouched.  Scalar functions return NaN for NULL input
 * or n == 0.
 */
#ifndef SLOPE_LINALG_H
#define SLOPE_LINALG_H

#include <stddef.h>

#include "status.h"

/* Largest n that slope_linalg_eigsym accepts (its accuracy is tested up to
 * here; beyond it use LAPACK). */
#define SLOPE_LINALG_EIG_MAX 256

/* x . y over n entries.  NaN if x or y is NULL or n == 0. */
double slope_linalg_dot(const double *x, const double *y, size_t n);

/* Euclidean norm ||x||_2, computed without overflow or underflow for any
 * finite entries (scaled accumulation, as LAPACK's dnrm2).  NaN if x is NULL
 * or n == 0.  Inf if an entry is infinite, NaN if an entry is NaN. */
double slope_linalg_norm2(const double *x, size_t n);

/* y = A x, with A m x n and x of length n, y of length m.  y must not alias
 * x.  SLOPE_EINVAL for NULL or m == 0 or n == 0. */
slope_status slope_linalg_matvec(double *y, const double *A, const double *x,
                                 size_t m, size_t n);

/* C = A B with A m x k, B k x n, C m x n.  C must not alias A or B.
 * SLOPE_EINVAL for NULL or a zero size. */
slope_status slope_linalg_matmul(double *C, const double *A, const double *B,
                                 size_t m, size_t k, size_t n);

/* x = A^{-1} b for a square n x n A, by Gaussian elimination with partial
 * pivoting (Golub & Van Loan, Matrix Computations, 4th ed., algorithm
 * 3.4.1, then back substitution): at each column the row with the largest
 * |entry| becomes the pivot row, which keeps every multiplier <= 1 in
 * magnitude.  A is not modified; x may alias b.  work: n*n + n doubles.
 * Errors: SLOPE_EINVAL for NULL x/A/b/work or n == 0; SLOPE_EDOM for a
 * non-finite entry of A or b; SLOPE_ESINGULAR when a pivot is at most
 * n * DBL_EPSILON * max|a_ij| -- below that, the pivot is within the
 * rounding error the elimination itself makes (backward error about
 * n eps ||A||), so A is indistinguishable from a singular matrix.  x is
 * written only on success, as the module's contract says. */
slope_status slope_linalg_solve(double *x, const double *A, const double *b, size_t n,
                                double *work);

/* Eigenvalues (ascending, as numpy.linalg.eigvalsh orders them) of the
 * symmetric n x n matrix A, and optionally (V != NULL) the orthonormal
 * eigenvectors as the columns of V (n x n, row-major), V[:, i] for eig[i].
 * Only the upper triangle of A is read; A is not modified.
 * work: n*n doubles.
 * Errors: SLOPE_EINVAL for NULL eig/A/work, n == 0 or n > SLOPE_LINALG_EIG_MAX;
 * SLOPE_EDOM for a non-finite entry; SLOPE_EMAXITER if 100 sweeps did not
 * converge (not seen in practice: Jacobi converges quadratically), in which
 * case eig holds the current diagonal. */
slope_status slope_linalg_eigsym(double *eig, double *V, const double *A,
                                 size_t n, double *work);

#endif
