/*
 * check_grader.c -- the grader binary, driven as a student and an instructor
 * drive it, on the fixture exercises of tests/grader/exercises/.
 *
 * Each run gets a fresh TMPDIR and XDG_STATE_HOME and a unique marker in its
 * environment; afterwards the test asserts the grader's exit status and
 * output, that TMPDIR is empty again (no temp file left) and that no process
 * carrying the marker survives (no process left).
 *
 * The binary is $SLOPE_GRADER (default build/bin/grader); paths are relative
 * to the tree's root, where `make check` runs the suite.
 */
#define _GNU_SOURCE
#include <check.h>
#include <dirent.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <signal.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "testutil.h"

#define EXERCISES "tests/grader/exercises"
#define HOSTILE "tests/grader/hostile/"
/* Only rows that must time out get a short limit: they need only exceed it. */
#define FAST "--time-limit 0.1 --memory-limit 64 --exercises " EXERCISES
/* Rows whose verdict is not a time-out get a clock far beyond their work, so
 * the verdict never races it: filling 64 MB takes 0.3 s on a machine slow at
 * page faults, and writing 16 MB of output takes as long on a busy one. */
#define ROOMY "--time-limit 10 --memory-limit 64 --exercises " EXERCISES

static char work[] = "/tmp/slope-check-grader-XXXXXX";
static char out[1 << 16];
static int serial;

static const char *grader(void)
{
    const char *g = getenv("SLOPE_GRADER");
    return g && *g ? g : "build/bin/grader";
}

static void setup(void)
{
    ck_assert_msg(access(grader(), X_OK) == 0,
                  "no grader binary at %s\nHINT: run `make grader`, or set SLOPE_GRADER", grader());
    strcpy(work, "/tmp/slope-check-grader-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(work));
}

static void teardown(void)
{
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf %s", work);
    ck_assert_int_eq(system(cmd), 0);
}

/* Count live processes whose environment holds `marker` (and, when comm
 * is not NULL, whose command name is comm). */
static int processes_named(const char *marker, const char *comm)
{
    DIR *d = opendir("/proc");
    int n = 0;
    struct dirent *e;
    while (d && (e = readdir(d)) != NULL) {
        char path[300], buf[65536];
        if (e->d_name[0] < '0' || e->d_name[0] > '9')
            continue;
        if (comm != NULL) {
            char name[64] = "";
            snprintf(path, sizeof path, "/proc/%s/comm", e->d_name);
            FILE *cf = fopen(path, "r");
            if (cf == NULL || fgets(name, sizeof name, cf) == NULL || strncmp(name, comm, strlen(comm)) != 0) {
                if (cf)
                    fclose(cf);
                continue;
            }
            fclose(cf);
        }
        snprintf(path, sizeof path, "/proc/%s/environ", e->d_name);
        FILE *fp = fopen(path, "r");
        if (fp == NULL)
            continue;
        size_t len = fread(buf, 1, sizeof buf - 1, fp);
        fclose(fp);
        for (size_t i = 0; i < len; i += strlen(buf + i) + 1) {
            buf[len] = '\0';
            if (strcmp(buf + i, marker) == 0)
                n++;
        }
    }
    if (d)
        closedir(d);
    return n;
}

static int processes_with(const char *marker)
{
    return processes_named(marker, NULL);
}

static int dir_is_empty(const char *path)
{
    DIR *d = opendir(path);
    ck_assert_ptr_nonnull(d);
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL)
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
            n++;
    closedir(d);
    return n == 0;
}

/* Run `grader ARGS` (stdout and stderr into `out`); return its exit status
 * after checking that it left neither a temp file nor a process behind. */
