/*
 * bench_grader.c -- what `grader check` costs on top of the compile it must
 * do anyway, and how fast `grader batch` gets through a class.
 *
 *   grader_bare_compile_O1/O2  cc -shared -fPIC -On -include exercise.h of the
 *                              reference solution -lm, nothing else
 *   grader_own_compile         the command the grader runs: -O2 -pipe, and no
 *                              -lm (slope-run provides libm; judge.lua)
 *   grader_check               the whole `grader check` of that file
 *   grader_overhead            grader_check - grader_bare_compile_O2 (the
 *                              grader compiles with -O2: on a small file -O1
 *                              saves nothing; target <= 15 ms)
 *   grader_process_overhead    grader_check - grader_own_compile: what the
 *                              grader's processes cost beside its compiler
 *   grader_split_*             the grader's own split (SLOPE_GRADER_TIMING):
 *                              compile, the first runner's set-up (beside the
 *                              compile, not after it), run, compare
 *   grader_check_no_view       grader_check without the private filesystem
 *                              views (SLOPE_GRADER_NO_NAMESPACES=1), and
 *   grader_view_cost           the difference: what the namespaces cost
 *   grader_check_tcc           the same with --cc tcc (watch mode), if installed
 *   grader_batch_200_j2        batch of 200 distinct generated submissions, -j 2
 *   grader_batch_200_half_dup_j2   the same with 100 byte-identical pairs
 *   grader_batch_200_20spin_j2     the same with 20 submissions that loop
 *                              forever (target <= 60 s: each costs two
 *                              per-case limits, then the rest is not run)
 *   grader_loop_05_hidden      `grader check 05 --hidden` of a gd_iterate that
 *                              never returns (target <= 12 s)
 *
 * A line with a target says so beside the median: target_ms=T met|MISSED.
 * Runs from the tree's root; the binary is $SLOPE_GRADER (default
 * build/bin/grader).  BENCH_BATCH_REPS (default 1) repeats the first two
 * batch runs; the targeted ones are repeated BENCH_TARGET_REPS (default 3)
 * times.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "harness.h"

#define EXDIR "tests/grader/exercises"
#define EX EXDIR "/01-twice"
#define REPS 21

static char grader[1024];

/* The harness's line, with the target beside it. */
static void report_target(const char *name, double median_ms, double target_ms)
{
    printf("bench: %s median_ms=%.3f target_ms=%.0f %s\n", name, median_ms, target_ms,
           median_ms <= target_ms ? "met" : "MISSED");
}
static char work[] = "/tmp/slope-bench-grader-XXXXXX";

/* Run argv with stdout to /dev/null and stderr to errfile (or /dev/null);
 * return the exit status. */
static int run(char *const argv[], const char *errfile)
{
    pid_t pid = fork();
    if (pid == 0) {
        int null = open("/dev/null", O_WRONLY);
        int err = errfile ? open(errfile, O_WRONLY | O_CREAT | O_TRUNC, 0644) : null;
        if (null < 0 || err < 0)
            _exit(127);
        dup2(null, 1);
        dup2(err, 2);
        execvp(argv[0], argv);
        _exit(127);
    }
    int st = 0;
    waitpid(pid, &st, 0);
    return WIFEXITED(st) ? WEXITSTATUS(st) : 128;
}

static void bare_compile(void *opt)
{
    char out[600], o[8];
    snprintf(o, sizeof o, "%s", (const char *)opt);
    snprintf(out, sizeof out, "%s/bare.so", work);
    char *argv[] = { "cc", "-shared", "-fPIC", o, "-Wall", "-Wextra", "-I" EX, "-include",
                     "exercise.h", "-o", out, EX "/solution.c", "-lm", NULL };
    if (run(argv, NULL) != 0) {
        fprintf(stderr, "bench_grader: the bare compile failed\n");
        exit(1);
    }
}

/* The grader's own compile command (judge.lua), run bare. */
static void own_compile(void *unused)
{
    (void)unused;
    char out[600];
    snprintf(out, sizeof out, "%s/own.so", work);
    char *argv[] = { "cc", "-shared", "-fPIC", "-O2", "-Wall", "-Wextra", "-fdiagnostics-color=never",
                     "-pipe", "-I" EX, "-include", "exercise.h", "-o", out, EX "/solution.c", NULL };
    if (run(argv, NULL) != 0) {
        fprintf(stderr, "bench_grader: the grader's compile command failed\n");
        exit(1);
    }
}

typedef struct {
    char cc[16];
    double split[4];  /* compile, sandbox, run, compare of the last run */
} check_arg;

