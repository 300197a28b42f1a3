#include "deriv.h"

#include <float.h>
#include <math.h>
#include <string.h>

static int step_ok(double h)
{
    return isfinite(h) && h > 0.0;
}

/* Scale a relative step to x, then round it so that x + h is exactly
 * representable: the quotient then divides by the step actually taken. */
static double scaled_step(double x, double rel)
{
    if (!isfinite(x))
        return NAN;
    volatile double xh = x + rel * fmax(fabs(x), 1.0);  /* volatile: keep the rounding */
    return xh - x;
}

double slope_deriv_step_forward(double x)
{
    return scaled_step(x, sqrt(DBL_EPSILON));
}

double slope_deriv_step_central(double x)
{
    return scaled_step(x, cbrt(DBL_EPSILON));
}

double slope_deriv_step_second(double x)
{
    return scaled_step(x, sqrt(sqrt(DBL_EPSILON)));
}

double slope_deriv_forward(slope_fn f, void *params, double x, double h)
{
    if (!f || !step_ok(h) || !isfinite(x))
        return NAN;
    return (f(x + h, params) - f(x, params)) / h;
}

double slope_deriv_central(slope_fn f, void *params, double x, double h)
{
    if (!f || !step_ok(h) || !isfinite(x))
        return NAN;
    return (f(x + h, params) - f(x - h, params)) / (2 * h);
}

double slope_deriv_second(slope_fn f, void *params, double x, double h)
{
    if (!f || !step_ok(h) || !isfinite(x))
        return NAN;
    return (f(x + h, params) - 2 * f(x, params) + f(x - h, params)) / (h * h);
}

slope_status slope_deriv_error_curve(double *err_forward, double *err_central,
                                     slope_fn f, void *params, double x,
                                     double exact, const double *h, size_t nh)
{
    if (!f || !h || nh == 0)
        return SLOPE_EINVAL;
    for (size_t k = 0; k < nh; k++)
        if (!step_ok(h[k]))
            return SLOPE_EINVAL;
    if (!isfinite(x) || !isfinite(exact))
        return SLOPE_EDOM;
    for (size_t k = 0; k < nh; k++) {
        if (err_forward)
            err_forward[k] = fabs(slope_deriv_forward(f, params, x, h[k]) - exact);
        if (err_central)
            err_central[k] = fabs(slope_deriv_central(f, params, x, h[k]) - exact);
    }
    return SLOPE_OK;
}

/* The checks every vector routine starts with. */
static slope_status check_vector(const void *out, int have_f, const double *x,
                                 size_t n, double h, const double *work)
{
    if (!out || !have_f || !x || !work || n == 0 || !step_ok(h))
        return SLOPE_EINVAL;
    for (size_t i = 0; i < n; i++)
        if (!isfinite(x[i]))
            return SLOPE_EDOM;
    return SLOPE_OK;
}

slope_status slope_deriv_gradient(double *grad, slope_fn_n f, void *params,
                                  const double *x, size_t n, double h,
                                  double *work)
{
    slope_status s = check_vector(grad, f != NULL, x, n, h, work);
    if (s != SLOPE_OK)
        return s;
    memcpy(work, x, n * sizeof *work);
    for (size_t i = 0; i < n; i++) {
        work[i] = x[i] + h;
        double fp = f(work, n, params);
        work[i] = x[i] - h;
        double fm = f(work, n, params);
        work[i] = x[i];
        grad[i] = (fp - fm) / (2 * h);
    }
    return SLOPE_OK;
}

slope_status slope_deriv_jacobian(double *J, slope_fn_nm f, void *params,
                                  const double *x, size_t n, size_t m,
                                  double h, double *work)
{
    slope_status s = check_vector(J, f != NULL, x, n, h, work);
    if (s != SLOPE_OK)
        return s;
    if (m == 0)
        return SLOPE_EINVAL;
    double *xs = work, *yp = work + n, *ym = work + n + m;
    memcpy(xs, x, n * sizeof *xs);
    for (size_t j = 0; j < n; j++) {
        xs[j] = x[j] + h;
        f(yp, m, xs, n, params);
        xs[j] = x[j] - h;
        f(ym, m, xs, n, params);
        xs[j] = x[j];
        for (size_t i = 0; i < m; i++)
            J[i * n + j] = (yp[i] - ym[i]) / (2 * h);
    }
    return SLOPE_OK;
}

/* f at x + si*h*e_i + sj*h*e_j, the shifts applied in that order. */
static double shifted(slope_fn_n f, void *params, const double *x, size_t n,
                      double *work, size_t i, double si, size_t j, double sj)
{
    memcpy(work, x, n * sizeof *work);
    work[i] += si;
    work[j] += sj;
    return f(work, n, params);
}

slope_status slope_deriv_hessian(double *H, slope_fn_n f, void *params,
                                 const double *x, size_t n, double h,
                                 double *work)
{
    slope_status s = check_vector(H, f != NULL, x, n, h, work);
    if (s != SLOPE_OK)
        return s;
    for (size_t i = 0; i < n; i++) {
        for (size_t j = i; j < n; j++) {
            double pp = shifted(f, params, x, n, work, i, h, j, h);
            double pm = shifted(f, params, x, n, work, i, h, j, -h);
            double mp = shifted(f, params, x, n, work, i, -h, j, h);
            double mm = shifted(f, params, x, n, work, i, -h, j, -h);
            H[i * n + j] = H[j * n + i] = (pp - pm - mp + mm) / (4 * h * h);
        }
    }
    return SLOPE_OK;
}