static int run(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static int run(const char *fmt, ...)
{
    char args[2048], cmd[4096], marker[128], tmp[700];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(args, sizeof args, fmt, ap);
    va_end(ap);
    snprintf(marker, sizeof marker, "SLOPE_GRADER_MARK=%d-%d", (int)getpid(), ++serial);
    snprintf(tmp, sizeof tmp, "%s/tmp%d", work, serial);
    ck_assert_int_eq(mkdir(tmp, 0700), 0);
    snprintf(cmd, sizeof cmd, "env %s TMPDIR=%s XDG_STATE_HOME=%s/state %s %s 2>&1",
             marker, tmp, work, grader(), args);
    FILE *p = popen(cmd, "r");
    ck_assert_ptr_nonnull(p);
    size_t n = fread(out, 1, sizeof out - 1, p);
    out[n] = '\0';
    while (fread(cmd, 1, sizeof cmd, p) > 0)  /* drain: never block the grader */
        ;
    int st = pclose(p);
    ck_assert_msg(WIFEXITED(st), "grader did not exit normally: %s", args);
    ck_assert_msg(dir_is_empty(tmp), "temp files left behind by: %s", args);
    ck_assert_msg(processes_with(marker) == 0, "processes left behind by: %s", args);
    return WEXITSTATUS(st);
}

#define ck_assert_out_has(s) ck_assert_msg(strstr(out, (s)) != NULL, "missing \"%s\" in:\n%s", (s), out)
#define ck_assert_out_lacks(s) ck_assert_msg(strstr(out, (s)) == NULL, "unexpected \"%s\" in:\n%s", (s), out)

/* ---- correct and wrong submissions ------------------------------------------ */

static const char *const solutions[] = { "01-twice", "02-scale", "03-central-diff", "04-unchanged" };

START_TEST(reference_solutions_pass)
{
    const char *ex = solutions[_i];
    ck_assert_int_eq(run("check %s " EXERCISES "/%s/solution.c " ROOMY " --hidden", ex, ex), 0);
    ck_assert_out_has("-- passed");
    ck_assert_out_lacks("FAIL");
}
END_TEST

/* Library calls that use harmless system calls inside the sandbox still pass:
 * glibc's qsort of more than 1 KiB calls sysinfo. */
START_TEST(qsort_is_allowed)
{
    ck_assert_int_eq(run("check 2 tests/grader/submissions/scale_qsort.c " ROOMY), 0);
    ck_assert_out_lacks("forbidden");
}
END_TEST

/* A wrong submission fails, naming the case and the output that differ. */
static const struct {
    const char *ex, *file, *want[3];
} wrong[] = {
    { "1", "twice_int.c", { "FAIL  case 2  twice(-0.75)", "expected -1.5, got -1", "hint: multiply" } },
    { "2", "scale_short.c", { "FAIL  case 1", "argument 1[4]: expected 18.48", "got nan" } },
    { "3", "central_forward.c", { "FAIL  case 1  central_diff(sin, 0.3, 1e-05)", "wrong answer", "Score: 0/10" } },
    /* compare = 1 on a const input: read back after the call, exactly. */
    { "4", "shifted_inplace.c",
      { "FAIL  case 5  shifted_sum: is x unchanged?", "argument 1[1] (an input array, after the call)",
        "Score: 4/5" } },
};

START_TEST(wrong_submissions_fail)
{
    ck_assert_int_eq(run("check %s tests/grader/submissions/%s " ROOMY, wrong[_i].ex, wrong[_i].file), 1);
    for (int k = 0; k < 3; k++)
        ck_assert_out_has(wrong[_i].want[k]);
}
END_TEST

START_TEST(number_and_name_select_the_same_exercise)
{
    ck_assert_int_eq(run("check 02-scale " EXERCISES "/02-scale/solution.c " ROOMY), 0);
    ck_assert_out_has("02-scale -- Scale a vector");
}
END_TEST

/* ---- the hostile set --------------------------------------------------------- */

/* A grader built with AddressSanitizer forks children that carry its
 * runtime: the runtime's shadow memory defeats the memory limit, its own
 * stack-overflow report replaces SIGSEGV and its exit-time leak check needs
 * system calls the sandbox forbids.  Those rows are for the normal build
 * (UNDER_ASAN, testutil.h). */

static const struct {
    const char *file;
    int exit;
    const char *want, *also;
    int not_asan;
    const char *limits;
} hostile[] = {
    { "infinite_loop.c", 1, "time limit (0.1 s) in this case", "Score: 0/4", 0, FAST },
    { "constructor_loop.c", 1, "while loading your code", "time limit", 0, FAST },
    { "fork_bomb.c", 1, "forbidden operation", "Score: 0/4", 0, ROOMY },
    { "malloc_until_failure.c", 1, "memory limit (64 MB)", "Score: 0/4", 1, ROOMY },
    { "malloc_untouched.c", 0, "Score: 4/4", "passed", 1, ROOMY },
    { "deep_recursion.c", 1, "crashed with SIGSEGV", "stack overflow", 1, ROOMY },
    { "null_deref.c", 1, "FAIL  case 2  twice(-0.75)", "Score: 3/4 -- crashed (first in case 2)", 0, ROOMY },
    { "abort.c", 1, "crashed with SIGABRT", "abort() was called", 0, ROOMY },
    { "exit_zero.c", 1, "exited with status 0", "exit() must not be called", 1, ROOMY },
    { "stdout_flood.c", 0, "Score: 4/4 -- passed", "the first 8192 kept", 0, ROOMY },
    { "open_passwd.c", 0, "Score: 4/4", "passed", 0, ROOMY },
    { "read_system_libs.c", 0, "Score: 4/4", "passed", 0, ROOMY },
    { "open_key.c", 0, "Score: 4/4", "passed", 0, ROOMY },
    { "stat_key.c", 0, "Score: 4/4", "passed", 0, ROOMY },
    { "environment.c", 0, "Score: 4/4", "passed", 0, ROOMY },
    { "stack_paths.c", 0, "Score: 4/4", "passed", 0, ROOMY },
    { "include_solution.c", 1, "COMPILE ERROR", "../solution.c", 0, ROOMY },
    { "socket.c", 1, "forbidden operation", "Score: 0/4", 0, ROOMY },
    { "kill_parent.c", 1, "forbidden operation", "Score: 0/4", 0, ROOMY },
    { "raise_rlimits.c", 1, "forbidden operation", "Score: 0/4", 0, ROOMY },
    { "ignore_signals.c", 1, "time limit (0.1 s) in this case", "Score: 0/4", 0, FAST },
    { "not_c.c", 1, "COMPILE ERROR", "unknown type name", 0, ROOMY },
    { "empty.c", 1, "missing function twice", "Score: 0/4", 0, ROOMY },
    { "defines_main.c", 0, "never runs main", "Score: 4/4", 0, ROOMY },
    { "wrong_signature.c", 1, "conflicting types for", "twice", 0, ROOMY },
    { "missing_function.c", 1, "missing function twice", "Score: 0/4", 0, ROOMY },
    /* The results channel: nothing written on it moves a deadline or
     * speaks for the grader. */
    { "keepalive_sleep.c", 1, "time limit (0.1 s) in this case", "Score: 0/4", 0, FAST },
    { "keepalive_spin.c", 1, "wrote to the grader's channel", "Score: 0/4", 0, ROOMY },
    { "forged_sandbox.c", 1, "wrote to the grader's channel", "Score: 0/4", 0, ROOMY },
    { "rewrite_results.c", 1, "wrote to the grader's channel", "Score: 0/4", 0, ROOMY },
    { "result_flood.c", 1, "wrote to the grader's channel", "Score: 0/4", 0, ROOMY },
};

static void instantiate(const char *name, const char *dst, const char *const *subst);
static void key_and_grader(char *key, char *exe, size_t n);

START_TEST(hostile_submission_gets_a_clear_verdict)
{
    if (UNDER_ASAN && hostile[_i].not_asan)
        return;
    /* Probes of a path are given the hidden key's (see open_key.c), and
     * the grader's folder (stack_paths.c). */
    char key[700], exe[4096], file[700];
    key_and_grader(key, exe, sizeof key);
    char *slash = strrchr(exe, '/');
    if (slash != NULL)
        *slash = '\0';
    const char *subst[] = { "@KEY@", key, "@GRADER_DIR@", exe, NULL };
    snprintf(file, sizeof file, "%s/%s", work, hostile[_i].file);
    instantiate(hostile[_i].file, file, subst);
    int rc = run("check 1 %s %s", file, hostile[_i].limits);
    ck_assert_msg(rc == hostile[_i].exit, "%s: exit %d, want %d:\n%s", hostile[_i].file, rc,
                  hostile[_i].exit, out);
    ck_assert_out_has(hostile[_i].want);
    ck_assert_out_has(hostile[_i].also);
    ck_assert_out_lacks("internal error");
}
END_TEST

/* The course's model answers live in libslope; slope-run links none of it,
 * so a submission that calls them by name does not even load. */
static const struct {
    const char *ex, *file, *symbol, *score;
} borrowing[] = {
    { "01-finite-differences", "borrow_deriv.c", "undefined symbol slope_deriv_forward", "Score: 0/33" },
    { "06-adam", "borrow_adam.c", "undefined symbol slope_optim_adam_", "Score: 0/12" },
    { "09-roc-auc", "borrow_auc.c", "undefined symbol slope_auc_exact", "Score: 0/12" },
};

START_TEST(borrowing_the_model_answer_is_an_undefined_symbol)
{
    ck_assert_int_eq(run("check %s " HOSTILE "%s --time-limit 10 --exercises exercises",
                         borrowing[_i].ex, borrowing[_i].file), 1);
    ck_assert_out_has(borrowing[_i].symbol);
    ck_assert_out_has(borrowing[_i].score);
    ck_assert_out_has("-- undefined symbol (first in case 1)");
    ck_assert_out_lacks("PASS");
}
END_TEST

/* Seconds on a monotonic clock. */
static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* A budget for the whole submission: after it, the cases left are "not
 * run", named after the first time-out; keepalive writes never extend it.
 * The clock bound is 10 times the budget. */
START_TEST(the_budget_caps_every_case_together)
{
    double t0 = now_s();
    ck_assert_int_eq(run("check 1 " HOSTILE "infinite_loop.c --time-limit 0.3 --budget 0.5 "
                         "--exercises " EXERCISES), 1);
    ck_assert_out_has("FAIL  case 1  twice(2.385)  [0/1]\n        time limit (0.3 s) in this case");
    ck_assert_out_has("FAIL  case 4  twice(nan)  [0/1]\n        not run: time budget spent (first time-out in case 1)");
    ck_assert_double_lt(now_s() - t0, 10 * 1.0 + 5);
    t0 = now_s();
    /* 0.3 s: at most four of its bytes per case, never a whole frame header
     * (five), so the verdict is the clock's, not the channel's. */
    ck_assert_int_eq(run("check 1 " HOSTILE "keepalive_sleep.c --time-limit 0.3 --budget 0.5 "
                         "--exercises " EXERCISES), 1);
    ck_assert_out_has("not run: time budget spent (first time-out in case 1)");
    ck_assert_double_lt(now_s() - t0, 10 * 1.0 + 5);
}
END_TEST

/* A file's contents, NUL-terminated, into buf (empty when unreadable). */
static const char *slurp(const char *path, char *buf, size_t n)
{
    FILE *fp = fopen(path, "r");
    size_t len = fp ? fread(buf, 1, n - 1, fp) : 0;
    buf[len] = '\0';
    if (fp)
        fclose(fp);
    return buf;
}

/* A class folder unpacked from students' archives: a part that links to the
 * hidden keys, a link to a classmate's file, a part linked to /dev/zero, a
 * FIFO, a hard link.  Each of those students gets a verdict of their own;
 * the others are graded; nothing blocks, nothing is read through a link. */
START_TEST(batch_reads_submissions_safely)
{
    char cwd[512], p[900], q[900], csv[1 << 14];
    ck_assert_ptr_nonnull(getcwd(cwd, sizeof cwd));
    const char *dirs[] = { "class", "class/mallory", "class/dora", "class/fifi", NULL };
    for (int i = 0; dirs[i] != NULL; i++) {
        snprintf(p, sizeof p, "%s/%s", work, dirs[i]);
        ck_assert_int_eq(mkdir(p, 0755), 0);
    }
    snprintf(p, sizeof p, "cp " EXERCISES "/01-twice/solution.c %s/class/alice.c", work);
    ck_assert_int_eq(system(p), 0);
    /* mallory: two honest-looking parts around the hidden keys. */
    snprintf(p, sizeof p, "%s/" EXERCISES "/01-twice/keys/hidden.txt", cwd);
    snprintf(q, sizeof q, "%s/class/mallory/b.c", work);
    ck_assert_int_eq(symlink(p, q), 0);
    snprintf(p, sizeof p, "cp " EXERCISES "/01-twice/solution.c %s/class/mallory/a.c", work);
    ck_assert_int_eq(system(p), 0);
    snprintf(q, sizeof q, "%s/class/zed.c", work);
    ck_assert_int_eq(symlink("alice.c", q), 0);
    snprintf(q, sizeof q, "%s/class/dora/zero.c", work);
    ck_assert_int_eq(symlink("/dev/zero", q), 0);
    snprintf(q, sizeof q, "%s/class/fifi/part.c", work);
    ck_assert_int_eq(mkfifo(q, 0644), 0);
    snprintf(q, sizeof q, "%s/class/harry.c", work);
    snprintf(p, sizeof p, "cp " EXERCISES "/01-twice/solution.c %s/class/hank.c", work);
    ck_assert_int_eq(system(p), 0);
    snprintf(p, sizeof p, "%s/class/hank.c", work);
    ck_assert_int_eq(link(p, q), 0);
    ck_assert_int_eq(run("batch 1 %s/class -o %s/grades.csv -j 2 --hidden --time-limit 10 --exercises " EXERCISES,
                         work, work), 0);
    ck_assert_out_has("7 submissions");
    /* hank and harry are one file under two names: neither is accepted. */
    ck_assert_out_has("6 not accepted");
    snprintf(p, sizeof p, "%s/grades.csv", work);
    slurp(p, csv, sizeof csv);
    ck_assert_msg(strstr(csv, "\nalice,5,5,passed,1,1,1,1,1\n") != NULL, "%s", csv);
    ck_assert_msg(strstr(csv, "\nmallory,0,5,links are not accepted (mallory/b.c)") != NULL, "%s", csv);
    ck_assert_msg(strstr(csv, "\nzed,0,5,links are not accepted (zed.c)") != NULL, "%s", csv);
    ck_assert_msg(strstr(csv, "\ndora,0,5,links are not accepted (dora/zero.c)") != NULL, "%s", csv);
    ck_assert_msg(strstr(csv, "\nfifi,0,5,not a regular file (fifi/part.c)") != NULL, "%s", csv);
    ck_assert_msg(strstr(csv, "\nharry,0,5,links are not accepted (a hard link) (harry.c)") != NULL, "%s", csv);
    ck_assert_msg(strstr(csv, "\nhank,0,5,links are not accepted (a hard link) (hank.c)") != NULL, "%s", csv);
    snprintf(p, sizeof p, "%s/grades.feedback/mallory.json", work);
    ck_assert_msg(strstr(slurp(p, csv, sizeof csv), "was not graded: links are not accepted") != NULL, "%s", csv);
    ck_assert_msg(strstr(csv, "0x1") == NULL, "a key leaked into the feedback: %s", csv);
}
END_TEST

/* kill -9 of a batch while a compiler runs (slow_compile.c) and runners
 * spin: within a few seconds no process of it is left, and no temp file;
 * the rerun resumes and its gradebook is byte-identical to a clean run's. */
START_TEST(kill_9_of_batch_leaves_nothing)
{
    char cwd[512], cmd[2048], tmp[700], a[1 << 13], b[1 << 13];
    const char *marker = "SLOPE_GRADER_MARK=kill9";
    ck_assert_ptr_nonnull(getcwd(cwd, sizeof cwd));
    snprintf(tmp, sizeof tmp, "%s/tmpk", work);
    ck_assert_int_eq(mkdir(tmp, 0700), 0);
    snprintf(cmd, sizeof cmd,
             "mkdir %s/class && cp " HOSTILE "slow_compile.c %s/class/a_slow.c && "
             "cp " HOSTILE "infinite_loop.c %s/class/b_spin.c && cp " HOSTILE "keepalive_sleep.c %s/class/c_spin.c && "
             "cp " EXERCISES "/01-twice/solution.c %s/class/d_good.c", work, work, work, work, work);
    ck_assert_int_eq(system(cmd), 0);
#define KILL_BATCH "batch 1 %s/class -o %s/%s.csv -j 3 --hidden --time-limit 1 --budget 2 --exercises " EXERCISES
    char args[1024];
    snprintf(args, sizeof args, KILL_BATCH, work, work, "g");
    snprintf(cmd, sizeof cmd, "env %s TMPDIR=%s %s %s > /dev/null 2>&1 & echo $! > %s/pid", marker, tmp,
             grader(), args, work);
    ck_assert_int_eq(system(cmd), 0);
    snprintf(cmd, sizeof cmd, "%s/pid", work);
    int pid = atoi(slurp(cmd, a, sizeof a));
    ck_assert_int_gt(pid, 0);
    double t0 = now_s();
    while (processes_named(marker, "cc1") == 0 && now_s() - t0 < 60)
        usleep(20000);
    ck_assert_msg(processes_named(marker, "cc1") > 0, "no compiler ever ran");
    usleep(300000);  /* the runners are spinning too, by now */
    ck_assert_int_eq(kill(pid, SIGKILL), 0);
    t0 = now_s();
    while (processes_with(marker) > 0 && now_s() - t0 < 10)
        usleep(50000);
    ck_assert_msg(processes_with(marker) == 0, "%d processes outlived the batch", processes_with(marker));
    ck_assert_msg(dir_is_empty(tmp), "the killed batch left temp files behind");
    snprintf(cmd, sizeof cmd, "test -z \"$(find %s/g.feedback -name '*.tmp' -o -name '*.src')\"", work);
    ck_assert_msg(system(cmd) == 0, "the killed batch left half-written files");
    /* The rerun resumes; a clean run in another place agrees byte for byte. */
    ck_assert_int_eq(run(KILL_BATCH, work, work, "g"), 0);
    ck_assert_int_eq(run(KILL_BATCH, work, work, "clean"), 0);
    snprintf(cmd, sizeof cmd, "%s/g.csv", work);
    slurp(cmd, a, sizeof a);
    snprintf(cmd, sizeof cmd, "%s/clean.csv", work);
    ck_assert_str_eq(a, slurp(cmd, b, sizeof b));
    ck_assert_msg(strstr(a, "\nd_good,5,5,passed,1,1,1,1,1\n") != NULL, "%s", a);
    ck_assert_msg(strstr(a, "\na_slow,0,5,compile error,") != NULL, "%s", a);
}
END_TEST

/* The README quotes the policy table as `grader help policy` prints it, so
 * the numbers a reader sees are the grader's. */
START_TEST(readme_quotes_the_policy_table)
{
    static char readme[1 << 16];
    ck_assert_int_eq(run("help policy"), 0);
    ck_assert_out_has("budget ");
    slurp("grader/README.md", readme, sizeof readme);
    int rows = 0;
    for (char *line = strchr(out, '\n'); line != NULL && line[1] != '\0'; line = strchr(line + 1, '\n')) {
        char want[512];
        size_t n = strcspn(line + 1, "\n");
        if (n == 0 || n > 400)
            continue;
        snprintf(want, sizeof want, "\n    %.*s\n", (int)n, line + 1);
        ck_assert_msg(strstr(readme, want) != NULL, "grader/README.md lacks the policy row:%s", want);
        rows++;
    }
    ck_assert_int_ge(rows, 10);
}
END_TEST

/* Printed output is escaped and fenced: a forged verdict line never starts
 * a line of the report. */
START_TEST(printed_output_cannot_forge_a_verdict)
{
    ck_assert_int_eq(run("check 1 " HOSTILE "stdout_flood.c " ROOMY), 0);
    ck_assert_out_lacks("\n  PASS  case 9");
    ck_assert_out_lacks("\n Score: 99/99");
    ck_assert_out_has("  | \\x0D  PASS  case 9");
}
END_TEST

START_TEST(absolute_include_of_the_solution_is_denied)
{
    char cwd[512], path[700];
    ck_assert_ptr_nonnull(getcwd(cwd, sizeof cwd));
    snprintf(path, sizeof path, "%s/abs.c", work);
    FILE *fp = fopen(path, "w");
    ck_assert_ptr_nonnull(fp);
    fprintf(fp, "#include \"%s/" EXERCISES "/01-twice/solution.c\"\n", cwd);
    fclose(fp);
    /* In the private view the course tree does not exist; without it,
     * Landlock denies the read. */
    ck_assert_int_eq(run("check 1 %s " ROOMY, path), 1);
    ck_assert_out_has("solution.c: No such file or directory");
    ck_assert_out_has("COMPILE ERROR");
    setenv("SLOPE_GRADER_NO_NAMESPACES", "1", 1);
    ck_assert_int_eq(run("check 1 %s " ROOMY, path), 1);
    unsetenv("SLOPE_GRADER_NO_NAMESPACES");
    ck_assert_out_has("Permission denied");
    ck_assert_out_has("COMPILE ERROR");
}
END_TEST

/* ---- formats -------------------------------------------------------------------- */

START_TEST(json_is_gradescope_results)
{
    ck_assert_int_eq(run("check 1 tests/grader/submissions/twice_int.c --format json " ROOMY), 1);
    ck_assert_out_has("\"score\": 2,");
    ck_assert_out_has("\"tests\": [");
    ck_assert_out_has("{\"name\": \"case 2: twice(-0.75)\", \"score\": 0, \"max_score\": 1, "
                      "\"status\": \"failed\", \"output\": \"return value: expected -1.5");
    ck_assert_out_has("\"visibility\": \"visible\"}");
}
END_TEST

START_TEST(json_escapes_printed_bytes)
{
    ck_assert_int_eq(run("check 1 " HOSTILE "stdout_flood.c --format json " ROOMY), 0);
    ck_assert_out_has("| \\\\x0D  PASS  case 9  everything  [9/9]\\n");
}
END_TEST

/* An oracle independent of the grader's table: decode each sequence to its
 * code point and reject overlong forms, surrogates and values past U+10FFFF. */
static int is_valid_utf8(const unsigned char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        unsigned c = s[i];
        int len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
        if (len == 0 || i + (size_t)len > n)
            return 0;
        unsigned long cp = len == 1 ? c : c & (0x7Fu >> len);
        for (int k = 1; k < len; k++) {
            if ((s[i + k] & 0xC0) != 0x80)
                return 0;
            cp = cp << 6 | (s[i + k] & 0x3F);
        }
        static const unsigned long least[] = { 0, 0, 0x80, 0x800, 0x10000 };
        if (cp < least[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return 0;
        i += (size_t)len;
    }
    return 1;
}

START_TEST(json_is_valid_utf8_whatever_was_printed)
{
    ck_assert_int_eq(run("check 1 " HOSTILE "invalid_utf8.c --format json " ROOMY), 0);
    ck_assert_msg(is_valid_utf8((const unsigned char *)out, strlen(out)), "not UTF-8:\n%s", out);
    ck_assert_out_has("ok:\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80|");
    ck_assert_out_has("overlong:\\\\xC0\\\\xAF\\\\xE0\\\\x80\\\\xAF\\\\xF0\\\\x80\\\\x80\\\\xAF|");
    ck_assert_out_has("surrogate:\\\\xED\\\\xA0\\\\x80\\\\xED\\\\xBF\\\\xBF|");
    ck_assert_out_has("too-big:\\\\xF4\\\\x90\\\\x80\\\\x80\\\\xF5\\\\x80\\\\x80\\\\x80\\\\xFF|");
    ck_assert_out_has("cut:\\\\xE2\\\\x82|stray:\\\\x80\\\\xBF|");
    /* the same report as text keeps the bytes escaped too */
    ck_assert_int_eq(run("check 1 " HOSTILE "invalid_utf8.c " ROOMY), 0);
    ck_assert_msg(is_valid_utf8((const unsigned char *)out, strlen(out)), "not UTF-8:\n%s", out);
    ck_assert_out_has("surrogate:\\xED\\xA0\\x80");
}
END_TEST

START_TEST(tap_version_13)
{
    ck_assert_int_eq(run("check 1 tests/grader/submissions/twice_int.c --format tap --hidden " ROOMY), 1);
    ck_assert_msg(strncmp(out, "TAP version 13\n1..5\nok 1 - case 1: twice(2.385)\n"
                               "not ok 2 - case 2: twice(-0.75)\n  ---\n", 60) == 0, "%s", out);
    ck_assert_out_has("ok 5 - case 5: twice(3.5e-310)");
}
END_TEST

START_TEST(hidden_cases_run_only_with_hidden)
{
    ck_assert_int_eq(run("check 2 " EXERCISES "/02-scale/solution.c " ROOMY), 0);
    ck_assert_out_lacks("(hidden)");
    ck_assert_out_has("Score: 7/7");
    ck_assert_int_eq(run("check 2 " EXERCISES "/02-scale/solution.c --hidden " ROOMY), 0);
    ck_assert_out_has("case 5 (hidden)  sum({0.1, 0.2, 0.3}, 3)");
}
END_TEST

/* ---- spec errors and usage: exit 2 with a file:line --------------------------------- */

static const struct {
    const char *dir, *want;
} badspec[] = {
    { "01-syntax", "01-syntax/spec.lua:3: '}' expected near 'args'" },
    { "02-no-title", "02-no-title/spec.lua:3: missing field 'title'" },
    { "03-bad-tol", "03-bad-tol/spec.lua:3: unknown tolerance kind 'relative'" },
    { "04-no-key", "04-no-key/spec.lua:3: case 2 'twice(1.5)' has no key" },
    { "05-bad-arg", "05-bad-arg/spec.lua:3: twice: argument 1 should be a number" },
    { "06-bad-figure", "06-bad-figure/spec.lua:3: unknown figure field 'colour'" },
    { "07-bad-path-figure",
      "07-bad-path-figure/spec.lua:3: figure.contour(0, 0) returned boolean, not a number" },
};

START_TEST(malformed_spec_is_exit_2_with_file_and_line)
{
    ck_assert_int_eq(run("check tests/grader/badspecs/%s " EXERCISES "/01-twice/solution.c "
                         "--time-limit 0.2", badspec[_i].dir), 2);
    ck_assert_out_has(badspec[_i].want);
    ck_assert_out_lacks("internal error");
}
END_TEST

static const struct {
    const char *args;
    int exit;
    const char *want;
} usage[] = {
    { "", 2, "usage: grader COMMAND" },
    { "--help", 0, "commands:" },
    { "frobnicate", 2, "unknown command 'frobnicate'" },
    { "check --help", 0, "--format text|json|tap" },
    { "list --help", 0, "usage: grader list" },
    { "watch --help", 0, "usage: grader watch" },
    { "batch --help", 0, "usage: grader batch" },
    { "keys --help", 0, "usage: grader keys" },
    { "help check", 0, "usage: grader check" },
    { "check 1", 2, "need EXERCISE and FILE.c" },
    { "check 9 x.c --exercises " EXERCISES, 2, "no exercise '9'" },
    { "check 1 no-such-file.c --exercises " EXERCISES, 2, "cannot read no-such-file.c" },
    { "check 1 " EXERCISES " --exercises " EXERCISES, 2, "is a folder, not a .c file" },
    { "check 1 " EXERCISES "/01-twice/solution.c --format xml --exercises " EXERCISES, 2,
      "unknown --format 'xml'" },
    { "check 1 " EXERCISES "/01-twice/solution.c --bogus --exercises " EXERCISES, 2,
      "unknown option 'bogus'" },
};

START_TEST(usage_errors_and_help)
{
    ck_assert_int_eq(run("%s", usage[_i].args), usage[_i].exit);
    ck_assert_out_has(usage[_i].want);
}
END_TEST

/* ---- instructors: keys, list ------------------------------------------------------ */

START_TEST(committed_keys_match_the_solutions)
{
    ck_assert_int_eq(run("keys --check --exercises " EXERCISES), 0);
    ck_assert_out_has("keys: 03-central-diff: 10 cases match solution.c");
}
END_TEST

START_TEST(list_shows_progress)
{
    ck_assert_int_eq(run("list --exercises " EXERCISES), 0);
    ck_assert_out_has("not started  01-twice");
    ck_assert_int_eq(run("check 1 tests/grader/submissions/twice_int.c " ROOMY), 1);
    ck_assert_int_eq(run("check 2 " EXERCISES "/02-scale/solution.c " ROOMY), 0);
    ck_assert_int_eq(run("list --exercises " EXERCISES), 0);
    ck_assert_out_has("attempted    01-twice                   Double a number");
    ck_assert_out_has("passed       02-scale");
    ck_assert_out_has("not started  03-central-diff");
}
END_TEST

/* ---- options, progress and keys --check -------------------------------------------- */

/* The value of row `name` of `grader help policy`, as printed ("600"),
 * into buf[64]. */
static void policy_value(const char *name, char buf[64])
{
    char want[64];
    ck_assert_int_eq(run("help policy"), 0);
    snprintf(want, sizeof want, "\n  %s ", name);
    const char *row = strstr(out, want);
    ck_assert_msg(row != NULL, "no policy row %s in:\n%s", name, out);
    ck_assert_int_eq(sscanf(row + strlen(want), "%63s", buf), 1);
}

#define SOL EXERCISES "/01-twice/solution.c --exercises " EXERCISES
static const struct {
    const char *args;
    const char *option; /* how the message names it */
    const char *max;    /* the policy row of its upper bound */
} numeric[] = {
    { "check 1 " SOL " --time-limit abc", "--time-limit 'abc'", "time_limit_max" },
    { "check 1 " SOL " --time-limit 0", "--time-limit '0'", "time_limit_max" },
    { "check 1 " SOL " --time-limit -1", "--time-limit '-1'", "time_limit_max" },
    { "check 1 " SOL " --time-limit=600.5", "--time-limit '600.5'", "time_limit_max" },
    { "check 1 " SOL " --budget 0", "--budget '0'", "time_limit_max" },
    { "check 1 " SOL " --budget 1e999", "--budget '1e999'", "time_limit_max" },
    { "check 1 " SOL " --memory-limit 0", "--memory-limit '0'", "mem_mb_max" },
    { "check 1 " SOL " --memory-limit nan", "--memory-limit 'nan'", "mem_mb_max" },
    { "watch 1 " SOL " --time-limit abc", "--time-limit 'abc'", "time_limit_max" },
    { "batch 1 tests/grader/submissions -o /nonexistent/g.csv -j 0 --exercises " EXERCISES, "-j '0'", "jobs_max" },
    { "batch 1 tests/grader/submissions -o /nonexistent/g.csv -j -1 --exercises " EXERCISES, "-j '-1'", "jobs_max" },
    { "batch 1 tests/grader/submissions -o /nonexistent/g.csv -j abc --exercises " EXERCISES, "-j 'abc'", "jobs_max" },
    { "batch 1 tests/grader/submissions -o /nonexistent/g.csv -j 1.5 --exercises " EXERCISES, "-j '1.5'", "jobs_max" },
};

/* A number out of range is exit 2 naming the option, its value and the
 * range whose upper bound is the policy table's; nothing is graded. */
START_TEST(numeric_options_are_checked)
{
    char max[64], want[128];
    policy_value(numeric[_i].max, max);
    ck_assert_int_eq(run("%s", numeric[_i].args), 2);
    ck_assert_out_has(numeric[_i].option);
    snprintf(want, sizeof want, " %s\n", max);
    ck_assert_out_has(want);
    ck_assert_out_has("HINT: for instance ");
    ck_assert_out_lacks("Score:");
    ck_assert_out_lacks("internal error");
}
END_TEST

/* The bounds themselves are accepted. */
START_TEST(numeric_options_accept_their_bounds)
{
    char max[64];
    policy_value("time_limit_max", max);
    ck_assert_int_eq(run("check 1 " SOL " --no-progress --memory-limit 64 --time-limit %s --budget %s", max, max), 0);
    ck_assert_out_has("Score: 4/4 -- passed");
}
END_TEST

START_TEST(help_on_no_topic_lists_the_topics)
{
    ck_assert_int_eq(run("help nope"), 2);
    ck_assert_out_has("no topic 'nope'");
    ck_assert_out_has("HINT: one of: batch, check, keys, list, merge, policy, watch");
}
END_TEST

/* A copy of the fixture course under the test's work folder. */
static void copy_course(const char *dest)
{
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "mkdir -p %s/%s && cp -r " EXERCISES " %s/%s/exercises", work, dest, work, dest);
    ck_assert_int_eq(system(cmd), 0);
}

/* Progress belongs to one course: a pass in the fixture is not a pass in a
 * copy of it; a failing check after a pass says so. */
START_TEST(progress_is_per_course)
{
    copy_course("copy");
    ck_assert_int_eq(run("check 1 " EXERCISES "/01-twice/solution.c " ROOMY), 0);
    ck_assert_int_eq(run("list --exercises %s/copy/exercises", work), 0);
    ck_assert_out_has("not started  01-twice");
    ck_assert_int_eq(run("list --exercises " EXERCISES), 0);
    ck_assert_out_has("passed       01-twice                   Double a number\n");
    ck_assert_int_eq(run("check 1 tests/grader/submissions/twice_int.c " ROOMY), 1);
    ck_assert_int_eq(run("list --exercises " EXERCISES), 0);
    ck_assert_out_has("failing      01-twice                   Double a number (passed earlier, failing now)\n");
    ck_assert_int_eq(run("check 1 " EXERCISES "/01-twice/solution.c " ROOMY), 0);
    ck_assert_int_eq(run("list --exercises " EXERCISES), 0);
    ck_assert_out_has("passed       01-twice                   Double a number\n");
    ck_assert_int_eq(run("list --exercises %s/copy/exercises", work), 0);
    ck_assert_out_has("not started  01-twice");
}
END_TEST

/* A progress file of the older format (EXERCISE STATE, no course) still
 * counts, and is kept when the new format is written beside it. */
START_TEST(old_progress_files_keep_working)
{
    char path[700], text[4096];
    snprintf(path, sizeof path, "%s/state", work);
    ck_assert_int_eq(mkdir(path, 0700), 0);
    snprintf(path, sizeof path, "%s/state/slope", work);
    ck_assert_int_eq(mkdir(path, 0700), 0);
    snprintf(path, sizeof path, "%s/state/slope/progress.txt", work);
    FILE *fp = fopen(path, "w");
    ck_assert_ptr_nonnull(fp);
    fputs("02-scale passed\n04-unchanged attempted\n", fp);
    fclose(fp);
    ck_assert_int_eq(run("list --exercises " EXERCISES), 0);
    ck_assert_out_has("passed       02-scale");
    ck_assert_out_has("attempted    04-unchanged");
    ck_assert_int_eq(run("check 2 tests/grader/submissions/scale_short.c " ROOMY), 1);
    ck_assert_int_eq(run("list --exercises " EXERCISES), 0);
    ck_assert_out_has("failing      02-scale");
    ck_assert_out_has("attempted    04-unchanged");
    slurp(path, text, sizeof text);
    ck_assert_msg(strstr(text, "04-unchanged attempted\n") != NULL, "the old line is gone:\n%s", text);
}
END_TEST

/* keys --check goes through every exercise and names each differing case
 * and its file. */
START_TEST(keys_check_names_every_differing_case)
{
    char cmd[1200];
    copy_course("keys");
    snprintf(cmd, sizeof cmd,
             "sed -i 's/^arg1 -0x1.8p-1,/arg1 -0x1.9p-1,/' %s/keys/exercises/02-scale/keys/public.txt && "
             "sed -i 's/^return 0x1.01b7a02c965cp-1027$/return 0x1.01b7a02c965dp-1027/' "
             "%s/keys/exercises/01-twice/keys/hidden.txt",
             work, work);
    ck_assert_int_eq(system(cmd), 0);
    ck_assert_int_eq(run("keys --check --exercises %s/keys/exercises", work), 1);
    ck_assert_out_has("01-twice/keys/hidden.txt: case 5 twice(3.5e-310): values differ");
    ck_assert_out_has("02-scale/keys/public.txt: case 2 scale(out[5], {1.5, -2.25, 3.125, 0.5, ... (5 values)}, 5, "
                      "-0.5): values differ");
    ck_assert_out_lacks("case 1 scale");
    ck_assert_out_has("HINT: run `grader keys 01-twice`");
    ck_assert_out_has("keys: 03-central-diff: 10 cases match solution.c");
    ck_assert_out_has("keys: 05-path:");
}
END_TEST

/* ---- Gradescope and reports: hidden cases stay closed, every failure is a report ---- */

/* The shortest %g form of x that reads back as x: how the report writes a
 * number, found here by trying precisions, independently of the grader. */
static void shortest_g(char *buf, size_t n, double x)
{
    for (int p = 1; p <= 17; p++) {
        snprintf(buf, n, "%.*g", p, x);
        if (strtod(buf, NULL) == x)
            return;
    }
}

/* The line of `out` that holds `needle` (a copy), or "" when none does. */
static const char *line_with(const char *needle, char *buf, size_t n)
{
    const char *hit = strstr(out, needle);
    buf[0] = '\0';
    if (hit == NULL)
        return buf;
    const char *start = hit;
    while (start > out && start[-1] != '\n')
        start--;
    size_t len = strcspn(start, "\n");
    snprintf(buf, n, "%.*s", (int)(len < n ? len : n - 1), start);
    return buf;
}

#define PRINTS "tests/grader/submissions/twice_prints.c"

/* What the code prints while a hidden case runs reaches no visible field of
 * results.json; an instructor's --reveal-hidden puts it in that hidden
 * test's own output, never in the top-level one. */
START_TEST(json_keeps_hidden_output_out_of_visible_fields)
{
    char hidden[64], shown[64], want[64], line[8192];
    snprintf(hidden, sizeof hidden, "twice got %g", 3.5e-310);
    snprintf(shown, sizeof shown, "twice got %g", -0.75);
    shortest_g(want, sizeof want, 2 * 3.5e-310);
    ck_assert_int_eq(run("check 1 " PRINTS " --hidden --format json " ROOMY), 1);
    ck_assert_out_has(shown);
    ck_assert_out_lacks(hidden);
    ck_assert_out_lacks(want);
    char bytes[96];
    snprintf(bytes, sizeof bytes, "printed %zu bytes while the hidden cases ran (not shown)", strlen(hidden) + 1);
    ck_assert_out_has(bytes);
    ck_assert_str_eq(line_with("\"name\": \"case 5: ", line, sizeof line),
                     "    {\"name\": \"case 5: twice(3.5e-310)\", \"score\": 0, \"max_score\": 1, \"status\": "
                     "\"failed\", \"output\": \"failed\\nhint: multiply by 2.0 (a double), not by an "
                     "int-truncated value\", \"visibility\": \"hidden\"}");
    ck_assert_int_eq(run("check 1 " PRINTS " --hidden --reveal-hidden --format json " ROOMY), 1);
    ck_assert_msg(strstr(line_with("\"name\": \"case 5: ", line, sizeof line), hidden) != NULL, "%s", out);
    ck_assert_msg(strstr(line, want) != NULL, "no expected value for the instructor: %s", line);
    ck_assert_msg(strstr(line_with("\n  \"output\": ", line, sizeof line), hidden) == NULL, "%s", line);
    ck_assert_msg(strstr(line_with("  \"output\": ", line, sizeof line), shown) != NULL, "%s", line);
}
END_TEST

/* Text and TAP show a failed hidden case as failed, with its hint, and
 * nothing else: no expected or received value, no inputs line, no kind of
 * failure in the summary. */
START_TEST(text_and_tap_keep_hidden_cases_closed)
{
    char want[64], hidden[64];
    shortest_g(want, sizeof want, 2 * 3.5e-310);
    snprintf(hidden, sizeof hidden, "twice got %g", 3.5e-310);
    ck_assert_int_eq(run("check 1 " PRINTS " --hidden " ROOMY), 1);
    ck_assert_out_has("  FAIL  case 5 (hidden)  twice(3.5e-310)  [0/1]\n"
                      "        hint: multiply by 2.0 (a double), not by an int-truncated value\n"
                      "Score: 4/5 -- failed hidden cases; 1 of 5 cases failed\n");
    ck_assert_out_lacks(want);
    ck_assert_out_lacks(hidden);
    ck_assert_out_lacks("inputs: 3.5e-310");
    ck_assert_int_eq(run("check 1 " PRINTS " --hidden --format tap " ROOMY), 1);
    ck_assert_out_has("not ok 5 - case 5: twice(3.5e-310)\n  ---\n  verdict: \"failed\"\n  hint: ");
    ck_assert_out_lacks(want);
    ck_assert_out_lacks(hidden);
    ck_assert_out_has("# score 4/5: failed hidden cases; 1 of 5 cases failed\n");
    ck_assert_int_eq(run("check 1 " PRINTS " --hidden --reveal-hidden " ROOMY), 1);
    ck_assert_out_has(want);
    ck_assert_out_has(hidden);
    ck_assert_out_has("inputs: 3.5e-310");
    ck_assert_out_has("Score: 4/5 -- wrong answer (first in case 5); 1 of 5 cases failed\n");
}
END_TEST

/* results.json carries Gradescope's documented fields and no other: at the
 * top level score, execution_time, output, output_format, visibility,
 * stdout_visibility, extra_data, tests; in each test name, score,
 * max_score, status, output, visibility. */
START_TEST(json_fields_are_gradescopes)
{
    static const char *const top[] = { "score", "execution_time", "output", "output_format", "visibility",
                                       "stdout_visibility", "extra_data", "tests", NULL };
    ck_assert_int_eq(run("check 1 tests/grader/submissions/twice_int.c --format json " ROOMY), 1);
    int n = 0;
    for (const char *p = strstr(out, "\n  \""); p != NULL; p = strstr(p + 1, "\n  \"")) {
        char key[64];
        ck_assert_int_eq(sscanf(p + 4, "%63[^\"]", key), 1);
        int known = 0;
        for (int i = 0; top[i] != NULL; i++)
            known |= strcmp(key, top[i]) == 0;
        ck_assert_msg(known, "results.json: '%s' is not a field of Gradescope's results.json", key);
        n++;
    }
    ck_assert_int_eq(n, 8);
    ck_assert_out_has("\n  \"output_format\": \"text\",\n  \"visibility\": \"visible\",\n"
                      "  \"stdout_visibility\": \"hidden\",\n");
    ck_assert_out_has("\"extra_data\": {\"exercise\": \"01-twice\", \"max_score\": 4, \"verdict\": \"wrong answer\"}");
}
END_TEST

/* With --format json, a submission that cannot be graded still gets a
 * results.json: score 0 and a reason the student can act on ('@' is the
 * test's work folder). */
static const struct {
    const char *args, *want;
    int exit;
} json_failure[] = {
    { "check 1 @/sub0/*.c", "Your submission holds no .c file, so nothing was graded.", 2 },
    { "check 1 --submission @/sub0", "Your submission holds no .c file, so nothing was graded.", 2 },
    { "check 1 --submission @/sub2", "Your submission holds 2 .c files (a.c, lib/b.c), so nothing was graded.", 2 },
    { "check 1 @/sub2/a.c @/sub2/lib/b.c", "Your submission holds 2 .c files (a.c, lib/b.c),", 2 },
    { "check 1 @/nowhere.c", "Your file could not be read, so nothing was graded.", 2 },
    { "check 1 --submission @/nowhere", "Your submission could not be found", 2 },
    { "check 9 @/sub1/x.c", "The grader found no exercise '9'", 2 },
    { "check tests/grader/badspecs/02-no-title @/sub1/x.c", "The exercise's grading set-up is broken", 2 },
    { "check 1 " HOSTILE "not_c.c", "your file does not compile, so no case ran. The compiler says:", 1 },
    { "check 1 --submission @/sub1", "Double a number: passed; 4 of 4 public cases passed", 0 },
};

START_TEST(json_reports_every_failure)
{
    char cmd[1200], args[1200];
    snprintf(cmd, sizeof cmd, "mkdir -p %s/sub0 %s/sub1 %s/sub2/lib && cp " EXERCISES "/01-twice/solution.c %s/sub1/x.c"
             " && cp " EXERCISES "/01-twice/solution.c %s/sub2/a.c && cp " EXERCISES "/01-twice/solution.c "
             "%s/sub2/lib/b.c && touch %s/sub0/notes.txt", work, work, work, work, work, work, work);
    ck_assert_int_eq(system(cmd), 0);
    size_t k = 0;
    for (const char *p = json_failure[_i].args; *p && k + strlen(work) + 1 < sizeof args; p++) {
        if (*p == '@') {
            strcpy(args + k, work);
            k += strlen(work);
        } else {
            args[k++] = *p;
        }
    }
    args[k] = '\0';
    int rc = run("%s --format json " ROOMY, args);
    ck_assert_msg(rc == json_failure[_i].exit, "%s: exit %d:\n%s", args, rc, out);
    ck_assert_out_has(json_failure[_i].want);
    ck_assert_msg(strncmp(out, "{\n  \"score\": ", 13) == 0 || strstr(out, "\n{\n  \"score\": ") != NULL,
                  "no results.json on stdout: %s", out);
    if (json_failure[_i].exit == 2)
        ck_assert_out_has("{\n  \"score\": 0,\n  \"output\": ");
    ck_assert_out_lacks("internal error");
}
END_TEST

/* --format takes a name from the report's table, nothing else. */
static const struct {
    const char *format;
    int exit;
    const char *want;
} formats[] = {
    { "escape_bytes", 2, "" }, { "json_string", 2, "" }, { "FORMATS", 2, "" }, { "format", 2, "" }, { "", 2, "" },
    { "text", 1, "Score: 2/4 -- " }, { "json", 1, "{\n  \"score\": 2,\n" }, { "tap", 1, "# score 2/4: " },
};

START_TEST(format_comes_from_the_table)
{
    int rc = run("check 1 tests/grader/submissions/twice_int.c --format '%s' " ROOMY, formats[_i].format);
    ck_assert_msg(rc == formats[_i].exit, "--format '%s': exit %d:\n%s", formats[_i].format, rc, out);
    if (formats[_i].exit == 2) {
        ck_assert_out_has("unknown --format");
        ck_assert_out_has("HINT: the formats are text, json, tap");
    } else {
        ck_assert_out_has(formats[_i].want);
    }
}
END_TEST

/* --first stops the text report at the first failing case and counts the
 * rest; the summary line says how many cases failed. */
START_TEST(first_stops_at_the_first_failure)
{
    ck_assert_int_eq(run("check 1 tests/grader/submissions/twice_int.c --first " ROOMY), 1);
    ck_assert_out_has("  PASS  case 1  twice(2.385)  [1/1]\n  FAIL  case 2  twice(-0.75)  [0/1]\n");
    ck_assert_out_has("  ... and 2 more cases not shown: 1 failed, 1 passed (without --first to see them)\n"
                      "Score: 2/4 -- wrong answer (first in case 2); 2 of 4 cases failed\n");
    ck_assert_out_lacks("case 4");
    int lines = 0;
    for (const char *p = out; *p; p++)
        lines += *p == '\n';
    ck_assert_int_eq(lines, 8);
    ck_assert_int_eq(run("check 1 tests/grader/submissions/twice_int.c " ROOMY), 1);
    ck_assert_out_has("Score: 2/4 -- wrong answer (first in case 2); 2 of 4 cases failed\n");
    ck_assert_out_has("  FAIL  case 4  twice(nan)");
    ck_assert_int_eq(run("check 1 tests/grader/submissions/twice_int.c --first --format json " ROOMY), 2);
    ck_assert_out_has("--first shortens the text report");
    ck_assert_int_eq(run("check 1 " EXERCISES "/01-twice/solution.c --first " ROOMY), 0);
    ck_assert_out_has("Score: 4/4 -- passed\n");
}
END_TEST

/* --submission is check's alone (watch and batch name their FILE.c or DIR);
 * watch, a student's own run, takes no --reveal-hidden. */
static const char *const not_theirs[] = {
    "watch 1 x.c --submission tests --exercises " EXERCISES,
    "watch 1 x.c --reveal-hidden --exercises " EXERCISES,
    "batch 1 tests -o x.csv --submission tests --exercises " EXERCISES,
};

START_TEST(submission_is_checks_alone)
{
    ck_assert_int_eq(run("%s", not_theirs[_i]), 2);
    ck_assert_out_has("unknown option '");
}
END_TEST

/* ---- the private filesystem view, per-case limits, hard links ---------------- */

/* Copy hostile/NAME to DST with each "@NAME@" of subst[] (pairs, NULL-ended)
 * replaced by its value. */
static void instantiate(const char *name, const char *dst, const char *const *subst)
{
    static char text[1 << 14], res[1 << 15];
    char src[300];
    snprintf(src, sizeof src, HOSTILE "%s", name);
    ck_assert_msg(access(src, R_OK) == 0, "cannot read %s", src);
    slurp(src, text, sizeof text);
    char *o = res;
    for (const char *p = text; *p != '\0';) {
        int hit = 0;
        for (const char *const *q = subst; *q != NULL && !hit; q += 2) {
            size_t n = strlen(q[0]);
            if (strncmp(p, q[0], n) == 0) {
                o += snprintf(o, sizeof res - (size_t)(o - res), "%s", q[1]);
                p += n;
                hit = 1;
            }
        }
        if (!hit)
            *o++ = *p++;
    }
    *o = '\0';
    FILE *fp = fopen(dst, "w");
    ck_assert_ptr_nonnull(fp);
    fputs(res, fp);
    fclose(fp);
}

/* The absolute paths of the fixture's hidden key and of the grader. */
static void key_and_grader(char *key, char *exe, size_t n)
{
    char cwd[512];
    ck_assert_ptr_nonnull(getcwd(cwd, sizeof cwd));
    snprintf(key, n, "%s/" EXERCISES "/01-twice/keys/hidden.txt", cwd);
    ck_assert_ptr_nonnull(realpath(grader(), exe));
}

/* From student code, the key and the grader do not exist (ENOENT, not
 * EACCES), nor does /proc; at compile time __has_include of the key is
 * false.  Forced off (a kernel without namespaces), the sandbox degrades to
 * Landlock and seccomp, says so, and still keeps the key unreadable. */
START_TEST(the_view_hides_the_keys_and_the_grader)
{
    char key[700], exe[4096], stat_c[700], inc_c[700];
    key_and_grader(key, exe, sizeof key);
    const char *subst[] = { "@KEY@", key, "@GRADER@", exe, NULL };
    snprintf(stat_c, sizeof stat_c, "%s/stat.c", work);
    snprintf(inc_c, sizeof inc_c, "%s/inc.c", work);
    instantiate("view_stat_key.c", stat_c, subst);
    instantiate("view_has_include_key.c", inc_c, subst);
    ck_assert_int_eq(run("check 1 %s " ROOMY, stat_c), 0);
    ck_assert_out_has("Score: 4/4 -- passed");
    ck_assert_out_lacks("private filesystem view");
    ck_assert_int_eq(run("check 1 %s " ROOMY, inc_c), 0);
    ck_assert_out_has("Score: 4/4 -- passed");

    setenv("SLOPE_GRADER_NO_NAMESPACES", "1", 1);
    int rc_stat = run("check 1 %s " ROOMY, stat_c);
    ck_assert_out_has("note: the sandbox ran without its private filesystem view "
                      "(turned off by SLOPE_GRADER_NO_NAMESPACES): Landlock and seccomp only");
    ck_assert_out_has("expected 4.77, got -1");  /* EACCES: the old walls' answer */
    char open_c[700];
    const char *ksubst[] = { "@KEY@", key, NULL };
    snprintf(open_c, sizeof open_c, "%s/open_key.c", work);
    instantiate("open_key.c", open_c, ksubst);
    int rc_key = run("check 1 %s " ROOMY, open_c);
    unsetenv("SLOPE_GRADER_NO_NAMESPACES");
    ck_assert_int_eq(rc_stat, 1);
    ck_assert_int_eq(rc_key, 0);
    ck_assert_out_has("Score: 4/4 -- passed");
}
END_TEST

/* `#pragma GCC dependency` says the same of the key as of a path that
 * exists nowhere. */
START_TEST(the_compiler_cannot_tell_the_key_exists)
{
    char key[700], exe[4096], nowhere[800], a[700], out_key[1 << 12];
    key_and_grader(key, exe, sizeof key);
    snprintf(nowhere, sizeof nowhere, "%s/" EXERCISES "/01-twice/keys/nowhere.txt", work);
    const char *sk[] = { "@PATH@", key, NULL }, *sn[] = { "@PATH@", nowhere, NULL };
    snprintf(a, sizeof a, "%s/dep.c", work);
    instantiate("view_pragma_dependency.c", a, sk);
    ck_assert_int_eq(run("check 1 %s " ROOMY, a), 1);
    ck_assert_out_has("No such file or directory");
    /* the same report, with one path for the other */
    char *at = strstr(out, key);
    ck_assert_ptr_nonnull(at);
    snprintf(out_key, sizeof out_key, "%.*s%s%s", (int)(at - out), out, nowhere, at + strlen(key));
    instantiate("view_pragma_dependency.c", a, sn);
    ck_assert_int_eq(run("check 1 %s " ROOMY, a), 1);
    ck_assert_str_eq(out, out_key);
}
END_TEST

/* Copy the fixture exercise 01-twice to WORK/ex/01-twice. */
static void copy_fixture(void)
{
    char cmd[900];
    snprintf(cmd, sizeof cmd, "mkdir -p %s/ex && cp -r " EXERCISES "/01-twice %s/ex/", work, work);
    ck_assert_int_eq(system(cmd), 0);
}

static void write_text(const char *path, const char *text)
{
    FILE *fp = fopen(path, "w");
    ck_assert_ptr_nonnull(fp);
    fputs(text, fp);
    fclose(fp);
}

/* Without --time-limit, a case's limit is max(time_floor = 0.5 s,
 * time_multiple = 20 x the reference's time in keys/time.txt): 150 ms
 * gives 3 s, 0.001 ms gives the floor; after two time-outs the rest is not
 * run.  --time-limit sets every case. */
START_TEST(the_limit_of_a_case_follows_the_reference)
{
    char path[700];
    copy_fixture();
    snprintf(path, sizeof path, "%s/ex/01-twice/keys/time.txt", work);
    write_text(path, "# test\n1 150\n2 0.001\n");
    double t0 = now_s();
    ck_assert_int_eq(run("check 1 " HOSTILE "infinite_loop.c --exercises %s/ex", work), 1);
    double wall = now_s() - t0;
    ck_assert_out_has("FAIL  case 1  twice(2.385)  [0/1]\n        time limit (3 s) in this case");
    ck_assert_out_has("FAIL  case 2  twice(-0.75)  [0/1]\n        time limit (0.5 s) in this case");
    ck_assert_out_has("FAIL  case 4  twice(nan)  [0/1]\n        not run: 2 cases ran out of time (first: case 1)");
    ck_assert_double_ge(wall, 3.5);
    ck_assert_double_lt(wall, 10 * 3.5);
    ck_assert_int_eq(run("check 1 " HOSTILE "infinite_loop.c --time-limit 0.2 --exercises %s/ex", work), 1);
    ck_assert_out_has("FAIL  case 1  twice(2.385)  [0/1]\n        time limit (0.2 s) in this case");
    ck_assert_out_has("FAIL  case 2  twice(-0.75)  [0/1]\n        time limit (0.2 s) in this case");
    /* A case the file does not list gets time_limit (2 s). */
    write_text(path, "2 0.001\n");
    ck_assert_int_eq(run("check 1 " HOSTILE "infinite_loop.c --budget 2.2 --exercises %s/ex", work), 1);
    ck_assert_out_has("FAIL  case 1  twice(2.385)  [0/1]\n        time limit (2 s) in this case");
}
END_TEST

/* `grader keys` writes keys/time.txt, one line per case; `keys --check`
 * never compares it (it depends on the machine). */
START_TEST(keys_record_the_reference_times_unchecked)
{
    char path[700], text[4096];
    copy_fixture();
    snprintf(path, sizeof path, "%s/ex/01-twice/keys/time.txt", work);
    unlink(path);
    ck_assert_int_eq(run("keys 01-twice --exercises %s/ex", work), 0);
    slurp(path, text, sizeof text);
    int lines = 0;
    for (char *l = text; *l != '\0'; l = strchr(l, '\n') ? strchr(l, '\n') + 1 : l + strlen(l)) {
        int k;
        double ms;
        if (*l == '#')
            continue;
        ck_assert_int_eq(sscanf(l, "%d %lf", &k, &ms), 2);
        ck_assert_int_eq(k, ++lines);
        ck_assert_double_gt(ms, 0);
        ck_assert_double_lt(ms, 2000);
    }
    ck_assert_int_eq(lines, 5);
    write_text(path, "1 999\n");
    ck_assert_int_eq(run("keys --check --exercises %s/ex", work), 0);
    ck_assert_out_has("keys: 01-twice: 5 cases match solution.c");
}
END_TEST

/* A submission that is a hard link to the answer key is not read. */
START_TEST(a_hard_link_is_not_accepted)
{
    char key[800], sub[700];
    copy_fixture();
    snprintf(key, sizeof key, "%s/ex/01-twice/keys/hidden.txt", work);
    snprintf(sub, sizeof sub, "%s/mine.c", work);
    ck_assert_int_eq(link(key, sub), 0);
    ck_assert_int_eq(run("check 1 %s --exercises %s/ex", sub, work), 2);
    ck_assert_out_has("links are not accepted (a hard link)");
    ck_assert_out_lacks("0x");
}
END_TEST

/* ---- batch: the gradebook others parse, its options ---------------------------------- */

/* Copy the fixture's solution to WORK/class/NAME. */
static void solution_as(const char *name)
{
    char src[600], dst[900], buf[1 << 12];
    snprintf(src, sizeof src, EXERCISES "/01-twice/solution.c");
    snprintf(dst, sizeof dst, "%s/class/%s", work, name);
    FILE *in = fopen(src, "rb"), *to = fopen(dst, "wb");
    ck_assert_msg(in != NULL && to != NULL, "cannot copy to %s", dst);
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, in)) > 0)
        ck_assert_uint_eq(fwrite(buf, 1, n, to), n);
    fclose(in);
    fclose(to);
}

