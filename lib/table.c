#include "table.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- aligned tables ---------------------------------------------------------- */

slope_status slope_table_header(FILE *fp, const slope_table_col *cols,
                                size_t ncols, const char *sep)
{
    if (!fp || !cols || ncols == 0 || !sep)
        return SLOPE_EINVAL;
    int total = 0;
    for (size_t k = 0; k < ncols; k++) {
        if (!cols[k].header)
            return SLOPE_EINVAL;
        total += fprintf(fp, "%s%*s", k ? sep : "", cols[k].width, cols[k].header);
    }
    fputc('\n', fp);
    for (int i = 0; i < total; i++)
        fputc('-', fp);
    fputc('\n', fp);
    return ferror(fp) ? SLOPE_EDOM : SLOPE_OK;
}

slope_status slope_table_row(FILE *fp, const slope_table_col *cols,
                             size_t ncols, const char *sep, const double *row)
{
    if (!fp || !cols || ncols == 0 || !sep || !row)
        return SLOPE_EINVAL;
    for (size_t k = 0; k < ncols; k++) {
        char cell[64];
        if (!cols[k].fmt)
            return SLOPE_EINVAL;
        /* The format is the caller's: a column list is data, not user input. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
        snprintf(cell, sizeof cell, cols[k].fmt, row[k]);
#pragma GCC diagnostic pop
        fprintf(fp, "%s%*s", k ? sep : "", cols[k].width, cell);
    }
    fputc('\n', fp);
    return ferror(fp) ? SLOPE_EDOM : SLOPE_OK;
}

/* ---- Python's repr ------------------------------------------------------------- */

/* Copy src into buf; SLOPE_ETOL if it does not fit. */
static slope_status put(char *buf, size_t size, const char *src)
{
    size_t len = strlen(src);
    if (len >= size) {
        memcpy(buf, src, size - 1);
        buf[size - 1] = '\0';
        return SLOPE_ETOL;
    }
    memcpy(buf, src, len + 1);
    return SLOPE_OK;
}

/* The shortest significant digits of |x| that read back exactly, as a digit
 * string (no point) and the decimal exponent of the first digit. */
static void shortest_digits(double x, char *digits, int *exp10)
{
    char s[40];
    for (int prec = 0; prec < 17; prec++) {
        snprintf(s, sizeof s, "%.*e", prec, fabs(x));
        if (strtod(s, NULL) == fabs(x))
            break;
    }
    char *e = strchr(s, 'e');
    *exp10 = atoi(e + 1);
    size_t nd = 0;
    for (const char *p = s; p < e; p++)
        if (*p != '.')
            digits[nd++] = *p;
    while (nd > 1 && digits[nd - 1] == '0')   /* "1.50e+00" never happens, but be safe */
        nd--;
    digits[nd] = '\0';
}

slope_status slope_table_repr(char *buf, size_t size, double x)
{
    if (!buf || size == 0)
        return SLOPE_EINVAL;
    if (isnan(x))
        return put(buf, size, "nan");
    if (isinf(x))
        return put(buf, size, x > 0 ? "inf" : "-inf");
    char d[24], out[64];
    int e, nd, pos = 0;
    shortest_digits(x, d, &e);
    nd = (int)strlen(d);
    if (signbit(x))
        out[pos++] = '-';
    if (x != 0.0 && (e < -4 || e >= 16)) {            /* scientific: 1.5e+16 */
        out[pos++] = d[0];
        if (nd > 1)
            pos += sprintf(out + pos, ".%s", d + 1);
        sprintf(out + pos, "e%c%02d", e < 0 ? '-' : '+', abs(e));
    } else if (e < 0) {                               /* 0.000123 */
        pos += sprintf(out + pos, "0.");
        for (int k = 0; k < -e - 1; k++)
            out[pos++] = '0';
        strcpy(out + pos, d);
    } else if (nd <= e + 1) {                         /* integral: 1248.0 */
        pos += sprintf(out + pos, "%s", d);
        for (int k = 0; k < e + 1 - nd; k++)
            out[pos++] = '0';
        strcpy(out + pos, ".0");
    } else {                                          /* 3.25 */
        sprintf(out + pos, "%.*s.%s", e + 1, d, d + e + 1);
    }
    return put(buf, size, out);
}

/* ---- numpy's str of an array ------------------------------------------------------ */

/* One element as numpy prints it before padding: "%.8f" with trailing zeros
 * trimmed, keeping the point ("4.", "3.5", "1.98866632").  Returns the
 * length; *intlen gets the characters before the point (sign included). */
static int numpy_elem(char *s, double x, int *intlen)
{
    int len = snprintf(s, 48, "%.8f", x);
    while (s[len - 1] == '0')
        s[--len] = '\0';
    *intlen = (int)(strchr(s, '.') - s);
    return len;
}

static int numpy_positional(const double *v, size_t n)
{
    double lo = INFINITY, hi = 0.0;
    for (size_t i = 0; i < n; i++) {
        double a = fabs(v[i]);
        if (!isfinite(a))
            return 0;
        if (a != 0.0)
            lo = fmin(lo, a), hi = fmax(hi, a);
    }
    return hi == 0.0 || (lo >= 1e-4 && hi / lo <= 1e3 && hi < 1e16);
}

/* Both numpy layouts: `nested` adds the outer brackets of a 2-D array. */
static slope_status numpy_str(char *buf, size_t size, const double *v,
                              size_t rows, size_t cols, int nested)
{
    if (!buf || size == 0 || !v || rows == 0 || cols == 0)
        return SLOPE_EINVAL;
    size_t n = rows * cols;
    if (!numpy_positional(v, n))
        return SLOPE_EDOM;
    int wint = 0, wfrac = 0;                   /* common widths, first pass */
    for (size_t i = 0; i < n; i++) {
        char s[48];
        int il, len = numpy_elem(s, v[i], &il);
        wint = il > wint ? il : wint;
        wfrac = len - il - 1 > wfrac ? len - il - 1 : wfrac;
    }
    char out[8192];
    if (n * (size_t)(wint + wfrac + 2) + 4 * rows + 4 > sizeof out)
        return SLOPE_ETOL;
    size_t pos = 0;
    for (size_t i = 0; i < n; i++) {
        char s[48];
        int il, len = numpy_elem(s, v[i], &il);
        size_t c = i % cols;
        if (c == 0)
            pos += (size_t)sprintf(out + pos, "%s", i == 0 ? (nested ? "[[" : "[") : " [");
        pos += (size_t)sprintf(out + pos, "%s%*s%s%*s", c ? " " : "", wint - il, "", s,
                               wfrac - (len - il - 1), "");
        if (c == cols - 1)
            pos += (size_t)sprintf(out + pos, "]%s", i == n - 1 ? (nested ? "]" : "") : "\n");
    }
    return put(buf, size, out);
}

slope_status slope_table_numpy_vector(char *buf, size_t size, const double *v,
                                      size_t n)
{
    return numpy_str(buf, size, v, 1, n, 0);
}

slope_status slope_table_numpy_matrix(char *buf, size_t size, const double *A,
                                      size_t rows, size_t cols)
{
    return numpy_str(buf, size, A, rows, cols, 1);
}
