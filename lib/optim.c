/*
 * optim.c -- SGD, momentum, RMSProp, Adam/AdamW steps and the driver.
 *
 * The steps are one fused pass over the arrays with every per-step constant
 * hoisted out of the loop.  Adam and RMSProp need a square root and a
 * division per element.  A compiler may not vectorise sqrt() under the
 * default -fmath-errno (sqrt of a negative must set errno), and the scalar
 * loop is then limited by the divider, not by memory.  So on x86-64, where
 * SSE2 is part of the base ISA, those two loops are written with SSE2
 * intrinsics.  Both paths perform the same IEEE operations in the same
 * order, so they give bit-identical results; the scalar loop serves other
 * targets and the odd last element.
 */
#include "optim.h"

#include <math.h>
#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* ---- argument checks ---------------------------------------------------- */

static int lr_ok(double lr)
{
    return lr > 0.0 && isfinite(lr); /* false for NaN */
}

static int beta_ok(double beta)
{
    return beta >= 0.0 && beta < 1.0;
}

static int nonneg_ok(double x)
{
    return x >= 0.0 && isfinite(x);
}

static int buffers_ok(const double *w, const double *g, size_t n)
{
    return w != NULL && g != NULL && n > 0;
}

static slope_status sgd_check(const slope_optim_sgd *o)
{
    return lr_ok(o->lr) ? SLOPE_OK : SLOPE_EINVAL;
}

static slope_status momentum_check(const slope_optim_momentum *o, size_t n)
{
    int form_ok = o->form == SLOPE_MOMENTUM_EMA || o->form == SLOPE_MOMENTUM_HEAVY_BALL;
    return (o->v && o->n == n && lr_ok(o->lr) && beta_ok(o->beta) && form_ok)
               ? SLOPE_OK : SLOPE_EINVAL;
}

static slope_status nesterov_check(const slope_optim_nesterov *o, size_t n)
{
    int form_ok = o->form == SLOPE_NESTEROV_CLASSICAL || o->form == SLOPE_NESTEROV_LOOKAHEAD;
    return (o->v && o->n == n && lr_ok(o->lr) && beta_ok(o->beta) && form_ok)
               ? SLOPE_OK : SLOPE_EINVAL;
}

static slope_status rmsprop_check(const slope_optim_rmsprop *o, size_t n)
{
    int mode_ok = o->eps_mode == SLOPE_RMSPROP_EPS_OUTSIDE ||
                  o->eps_mode == SLOPE_RMSPROP_EPS_INSIDE;
    return (o->s && o->n == n && lr_ok(o->lr) && beta_ok(o->beta) &&
            nonneg_ok(o->eps) && mode_ok) ? SLOPE_OK : SLOPE_EINVAL;
}

static slope_status adam_check(const slope_optim_adam *o, size_t n)
{
    return (o->m && o->v && o->m != o->v && o->n == n && lr_ok(o->lr) &&
            beta_ok(o->beta1) && beta_ok(o->beta2) && nonneg_ok(o->eps) &&
            nonneg_ok(o->weight_decay)) ? SLOPE_OK : SLOPE_EINVAL;
}

/* ---- SGD ------------------------------------------------------------------ */

slope_status slope_optim_sgd_init(slope_optim_sgd *opt, double lr)
{
    if (!opt || !lr_ok(lr))
        return SLOPE_EINVAL;
    opt->lr = lr;
    return SLOPE_OK;
}

slope_status slope_optim_sgd_step(const slope_optim_sgd *opt, double *restrict w,
                                  const double *restrict g, size_t n)
{
    if (!opt || !buffers_ok(w, g, n) || sgd_check(opt))
        return SLOPE_EINVAL;
    const double lr = opt->lr;
    for (size_t i = 0; i < n; i++)
        w[i] -= lr * g[i];
    return SLOPE_OK;
}

/* ---- momentum --------------------------------------------------------------- */