/* RFC 4180 quoting, OWASP's leading ' before =, a bare CR shown as \x0D
 * (never a line break), alice.c beside alice/ as one row that says so; and
 * without --hidden, the public cases only.  The expected file is written
 * from those rules, row by row in byte order of the names. */
START_TEST(batch_gradebook_is_rfc4180_and_defused)
{
    char p[900], csv[1 << 13];
    snprintf(p, sizeof p, "%s/class", work);
    ck_assert_int_eq(mkdir(p, 0755), 0);
    snprintf(p, sizeof p, "%s/class/alice", work);
    ck_assert_int_eq(mkdir(p, 0755), 0);
    const char *names[] = { "=cmd.c", "cr\rx.c", "a,b.c", "q\"t.c", "alice.c", "alice/main.c", NULL };
    for (int i = 0; names[i] != NULL; i++)
        solution_as(names[i]);
    ck_assert_int_eq(run("batch 1 %s/class -o %s/g.csv -j 2 --time-limit 10 --exercises " EXERCISES, work, work), 0);
    snprintf(p, sizeof p, "%s/g.csv", work);
    ck_assert_str_eq(slurp(p, csv, sizeof csv),
                     "name,score,max,verdict,case1,case2,case3,case4\n"
                     "'=cmd,4,4,passed,1,1,1,1\n"
                     "\"a,b\",4,4,passed,1,1,1,1\n"
                     "alice,0,4,\"2 submissions under one name (alice/, alice.c): keep one and grade again\","
                     "0,0,0,0\n"
                     "cr\\x0Dx,4,4,passed,1,1,1,1\n"
                     "\"q\"\"t\",4,4,passed,1,1,1,1\n");
    const char *files[] = { "'=cmd.json", "a,b.json", "alice.json", "cr\\x0Dx.json", "q\"t.json", NULL };
    for (int i = 0; files[i] != NULL; i++) {
        snprintf(p, sizeof p, "%s/g.feedback/%s", work, files[i]);
        ck_assert_msg(access(p, R_OK) == 0, "no feedback file %s", p);
    }
    ck_assert_int_eq(run("batch 1 %s/class -o %s/h.csv --hidden --time-limit 10 --exercises " EXERCISES, work, work), 0);
    snprintf(p, sizeof p, "%s/h.csv", work);
    slurp(p, csv, sizeof csv);
    const char *hidden = "name,score,max,verdict,case1,case2,case3,case4,case5_hidden\n'=cmd,5,5,passed,1,1,1,1,1\n";
    ck_assert_msg(strncmp(csv, hidden, strlen(hidden)) == 0, "%s", csv);
}
END_TEST

