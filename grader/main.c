/*
 * main.c -- the grader binary: LuaJIT embedded, with the few system services
 * Lua cannot do itself (fork into a sandbox, poll pipes under a deadline,
 * inotify, sessions with the runner slope-run) exposed to it as the module
 * "grader.c".  Student code never runs in this process or a fork of it:
 * slope-run (runner.c) is a separate program, started with exec.
 *
 * The judging logic lives in the grader's Lua files, compiled to bytecode into this
 * binary at build time (so the binary is self-contained):
 *   grader/cli.lua     commands and options
 *   grader/spec.lua    loading and validating spec.lua, exercise.h, keys
 *   grader/judge.lua   compile, run in the sandbox, compare
 *   grader/report.lua  text, Gradescope JSON and TAP output
 *   grader/batch.lua   batch (a class, in parallel) and watch (inotify)
 *   grader/figure.lua  --figure: the student's result over the reference's
 *
 * Exit status: 0 every case passed, 1 some case failed, 2 usage or spec
 * error, 3 the grader's own failure.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>

#include "frame.h"
#include "policy.h"
#include "proc.h"
#include "sandbox.h"

#include "batch_lua.h"
#include "cli_lua.h"
#include "figure_lua.h"
#include "judge_lua.h"
#include "report_lua.h"
#include "slope_lua.h"
#include "spec_lua.h"

#define EXIT_INTERNAL 3

/* ---- the compiler's child ---------------------------------------------------- */

typedef struct {
    const char *dir;      /* the private temp directory */
    char *const *argv;    /* the compiler's argv */
    sandbox_limits_t lim;
    int sandbox;          /* 0 only under --unsafe */
    int view;             /* try the private filesystem view */
} child_job;

static int fail_child(const char *what)
{
    char msg[256];
    int n = snprintf(msg, sizeof msg, "E sandbox: %s: %s\n", what, strerror(errno));
    if (write(PROC_RESULT_FD, msg, (size_t)n) < 0 || write(2, msg + 2, (size_t)n - 2) < 0)
        return 125;
    return 125;
}

/* Tell the parent, on the results channel, that the compiler runs without
 * the private view ("V why"), or that the view broke half-way ("N why":
 * the parent compiles again without it). */
static void tell_view(char kind, const char *why)
{
    char msg[320];
    int n = snprintf(msg, sizeof msg, "%c %s\n", kind, why);
    if (n > 0 && write(PROC_RESULT_FD, msg, (size_t)n < sizeof msg ? (size_t)n : sizeof msg - 1) < 0)
        return;
}

/* The compiler's child: the view (the system's compiler, headers and
 * libraries read-only, the temp directory at SANDBOX_JOB, /dev/null), then
 * rlimits, no_new_privs and Landlock beneath it, then exec. */
static int compile_child(void *arg)
{
    child_job *j = arg;
    const char *dir = j->dir;
    if (j->sandbox && j->view) {
        char why[256];
        int rc = sandbox_view(policy_system_ro, policy_nsystem_ro, j->dir, 1, why, sizeof why);
        if (rc == SANDBOX_VIEW_BROKEN) {
            tell_view('N', why);
            return 125;
        }
        if (rc == 0)
            dir = SANDBOX_JOB;
        else
            tell_view('V', why);
    }
    const char *rw[] = { dir, "/dev/null" };
    setenv("TMPDIR", dir, 1);
    if (sandbox_limits(&j->lim) < 0)
        return fail_child("rlimits");
    if (j->sandbox && sandbox_nnp() < 0)
        return fail_child("no_new_privs");
    if (j->sandbox && sandbox_landlock(policy_system_ro, policy_nsystem_ro, rw, 2, 1) < 0)
        return fail_child("landlock");
    (void)fcntl(PROC_RESULT_FD, F_SETFD, FD_CLOEXEC);  /* not the compiler's business */
    execv(j->argv[0], j->argv);
    int e = errno;
    fprintf(stderr, "cannot run the compiler %s: %s\n", j->argv[0], strerror(e));
    if (j->sandbox && (e == ENOENT || e == EACCES)) {
        fputs("HINT: the compiler runs in a sandbox that shows only", stderr);
        for (size_t i = 0; i < policy_nsystem_ro; i++)
            fprintf(stderr, " %s", policy_system_ro[i]);
        fputs("; use a compiler installed there (--cc gcc, --cc clang, --cc tcc)\n", stderr);
    }
    return 127;
}

/* ---- the C/Lua boundary: options tables with known keys only ------------- */

/* Raise an error naming the first key of table t not in names[]. */
static void check_keys(lua_State *L, int t, const char *const *names, const char *what)
{
    lua_pushnil(L);
    while (lua_next(L, t) != 0) {
        int known = 0;
        if (lua_type(L, -2) == LUA_TSTRING)
            for (const char *const *n = names; *n != NULL && !known; n++)
                known = strcmp(*n, lua_tostring(L, -2)) == 0;
        if (!known) {
            lua_pushvalue(L, -2);
            luaL_error(L, "%s: unknown option '%s'", what, lua_tostring(L, -1));
        }
        lua_pop(L, 1);
    }
}