slope_status slope_optim_momentum_init(slope_optim_momentum *opt, double *v,
                                       size_t n, double lr, double beta,
                                       slope_momentum_form form)
{
    if (!opt || !v || n == 0)
        return SLOPE_EINVAL;
    slope_optim_momentum o = {.lr = lr, .beta = beta, .form = form, .v = v, .n = n};
    if (momentum_check(&o, n))
        return SLOPE_EINVAL;
    memset(v, 0, n * sizeof *v);
    *opt = o;
    return SLOPE_OK;
}

static void momentum_ema(double *restrict w, double *restrict v,
                         const double *restrict g, size_t n, double lr, double beta)
{
    const double c = 1.0 - beta;
    for (size_t i = 0; i < n; i++) {
        double vi = beta * v[i] + c * g[i];
        v[i] = vi;
        w[i] -= lr * vi;
    }
}

static void momentum_heavy_ball(double *restrict w, double *restrict v,
                                const double *restrict g, size_t n, double lr,
                                double beta)
{
    for (size_t i = 0; i < n; i++) {
        double vi = beta * v[i] - lr * g[i];
        v[i] = vi;
        w[i] += vi;
    }
}

slope_status slope_optim_momentum_step(slope_optim_momentum *opt, double *w,
                                       const double *g, size_t n)
{
    if (!opt || !buffers_ok(w, g, n) || momentum_check(opt, n))
        return SLOPE_EINVAL;
    if (opt->form == SLOPE_MOMENTUM_EMA)
        momentum_ema(w, opt->v, g, n, opt->lr, opt->beta);
    else
        momentum_heavy_ball(w, opt->v, g, n, opt->lr, opt->beta);
    return SLOPE_OK;
}

/* ---- Nesterov ---------------------------------------------------------------- */

slope_status slope_optim_nesterov_init(slope_optim_nesterov *opt, double *v,
                                       size_t n, double lr, double beta,
                                       slope_nesterov_form form)
{
    if (!opt || !v || n == 0)
        return SLOPE_EINVAL;
    slope_optim_nesterov o = {.lr = lr, .beta = beta, .form = form, .v = v, .n = n};
    if (nesterov_check(&o, n))
        return SLOPE_EINVAL;
    memset(v, 0, n * sizeof *v);
    *opt = o;
    return SLOPE_OK;
}

/* x = w + sign * beta v when opt is in form `shifted`, else a copy of w:
 * the change of variables between the two forms. */
static slope_status nesterov_shift(const slope_optim_nesterov *opt, double *restrict x,
                                   const double *restrict w, size_t n,
                                   slope_nesterov_form shifted, double sign)
{
    if (!opt || !buffers_ok(x, w, n) || nesterov_check(opt, n))
        return SLOPE_EINVAL;
    const double c = opt->form == shifted ? sign * opt->beta : 0.0;
    for (size_t i = 0; i < n; i++)
        x[i] = w[i] + c * opt->v[i]; /* c = 0 adds an exact zero: a copy */
    return SLOPE_OK;
}

slope_status slope_optim_nesterov_lookahead(const slope_optim_nesterov *opt, double *x,
                                            const double *w, size_t n)
{
    return nesterov_shift(opt, x, w, n, SLOPE_NESTEROV_CLASSICAL, 1.0);
}

slope_status slope_optim_nesterov_theta(const slope_optim_nesterov *opt, double *x,
                                        const double *w, size_t n)
{
    return nesterov_shift(opt, x, w, n, SLOPE_NESTEROV_LOOKAHEAD, -1.0);
}

slope_status slope_optim_nesterov_step(slope_optim_nesterov *opt, double *restrict w,
                                       const double *restrict g, size_t n)
{
    if (!opt || !buffers_ok(w, g, n) || nesterov_check(opt, n))
        return SLOPE_EINVAL;
    const double lr = opt->lr, beta = opt->beta;
    double *restrict v = opt->v;
    if (opt->form == SLOPE_NESTEROV_CLASSICAL) {
        for (size_t i = 0; i < n; i++) {
            v[i] = beta * v[i] - lr * g[i];
            w[i] += v[i];
        }
    } else {
        for (size_t i = 0; i < n; i++) {
            double step = lr * g[i];
            v[i] = beta * v[i] - step;
            w[i] += beta * v[i] - step;
        }
    }
    return SLOPE_OK;
}

