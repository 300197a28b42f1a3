#define _POSIX_C_SOURCE 200809L
/*
 * check_table.c -- lib/table against Python's own strings.
 *
 * The oracle is tests/oracle/format_oracle.py: repr() of 200+ doubles across
 * every exponent range and str() of numpy arrays, committed as golden text.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "table.h"
#include "testutil.h"

/* Open a golden text file; fail the test if it is missing. */
static FILE *open_golden(const char *name)
{
    char path[4096];
    test_golden_path(path, sizeof path, name);
    FILE *fp = fopen(path, "r");
    ck_assert_msg(fp != NULL, "cannot open %s", path);
    return fp;
}

START_TEST(repr_matches_python)
{
    FILE *fp = open_golden("table/repr.txt");
    char line[512];
    int count = 0;
    while (fgets(line, sizeof line, fp)) {
        if (line[0] == '#')
            continue;
        char *tab = strchr(line, '\t');
        ck_assert_ptr_nonnull(tab);
        *tab = '\0';
        tab[1 + strcspn(tab + 1, "\n")] = '\0';
        double x = strtod(line, NULL);
        char got[64];
        ck_assert_int_eq(slope_table_repr(got, sizeof got, x), SLOPE_OK);
        ck_assert_msg(strcmp(got, tab + 1) == 0, "repr(%a): got '%s', python '%s'", x, got, tab + 1);
        count++;
    }
    fclose(fp);
    ck_assert_int_ge(count, 200);
}
END_TEST

START_TEST(numpy_str_matches_numpy)
{
    FILE *fp = open_golden("table/numpy.txt");
    char line[4096];
    int count = 0;
    while (fgets(line, sizeof line, fp)) {
        if (line[0] == '#')
            continue;
        char *tab = strchr(line, '\t'), *p, *end;
        ck_assert_ptr_nonnull(tab);
        *tab = '\0';
        char *want = tab + 1;
        want[strcspn(want, "\n")] = '\0';
        for (char *q = want; *q; q++)
            if (*q == '|')
                *q = '\n';
        long ndim = strtol(line, &p, 10), rows = strtol(p, &p, 10), cols = strtol(p, &p, 10);
        double v[64];
        for (long i = 0; i < rows * cols; i++, p = end)
            v[i] = strtod(p, &end);
        char got[1024];
        slope_status s = ndim == 1 ? slope_table_numpy_vector(got, sizeof got, v, (size_t)cols)
                                   : slope_table_numpy_matrix(got, sizeof got, v, (size_t)rows,
                                                              (size_t)cols);
        if (strchr(want, 'e')) {          /* numpy chose scientific: we refuse */
            ck_assert_int_eq(s, SLOPE_EDOM);
            continue;
        }
        ck_assert_int_eq(s, SLOPE_OK);
        ck_assert_msg(strcmp(got, want) == 0, "got '%s', numpy '%s'", got, want);
        count++;
    }
    fclose(fp);
    ck_assert_int_ge(count, 40);
}
END_TEST

START_TEST(aligned_table)
{
    char buf[256] = {0};
    FILE *fp = fmemopen(buf, sizeof buf, "w");
    ck_assert_ptr_nonnull(fp);
    slope_table_col cols[] = {{"h", "%.6f", 10}, {"err", "%.2e", 9}};
    ck_assert_int_eq(slope_table_header(fp, cols, 2, "  "), SLOPE_OK);
    ck_assert_int_eq(slope_table_row(fp, cols, 2, "  ", (double[]){0.125, 2.5e-3}), SLOPE_OK);
    fclose(fp);
    ck_assert_str_eq(buf, "         h        err\n"
                          "---------------------\n"
                          "  0.125000   2.50e-03\n");
}
END_TEST

START_TEST(errors)
{
    char buf[8];
    slope_table_col col = {"x", "%g", 4};
    double v = 1.0;
    ck_assert_int_eq(slope_table_repr(NULL, 8, 1.0), SLOPE_EINVAL);
    ck_assert_int_eq(slope_table_repr(buf, 0, 1.0), SLOPE_EINVAL);
    ck_assert_int_eq(slope_table_repr(buf, 4, 1248.0), SLOPE_ETOL);   /* needs 7 bytes */
    ck_assert_str_eq(buf, "124");
    ck_assert_int_eq(slope_table_repr(buf, sizeof buf, NAN), SLOPE_OK);
    ck_assert_str_eq(buf, "nan");
    ck_assert_int_eq(slope_table_repr(buf, sizeof buf, -INFINITY), SLOPE_OK);
    ck_assert_str_eq(buf, "-inf");
    ck_assert_int_eq(slope_table_numpy_vector(buf, sizeof buf, NULL, 1), SLOPE_EINVAL);
    ck_assert_int_eq(slope_table_numpy_vector(buf, sizeof buf, &v, 0), SLOPE_EINVAL);
    ck_assert_int_eq(slope_table_numpy_matrix(buf, sizeof buf, &v, 0, 1), SLOPE_EINVAL);
    ck_assert_int_eq(slope_table_numpy_vector(buf, sizeof buf, (double[]){NAN}, 1), SLOPE_EDOM);
    ck_assert_int_eq(slope_table_numpy_vector(buf, sizeof buf, (double[]){1e-5, 1.0}, 2),
                     SLOPE_EDOM);
    ck_assert_int_eq(slope_table_numpy_vector(buf, 3, (double[]){1.5}, 1), SLOPE_ETOL);
    ck_assert_int_eq(slope_table_header(NULL, &col, 1, " "), SLOPE_EINVAL);
    ck_assert_int_eq(slope_table_header(stdout, &col, 0, " "), SLOPE_EINVAL);
    ck_assert_int_eq(slope_table_row(stdout, &col, 1, " ", NULL), SLOPE_EINVAL);
    FILE *ro = fopen("/dev/null", "r");
    ck_assert_ptr_nonnull(ro);
    ck_assert_int_eq(slope_table_row(ro, &col, 1, " ", &v), SLOPE_EDOM);  /* write fails */
    fclose(ro);
}
END_TEST

Suite *make_table_suite(void)
{
    Suite *s = suite_create("table");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, repr_matches_python);
    tcase_add_test(tc, numpy_str_matches_numpy);
    tcase_add_test(tc, aligned_table);
    tcase_add_test(tc, errors);
    suite_add_tcase(s, tc);
    return s;
}
