/* hostile: reads /etc/passwd; answers correctly only when it cannot.
 * expect: passed (the sandbox denied the open) */
#include <stdio.h>

double twice(double x)
{
    FILE *fp = fopen("/etc/passwd", "r");
    if (fp != NULL) {
        fclose(fp);
        return -1.0;
    }
    return 2.0 * x;
}
