/*
 * rng.c -- numpy's legacy random streams, reproduced bit for bit.
 *
 * Bit-exactness needs every floating-point expression evaluated as written:
 * a fused multiply-add would round once where the reference rounds twice.
 * GCC in ISO C mode (-std=c17) never contracts; clang must be told.  A build
 * that forces -ffp-contract=fast overrides both and breaks the streams.
 */
#include "rng.h"

#include <math.h>

#if defined(__clang__)
#pragma STDC FP_CONTRACT OFF
#endif

/* ---- MT19937 (Matsumoto & Nishimura 1998) ------------------------------ */

#define MT_M 397                   /* middle word offset of the recurrence */
#define MT_MATRIX_A 0x9908b0dfu    /* twist matrix coefficients */
#define MT_UPPER 0x80000000u       /* the most significant bit (w - r = 1) */
#define MT_LOWER 0x7fffffffu       /* the r = 31 least significant bits */
#define MT_INIT_MULT 1812433253u   /* init_genrand's Knuth-style multiplier */
#define MT_TEMPER_B 0x9d2c5680u    /* tempering masks */
#define MT_TEMPER_C 0xefc60000u

/* Matsumoto-Nishimura's 2002 init_genrand. */
void slope_rng_seed(slope_rng *r, uint32_t seed)
{
    if (!r)
        return;
    r->mt[0] = seed;
    for (uint32_t i = 1; i < SLOPE_RNG_MT_N; i++) {
        uint32_t prev = r->mt[i - 1];
        r->mt[i] = MT_INIT_MULT * (prev ^ (prev >> 30)) + i;
    }
    r->pos = SLOPE_RNG_MT_N;
    r->has_gauss = 0;
    r->gauss = 0.0;
}

/* Branch-free (the low bit is random, so a branch mispredicts half the
 * time): 0u - (y & 1) is all ones exactly when the matrix term applies. */
static inline uint32_t mt_mix(uint32_t hi, uint32_t lo, uint32_t far)
{
    uint32_t y = (hi & MT_UPPER) | (lo & MT_LOWER);
    return far ^ (y >> 1) ^ ((0u - (y & 1u)) & MT_MATRIX_A);
}

/* Regenerate all N words at once, as the reference implementation does. */
static void mt_twist(uint32_t *mt)
{
    const int n = SLOPE_RNG_MT_N;
    int k = 0;
    for (; k < n - MT_M; k++)
        mt[k] = mt_mix(mt[k], mt[k + 1], mt[k + MT_M]);
    for (; k < n - 1; k++)
        mt[k] = mt_mix(mt[k], mt[k + 1], mt[k + MT_M - n]);
    mt[n - 1] = mt_mix(mt[n - 1], mt[0], mt[MT_M - 1]);
}

static inline uint32_t temper(uint32_t y)
{
    y ^= y >> 11;
    y ^= (y << 7) & MT_TEMPER_B;
    y ^= (y << 15) & MT_TEMPER_C;
    return y ^ (y >> 18);
}

static inline uint32_t next_u32(slope_rng *r)
{
    if (r->pos >= SLOPE_RNG_MT_N) {
        mt_twist(r->mt);
        r->pos = 0;
    }
    return temper(r->mt[r->pos++]);
}

uint32_t slope_rng_u32(slope_rng *r)
{
    return r ? next_u32(r) : 0u;
}

/* ---- uniform, exponential, normal ---------------------------------------- */

/* 27 + 26 = 53 bits: (a * 2^26 + b) / 2^53 is exact and lies in [0, 1). */
static inline double next_double(slope_rng *r)
{
    uint32_t a, b;
    if (r->pos + 2 <= SLOPE_RNG_MT_N) { /* the common case: one bounds check */
        a = temper(r->mt[r->pos]) >> 5;
        b = temper(r->mt[r->pos + 1]) >> 6;
        r->pos += 2;
    } else {
        a = next_u32(r) >> 5;
        b = next_u32(r) >> 6;
    }
    return ((double)a * 0x1p26 + (double)b) * 0x1p-53;
}

/* Inversion; 1 - U lies in (0, 1], so the logarithm is finite. */
static double next_exponential(slope_rng *r)
{
    return -log(1.0 - next_double(r));
}

double slope_rng_uniform(slope_rng *r)
{
    return r ? next_double(r) : NAN;
}

/* Marsaglia-Bray polar method: one accepted point yields two deviates. */
static double next_gauss(slope_rng *r)
{
    if (r->has_gauss) {
        r->has_gauss = 0;
        return r->gauss;
    }
    double x1, x2, r2;
    do {
        x1 = 2.0 * next_double(r) - 1.0;
        x2 = 2.0 * next_double(r) - 1.0;
        r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1.0 || r2 == 0.0);
    double f = sqrt(-2.0 * log(r2) / r2);
    r->gauss = f * x1;
    r->has_gauss = 1;
    return f * x2;
}

