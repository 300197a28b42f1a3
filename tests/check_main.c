/*
 * check_main.c -- the one runner for every libslope suite.
 *
 * Each module's suite lives in tests/check_<module>.c and exports
 * `Suite *make_<module>_suite(void)`.  The build writes the list of suites
 * (suites.inc) from the file names, so this file never changes when a module
 * is added.  Run one suite with CK_RUN_SUITE=<module>; run without fork (under
 * gdb or valgrind) with CK_FORK=no.
 */
#include <check.h>
#include <stdlib.h>

#include "testutil.h"   /* declares every make_<module>_suite */

int main(void)
{
    SRunner *sr = srunner_create(NULL);
#define SLOPE_SUITE(name) srunner_add_suite(sr, make_##name##_suite());
#include "suites.inc"
#undef SLOPE_SUITE
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