/* A number from the options table, required. */
static double opt_number(lua_State *L, int t, const char *key)
{
    lua_getfield(L, t, key);
    if (!lua_isnumber(L, -1))
        luaL_error(L, "option '%s' must be a number", key);
    double v = lua_tonumber(L, -1);
    lua_pop(L, 1);
    return v;
}

static int opt_bool(lua_State *L, int t, const char *key)
{
    lua_getfield(L, t, key);
    int v = lua_toboolean(L, -1);
    lua_pop(L, 1);
    return v;
}

static void push_result(lua_State *L, const proc_result *r)
{
    lua_createtable(L, 0, 9);
    if (WIFEXITED(r->status)) {
        lua_pushinteger(L, WEXITSTATUS(r->status));
        lua_setfield(L, -2, "exit");
    } else if (WIFSIGNALED(r->status)) {
        lua_pushinteger(L, WTERMSIG(r->status));
        lua_setfield(L, -2, "signal");
        lua_pushstring(L, sigabbrev_np(WTERMSIG(r->status)));
        lua_setfield(L, -2, "signame");
    }
    lua_pushboolean(L, r->timed_out);
    lua_setfield(L, -2, "timed_out");
    lua_pushnumber(L, r->wall_ms);
    lua_setfield(L, -2, "wall_ms");
    lua_pushnumber(L, (double)r->maxrss_kb);
    lua_setfield(L, -2, "maxrss_kb");
    lua_pushlstring(L, r->res, r->res_len);
    lua_setfield(L, -2, "res");
    lua_pushlstring(L, r->out, r->out_len);
    lua_setfield(L, -2, "out");
    lua_pushnumber(L, (double)r->out_total);
    lua_setfield(L, -2, "out_total");
}

static void free_argv(char **argv)
{
    for (char **p = argv; *p != NULL; p++)
        free(*p);
    free(argv);
}

static const char *const compile_keys[] = { "timeout_s", "cpu_s", "mem_mb", "fsize_mb", "out_cap",
                                            "unsafe", "view", NULL };

#define COMPILE "slope.compile"

/* compile(dir, argv, opts) -> job: start argv[1] in a sandboxed child with
 * cwd = dir and return as soon as the compiler runs; job:wait() -> result,
 * its messages in result.out. */
static int l_compile(lua_State *L)
{
    child_job j = { .dir = luaL_checkstring(L, 1) };
    luaL_checktype(L, 2, LUA_TTABLE);
    luaL_checktype(L, 3, LUA_TTABLE);
    check_keys(L, 3, compile_keys, "compile");
    j.lim.cpu_s = opt_number(L, 3, "cpu_s");
    j.lim.as_bytes = (size_t)(opt_number(L, 3, "mem_mb") * 1048576.0);
    j.lim.fsize_bytes = (size_t)(opt_number(L, 3, "fsize_mb") * 1048576.0);
    j.lim.nofile = (int)policy_find("nofile")->value;
    j.lim.nproc = (int)policy_find("nproc")->value;
    j.sandbox = !opt_bool(L, 3, "unsafe");
    j.view = opt_bool(L, 3, "view");
    double timeout = opt_number(L, 3, "timeout_s");
    size_t cap = (size_t)opt_number(L, 3, "out_cap");
    size_t n = lua_objlen(L, 2);
    char **argv = calloc(n + 1, sizeof *argv);
    if (argv == NULL)
        return luaL_error(L, "out of memory");
    for (size_t i = 0; i < n; i++) {
        lua_rawgeti(L, 2, (int)i + 1);
        argv[i] = strdup(luaL_checkstring(L, -1));
        lua_pop(L, 1);
    }
    j.argv = argv;
    proc_child *c = lua_newuserdata(L, sizeof *c);
    memset(c, 0, sizeof *c);
    luaL_getmetatable(L, COMPILE);
    lua_setmetatable(L, -2);
    int rc = proc_start(c, j.dir, timeout, cap, 4096, compile_child, &j);
    int e = errno;
    free_argv(argv);  /* the child has its copy */
    if (rc < 0)
        return luaL_error(L, "cannot start the compiler: %s", strerror(e));
    proc_settle(c);  /* until the compiler runs: its set-up first, then the caller's */
    return 1;
}

static int l_compile_wait(lua_State *L)
{
    proc_child *c = luaL_checkudata(L, 1, COMPILE);
    if (c->pid <= 0)
        return luaL_error(L, "compile: this job was collected already");
    proc_result r;
    proc_wait(c, &r);
    push_result(L, &r);
    proc_free(&r);
    return 1;
}

