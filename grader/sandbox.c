/*
 * sandbox.c -- rlimits, no-new-privs, Landlock and seccomp for the grader's
 * children.  See sandbox.h for the order of the calls and why.
 */
#define _GNU_SOURCE
#include "sandbox.h"
#include "policy.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sched.h>
#include <stdlib.h>
#include <sys/mount.h>
#include <sys/statvfs.h>
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

/* ---- the private filesystem view -------------------------------------------- */

/* Where the host's root is while the view is being built, and what the
 * tmpfs that becomes the new root is mounted on first (any directory every
 * host has: the mount is private to the new namespace). */
#define VIEW_OLD "/.old"
#define VIEW_BASE "/tmp"

static int write_text(const char *path, const char *text)
{
    int fd = open(path, O_WRONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    size_t n = strlen(text);
    ssize_t w = write(fd, text, n);
    int e = errno;
    close(fd);
    errno = e;
    return w == (ssize_t)n ? 0 : -1;
}

/* Create `path` in the new root with its missing parents: a directory, or
 * an empty file to bind a file onto when `file` is set. */
static int make_point(const char *path, int file)
{
    char buf[PATH_MAX];
    if (snprintf(buf, sizeof buf, "%s", path) >= (int)sizeof buf) {
        errno = ENAMETOOLONG;
        return -1;
    }
    for (char *p = buf + 1; *p != '\0'; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        if (mkdir(buf, 0755) < 0 && errno != EEXIST)
            return -1;
        *p = '/';
    }
    if (!file)
        return mkdir(buf, 0755) < 0 && errno != EEXIST ? -1 : 0;
    int fd = open(buf, O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0)
        return -1;
    close(fd);
    return 0;
}

/* Remount a bind mount nosuid and nodev (and read-only when ro), keeping
 * the flags the host locked on it: a user namespace may add, not remove. */
static int restrict_bind(const char *path, int ro)
{
    struct statvfs sv;
    if (statvfs(path, &sv) < 0)
        return -1;
    unsigned long fl = MS_REMOUNT | MS_BIND | MS_NOSUID | MS_NODEV | (ro ? MS_RDONLY : 0);
    static const struct { unsigned long st, ms; } keep[] = {
        { ST_NOEXEC, MS_NOEXEC }, { ST_NOATIME, MS_NOATIME },
        { ST_NODIRATIME, MS_NODIRATIME }, { ST_RELATIME, MS_RELATIME },
    };
    for (size_t i = 0; i < sizeof keep / sizeof keep[0]; i++)
        if (sv.f_flag & keep[i].st)
            fl |= keep[i].ms;
    return mount(NULL, path, NULL, fl, NULL);
}

/* Show the host's `path` (now under VIEW_OLD) at the same place in the new
 * root: a link as a link, anything else bound read-only.  Absent: skipped. */
static int show_path(const char *path, char *why, size_t n)
{
    char src[PATH_MAX + sizeof VIEW_OLD], target[PATH_MAX];
    struct stat st;
    snprintf(src, sizeof src, VIEW_OLD "%s", path);
    if (lstat(src, &st) < 0)
        return errno == ENOENT ? 0 : (snprintf(why, n, "lstat %s: %s", path, strerror(errno)), -1);
    if (S_ISLNK(st.st_mode)) {
        ssize_t len = readlink(src, target, sizeof target - 1);
        if (len < 0)
            return snprintf(why, n, "readlink %s: %s", path, strerror(errno)), -1;
        target[len] = '\0';
        char parent[PATH_MAX];
        snprintf(parent, sizeof parent, "%s", path);
        char *slash = strrchr(parent, '/');
        if (slash != NULL && slash != parent) {
            *slash = '\0';
            if (make_point(parent, 0) < 0)
                return snprintf(why, n, "mkdir %s: %s", parent, strerror(errno)), -1;
        }
        if (symlink(target, path) < 0 && errno != EEXIST)
            return snprintf(why, n, "symlink %s: %s", path, strerror(errno)), -1;
        return 0;
    }
    if (make_point(path, !S_ISDIR(st.st_mode)) < 0 ||
        mount(src, path, NULL, MS_BIND | MS_REC, NULL) < 0 || restrict_bind(path, 1) < 0)
        return snprintf(why, n, "bind %s: %s", path, strerror(errno)), -1;
    return 0;
}

/* The namespaces and the uid/gid maps; SANDBOX_VIEW_UNAVAILABLE when the
 * kernel (or the switch) says no before anything changed. */
static int enter_namespaces(char *why, size_t n)
{
    const char *off = getenv(SANDBOX_NO_VIEW_ENV);
    if (off != NULL && *off != '\0' && strcmp(off, "0") != 0) {
        snprintf(why, n, "turned off by %s", SANDBOX_NO_VIEW_ENV);
        return SANDBOX_VIEW_UNAVAILABLE;
    }
    uid_t uid = getuid();
    gid_t gid = getgid();
    if (unshare(CLONE_NEWUSER | CLONE_NEWNS) < 0) {
        snprintf(why, n, "no unprivileged user and mount namespaces (%s)", strerror(errno));
        return SANDBOX_VIEW_UNAVAILABLE;
    }
    char map[64];
    if (write_text("/proc/self/setgroups", "deny") < 0 && errno != ENOENT)
        return snprintf(why, n, "setgroups: %s", strerror(errno)), SANDBOX_VIEW_BROKEN;
    snprintf(map, sizeof map, "%u %u 1\n", (unsigned)uid, (unsigned)uid);
    if (write_text("/proc/self/uid_map", map) < 0)
        return snprintf(why, n, "uid_map: %s", strerror(errno)), SANDBOX_VIEW_BROKEN;
    snprintf(map, sizeof map, "%u %u 1\n", (unsigned)gid, (unsigned)gid);
    if (write_text("/proc/self/gid_map", map) < 0)
        return snprintf(why, n, "gid_map: %s", strerror(errno)), SANDBOX_VIEW_BROKEN;
    return 0;
}

int sandbox_view(const char *const *ro, size_t nro, const char *job, int job_rw, char *why, size_t n)
{
    char job_real[PATH_MAX], src[PATH_MAX + sizeof VIEW_OLD];
    if (realpath(job, job_real) == NULL) {
        snprintf(why, n, "realpath %s: %s", job, strerror(errno));
        return SANDBOX_VIEW_UNAVAILABLE;
    }
    int rc = enter_namespaces(why, n);
    if (rc != 0)
        return rc;
    /* A tmpfs, private to this namespace, becomes the root; the host's
     * root waits under VIEW_OLD while the view is built from it. */
    if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) < 0 ||
        mount("tmpfs", VIEW_BASE, "tmpfs", MS_NOSUID | MS_NODEV, "mode=0755,size=64k") < 0 ||
        mkdir(VIEW_BASE VIEW_OLD, 0700) < 0 ||
        syscall(SYS_pivot_root, VIEW_BASE, VIEW_BASE VIEW_OLD) < 0 || chdir("/") < 0)
        return snprintf(why, n, "new root: %s", strerror(errno)), SANDBOX_VIEW_BROKEN;
    for (size_t i = 0; i < nro; i++)
        if (show_path(ro[i], why, n) < 0)
            return SANDBOX_VIEW_BROKEN;
    snprintf(src, sizeof src, VIEW_OLD "%s", job_real);
    if (make_point(SANDBOX_JOB, 0) < 0 || mount(src, SANDBOX_JOB, NULL, MS_BIND, NULL) < 0 ||
        restrict_bind(SANDBOX_JOB, !job_rw) < 0)
        return snprintf(why, n, "bind the job directory: %s", strerror(errno)), SANDBOX_VIEW_BROKEN;
    if (make_point("/dev/null", 1) < 0 || mount(VIEW_OLD "/dev/null", "/dev/null", NULL, MS_BIND, NULL) < 0)
        return snprintf(why, n, "bind /dev/null: %s", strerror(errno)), SANDBOX_VIEW_BROKEN;
    if (umount2(VIEW_OLD, MNT_DETACH) < 0 || rmdir(VIEW_OLD) < 0 ||
        mount(NULL, "/", NULL, MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NODEV, NULL) < 0 ||
        chdir(SANDBOX_JOB) < 0)
        return snprintf(why, n, "detach the host's root: %s", strerror(errno)), SANDBOX_VIEW_BROKEN;
    return 0;
}

