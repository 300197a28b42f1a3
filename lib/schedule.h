/*
 * schedule.h -- learning-rate schedules: the step size as a pure function of
 * the step count t = 0, 1, 2, ...
 *
 * Stochastic gradient descent follows a noisy gradient.  Robbins & Monro
 * ("A stochastic approximation method", Ann. Math. Statist. 22, 1951)
 * showed that the iterates converge when the learning rates satisfy
 *
 *     sum_t lr_t = infinity    (the steps can still travel any distance)
 *     sum_t lr_t^2 < infinity  (the noise they inject adds up to a finite
 *                               amount)
 *
 * A constant rate fails the second condition: the iterates stop improving
 * and jitter in a "noise ball" whose spread grows with lr.  The 1/t decay
 * meets both.  Step decay and the cosine schedule (Loshchilov & Hutter,
 * "SGDR: stochastic gradient descent with warm restarts", ICLR 2017,
 * eq. (5), one cycle without restarts) are what practice uses: they hold a
 * large rate while progress is fast and shrink it to settle the noise,
 * within a fixed budget of steps.  Warm-up (Goyal et al., "Accurate, large
 * minibatch SGD", 2017, section 2.2) does the opposite at the start:
 * it ramps the rate up while the early, sharp region of the loss would
 * make a full rate unstable.
 *
 * Every function is pure (no state, no allocation) and returns NaN for an
 * invalid argument, as listed with each one; t is never invalid.
 */
#ifndef SLOPE_SCHEDULE_H
#define SLOPE_SCHEDULE_H

#include <stddef.h>

/* lr0 / (1 + decay t): the Robbins-Monro schedule; decay = 0 is constant.
 * For decay > 0, sum lr_t diverges like (lr0 / decay) log t while
 * sum lr_t^2 converges.  NaN when lr0 <= 0, decay < 0, or either is not
 * finite. */
double slope_schedule_inverse(double lr0, double decay, size_t t);

/* lr0 factor^floor(t / every): multiply by `factor` every `every` steps
 * (e.g. 0.1 every 30 epochs).  NaN when lr0 <= 0 or not finite, factor
 * outside (0, 1] or NaN, or every == 0. */
double slope_schedule_step(double lr0, double factor, size_t every, size_t t);

/* lr_min + (lr0 - lr_min) (1 + cos(pi t / T)) / 2 for t <= T, and lr_min
 * after: a half cosine from lr0 at t = 0 down to lr_min at t = T, flat at
 * both ends.  NaN when lr0 <= 0 or not finite, lr_min outside [0, lr0] or
 * NaN, or T == 0. */
double slope_schedule_cosine(double lr0, double lr_min, size_t t, size_t T);

/* lr (t + 1) / warmup for t < warmup, then lr: a linear ramp reaching the
 * full rate at step warmup - 1; warmup = 0 or 1 is no warm-up.  NaN when
 * lr <= 0 or not finite. */
double slope_schedule_warmup(double lr, size_t warmup, size_t t);

#endif