/* WORK in args stands for the test's work directory. */
#define EX_OPT " --exercises " EXERCISES
static const struct {
    const char *args, *want;
} batch_usage[] = {
    { "batch 1 WORK/class -o WORK/missing/g.csv" EX_OPT, "-o WORK/missing/g.csv: there is no folder WORK/missing" },
    { "batch 1 WORK/class" EX_OPT, "-o GRADEBOOK.csv is required" },
    { "batch 1 WORK/class -o WORK" EX_OPT, "is a folder, not a gradebook file" },
    { "batch 1 WORK/nothing -o WORK/g.csv" EX_OPT, "WORK/nothing is not a directory" },
    { "batch 1 WORK/class -o WORK/g.csv --shard 0/3" EX_OPT, "--shard must be I/N with 1 <= I <= N (got '0/3')" },
    { "batch 1 WORK/class -o WORK/g.csv --shard 4/3" EX_OPT, "(got '4/3')" },
    { "batch 1 WORK/class -o WORK/g.csv --shard half" EX_OPT, "(got 'half')" },
    { "merge WORK/m.csv", "need OUT.csv and at least one PART.csv" },
    { "merge WORK/m.csv WORK/class/a.c", "WORK/class/a.c is not a gradebook written by `grader batch`" },
};

static void expand_work(const char *in, char *to, size_t n)
{
    size_t k = 0;
    for (const char *s = in; *s && k + 1 < n; s++) {
        if (strncmp(s, "WORK", 4) == 0) {
            k += (size_t)snprintf(to + k, n - k, "%s", work);
            s += 3;
        } else {
            to[k++] = *s;
        }
    }
    to[k < n ? k : n - 1] = '\0';
}

