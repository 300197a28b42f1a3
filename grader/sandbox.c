/*
 * sandbox.c -- rlimits, no-new-privs, Landlock and seccomp for the grader's
 * children.  See sandbox.h for the order of the calls and why.
 */
#define _GNU_SOURCE
#include "sandbox.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/capability.h>
#include <linux/landlock.h>
#include <math.h>
#include <seccomp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

/* Rights newer than the installed <linux/landlock.h>; the values are kernel
 * ABI (landlock(7)) and the kernel is asked which ABI it speaks. */
#define LL_FS_TRUNCATE (1ULL << 14)      /* ABI 3 */
#define LL_FS_IOCTL_DEV (1ULL << 15)     /* ABI 5 */
#define LL_NET_BIND_TCP (1ULL << 0)      /* ABI 4 */
#define LL_NET_CONNECT_TCP (1ULL << 1)   /* ABI 4 */
#define LL_SCOPE_ABSTRACT_UNIX (1ULL << 0) /* ABI 6 */
#define LL_SCOPE_SIGNAL (1ULL << 1)      /* ABI 6 */

/* The ruleset attribute as the newest kernels read it; older ABIs are given
 * a prefix of it (the size argument says how much). */
struct ll_ruleset_attr {
    uint64_t handled_access_fs;
    uint64_t handled_access_net;
    uint64_t scoped;
};

#define LL_FS_FILE_RIGHTS                                                   \
    (LANDLOCK_ACCESS_FS_EXECUTE | LANDLOCK_ACCESS_FS_WRITE_FILE |           \
     LANDLOCK_ACCESS_FS_READ_FILE | LL_FS_TRUNCATE | LL_FS_IOCTL_DEV)
#define LL_FS_READ (LANDLOCK_ACCESS_FS_READ_FILE | LANDLOCK_ACCESS_FS_READ_DIR)
#define LL_FS_WRITE                                                         \
    (LANDLOCK_ACCESS_FS_WRITE_FILE | LANDLOCK_ACCESS_FS_REMOVE_DIR |        \
     LANDLOCK_ACCESS_FS_REMOVE_FILE | LANDLOCK_ACCESS_FS_MAKE_DIR |         \
     LANDLOCK_ACCESS_FS_MAKE_REG | LL_FS_TRUNCATE)

static long landlock_abi(void)
{
    return syscall(SYS_landlock_create_ruleset, NULL, 0, LANDLOCK_CREATE_RULESET_VERSION);
}

int sandbox_probe(char *why, size_t n)
{
    long abi = landlock_abi();
    if (abi < 1) {
        snprintf(why, n, "this kernel has no Landlock (%s)", strerror(errno));
        return -1;
    }
    if (prctl(PR_GET_SECCOMP, 0, 0, 0, 0) < 0) {
        snprintf(why, n, "this kernel has no seccomp (%s)", strerror(errno));
        return -1;
    }
    return 0;
}

static int set_limit(int resource, rlim_t v)
{
    struct rlimit r = { v, v };
    return setrlimit(resource, &r);
}

int sandbox_limits(const sandbox_limits_t *lim)
{
    rlim_t cpu = (rlim_t)ceil(lim->cpu_s);
    if (set_limit(RLIMIT_CPU, cpu > 0 ? cpu : 1) < 0 ||
        set_limit(RLIMIT_FSIZE, lim->fsize_bytes) < 0 ||
        set_limit(RLIMIT_NOFILE, (rlim_t)lim->nofile) < 0 ||
        set_limit(RLIMIT_NPROC, (rlim_t)lim->nproc) < 0 ||
        set_limit(RLIMIT_CORE, 0) < 0)
        return -1;
    if (lim->as_bytes > 0 && set_limit(RLIMIT_AS, lim->as_bytes) < 0)
        return -1;
    return 0;
}

int sandbox_nnp(void)
{
    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0)
        return -1;
    /* Drop the bounding set first (allowed while we still hold
     * CAP_SETPCAP), then every capability we hold. */
    for (int cap = 0; cap <= CAP_LAST_CAP; cap++)
        (void)prctl(PR_CAPBSET_DROP, cap, 0, 0, 0);
    struct __user_cap_header_struct hdr = { _LINUX_CAPABILITY_VERSION_3, 0 };
    struct __user_cap_data_struct data[2];
    memset(data, 0, sizeof data);
    return (int)syscall(SYS_capset, &hdr, data);
}

/* Add one path-beneath rule; a file (not a directory) keeps only the rights
 * that make sense for a file, as the kernel requires. */
static int add_path(int ruleset, const char *path, uint64_t access, uint64_t handled)
{
    int fd = open(path, O_PATH | O_CLOEXEC);
    if (fd < 0)
        return errno == ENOENT ? 0 : -1;
    struct stat st;
    if (fstat(fd, &st) < 0) {
        close(fd);
        return -1;
    }
    if (!S_ISDIR(st.st_mode))
        access &= LL_FS_FILE_RIGHTS;
    struct landlock_path_beneath_attr pb = { .allowed_access = access & handled,
                                             .parent_fd = fd };
    long rc = syscall(SYS_landlock_add_rule, ruleset, LANDLOCK_RULE_PATH_BENEATH, &pb, 0);
    close(fd);
    return rc < 0 ? -1 : 0;
}

static uint64_t handled_fs(long abi)
{
    uint64_t fs = (1ULL << 13) - 1;  /* every ABI 1 right */
    if (abi >= 2)
        fs |= LANDLOCK_ACCESS_FS_REFER;
    if (abi >= 3)
        fs |= LL_FS_TRUNCATE;
    if (abi >= 5)
        fs |= LL_FS_IOCTL_DEV;
    return fs;
}

