#define _POSIX_C_SOURCE 200809L
/*
 * check_chapters.c -- the chapter-local files that a chapter program shares
 * with the website's live figures: arrows (03), shape (04), downhill (05),
 * race (06), xor (07), rates (08) and roc (09).
 *
 * Evidence used:
 *   - every error return their headers document, provoked once, at and just
 *     past each bound;
 *   - a stream whose writes fail: /dev/null opened for reading, on which
 *     fprintf sets the error indicator the functions test (ferror), as
 *     lib/table.h's own tests do;
 *   - an allocation that fails: a child process whose address space may
 *     grow by only SPARE bytes (see status_with_little_memory; not under
 *     AddressSanitizer, whose allocator aborts instead of returning NULL);
 *   - one success property each against a closed form, a hand computation
 *     written out beside it, or numpy's golden files (tests/golden/).
 */
#include <check.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "arrows.h"
#include "downhill.h"
#include "race.h"
#include "rates.h"
#include "roc.h"
#include "shape.h"
#include "testutil.h"
#include "xor.h"

/* pi to double precision, numpy's np.pi (M_PI is POSIX, not ISO C) */
#define PI 3.14159265358979323846

/* ---- streams and memory ----------------------------------------------------- */

/* A stream every write to fails. */
static FILE *unwritable(void)
{
    FILE *fp = fopen("/dev/null", "r");
    ck_assert_ptr_nonnull(fp);
    return fp;
}

/* A scratch stream, and how many bytes have been written to it. */
static FILE *scratch(void)
{
    FILE *fp = tmpfile();
    ck_assert_ptr_nonnull(fp);
    return fp;
}

static long written(FILE *fp)
{
    fflush(fp);
    return ftell(fp);
}

#if !UNDER_ASAN /* its allocator aborts where malloc would return NULL */
/* Room the child may still map: far less than the allocations the tests
 * ask for (hundreds of MB), far more than the functions need otherwise. */
enum { SPARE = 64 << 20 };

/* fn's status, run in a child whose address space is capped SPARE bytes
 * above what it maps now, so a large malloc returns NULL there. */
static int status_with_little_memory(slope_status (*fn)(FILE *out))
{
    fflush(NULL);
    pid_t pid = fork();
    ck_assert_int_ne(pid, -1);
    if (pid == 0) {
        long pages = -1;
        FILE *statm = fopen("/proc/self/statm", "r"), *out = fopen("/dev/null", "w");
        if (!statm || !out || fscanf(statm, "%ld", &pages) != 1)
            _exit(100);
        rlim_t cap = (rlim_t)pages * (rlim_t)sysconf(_SC_PAGESIZE) + SPARE;
        struct rlimit lim = {cap, cap};
        if (setrlimit(RLIMIT_AS, &lim) != 0)
            _exit(101);
        _exit((int)fn(out));
    }
    int st;
    ck_assert_int_eq(waitpid(pid, &st, 0), pid);
    ck_assert_msg(WIFEXITED(st), "the child died of signal %d", WIFSIGNALED(st) ? WTERMSIG(st) : 0);
    return WEXITSTATUS(st);
}
#endif

/* ==== 03 arrows ================================================================= */

START_TEST(test_arrows_bowl_by_hand)
{
    /* a = 1.5, b = 0.25, c = (0.5, -1): at w = (2.385, -0.75),
     * L = 1.5 * 1.885^2 + 0.25 * 0.25^2 = 5.3298375 + 0.015625 = 5.3454625,
     * grad = (2 * 1.5 * 1.885, 2 * 0.25 * 0.25) = (5.655, 0.125). */
    double k[4] = {1.5, 0.25, 0.5, -1.0}, w[2] = {2.385, -0.75}, g[2];
    ck_assert_rel(bowl(w, 2, k), 5.3454625, 4 * DBL_EPSILON);
    grad_bowl(g, w, k);
    ck_assert_rel(g[0], 5.655, 4 * DBL_EPSILON);
    ck_assert_rel(g[1], 0.125, 4 * DBL_EPSILON);
    ck_assert(!signbit(plus_zero(-0.0)));
    ck_assert_double_eq(plus_zero(-2.385), -2.385);
}
END_TEST

START_TEST(test_arrows_table)
{
    /* L = w1^2 + w2^2 at (0.6, -0.8): L = 1, grad = (1.2, -1.6), |grad| = 2.
     * Central differences are exact on a quadratic but for rounding, about
     * eps |L| / h with h ~ cbrt(eps): far below 1e-9. */
    arrows_result r;
    const double w[2] = {0.6, -0.8};
    FILE *fp = scratch();
    ck_assert_int_eq(arrows_table_print(fp, &r, w), SLOPE_OK);
    ck_assert_int_gt(written(fp), 0);
    fclose(fp);
    ck_assert_rel(r.L, 1.0, 4 * DBL_EPSILON);
    ck_assert_rel(r.g[0], 1.2, 4 * DBL_EPSILON);
    ck_assert_rel(r.g[1], -1.6, 4 * DBL_EPSILON);
    ck_assert_rel(r.norm, 2.0, 4 * DBL_EPSILON);
    ck_assert_double_eq_tol(r.num[0], 1.2, 1e-9);
    ck_assert_double_eq_tol(r.num[1], -1.6, 1e-9);
}
END_TEST

START_TEST(test_arrows_errors)
{
    arrows_result r;
    /* slope_deriv_gradient refuses a NaN point, before anything is printed */
    FILE *fp = scratch();
    ck_assert_int_eq(arrows_table_print(fp, &r, (const double[]){NAN, 0.5}), SLOPE_EDOM);
    ck_assert_int_eq(written(fp), 0);
    fclose(fp);
    fp = unwritable();
    ck_assert_int_eq(arrows_table_print(fp, &r, (const double[]){0.6, -0.8}), SLOPE_EDOM);
    fclose(fp);
}
END_TEST

/* ==== 04 shape ================================================================== */

