/*
 * integrate.c -- globally adaptive Gauss-Kronrod quadrature and the
 * trapezoid rule.  See integrate.h for the contract and the references.
 */
#include "integrate.h"

#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>

/* ---- the 7-15 Gauss-Kronrod rule on [-1, 1] --------------------------------
 * Computed at 50 digits by tests/oracle/integrate_oracle.py from the rule's
 * definition; they agree with the tables of Piessens et al. (1983).
 * Kronrod nodes x_k >= 0 in descending order; odd k are the Gauss nodes. */
static const double xgk[8] = {
    9.914553711208126392068547e-1,
    9.491079123427585245261897e-1,
    8.648644233597690727897128e-1,
    7.415311855993944398638648e-1,
    5.860872354676911302941448e-1,
    4.058451513773971669066064e-1,
    2.077849550078984676006894e-1,
    0.0,
};
static const double wgk[8] = {
    2.293532201052922496373201e-2,
    6.309209262997855329070066e-2,
    1.047900103222501838398763e-1,
    1.406532597155259187451896e-1,
    1.690047266392679028265834e-1,
    1.903505780647854099132564e-1,
    2.044329400752988924141620e-1,
    2.094821410847278280129992e-1,
};
/* Gauss weights of xgk[1], xgk[3], xgk[5], xgk[7]. */
static const double wg[4] = {
    1.294849661688696932706114e-1,
    2.797053914892766679014678e-1,
    3.818300505051189449503698e-1,
    4.179591836734693877551020e-1,
};

/* A rule's result cannot be trusted below this many ulps of sum |f| w. */
#define ROUNDOFF_ULPS 50.0

typedef struct {
    double a, b, result, error;
} interval;

struct slope_integrate_workspace {
    size_t limit;
    interval *iv; /* a max-heap on error */
};

typedef enum { MAP_FINITE, MAP_UPPER_INF, MAP_LOWER_INF, MAP_BOTH_INF } map_kind;

typedef struct {
    slope_fn f;
    void *params;
    map_kind kind;
    double base; /* the finite limit of a half-infinite range */
} problem;

slope_integrate_workspace *slope_integrate_workspace_alloc(size_t limit)
{
    if (limit == 0 || limit > SIZE_MAX / sizeof(interval))
        return NULL;
    slope_integrate_workspace *w = malloc(sizeof *w);
    if (!w)
        return NULL;
    w->iv = malloc(limit * sizeof *w->iv);
    if (!w->iv) {
        free(w);
        return NULL;
    }
    w->limit = limit;
    return w;
}

void slope_integrate_workspace_free(slope_integrate_workspace *w)
{
    if (w) {
        free(w->iv);
        free(w);
    }
}

/* The integrand in the t variable: f(x(t)) * dx/dt (see integrate.h). */
static double eval(const problem *p, double t)
{
    double s, x;
    switch (p->kind) {
    case MAP_UPPER_INF:
    case MAP_LOWER_INF:
        s = 1.0 / (1.0 - t);
        x = p->kind == MAP_UPPER_INF ? p->base + t * s : p->base - t * s;
        return p->f(x, p->params) * s * s;
    case MAP_BOTH_INF:
        s = 1.0 / ((1.0 - t) * (1.0 + t)); /* factored: no cancellation near +-1 */
        return p->f(t * s, p->params) * (1.0 + t * t) * s * s;
    case MAP_FINITE:
        break;
    }
    return p->f(t, p->params);
}

/* Applies the 7-15 rule to iv->[a, b]; fills result and error.  Returns 0
 * when f produced a NaN or an infinity (then sum |f| is not finite). */
static int gk15(interval *iv, const problem *p)
{
    double c = 0.5 * (iv->a + iv->b), h = 0.5 * (iv->b - iv->a);
    double fv[15];
    fv[7] = eval(p, c);
    double rk = wgk[7] * fv[7], rg = wg[3] * fv[7], rabs = fabs(rk);
    for (int j = 0; j < 7; j++) {
        fv[j] = eval(p, c - h * xgk[j]);
        fv[14 - j] = eval(p, c + h * xgk[j]);
        double pair = fv[j] + fv[14 - j];
        rk += wgk[j] * pair;
        rabs += wgk[j] * (fabs(fv[j]) + fabs(fv[14 - j]));
        if (j % 2 == 1)
            rg += wg[j / 2] * pair;
    }
    if (!isfinite(rabs))
        return 0;
    /* resasc ~ integral of |f - mean f|: how much f varies on the piece */
    double mean = 0.5 * rk, rasc = 0.0;
    for (int j = 0; j < 15; j++)
        rasc += wgk[j < 8 ? j : 14 - j] * fabs(fv[j] - mean);
    double resabs = rabs * h, resasc = rasc * h, err = fabs((rk - rg) * h);
    /* Piessens et al. (1983): |K15 - G7| overstates the error of K15 by
     * orders of magnitude on smooth f; this scaling is their calibration. */
    if (resasc != 0.0 && err != 0.0)
        err = resasc * fmin(1.0, pow(200.0 * err / resasc, 1.5));
    if (resabs > DBL_MIN / (ROUNDOFF_ULPS * DBL_EPSILON))
        err = fmax(err, ROUNDOFF_ULPS * DBL_EPSILON * resabs);
    iv->result = rk * h;
    iv->error = err;
    return 1;
}

/* Below this width the halves' outermost Kronrod nodes (0.0043 half-widths
 * from an end) would round onto the end points, where a mapped integrand is
 * infinite, and the halves would repeat the parent's information. */
static int too_narrow(const interval *iv)
{
    double width = iv->b - iv->a, scale = fmax(fabs(iv->a), fabs(iv->b));
    return width <= 1024.0 * DBL_EPSILON * scale || width <= 1024.0 * DBL_MIN;
}

