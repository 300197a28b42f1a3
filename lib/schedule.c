/*
 * schedule.c -- learning-rate schedules as pure functions of the step.
 */
#include "schedule.h"

#include <math.h>

static int rate_ok(double lr)
{
    return lr > 0.0 && isfinite(lr); /* false for NaN */
}

double slope_schedule_inverse(double lr0, double decay, size_t t)
{
    if (!rate_ok(lr0) || !(decay >= 0.0 && isfinite(decay)))
        return NAN;
    return lr0 / (1.0 + decay * (double)t);
}

double slope_schedule_step(double lr0, double factor, size_t every, size_t t)
{
    if (!rate_ok(lr0) || !(factor > 0.0 && factor <= 1.0) || every == 0)
        return NAN;
    return lr0 * pow(factor, (double)(t / every)); /* integer division: the floor */
}

double slope_schedule_cosine(double lr0, double lr_min, size_t t, size_t T)
{
    if (!rate_ok(lr0) || !(lr_min >= 0.0 && lr_min <= lr0) || T == 0)
        return NAN;
    if (t >= T)
        return lr_min;
    const double pi = acos(-1.0);
    return lr_min + (lr0 - lr_min) * 0.5 * (1.0 + cos(pi * (double)t / (double)T));
}

double slope_schedule_warmup(double lr, size_t warmup, size_t t)
{
    if (!rate_ok(lr))
        return NAN;
    if (warmup <= 1 || t >= warmup - 1) /* not t + 1 >= warmup: that wraps at SIZE_MAX */
        return lr;
    return lr * (double)(t + 1) / (double)warmup;
}
