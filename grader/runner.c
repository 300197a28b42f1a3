/*
 * runner.c -- slope-run, the only program that loads a student's code.
 *
 * The grader starts it with exec in a fresh process (see proc.h), never as
 * a fork of itself: this program links no libslope, exports no symbols of
 * its own (no --export-dynamic), and holds neither answer keys nor the
 * spec's Lua state.  It reads DIR/job.lua and DIR/job.bin (the cases' inputs and the
 * exercise's prototypes, computed by the grader), installs the sandbox
 * (a private filesystem view that holds DIR alone, read-only, at
 * SANDBOX_JOB; rlimits, no_new_privs, Landlock, seccomp), says so on the
 * results channel (the handshake, frame H), and only then, on the grader's
 * word, loads submission.so and calls its functions through LuaJIT's FFI,
 * one case per command from the grader.  The frames are described in frame.h.
 *
 * The view is built here, after exec: this program and LuaJIT are mapped
 * already, so nothing of the host's file system needs to be in it.
 * Where user namespaces are unavailable (or --no-view) the sandbox is the
 * rest, and the handshake says so; a view that fails half-way is frame N
 * (the grader then starts a runner with --no-view).
 *
 *   slope-run [--unsafe] [--no-view] DIR MEM_MB CPU_S
 *
 * Exit status: 0 when told to stop, 2 usage, 124 its channel is gone,
 * 125 it could not set itself up.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>

#include "frame.h"
#include "policy.h"
#include "sandbox.h"

#include "runner_lua.h"

static const char USAGE[] =
    "usage: slope-run [--unsafe] [--no-view] DIR MEM_MB CPU_S\n"
    "\n"
    "Load DIR/submission.so in a sandbox and run the cases of DIR/job.lua on\n"
    "the grader's command (descriptor 4), writing framed results on\n"
    "descriptor 3.  Started by `grader`; not for direct use.\n";

/* Write one whole frame, or exit: a channel that fails is gone for good. */
static void send_frame(int tag, const char *p, size_t n)
{
    unsigned char hdr[FRAME_HDR] = { (unsigned char)tag, (unsigned char)n, (unsigned char)(n >> 8),
                                     (unsigned char)(n >> 16), (unsigned char)(n >> 24) };
    struct iovec iov[2] = { { hdr, sizeof hdr }, { (void *)(uintptr_t)p, n } };
    while (iov[0].iov_len + iov[1].iov_len > 0) {
        ssize_t w = writev(FRAME_FD, iov, 2);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            _exit(FRAME_EXIT_CHANNEL);
        for (int i = 0; i < 2; i++) {
            size_t take = (size_t)w < iov[i].iov_len ? (size_t)w : iov[i].iov_len;
            iov[i].iov_base = (char *)iov[i].iov_base + take;
            iov[i].iov_len -= take;
            w -= (ssize_t)take;
        }
    }
}

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec * 1e-6;
}

/* send(tag, payload) */
static int l_send(lua_State *L)
{
    size_t n;
    const char *tag = luaL_checkstring(L, 1);
    const char *p = luaL_checklstring(L, 2, &n);
    send_frame(tag[0], p, n);
    return 0;
}

/* The next command: a case number, FRAME_CMD_LOAD, or 0 to stop (also
 * when the channel is closed or cut short). */
