/* hostile: looks for the answer key (the test writes its absolute path in
 * place of the placeholder, and relative guesses follow); answers correctly
 * only when every open fails.  expect: passed (no key readable) */
#include <stdio.h>

double twice(double x)
{
    const char *guesses[] = { "@KEY@", "keys/public.txt",
                              "../keys/public.txt", "../../keys/public.txt" };
    for (int i = 0; i < 4; i++) {
        FILE *fp = fopen(guesses[i], "r");
        if (fp != NULL) {
            fclose(fp);
            return -1.0;
        }
    }
    return 2.0 * x;
}
