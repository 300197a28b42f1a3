/*
 * curvature.c -- Hessian-vector products from gradients, power iteration,
 * and Newton's step.
 */
#include "curvature.h"

#include <float.h>
#include <math.h>
#include <string.h>

#include "linalg.h"

static int all_finite(const double *x, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!isfinite(x[i]))
            return 0;
    return 1;
}

/* rel * max(||x||, 1) / ||v||, or NaN when that is not a usable step. */
static double hvp_step(const double *x, const double *v, size_t n, double rel)
{
    if (!x || !v || n == 0 || !all_finite(x, n) || !all_finite(v, n))
        return NAN;
    double nv = slope_linalg_norm2(v, n);
    if (nv == 0.0)
        return NAN;
    double r = rel * fmax(slope_linalg_norm2(x, n), 1.0) / nv;
    return r > 0.0 && isfinite(r) ? r : NAN; /* a huge or tiny ||v|| can take r out of range */
}

double slope_curvature_hvp_step_central(const double *x, const double *v, size_t n)
{
    return hvp_step(x, v, n, cbrt(DBL_EPSILON));
}

double slope_curvature_hvp_step_forward(const double *x, const double *v, size_t n)
{
    return hvp_step(x, v, n, sqrt(DBL_EPSILON));
}

static slope_status hvp_check(const double *hv, slope_grad_fn grad, const double *x,
                              const double *v, size_t n, double r, const double *work)
{
    if (!hv || !grad || !x || !v || !work || n == 0 || !(r > 0.0 && isfinite(r)))
        return SLOPE_EINVAL;
    return all_finite(x, n) && all_finite(v, n) ? SLOPE_OK : SLOPE_EDOM;
}

/* y = x + s v */
static void axpy(double *y, const double *x, double s, const double *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        y[i] = x[i] + s * v[i];
}

slope_status slope_curvature_hvp_central(double *hv, slope_grad_fn grad, void *params,
                                         const double *x, const double *v, size_t n,
                                         double r, double *work)
{
    slope_status st = hvp_check(hv, grad, x, v, n, r, work);
    if (st != SLOPE_OK)
        return st;
    double *xs = work, *gm = work + n;
    axpy(xs, x, -r, v, n);
    grad(gm, xs, n, params);
    axpy(xs, x, r, v, n);
    grad(hv, xs, n, params);
    for (size_t i = 0; i < n; i++)
        hv[i] = (hv[i] - gm[i]) / (2.0 * r);
    return SLOPE_OK;
}

slope_status slope_curvature_hvp_forward(double *hv, slope_grad_fn grad, void *params,
                                         const double *x, const double *gx,
                                         const double *v, size_t n, double r,
                                         double *work)
{
    slope_status st = hvp_check(hv, grad, x, v, n, r, work);
    if (st == SLOPE_OK && !gx)
        st = SLOPE_EINVAL;
    if (st == SLOPE_OK && !all_finite(gx, n))
        st = SLOPE_EDOM;
    if (st != SLOPE_OK)
        return st;
    axpy(work, x, r, v, n);
    grad(hv, work, n, params);
    for (size_t i = 0; i < n; i++)
        hv[i] = (hv[i] - gx[i]) / r;
    return SLOPE_OK;
}

void slope_curvature_hessian_apply(double *hv, const double *v, size_t n, void *hessian)
{
    const slope_curvature_hessian *h = hessian;
    double r = h ? slope_curvature_hvp_step_central(h->x, v, n) : NAN;
    if (isnan(r) || slope_curvature_hvp_central(hv, h->grad, h->params, h->x, v, n, r,
                                                h->work) != SLOPE_OK)
        for (size_t i = 0; i < n; i++)
            hv[i] = NAN;
}

/* ---- power iteration ------------------------------------------------------------ */

/* v /= ||v||; 0 when v is zero. */
static int normalise(double *v, size_t n)
{
    double nv = slope_linalg_norm2(v, n);
    if (!(nv > 0.0))
        return 0;
    for (size_t i = 0; i < n; i++)
        v[i] /= nv;
    return 1;
}

/* lambda = v . w and the residual ||w - lambda v|| for unit v, w = A v. */
static void rayleigh(slope_curvature_eig *res, const double *v, double *w, size_t n)
{
    double lam = slope_linalg_dot(v, w, n), rr = 0.0;
    for (size_t i = 0; i < n; i++) {
        double d = w[i] - lam * v[i];
        rr += d * d;
    }
    res->lambda = lam;
    res->residual = sqrt(rr);
}

slope_status slope_curvature_power(slope_curvature_eig *res, double *v, slope_matvec_fn av,
                                   void *params, size_t n, double tol, size_t max_iter,
                                   double *work)
{
    if (!res || !v || !av || !work || n == 0 || max_iter == 0 || !(tol > 0.0 && tol < 1.0))
        return SLOPE_EINVAL;
    if (!all_finite(v, n))
        return SLOPE_EDOM;
    if (slope_linalg_norm2(v, n) == 0.0)
        return SLOPE_EINVAL;
    normalise(v, n);
    double *w = work;
    for (size_t k = 1; k <= max_iter; k++) {
        av(w, v, n, params);
        res->iters = k;
        if (!all_finite(w, n)) {
            res->lambda = res->residual = NAN;
            return SLOPE_EDIVERGED;
        }
        rayleigh(res, v, w, n);
        if (res->residual <= tol * fabs(res->lambda))
            return SLOPE_OK;
        if (k == max_iter || !normalise(w, n))
            break; /* keep v: it is the vector res describes */
        memcpy(v, w, n * sizeof *v);
    }
    return SLOPE_EMAXITER;
}

/* ---- Newton ------------------------------------------------------------------------ */

slope_status slope_curvature_newton_step(double *d, const double *H, const double *g,
                                         size_t n, double *work)
{
    slope_status st = slope_linalg_solve(d, H, g, n, work);
    if (st != SLOPE_OK)
        return st;
    for (size_t i = 0; i < n; i++)
        d[i] = -d[i];
    return SLOPE_OK;
}