START_TEST(test_shape_quad_and_sign_rule)
{
    /* 1.25 * 1.5^2 + 0.5 * 1.5 * (-2) + (-0.75) * (-2)^2 = 2.8125 - 1.5 - 3 */
    quad q = {1.25, 0.5, -0.75};
    ck_assert_double_eq(quad_abc((const double[]){1.5, -2.0}, 2, &q), -1.6875);
    ck_assert_int_eq(sign_rule((const double[]){2.385, 0.5}), 1);
    ck_assert_int_eq(sign_rule((const double[]){-2.385, -0.5}), -1);
    ck_assert_int_eq(sign_rule((const double[]){2.385, -0.5}), 0);
    ck_assert_int_eq(sign_rule((const double[]){0.0, 2.385}), 0); /* a zero is "mixed" */
}
END_TEST

START_TEST(test_shape_classify_at_tol)
{
    const double tol = 1e-6, past = nextafter(tol, INFINITY);
    ck_assert_str_eq(classify((const double[]){tol, 2.385}, 2, tol), "inconclusive");
    ck_assert_str_eq(classify((const double[]){past, 2.385}, 2, tol), "local min");
    ck_assert_str_eq(classify((const double[]){-2.385, -tol}, 2, tol), "inconclusive");
    ck_assert_str_eq(classify((const double[]){-2.385, -past}, 2, tol), "local max");
    /* one eigenvalue of each sign settles it, whatever the third */
    ck_assert_str_eq(classify((const double[]){-2.385, 0.0, 1.5}, 3, tol), "saddle point");
}
END_TEST

START_TEST(test_shape_npstr)
{
    char buf[64];
    /* numpy: str(np.array([4., 10.])) and, scientific, each entry as %.3e */
    ck_assert_int_eq(shape_npstr(buf, sizeof buf, (const double[]){4, 10}, 1, 2), SLOPE_OK);
    ck_assert_str_eq(buf, "[ 4. 10.]");
    ck_assert_int_eq(shape_npstr(buf, sizeof buf, (const double[]){1e-5, 2.385}, 1, 2), SLOPE_OK);
    ck_assert_str_eq(buf, "[1.000e-05 2.385e+00]");
    ck_assert_int_eq(shape_npstr(buf, sizeof buf, (const double[]){1e-5, 2, 3, 4}, 2, 2),
                     SLOPE_OK);
    ck_assert_str_eq(buf, "[[1.000e-05 2.000e+00]\n [3.000e+00 4.000e+00]]");
}
END_TEST

START_TEST(test_shape_npstr_errors)
{
    char buf[64];
    const double pos[2] = {4, 10}, sci[4] = {1e-5, 2, 3, 4};
    ck_assert_int_eq(shape_npstr(NULL, sizeof buf, pos, 1, 2), SLOPE_EINVAL);
    ck_assert_int_eq(shape_npstr(buf, 0, pos, 1, 2), SLOPE_EINVAL);
    ck_assert_int_eq(shape_npstr(buf, sizeof buf, NULL, 1, 2), SLOPE_EINVAL);
    ck_assert_int_eq(shape_npstr(buf, sizeof buf, pos, 0, 2), SLOPE_EINVAL);
    ck_assert_int_eq(shape_npstr(buf, sizeof buf, pos, 1, 0), SLOPE_EINVAL);
    /* "[ 4. 10.]" is 9 characters: 10 bytes fit it, 9 do not */
    ck_assert_int_eq(shape_npstr(buf, 10, pos, 1, 2), SLOPE_OK);
    ck_assert_int_eq(shape_npstr(buf, 9, pos, 1, 2), SLOPE_ETOL);
    /* "[1.000e-05 2.385e+00]" is 21 characters: 22 bytes fit it, 21 do not */
    ck_assert_int_eq(shape_npstr(buf, 22, (const double[]){1e-5, 2.385}, 1, 2), SLOPE_OK);
    ck_assert_int_eq(shape_npstr(buf, 21, (const double[]){1e-5, 2.385}, 1, 2), SLOPE_ETOL);
    ck_assert_str_eq(buf, "[1.000e-05 2.385e+00");
    /* a matrix cut short in its first row writes nothing past size */
    memset(buf, 'x', sizeof buf);
    ck_assert_int_eq(shape_npstr(buf, 8, sci, 2, 2), SLOPE_ETOL);
    ck_assert_str_eq(buf, "[[1.000");
    for (size_t i = 8; i < sizeof buf; i++)
        ck_assert_int_eq(buf[i], 'x');
}
END_TEST

START_TEST(test_shape_hessian_table)
{
    /* H = [[2a, b], [b, 2c]] = [[2.5, 0.5], [0.5, -1.5]]: eigenvalues
     * (2.5 - 1.5)/2 -+ sqrt(((2.5 + 1.5)/2)^2 + 0.5^2) = 0.5 -+ sqrt(4.25), a
     * saddle; gradient (2a x + b y, b x + 2c y) at (0.3, -1.2) = (0.15, 1.95).
     * The four-point formula is exact on a quadratic but for the rounding of
     * f, about eps |f| / h^2 ~ 1e-9 at h = 1e-3. */
    quad q = {1.25, 0.5, -0.75};
    shape_result r;
    FILE *fp = scratch();
    ck_assert_int_eq(hessian_table_print(fp, &r, &q, (const double[]){0.3, -1.2}, 1e-3, 1e-6),
                     SLOPE_OK);
    ck_assert_int_gt(written(fp), 0);
    fclose(fp);
    const double H[4] = {2.5, 0.5, 0.5, -1.5};
    for (int i = 0; i < 4; i++)
        ck_assert_double_eq_tol(r.H[i], H[i], 1e-8);
    ck_assert_double_eq_tol(r.ev[0], 0.5 - sqrt(4.25), 1e-8);
    ck_assert_double_eq_tol(r.ev[1], 0.5 + sqrt(4.25), 1e-8);
    ck_assert_double_eq_tol(r.grad[0], 0.15, 1e-8);
    ck_assert_double_eq_tol(r.grad[1], 1.95, 1e-8);
    ck_assert_str_eq(r.verdict, "saddle point");
}
END_TEST

static const double bad_h[] = {0.0, -1e-3, INFINITY, NAN};

