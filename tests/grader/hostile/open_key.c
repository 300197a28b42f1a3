/* hostile: looks for the answer key (the test passes its absolute path in
 * SLOPE_TEST_KEY, and relative guesses follow); answers correctly only when
 * every open fails.  expect: passed (no key readable) */
#include <stdio.h>
#include <stdlib.h>

double twice(double x)
{
    const char *guesses[] = { getenv("SLOPE_TEST_KEY"), "keys/public.txt",
                              "../keys/public.txt", "../../keys/public.txt" };
    for (int i = 0; i < 4; i++) {
        FILE *fp = guesses[i] ? fopen(guesses[i], "r") : NULL;
        if (fp != NULL) {
            fclose(fp);
            return -1.0;
        }
    }
    return 2.0 * x;
}
