/*
 * proc.c -- fork a child into its own process group, feed it nothing, and
 * read its two channels under a deadline.  See proc.h.
 */
#define _GNU_SOURCE
#include "proc.h"
#include "frame.h"

#include <errno.h>
#include <stdint.h>
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

void (*proc_on_child)(int pid, int alive);

static void tell(int pid, int alive)
{
    if (proc_on_child != NULL)
        proc_on_child(pid, alive);
}

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
 * PROC_RESULT_FD, commands (when cmd_r >= 0) on PROC_CMD_FD, every other
 * descriptor closed. */
static void child_setup(int out_w, int res_w, int cmd_r, const char *dir, pid_t parent)
{
    setpgid(0, 0);
    /* A grader stopped by Ctrl-C or kill takes its child with it. */
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent)
        _exit(125);
    /* Out of the way first, so no dup2 below clobbers a source. */
    out_w = fcntl(out_w, F_DUPFD, 10);
    res_w = fcntl(res_w, F_DUPFD, 10);
    cmd_r = cmd_r >= 0 ? fcntl(cmd_r, F_DUPFD, 10) : -1;
    int null = open("/dev/null", O_RDONLY);
    if (null < 0 || out_w < 0 || res_w < 0 || dup2(null, 0) < 0 || dup2(out_w, 1) < 0 ||
        dup2(out_w, 2) < 0 || dup2(res_w, PROC_RESULT_FD) < 0)
        _exit(125);
    if (cmd_r >= 0 && dup2(cmd_r, PROC_CMD_FD) < 0)
        _exit(125);
    syscall(SYS_close_range, cmd_r >= 0 ? PROC_CMD_FD + 1 : PROC_RESULT_FD + 1, ~0U, 0);
    if (dir != NULL && chdir(dir) < 0)
        _exit(125);
    signal(SIGPIPE, SIG_DFL);
    signal(SIGINT, SIG_DFL);
    signal(SIGTERM, SIG_DFL);
}

static void close_fd(int *fd)
{
    if (*fd >= 0)
        close(*fd);
    *fd = -1;
}

static int drain(int fd, sink *s)
{
    char buf[65536];
    ssize_t n = read(fd, buf, sizeof buf);
    if (n < 0)
        return errno == EINTR || errno == EAGAIN ? 1 : 0;
    if (n == 0)
        return 0;
    sink_add(s, buf, (size_t)n);
    return 1;
}

/* Parent side: read both pipes until the results pipe closes (and the
 * output pipe too, unless `res_only`) or the deadline passes, then kill the
 * group; nothing the child writes moves the deadline. */
static void collect(proc_child *c, int res_only)
{
    sink *out = c->out, *res = c->res;
    while (c->res_r >= 0 || (!res_only && c->out_r >= 0)) {
        double left = c->deadline - proc_now_ms();
        if (left <= 0) {
            c->timed_out = 1;
            kill(-c->pid, SIGKILL);
            break;
        }
        struct pollfd fds[2] = { { c->out_r, POLLIN, 0 }, { c->res_r, POLLIN, 0 } };
        int n = poll(fds, 2, (int)left + 1);
        if (n < 0 && errno != EINTR)
            break;
        if (n > 0 && fds[0].revents && !drain(c->out_r, out))
            close_fd(&c->out_r);
        if (n > 0 && fds[1].revents && !drain(c->res_r, res))
            close_fd(&c->res_r);
    }
}

int proc_start(proc_child *c, const char *dir, double timeout_s, size_t out_cap, size_t res_cap,
               proc_child_fn fn, void *arg)
{
    memset(c, 0, sizeof *c);
    c->out_r = c->res_r = -1;
    c->out = calloc(1, sizeof(sink));
    c->res = calloc(1, sizeof(sink));
    int outp[2] = { -1, -1 }, resp[2] = { -1, -1 };
    if (c->out == NULL || c->res == NULL || pipe2(outp, O_CLOEXEC) < 0 || pipe2(resp, O_CLOEXEC) < 0) {
        int e = c->out == NULL || c->res == NULL ? ENOMEM : errno;
        for (int i = 0; i < 2; i++)
            close_fd(&outp[i]), close_fd(&resp[i]);
        free(c->out), free(c->res);
        c->out = c->res = NULL;
        errno = e;
        return -1;
    }
    ((sink *)c->out)->limit = out_cap;
    ((sink *)c->res)->limit = res_cap;
    c->t0 = proc_now_ms();
    c->deadline = c->t0 + timeout_s * 1e3;
    fflush(NULL);  /* nothing buffered in the parent is written twice */
    pid_t parent = getpid();
    pid_t pid = fork();
    if (pid == 0) {
        child_setup(outp[1], resp[1], -1, dir, parent);
        int rc = fn(arg);
        fflush(NULL);
        _exit(rc);
    }
    close_fd(&outp[1]), close_fd(&resp[1]);
    if (pid < 0) {
        int e = errno;
        close_fd(&outp[0]), close_fd(&resp[0]);
        free(c->out), free(c->res);
        c->out = c->res = NULL;
        errno = e;
        return -1;
    }
    setpgid(pid, pid);  /* also here: no race with an early kill(-pid) */
    tell(pid, 1);
    c->pid = pid;
    c->out_r = outp[0], c->res_r = resp[0];
    return 0;
}

