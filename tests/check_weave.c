/*
 * check_weave.c -- the weave tool (chapters/weave.lua) on small fixtures.
 *
 * Each test builds a throw-away directory with a fake chapter program (a
 * shell script printing tables under --weave), a lesson and a C source,
 * runs the tool as `make check` does, and checks its exit status and the
 * bytes it leaves behind.
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

static char dir[] = "/tmp/slope-weave-XXXXXX";
static char path_buf[4][512];

static const char *in_dir(int slot, const char *name)
{
    snprintf(path_buf[slot], sizeof path_buf[slot], "%s/%s", dir, name);
    return path_buf[slot];
}

static void write_file(const char *path, const char *text)
{
    FILE *fp = fopen(path, "w");
    ck_assert_ptr_nonnull(fp);
    fputs(text, fp);
    fclose(fp);
}

static char *read_all(const char *path)
{
    static char buf[8192];
    FILE *fp = fopen(path, "r");
    ck_assert_ptr_nonnull(fp);
    size_t n = fread(buf, 1, sizeof buf - 1, fp);
    buf[n] = '\0';
    fclose(fp);
    return buf;
}

/* Run the tool; return its exit status. */
static int weave(const char *mode, const char *file)
{
    char cmd[2048];
    snprintf(cmd, sizeof cmd, "luajit chapters/weave.lua %s --program %s %s >/dev/null 2>%s", mode,
             in_dir(2, "prog.sh"), file, in_dir(3, "stderr.txt"));
    int st = system(cmd);
    ck_assert_msg(st != -1 && WIFEXITED(st), "could not run: %s", cmd);
    return WEXITSTATUS(st);
}

/* Run `weave.lua --prose` on the fixture lesson; return its exit status. */
static int weave_prose(void)
{
    char cmd[2048];
    snprintf(cmd, sizeof cmd, "luajit chapters/weave.lua --prose %s >/dev/null 2>%s", in_dir(1, "lesson.md"),
             in_dir(3, "stderr.txt"));
    int st = system(cmd);
    ck_assert_msg(st != -1 && WIFEXITED(st), "could not run: %s", cmd);
    return WEXITSTATUS(st);
}