/* job:kill(), and a job dropped without wait(): killed and reaped. */
static int l_compile_kill(lua_State *L)
{
    proc_child *c = luaL_checkudata(L, 1, COMPILE);
    if (c->pid > 0) {
        proc_result r;
        c->deadline = 0;
        proc_wait(c, &r);
        proc_free(&r);
    }
    return 0;
}

/* ---- sessions with slope-run -------------------------------------------------- */

#define SESSION "slope.session"

static const char *const runner_keys[] = { "runner", "mem_mb", "cpu_s", "unsafe", "view", "out_cap",
                                           "frame_cap", "total_cap", NULL };

/* runner_start(dir, opts) -> session: exec slope-run in dir (named "." on
 * its command line: the host's path of the job is not its business). */
static int l_runner_start(lua_State *L)
{
    const char *dir = luaL_checkstring(L, 1);
    luaL_checktype(L, 2, LUA_TTABLE);
    check_keys(L, 2, runner_keys, "runner");
    lua_getfield(L, 2, "runner");
    const char *exe = luaL_checkstring(L, -1);
    char mem[32], cpu[32];
    snprintf(mem, sizeof mem, "%.17g", opt_number(L, 2, "mem_mb"));
    snprintf(cpu, sizeof cpu, "%.17g", opt_number(L, 2, "cpu_s"));
    char *argv[6];
    int k = 0;
    argv[k++] = "slope-run";  /* not exe: the host's path is not its business */
    if (opt_bool(L, 2, "unsafe"))
        argv[k++] = "--unsafe";
    else if (!opt_bool(L, 2, "view"))
        argv[k++] = "--no-view";
    argv[k++] = ".";
    argv[k++] = mem;
    argv[k++] = cpu;
    argv[k] = NULL;
    /* Of the grader's environment, the entries policy_runner_env names. */
    char *envp[16];
    size_t ne = 0;
    for (char **e = environ; *e != NULL && ne < 15; e++)
        for (size_t i = 0; i < policy_nrunner_env; i++) {
            size_t len = strlen(policy_runner_env[i]);
            if (strncmp(*e, policy_runner_env[i], len) == 0 && (*e)[len] == '=')
                envp[ne++] = *e;
        }
    envp[ne] = NULL;
    proc_session *s = lua_newuserdata(L, sizeof *s);
    memset(s, 0, sizeof *s);
    luaL_getmetatable(L, SESSION);
    lua_setmetatable(L, -2);
    if (proc_session_start(s, dir, exe, argv, envp, (size_t)opt_number(L, 2, "out_cap"),
                           (size_t)opt_number(L, 2, "frame_cap"),
                           (size_t)opt_number(L, 2, "total_cap")) < 0)
        return luaL_error(L, "cannot start the runner %s: %s", exe, strerror(errno));
    lua_pushnumber(L, s->t0);
    return 2;
}

/* session:recv(deadline_ms) -> "frame", tag, payload | "timeout" | "eof" | "bad" */
static int l_session_recv(lua_State *L)
{
    proc_session *s = luaL_checkudata(L, 1, SESSION);
    double deadline = luaL_checknumber(L, 2);
    int tag = 0;
    const char *payload = NULL;
    size_t n = 0;
    int rc = s->pid > 0 ? proc_session_recv(s, deadline, &tag, &payload, &n) : PROC_FRAME_EOF;
    if (rc == 1) {
        char t = (char)tag;
        lua_pushstring(L, "frame");
        lua_pushlstring(L, &t, 1);
        lua_pushlstring(L, payload, n);
        return 3;
    }
    lua_pushstring(L, rc == PROC_FRAME_TIMEOUT ? "timeout" : rc == PROC_FRAME_EOF ? "eof" : "bad");
    return 1;
}

static int l_session_send(lua_State *L)
{
    proc_session *s = luaL_checkudata(L, 1, SESSION);
    lua_pushboolean(L, proc_session_send(s, (unsigned)luaL_checkinteger(L, 2)) == 0);
    return 1;
}

/* session:load() -> false when the runner is gone: its first command, once
 * the object it waits for is compiled (see frame.h). */
static int l_session_load(lua_State *L)
{
    proc_session *s = luaL_checkudata(L, 1, SESSION);
    lua_pushboolean(L, proc_session_send(s, FRAME_CMD_LOAD) == 0);
    return 1;
}

/* session:out_total() -> the bytes the runner has printed so far (see
 * proc_session_out_total): judge.lua tells each case's output apart by it. */
static int l_session_out_total(lua_State *L)
{
    proc_session *s = luaL_checkudata(L, 1, SESSION);
    lua_pushnumber(L, s->pid > 0 ? (double)proc_session_out_total(s) : 0);
    return 1;
}