/* ---- RMSProp ---------------------------------------------------------------- */

slope_status slope_optim_rmsprop_init(slope_optim_rmsprop *opt, double *s,
                                      size_t n, double lr, double beta, double eps)
{
    if (!opt || !s || n == 0)
        return SLOPE_EINVAL;
    slope_optim_rmsprop o = {.lr = lr, .beta = beta, .eps = eps,
                             .eps_mode = SLOPE_RMSPROP_EPS_OUTSIDE, .s = s, .n = n};
    if (rmsprop_check(&o, n))
        return SLOPE_EINVAL;
    memset(s, 0, n * sizeof *s);
    *opt = o;
    return SLOPE_OK;
}

/* Per-step constants.  Both eps placements are sqrt(s + e_in) + e_out with
 * one of the two zero; adding an exact 0 changes no bit, so one loop serves. */
typedef struct {
    double beta, c, lr, e_in, e_out;
} rms_coef;

static void rmsprop_loop(double *restrict w, double *restrict s,
                         const double *restrict g, size_t i, size_t n,
                         const rms_coef *k)
{
    for (; i < n; i++) {
        double gi = g[i], si = k->beta * s[i] + k->c * (gi * gi);
        s[i] = si;
        w[i] -= (k->lr / (sqrt(si + k->e_in) + k->e_out)) * gi;
    }
}

#if defined(__SSE2__)
/* The loop above, two elements at a time; returns how many it did. */
static size_t rmsprop_sse2(double *restrict w, double *restrict s,
                           const double *restrict g, size_t n, const rms_coef *k)
{
    const __m128d beta = _mm_set1_pd(k->beta), c = _mm_set1_pd(k->c);
    const __m128d lr = _mm_set1_pd(k->lr), e_in = _mm_set1_pd(k->e_in);
    const __m128d e_out = _mm_set1_pd(k->e_out);
    size_t i = 0;
    for (; i + 2 <= n; i += 2) {
        __m128d gi = _mm_loadu_pd(g + i);
        __m128d si = _mm_add_pd(_mm_mul_pd(beta, _mm_loadu_pd(s + i)),
                                _mm_mul_pd(c, _mm_mul_pd(gi, gi)));
        __m128d d = _mm_add_pd(_mm_sqrt_pd(_mm_add_pd(si, e_in)), e_out);
        __m128d up = _mm_mul_pd(_mm_div_pd(lr, d), gi);
        _mm_storeu_pd(s + i, si);
        _mm_storeu_pd(w + i, _mm_sub_pd(_mm_loadu_pd(w + i), up));
    }
    return i;
}
#endif

slope_status slope_optim_rmsprop_step(slope_optim_rmsprop *opt, double *w,
                                      const double *g, size_t n)
{
    if (!opt || !buffers_ok(w, g, n) || rmsprop_check(opt, n))
        return SLOPE_EINVAL;
    int inside = opt->eps_mode == SLOPE_RMSPROP_EPS_INSIDE;
    rms_coef k = {opt->beta, 1.0 - opt->beta, opt->lr,
                  inside ? opt->eps : 0.0, inside ? 0.0 : opt->eps};
    size_t i = 0;
#if defined(__SSE2__)
    i = rmsprop_sse2(w, opt->s, g, n, &k);
#endif
    rmsprop_loop(w, opt->s, g, i, n, &k);
    return SLOPE_OK;
}

/* ---- Adam / AdamW --------------------------------------------------------------- */