START_TEST(batch_usage_errors_are_exit_2_with_a_hint)
{
    char p[900], args[2048], want[2048];
    snprintf(p, sizeof p, "%s/class", work);
    ck_assert_int_eq(mkdir(p, 0755), 0);
    solution_as("a.c");
    expand_work(batch_usage[_i].args, args, sizeof args);
    expand_work(batch_usage[_i].want, want, sizeof want);
    ck_assert_int_eq(run("%s", args), 2);
    ck_assert_out_has(want);
    ck_assert_out_has("\nHINT: ");
    ck_assert_out_lacks("internal error");
}
END_TEST

/* ---- slope-run's first command ------------------------------------------------ */

/* A job for slope-run in work/job: one case of twice(2), and an object
 * whose constructor prints "loaded" (run by a load, nothing else). */
static void runner_job(char *dir, size_t n)
{
    snprintf(dir, n, "%s/job", work);
    ck_assert_int_eq(mkdir(dir, 0755), 0);
    char path[700], cmd[1600];
    snprintf(path, sizeof path, "%s/job.lua", dir);
    FILE *fp = fopen(path, "w");
    ck_assert_ptr_nonnull(fp);
    fputs("return { header = \"double twice(double x);\", calls = { \"twice\" }, libm = {},\n"
          "         cases = { [1] = { call = \"twice\", args = { 2 }, compare = { \"return\" } } } }\n", fp);
    fclose(fp);
    snprintf(path, sizeof path, "%s/job.bin", dir);
    fp = fopen(path, "w");
    ck_assert_ptr_nonnull(fp);
    fclose(fp);
    snprintf(path, sizeof path, "%s/twice.c", dir);
    fp = fopen(path, "w");
    ck_assert_ptr_nonnull(fp);
    fputs("#include <unistd.h>\n"
          "__attribute__((constructor)) static void hello(void) { (void)!write(1, \"loaded\\n\", 7); }\n"
          "double twice(double x) { return 2 * x; }\n", fp);
    fclose(fp);
    snprintf(cmd, sizeof cmd, "cc -shared -fPIC -o %s/submission.so %s", dir, path);
    ck_assert_int_eq(system(cmd), 0);
}