/* ---- a binary max-heap of intervals keyed on error -------------------------- */

static void heap_sift_down(interval *h, size_t n, size_t i)
{
    interval x = h[i];
    for (size_t c; (c = 2 * i + 1) < n; i = c) {
        if (c + 1 < n && h[c + 1].error > h[c].error)
            c++;
        if (h[c].error <= x.error)
            break;
        h[i] = h[c];
    }
    h[i] = x;
}

static void heap_push(interval *h, size_t *n, interval x)
{
    size_t i = (*n)++;
    for (size_t parent; i > 0 && h[parent = (i - 1) / 2].error < x.error; i = parent)
        h[i] = h[parent];
    h[i] = x;
}

/* Exact totals over the heap: the running sums drift by cancellation. */
static void heap_totals(double *sum, double *err, const interval *h, size_t n)
{
    double s = 0.0, e = 0.0;
    for (size_t i = 0; i < n; i++)
        s += h[i].result, e += h[i].error;
    *sum = s;
    *err = e;
}

/* Bisect the worst piece until the total error meets the tolerance. */
static slope_status adapt(double *result, double *abserr, const problem *p, interval first,
                          double epsabs, double epsrel, size_t limit, interval *heap)
{
    size_t n = 0;
    if (!gk15(&first, p))
        return SLOPE_EDIVERGED;
    heap_push(heap, &n, first);
    double sum = first.result, err = first.error;
    slope_status st = SLOPE_OK;
    while (err > fmax(epsabs, epsrel * fabs(sum))) {
        if (n == limit) {
            st = SLOPE_EMAXITER;
            break;
        }
        interval worst = heap[0];
        if (too_narrow(&worst)) {
            st = SLOPE_ETOL;
            break;
        }
        double mid = 0.5 * (worst.a + worst.b);
        interval left = {worst.a, mid, 0.0, 0.0}, right = {mid, worst.b, 0.0, 0.0};
        if (!gk15(&left, p) || !gk15(&right, p))
            return SLOPE_EDIVERGED;
        sum += left.result + right.result - worst.result;
        err += left.error + right.error - worst.error;
        heap[0] = left;
        heap_sift_down(heap, n, 0);
        heap_push(heap, &n, right);
        if (err <= fmax(epsabs, epsrel * fabs(sum)))
            heap_totals(&sum, &err, heap, n);
    }
    heap_totals(result, abserr, heap, n);
    return st;
}

static slope_status check_args(const double *result, slope_fn f, double a, double b,
                               double epsabs, double epsrel, size_t limit,
                               const slope_integrate_workspace *w)
{
    if (!result || !f || limit == 0 || (w && w->limit < limit))
        return SLOPE_EINVAL;
    if (!(epsabs >= 0.0) || !(epsrel >= 0.0)) /* also catches NaN */
        return SLOPE_EINVAL;
    if (isnan(a) || isnan(b))
        return SLOPE_EDOM;
    if (epsabs == 0.0 && epsrel < ROUNDOFF_ULPS * DBL_EPSILON)
        return SLOPE_ETOL;
    return SLOPE_OK;
}

/* Maps lo < hi onto the t-interval of integrate.h. */
static interval map_range(problem *p, double lo, double hi)
{
    interval t = {0.0, 1.0, 0.0, 0.0};
    if (isinf(lo) && isinf(hi)) {
        p->kind = MAP_BOTH_INF;
        t.a = -1.0;
    } else if (isinf(hi)) {
        p->kind = MAP_UPPER_INF;
        p->base = lo;
    } else if (isinf(lo)) {
        p->kind = MAP_LOWER_INF;
        p->base = hi;
    } else {
        p->kind = MAP_FINITE;
        t.a = lo;
        t.b = hi;
    }
    return t;
}

slope_status slope_integrate(double *result, double *abserr, slope_fn f, void *params,
                             double a, double b, double epsabs, double epsrel,
                             size_t limit, slope_integrate_workspace *w)
{
    double res = NAN, err = NAN;
    slope_status st = check_args(result, f, a, b, epsabs, epsrel, limit, w);
    if (st == SLOPE_OK && a == b) {
        res = 0.0;
        err = 0.0;
    } else if (st == SLOPE_OK) {
        problem p = {f, params, MAP_FINITE, 0.0};
        interval t = map_range(&p, fmin(a, b), fmax(a, b));
        interval *heap = w ? w->iv : NULL;
        if (!w && limit <= SIZE_MAX / sizeof *heap)
            heap = malloc(limit * sizeof *heap);
        if (!heap)
            st = SLOPE_ENOMEM;
        else
            st = adapt(&res, &err, &p, t, epsabs, epsrel, limit, heap);
        if (!w)
            free(heap);
        if (st == SLOPE_EDIVERGED || st == SLOPE_ENOMEM)
            res = err = NAN;
        else if (b < a)
            res = -res;
    }
    if (result)
        *result = res;
    if (abserr)
        *abserr = err;
    return st;
}

double slope_integrate_trapz(const double *y, const double *x, size_t n)
{
    if (!y || !x || n < 2)
        return NAN;
    double s = 0.0;
    for (size_t i = 1; i < n; i++)
        s += (x[i] - x[i - 1]) * (y[i] + y[i - 1]);
    return 0.5 * s;
}

double slope_integrate_trapz_uniform(const double *y, size_t n, double dx)
{
    if (!y || n < 2 || isnan(dx))
        return NAN;
    double s = 0.5 * (y[0] + y[n - 1]);
    for (size_t i = 1; i + 1 < n; i++)
        s += y[i];
    return dx * s;
}
