/*
 * sandbox.h -- the walls around a student's code.
 *
 * A child process that is about to compile or run untrusted code calls these,
 * in this order, before it touches that code:
 *
 *   sandbox_view()      a private filesystem view (unprivileged user and
 *                       mount namespaces): a read-only tmpfs root holding the
 *                       listed system paths (read-only), the job directory
 *                       at SANDBOX_JOB and /dev/null; nothing else of the
 *                       host exists there (no course tree, no keys, no
 *                       other students' files, no /proc);
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

/* Where the job directory appears inside the view. */
#define SANDBOX_JOB "/job"

/* Set (to anything but "" or "0") in the grader's environment, this forces
 * the fallback of a kernel without unprivileged namespaces: Landlock and
 * seccomp alone, as the tests need to prove that the fallback still holds. */
#define SANDBOX_NO_VIEW_ENV "SLOPE_GRADER_NO_NAMESPACES"

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

/* What sandbox_view() returns besides 0 (the view is in place). */
#define SANDBOX_VIEW_UNAVAILABLE 1 /* no namespaces here (or forced off):
                                      nothing changed, go on without */
#define SANDBOX_VIEW_BROKEN (-1)   /* failed half-way: this process is in a
                                      namespace of its own but without a
                                      usable view; it must not go on */

/* Enter new user and mount namespaces (the caller's uid and gid mapped to
 * themselves) and make a view whose root is a read-only tmpfs holding:
 * each of ro[0..nro-1] that exists on the host, bound read-only at the same
 * path (a symbolic link, such as /bin -> usr/bin, is copied as a link); the
 * directory `job` bound at SANDBOX_JOB (writable when job_rw); /dev/null.
 * The old root is detached, and the working directory is SANDBOX_JOB.
 * Must be called by a single-threaded process.  On failure, why[0..n-1]
 * says what and why. */
int sandbox_view(const char *const *ro, size_t nro, const char *job, int job_rw, char *why, size_t n);

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
 * signals may be sent to it (abort() raises SIGABRT) and to no one else.
 * Asking about a path by name (stat, access, readlink, getcwd) is answered
 * truthfully when `in_view` is set (sandbox_view() is in place: there is
 * nothing to learn, and a missing key is ENOENT like any missing file), and
 * with EACCES otherwise (Landlock does not hide a file's metadata). */
int sandbox_seccomp(int self, int in_view);

#endif
