#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>

const char *test_golden_path(char *buf, size_t size, const char *name)
{
    const char *dir = getenv("SLOPE_TESTDATA");
    snprintf(buf, size, "%s/%s", dir ? dir : "tests/golden", name);
    return buf;
}

double *test_read_doubles(const char *name, size_t *n)
{
    char path[4096];
    test_golden_path(path, sizeof path, name);
    FILE *fp = fopen(path, "r");
    ck_assert_msg(fp != NULL, "cannot open golden file %s (run from the tree's root)", path);
    size_t cap = 1024, len = 0;
    double *v = malloc(cap * sizeof *v);
    ck_assert_ptr_nonnull(v);
    int c;
    while ((c = fgetc(fp)) != EOF) {     /* stream: lines may be any length */
        if (c == '#') {
            while ((c = fgetc(fp)) != EOF && c != '\n')
                ;
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
            continue;
        ungetc(c, fp);
        double x;
        ck_assert_msg(fscanf(fp, "%lf", &x) == 1, "%s: not a number after %zu values", path, len);
        if (len == cap) {
            cap *= 2;
            v = realloc(v, cap * sizeof *v);
            ck_assert_ptr_nonnull(v);
        }
        v[len++] = x;
    }
    fclose(fp);
    *n = len;
    return v;
}