START_TEST(test_shape_hessian_bad_h)
{
    quad q = {1.25, 0.5, -0.75};
    shape_result r;
    FILE *fp = scratch();
    ck_assert_int_eq(hessian_table_print(fp, &r, &q, (const double[]){0.3, -1.2}, bad_h[_i], 1e-6),
                     SLOPE_EINVAL);
    fclose(fp);
}
END_TEST

START_TEST(test_shape_hessian_errors)
{
    shape_result r;
    const double p[2] = {0.3, -1.2};
    quad q = {1.25, 0.5, -0.75};
    FILE *fp = scratch();
    /* the Hessian refuses a NaN point */
    ck_assert_int_eq(hessian_table_print(fp, &r, &q, (const double[]){NAN, -1.2}, 1e-3, 1e-6),
                     SLOPE_EDOM);
    /* a = DBL_MAX: f overflows at x = 1 + 2h, the Hessian is not finite and
     * its eigenvalues are refused */
    quad huge = {DBL_MAX, 0.5, -0.75};
    ck_assert_int_eq(hessian_table_print(fp, &r, &huge, (const double[]){1, 1}, 1e-3, 1e-6),
                     SLOPE_EDOM);
    fclose(fp);
    fp = unwritable();
    ck_assert_int_eq(hessian_table_print(fp, &r, &q, p, 1e-3, 1e-6), SLOPE_EDOM);
    fclose(fp);
}
END_TEST

/* ==== 05 downhill =============================================================== */

START_TEST(test_downhill_parabola_by_hand)
{
    /* c = 3 at w = 2.385: (-0.615)^2 = 0.378225, gradient 2 (-0.615) */
    double c = 3.0, w = 2.385, g;
    ck_assert_rel(parabola(&w, 1, &c), 0.378225, 8 * DBL_EPSILON);
    parabola_grad(&g, &w, 1, &c);
    ck_assert_rel(g, -1.23, 8 * DBL_EPSILON);
}
END_TEST

/* Each step multiplies w - 3 by 1 - 2 lr: w_k = 3 + (x0 - 3)(1 - 2 lr)^k.
 * Each step rounds w (about 3) once or twice: k steps stay within a few k
 * ulps of 3. */
static void assert_descent_closed_form(const double *traj, const double *loss, double lr,
                                       double x0, int steps)
{
    for (int k = 0; k <= steps; k++) {
        double d = (x0 - 3) * pow(1 - 2 * lr, k), tol = 8 * (k + 1) * DBL_EPSILON * 3;
        ck_assert_double_eq_tol(traj[k], 3 + d, tol);
        ck_assert_double_eq_tol(loss[k], d * d, 2 * tol * fabs(d) + tol * tol);
    }
}

START_TEST(test_downhill_descent_closed_form)
{
    double traj[26], loss[26];
    size_t done = 0;
    FILE *fp = scratch();
    ck_assert_int_eq(descent_table_print(fp, traj, loss, &done, 0.1, 2.385, 25), SLOPE_OK);
    ck_assert_int_gt(written(fp), 0);
    fclose(fp);
    ck_assert_uint_eq(done, 25);
    assert_descent_closed_form(traj, loss, 0.1, 2.385, 25);
}
END_TEST

START_TEST(test_downhill_descent_diverges)
{
    /* lr = 5e99 from w0 = 4: w - 3 is multiplied by 1 - 1e100 each step, so
     * |w_k - 3| ~ 1e100k: finite for k <= 3, 1e400 overflows at step 4. */
    double traj[11], loss[11];
    size_t done = 0;
    FILE *fp = scratch();
    ck_assert_int_eq(descent_table_print(fp, traj, loss, &done, 5e99, 4.0, 10), SLOPE_EDIVERGED);
    ck_assert_uint_eq(done, 3);
    ck_assert(isinf(traj[4]));
    ck_assert_int_gt(written(fp), 0); /* the table is printed */
    fclose(fp);
}
END_TEST

static const double bad_lr[] = {0.0, -0.1, NAN, INFINITY};

START_TEST(test_downhill_bad_lr)
{
    double traj[6], loss[6];
    size_t done;
    FILE *fp = scratch();
    ck_assert_int_eq(descent_table_print(fp, traj, loss, &done, bad_lr[_i], 2.385, 5), SLOPE_EINVAL);
    ck_assert_int_eq(written(fp), 0);
    fclose(fp);
}
END_TEST

START_TEST(test_downhill_errors)
{
    double traj[6], loss[6];
    size_t done;
    FILE *fp = scratch();
    ck_assert_int_eq(descent_table_print(fp, traj, loss, &done, 0.1, 2.385, 0), SLOPE_EINVAL);
    ck_assert_int_eq(descent_table_print(fp, traj, loss, &done, 0.1, 2.385, -1), SLOPE_EINVAL);
    /* another status of the driver: a NaN start */
    ck_assert_int_eq(descent_table_print(fp, traj, loss, &done, 0.1, NAN, 5), SLOPE_EDOM);
    ck_assert_int_eq(written(fp), 0);
    /* just past the bounds: one step, the smallest positive rate */
    ck_assert_int_eq(descent_table_print(fp, traj, loss, &done, 0.1, 2.385, 1), SLOPE_OK);
    assert_descent_closed_form(traj, loss, 0.1, 2.385, 1);
    ck_assert_int_eq(descent_table_print(fp, traj, loss, &done, DBL_TRUE_MIN, 2.385, 1), SLOPE_OK);
    fclose(fp);
    fp = unwritable();
    ck_assert_int_eq(descent_table_print(fp, traj, loss, &done, 0.1, 2.385, 5), SLOPE_EDOM);
    ck_assert_int_eq(descent_table_print(fp, traj, loss, &done, 5e99, 4.0, 5), SLOPE_EDOM);
    fclose(fp);
}
END_TEST

/* ==== 06 race =================================================================== */

