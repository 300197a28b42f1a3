/*
 * proc.h -- run one sandboxed child and collect what it says.
 *
 * The child gets its own process group (so a time-out kills everything it
 * started), /dev/null as stdin, and two channels back to the parent:
 *
 *   - its stdout and stderr, captured into one buffer capped at out_cap
 *     bytes (the rest is read and counted, never stored);
 *   - a results pipe on descriptor PROC_RESULT_FD, where the runner writes
 *     one line per event.  Each complete line restarts the wall-clock
 *     deadline, so the limit applies per case, not per run.
 *
 * The outcome follows isolate's small vocabulary: exited with a status,
 * killed by a signal, or timed out (the parent killed the group), with the
 * wall time and the peak resident memory.
 */
#ifndef SLOPE_GRADER_PROC_H
#define SLOPE_GRADER_PROC_H

#include <stddef.h>

#define PROC_RESULT_FD 3

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

/* Fork; in the child, set up the channels, chdir(dir) when dir is not NULL
 * and call fn(arg).  In the parent, collect until the child exits or stays
 * silent on the results pipe for timeout_s seconds.  Returns 0, or -1 with
 * errno when the child could not be started; free r with proc_free(). */
int proc_run(proc_result *r, const char *dir, double timeout_s, size_t out_cap,
             size_t res_cap, proc_child_fn fn, void *arg);

void proc_free(proc_result *r);

/* Milliseconds on a monotonic clock. */
double proc_now_ms(void);

#endif