static uint32_t read_command(void)
{
    unsigned char b[4];
    size_t got = 0;
    while (got < sizeof b) {
        ssize_t r = read(FRAME_CMD_FD, b + got, sizeof b - got);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            return 0;
        got += (size_t)r;
    }
    return (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24;
}

/* command() -> the next case number, 0 to stop (also at end of file). */
static int l_command(lua_State *L)
{
    uint32_t k = read_command();
    lua_pushinteger(L, k == FRAME_CMD_LOAD ? 0 : (lua_Integer)k);
    return 1;
}

static int l_flush(lua_State *L)
{
    (void)L;
    fflush(NULL);
    return 0;
}

/* bind_now(path) -> nil, or dlerror()'s message: load the object with
 * every symbol resolved now, so that a call to a function nobody defines
 * (slope_*, anything of the grader's) fails here, by name, and not as a
 * lazy-binding exit in the middle of a case.  ffi.load then finds it
 * loaded. */
static int l_bind_now(lua_State *L)
{
    if (dlopen(luaL_checkstring(L, 1), RTLD_NOW | RTLD_LOCAL) != NULL)
        return 0;
    const char *e = dlerror();
    lua_pushstring(L, e ? e : "cannot load");
    return 1;
}

static const luaL_Reg run_c[] = {
    { "send", l_send },   { "command", l_command }, { "flush", l_flush },
    { "bind_now", l_bind_now }, { NULL, NULL },
};

/* A failure before the handshake: the grader's, reported as such. */
static int setup_failed(const char *what, const char *why)
{
    char msg[512];
    int n = snprintf(msg, sizeof msg, "sandbox: %s: %s", what, why);
    send_frame('F', msg, (size_t)n);
    fprintf(stderr, "slope-run: %s\n", msg);
    return FRAME_EXIT_SETUP;
}

/* Address space already in use (LuaJIT, the job): the limit adds to it. */
static size_t current_vm_bytes(void)
{
    unsigned long pages = 0;
    FILE *fp = fopen("/proc/self/statm", "r");
    if (fp != NULL) {
        if (fscanf(fp, "%lu", &pages) != 1)
            pages = 0;
        fclose(fp);
    }
    return (size_t)pages * (size_t)sysconf(_SC_PAGESIZE);
}

/* The sandbox, in order: limits computed while /proc is still there, the
 * view (unless off), then rlimits, no_new_privs, Landlock, seccomp.
 * *dir becomes the job directory's path inside the view; *view_note says
 * why there is no view ("" when there is one).  0, or an exit status. */
static int install_sandbox(const char **dir, double mem_mb, double cpu_s, int unsafe, int view,
                           char *view_note, size_t n)
{
    sandbox_limits_t lim = {
        .cpu_s = cpu_s,
        .as_bytes = mem_mb > 0 ? current_vm_bytes() + (size_t)(mem_mb * 1048576.0) : 0,
        .fsize_bytes = (size_t)(policy_find("fsize_mb")->value * 1048576.0),
        .nofile = (int)policy_find("nofile")->value,
        .nproc = (int)policy_find("nproc")->value,
    };
    snprintf(view_note, n, "%s", unsafe ? "--unsafe" : "--no-view");
    int in_view = 0;
    if (!unsafe && view) {
        int rc = sandbox_view(policy_runner_ro, policy_nrunner_ro, *dir, 0, view_note, n);
        if (rc == SANDBOX_VIEW_BROKEN) {
            send_frame('N', view_note, strlen(view_note));
            return FRAME_EXIT_SETUP;
        }
        in_view = rc == 0;
        if (in_view) {
            *dir = SANDBOX_JOB;
            view_note[0] = '\0';
        }
    }
    const char *ro[64];
    size_t k = 0;
    for (; k < policy_nrunner_ro && k < 63; k++)
        ro[k] = policy_runner_ro[k];
    ro[k++] = *dir;
    if (sandbox_limits(&lim) < 0)
        return setup_failed("rlimits", strerror(errno));
    if (unsafe)
        return 0;
    if (sandbox_nnp() < 0)
        return setup_failed("no_new_privs", strerror(errno));
    if (sandbox_landlock(ro, k, NULL, 0, 0) < 0)
        return setup_failed("landlock", strerror(errno));
    if (sandbox_seccomp((int)getpid(), in_view) < 0)
        return setup_failed("seccomp", strerror(errno));
    return 0;
}

/* Call runner.lua's field `fn` with one string argument; 0 or an error
 * message left on the stack. */
static int call(lua_State *L, const char *fn, const char *arg)
{
    lua_getfield(L, -1, fn);
    lua_pushstring(L, arg);
    return lua_pcall(L, 1, 0, 0);
}

int main(int argc, char **argv)
{
    int unsafe = 0, view = 1, a = 1;
    if (argc > 1 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
        fputs(USAGE, stdout);
        return 0;
    }
    for (; a < argc && strncmp(argv[a], "--", 2) == 0; a++) {
        if (strcmp(argv[a], "--unsafe") == 0)
            unsafe = 1;
        else if (strcmp(argv[a], "--no-view") == 0)
            view = 0;
        else
            break;
    }
    char *end1 = NULL, *end2 = NULL;
    double mem_mb = argc - a == 3 ? strtod(argv[a + 1], &end1) : 0;
    double cpu_s = argc - a == 3 ? strtod(argv[a + 2], &end2) : 0;
    if (argc - a != 3 || *end1 != '\0' || *end2 != '\0' || cpu_s <= 0) {
        fprintf(stderr, "%sHINT: the grader starts this program; run `grader check` instead\n", USAGE);
        return 2;
    }
    const char *dir = argv[a];
    lua_State *L = luaL_newstate();
    if (L == NULL)
        return setup_failed("lua", "cannot create the Lua state");
    luaL_openlibs(L);
    lua_newtable(L);
    luaL_register(L, NULL, run_c);
    lua_getglobal(L, "package");
    lua_getfield(L, -1, "loaded");
    lua_pushvalue(L, -3);
    lua_setfield(L, -2, "run.c");
    lua_pop(L, 3);
    if (luaL_loadbuffer(L, (const char *)luaJIT_BC_runner, luaJIT_BC_runner_SIZE, "@grader/runner.lua") ||
        lua_pcall(L, 0, 1, 0))
        return setup_failed("runner.lua", lua_tostring(L, -1));
    if (call(L, "prepare", dir) != 0)
        return setup_failed("job", lua_tostring(L, -1));
    char note[256];
    int rc = install_sandbox(&dir, mem_mb, cpu_s, unsafe, view, note, sizeof note);
    if (rc != 0)
        return rc;
    /* "MS" in the view, "MS no view: WHY" without it. */
    char hello[320];
    int n = note[0] ? snprintf(hello, sizeof hello, "%.3f no view: %s", now_ms(), note)
                    : snprintf(hello, sizeof hello, "%.3f", now_ms());
    send_frame('H', hello, (size_t)n < sizeof hello ? (size_t)n : sizeof hello - 1);
    /* Set up while the compiler works: wait for the word that its object
     * is there.  A file that did not compile gets this runner killed; 0 or
     * a closed channel ends it here too. */
    if (read_command() != FRAME_CMD_LOAD)
        _exit(0);
    char so[4096];
    snprintf(so, sizeof so, "%s/submission.so", dir);
    if (call(L, "main", so) != 0) {
        size_t len;
        const char *m = lua_tolstring(L, -1, &len);
        send_frame('E', m ? m : "error", m ? len : 5);
    }
    /* As a forked runner did: no destructor or atexit handler of the
     * student's runs after the last case. */
    fflush(NULL);
    _exit(0);
}