START_TEST(test_race_losses_by_hand)
{
    /* ravine at (1.5, -0.25): 2.25 + 10 * 0.0625, gradient (2 * 1.5, 20 * -0.25);
     * wavy at (-pi/2, 0.5): its minimum in w1, -1 + 0.125, gradient (0, 0.5) */
    double w[2] = {1.5, -0.25}, g[2];
    ck_assert_double_eq(ravine(w, 2, NULL), 2.875);
    ravine_grad(g, w, 2, NULL);
    ck_assert_double_eq(g[0], 3.0);
    ck_assert_double_eq(g[1], -5.0);
    double m[2] = {-PI / 2, 0.5};
    ck_assert_rel(wavy(m, 2, NULL), -0.875, 4 * DBL_EPSILON);
    wavy_grad(g, m, 2, NULL);
    ck_assert_double_eq_tol(g[0], 0.0, 4 * DBL_EPSILON);
    ck_assert_double_eq(g[1], 0.5);
}
END_TEST

#define RACE_BASE {0.01, 0.9, 0.9, 0.999, 1e-8, 2.385, -1.5, 40, 1}

/* What the sink saw: the first run (SGD) copied, and every run's facts. */
typedef struct {
    int calls, diverged;
    double traj[2 * 41], loss[41];
    size_t done[4], k;
} race_seen;

static void race_record(void *ctx, const double *traj, const double *loss, size_t done,
                        int diverged, size_t k)
{
    race_seen *s = ctx;
    ck_assert_int_lt(s->calls, 4);
    ck_assert_uint_le(k, 40);
    if (s->calls == 0) {
        memcpy(s->traj, traj, 2 * (k + 1) * sizeof *traj);
        memcpy(s->loss, loss, (k + 1) * sizeof *loss);
    }
    if (diverged) { /* the entries past `done` are 0 */
        s->diverged++;
        for (size_t i = done + 1; i <= k; i++) {
            ck_assert_double_eq(traj[2 * i], 0);
            ck_assert_double_eq(traj[2 * i + 1], 0);
            ck_assert_double_eq(loss[i], 0);
        }
    }
    s->done[s->calls++] = done;
    s->k = k;
}

START_TEST(test_race_sgd_closed_form)
{
    /* SGD on the ravine: w1 *= 1 - 2 lr, w2 *= 1 - 20 lr each step */
    race_settings st = RACE_BASE;
    race_seen seen = {0};
    FILE *fp = scratch();
    ck_assert_int_eq(race_table_print(fp, &st, race_record, &seen), SLOPE_OK);
    fclose(fp);
    ck_assert_int_eq(seen.calls, 4);
    ck_assert_int_eq(seen.diverged, 0);
    for (int i = 0; i < 4; i++)
        ck_assert_uint_eq(seen.done[i], 40);
    for (int k = 0; k <= 40; k++) {
        double w1 = 2.385 * pow(0.98, k), w2 = -1.5 * pow(0.8, k), tol = 4 * (k + 1) * DBL_EPSILON;
        ck_assert_rel(seen.traj[2 * k], w1, tol);
        ck_assert_rel(seen.traj[2 * k + 1], w2, tol);
        ck_assert_rel(seen.loss[k], w1 * w1 + 10 * w2 * w2, 3 * tol);
    }
}
END_TEST

START_TEST(test_race_diverged_run_reads_zero)
{
    /* lr = 1e200: SGD multiplies w2 by 1 - 20 lr = -2e201, |w2| is 3e201 after
     * one step and overflows at the second: done = 1, and the sink sees
     * zeros from row 2 on, not the non-finite iterate. */
    race_settings st = RACE_BASE;
    st.lr = 1e200;
    race_seen seen = {0};
    FILE *fp = scratch();
    ck_assert_int_eq(race_table_print(fp, &st, race_record, &seen), SLOPE_OK);
    fclose(fp);
    ck_assert_int_eq(seen.calls, 4);
    ck_assert_int_ge(seen.diverged, 1);
    ck_assert_uint_eq(seen.done[0], 1);
    ck_assert_double_eq(seen.traj[4], 0);
    ck_assert_double_eq(seen.traj[5], 0);
}
END_TEST

/* Settings just outside each bound, and the status each must get. */
static const struct {
    const char *what;
    race_settings s;
    slope_status want;
} race_bad[] = {
    {"steps 3", {0.01, 0.9, 0.9, 0.999, 1e-8, 2.385, -1.5, 3, 1}, SLOPE_EINVAL},
    {"problem 0", {0.01, 0.9, 0.9, 0.999, 1e-8, 2.385, -1.5, 40, 0}, SLOPE_EINVAL},
    {"problem 3", {0.01, 0.9, 0.9, 0.999, 1e-8, 2.385, -1.5, 40, 3}, SLOPE_EINVAL},
    {"lr 0 (SGD's init)", {0.0, 0.9, 0.9, 0.999, 1e-8, 2.385, -1.5, 40, 1}, SLOPE_EINVAL},
    {"beta 1 (momentum's init)", {0.01, 1.0, 0.9, 0.999, 1e-8, 2.385, -1.5, 40, 1}, SLOPE_EINVAL},
    {"eps < 0 (RMSProp's init)", {0.01, 0.9, 0.9, 0.999, -1e-300, 2.385, -1.5, 40, 1},
     SLOPE_EINVAL},
    {"beta1 1 (Adam's init)", {0.01, 0.9, 1.0, 0.999, 1e-8, 2.385, -1.5, 40, 1}, SLOPE_EINVAL},
    {"beta2 1 (Adam's init)", {0.01, 0.9, 0.9, 1.0, 1e-8, 2.385, -1.5, 40, 1}, SLOPE_EINVAL},
    {"w1 NaN (a run fails)", {0.01, 0.9, 0.9, 0.999, 1e-8, NAN, -1.5, 40, 1}, SLOPE_EDOM},
    /* just inside: the smallest K, the sine problem, eps 0 */
    {"steps 4", {0.01, 0.9, 0.9, 0.999, 1e-8, 2.385, -1.5, 4, 1}, SLOPE_OK},
    {"problem 2", {0.01, 0.9, 0.9, 0.999, 1e-8, 2.385, -1.5, 40, 2}, SLOPE_OK},
    {"eps 0", {0.01, 0.9, 0.9, 0.999, 0.0, 2.385, -1.5, 40, 1}, SLOPE_OK},
};

