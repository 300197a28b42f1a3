/*
 * policy.c -- the table behind policy.h.  Change a limit here and the help
 * text, the report and the sandbox follow.
 */
#include "policy.h"
#include "sandbox.h"

#include <seccomp.h>
#include <string.h>

const policy_limit policy_limits[] = {
    { "time_limit", 2, "s", "per case, when keys/time.txt has no time for it (--time-limit: all)" },
    { "time_floor", 0.5, "s", "the least limit a case gets from the reference's time" },
    { "time_multiple", 20, "times", "a case's limit: this many times the reference's (keys/time.txt)" },
    { "timeouts", 2, "cases", "after this many cases ran out of time, the rest are not run" },
    { "load_limit", 2, "s", "loading the student's object (its constructors), at least the per-case limit" },
    { "budget", 10, "s", "every case of one submission together, wall clock (--budget)" },
    { "time_limit_max", 600, "s", "the longest --time-limit or --budget accepted" },
    { "budget_cases", 5, "limits", "the budget is at least this many per-case limits (without --budget)" },
    { "keys_budget", 600, "s", "the same, for `grader keys` (the reference solution)" },
    { "mem_mb", 256, "MB", "address space for the student's code (--memory-limit)" },
    { "mem_mb_max", 16384, "MB", "the largest --memory-limit accepted" },
    { "jobs_max", 256, "jobs", "the most parallel gradings of `grader batch -j`" },
    { "out_cap", 8192, "bytes", "printed output kept for the report (the rest is counted)" },
    { "compile_timeout", 10, "s", "the compiler's wall clock and CPU time" },
    { "compile_mem_mb", 2048, "MB", "the compiler's address space" },
    { "compile_fsize_mb", 64, "MB", "the largest file the compiler may write" },
    { "compile_out_cap", 65536, "bytes", "compiler messages kept" },
    { "fsize_mb", 0, "MB", "the largest file the student's code may write" },
    { "nofile", 64, "files", "open descriptors in a sandboxed child" },
    { "nproc", 4096, "processes", "processes of the user (seccomp forbids fork anyway)" },
    { "source_cap", 1048576, "bytes", "the largest submission, all its parts together" },
    { "message_cap", 4096, "bytes", "the largest error message on the results channel" },
    { NULL, 0, NULL, NULL },
};

const policy_limit *policy_find(const char *name)
{
    for (const policy_limit *p = policy_limits; p->name != NULL; p++)
        if (strcmp(p->name, name) == 0)
            return p;
    return NULL;
}

const char *const policy_system_ro[] = {
    "/usr/bin", "/bin", "/usr/lib", "/usr/lib64", "/lib", "/lib64", "/usr/libexec",
    "/usr/include", "/usr/local/include", "/usr/local/lib", "/etc/ld.so.cache",
    "/etc/alternatives",    /* /usr/bin/cc -> /etc/alternatives/cc -> gcc */
};
const size_t policy_nsystem_ro = sizeof policy_system_ro / sizeof policy_system_ro[0];

const char *const policy_runner_ro[] = { NULL };
const size_t policy_nrunner_ro = 0;

const char *const policy_runner_env[] = {
    SANDBOX_NO_VIEW_ENV,  /* the view turned off (sandbox.h) */
    "SLOPE_GRADER_MARK",  /* set by a harness that counts a grading's processes */
};
const size_t policy_nrunner_env = sizeof policy_runner_env / sizeof policy_runner_env[0];

/* What LuaJIT, the dynamic loader and numerical student code need: memory,
 * reading and writing already-open descriptors, opening files (Landlock
 * decides which), clocks.  Signals to oneself, ioctl and prlimit are
 * argument-checked rules in sandbox.c. */
const int policy_syscalls[] = {
    SCMP_SYS(read), SCMP_SYS(write), SCMP_SYS(readv), SCMP_SYS(writev),
    SCMP_SYS(pread64), SCMP_SYS(close), SCMP_SYS(lseek), SCMP_SYS(fstat),
    SCMP_SYS(openat), SCMP_SYS(fcntl),
    SCMP_SYS(mmap), SCMP_SYS(munmap), SCMP_SYS(mprotect), SCMP_SYS(mremap),
    SCMP_SYS(brk), SCMP_SYS(madvise), SCMP_SYS(futex), SCMP_SYS(rt_sigaction),
    SCMP_SYS(rt_sigprocmask), SCMP_SYS(rt_sigreturn), SCMP_SYS(sigaltstack),
    SCMP_SYS(exit), SCMP_SYS(exit_group), SCMP_SYS(getpid), SCMP_SYS(gettid),
    SCMP_SYS(getuid), SCMP_SYS(geteuid), SCMP_SYS(getgid), SCMP_SYS(getegid),
    SCMP_SYS(clock_gettime), SCMP_SYS(gettimeofday), SCMP_SYS(time),
    SCMP_SYS(nanosleep), SCMP_SYS(clock_nanosleep), SCMP_SYS(sched_yield),
    SCMP_SYS(getrandom), SCMP_SYS(getrusage), SCMP_SYS(times),
    SCMP_SYS(sysinfo),      /* glibc's qsort asks it how much memory there is */
};
const size_t policy_nsyscalls = sizeof policy_syscalls / sizeof policy_syscalls[0];
