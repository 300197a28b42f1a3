/*
 * policy.h -- the grader's one table of limits, defaults, readable paths and
 * allowed system calls.  Every consumer reads it: the grader's C and Lua
 * (through grader.c's `policy` and `limit`), the runner's sandbox, the help
 * text and the report; grader/README.md quotes it.
 *
 * A lookup of an unknown name is an error, never a silent default:
 * policy_find() returns NULL, and the Lua side raises.
 */
#ifndef SLOPE_GRADER_POLICY_H
#define SLOPE_GRADER_POLICY_H

#include <stddef.h>

typedef struct {
    const char *name;    /* as Lua sees it: time_limit, budget, ... */
    double value;        /* the default */
    const char *unit;    /* "s", "MB", "bytes", "files", "processes" */
    const char *help;    /* one line, for --help and the README */
} policy_limit;

/* The limits, ending with a { NULL } row. */
extern const policy_limit policy_limits[];

/* The row called `name`, or NULL. */
const policy_limit *policy_find(const char *name);

/* Directories (and files) the compiler may read, and all its private view
 * holds besides its temp directory and /dev/null: the system's programs,
 * libraries and headers; nothing of the course tree. */
extern const char *const policy_system_ro[];
extern const size_t policy_nsystem_ro;

/* What the runner may read once its sandbox is up, and all its private
 * view holds, besides its own job directory (which holds the student's
 * object): nothing of the system.
 * LuaJIT, libc and libm are mapped before the sandbox, and the student's
 * object needs only those, found by soname without opening a file.  Reading
 * /usr/lib or /usr/local/lib would let student code dlopen an installed
 * libslope and call the answers. */
extern const char *const policy_runner_ro[];
extern const size_t policy_nrunner_ro;

/* The only environment variables slope-run is started with (when set):
 * the student's code reads no path of the host from its environment (the
 * instructor's PWD and HOME, the grader's own path in _).  Not even
 * LD_LIBRARY_PATH: the dynamic loader keeps copies of it, on the stack and
 * in its heap, that no wipe would reach (LuaJIT is in the system's paths). */
extern const char *const policy_runner_env[];
extern const size_t policy_nrunner_env;

/* The runner's seccomp allow-list (libseccomp's numbers for this
 * architecture), besides the argument-checked rules of sandbox.c. */
extern const int policy_syscalls[];
extern const size_t policy_nsyscalls;

#endif