START_TEST(test_race_bad_settings)
{
    FILE *fp = scratch();
    slope_status got = race_table_print(fp, &race_bad[_i].s, NULL, NULL);
    fclose(fp);
    ck_assert_msg(got == race_bad[_i].want, "%s: status %d, want %d", race_bad[_i].what, got,
                  race_bad[_i].want);
}
END_TEST

START_TEST(test_race_unwritable)
{
    race_settings st = RACE_BASE;
    FILE *fp = unwritable();
    ck_assert_int_eq(race_table_print(fp, &st, NULL, NULL), SLOPE_EDOM);
    fclose(fp);
}
END_TEST

#if !UNDER_ASAN
/* 2^24 steps: 2 (K + 1) doubles of trajectory are 256 MiB, past SPARE */
static slope_status race_huge(FILE *out)
{
    race_settings st = RACE_BASE;
    st.steps = 1 << 24;
    return race_table_print(out, &st, NULL, NULL);
}

START_TEST(test_race_out_of_memory)
{
    ck_assert_int_eq(status_with_little_memory(race_huge), SLOPE_ENOMEM);
}
END_TEST
#endif

/* ==== 07 xor ==================================================================== */

/* numpy's W1 (2 x 4) then W2 (4 x 1) for random seed 0 (mlp/xor_init.txt) */
static double *numpy_xor_weights(void)
{
    size_t n;
    double *w = test_read_doubles("mlp/xor_init.txt", &n);
    ck_assert_uint_eq(n, 3 * 4);
    return w;
}

START_TEST(test_xor_weights_numpy)
{
    config c = {0.5, 3000, 4, 0};
    double w1[8], w2[4], *want = numpy_xor_weights();
    draw_weights(w1, w2, &c);
    for (int i = 0; i < 8; i++)
        ck_assert_double_eq(w1[i], want[i]);
    for (int i = 0; i < 4; i++)
        ck_assert_double_eq(w2[i], want[8 + i]);
    free(want);
}
END_TEST

START_TEST(test_xor_net_init_bounds)
{
    slope_mlp_net net;
    const int bad[] = {0, -1, XOR_MAX_HIDDEN + 1}, good[] = {1, XOR_MAX_HIDDEN};
    for (int i = 0; i < 3; i++) {
        config c = {0.5, 3000, bad[i], 0};
        ck_assert_int_eq(xor_net_init(&net, &c), SLOPE_EINVAL);
    }
    for (int i = 0; i < 2; i++) {
        config c = {0.5, 3000, good[i], 0};
        ck_assert_int_eq(xor_net_init(&net, &c), SLOPE_OK);
        ck_assert_uint_eq(net.shape.hidden, (size_t)good[i]);
        slope_mlp_free(&net);
    }
}
END_TEST

START_TEST(test_xor_milestone_ends)
{
    /* the table starts with the untrained loss and ends with the last epoch */
    ck_assert_int_eq(xor_milestone(0, 3000), 1);
    ck_assert_int_eq(xor_milestone(2999, 3000), 1);
    ck_assert_int_eq(xor_milestone(6, 7), 1);
    ck_assert_int_eq(xor_milestone(2998, 3000), 0);
}
END_TEST

START_TEST(test_xor_print_array)
{
    char text[128] = {0};
    FILE *fp = scratch();
    /* numpy: str(np.array([0.5, 1.25])); then scientific, each as %+.6e */
    ck_assert_int_eq(xor_print_array(fp, "a2:", (const double[]){0.5, 1.25}, 1, 2), SLOPE_OK);
    ck_assert_int_eq(xor_print_array(fp, "", (const double[]){1e-5, 2.385}, 1, 2), SLOPE_OK);
    rewind(fp);
    ck_assert_uint_gt(fread(text, 1, sizeof text - 1, fp), 0);
    fclose(fp);
    ck_assert_str_eq(text, "a2:\n[0.5  1.25]\n +1.000000e-05 +2.385000e+00\n");
    fp = unwritable();
    ck_assert_int_eq(xor_print_array(fp, "a2:", (const double[]){0.5, 1.25}, 1, 2), SLOPE_EDOM);
    fclose(fp);
}
END_TEST

static double sigmoid(double z)
{
    return 1 / (1 + exp(-z));
}

START_TEST(test_xor_table_forward)
{
    /* After the table net->a2 holds the network's own outputs, here of the
     * untrained seed-0 network: a2 = sigmoid(sum_h W2[h] sigmoid(x . W1[:, h]))
     * with zero biases, computed from numpy's weights.  Different but
     * equivalent roundings of exp stay within a few ulps. */
    config c = {0.5, 3, 4, 0};
    slope_mlp_net net;
    const double losses[3] = {0.2617, 0.2593, 0.2571}; /* printed only */
    ck_assert_int_eq(xor_net_init(&net, &c), SLOPE_OK);
    FILE *fp = scratch();
    ck_assert_int_eq(xor_training_table(fp, &net, losses, &c), SLOPE_OK);
    ck_assert_int_gt(written(fp), 0);
    fclose(fp);
    double *w = numpy_xor_weights();
    for (int r = 0; r < XOR_ROWS; r++) {
        double x0 = slope_mlp_xor_x[2 * r], x1 = slope_mlp_xor_x[2 * r + 1], z2 = 0;
        for (int h = 0; h < 4; h++)
            z2 += w[8 + h] * sigmoid(x0 * w[h] + x1 * w[4 + h]);
        ck_assert_rel(net.a2[r], sigmoid(z2), 16 * DBL_EPSILON);
    }
    free(w);
    slope_mlp_free(&net);
}
END_TEST

START_TEST(test_xor_table_errors)
{
    config c = {0.5, 3, 4, 0};
    slope_mlp_net net;
    const double losses[3] = {0.2617, 0.2593, 0.2571};
    ck_assert_int_eq(xor_net_init(&net, &c), SLOPE_OK);
    FILE *fp = scratch();
    config none = {0.5, 0, 4, 0}, one = {0.5, 1, 4, 0};
    ck_assert_int_eq(xor_training_table(fp, &net, losses, &none), SLOPE_EINVAL);
    ck_assert_int_eq(written(fp), 0);
    ck_assert_int_eq(xor_training_table(fp, &net, losses, &one), SLOPE_OK);
    /* the forward pass fails: a NaN weight makes the loss NaN */
    net.w1[0] = NAN;
    ck_assert_int_eq(xor_training_table(fp, &net, losses, &c), SLOPE_EDIVERGED);
    fclose(fp);
    net.w1[0] = 0.5;
    fp = unwritable();
    ck_assert_int_eq(xor_training_table(fp, &net, losses, &c), SLOPE_EDOM);
    fclose(fp);
    slope_mlp_free(&net);
}
END_TEST