slope_status slope_optim_adamw_init(slope_optim_adam *opt, double *m, double *v,
                                    size_t n, double lr, double beta1,
                                    double beta2, double eps, double weight_decay)
{
    if (!opt || !m || !v || n == 0)
        return SLOPE_EINVAL;
    slope_optim_adam o = {.lr = lr, .beta1 = beta1, .beta2 = beta2, .eps = eps,
                          .weight_decay = weight_decay, .t = 0, .m = m, .v = v, .n = n};
    if (adam_check(&o, n))
        return SLOPE_EINVAL;
    memset(m, 0, n * sizeof *m);
    memset(v, 0, n * sizeof *v);
    *opt = o;
    return SLOPE_OK;
}

slope_status slope_optim_adam_init(slope_optim_adam *opt, double *m, double *v,
                                   size_t n, double lr, double beta1,
                                   double beta2, double eps)
{
    return slope_optim_adamw_init(opt, m, v, n, lr, beta1, beta2, eps, 0.0);
}

/* Per-step constants.  With a = lr / (1 - beta1^t) and
 * ib2 = 1 / (1 - beta2^t), lr * m_hat / (sqrt(v_hat) + eps) is
 * a * m / (sqrt(v * ib2) + eps): the bias corrections cost nothing per
 * element, and eps keeps its meaning (unlike Kingma & Ba's "eps-hat"
 * variant).  lrwd = lr * weight_decay; subtracting lrwd * w = 0 is exact, so
 * AdamW with weight_decay = 0 is Adam bit for bit. */
typedef struct {
    double b1, c1, b2, c2, a, ib2, eps, lrwd;
} adam_coef;

static void adam_loop(double *restrict w, double *restrict m, double *restrict v,
                      const double *restrict g, size_t i, size_t n,
                      const adam_coef *k)
{
    for (; i < n; i++) {
        double gi = g[i];
        double mi = k->b1 * m[i] + k->c1 * gi;
        double vi = k->b2 * v[i] + k->c2 * (gi * gi);
        double wi = w[i];
        m[i] = mi;
        v[i] = vi;
        w[i] = (wi - (k->a * mi) / (sqrt(vi * k->ib2) + k->eps)) - k->lrwd * wi;
    }
}

#if defined(__SSE2__)
/* adam_loop two elements at a time; returns how many it did. */
static size_t adam_sse2(double *restrict w, double *restrict m, double *restrict v,
                        const double *restrict g, size_t n, const adam_coef *k)
{
    const __m128d b1 = _mm_set1_pd(k->b1), c1 = _mm_set1_pd(k->c1);
    const __m128d b2 = _mm_set1_pd(k->b2), c2 = _mm_set1_pd(k->c2);
    const __m128d a = _mm_set1_pd(k->a), ib2 = _mm_set1_pd(k->ib2);
    const __m128d eps = _mm_set1_pd(k->eps), lrwd = _mm_set1_pd(k->lrwd);
    size_t i = 0;
    for (; i + 2 <= n; i += 2) {
        __m128d gi = _mm_loadu_pd(g + i), wi = _mm_loadu_pd(w + i);
        __m128d mi = _mm_add_pd(_mm_mul_pd(b1, _mm_loadu_pd(m + i)), _mm_mul_pd(c1, gi));
        __m128d vi = _mm_add_pd(_mm_mul_pd(b2, _mm_loadu_pd(v + i)),
                                _mm_mul_pd(c2, _mm_mul_pd(gi, gi)));
        __m128d d = _mm_add_pd(_mm_sqrt_pd(_mm_mul_pd(vi, ib2)), eps);
        __m128d up = _mm_div_pd(_mm_mul_pd(a, mi), d);
        _mm_storeu_pd(m + i, mi);
        _mm_storeu_pd(v + i, vi);
        _mm_storeu_pd(w + i, _mm_sub_pd(_mm_sub_pd(wi, up), _mm_mul_pd(lrwd, wi)));
    }
    return i;
}
#endif

