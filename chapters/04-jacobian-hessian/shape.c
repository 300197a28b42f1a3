/*
 * shape.c -- chapter 04's hessian table (shape.h), for the chapter program
 * and the website's live figure alike.
 */
#include "shape.h"

#include <math.h>

/* Evaluated left to right as numpy does with the same expression, so the
 * four-point formula rounds exactly as numpy's. */
double quad_abc(const double *p, size_t n, void *params)
{
    (void)n;
    const quad *q = params;
    double x = p[0], y = p[1];
    return q->a * x * x + q->b * x * y + q->c * y * y;
}

int sign_rule(const double ev[2])
{
    if (ev[0] > 0 && ev[1] > 0)
        return 1;
    if (ev[0] < 0 && ev[1] < 0)
        return -1;
    return 0;
}

/* weave: classify */
/* The second-derivative test for n variables at a critical point, given the
 * Hessian's eigenvalues.  One eigenvalue of each sign settles "saddle" at
 * once; otherwise an eigenvalue within tol of zero (a flat direction, or one
 * the finite-difference noise cannot resolve) makes the test inconclusive:
 * the answer then hangs on higher derivatives. */
const char *classify(const double *ev, size_t n, double tol)
{
    int pos = 0, neg = 0, flat = 0;
    for (size_t i = 0; i < n; i++) {
        if (ev[i] > tol)
            pos++;
        else if (ev[i] < -tol)
            neg++;
        else
            flat++;
    }
    if (pos && neg)
        return "saddle point";
    if (flat)
        return "inconclusive";
    return pos ? "local min" : "local max";
}
/* weave end */

/* Where numpy would switch to scientific notation (tiny or wildly spread
 * entries, which a small --h can produce), the library declines, and each
 * entry goes out as %.3e instead so the table keeps going.  Once buf is full
 * nothing more is written: it keeps a NUL-terminated prefix, as the
 * library's own SLOPE_ETOL leaves it. */
slope_status shape_npstr(char *buf, size_t size, const double *a, size_t rows, size_t cols)
{
    slope_status s = rows == 1 ? slope_table_numpy_vector(buf, size, a, cols)
                               : slope_table_numpy_matrix(buf, size, a, rows, cols);
    if (s != SLOPE_EDOM)
        return s;
    size_t pos = 0;
    for (size_t i = 0; i < rows && pos < size; i++) {
        const char *open = rows == 1 ? "[" : (i == 0 ? "[[" : " [");
        pos += (size_t)snprintf(buf + pos, size - pos, "%s", open);
        for (size_t j = 0; j < cols && pos < size; j++)
            pos += (size_t)snprintf(buf + pos, size - pos, "%s%.3e", j ? " " : "", a[i * cols + j]);
        if (pos < size)
            pos += (size_t)snprintf(buf + pos, size - pos, "]%s",
                                    i + 1 < rows ? "\n" : (rows > 1 ? "]" : ""));
    }
    return pos < size ? SLOPE_OK : SLOPE_ETOL;
}

/* The Hessian, numpy's np.round(H, 4) of it (scale, round half to even,
 * scale back: numpy's own recipe) and its repr()s, and the exact Hessian. */
static slope_status hessian_matrices(FILE *out, const double H[4], const quad *q,
                                     const double p[2])
{
    char buf[256], s1[32], s2[32], s3[32];
    double Hr[4], scale = pow(10.0, 4);
    for (int i = 0; i < 4; i++)
        Hr[i] = rint(H[i] * scale) / scale;
    slope_status st = shape_npstr(buf, sizeof buf, Hr, 2, 2);
    if (st != SLOPE_OK)
        return st;
    fprintf(out, "\nHessian at (%g, %g), rounded to 4 decimals:\n%s\n", p[0], p[1], buf);
    if ((st = slope_table_repr(s1, sizeof s1, H[0])) != SLOPE_OK ||
        (st = slope_table_repr(s2, sizeof s2, H[1])) != SLOPE_OK ||
        (st = slope_table_repr(s3, sizeof s3, H[3])) != SLOPE_OK)
        return st;
    fprintf(out, "unrounded: H11 = %s, H12 = H21 = %s, H22 = %s\n", s1, s2, s3);
    const double exact[4] = {2 * q->a, q->b, q->b, 2 * q->c};
    if ((st = shape_npstr(buf, sizeof buf, exact, 2, 2)) != SLOPE_OK)
        return st;
    fprintf(out, "exact Hessian [[2a, b], [b, 2c]]:\n%s\n", buf);
    return SLOPE_OK;
}

/* The eigenvalues, the sign rule's verdict and classify's. */
static slope_status hessian_verdicts(FILE *out, shape_result *r, double tol)
{
    char buf[256];
    slope_status st = shape_npstr(buf, sizeof buf, r->ev, 1, 2);
    if (st != SLOPE_OK)
        return st;
    fprintf(out, "\nEigenvalues: %s\n", buf);
    static const char *verdict[] = {"All negative: local MAXIMUM (hill top)",
                                    "Mixed signs: SADDLE POINT",
                                    "All positive: local MINIMUM (bowl shape)"};
    fprintf(out, "  -> %s\n", verdict[sign_rule(r->ev) + 1]);
    r->verdict = classify(r->ev, 2, tol);
    fprintf(out, "  (with a tolerance, section 3.1, tol = %g: %s)\n", tol, r->verdict);
    return SLOPE_OK;
}

slope_status hessian_table_print(FILE *out, shape_result *r, const quad *q, const double p[2],
                                 double h, double tol)
{
    double work[2 * 2], g0[2];
    char buf[256];
    quad qc = *q; /* libslope's params pointer is not const */
    fprintf(out, "f(x, y) = a x^2 + b xy + c y^2 with a = %g, b = %g, c = %g; point (%g, %g); h = %g\n",
            q->a, q->b, q->c, p[0], p[1], h);
    slope_status st = slope_deriv_hessian(r->H, quad_abc, &qc, p, 2, h, work);
    if (st == SLOPE_OK)
        st = slope_linalg_eigsym(r->ev, NULL, r->H, 2, work);
    if (st == SLOPE_OK)
        st = hessian_matrices(out, r->H, q, p);
    if (st == SLOPE_OK)
        st = hessian_verdicts(out, r, tol);
    if (st == SLOPE_OK)
        st = slope_deriv_gradient(r->grad, quad_abc, &qc, p, 2, h, work);
    if (st == SLOPE_OK)
        st = shape_npstr(buf, sizeof buf, r->grad, 1, 2);
    if (st != SLOPE_OK)
        return st;
    fprintf(out, "\nBut the test is for critical points.  Gradient at (%g, %g): %s\n", p[0], p[1], buf);
    const double origin[2] = {0.0, 0.0};
    st = slope_deriv_gradient(g0, quad_abc, &qc, origin, 2, h, work);
    if (st == SLOPE_OK)
        st = shape_npstr(buf, sizeof buf, g0, 1, 2);
    if (st != SLOPE_OK)
        return st;
    fprintf(out, "Gradient at the origin:    %s\n", buf);
    return ferror(out) ? SLOPE_EDOM : SLOPE_OK;
}
