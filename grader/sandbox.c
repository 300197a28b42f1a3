/*
 * sandbox.c -- rlimits, no-new-privs, Landlock and seccomp for the grader's
 * children.  See sandbox.h for the order of the calls and why.
 */
#define _GNU_SOURCE
#include "sandbox.h"
#include "policy.h"

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

/* Allow `sys` only when its argument `arg` equals `value`. */
static int allow_if(scmp_filter_ctx ctx, int sys, unsigned arg, scmp_datum_t value)
{
    struct scmp_arg_cmp cmp = { .arg = arg, .op = SCMP_CMP_EQ, .datum_a = value, .datum_b = 0 };
    return seccomp_rule_add_array(ctx, SCMP_ACT_ALLOW, sys, 1, &cmp);
}

/* Every way to ask about a path by name, answered EACCES (newfstatat with
 * a path is the rule above's complement). */
static int deny_path_stats(scmp_filter_ctx ctx)
{
    static const int calls[] = { SCMP_SYS(stat), SCMP_SYS(lstat), SCMP_SYS(statx),
                                 SCMP_SYS(access), SCMP_SYS(faccessat), SCMP_SYS(faccessat2),
                                 SCMP_SYS(readlink), SCMP_SYS(readlinkat), SCMP_SYS(getcwd) };
    int rc = 0;
    for (size_t i = 0; i < sizeof calls / sizeof calls[0] && rc == 0; i++)
        rc = seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EACCES), calls[i], 0);
    struct scmp_arg_cmp cmp = { .arg = 3, .op = SCMP_CMP_NE, .datum_a = AT_EMPTY_PATH, .datum_b = 0 };
    if (rc == 0)
        rc = seccomp_rule_add_array(ctx, SCMP_ACT_ERRNO(EACCES), SCMP_SYS(newfstatat), 1, &cmp);
    return rc;
}

int sandbox_seccomp(int self)
{
    scmp_filter_ctx ctx = seccomp_init(SCMP_ACT_KILL_PROCESS);
    if (ctx == NULL)
        return -1;
    int rc = 0;
    for (size_t i = 0; i < policy_nsyscalls && rc == 0; i++)
        rc = seccomp_rule_add(ctx, SCMP_ACT_ALLOW, policy_syscalls[i], 0);
    /* fstat() of an open descriptor, yes; stat() of a path, no: the size
     * and times of a file Landlock hides are not the code's business
     * (EACCES, so a library that probes a path carries on). */
    if (rc == 0)
        rc = allow_if(ctx, SCMP_SYS(newfstatat), 3, AT_EMPTY_PATH);
    if (rc == 0)
        rc = deny_path_stats(ctx);
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