slope_status slope_optim_adam_step(slope_optim_adam *opt, double *w,
                                   const double *g, size_t n)
{
    if (!opt || !buffers_ok(w, g, n) || adam_check(opt, n))
        return SLOPE_EINVAL;
    opt->t++;
    double t = (double)opt->t;
    adam_coef k = {opt->beta1, 1.0 - opt->beta1, opt->beta2, 1.0 - opt->beta2,
                   opt->lr / (1.0 - pow(opt->beta1, t)),
                   1.0 / (1.0 - pow(opt->beta2, t)), opt->eps,
                   opt->lr * opt->weight_decay};
    size_t i = 0;
#if defined(__SSE2__)
    i = adam_sse2(w, opt->m, opt->v, g, n, &k);
#endif
    adam_loop(w, opt->m, opt->v, g, i, n, &k);
    return SLOPE_OK;
}

/* ---- any optimizer ------------------------------------------------------------ */

static slope_status optim_check(const slope_optim *o, size_t n)
{
    switch (o->kind) {
    case SLOPE_OPTIM_SGD: return sgd_check(&o->sgd);
    case SLOPE_OPTIM_MOMENTUM: return momentum_check(&o->momentum, n);
    case SLOPE_OPTIM_RMSPROP: return rmsprop_check(&o->rmsprop, n);
    case SLOPE_OPTIM_ADAM: return adam_check(&o->adam, n);
    case SLOPE_OPTIM_NESTEROV: return nesterov_check(&o->nesterov, n);
    }
    return SLOPE_EINVAL; /* an enum value outside the list */
}

slope_status slope_optim_step(slope_optim *opt, double *w, const double *g, size_t n)
{
    if (!opt)
        return SLOPE_EINVAL;
    switch (opt->kind) {
    case SLOPE_OPTIM_SGD: return slope_optim_sgd_step(&opt->sgd, w, g, n);
    case SLOPE_OPTIM_MOMENTUM: return slope_optim_momentum_step(&opt->momentum, w, g, n);
    case SLOPE_OPTIM_RMSPROP: return slope_optim_rmsprop_step(&opt->rmsprop, w, g, n);
    case SLOPE_OPTIM_ADAM: return slope_optim_adam_step(&opt->adam, w, g, n);
    case SLOPE_OPTIM_NESTEROV: return slope_optim_nesterov_step(&opt->nesterov, w, g, n);
    }
    return SLOPE_EINVAL;
}

/* ---- the driver ---------------------------------------------------------------- */

static int all_finite(const double *x, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!isfinite(x[i]))
            return 0;
    return 1;
}

slope_status slope_optim_run(double *traj, double *loss, size_t *steps_done,
                             slope_optim *opt, slope_fn_n f, slope_grad_fn grad,
                             void *params, const double *x0, double *work,
                             size_t n, size_t k)
{
    if (!traj || !opt || !grad || !x0 || !work || (loss && !f) || n == 0 ||
        optim_check(opt, n))
        return SLOPE_EINVAL;
    if (!all_finite(x0, n))
        return SLOPE_EDOM;
    if (steps_done)
        *steps_done = 0;
    memcpy(traj, x0, n * sizeof *x0);
    for (size_t i = 0; i < k; i++) {
        const double *x = traj + i * n;
        double *next = traj + (i + 1) * n;
        if (loss)
            loss[i] = f(x, n, params);
        if (opt->kind == SLOPE_OPTIM_NESTEROV) { /* next row: scratch for the look-ahead */
            slope_optim_nesterov_lookahead(&opt->nesterov, next, x, n);
            grad(work, next, n, params);
        } else {
            grad(work, x, n, params);
        }
        memcpy(next, x, n * sizeof *x);
        slope_optim_step(opt, next, work, n); /* cannot fail: checked above */
        if (!all_finite(next, n))
            return SLOPE_EDIVERGED;
        if (steps_done)
            *steps_done = i + 1;
    }
    if (loss)
        loss[k] = f(traj + k * n, n, params);
    return SLOPE_OK;
}
