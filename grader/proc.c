/*
 * proc.c -- fork a child into its own process group, feed it nothing, and
 * read its two channels under a deadline.  See proc.h.
 */
#define _GNU_SOURCE
#include "proc.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

double proc_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec * 1e-6;
}

typedef struct {
    char *buf;
    size_t len, cap, limit, total;
} sink;

/* Keep the first `limit` bytes; count them all. */
static void sink_add(sink *s, const char *p, size_t n)
{
    s->total += n;
    size_t room = s->limit > s->len ? s->limit - s->len : 0;
    size_t take = n < room ? n : room;
    if (take == 0)
        return;
    if (s->len + take + 1 > s->cap) {
        size_t cap = (s->len + take + 1) * 2;
        char *nb = realloc(s->buf, cap);
        if (nb == NULL)
            return;
        s->buf = nb;
        s->cap = cap;
    }
    memcpy(s->buf + s->len, p, take);
    s->len += take;
    s->buf[s->len] = '\0';
}

/* Child side: stdin from /dev/null, stdout+stderr into `out`, results on
 * PROC_RESULT_FD, every other descriptor closed. */
static void child_setup(int out_w, int res_w, const char *dir, pid_t parent)
{
    setpgid(0, 0);
    /* A grader stopped by Ctrl-C or kill takes its child with it. */
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent)
        _exit(125);
    int null = open("/dev/null", O_RDONLY);
    if (null >= 0 && null != 0) {
        dup2(null, 0);
        close(null);
    }
    dup2(out_w, 1);
    dup2(out_w, 2);
    if (res_w != PROC_RESULT_FD) {
        dup2(res_w, PROC_RESULT_FD);
    }
    syscall(SYS_close_range, PROC_RESULT_FD + 1, ~0U, 0);
    if (dir != NULL && chdir(dir) < 0)
        _exit(125);
    signal(SIGPIPE, SIG_DFL);
    signal(SIGINT, SIG_DFL);
    signal(SIGTERM, SIG_DFL);
}

static int drain(int fd, sink *s, int *newline)
{
    char buf[65536];
    ssize_t n = read(fd, buf, sizeof buf);
    if (n < 0)
        return errno == EINTR || errno == EAGAIN ? 1 : 0;
    if (n == 0)
        return 0;
    if (newline != NULL && memchr(buf, '\n', (size_t)n) != NULL)
        *newline = 1;
    sink_add(s, buf, (size_t)n);
    return 1;
}

/* Parent side: read both pipes until both close or the deadline passes. */
static int collect(proc_result *r, pid_t pid, int out_r, int res_r, double timeout_ms,
                   sink *out, sink *res)
{
    struct pollfd fds[2] = { { out_r, POLLIN, 0 }, { res_r, POLLIN, 0 } };
    double deadline = proc_now_ms() + timeout_ms;
    while (fds[0].fd >= 0 || fds[1].fd >= 0) {
        double left = deadline - proc_now_ms();
        if (left <= 0) {
            r->timed_out = 1;
            kill(-pid, SIGKILL);
            break;
        }
        int n = poll(fds, 2, (int)left + 1);
        if (n < 0 && errno != EINTR)
            return -1;
        for (int i = 0; i < 2 && n > 0; i++) {
            if (fds[i].fd < 0 || fds[i].revents == 0)
                continue;
            int nl = 0;
            if (!drain(fds[i].fd, i == 0 ? out : res, i == 1 ? &nl : NULL)) {
                close(fds[i].fd);
                fds[i].fd = -1;
            }
            if (nl)
                deadline = proc_now_ms() + timeout_ms;
        }
    }
    for (int i = 0; i < 2; i++)
        if (fds[i].fd >= 0)
            close(fds[i].fd);
    return 0;
}

int proc_run(proc_result *r, const char *dir, double timeout_s, size_t out_cap,
             size_t res_cap, proc_child_fn fn, void *arg)
{
    memset(r, 0, sizeof *r);
    int outp[2], resp[2];
    if (pipe2(outp, O_CLOEXEC) < 0)
        return -1;
    if (pipe2(resp, O_CLOEXEC) < 0) {
        close(outp[0]);
        close(outp[1]);
        return -1;
    }
    double t0 = proc_now_ms();
    fflush(NULL);  /* nothing buffered in the parent is written twice */
    pid_t parent = getpid();
    pid_t pid = fork();
    if (pid < 0) {
        int e = errno;
        close(outp[0]), close(outp[1]), close(resp[0]), close(resp[1]);
        errno = e;
        return -1;
    }
    if (pid == 0) {
        child_setup(outp[1], resp[1], dir, parent);
        int rc = fn(arg);
        fflush(NULL);
        _exit(rc);
    }
    setpgid(pid, pid);  /* also here: no race with an early kill(-pid) */
    close(outp[1]);
    close(resp[1]);
    sink out = { .limit = out_cap }, res = { .limit = res_cap };
    collect(r, pid, outp[0], resp[0], timeout_s * 1e3, &out, &res);
    struct rusage ru;
    while (wait4(pid, &r->status, 0, &ru) < 0 && errno == EINTR)
        ;
    kill(-pid, SIGKILL);  /* anything the child left behind in its group */
    r->wall_ms = proc_now_ms() - t0;
    r->maxrss_kb = ru.ru_maxrss;
    r->out = out.buf ? out.buf : calloc(1, 1);
    r->out_len = out.len;
    r->out_total = out.total;
    r->res = res.buf ? res.buf : calloc(1, 1);
    r->res_len = res.len;
    return 0;
}

void proc_free(proc_result *r)
{
    free(r->out);
    free(r->res);
    r->out = r->res = NULL;
}
