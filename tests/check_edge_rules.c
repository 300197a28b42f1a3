/*
 * check_edge_rules.c -- the edge-rule check of `make exercises-check`
 * (exercises/edge-rules.lua) on a small exercise of its own.
 *
 * Each test writes a throw-away exercise, clamp01(x) with three edge rules
 * (below 0 gives 0, above 1 gives 1, a NaN gives NaN), its answer keys made
 * by the real grader ($SLOPE_GRADER), a statement whose table lists each
 * rule's cases, and one mutant per rule (a diff against solution.c, made
 * with diff -u); then it breaks one thing and checks that the tool exits 1
 * and says what is wrong.
 */
#define _POSIX_C_SOURCE 200809L
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "testutil.h"

static char dir[] = "/tmp/slope-edges-XXXXXX";
static char err[16384];

static const char *grader(void)
{
    const char *g = getenv("SLOPE_GRADER");
    return g && *g ? g : "build/bin/grader";
}

/* Write TEXT to DIR/01-clamp/NAME. */
static void put(const char *name, const char *text)
{
    char path[600];
    snprintf(path, sizeof path, "%s/01-clamp/%s", dir, name);
    FILE *fp = fopen(path, "w");
    ck_assert_msg(fp != NULL, "cannot write %s", path);
    fputs(text, fp);
    fclose(fp);
}

static void drop(const char *name)
{
    char path[600];
    snprintf(path, sizeof path, "%s/01-clamp/%s", dir, name);
    ck_assert_int_eq(unlink(path), 0);
}

/* Write mutants/NAME as the diff from solution.c to BODY, as an
 * instructor makes one: diff -u --label solution.c --label solution.c. */
static void put_mutant(const char *name, const char *body)
{
    put("mutant.c", body);
    char cmd[1600];
    snprintf(cmd, sizeof cmd,
             "cd %s/01-clamp && { echo 'Breaks one rule.'; echo; "
             "diff -u --label solution.c --label solution.c solution.c mutant.c; } > mutants/%s; "
             "rm mutant.c",
             dir, name);
    ck_assert_int_eq(system(cmd), 0);
}

/* Run a shell command; return its exit status (its stderr kept in err). */
static int run(const char *cmd)
{
    char full[2048], path[600];
    snprintf(path, sizeof path, "%s/stderr.txt", dir);
    snprintf(full, sizeof full, "%s >/dev/null 2>%s", cmd, path);
    int st = system(full);
    ck_assert_msg(st != -1 && WIFEXITED(st), "could not run: %s", cmd);
    FILE *fp = fopen(path, "r");
    ck_assert_ptr_nonnull(fp);
    size_t n = fread(err, 1, sizeof err - 1, fp);
    err[n] = '\0';
    fclose(fp);
    return WEXITSTATUS(st);
}

static int edge_rules(void)
{
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "luajit exercises/edge-rules.lua --grader %s --exercises %s 01-clamp",
             grader(), dir);
    return run(cmd);
}

#define SOLUTION_BODY                                                                              \
    "double clamp01(double x)\n{\n"                                                                \
    "    if (x != x)\n        return x;\n"                                                         \
    "    return x < 0 ? 0.0 : x > 1 ? 1.0 : x;\n}\n"

static const char *readme =
    "# Clamp\n\n| rule | input | returns | cases |\n|---|---|---|---|\n"
    "| E1 | x < 0 | 0 | 2 |\n| E2 | x > 1 | 1 | 3, 5 (hidden) |\n| E3 | NaN | NaN | 4 (hidden) |\n";

