/*
 * testutil.h -- small helpers shared by the Check suites.
 *
 * Kept to what Check itself lacks: a relative-tolerance assertion and a
 * reader for the golden files that independent oracles (numpy, written by
 * the scripts in tests/oracle/) committed under tests/golden/.
 */
#ifndef SLOPE_TESTUTIL_H
#define SLOPE_TESTUTIL_H

#include <check.h>
#include <math.h>
#include <stddef.h>

/* Every suite constructor, `Suite *make_<module>_suite(void)`, declared from
 * the list the build generates out of the tests/check_<module>.c file names. */
#define SLOPE_SUITE(name) Suite *make_##name##_suite(void);
#include "suites.inc"
#undef SLOPE_SUITE

/* UNDER_ASAN: 1 in a build with AddressSanitizer, else 0.  Its runtime
 * changes what some tests can provoke: its shadow memory defeats an
 * address-space limit, and its allocator aborts instead of returning NULL. */
#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif
#ifndef UNDER_ASAN
#define UNDER_ASAN 0
#endif

/* |got - want| <= rel * max(|want|, tiny): a relative test that stays
 * meaningful when `want` is 0 (then it is absolute with scale 1). */
#define ck_assert_rel(got, want, rel)                                        \
    do {                                                                     \
        double g_ = (got), w_ = (want), s_ = fabs(w_) > 1.0 ? fabs(w_) : 1.0; \
        ck_assert_msg(fabs(g_ - w_) <= (rel) * s_,                           \
                      "%s = %.17g, want %.17g (rel tol %g)", #got, g_, w_,   \
                      (double)(rel));                                        \
    } while (0)

/* Path of a golden file: $SLOPE_TESTDATA/<name> (the Makefile sets
 * SLOPE_TESTDATA=tests/golden).  Writes into buf, returns buf. */
const char *test_golden_path(char *buf, size_t size, const char *name);

/* Read every number of a whitespace-separated text file (lines starting
 * with '#' are comments) into a malloc'd array; *n gets the count.  Fails
 * the running test with a message when the file is missing or malformed. */
double *test_read_doubles(const char *name, size_t *n);

#endif