static void grader_check(void *p)
{
    check_arg *a = p;
    char errfile[600];
    snprintf(errfile, sizeof errfile, "%s/timing.txt", work);
    char *argv[] = { grader, "check", "1", EX "/solution.c", "--exercises", EXDIR,
                     "--no-progress", "--cc", a->cc, NULL };
    if (run(argv, errfile) != 0) {
        fprintf(stderr, "bench_grader: grader check failed (%s)\n", a->cc);
        exit(1);
    }
    FILE *fp = fopen(errfile, "r");
    int runs;
    if (fp == NULL || fscanf(fp, "timing: compile_ms=%lf sandbox_ms=%lf run_ms=%lf runs=%d compare_ms=%lf",
                             &a->split[0], &a->split[1], &a->split[2], &runs, &a->split[3]) != 5) {
        fprintf(stderr, "bench_grader: no timing line from the grader\n");
        exit(1);
    }
    fclose(fp);
}

/* The check, timed REPS times, with the median of each part of the split. */
static double time_check(const char *cc, double split_median[4])
{
    double t[REPS], parts[4][REPS];
    check_arg a;
    snprintf(a.cc, sizeof a.cc, "%s", cc);
    grader_check(&a);  /* warm the caches once */
    for (int i = 0; i < REPS; i++) {
        double t0 = bench_now_ms();
        grader_check(&a);
        t[i] = bench_now_ms() - t0;
        for (int k = 0; k < 4; k++)
            parts[k][i] = a.split[k];
    }
    for (int k = 0; k < 4; k++)
        split_median[k] = bench_median(parts[k], REPS);
    return bench_median(t, REPS);
}

/* A bare -O2 compile, the grader's own compile command and a `grader check`
 * in turn, REPS times, so that a machine whose speed drifts moves all three
 * alike; the medians, and of the check's split. */
static void time_side_by_side(double *bare, double *own, double *check, double split_median[4])
{
    double tb[REPS], to[REPS], tc[REPS], parts[4][REPS];
    char O2[] = "-O2";
    check_arg a;
    snprintf(a.cc, sizeof a.cc, "cc");
    grader_check(&a);  /* warm the caches once */
    for (int i = 0; i < REPS; i++) {
        double t0 = bench_now_ms();
        bare_compile(O2);
        double t1 = bench_now_ms();
        own_compile(NULL);
        double t2 = bench_now_ms();
        grader_check(&a);
        double t3 = bench_now_ms();
        tb[i] = t1 - t0, to[i] = t2 - t1, tc[i] = t3 - t2;
        for (int k = 0; k < 4; k++)
            parts[k][i] = a.split[k];
    }
    *bare = bench_median(tb, REPS);
    *own = bench_median(to, REPS);
    *check = bench_median(tc, REPS);
    for (int k = 0; k < 4; k++)
        split_median[k] = bench_median(parts[k], REPS);
}

/* A class of 200: submission i differs from the others by a comment, unless
 * `dup` makes i and i + 100 identical; dup == 2 makes one in ten loop
 * forever instead. */
static void make_class(const char *dir, int dup)
{
    mkdir(dir, 0755);
    for (int i = 0; i < 200; i++) {
        char path[700];
        snprintf(path, sizeof path, "%s/student%03d.c", dir, i);
        FILE *fp = fopen(path, "w");
        if (fp == NULL)
            exit(1);
        const char *body = i % 7 == 3 ? "x + x + 0.5" : "2.0 * x";
        if (dup == 2 && i % 10 == 5)
            body = "x * 2.0; for (volatile int spin = 1; spin;) {}";
        fprintf(fp, "/* submission %d */\ndouble twice(double x)\n{\n    return %s;\n}\n",
                dup == 1 ? i % 100 : i, body);
        fclose(fp);
    }
}

static double time_batch(const char *name, int dup, int reps)
{
    double t[64];
    for (int r = 0; r < reps && r < 64; r++) {
        char dir[600], csv[600], cmd[2000];
        snprintf(dir, sizeof dir, "%s/%s%d", work, name, r);
        snprintf(csv, sizeof csv, "%s/%s%d.csv", work, name, r);
        make_class(dir, dup);
        char *argv[] = { grader, "batch", "1", dir, "-o", csv, "-j", "2",
                         "--exercises", EXDIR, NULL };
        double t0 = bench_now_ms();
        if (run(argv, NULL) != 0) {
            fprintf(stderr, "bench_grader: batch failed\n");
            exit(1);
        }
        t[r] = bench_now_ms() - t0;
        snprintf(cmd, sizeof cmd, "rm -rf %s %s %s/%s%d.feedback", dir, csv, work, name, r);
        if (system(cmd) != 0)
            exit(1);
    }
    return bench_median(t, (size_t)(reps < 64 ? reps : 64));
}