static void setup(void)
{
    ck_assert_msg(access(grader(), X_OK) == 0,
                  "no grader binary at %s\nHINT: run `make grader`, or set SLOPE_GRADER", grader());
    strcpy(dir, "/tmp/slope-edges-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char path[600];
    snprintf(path, sizeof path, "%s/01-clamp", dir);
    ck_assert_int_eq(mkdir(path, 0755), 0);
    snprintf(path, sizeof path, "%s/01-clamp/mutants", dir);
    ck_assert_int_eq(mkdir(path, 0755), 0);
    put("exercise.h", "double clamp01(double x);\n");
    put("spec.lua", "case { call = 'clamp01', args = { 0.375 } }\n"
                    "case { call = 'clamp01', args = { -2.5 } }\n"
                    "case { call = 'clamp01', args = { 7.25 } }\n"
                    "case { call = 'clamp01', args = { 0 / 0 }, hidden = true }\n"
                    "case { call = 'clamp01', args = { 1e300 }, hidden = true }\n"
                    "return { title = 'Clamp', chapter = 1, tolerance = { ulp = 0 } }\n");
    put("solution.c", SOLUTION_BODY);
    put("starter.c", "double clamp01(double x)\n{\n    return x;\n}\n");
    put("README.md", readme);
    put_mutant("E1-no-floor.patch", "double clamp01(double x)\n{\n    return x > 1 ? 1.0 : x;\n}\n");
    put_mutant("E2-no-ceiling.patch", "double clamp01(double x)\n{\n    return x < 0 ? 0.0 : x;\n}\n");
    put_mutant("E3-nan-is-zero.patch", "double clamp01(double x)\n{\n"
                                       "    return !(x >= 0) ? 0.0 : x > 1 ? 1.0 : x;\n}\n");
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "%s keys --exercises %s", grader(), dir);
    ck_assert_msg(run(cmd) == 0, "grader keys failed:\n%s", err);
}

static void teardown(void)
{
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    ck_assert_int_eq(system(cmd), 0);
}

START_TEST(a_sound_exercise_passes)
{
    ck_assert_msg(edge_rules() == 0, "edge-rules failed:\n%s", err);
}
END_TEST

/* Each row breaks the fixture once; the tool must exit 1 and say this. */
static const struct {
    const char *file, *text, *drop, *want;
} broken[] = {
    {"README.md", "| E1 | x < 0 | 0 | 9 |\n", NULL, "E1 names case 9, but the spec has 5 cases"},
    {"README.md", "| E1 | x < 0 | 0 | 2 |\n| E3 | NaN | NaN | 4 |\n", NULL,
     "E3: case 4 is hidden, but the row says public"},
    {"README.md", "| E1 | x < 0 | 0 | 2, three |\n", NULL, "'three' is not a case number"},
    {"README.md", "| E1 | x < 0 | 0 | 2 |\n| E1 | x < 0 | 0 | 2 |\n", NULL, "rule E1 listed twice"},
    {"README.md", "# Clamp\n\nNo table.\n", NULL, "has no edge-rule table"},
    {"README.md",
     "| E1 | x < 0 | 0 | 2, 1 |\n| E2 | x > 1 | 1 | 3, 5 (hidden) |\n"
     "| E3 | NaN | NaN | 4 (hidden) |\n",
     NULL, "E1 lists case 1, but no mutant of E1 fails it"},
    {"README.md",
     "| E1 | x < 0 | 0 | 2 |\n| E2 | x > 1 | 1 | 3 |\n| E3 | NaN | NaN | 4 (hidden) |\n", NULL,
     "mutants/E2-no-ceiling.patch fails case 5, which E2"},
    {"mutants/E3-nan-is-zero.patch",
     "double clamp01(double x)\n{\n    if (!(x == x))\n        return x;\n"
     "    return x < 0 ? 0.0 : x > 1 ? 1.0 : x;\n}\n",
     NULL, "yet it passes every case"},
    {"mutants/E3-nan-is-zero.patch", SOLUTION_BODY, NULL, "mutants/E3-nan-is-zero.patch changes nothing"},
    {"mutants/E1-no-floor.patch", "double clamp01(double x)\n{\n    return x > 1 ? 1.0 : 0.5;\n}\n",
     NULL, "mutants/E1-no-floor.patch fails case 1, which E1"},
    {"mutants/E9-stray.patch", "double clamp01(double x)\n{\n    return 0.5;\n}\n", NULL,
     "mutants/E9-stray.patch: its name must start with the id of a rule"},
    {"mutants/E1-broken.patch", "double clamp01(double x) { return x +; }\n", NULL,
     "mutants/E1-broken.patch does not compile"},
    /* A diff whose context is not in solution.c: solution.c moved on. */
    {"mutants/E1-stale.patch",
     "--- solution.c\n+++ solution.c\n@@ -1,3 +1,3 @@\n double clamp01(double y)\n {\n"
     "-    return y;\n+    return 0.5;\n",
     NULL, "mutants/E1-stale.patch no longer applies to solution.c"},
    /* A whole file where a diff belongs would go unchecked: it is refused. */
    {"mutants/E1-whole-file.c", SOLUTION_BODY, NULL, "mutants/E1-whole-file.c is not a .patch"},
    {NULL, NULL, "mutants/E3-nan-is-zero.patch", "E3 has no mutant"},
};