void proc_settle(proc_child *c)
{
    if (c->pid > 0)
        collect(c, 1);
}

void proc_wait(proc_child *c, proc_result *r)
{
    memset(r, 0, sizeof *r);
    collect(c, 0);
    close_fd(&c->out_r), close_fd(&c->res_r);
    struct rusage ru;
    while (wait4(c->pid, &r->status, 0, &ru) < 0 && errno == EINTR)
        ;
    kill(-c->pid, SIGKILL);  /* anything the child left behind in its group */
    tell(c->pid, 0);
    sink *out = c->out, *res = c->res;
    r->timed_out = c->timed_out;
    r->wall_ms = proc_now_ms() - c->t0;
    r->maxrss_kb = ru.ru_maxrss;
    r->out = out->buf ? out->buf : calloc(1, 1);
    r->out_len = out->len;
    r->out_total = out->total;
    r->res = res->buf ? res->buf : calloc(1, 1);
    r->res_len = res->len;
    free(c->out), free(c->res);
    c->out = c->res = NULL;
    c->pid = 0;
}

void proc_free(proc_result *r)
{
    free(r->out);
    free(r->res);
    r->out = r->res = NULL;
}

/* ---- a session with slope-run ------------------------------------------------ */

int proc_session_start(proc_session *s, const char *dir, const char *exe, char *const argv[],
                       char *const envp[], size_t out_cap, size_t frame_cap, size_t total_cap)
{
    memset(s, 0, sizeof *s);
    s->out_r = s->res_r = s->cmd_w = -1;
    int outp[2] = { -1, -1 }, resp[2] = { -1, -1 }, cmdp[2] = { -1, -1 };
    if (pipe2(outp, O_CLOEXEC) < 0 || pipe2(resp, O_CLOEXEC) < 0 || pipe2(cmdp, O_CLOEXEC) < 0) {
        int e = errno;
        for (int i = 0; i < 2; i++)
            close_fd(&outp[i]), close_fd(&resp[i]), close_fd(&cmdp[i]);
        errno = e;
        return -1;
    }
    s->buf = malloc(FRAME_HDR + frame_cap + 1);
    s->t0 = proc_now_ms();
    fflush(NULL);
    pid_t parent = getpid();
    pid_t pid = s->buf == NULL ? -1 : fork();
    if (pid == 0) {
        child_setup(outp[1], resp[1], cmdp[0], dir, parent);
        /* By descriptor: the kernel then records "/dev/fd/N" as the path
         * the program was started by, not exe, and nothing on the new
         * program's stack names the folder it was installed in. */
        int fd = open(exe, O_RDONLY | O_CLOEXEC);
        if (fd >= 0)
            fexecve(fd, argv, envp);
        fprintf(stderr, "cannot run %s: %s\n", exe, strerror(errno));
        _exit(127);
    }
    close_fd(&outp[1]), close_fd(&resp[1]), close_fd(&cmdp[0]);
    if (pid < 0) {
        int e = s->buf == NULL ? ENOMEM : errno;
        close_fd(&outp[0]), close_fd(&resp[0]), close_fd(&cmdp[1]);
        free(s->buf);
        s->buf = NULL;
        errno = e;
        return -1;
    }
    setpgid(pid, pid);  /* also here: no race with an early kill(-pid) */
    tell(pid, 1);
    s->pid = pid;
    s->out_r = outp[0], s->res_r = resp[0], s->cmd_w = cmdp[1];
    s->frame_cap = frame_cap, s->total_cap = total_cap;
    s->out = calloc(1, sizeof(sink));
    if (s->out == NULL) {
        proc_session_end(s, 0, NULL);
        errno = ENOMEM;
        return -1;
    }
    ((sink *)s->out)->limit = out_cap;
    return 0;
}

static uint32_t le32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* A whole frame at the front of the buffer: 1 (and its parts), 0 not yet,
 * PROC_FRAME_BAD when its header announces more than frame_cap. */
static int frame_ready(proc_session *s, int *tag, const char **payload, size_t *n)
{
    if (s->len < FRAME_HDR)
        return 0;
    size_t want = le32(s->buf + 1);
    if (want > s->frame_cap)
        return PROC_FRAME_BAD;
    if (s->len < FRAME_HDR + want)
        return 0;
    *tag = s->buf[0];
    *payload = (const char *)s->buf + FRAME_HDR;
    *n = want;
    s->taken = FRAME_HDR + want;
    return 1;
}

