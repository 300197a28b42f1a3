/*
 * proc.h -- run one sandboxed child and collect what it says.
 *
 * The child gets its own process group (so a time-out kills everything it
 * started), /dev/null as stdin, and two channels back to the parent:
 *
 *   - its stdout and stderr, captured into one buffer capped at out_cap
 *     bytes (the rest is read and counted, never stored);
 *   - a results pipe on descriptor PROC_RESULT_FD.  Nothing the child
 *     writes moves a deadline: the caller sets each one.
 *
 * proc_start() forks a child function (the compiler) and proc_wait()
 * collects it, so the caller can start the runner in between; a session
 * (proc_session_*) execs slope-run and talks to it in frames (frame.h):
 * commands on PROC_CMD_FD, results read back at most frame_cap bytes per
 * frame and total_cap in all.
 *
 * The outcome follows isolate's small vocabulary: exited with a status,
 * killed by a signal, or timed out (the parent killed the group), with the
 * wall time and the peak resident memory.
 */
#ifndef SLOPE_GRADER_PROC_H
#define SLOPE_GRADER_PROC_H

#include <stddef.h>

#define PROC_RESULT_FD 3
#define PROC_CMD_FD 4

typedef struct {
    int status;        /* wait status (WIFEXITED, WTERMSIG, ...) */
    int timed_out;     /* the parent killed the group at the deadline */
    double wall_ms;
    long maxrss_kb;
    char *res;         /* results channel, NUL-terminated */
    size_t res_len;
    char *out;         /* captured stdout+stderr, NUL-terminated, capped */
    size_t out_len;
    size_t out_total;  /* bytes the child wrote, including those dropped */
} proc_result;

/* What the child does once its descriptors are in place.  It returns only
 * to exit: the value becomes the exit status (after fflush). */
typedef int (*proc_child_fn)(void *arg);

typedef struct {
    int pid;                   /* 0 once collected */
    int out_r, res_r;
    double t0, deadline;       /* proc_now_ms() at the fork, and when it is killed */
    int timed_out;
    void *out, *res;           /* what it wrote on each channel so far */
} proc_child;

/* Fork; in the child, set up the channels, chdir(dir) when dir is not NULL
 * and call fn(arg), while the caller goes on.  Returns 0, or -1 with errno
 * when the child could not be started.  Every started child must be
 * collected with proc_wait(). */
int proc_start(proc_child *c, const char *dir, double timeout_s, size_t out_cap, size_t res_cap,
               proc_child_fn fn, void *arg);

/* Read the child's channels until it closes its results channel (it exits,
 * or it closes the channel as it execs: the compiler's child does) or the
 * deadline passes.  A caller that waits here gives its processor to the
 * child, which starts at once instead of after whatever the caller does
 * next. */
void proc_settle(proc_child *c);

/* Collect until the child exits or timeout_s seconds after its start have
 * passed (then kill its group); fill r, to be freed with proc_free(). */
void proc_wait(proc_child *c, proc_result *r);

void proc_free(proc_result *r);

typedef struct {
    int pid;
    int out_r, res_r, cmd_w;
    void *out;                 /* the stdout+stderr sink */
    unsigned char *buf;        /* the frame being read */
    size_t len, taken, total, frame_cap, total_cap;
    double t0;
} proc_session;

/* What proc_session_recv() returns besides 1 (a frame). */
#define PROC_FRAME_TIMEOUT 0   /* the deadline passed first */
#define PROC_FRAME_EOF (-1)    /* the channel closed (the child exited?) */
#define PROC_FRAME_BAD (-2)    /* a frame over frame_cap, or over total_cap in all */

/* Fork and exec the program exe with argv and the environment envp, in dir
 * as proc_start's child does, with a command pipe on PROC_CMD_FD.  0, or
 * -1 with errno. */
int proc_session_start(proc_session *s, const char *dir, const char *exe, char *const argv[],
                       char *const envp[], size_t out_cap, size_t frame_cap, size_t total_cap);

/* Wait until a whole frame has arrived or deadline_ms (proc_now_ms()'s
 * clock) passes, capturing stdout+stderr meanwhile.  On 1, *tag, *payload
 * and *n describe the frame, valid until the next call. */
int proc_session_recv(proc_session *s, double deadline_ms, int *tag, const char **payload, size_t *n);

/* Read what the child has written on stdout+stderr so far, without
 * waiting, and return how many bytes it wrote since it started (kept or
 * dropped).  Called after a case's result frame, it counts everything the
 * case printed: the child flushes its output before it sends the frame. */
size_t proc_session_out_total(proc_session *s);

/* Send a command (a case number; 0 = stop).  0, or -1 when the child is gone. */
int proc_session_send(proc_session *s, unsigned k);

/* Give the child grace_ms to exit, then kill its group; reap it, fill r
 * (when not NULL; timed_out means "had to be killed") and free s. */
void proc_session_end(proc_session *s, double grace_ms, proc_result *r);

/* When set, called with (pid, 1) as a child's process group is created
 * and (pid, 0) once it has been reaped and its group killed (the grader's
 * guardian keeps the list; see main.c). */
extern void (*proc_on_child)(int pid, int alive);

/* Milliseconds on a monotonic clock. */
double proc_now_ms(void);

#endif
