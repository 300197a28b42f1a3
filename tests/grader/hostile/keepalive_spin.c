/* hostile: newlines on the results descriptor as fast as it can, forever.
 * expect: "wrote to the grader's channel", at once. */
#include <unistd.h>

double twice(double x)
{
    for (;;)
        if (write(3, "\n", 1) < 0)
            return x;
}