/* ==== 08 rates ================================================================== */

START_TEST(test_rates_losses_by_hand)
{
    /* A = [[2.5, 0.5], [0.5, 1.5]], x = (1.5, -2): A x = (2.75, -2.25),
     * 0.5 x . A x = 0.5 (4.125 + 4.5) */
    quadratic q = {{2.5, 0.5, 0.5, 1.5}};
    double x[2] = {1.5, -2.0}, g[2];
    quad_grad(g, x, 2, &q);
    ck_assert_double_eq(g[0], 2.75);
    ck_assert_double_eq(g[1], -2.25);
    ck_assert_double_eq(quad_f(x, 2, &q), 4.3125);
    /* r = 1 at (0.6, 0.8): r^4 / (1 + r^2) = 1/2, gradient (2 - 2/4) x */
    double u[2] = {0.6, 0.8};
    ck_assert_rel(flat(u, 2, NULL), 0.5, 4 * DBL_EPSILON);
    flat_grad(g, u, 2, NULL);
    ck_assert_rel(g[0], 0.9, 4 * DBL_EPSILON);
    ck_assert_rel(g[1], 1.2, 4 * DBL_EPSILON);
    /* sin(pi/6) + 2^2/20 = 0.7, gradient (cos(pi/6), 2/10) = (sqrt(3)/2, 0.2) */
    double p[2] = {PI / 6, 2.0};
    ck_assert_rel(wave(p, 2, NULL), 0.7, 4 * DBL_EPSILON);
    wave_grad(g, p, 2, NULL);
    ck_assert_rel(g[0], sqrt(3.0) / 2, 4 * DBL_EPSILON);
    ck_assert_rel(g[1], 0.2, 4 * DBL_EPSILON);
}
END_TEST

/* On 0.5 x^T diag(1, kappa2) x with step 1/kappa2 (L = kappa2 >= 1), x2 is 0
 * after one step and x1 shrinks by 1 - 1/kappa2: ||x_j||^2 =
 * (1 - 1/kappa2)^(2j) x1^2 for j >= 1, and the bound is (1 - mu/L)^j r0^2. */
static void assert_strong_closed_form(const double *actual, const double *bound, double kappa2,
                                      const double x0[2], size_t k)
{
    double r0sq = x0[0] * x0[0] + x0[1] * x0[1], f = 1 - 1 / kappa2;
    ck_assert_rel(actual[0], r0sq, 4 * DBL_EPSILON);
    for (size_t j = 1; j <= k; j++) {
        double tol = 8 * (double)(j + 1) * DBL_EPSILON;
        ck_assert_rel(actual[j], pow(f, 2.0 * (double)j) * x0[0] * x0[0], tol);
        ck_assert_rel(bound[j], pow(f, (double)j) * r0sq, tol);
    }
}

START_TEST(test_rates_run_check_closed_form)
{
    rate_case c[3];
    quadratic q;
    rate_cases(c, &q, 4.0);
    ck_assert_double_eq(c[0].L, 2.5);
    ck_assert_double_eq(c[1].L, 4.0); /* the largest eigenvalue of diag(1, 4) */
    ck_assert_double_eq(c[1].mu, 1.0);
    ck_assert_double_eq(c[2].p.fstar, -1.0);
    const double x0[2] = {2.385, -1.5};
    double worst, actual[13], bound[13];
    ck_assert_int_eq(run_check(&worst, actual, bound, &c[1], x0, 1.0, 12), SLOPE_OK);
    assert_strong_closed_form(actual, bound, 4.0, x0, 12);
    ck_assert_double_le(worst, 1.0);
}
END_TEST

START_TEST(test_rates_run_check_errors)
{
    rate_case c[3];
    quadratic q;
    rate_cases(c, &q, 4.0);
    const double x0[2] = {2.385, -1.5};
    double worst, actual[13], bound[13];
    ck_assert_int_eq(run_check(&worst, actual, bound, &c[1], x0, 0.0, 12), SLOPE_EINVAL);
    ck_assert_int_eq(run_check(&worst, actual, bound, &c[1], x0, 1.0, 0), SLOPE_EINVAL);
    ck_assert_int_eq(run_check(&worst, actual, bound, &c[1], (const double[]){NAN, 1}, 1.0, 12),
                     SLOPE_EDOM);
    /* step 1e300/L: the first step lands near 1e300, the second overflows */
    ck_assert_int_eq(run_check(&worst, actual, bound, &c[1], x0, 1e300, 12), SLOPE_EDIVERGED);
    /* just past step <= 0: 4 DBL_TRUE_MIN times 1/L = 1/4 is the smallest step */
    ck_assert_int_eq(run_check(&worst, actual, bound, &c[1], x0, 4 * DBL_TRUE_MIN, 1), SLOPE_OK);
}
END_TEST

START_TEST(test_rates_runs)
{
    rate_options o = {2.385, -1.5, 4.0, 1.0, 12};
    rate_case c[3];
    quadratic q;
    double worst[3], *buf;
    ck_assert_int_eq(rate_runs(&buf, worst, c, &q, &o), SLOPE_OK);
    /* problem 1 (strongly convex): measured at 2(K+1), bound at 3(K+1) */
    const double x0[2] = {2.385, -1.5};
    assert_strong_closed_form(buf + 2 * 13, buf + 3 * 13, 4.0, x0, 12);
    free(buf);
}
END_TEST