/* session:finish(grace_ms) -> result (as compile's) */
static int l_session_finish(lua_State *L)
{
    proc_session *s = luaL_checkudata(L, 1, SESSION);
    proc_result r;
    proc_session_end(s, luaL_optnumber(L, 2, 0), &r);
    push_result(L, &r);
    proc_free(&r);
    return 1;
}

static int l_session_gc(lua_State *L)
{
    proc_session *s = luaL_checkudata(L, 1, SESSION);
    if (s->pid > 0)
        proc_session_end(s, 0, NULL);
    return 0;
}

/* policy() -> { { name =, value =, unit =, help = }, ... }, in the table's order. */
static int l_policy(lua_State *L)
{
    lua_newtable(L);
    int i = 0;
    for (const policy_limit *p = policy_limits; p->name != NULL; p++) {
        lua_createtable(L, 0, 4);
        lua_pushstring(L, p->name);
        lua_setfield(L, -2, "name");
        lua_pushnumber(L, p->value);
        lua_setfield(L, -2, "value");
        lua_pushstring(L, p->unit);
        lua_setfield(L, -2, "unit");
        lua_pushstring(L, p->help);
        lua_setfield(L, -2, "help");
        lua_rawseti(L, -2, ++i);
    }
    return 1;
}

/* limit(name) -> the default of one limit; an unknown name is an error. */
static int l_limit(lua_State *L)
{
    const char *name = luaL_checkstring(L, 1);
    const policy_limit *p = policy_find(name);
    if (p == NULL)
        return luaL_error(L, "no limit '%s' in the grader's policy (grader/policy.c)", name);
    lua_pushnumber(L, p->value);
    return 1;
}

/* ---- small system services ---------------------------------------------------- */

static int l_probe(lua_State *L)
{
    char why[256];
    int ok = sandbox_probe(why, sizeof why) == 0;
    lua_pushboolean(L, ok);
    lua_pushstring(L, ok ? "" : why);
    return 2;
}

/* The temp directory in use, removed by the SIGINT/SIGTERM handler too, so
 * that Ctrl-C leaves nothing behind (the children die with the grader:
 * proc.c gives them PR_SET_PDEATHSIG). */
static char current_tmp[PATH_MAX];

static int rm_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st, (void)flag, (void)ftw;
    return remove(path) < 0 && errno != ENOENT ? -1 : 0;
}

static void on_stop(int sig)
{
    if (current_tmp[0] != '\0')
        nftw(current_tmp, rm_one, 16, FTW_DEPTH | FTW_PHYS);
    signal(sig, SIG_DFL);
    raise(sig);
}

/* ---- the guardian: nothing outlives the grader ------------------------------- *
 *
 * A small process forked from the grader, in a group of its own and deaf to
 * SIGINT/SIGTERM/SIGHUP, that reads a pipe: "+g PGID" / "-g PGID" (a child's
 * process group) and "+d PATH" / "-d PATH" (a temp file or directory).  When
 * the grader dies, however it dies (kill -9 included), the pipe closes; the
 * guardian then kills every group still registered (a compiler's cc1 and as
 * with it, a runner, a `grader check` of batch) and removes every path, and
 * exits.  Children also carry PR_SET_PDEATHSIG; the guardian is for what
 * they started (PDEATHSIG is not inherited) and for the files. */
static int guard_fd = -1;
static pid_t guard_pid = -1;

#define GUARD_MAX 256

static void guardian_main(int fd)
{
    /* Pointers, not a table of PATH_MAX buffers: at exit every slot is
     * looked at, and a megabyte of untouched pages costs a page fault
     * each, paid by every `grader` command as it waits for the guardian. */
    static char *paths[GUARD_MAX];
    static pid_t groups[GUARD_MAX];
    static char line[PATH_MAX + 8];
    size_t len = 0;
    FILE *in = fdopen(fd, "r");
    while (in != NULL && fgets(line, sizeof line, in) != NULL) {
        len = strlen(line);
        if (len > 0 && line[len - 1] == '\n')
            line[--len] = '\0';
        if (len < 4 || line[2] != ' ')
            continue;
        const char *arg = line + 3;
        if (line[1] == 'g') {
            pid_t g = (pid_t)atoi(arg);
            for (int i = 0; i < GUARD_MAX; i++)
                if (line[0] == '+' ? groups[i] == 0 : groups[i] == g) {
                    groups[i] = line[0] == '+' ? g : 0;
                    break;
                }
        } else if (line[1] == 'd' && strlen(arg) < PATH_MAX) {
            for (int i = 0; i < GUARD_MAX; i++)
                if (line[0] == '+' ? paths[i] == NULL : paths[i] != NULL && strcmp(paths[i], arg) == 0) {
                    if (line[0] == '-') {
                        free(paths[i]);
                        paths[i] = NULL;
                    } else {
                        paths[i] = strdup(arg);
                    }
                    break;
                }
        }
    }
    for (int i = 0; i < GUARD_MAX; i++)
        if (groups[i] > 0)
            kill(-groups[i], SIGKILL);
    /* A process being killed may finish the write it was in: the files go
     * once every group is empty (or after two seconds). */
    for (int tries = 0; tries < 200; tries++) {
        int alive = 0;
        for (int i = 0; i < GUARD_MAX; i++)
            alive |= groups[i] > 0 && kill(-groups[i], 0) == 0;
        if (!alive)
            break;
        usleep(10 * 1000);
    }
    /* Again while anything is left: a child started a moment before the
     * grader died (not yet registered) may still be writing. */
    for (int tries = 0; tries < 30; tries++) {
        int left = 0;
        struct stat st;
        for (int i = 0; i < GUARD_MAX; i++)
            if (paths[i] != NULL) {
                nftw(paths[i], rm_one, 16, FTW_DEPTH | FTW_PHYS);
                left |= lstat(paths[i], &st) == 0;
            }
        if (!left)
            break;
        usleep(100 * 1000);
    }
    _exit(0);
}