START_TEST(each_broken_rule_or_mutant_is_reported)
{
    if (broken[_i].file) {
        if (strcmp(broken[_i].file, "README.md") == 0 && broken[_i].text[0] == '|') {
            char text[1024];
            snprintf(text, sizeof text,
                     "# Clamp\n\n| rule | input | returns | cases |\n|---|---|---|---|\n%s",
                     broken[_i].text);
            put("README.md", text);
        } else if (strstr(broken[_i].file, ".patch") && strncmp(broken[_i].text, "---", 3) != 0) {
            put_mutant(broken[_i].file + strlen("mutants/"), broken[_i].text);
        } else {
            put(broken[_i].file, broken[_i].text);
        }
    }
    if (broken[_i].drop)
        drop(broken[_i].drop);
    ck_assert_int_eq(edge_rules(), 1);
    ck_assert_msg(strstr(err, broken[_i].want) != NULL, "want \"%s\" in:\n%s", broken[_i].want,
                  err);
    ck_assert_ptr_nonnull(strstr(err, "HINT: "));
}
END_TEST

/* A student tree has no solution, hidden keys or mutants: only the public
 * case numbers can be checked, and a wrong one still fails. */
START_TEST(a_student_tree_checks_public_numbers)
{
    drop("solution.c");
    drop("keys/hidden.txt");
    char cmd[700];
    snprintf(cmd, sizeof cmd, "rm -r %s/01-clamp/mutants", dir);
    ck_assert_int_eq(system(cmd), 0);
    ck_assert_msg(edge_rules() == 0, "edge-rules failed:\n%s", err);
    put("README.md", "| E1 | x < 0 | 0 | 4 |\n");
    ck_assert_int_eq(edge_rules(), 1);
    ck_assert_ptr_nonnull(strstr(err, "E1 names case 4, but the spec has 3 public cases"));
}
END_TEST

/* Bad usage and a grader that cannot grade are exit 2, with a hint. */
START_TEST(usage_errors_exit_2)
{
    ck_assert_int_eq(run("luajit exercises/edge-rules.lua --no-such-option"), 2);
    ck_assert_ptr_nonnull(strstr(err, "HINT: "));
    ck_assert_int_eq(run("luajit exercises/edge-rules.lua 01-clamp"), 2);
    ck_assert_ptr_nonnull(strstr(err, "need --grader BIN --exercises DIR NAME"));
    put("spec.lua", "case { call = 'clamp01', args = { 0.375 } }\nreturn {\n"); /* a broken spec */
    ck_assert_int_eq(edge_rules(), 2);
    ck_assert_ptr_nonnull(strstr(err, "HINT: "));
    ck_assert_int_eq(run("luajit exercises/edge-rules.lua --help"), 0);
}
END_TEST

Suite *make_edge_rules_suite(void)
{
    Suite *s = suite_create("edge_rules");
    TCase *tc = tcase_create("tool");
    tcase_set_timeout(tc, 60);
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, a_sound_exercise_passes);
    tcase_add_loop_test(tc, each_broken_rule_or_mutant_is_reported, 0,
                        (int)(sizeof broken / sizeof broken[0]));
    tcase_add_test(tc, a_student_tree_checks_public_numbers);
    tcase_add_test(tc, usage_errors_exit_2);
    suite_add_tcase(s, tc);
    return s;
}
