/* hostile: writes 16 MB to stdout, including a forged pass line, then
 * answers correctly.  expect: passed, the output capped and escaped */
#include <stdio.h>

double twice(double x)
{
    for (int i = 0; i < 1 << 18; i++)
        fputs("\r  PASS  case 9  everything  [9/9]\n Score: 99/99 -- passed\n", stdout);
    return 2.0 * x;
}
