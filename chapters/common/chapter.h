/*
 * chapter.h -- what every chapter program shares: its command line and the
 * way it announces each table.
 *
 * A chapter program reads top to bottom like its lesson: parse the options
 * the lesson lets a reader change (a step h, a learning rate, a start point), then
 * print one table after another.  Each table starts with chapter_table(), so
 * the weave tool (chapters/weave.lua) can cut the output into named tables
 * and paste each into the lesson where a `<!-- table: NAME -->` marker asks
 * for it.
 *
 * Exit codes, the same for every program: 0 success, 1 a computation failed
 * (a libslope status other than SLOPE_OK), 2 bad usage.
 */
#ifndef SLOPE_CHAPTER_H
#define SLOPE_CHAPTER_H

#include <stddef.h>
#include <stdio.h>

#include "status.h"

/* pi to double precision (M_PI is POSIX, not ISO C); equals numpy's np.pi. */
#define PI 3.14159265358979323846

typedef enum { CHAPTER_DOUBLE, CHAPTER_INT } chapter_kind;

/* One option, `--name VALUE` or `--name=VALUE`, stored into *dest. */
typedef struct {
    const char *name;
    chapter_kind kind;
    void *dest;        /* double * or int *, holding the default on entry */
    const char *help;
} chapter_opt;

/* Parse argv against opts.  `--help` prints the usage (with each default)
 * and exits 0; an unknown option, a missing or malformed value exits 2 with
 * a message saying what to type instead.  `--weave` switches the table
 * headings to the markers the weave tool reads (a build option: accepted,
 * but not listed by --help); `--data DIR` makes chapter_data() write figure
 * data into DIR. */
void chapter_parse(int argc, char **argv, const char *summary,
                   const chapter_opt *opts, size_t nopts);

/* Start the table NAME: a blank line and the title for a reader, or the
 * line "@@ table NAME" under --weave. */
void chapter_table(const char *name, const char *title);

/* Turn a failed libslope call into one message and exit 1: programs call it
 * as chapter_check(slope_..., "what was being computed"). */
void chapter_check(slope_status s, const char *what);

/* Under `--data DIR`, open DIR/NAME for writing the data a figure plots
 * (the plots/ scripts read it) and return it; without --data return NULL, so a
 * program writes figure data only when asked:
 *     FILE *fp = chapter_data("secants.dat");
 *     if (fp) { ...fprintf rows...; chapter_data_close(fp); }
 * A file that cannot be opened or written is a usage error (exit 2). */
FILE *chapter_data(const char *name);
void chapter_data_close(FILE *fp);

/* Start the data block NAME in a figure data file: a comment line
 * "# [NAME] columns" that gnuplot selects with `index "[NAME]"`, preceded by
 * the two blank lines that end the block before it. */
void chapter_data_block(FILE *fp, const char *name, const char *columns);

/* Reject an option value outside its domain (exit 2 with the message). */
void chapter_require(int ok, const char *message);

#endif