typedef struct {
    pid_t pid;
    int res, cmd, out;
} runner_proc;

/* slope-run DIR, with its results, commands and stdout on pipes. */
static runner_proc runner_start(const char *dir)
{
    char exe[600];
    snprintf(exe, sizeof exe, "%s", grader());
    char *slash = strrchr(exe, '/');
    snprintf(slash ? slash + 1 : exe, sizeof exe - (size_t)(slash ? slash + 1 - exe : 0), "slope-run");
    int res[2], cmd[2], stdo[2];
    ck_assert_int_eq(pipe(res), 0);
    ck_assert_int_eq(pipe(cmd), 0);
    ck_assert_int_eq(pipe(stdo), 0);
    pid_t pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        /* Above every target first, so that no dup2 clobbers a source. */
        int r = fcntl(res[1], F_DUPFD, 64), c = fcntl(cmd[0], F_DUPFD, 64), o = fcntl(stdo[1], F_DUPFD, 64);
        if (r < 0 || c < 0 || o < 0 || dup2(o, 1) < 0 || dup2(r, 3) < 0 || dup2(c, 4) < 0)
            _exit(127);
        for (int fd = 5; fd < 128; fd++)
            close(fd);
        execl(exe, exe, dir, "256", "10", (char *)NULL);
        _exit(127);
    }
    close(res[1]), close(cmd[0]), close(stdo[1]);
    return (runner_proc){ pid, res[0], cmd[1], stdo[0] };
}