int sandbox_landlock(const char *const *ro, size_t nro,
                     const char *const *rw, size_t nrw, int exec)
{
    long abi = landlock_abi();
    if (abi < 1)
        return -1;
    struct ll_ruleset_attr attr = { .handled_access_fs = handled_fs(abi) };
    size_t size = sizeof attr.handled_access_fs;
    if (abi >= 4) {
        attr.handled_access_net = LL_NET_BIND_TCP | LL_NET_CONNECT_TCP;
        size += sizeof attr.handled_access_net;
    }
    if (abi >= 6) {
        attr.scoped = LL_SCOPE_ABSTRACT_UNIX | LL_SCOPE_SIGNAL;
        size += sizeof attr.scoped;
    }
    int rs = (int)syscall(SYS_landlock_create_ruleset, &attr, size, 0);
    if (rs < 0)
        return -1;
    uint64_t read = LL_FS_READ | (exec ? LANDLOCK_ACCESS_FS_EXECUTE : 0);
    int rc = 0;
    for (size_t i = 0; i < nro && rc == 0; i++)
        rc = add_path(rs, ro[i], read, attr.handled_access_fs);
    for (size_t i = 0; i < nrw && rc == 0; i++)
        rc = add_path(rs, rw[i], read | LL_FS_WRITE, attr.handled_access_fs);
    if (rc == 0)
        rc = (int)syscall(SYS_landlock_restrict_self, rs, 0);
    close(rs);
    return rc < 0 ? -1 : 0;
}

/* What LuaJIT, the dynamic loader and numerical student code need.  Memory,
 * reading and writing already-open descriptors, opening files (Landlock
 * decides which), clocks, signals to oneself. */
static const int allowed[] = {
    SCMP_SYS(read), SCMP_SYS(write), SCMP_SYS(readv), SCMP_SYS(writev),
    SCMP_SYS(pread64), SCMP_SYS(close), SCMP_SYS(lseek), SCMP_SYS(fstat),
    SCMP_SYS(newfstatat), SCMP_SYS(statx), SCMP_SYS(stat), SCMP_SYS(lstat),
    SCMP_SYS(openat), SCMP_SYS(open), SCMP_SYS(access), SCMP_SYS(faccessat),
    SCMP_SYS(faccessat2), SCMP_SYS(readlink), SCMP_SYS(getcwd), SCMP_SYS(fcntl),
    SCMP_SYS(mmap), SCMP_SYS(munmap), SCMP_SYS(mprotect), SCMP_SYS(mremap),
    SCMP_SYS(brk), SCMP_SYS(madvise), SCMP_SYS(futex), SCMP_SYS(rt_sigaction),
    SCMP_SYS(rt_sigprocmask), SCMP_SYS(rt_sigreturn), SCMP_SYS(sigaltstack),
    SCMP_SYS(exit), SCMP_SYS(exit_group), SCMP_SYS(getpid), SCMP_SYS(gettid),
    SCMP_SYS(getppid), SCMP_SYS(getuid), SCMP_SYS(geteuid), SCMP_SYS(getgid),
    SCMP_SYS(getegid), SCMP_SYS(clock_gettime), SCMP_SYS(gettimeofday),
    SCMP_SYS(time), SCMP_SYS(nanosleep), SCMP_SYS(clock_nanosleep),
    SCMP_SYS(sched_yield), SCMP_SYS(getrandom), SCMP_SYS(uname),
    SCMP_SYS(getrusage), SCMP_SYS(times), SCMP_SYS(mincore),
    SCMP_SYS(sysinfo),      /* glibc's qsort asks it how much memory there is */
};

/* Allow `sys` only when its argument `arg` equals `value`. */
static int allow_if(scmp_filter_ctx ctx, int sys, unsigned arg, scmp_datum_t value)
{
    struct scmp_arg_cmp cmp = { .arg = arg, .op = SCMP_CMP_EQ, .datum_a = value, .datum_b = 0 };
    return seccomp_rule_add_array(ctx, SCMP_ACT_ALLOW, sys, 1, &cmp);
}

int sandbox_seccomp(int self)
{
    scmp_filter_ctx ctx = seccomp_init(SCMP_ACT_KILL_PROCESS);
    if (ctx == NULL)
        return -1;
    int rc = 0;
    for (size_t i = 0; i < sizeof allowed / sizeof allowed[0] && rc == 0; i++)
        rc = seccomp_rule_add(ctx, SCMP_ACT_ALLOW, allowed[i], 0);
    /* isatty() on the captured stdout asks TCGETS: answer "not a tty". */
    if (rc == 0)
        rc = seccomp_rule_add(ctx, SCMP_ACT_ERRNO(ENOTTY), SCMP_SYS(ioctl), 0);
    /* Reading one's limits is harmless (new limit NULL); setting them is not. */
    if (rc == 0)
        rc = allow_if(ctx, SCMP_SYS(prlimit64), 2, 0);
    if (rc == 0)
        rc = seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(getrlimit), 0);
    /* Signals to oneself only: abort() and raise() use them. */
    if (rc == 0)
        rc = allow_if(ctx, SCMP_SYS(kill), 0, (scmp_datum_t)self);
    if (rc == 0)
        rc = allow_if(ctx, SCMP_SYS(tgkill), 0, (scmp_datum_t)self);
    if (rc == 0)
        rc = seccomp_load(ctx);
    seccomp_release(ctx);
    if (rc < 0) {
        errno = -rc;
        return -1;
    }
    return 0;
}
