/*
 * status.h -- the one error vocabulary of libslope.
 *
 * Every libslope function that can fail returns a slope_status (or, where the
 * result is a single double, a documented NaN).  The library never prints and
 * never exits: programs turn a status into a message with slope_status_str().
 *
 * The codes follow GSL's err/gsl_errno.h in spirit: few, distinct, and each
 * one says what the caller should change.
 */
#ifndef SLOPE_STATUS_H
#define SLOPE_STATUS_H

typedef enum {
    SLOPE_OK = 0,        /* success */
    SLOPE_EINVAL,        /* invalid argument: NULL pointer, n == 0, h <= 0, ... */
    SLOPE_EDOM,          /* input outside the domain: NaN or Inf where a finite value is needed */
    SLOPE_ENOMEM,        /* an allocation failed */
    SLOPE_EMAXITER,      /* an iteration limit was reached before the tolerance */
    SLOPE_ETOL,          /* the requested tolerance cannot be reached (round-off) */
    SLOPE_ESINGLECLASS,  /* AUC: labels hold only one class, so the ROC curve is undefined */
    SLOPE_EDIVERGED,     /* an iteration produced a non-finite value */
    SLOPE_ESINGULAR      /* a matrix is singular to working precision */
} slope_status;

/* A short, fixed English description of `s` ("invalid argument", ...).
 * Never NULL: an unknown code gives "unknown status". */
const char *slope_status_str(slope_status s);

#endif
