/* hostile: looks for the system's and an installed course's libraries (where
 * a libslope installed with PREFIX=/usr or /usr/local would be, to dlopen it
 * and call the answers); answers correctly only when it cannot.
 * expect: passed (the runner may read its job directory only) */
#include <dirent.h>
#include <stdio.h>

static int can_list(const char *path)
{
    DIR *d = opendir(path);
    if (d == NULL)
        return 0;
    closedir(d);
    return 1;
}

double twice(double x)
{
    FILE *fp = fopen("/etc/ld.so.cache", "rb");
    if (fp != NULL) {
        fclose(fp);
        return -1.0;
    }
    if (can_list("/usr/lib") || can_list("/usr/local/lib") || can_list("/lib"))
        return -1.0;
    return 2.0 * x;
}
