/*
 * sandbox.h -- the walls around a student's code.
 *
 * A child process that is about to compile or run untrusted code calls these,
 * in this order, before it touches that code:
 *
 *   sandbox_limits()    rlimits: CPU seconds, address space, file size,
 *                       open files, processes, no core dumps (soft = hard, so
 *                       the code cannot raise them back);
 *   sandbox_nnp()       PR_SET_NO_NEW_PRIVS and every capability dropped;
 *   sandbox_landlock()  Landlock: only the listed directories can be opened
 *                       (read, or read-write), no TCP bind/connect;
 *   sandbox_seccomp()   a seccomp-bpf allow-list (runner only): no fork, exec,
 *                       socket, ptrace, setrlimit or kill of another process;
 *                       anything else outside the list kills the process with
 *                       SIGSYS, which the parent reports as a forbidden
 *                       operation.
 *
 * Every function returns 0 on success and -1 with errno set on failure; the
 * caller (a child) then exits without running the code.  sandbox_probe()
 * tells the parent beforehand whether the kernel offers Landlock and seccomp,
 * so the grader can refuse to run untrusted code without them.
 *
 * References: landlock(7), seccomp(2), seccomp_rule_add(3), setrlimit(2),
 * the isolate sandbox of the IOI (its limits and vocabulary of outcomes).
 */
#ifndef SLOPE_GRADER_SANDBOX_H
#define SLOPE_GRADER_SANDBOX_H

#include <stddef.h>

typedef struct {
    double cpu_s;        /* CPU time, seconds (rounded up; hard = soft) */
    size_t as_bytes;     /* address space; 0 = leave as is */
    size_t fsize_bytes;  /* largest file the process may write */
    int nofile;          /* open file descriptors */
    int nproc;           /* processes (not enforced for root: seccomp is) */
} sandbox_limits_t;

/* 0 when Landlock (ABI >= 1) and seccomp filters are both available; else
 * -1 with a one-line reason in why[0..n-1]. */
int sandbox_probe(char *why, size_t n);

int sandbox_limits(const sandbox_limits_t *lim);

/* No new privileges (needed by Landlock and seccomp without CAP_SYS_ADMIN),
 * and no capabilities: a root grader's child is an ordinary process. */
int sandbox_nnp(void);

/* Allow reading (and executing, when `exec` is set) below each path of
 * ro[0..nro-1], reading and writing below each of rw[0..nrw-1]; everything
 * else in the file system is denied, as are TCP bind and connect.  Paths that
 * do not exist are skipped. */
int sandbox_landlock(const char *const *ro, size_t nro,
                     const char *const *rw, size_t nrw, int exec);

/* The runner's system-call allow-list.  `self` is the child's own pid:
 * signals may be sent to it (abort() raises SIGABRT) and to no one else. */
int sandbox_seccomp(int self);

#endif