int proc_session_recv(proc_session *s, double deadline_ms, int *tag, const char **payload, size_t *n)
{
    if (s->taken > 0) {  /* the frame returned last time is consumed now */
        memmove(s->buf, s->buf + s->taken, s->len - s->taken);
        s->len -= s->taken;
        s->taken = 0;
    }
    for (;;) {
        int ready = frame_ready(s, tag, payload, n);
        if (ready != 0)
            return ready;
        if (s->res_r < 0)
            return PROC_FRAME_EOF;
        double left = deadline_ms - proc_now_ms();
        if (left <= 0)
            return PROC_FRAME_TIMEOUT;
        struct pollfd fds[2] = { { s->out_r, POLLIN, 0 }, { s->res_r, POLLIN, 0 } };
        int np = poll(fds, 2, (int)left + 1);
        if (np < 0 && errno != EINTR)
            return PROC_FRAME_EOF;
        if (np <= 0)
            continue;
        if (fds[0].revents && s->out_r >= 0 && !drain(s->out_r, s->out))
            close_fd(&s->out_r);
        if (fds[1].revents) {
            /* Never more than one frame's worth, never more than the total. */
            size_t room = FRAME_HDR + s->frame_cap - s->len;
            ssize_t r = read(s->res_r, s->buf + s->len, room);
            if (r < 0 && (errno == EINTR || errno == EAGAIN))
                continue;
            if (r <= 0) {
                close_fd(&s->res_r);
                continue;
            }
            s->len += (size_t)r;
            s->total += (size_t)r;
            if (s->total > s->total_cap)
                return PROC_FRAME_BAD;
        }
    }
}

size_t proc_session_out_total(proc_session *s)
{
    sink *out = s->out;
    /* A pipe holds at most 1 MiB (pipe-max-size): 64 reads of 64 KiB empty
     * it, and a writer that never stops cannot keep the grader here. */
    for (int i = 0; i < 64 && s->out_r >= 0 && out != NULL; i++) {
        struct pollfd p = { s->out_r, POLLIN, 0 };
        if (poll(&p, 1, 0) <= 0 || p.revents == 0)
            break;
        if (!drain(s->out_r, out))
            close_fd(&s->out_r);
    }
    return out != NULL ? out->total : 0;
}

int proc_session_send(proc_session *s, unsigned k)
{
    unsigned char b[4] = { (unsigned char)k, (unsigned char)(k >> 8), (unsigned char)(k >> 16),
                           (unsigned char)(k >> 24) };
    return s->cmd_w >= 0 && write(s->cmd_w, b, sizeof b) == (ssize_t)sizeof b ? 0 : -1;
}

/* Reap pid if it exits by deadline_ms; its pid, or 0 if it has not.  With
 * its stdout closed, a child is past running code but may still be
 * exiting (its memory, its namespaces): a pidfd wakes us the moment it is
 * done, where polling in steps would add up to a step to every grading. */
static pid_t reap_by(pid_t pid, double deadline_ms, int *st, struct rusage *ru)
{
    pid_t w;
    while ((w = wait4(pid, st, WNOHANG, ru)) < 0 && errno == EINTR)
        ;
    if (w != 0)
        return w;
    int pfd = (int)syscall(SYS_pidfd_open, pid, 0);
    while (w == 0) {
        double left = deadline_ms - proc_now_ms();
        if (left <= 0)
            break;
        if (pfd >= 0) {
            struct pollfd p = { pfd, POLLIN, 0 };
            (void)poll(&p, 1, (int)left + 1);
        } else {
            usleep(1000);  /* a kernel without pidfds (before 5.3) */
        }
        while ((w = wait4(pid, st, WNOHANG, ru)) < 0 && errno == EINTR)
            ;
    }
    if (pfd >= 0)
        close(pfd);
    return w;
}

/* Let the child exit on its own for grace_ms (reading its output
 * meanwhile), then kill its group; fill r (when not NULL) and free s. */
void proc_session_end(proc_session *s, double grace_ms, proc_result *r)
{
    close_fd(&s->cmd_w);
    close_fd(&s->res_r);
    sink *out = s->out;
    int st = 0, killed = 0;
    struct rusage ru;
    memset(&ru, 0, sizeof ru);
    if (s->pid > 0) {
        double deadline = proc_now_ms() + grace_ms;
        while (s->out_r >= 0 && out != NULL) {
            double left = deadline - proc_now_ms();
            if (left <= 0)
                break;
            struct pollfd p = { s->out_r, POLLIN, 0 };
            if (poll(&p, 1, (int)left + 1) > 0 && !drain(s->out_r, out))
                close_fd(&s->out_r);
        }
        pid_t w = reap_by(s->pid, deadline, &st, &ru);
        if (w == 0) {
            kill(-s->pid, SIGKILL);
            killed = 1;
            while (wait4(s->pid, &st, 0, &ru) < 0 && errno == EINTR)
                ;
        }
        kill(-s->pid, SIGKILL);  /* anything it left behind in its group */
        tell(s->pid, 0);
    }
    close_fd(&s->out_r);
    if (r != NULL) {
        memset(r, 0, sizeof *r);
        r->status = st;
        r->timed_out = killed;
        r->maxrss_kb = ru.ru_maxrss;
        r->wall_ms = proc_now_ms() - s->t0;
        r->out = out && out->buf ? out->buf : calloc(1, 1);
        r->out_len = out ? out->len : 0;
        r->out_total = out ? out->total : 0;
        r->res = calloc(1, 1);
    } else if (out != NULL) {
        free(out->buf);
    }
    free(out);
    free(s->buf);
    s->out = NULL;
    s->buf = NULL;
    s->pid = 0;
}