/* An exercise 05 file whose gd_iterate never returns, checked with its
 * hidden cases: the median wall time of the whole check over `reps`. */
static double time_loop_05_once(void);
static double time_loop_05(int reps)
{
    double t[64];
    for (int r = 0; r < reps && r < 64; r++)
        t[r] = time_loop_05_once();
    return bench_median(t, (size_t)(reps < 64 ? reps : 64));
}

static double time_loop_05_once(void)
{
    char path[600];
    snprintf(path, sizeof path, "%s/spin05.c", work);
    FILE *fp = fopen(path, "w");
    if (fp == NULL)
        exit(1);
    fputs("double gd_iterate(double alpha, double x0, int t)\n"
          "{\n    for (volatile int spin = 1; spin;) {}\n    return alpha * x0 * t;\n}\n"
          "int gd_converges(double alpha) { return alpha > 0 && alpha < 1; }\n"
          "double gd_optimal_alpha(void) { return 0.5; }\n", fp);
    fclose(fp);
    char *argv[] = { grader, "check", "05-learning-rate", path, "--hidden", "--exercises", "exercises",
                     "--no-progress", NULL };
    double t0 = bench_now_ms();
    if (run(argv, NULL) != 1) {
        fprintf(stderr, "bench_grader: the looping file did not fail cleanly\n");
        exit(1);
    }
    return bench_now_ms() - t0;
}

int main(void)
{
    const char *g = getenv("SLOPE_GRADER");
    snprintf(grader, sizeof grader, "%s", g && *g ? g : "build/bin/grader");
    if (access(grader, X_OK) != 0) {
        printf("bench: skipped grader (no %s: run `make grader`, or set SLOPE_GRADER)\n", grader);
        return 0;
    }
    if (mkdtemp(work) == NULL)
        return 1;
    setenv("SLOPE_GRADER_TIMING", "1", 1);

    char O1[] = "-O1";
    bench_report("grader_bare_compile_O1", bench_time_ms(bare_compile, O1, REPS), NULL, 0, -1);
    double o2, own, check, split[4];
    time_side_by_side(&o2, &own, &check, split);
    bench_report("grader_bare_compile_O2", o2, NULL, 0, -1);
    bench_report("grader_own_compile", own, NULL, 0, -1);
    bench_report("grader_check", check, NULL, 0, -1);
    report_target("grader_overhead", check - o2, 15);
    bench_report("grader_process_overhead", check - own, NULL, 0, -1);
    const char *names[4] = { "grader_split_compile", "grader_split_sandbox", "grader_split_run",
                             "grader_split_compare" };
    for (int k = 0; k < 4; k++)
        bench_report(names[k], split[k], NULL, 0, -1);

    double unused[4];
    setenv("SLOPE_GRADER_NO_NAMESPACES", "1", 1);
    double no_view = time_check("cc", unused);
    unsetenv("SLOPE_GRADER_NO_NAMESPACES");
    bench_report("grader_check_no_view", no_view, NULL, 0, -1);
    bench_report("grader_view_cost", check - no_view, NULL, 0, -1);

    char *which[] = { "sh", "-c", "command -v tcc", NULL };
    if (run(which, NULL) == 0) {
        double tcc = time_check("tcc", split);
        bench_report("grader_check_tcc", tcc, NULL, 0, -1);
        bench_report("grader_split_compile_tcc", split[0], NULL, 0, -1);
    }

    const char *r = getenv("BENCH_BATCH_REPS");
    int reps = r ? atoi(r) : 1;
    reps = reps > 0 ? reps : 1;
    bench_report("grader_batch_200_j2", time_batch("distinct", 0, reps), NULL, 0, -1);
    bench_report("grader_batch_200_half_dup_j2", time_batch("dup", 1, reps), NULL, 0, -1);
    const char *tr = getenv("BENCH_TARGET_REPS");
    int treps = tr ? atoi(tr) : 3;
    treps = treps > 0 ? treps : 3;
    report_target("grader_batch_200_20spin_j2", time_batch("spin", 2, treps), 60000);
    if (access("exercises/05-learning-rate/keys/hidden.txt", R_OK) == 0)
        report_target("grader_loop_05_hidden", time_loop_05(treps), 12000);

    char cmd[700];
    snprintf(cmd, sizeof cmd, "rm -rf %s", work);
    return system(cmd) == 0 ? 0 : 1;
}
