/* hostile: asks about the answer key without opening it (the test writes
 * its absolute path in place of the placeholder): stat() for its size and
 * time, access() for its existence, readlink() of the grader's path.  Any
 * answer is a leak.  expect: passed (every probe fails) */
#include <sys/stat.h>
#include <unistd.h>

double twice(double x)
{
    const char *key = "@KEY@";
    struct stat st;
    char buf[256];
    if (stat(key, &st) == 0 || lstat(key, &st) == 0 || access(key, F_OK) == 0)
        return (double)st.st_size;
    if (readlink("/proc/self/exe", buf, sizeof buf) > 0 || stat("/proc/self/exe", &st) == 0)
        return -1.0;
    return 2.0 * x;
}