START_TEST(test_rates_runs_errors)
{
    rate_case c[3];
    quadratic q;
    static double sentinel;
    double worst[3], *buf = &sentinel;
    const int bad_steps[] = {0, -1, -2};
    for (int i = 0; i < 3; i++) {
        rate_options o = {2.385, -1.5, 4.0, 1.0, bad_steps[i]};
        ck_assert_int_eq(rate_runs(&buf, worst, c, &q, &o), SLOPE_EINVAL);
        ck_assert_ptr_null(buf);
    }
    rate_options o = {2.385, -1.5, 4.0, 1.0, 1};
    ck_assert_int_eq(rate_runs(&buf, worst, c, &q, &o), SLOPE_OK);
    free(buf);
    o.step_factor = 0; /* the first check's status */
    ck_assert_int_eq(rate_runs(&buf, worst, c, &q, &o), SLOPE_EINVAL);
    free(buf);
    o = (rate_options){NAN, -1.5, 4.0, 1.0, 12};
    ck_assert_int_eq(rate_runs(&buf, worst, c, &q, &o), SLOPE_EDOM);
    free(buf);
}
END_TEST

START_TEST(test_rates_table_errors)
{
    rate_options ok = {2.385, -1.5, 4.0, 1.0, 12}, none = {2.385, -1.5, 4.0, 1.0, 0},
                 nan = {2.385, NAN, 4.0, 1.0, 12};
    FILE *fp = scratch();
    ck_assert_int_eq(rate_check_table_print(fp, &none), SLOPE_EINVAL);
    ck_assert_int_eq(rate_check_table_print(fp, &nan), SLOPE_EDOM);
    ck_assert_int_eq(written(fp), 0);
    ck_assert_int_eq(rate_check_table_print(fp, &ok), SLOPE_OK);
    ck_assert_int_gt(written(fp), 0);
    fclose(fp);
    fp = unwritable();
    ck_assert_int_eq(rate_check_table_print(fp, &ok), SLOPE_EDOM);
    fclose(fp);
}
END_TEST

#if !UNDER_ASAN
/* 2^24 steps: 6 (K + 1) doubles are 768 MiB, past SPARE */
static slope_status rates_huge_runs(FILE *out)
{
    rate_options o = {2.385, -1.5, 4.0, 1.0, 1 << 24};
    rate_case c[3];
    quadratic q;
    double worst[3], *buf;
    (void)out;
    slope_status s = rate_runs(&buf, worst, c, &q, &o);
    if (s == SLOPE_ENOMEM && buf != NULL)
        return SLOPE_OK; /* *buf must be NULL then */
    free(buf);
    return s;
}

static slope_status rates_huge_table(FILE *out)
{
    rate_options o = {2.385, -1.5, 4.0, 1.0, 1 << 24};
    return rate_check_table_print(out, &o);
}

START_TEST(test_rates_out_of_memory)
{
    ck_assert_int_eq(status_with_little_memory(rates_huge_runs), SLOPE_ENOMEM);
    ck_assert_int_eq(status_with_little_memory(rates_huge_table), SLOPE_ENOMEM);
}
END_TEST
#endif

/* ==== 09 roc ==================================================================== */

START_TEST(test_roc_scores_numpy)
{
    /* numpy, seed 42: scores = beta(5, 2, 100), labels = scores + normal(0,
     * 0.3, 100) > 0.5; rng/e2e_roc.txt holds score, noise, label per row */
    size_t n;
    double *g = test_read_doubles("rng/e2e_roc.txt", &n), scores[N_SCORES];
    int labels[N_SCORES];
    ck_assert_uint_eq(n, 3 * N_SCORES);
    draw_scores(scores, labels, 42);
    for (int i = 0; i < N_SCORES; i++) {
        ck_assert_double_eq(scores[i], g[3 * i]);
        ck_assert_int_eq(labels[i], (int)g[3 * i + 2]);
    }
    free(g);
}
END_TEST

START_TEST(test_roc_linspace_and_pairs)
{
    double t[5];
    roc_linspace01(t, 5);
    for (int i = 0; i < 5; i++)
        ck_assert_double_eq(t[i], 0.25 * i);
    roc_linspace01(t, 2);
    ck_assert_double_eq(t[0], 0);
    ck_assert_double_eq(t[1], 1);
    /* positives 0.9, 0.4 against negatives 0.4, 0.2: 0.9 wins twice, 0.4
     * ties once and wins once: 3.5 of 4 pairs */
    const double s[4] = {0.9, 0.4, 0.4, 0.2};
    ck_assert_double_eq(pair_fraction(s, (const int[]){1, 1, 0, 0}, 4), 0.875);
    ck_assert(isnan(pair_fraction(s, (const int[]){1, 1, 1, 1}, 4)));
    ck_assert(isnan(pair_fraction(s, (const int[]){0, 0, 0, 0}, 4)));
}
END_TEST

/* 50 negatives at 0.15 and 50 positives at 0.85: on linspace(0, 1, 11) the
 * grid reaches (1, 1) for t <= 0.1, (0, 1) for 0.2 <= t <= 0.8 and (0, 0)
 * for t >= 0.9: three distinct points and an area of exactly 1. */
static void separable(double *scores, int *labels)
{
    for (int i = 0; i < N_SCORES; i++) {
        labels[i] = i % 2;
        scores[i] = labels[i] ? 0.85 : 0.15;
    }
}

START_TEST(test_roc_grid_separable)
{
    double scores[N_SCORES], t[11], fpr[11], tpr[11], auc;
    int labels[N_SCORES], distinct;
    separable(scores, labels);
    ck_assert_int_eq(roc_grid_auc(&auc, &distinct, t, fpr, tpr, scores, labels, 11), SLOPE_OK);
    ck_assert_double_eq(auc, 1.0);
    ck_assert_int_eq(distinct, 3);
}
END_TEST

