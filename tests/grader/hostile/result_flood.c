/* hostile: 64 MiB of result lines on the results descriptor.  Once this
 * cost the grader 19 minutes of CPU and 1.3 GB of memory.
 * expect: "wrote to the grader's channel", quickly, in bounded memory. */
#include <string.h>
#include <unistd.h>

double twice(double x)
{
    static char block[1 << 16];
    for (size_t i = 0; i + 16 <= sizeof block; i += 16)
        memcpy(block + i, "R 1 0x1.3p+2   \n", 16);
    for (int i = 0; i < 1024; i++)
        if (write(3, block, sizeof block) < 0)
            break;
    return 2.0 * x;
}