static void setup(void)
{
    strcpy(dir, "/tmp/slope-weave-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(dir));
    write_file(in_dir(0, "prog.sh"), "#!/bin/sh\n"
                                     "echo '@@ table demo'\necho '  h = 0.125  err = 2.50e-03'\n"
                                     "echo '@@ table other'\necho 'x=3.1416'\necho\n");
    chmod(in_dir(0, "prog.sh"), 0755);
    write_file(in_dir(0, "code.c"), "/* weave: region */\nint a = 1;\n/* weave end */\n"
                                    "static double twice(double x)\n{\n    return 2 * x;\n}\n");
}

static void teardown(void)
{
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    ck_assert_int_eq(system(cmd), 0);
}

static const char *woven =
    "Intro.\n<!-- table: demo -->\n```text\n  h = 0.125  err = 2.50e-03\n```\n<!-- /table -->\n"
    "Code:\n<!-- code: @#twice -->\n```c\nstatic double twice(double x)\n{\n"
    "    return 2 * x;\n}\n```\n<!-- /code -->\nEnd.\n";

/* Write the lesson, with @ standing for the fixture C file's path. */
static void write_lesson(const char *tmpl)
{
    char text[2048];
    size_t n = 0;
    for (const char *p = tmpl; *p && n < sizeof text - 600; p++) {
        if (*p == '@')
            n += (size_t)snprintf(text + n, sizeof text - n, "%s", in_dir(1, "code.c"));
        else
            text[n++] = *p;
    }
    text[n] = '\0';
    write_file(in_dir(0, "lesson.md"), text);
}

START_TEST(up_to_date_lesson_is_left_byte_identical)
{
    write_lesson(woven);
    char before[2048];
    strcpy(before, read_all(in_dir(0, "lesson.md")));
    ck_assert_int_eq(weave("--check", in_dir(1, "lesson.md")), 0);
    ck_assert_int_eq(weave("", in_dir(1, "lesson.md")), 0);
    ck_assert_str_eq(read_all(in_dir(0, "lesson.md")), before);
}
END_TEST

START_TEST(drift_is_detected_and_rewritten)
{
    write_lesson("<!-- table: demo -->\n```text\n  h = 0.125  err = 9.99e-03\n```\n<!-- /table -->\n");
    ck_assert_int_eq(weave("--check", in_dir(1, "lesson.md")), 1);
    ck_assert_ptr_nonnull(strstr(read_all(in_dir(3, "stderr.txt")), "lesson.md:1: table: demo"));
    ck_assert_int_eq(weave("", in_dir(1, "lesson.md")), 0);
    ck_assert_ptr_nonnull(strstr(read_all(in_dir(0, "lesson.md")), "err = 2.50e-03"));
    ck_assert_int_eq(weave("--check", in_dir(1, "lesson.md")), 0);
}
END_TEST

START_TEST(region_and_empty_marker_are_filled)
{
    write_lesson("a\n<!-- code: @#region -->\n<!-- /code -->\n");
    ck_assert_int_eq(weave("", in_dir(1, "lesson.md")), 0);
    ck_assert_ptr_nonnull(strstr(read_all(in_dir(0, "lesson.md")), "```c\nint a = 1;\n```\n"));
}
END_TEST

START_TEST(missing_table_or_symbol_is_an_error)
{
    write_lesson("x\n\n<!-- table: nosuch -->\n<!-- /table -->\n");
    ck_assert_int_eq(weave("--check", in_dir(1, "lesson.md")), 2);
    ck_assert_ptr_nonnull(strstr(read_all(in_dir(3, "stderr.txt")), "lesson.md:3"));
    ck_assert_ptr_nonnull(strstr(read_all(in_dir(3, "stderr.txt")), "nosuch"));
    write_lesson("<!-- code: @#thrice -->\n<!-- /code -->\n");
    ck_assert_int_eq(weave("--check", in_dir(1, "lesson.md")), 2);
    ck_assert_ptr_nonnull(strstr(read_all(in_dir(3, "stderr.txt")), "thrice"));
    write_lesson("<!-- table: demo -->\nnever closed\n");
    ck_assert_int_eq(weave("", in_dir(1, "lesson.md")), 2);
    ck_assert_ptr_nonnull(strstr(read_all(in_dir(0, "lesson.md")), "never closed"));  /* untouched */
}
END_TEST

START_TEST(seed_numbers_must_appear_in_order)
{
    write_file(in_dir(0, "seed.out"), "header 2.50e-03\nignored 7.5\n");
    write_file(in_dir(0, "seeds.txt"), "");
    char spec[600];
    snprintf(spec, sizeof spec, "demo %s 1-1\n", in_dir(1, "seed.out"));
    write_file(in_dir(0, "seeds.txt"), spec);
    ck_assert_int_eq(weave("--seeds", in_dir(1, "seeds.txt")), 0);
    snprintf(spec, sizeof spec, "demo %s\n", in_dir(1, "seed.out"));   /* 7.5 is not printed */
    write_file(in_dir(0, "seeds.txt"), spec);
    ck_assert_int_eq(weave("--seeds", in_dir(1, "seeds.txt")), 1);
    ck_assert_ptr_nonnull(strstr(read_all(in_dir(3, "stderr.txt")), "lacks 7.5"));
}
END_TEST

/* Every line here speaks of a random-number seed, or hides its word in a
 * comment: the lesson passes. */
START_TEST(prose_allows_random_seeds_and_comments)
{
    write_file(in_dir(0, "lesson.md"),
               "The weights come from `np.random.seed(0)` and numpy's seed 0.\n"
               "Run `make run CH=07 ARGS=\"--seed 7\"`; the seeded weights differ.\n"
               "With seed=42, or seed(3), or Seed 12, the table changes.\n"
               "A random seed fixes the stream; so does the RNG's SEED.\n"
               "<!-- a comment may say seed, widget, slider,\n"
               "     and source page, across lines --> and then go on.\n"
               "<!-- the seed --> a line between comments <!-- a widget -->\n"
               "A seedless line.\n");
    ck_assert_int_eq(weave_prose(), 1);  /* "seedless": a seed that is no random seed */
    ck_assert_ptr_nonnull(strstr(read_all(in_dir(3, "stderr.txt")), "lesson.md:8: 'seed'"));
    write_file(in_dir(0, "lesson.md"),
               "The weights come from `np.random.seed(0)` and numpy's seed 0.\n"
               "Run `make run CH=07 ARGS=\"--seed 7\"`; the seeded weights differ.\n"
               "With seed=42, or seed(3), or Seed 12, the table changes.\n"
               "A random seed fixes the stream; so does the RNG's SEED.\n"
               "<!-- a comment may say seed, widget, slider,\n"
               "     and source page, across lines --> and then go on.\n"
               "<!-- the seed --> a line between comments <!-- a widget -->\n");
    ck_assert_int_eq(weave_prose(), 0);
    ck_assert_str_eq(read_all(in_dir(3, "stderr.txt")), "");
}
END_TEST

/* Each lesson breaks the rule once, on a known line, with a known word. */
static const struct {
    const char *lesson, *report;
} prose_bad[] = {
    { "Intro.\nThe seed's loop runs 3000 epochs.\n", "lesson.md:2: 'seed'" },
    { "As the Widget shows,\n", "lesson.md:1: 'Widget'" },
    { "Move the SLIDER to 0.5.\n", "lesson.md:1: 'SLIDER'" },
    { "a\nb\nThe Source Page says so.\n", "lesson.md:3: 'Source Page'" },
    { "Both seeds agree.\n", "lesson.md:1: 'seed'" },
    { "The seed = the page.\n", "lesson.md:1: 'seed'" },
    { "<!-- one\ntwo -->\nthe seed's table\n", "lesson.md:3: 'seed'" },
    { "<!-- fine --> but the seed's steps <!-- fine -->\n", "lesson.md:1: 'seed'" },
    { "seed 0 is fine, but not the seed's table\n", "lesson.md:1: 'seed'" },
    { "x\n<!-- never closed, seed\n", "lesson.md:2: an HTML comment opened here is never closed" },
};

START_TEST(prose_rejects_words_outside_comments)
{
    write_file(in_dir(0, "lesson.md"), prose_bad[_i].lesson);
    ck_assert_int_eq(weave_prose(), 1);
    const char *err = read_all(in_dir(3, "stderr.txt"));
    ck_assert_msg(strstr(err, prose_bad[_i].report) != NULL, "want \"%s\" in:\n%s", prose_bad[_i].report, err);
    ck_assert_ptr_nonnull(strstr(err, "HINT: "));
}
END_TEST

Suite *make_weave_suite(void)
{
    Suite *s = suite_create("weave");
    TCase *tc = tcase_create("tool");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, up_to_date_lesson_is_left_byte_identical);
    tcase_add_test(tc, drift_is_detected_and_rewritten);
    tcase_add_test(tc, region_and_empty_marker_are_filled);
    tcase_add_test(tc, missing_table_or_symbol_is_an_error);
    tcase_add_test(tc, seed_numbers_must_appear_in_order);
    tcase_add_test(tc, prose_allows_random_seeds_and_comments);
    tcase_add_loop_test(tc, prose_rejects_words_outside_comments, 0, (int)(sizeof prose_bad / sizeof prose_bad[0]));
    suite_add_tcase(s, tc);
    return s;
}