/* The next frame's tag (its payload into buf), or 0 at end of file. */
static int runner_frame(const runner_proc *r, char *buf, size_t n)
{
    unsigned char h[5];
    size_t got = 0;
    ssize_t k;
    while (got < sizeof h && (k = read(r->res, h + got, sizeof h - got)) > 0)
        got += (size_t)k;
    if (got < sizeof h)
        return 0;
    size_t len = (size_t)h[1] | (size_t)h[2] << 8 | (size_t)h[3] << 16 | (size_t)h[4] << 24;
    ck_assert_uint_lt(len, n);
    for (got = 0; got < len && (k = read(r->res, buf + got, len - got)) > 0;)
        got += (size_t)k;
    buf[got] = '\0';
    return h[0];
}

static void runner_send(const runner_proc *r, unsigned k)
{
    unsigned char b[4] = { (unsigned char)k, (unsigned char)(k >> 8), (unsigned char)(k >> 16),
                           (unsigned char)(k >> 24) };
    ck_assert_int_eq(write(r->cmd, b, 4), 4);
}

/* What it printed, once it has exited with status 0. */
static const char *runner_end(runner_proc *r)
{
    close(r->cmd);
    ssize_t n = read(r->out, out, sizeof out - 1);
    out[n > 0 ? n : 0] = '\0';
    int st = 0;
    ck_assert_int_eq(waitpid(r->pid, &st, 0), r->pid);
    ck_assert_msg(WIFEXITED(st) && WEXITSTATUS(st) == 0, "slope-run ended with status %d", st);
    close(r->res), close(r->out);
    return out;
}