/* Start the guardian on first use; -1 when it cannot be started. */
static int guard_start(void)
{
    if (guard_fd >= 0)
        return 0;
    int p[2];
    if (pipe2(p, O_CLOEXEC) < 0)
        return -1;
    fflush(NULL);
    pid_t pid = fork();
    if (pid == 0) {
        setpgid(0, 0);
        signal(SIGINT, SIG_IGN);
        signal(SIGTERM, SIG_IGN);
        signal(SIGHUP, SIG_IGN);
        signal(SIGPIPE, SIG_IGN);
        int fd = fcntl(p[0], F_DUPFD, 3);
        syscall(SYS_close_range, 0, (unsigned)fd - 1, 0);
        syscall(SYS_close_range, (unsigned)fd + 1, ~0U, 0);
        guardian_main(fd);
    }
    close(p[0]);
    if (pid < 0) {
        close(p[1]);
        return -1;
    }
    guard_fd = p[1];
    guard_pid = pid;
    return 0;
}

/* A normal exit: the guardian finds nothing registered and ends; wait for
 * it, so that no process outlives the grader even for a moment. */
static void guard_stop(void)
{
    if (guard_fd < 0)
        return;
    close(guard_fd);
    guard_fd = -1;
    while (waitpid(guard_pid, NULL, 0) < 0 && errno == EINTR)
        ;
}

static void guard(const char *op, const char *arg)
{
    char line[PATH_MAX + 8];
    int n = snprintf(line, sizeof line, "%s %s\n", op, arg);
    if (n > 0 && (size_t)n < sizeof line && guard_start() == 0 &&
        write(guard_fd, line, (size_t)n) != n)
        fprintf(stderr, "grader: the guardian is gone: %s\n", strerror(errno));
}

static int live_children;  /* started by proc.c, not yet reaped */

/* proc.c's hook: a child's group is registered while it lives. */
static void guard_child(int pid, int alive)
{
    live_children += alive ? 1 : -1;
    char g[32];
    snprintf(g, sizeof g, "%d", pid);
    guard(alive ? "+g" : "-g", g);
}

/* guard(op, arg): "+d"/"-d" a path, "+g"/"-g" a process group. */
static int l_guard(lua_State *L)
{
    const char *op = luaL_checkstring(L, 1);
    if (strcmp(op, "+d") != 0 && strcmp(op, "-d") != 0 && strcmp(op, "+g") != 0 && strcmp(op, "-g") != 0)
        return luaL_error(L, "guard: unknown operation '%s'", op);
    guard(op, luaL_checkstring(L, 2));
    return 0;
}

static int l_mkdtemp(lua_State *L)
{
    const char *tmp = getenv("TMPDIR");
    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/slope-grader-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (mkdtemp(path) == NULL)
        return luaL_error(L, "cannot make a temp directory under %s: %s",
                          tmp && *tmp ? tmp : "/tmp", strerror(errno));
    memcpy(current_tmp, path, sizeof path);
    guard("+d", path);
    lua_pushstring(L, path);
    return 1;
}

static int l_rmtree(lua_State *L)
{
    const char *dir = luaL_checkstring(L, 1);
    lua_pushboolean(L, nftw(dir, rm_one, 16, FTW_DEPTH | FTW_PHYS) == 0);
    if (strcmp(dir, current_tmp) == 0) {
        current_tmp[0] = '\0';
        guard("-d", dir);
    }
    return 1;
}

static int l_mkdir(lua_State *L)
{
    const char *dir = luaL_checkstring(L, 1);
    lua_pushboolean(L, mkdir(dir, 0755) == 0 || errno == EEXIST);
    return 1;
}

