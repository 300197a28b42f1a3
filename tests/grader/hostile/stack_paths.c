/* hostile: reads the top of its own stack, where the environment, argv and
 * the path the program was started by lie, for the grader's folder (the
 * test writes it in place of the placeholder).  The runner wipes what
 * names the host before it loads this.  expect: passed (nothing found) */
#include <stdint.h>
#include <string.h>
#include <sys/auxv.h>

double twice(double x)
{
    static const char needle[] = "@GRADER_DIR@";
    const char *p = (const char *)&x;
    /* The kernel puts that path at the very top of the stack: the end of
     * its page is the end of the stack. */
    uintptr_t top = ((uintptr_t)getauxval(AT_EXECFN) | 4095) + 1;
    size_t n = strlen(needle);
    for (; (uintptr_t)p + n <= top; p++)
        if (memcmp(p, needle, n) == 0)
            return -1.0;
    return 2.0 * x;
}
