/*
 * table.h -- printing numbers the way a lesson shows them.
 *
 * Chapter programs print tables of numbers; these helpers keep them short.
 * Two kinds of help:
 *
 *   - aligned tables: a column list (header, printf format, width) and one
 *     call per row, written to a caller's FILE *;
 *   - formatting that matches what a Python reader of the course sees:
 *     Python's repr() of a float (the shortest string that reads back to the
 *     same double) and numpy's str() of a small float array.
 *
 * These functions write only to the FILE * or buffer they are given.
 *
 * Error contract: SLOPE_EINVAL for a NULL pointer or a zero size;
 * SLOPE_ETOL (the "cannot be done" code) when `buf` is too small for the
 * result -- `buf` then holds a truncated, NUL-terminated prefix; SLOPE_EDOM
 * when writing to the FILE * failed (ferror).
 */
#ifndef SLOPE_TABLE_H
#define SLOPE_TABLE_H

#include <stddef.h>
#include <stdio.h>

#include "status.h"

/* One column: its header, the printf conversion for one double (e.g.
 * "%.6f", "%+.2e"), and the width both are right-aligned to. */
typedef struct {
    const char *header;
    const char *fmt;
    int width;
} slope_table_col;

/* Print the headers right-aligned to their widths, separated by `sep`
 * (e.g. "  " or " | "), then a rule of '-' as wide as the row. */
slope_status slope_table_header(FILE *fp, const slope_table_col *cols,
                                size_t ncols, const char *sep);

/* Print one row: row[k] formatted with cols[k].fmt, right-aligned to
 * cols[k].width, separated by `sep`, ended by a newline. */
slope_status slope_table_row(FILE *fp, const slope_table_col *cols,
                             size_t ncols, const char *sep, const double *row);

/* Python's repr(float): the shortest decimal string that reads back (strtod)
 * to exactly x, in positional notation when 1e-4 <= |x| < 1e16 ("0.001",
 * "7.0", "1248.0") and scientific otherwise ("1e-05", "1.5e+16"); "nan",
 * "inf", "-inf" for the non-finite values. */
slope_status slope_table_repr(char *buf, size_t size, double x);

/* numpy's str() of a float vector with the default print options: every
 * element with at most 8 fractional digits (the fewest that identify it,
 * rounded), a trailing '.' on integral values, all elements padded to a
 * common integer width (with a sign column if any is negative) and a common
 * fractional width (padded with spaces), one space between elements:
 * "[ 4. 10.]", "[-1.   3.5]".  Only positional notation is produced: numpy
 * switches to scientific when min |x| < 1e-4 or max/min > 1e3, and for such
 * arrays this returns SLOPE_EDOM (as it does for NaN or Inf entries) rather
 * than a string that numpy would not print.  numpy's line wrapping at 75
 * columns is not reproduced; keep arrays short. */
slope_status slope_table_numpy_vector(char *buf, size_t size, const double *v,
                                      size_t n);

/* The same for a rows x cols matrix (row-major), as numpy prints a 2-D array,
 * with the padding common to the whole matrix: "[[ 4.  1.]\n [ 3. -6.]]". */
slope_status slope_table_numpy_matrix(char *buf, size_t size, const double *A,
                                      size_t rows, size_t cols);

#endif