/* stat(path) -> "file" | "dir" | "other" | nil */
static int l_stat(lua_State *L)
{
    struct stat st;
    if (stat(luaL_checkstring(L, 1), &st) < 0)
        return 0;
    lua_pushstring(L, S_ISDIR(st.st_mode) ? "dir" : S_ISREG(st.st_mode) ? "file" : "other");
    return 1;
}

/* realpath(path) -> the absolute path with no link, "." or "..", or nil */
static int l_realpath(lua_State *L)
{
    char real[PATH_MAX];
    if (realpath(luaL_checkstring(L, 1), real) == NULL)
        return 0;
    lua_pushstring(L, real);
    return 1;
}

/* read_source(path, root, cap) -> text | nil, reason: read a submission
 * file without following a link (O_NOFOLLOW, and no hard link either),
 * only when it is a regular file of at most cap bytes whose real path lies
 * inside root (the student's own folder, or the file itself). */
static int l_read_source(lua_State *L)
{
    const char *path = luaL_checkstring(L, 1);
    const char *root = luaL_checkstring(L, 2);
    size_t cap = (size_t)luaL_checknumber(L, 3);
    const char *why = NULL;
    char real[PATH_MAX], real_root[PATH_MAX];
    struct stat st;
    int fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0)
        why = errno == ELOOP ? "links are not accepted" : strerror(errno);
    else if (fstat(fd, &st) < 0)
        why = strerror(errno);
    else if (!S_ISREG(st.st_mode))
        why = "not a regular file";
    else if (st.st_nlink > 1)
        why = "links are not accepted (a hard link)";
    else if ((size_t)st.st_size > cap)
        why = "too large";
    else if (realpath(path, real) == NULL || realpath(root, real_root) == NULL)
        why = strerror(errno);
    else {
        size_t n = strlen(real_root);
        if (strcmp(real, real_root) != 0 && (strncmp(real, real_root, n) != 0 || real[n] != '/'))
            why = "links are not accepted (it lies outside your folder)";
    }
    luaL_Buffer b;
    if (why == NULL) {
        luaL_buffinit(L, &b);
        size_t total = 0;
        for (;;) {
            char chunk[8192];
            ssize_t r = read(fd, chunk, sizeof chunk);
            if (r < 0 && errno == EINTR)
                continue;
            if (r <= 0 || (total += (size_t)r) > cap) {
                why = r < 0 ? strerror(errno) : r > 0 ? "too large" : NULL;
                break;
            }
            luaL_addlstring(&b, chunk, (size_t)r);
        }
    }
    if (fd >= 0)
        close(fd);
    if (why != NULL) {
        lua_pushnil(L);
        lua_pushstring(L, why);
        return 2;
    }
    luaL_pushresult(&b);
    return 1;
}

/* lstat(path) -> "file" | "dir" | "link" | "other" | nil */
static int l_lstat(lua_State *L)
{
    struct stat st;
    if (lstat(luaL_checkstring(L, 1), &st) < 0)
        return 0;
    lua_pushstring(L, S_ISLNK(st.st_mode) ? "link" : S_ISDIR(st.st_mode) ? "dir"
                      : S_ISREG(st.st_mode) ? "file" : "other");
    return 1;
}

/* listdir(path) -> sorted array of names (no dot files), or nil. */
static int l_listdir(lua_State *L)
{
    struct dirent **ents;
    int n = scandir(luaL_checkstring(L, 1), &ents, NULL, alphasort);
    if (n < 0)
        return 0;
    lua_createtable(L, n, 0);
    int k = 0;
    for (int i = 0; i < n; i++) {
        if (ents[i]->d_name[0] != '.') {
            lua_pushstring(L, ents[i]->d_name);
            lua_rawseti(L, -2, ++k);
        }
        free(ents[i]);
    }
    free(ents);
    return 1;
}

static int l_now_ms(lua_State *L)
{
    lua_pushnumber(L, proc_now_ms());
    return 1;
}

static int l_getpid(lua_State *L)
{
    lua_pushinteger(L, (lua_Integer)getpid());
    return 1;
}

static int l_isatty(lua_State *L)
{
    lua_pushboolean(L, isatty((int)luaL_checkinteger(L, 1)));
    return 1;
}

static int l_ncpu(lua_State *L)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    lua_pushinteger(L, n > 0 ? n : 1);
    return 1;
}

