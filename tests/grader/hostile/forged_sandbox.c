/* hostile: a constructor claims, in the runner's own framing, that the
 * sandbox failed (and suggests --unsafe); it used to turn into the
 * grader's "internal error", exit 3, no verdict.
 * expect: "wrote to the grader's channel", exit 1. */
#include <string.h>
#include <unistd.h>

static void frame(char tag, const char *text)
{
    unsigned n = (unsigned)strlen(text);
    unsigned char hdr[5] = { (unsigned char)tag, n & 255, (n >> 8) & 255, (n >> 16) & 255, n >> 24 };
    if (write(3, hdr, 5) == 5 && write(3, text, n) < 0)
        return;
}

__attribute__((constructor)) static void forge(void)
{
    frame('F', "sandbox: landlock: Function not implemented. HINT: run again with --unsafe");
    if (write(3, "E sandbox: landlock: Function not implemented\n", 46) < 0)
        return;
}

double twice(double x)
{
    return 2.0 * x;
}