START_TEST(test_roc_grid_errors)
{
    /* t inside a larger array: nothing may be written around it (or in it) */
    double scores[N_SCORES], around[4] = {-1, -1, -1, -1}, *t = around + 1, fpr[2], tpr[2], auc;
    int labels[N_SCORES], distinct;
    separable(scores, labels);
    ck_assert_int_eq(roc_grid_auc(&auc, &distinct, t, fpr, tpr, scores, labels, 1), SLOPE_EINVAL);
    ck_assert_int_eq(roc_grid_auc(&auc, &distinct, t, fpr, tpr, scores, labels, 0), SLOPE_EINVAL);
    for (int i = 0; i < 4; i++)
        ck_assert_double_eq(around[i], -1);
    ck_assert_int_eq(roc_grid_auc(&auc, &distinct, t, fpr, tpr, scores, labels, 2), SLOPE_OK);
    /* statuses of slope_auc_grid: a NaN score, a single class */
    scores[7] = NAN;
    ck_assert_int_eq(roc_grid_auc(&auc, &distinct, t, fpr, tpr, scores, labels, 2), SLOPE_EDOM);
    separable(scores, labels);
    for (int i = 0; i < N_SCORES; i++)
        labels[i] = 1;
    ck_assert_int_eq(roc_grid_auc(&auc, &distinct, t, fpr, tpr, scores, labels, 2),
                     SLOPE_ESINGLECLASS);
}
END_TEST

START_TEST(test_roc_table)
{
    /* The exact AUC (Mann-Whitney, lib/auc.c) equals the fraction of pairs
     * ranked right counted one by one (pair_fraction), and the trapezoid
     * rule over the exact curve, ending at (1, 1), gives it too. */
    static roc_result r;
    double scores[N_SCORES], t[101], gf[101], gt[101];
    int labels[N_SCORES];
    draw_scores(scores, labels, 42);
    FILE *fp = scratch();
    ck_assert_int_eq(roc_auc_table_print(fp, &r, t, gf, gt, scores, labels, 101, 42), SLOPE_OK);
    ck_assert_int_gt(written(fp), 0);
    fclose(fp);
    ck_assert_rel(r.exact, pair_fraction(scores, labels, N_SCORES), 4 * DBL_EPSILON);
    ck_assert_rel(slope_integrate_trapz(r.tpr, r.fpr, r.np), r.exact, 16 * DBL_EPSILON);
    ck_assert_double_eq(r.fpr[r.np - 1], 1.0);
    ck_assert_double_eq(r.tpr[r.np - 1], 1.0);

    /* the errors: nt = 1 before anything is printed, nt = 2 just past it,
     * and a stream that fails */
    fp = scratch();
    ck_assert_int_eq(roc_auc_table_print(fp, &r, t, gf, gt, scores, labels, 1, 42), SLOPE_EINVAL);
    ck_assert_int_eq(written(fp), 0);
    ck_assert_int_eq(roc_auc_table_print(fp, &r, t, gf, gt, scores, labels, 2, 42), SLOPE_OK);
    fclose(fp);
    fp = unwritable();
    ck_assert_int_eq(roc_auc_table_print(fp, &r, t, gf, gt, scores, labels, 101, 42), SLOPE_EDOM);
    fclose(fp);
}
END_TEST

Suite *make_chapters_suite(void)
{
    Suite *s = suite_create("chapters");
    TCase *tc = tcase_create("arrows");
    tcase_add_test(tc, test_arrows_bowl_by_hand);
    tcase_add_test(tc, test_arrows_table);
    tcase_add_test(tc, test_arrows_errors);
    suite_add_tcase(s, tc);

    tc = tcase_create("shape");
    tcase_add_test(tc, test_shape_quad_and_sign_rule);
    tcase_add_test(tc, test_shape_classify_at_tol);
    tcase_add_test(tc, test_shape_npstr);
    tcase_add_test(tc, test_shape_npstr_errors);
    tcase_add_test(tc, test_shape_hessian_table);
    tcase_add_loop_test(tc, test_shape_hessian_bad_h, 0, (int)(sizeof bad_h / sizeof *bad_h));
    tcase_add_test(tc, test_shape_hessian_errors);
    suite_add_tcase(s, tc);

    tc = tcase_create("downhill");
    tcase_add_test(tc, test_downhill_parabola_by_hand);
    tcase_add_test(tc, test_downhill_descent_closed_form);
    tcase_add_test(tc, test_downhill_descent_diverges);
    tcase_add_loop_test(tc, test_downhill_bad_lr, 0, (int)(sizeof bad_lr / sizeof *bad_lr));
    tcase_add_test(tc, test_downhill_errors);
    suite_add_tcase(s, tc);

    tc = tcase_create("race");
    tcase_add_test(tc, test_race_losses_by_hand);
    tcase_add_test(tc, test_race_sgd_closed_form);
    tcase_add_test(tc, test_race_diverged_run_reads_zero);
    tcase_add_loop_test(tc, test_race_bad_settings, 0, (int)(sizeof race_bad / sizeof *race_bad));
    tcase_add_test(tc, test_race_unwritable);
#if !UNDER_ASAN
    tcase_add_test(tc, test_race_out_of_memory);
#endif
    suite_add_tcase(s, tc);

    tc = tcase_create("xor");
    tcase_add_test(tc, test_xor_weights_numpy);
    tcase_add_test(tc, test_xor_net_init_bounds);
    tcase_add_test(tc, test_xor_milestone_ends);
    tcase_add_test(tc, test_xor_print_array);
    tcase_add_test(tc, test_xor_table_forward);
    tcase_add_test(tc, test_xor_table_errors);
    suite_add_tcase(s, tc);

    tc = tcase_create("rates");
    tcase_add_test(tc, test_rates_losses_by_hand);
    tcase_add_test(tc, test_rates_run_check_closed_form);
    tcase_add_test(tc, test_rates_run_check_errors);
    tcase_add_test(tc, test_rates_runs);
    tcase_add_test(tc, test_rates_runs_errors);
    tcase_add_test(tc, test_rates_table_errors);
#if !UNDER_ASAN
    tcase_add_test(tc, test_rates_out_of_memory);
#endif
    suite_add_tcase(s, tc);

    tc = tcase_create("roc");
    tcase_add_test(tc, test_roc_scores_numpy);
    tcase_add_test(tc, test_roc_linspace_and_pairs);
    tcase_add_test(tc, test_roc_grid_separable);
    tcase_add_test(tc, test_roc_grid_errors);
    tcase_add_test(tc, test_roc_table);
    suite_add_tcase(s, tc);
    return s;
}