static int l_exe(lua_State *L)
{
    char path[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", path, sizeof path - 1);
    if (n < 0)
        return 0;
    lua_pushlstring(L, path, (size_t)n);
    return 1;
}

/* hash(s) -> 16 hex digits: FNV-1a, 64 bits (a content fingerprint for
 * skipping unchanged submissions, not a cryptographic hash). */
static int l_hash(lua_State *L)
{
    size_t n;
    const unsigned char *s = (const unsigned char *)luaL_checklstring(L, 1, &n);
    uint64_t h = 14695981039346656037ULL;
    for (size_t i = 0; i < n; i++) {
        h ^= s[i];
        h *= 1099511628211ULL;
    }
    char hex[17];
    snprintf(hex, sizeof hex, "%016llx", (unsigned long long)h);
    lua_pushstring(L, hex);
    return 1;
}

/* spawn(argv [, outfile]) -> pid: run a program with stdout and stderr into
 * outfile (or the grader's own, when nil), stdin from /dev/null. */
static int l_spawn(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    const char *outfile = luaL_optstring(L, 2, NULL);
    size_t n = lua_objlen(L, 1);
    char **argv = calloc(n + 1, sizeof *argv);
    if (argv == NULL)
        return luaL_error(L, "out of memory");
    for (size_t i = 0; i < n; i++) {
        lua_rawgeti(L, 1, (int)i + 1);
        argv[i] = strdup(luaL_checkstring(L, -1));
        lua_pop(L, 1);
    }
    fflush(NULL);
    pid_t parent = getpid();
    pid_t pid = fork();
    if (pid == 0) {
        /* A group of its own (the guardian kills it with whatever it
         * started) that dies with this process. */
        setpgid(0, 0);
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (getppid() != parent)
            _exit(EXIT_INTERNAL);
        int null = open("/dev/null", O_RDONLY);
        if (null < 0 || dup2(null, 0) < 0)
            _exit(EXIT_INTERNAL);
        if (outfile != NULL) {
            int fd = open(outfile, O_WRONLY | O_CREAT | O_TRUNC, 0644);
            if (fd < 0 || dup2(fd, 1) < 0 || dup2(fd, 2) < 0)
                _exit(EXIT_INTERNAL);
        }
        execv(argv[0], argv);
        _exit(EXIT_INTERNAL);
    }
    free_argv(argv);
    if (pid < 0)
        return luaL_error(L, "fork: %s", strerror(errno));
    setpgid(pid, pid);
    guard_child(pid, 1);
    lua_pushinteger(L, pid);
    return 1;
}

/* wait() -> pid, exit status (128 + signal when killed), or nil. */
static int l_wait(lua_State *L)
{
    int st;
    pid_t pid;
    while ((pid = waitpid(-1, &st, 0)) < 0 && errno == EINTR)
        ;
    if (pid < 0)
        return 0;
    guard_child(pid, 0);
    lua_pushinteger(L, pid);
    lua_pushinteger(L, WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st));
    return 2;
}

/* watch(dir, name, timeout_s) -> true when `name` in `dir` was written or
 * replaced (editors save by rename), false on time-out. */
static int l_watch(lua_State *L)
{
    const char *dir = luaL_checkstring(L, 1);
    const char *name = luaL_checkstring(L, 2);
    double timeout = luaL_optnumber(L, 3, -1);
    int fd = inotify_init1(IN_CLOEXEC);
    if (fd < 0 || inotify_add_watch(fd, dir, IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE) < 0)
        return luaL_error(L, "inotify on %s: %s", dir, strerror(errno));
    int hit = 0;
    double end = proc_now_ms() + timeout * 1e3;
    while (!hit) {
        int ms = timeout < 0 ? -1 : (int)(end - proc_now_ms());
        if (timeout >= 0 && ms <= 0)
            break;
        struct pollfd p = { fd, POLLIN, 0 };
        if (poll(&p, 1, ms) <= 0)
            continue;
        char buf[8192] __attribute__((aligned(__alignof__(struct inotify_event))));
        ssize_t len = read(fd, buf, sizeof buf);
        for (char *q = buf; len > 0 && q < buf + len;) {
            const struct inotify_event *ev = (const struct inotify_event *)(void *)q;
            if (ev->len > 0 && strcmp(ev->name, name) == 0)
                hit = 1;
            q += sizeof *ev + ev->len;
        }
    }
    close(fd);
    lua_pushboolean(L, hit);
    return 1;
}

static const luaL_Reg grader_c[] = {
    { "compile", l_compile }, { "runner_start", l_runner_start }, { "probe", l_probe },
    { "policy", l_policy },   { "limit", l_limit },     { "mkdtemp", l_mkdtemp },
    { "rmtree", l_rmtree },   { "mkdir", l_mkdir },     { "stat", l_stat },
    { "realpath", l_realpath },
    { "listdir", l_listdir }, { "read_source", l_read_source }, { "lstat", l_lstat },
    { "guard", l_guard },     { "getpid", l_getpid }, { "now_ms", l_now_ms },   { "isatty", l_isatty },
    { "ncpu", l_ncpu },       { "exe", l_exe },         { "hash", l_hash },
    { "spawn", l_spawn },     { "wait", l_wait },       { "watch", l_watch },
    { NULL, NULL },
};

/* ---- start-up ---------------------------------------------------------------- */

static const luaL_Reg session_m[] = {
    { "recv", l_session_recv }, { "load", l_session_load }, { "send", l_session_send },
    { "finish", l_session_finish },
    { "out_total", l_session_out_total }, { "__gc", l_session_gc }, { NULL, NULL },
};

