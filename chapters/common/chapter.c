#define _POSIX_C_SOURCE 200809L   /* access() */
#include "chapter.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int weave_mode;          /* program-wide: set once by chapter_parse */
static const char *data_dir;    /* --data DIR, or NULL */

static void usage(FILE *fp, const char *prog, const char *summary,
                  const chapter_opt *opts, size_t nopts)
{
    fprintf(fp, "usage: %s [options]\n%s\n\noptions:\n", prog, summary);
    for (size_t i = 0; i < nopts; i++) {
        if (opts[i].kind == CHAPTER_DOUBLE)
            fprintf(fp, "  --%-12s %s (default %g)\n", opts[i].name, opts[i].help,
                    *(double *)opts[i].dest);
        else
            fprintf(fp, "  --%-12s %s (default %d)\n", opts[i].name, opts[i].help,
                    *(int *)opts[i].dest);
    }
    /* --weave is left out: it serves the build (make weave), not a reader. */
    fprintf(fp, "  --%-12s %s\n  --%-12s %s\n", "help", "show this help and exit",
            "data DIR", "also write the figures' data files into DIR");
}

static void bad_usage(const char *prog, const char *what, const char *arg)
{
    fprintf(stderr, "%s: %s '%s'\nHINT: run '%s --help' for the options\n", prog, what, arg,
            prog);
    exit(2);
}

/* Store text into the option; 0 if it is not a whole finite number. */
static int store(const chapter_opt *o, const char *text)
{
    char *end;
    errno = 0;
    if (o->kind == CHAPTER_DOUBLE) {
        double v = strtod(text, &end);
        if (end == text || *end || errno || !isfinite(v))
            return 0;
        *(double *)o->dest = v;
    } else {
        long v = strtol(text, &end, 10);
        if (end == text || *end || errno || v < INT_MIN || v > INT_MAX)
            return 0;
        *(int *)o->dest = (int)v;
    }
    return 1;
}

void chapter_parse(int argc, char **argv, const char *summary,
                   const chapter_opt *opts, size_t nopts)
{
    const char *prog = argc > 0 ? argv[0] : "chapter";
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (!strcmp(arg, "--help") || !strcmp(arg, "-h")) {
            usage(stdout, prog, summary, opts, nopts);
            exit(0);
        }
        if (!strcmp(arg, "--weave")) {
            weave_mode = 1;
            continue;
        }
        if (!strncmp(arg, "--data", 6) && (arg[6] == '\0' || arg[6] == '=')) {
            data_dir = arg[6] == '=' ? arg + 7 : (i + 1 < argc ? argv[++i] : NULL);
            if (!data_dir || !*data_dir)
                bad_usage(prog, "missing directory for", arg);
            if (access(data_dir, W_OK) != 0)
                bad_usage(prog, "--data needs an existing, writable directory, not", data_dir);
            continue;
        }
        if (strncmp(arg, "--", 2) != 0)
            bad_usage(prog, "unexpected argument", arg);
        size_t len = strcspn(arg + 2, "=");
        const chapter_opt *o = NULL;
        for (size_t k = 0; k < nopts && !o; k++)
            if (strlen(opts[k].name) == len && !strncmp(arg + 2, opts[k].name, len))
                o = &opts[k];
        if (!o)
            bad_usage(prog, "unknown option", arg);
        const char *value = arg[2 + len] == '=' ? arg + 3 + len : (i + 1 < argc ? argv[++i] : NULL);
        if (!value)
            bad_usage(prog, "missing value for", arg);
        if (!store(o, value))
            bad_usage(prog, o->kind == CHAPTER_DOUBLE ? "expected a finite number, got"
                                                      : "expected a whole number, got",
                      value);
    }
}

void chapter_table(const char *name, const char *title)
{
    if (weave_mode)
        printf("@@ table %s\n", name);
    else
        printf("\n== %s\n", title);
}

void chapter_check(slope_status s, const char *what)
{
    if (s == SLOPE_OK)
        return;
    fflush(stdout);
    fprintf(stderr, "error: %s failed: %s\n", what, slope_status_str(s));
    exit(1);
}

void chapter_require(int ok, const char *message)
{
    if (ok)
        return;
    fprintf(stderr, "error: %s\nHINT: run with --help for the options and their ranges\n",
            message);
    exit(2);
}

FILE *chapter_data(const char *name)
{
    if (!data_dir)
        return NULL;
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", data_dir, name);
    FILE *fp = fopen(path, "w");
    if (!fp) {
        fprintf(stderr, "error: cannot write %s\nHINT: --data needs an existing, writable directory\n",
                path);
        exit(2);
    }
    return fp;
}

void chapter_data_close(FILE *fp)
{
    if (fp && (ferror(fp) | fclose(fp))) {
        fprintf(stderr, "error: writing a data file under %s failed\n", data_dir);
        exit(2);
    }
}

void chapter_data_block(FILE *fp, const char *name, const char *columns)
{
    fprintf(fp, "%s# [%s] %s\n", ftell(fp) > 0 ? "\n\n" : "", name, columns);
}