/* The grader starts slope-run while the compiler still runs: after the
 * handshake it waits, and loads the object only on FRAME_CMD_LOAD (frame.h).
 * Told 0 instead (the file did not compile), it exits without loading. */
START_TEST(the_runner_loads_only_when_told)
{
    char dir[600], buf[4096];
    runner_job(dir, sizeof dir);
    runner_proc r = runner_start(dir);
    ck_assert_int_eq(runner_frame(&r, buf, sizeof buf), 'H');
    runner_send(&r, 0);
    ck_assert_int_eq(runner_frame(&r, buf, sizeof buf), 0);
    ck_assert_str_eq(runner_end(&r), "");

    r = runner_start(dir);
    ck_assert_int_eq(runner_frame(&r, buf, sizeof buf), 'H');
    runner_send(&r, 0xFFFFFFFFu);
    ck_assert_int_eq(runner_frame(&r, buf, sizeof buf), 'L');
    ck_assert_str_eq(buf, "");  /* no function is missing */
    runner_send(&r, 1);
    ck_assert_int_eq(runner_frame(&r, buf, sizeof buf), 'R');
    ck_assert_str_eq(buf, "1 0x1p+2");
    runner_send(&r, 0);
    ck_assert_str_eq(runner_end(&r), "loaded\n");
}
END_TEST

Suite *make_grader_suite(void)
{
    Suite *s = suite_create("grader");
    TCase *tc = tcase_create("check");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 30);
    tcase_add_loop_test(tc, reference_solutions_pass, 0, 4);
    tcase_add_loop_test(tc, wrong_submissions_fail, 0, 4);
    tcase_add_test(tc, qsort_is_allowed);
    tcase_add_test(tc, number_and_name_select_the_same_exercise);
    tcase_add_loop_test(tc, hostile_submission_gets_a_clear_verdict, 0,
                        (int)(sizeof hostile / sizeof hostile[0]));
    tcase_add_loop_test(tc, borrowing_the_model_answer_is_an_undefined_symbol, 0,
                        (int)(sizeof borrowing / sizeof borrowing[0]));
    tcase_add_test(tc, the_budget_caps_every_case_together);
    tcase_add_test(tc, batch_reads_submissions_safely);
    tcase_add_test(tc, readme_quotes_the_policy_table);
    tcase_add_test(tc, printed_output_cannot_forge_a_verdict);
    tcase_add_test(tc, absolute_include_of_the_solution_is_denied);
    tcase_add_test(tc, json_is_gradescope_results);
    tcase_add_test(tc, json_escapes_printed_bytes);
    tcase_add_test(tc, json_is_valid_utf8_whatever_was_printed);
    tcase_add_test(tc, tap_version_13);
    tcase_add_test(tc, hidden_cases_run_only_with_hidden);
    tcase_add_loop_test(tc, malformed_spec_is_exit_2_with_file_and_line, 0,
                        (int)(sizeof badspec / sizeof badspec[0]));
    tcase_add_loop_test(tc, usage_errors_and_help, 0, (int)(sizeof usage / sizeof usage[0]));
    tcase_add_test(tc, committed_keys_match_the_solutions);
    tcase_add_test(tc, list_shows_progress);
    tcase_add_loop_test(tc, numeric_options_are_checked, 0, (int)(sizeof numeric / sizeof numeric[0]));
    tcase_add_test(tc, numeric_options_accept_their_bounds);
    tcase_add_test(tc, help_on_no_topic_lists_the_topics);
    tcase_add_test(tc, progress_is_per_course);
    tcase_add_test(tc, old_progress_files_keep_working);
    tcase_add_test(tc, keys_check_names_every_differing_case);
    tcase_add_test(tc, json_keeps_hidden_output_out_of_visible_fields);
    tcase_add_test(tc, text_and_tap_keep_hidden_cases_closed);
    tcase_add_test(tc, json_fields_are_gradescopes);
    tcase_add_loop_test(tc, json_reports_every_failure, 0, (int)(sizeof json_failure / sizeof json_failure[0]));
    tcase_add_loop_test(tc, format_comes_from_the_table, 0, (int)(sizeof formats / sizeof formats[0]));
    tcase_add_test(tc, first_stops_at_the_first_failure);
    tcase_add_loop_test(tc, submission_is_checks_alone, 0, (int)(sizeof not_theirs / sizeof not_theirs[0]));
    tcase_add_test(tc, batch_gradebook_is_rfc4180_and_defused);
    tcase_add_loop_test(tc, batch_usage_errors_are_exit_2_with_a_hint, 0,
                        (int)(sizeof batch_usage / sizeof batch_usage[0]));
    suite_add_tcase(s, tc);
    /* A compile time-out (10 s) twice over, on a loaded machine. */
    TCase *slow = tcase_create("kill");
    tcase_add_checked_fixture(slow, setup, teardown);
    tcase_set_timeout(slow, 300);
    tcase_add_test(slow, kill_9_of_batch_leaves_nothing);
    suite_add_tcase(s, slow);
    TCase *view = tcase_create("view");
    tcase_add_checked_fixture(view, setup, teardown);
    tcase_set_timeout(view, 120);
    tcase_add_test(view, the_view_hides_the_keys_and_the_grader);
    tcase_add_test(view, the_compiler_cannot_tell_the_key_exists);
    tcase_add_test(view, the_limit_of_a_case_follows_the_reference);
    tcase_add_test(view, keys_record_the_reference_times_unchecked);
    tcase_add_test(view, a_hard_link_is_not_accepted);
    tcase_add_test(view, the_runner_loads_only_when_told);
    suite_add_tcase(s, view);
    return s;
}