static const luaL_Reg compile_m[] = {
    { "wait", l_compile_wait }, { "kill", l_compile_kill }, { "__gc", l_compile_kill }, { NULL, NULL },
};

static int open_grader_c(lua_State *L)
{
    luaL_newmetatable(L, SESSION);
    lua_pushvalue(L, -1);
    lua_setfield(L, -2, "__index");
    luaL_register(L, NULL, session_m);
    lua_pop(L, 1);
    luaL_newmetatable(L, COMPILE);
    lua_pushvalue(L, -1);
    lua_setfield(L, -2, "__index");
    luaL_register(L, NULL, compile_m);
    lua_pop(L, 1);
    lua_newtable(L);
    luaL_register(L, NULL, grader_c);
    return 1;
}

/* The grader's Lua modules, compiled in as bytecode. */
static const struct {
    const char *name, *chunk;
    const unsigned char *bc;
    size_t size;
} modules[] = {
    { "grader.spec", "@grader/spec.lua", luaJIT_BC_spec, luaJIT_BC_spec_SIZE },
    { "grader.judge", "@grader/judge.lua", luaJIT_BC_judge, luaJIT_BC_judge_SIZE },
    { "grader.report", "@grader/report.lua", luaJIT_BC_report, luaJIT_BC_report_SIZE },
    { "grader.cli", "@grader/cli.lua", luaJIT_BC_cli, luaJIT_BC_cli_SIZE },
    { "grader.batch", "@grader/batch.lua", luaJIT_BC_batch, luaJIT_BC_batch_SIZE },
    { "grader.figure", "@grader/figure.lua", luaJIT_BC_figure, luaJIT_BC_figure_SIZE },
    { "slope", "@lua/slope.lua", luaJIT_BC_slope, luaJIT_BC_slope_SIZE },
};

/* package.preload's loader for modules[upvalue]: the bytecode is read on
 * first require, so `grader check` never pays for batch, figure or slope. */
static int load_module(lua_State *L)
{
    size_t i = (size_t)lua_tointeger(L, lua_upvalueindex(1));
    if (luaL_loadbuffer(L, (const char *)modules[i].bc, modules[i].size, modules[i].chunk) != 0)
        return lua_error(L);
    lua_pushvalue(L, 1);
    lua_call(L, 1, 1);
    return 1;
}

static void preload_modules(lua_State *L)
{
    lua_getglobal(L, "package");
    lua_getfield(L, -1, "preload");
    for (size_t i = 0; i < sizeof modules / sizeof modules[0]; i++) {
        lua_pushinteger(L, (lua_Integer)i);
        lua_pushcclosure(L, load_module, 1);
        lua_setfield(L, -2, modules[i].name);
    }
    lua_pop(L, 2);
}

static int traceback(lua_State *L)
{
    luaL_traceback(L, L, lua_tostring(L, 1), 1);
    return 1;
}

int main(int argc, char **argv)
{
    signal(SIGPIPE, SIG_IGN);
    signal(SIGINT, on_stop);
    signal(SIGTERM, on_stop);
    proc_on_child = guard_child;
    /* Now, not on first use: a grader killed a moment after it made its
     * temp directory must already have someone to remove it. */
    if (guard_start() < 0)
        fprintf(stderr, "grader: warning: no guardian (%s): a killed grader may leave files\n", strerror(errno));
    lua_State *L = luaL_newstate();
    if (L == NULL) {
        fputs("grader: internal error: cannot create the Lua state\n", stderr);
        return EXIT_INTERNAL;
    }
    luaL_openlibs(L);
    lua_getglobal(L, "package");
    lua_getfield(L, -1, "preload");
    lua_pushcfunction(L, open_grader_c);
    lua_setfield(L, -2, "grader.c");
    lua_pop(L, 2);
    preload_modules(L);

    lua_pushcfunction(L, traceback);
    lua_getglobal(L, "require");
    lua_pushstring(L, "grader.cli");
    lua_call(L, 1, 1);
    lua_createtable(L, argc, 0);
    for (int i = 1; i < argc; i++) {
        lua_pushstring(L, argv[i]);
        lua_rawseti(L, -2, i);
    }
    int code = EXIT_INTERNAL;
    if (lua_pcall(L, 1, 1, -3) != 0)
        fprintf(stderr, "grader: internal error: %s\n", lua_tostring(L, -1));
    else
        code = (int)luaL_optinteger(L, -1, EXIT_INTERNAL);
    fflush(NULL);
    /* Closing the state frees its objects one by one, a millisecond of
     * every `grader check`; exit() gives the memory back at once.  Only a
     * child still running needs it: its handle's __gc kills and reaps it. */
    if (live_children > 0)
        lua_close(L);
    guard_stop();
    return code;
}