/* ---- rlimits, privileges, Landlock, seccomp ----------------------------------- */

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

/* In the view, the same calls with their true answers. */
static int allow_path_stats(scmp_filter_ctx ctx)
{
    static const int calls[] = { SCMP_SYS(stat), SCMP_SYS(lstat), SCMP_SYS(statx), SCMP_SYS(newfstatat),
                                 SCMP_SYS(access), SCMP_SYS(faccessat), SCMP_SYS(faccessat2),
                                 SCMP_SYS(readlink), SCMP_SYS(readlinkat), SCMP_SYS(getcwd) };
    int rc = 0;
    for (size_t i = 0; i < sizeof calls / sizeof calls[0] && rc == 0; i++)
        rc = seccomp_rule_add(ctx, SCMP_ACT_ALLOW, calls[i], 0);
    return rc;
}

int sandbox_seccomp(int self, int in_view)
{
    scmp_filter_ctx ctx = seccomp_init(SCMP_ACT_KILL_PROCESS);
    if (ctx == NULL)
        return -1;
    int rc = 0;
    for (size_t i = 0; i < policy_nsyscalls && rc == 0; i++)
        rc = seccomp_rule_add(ctx, SCMP_ACT_ALLOW, policy_syscalls[i], 0);
    /* fstat() of an open descriptor, yes; stat() of a path only in the
     * view: outside it, the size and times of a file Landlock hides are
     * not the code's business (EACCES, so a library that probes a path
     * carries on). */
    if (rc == 0 && in_view)
        rc = allow_path_stats(ctx);
    if (rc == 0 && !in_view)
        rc = allow_if(ctx, SCMP_SYS(newfstatat), 3, AT_EMPTY_PATH);
    if (rc == 0 && !in_view)
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
