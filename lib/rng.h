/*
 * rng.h -- seeded random numbers that reproduce numpy's legacy streams.
 *
 * The course's examples draw their data with numpy's legacy global
 * generator (`np.random.seed(42)`, then `randn`, `permutation`, `beta`,
 * `normal`).  This module reproduces those streams bit for bit, so a C
 * program and the matching Python snippet see the very same numbers.  It is
 * a faithful reproduction of one specific, reproducible stream, not a
 * recommendation of MT19937 for new work.
 *
 * State is a plain struct owned by the caller: no globals, no allocation.
 * Seed it before the first draw.  Copying it with `=` (or memcpy) forks the
 * stream: the copy continues exactly as the original would.  One state must
 * not be used by two threads at once; distinct states are independent.
 *
 * References
 *   M. Matsumoto, T. Nishimura, "Mersenne Twister: a 623-dimensionally
 *     equidistributed uniform pseudo-random number generator", ACM TOMACS
 *     8(1), 1998, with the 2002 reference initialisation init_genrand.
 *   G. Marsaglia, T. A. Bray, "A convenient method for generating normal
 *     variables", SIAM Review 6(3), 1964 (the polar method).
 *   G. Marsaglia, W. W. Tsang, "A simple method for generating gamma
 *     variables", ACM TOMS 26(3), 2000.
 *   J. H. Ahrens, U. Dieter, "Computer methods for sampling from gamma,
 *     beta, Poisson and binomial distributions", Computing 12, 1974
 *     (algorithm GS, for shapes below one).
 *   M. D. Jöhnk, "Erzeugung von betaverteilten und gammaverteilten
 *     Zufallszahlen", Metrika 8, 1964.
 *   R. A. Fisher, F. Yates (1938); R. Durstenfeld, CACM 7(7), 1964
 *     (the in-place shuffle, run from the last element down).
 *   L. Devroye, "Non-Uniform Random Variate Generation", Springer 1986
 *     (chapters on rejection, gamma and beta; the general reference).
 *
 * Error contract, for every function below
 *   - r == NULL: nothing is read or written; functions returning a double
 *     return NaN, slope_rng_u32 and slope_rng_interval return 0.
 *   - An invalid distribution parameter (NaN or infinite, a shape or beta
 *     parameter <= 0, a scale < 0) makes the function return NaN WITHOUT
 *     drawing: the state is left exactly as it was, so the stream continues
 *     as if the call had not been made.
 *   Note that numpy accepts some of these (shape 0, NaN parameters); here
 *   they are rejected so that a bad parameter can never silently shift a
 *   stream.
 */
#ifndef SLOPE_RNG_H
#define SLOPE_RNG_H

#include <stddef.h>
#include <stdint.h>

/* Degree of MT19937's recurrence: the state holds this many 32-bit words. */
#define SLOPE_RNG_MT_N 624

/*
 * The generator state.  Complete so that it can live on the stack; treat
 * the fields as private.  mt/pos are MT19937's words and read position;
 * has_gauss/gauss hold the second normal deviate of the last polar pair,
 * shared by slope_rng_gauss, _normal, _gamma and _beta exactly as numpy
 * shares it.  The layout has no padding, so two states are equal exactly
 * when their bytes are equal.
 */
typedef struct slope_rng {
    double gauss;
    uint32_t has_gauss;
    uint32_t pos;
    uint32_t mt[SLOPE_RNG_MT_N];
} slope_rng;

/* Seed as `np.random.seed(seed)` / `np.random.RandomState(seed)` does:
 * MT19937 init_genrand(seed) and no cached normal deviate. */
void slope_rng_seed(slope_rng *r, uint32_t seed);

/* The next raw 32-bit output of MT19937 (tempered), uniform on
 * [0, 2^32 - 1].  numpy: `randint(0, 2**32, dtype=np.uint32)`. */
uint32_t slope_rng_u32(slope_rng *r);

/* Uniform double on [0, 1) with 53 random bits, from two u32 draws
 * (27 high bits of the first, 26 of the second).
 * numpy: `random_sample()` / `rand()`. */
double slope_rng_uniform(slope_rng *r);

/* Standard normal deviate by the polar method: a point (x1, x2) uniform in
 * the unit disc gives two deviates; the second one returned (f*x2) is
 * returned now, the first (f*x1) is cached and returned by the next call.
 * numpy: `randn()` / `standard_normal()`. */
double slope_rng_gauss(slope_rng *r);

/* loc + scale * slope_rng_gauss(r).  scale == 0 is valid (returns loc and
 * still consumes a deviate, as numpy does).  Invalid: scale < 0, loc or
 * scale NaN or infinite.  numpy: `normal(loc, scale)`. */
double slope_rng_normal(slope_rng *r, double loc, double scale);

/* Gamma(shape, 1) deviate.  shape == 1: an exponential, -log(1 - U).
 * shape < 1: rejection with one uniform and one exponential per trial, a
 * power-law proposal below 1 - shape and an exponential tail above it (the
 * GS family of Ahrens-Dieter).
 * shape > 1: Marsaglia-Tsang with d = shape - 1/3, c = 1/sqrt(9 d), whose
 * normal deviates come from (and refill) the shared gauss cache.  Very small
 * shapes can return exactly 0 (the true value underflows).  Invalid: shape
 * <= 0, NaN or infinite.  numpy: `standard_gamma(shape)`. */
double slope_rng_gamma(slope_rng *r, double shape);

/* Beta(a, b) deviate in [0, 1].  a <= 1 and b <= 1: Jöhnk's algorithm
 * (X = U^(1/a), Y = V^(1/b), accept when X + Y <= 1, return X / (X + Y);
 * when both powers underflow the ratio is formed from logarithms).
 * Otherwise Ga / (Ga + Gb) with Ga = gamma(a) drawn before Gb = gamma(b).
 * Invalid: a or b <= 0, NaN or infinite.  numpy: `beta(a, b)`. */
double slope_rng_beta(slope_rng *r, double a, double b);

/* out[0..n-1] = a uniformly random permutation of 0, 1, ..., n-1: the
 * identity shuffled by slope_rng_shuffle.  numpy: `permutation(n)`.
 * out == NULL or n == 0: does nothing (state untouched).  n == 1 draws
 * nothing. */
void slope_rng_permutation(slope_rng *r, size_t n, size_t *out);

/* Shuffle a[0..n-1] in place, Fisher-Yates from the end: for i = n-1 down
 * to 1, swap a[i] with a[slope_rng_interval(r, i)].  numpy: `shuffle(a)` on
 * a 1-d array.  a == NULL or n == 0: does nothing (state untouched). */
void slope_rng_shuffle(slope_rng *r, size_t n, size_t *a);

/* Uniform integer in [0, max], inclusive, by bit-mask rejection: draw,
 * keep the bits of the smallest all-ones mask covering max, retry while the
 * result exceeds max (fewer than 2 draws on average).  max <= 2^32 - 1 uses
 * one u32 per trial; larger max uses two, the first as the high word.
 * max == 0 returns 0 and draws nothing.
 * numpy: `randint(0, max + 1, dtype=np.uint64)`, and the draw behind
 * `permutation` / `shuffle`. */
uint64_t slope_rng_interval(slope_rng *r, uint64_t max);

#endif
