/* hostile: returns a wrong value, and rewrites the result of the case
 * before with the right one (twice(2.385) = 4.77), framed as the runner
 * frames it.  Once four wrong calls passed this way.
 * expect: "wrote to the grader's channel", score 0. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static int calls;

double twice(double x)
{
    char text[64];
    unsigned n = (unsigned)snprintf(text, sizeof text, "%d %a", calls, 2.0 * 2.385);
    unsigned char hdr[5] = { 'R', n & 255, (n >> 8) & 255, (n >> 16) & 255, n >> 24 };
    if (calls++ > 0 && write(3, hdr, 5) == 5 && write(3, text, n) < 0)
        return 0;
    return x;
}
