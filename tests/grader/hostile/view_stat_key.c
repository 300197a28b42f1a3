/* hostile: asks about the answer key and the grader by path: stat(),
 * lstat(), access() of the key, access() of the grader's binary, readlink()
 * of /proc/self/exe.  In the private view none of them exists, so each
 * answer must be ENOENT, as for any missing file (EACCES would say "it is
 * there, you may not look").  The test writes the paths in place of @KEY@
 * and @GRADER@.  expect: passed in the view; wrong answers without it */
#include <errno.h>
#include <sys/stat.h>
#include <unistd.h>

static int missing(int rc)
{
    return rc < 0 && errno == ENOENT;
}

double twice(double x)
{
    struct stat st;
    char buf[256];
    if (!missing(stat("@KEY@", &st)) || !missing(lstat("@KEY@", &st)) || !missing(access("@KEY@", F_OK)))
        return -1.0;
    if (!missing(access("@GRADER@", F_OK)))
        return -2.0;
    if (!missing((int)readlink("/proc/self/exe", buf, sizeof buf)))
        return -3.0;
    return 2.0 * x;
}