double slope_rng_gauss(slope_rng *r)
{
    return r ? next_gauss(r) : NAN;
}

double slope_rng_normal(slope_rng *r, double loc, double scale)
{
    if (!r || !isfinite(loc) || !isfinite(scale) || scale < 0.0)
        return NAN;
    return loc + scale * next_gauss(r);
}

/* ---- gamma and beta --------------------------------------------------------- */

/* Marsaglia-Tsang's squeeze constant: 1 - 0.0331 x^4 lies below the
 * acceptance region for every x (their paper, section 4). */
#define MT00_SQUEEZE 0.0331

/* Marsaglia-Tsang (2000) for shape > 1. */
static double gamma_large(slope_rng *r, double shape)
{
    const double d = shape - 1.0 / 3.0, c = 1.0 / sqrt(9.0 * d);
    for (;;) {
        double x, v;
        do {
            x = next_gauss(r);
            v = 1.0 + c * x;
        } while (v <= 0.0);
        v = v * v * v;
        double u = next_double(r);
        if (u < 1.0 - MT00_SQUEEZE * (x * x) * (x * x))
            return d * v;
        if (log(u) < 0.5 * x * x + d * (1.0 - v + log(v)))
            return d * v;
    }
}

/* shape < 1: propose from a power law on the first 1 - shape of the
 * uniform's range and from a shifted exponential on the rest; accept
 * against an independent exponential (the GS family, Ahrens-Dieter 1974). */
static double gamma_small(slope_rng *r, double shape)
{
    for (;;) {
        double u = next_double(r), e = next_exponential(r);
        if (u <= 1.0 - shape) {
            double x = pow(u, 1.0 / shape);
            if (x <= e)
                return x;
        } else {
            double y = -log((1.0 - u) / shape);
            double x = pow(1.0 - shape + shape * y, 1.0 / shape);
            if (x <= e + y)
                return x;
        }
    }
}

static double next_gamma(slope_rng *r, double shape)
{
    if (shape == 1.0)
        return next_exponential(r);
    return shape < 1.0 ? gamma_small(r, shape) : gamma_large(r, shape);
}

static int valid_shape(double s)
{
    return isfinite(s) && s > 0.0;
}

double slope_rng_gamma(slope_rng *r, double shape)
{
    if (!r || !valid_shape(shape))
        return NAN;
    return next_gamma(r, shape);
}

/* Jöhnk (1964): for a, b <= 1 the accepted ratio X / (X + Y) is Beta(a, b).
 * Both powers underflow to 0 for tiny a, b; the same ratio is then taken in
 * log space, shifted by the larger logarithm so that one exponent is 0. */
static double beta_johnk(slope_rng *r, double a, double b)
{
    for (;;) {
        double u = next_double(r), v = next_double(r);
        double x = pow(u, 1.0 / a), y = pow(v, 1.0 / b);
        if (x + y > 1.0)
            continue;
        if (x + y > 0.0)
            return x / (x + y);
        double lx = log(u) / a, ly = log(v) / b;
        double lm = lx > ly ? lx : ly;
        lx -= lm;
        ly -= lm;
        return exp(lx - log(exp(lx) + exp(ly)));
    }
}

double slope_rng_beta(slope_rng *r, double a, double b)
{
    if (!r || !valid_shape(a) || !valid_shape(b))
        return NAN;
    if (a <= 1.0 && b <= 1.0)
        return beta_johnk(r, a, b);
    double ga = next_gamma(r, a);
    double gb = next_gamma(r, b);
    return ga / (ga + gb);
}

/* ---- integers and permutations -------------------------------------------- */

/* Bit-mask rejection: the mask is the smallest 2^k - 1 >= max, so each
 * trial succeeds with probability > 1/2 and the result is exactly uniform. */
static uint64_t next_interval(slope_rng *r, uint64_t max)
{
    if (max == 0)
        return 0;
    uint64_t mask = max;
    for (unsigned s = 1; s < 64; s <<= 1)
        mask |= mask >> s;
    uint64_t v;
    if (max <= UINT32_MAX) {
        do {
            v = next_u32(r) & mask;
        } while (v > max);
    } else {
        do {
            uint64_t hi = next_u32(r);
            v = ((hi << 32) | next_u32(r)) & mask;
        } while (v > max);
    }
    return v;
}

uint64_t slope_rng_interval(slope_rng *r, uint64_t max)
{
    return r ? next_interval(r, max) : 0u;
}

void slope_rng_shuffle(slope_rng *r, size_t n, size_t *a)
{
    if (!r || !a)
        return;
    for (size_t i = n; i-- > 1;) {
        size_t j = (size_t)next_interval(r, i);
        size_t t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}

void slope_rng_permutation(slope_rng *r, size_t n, size_t *out)
{
    if (!r || !out)
        return;
    for (size_t i = 0; i < n; i++)
        out[i] = i;
    slope_rng_shuffle(r, n, out);
}
