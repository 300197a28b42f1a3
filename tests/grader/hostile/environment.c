/* hostile: reads its environment for paths of the host: the instructor's
 * folder (PWD), home, the grader's own path (_).  The runner is started
 * with none of them (nor LD_LIBRARY_PATH, which valgrind sets, for one),
 * only with the variables of policy_runner_env: a test harness's marker
 * and the switch some tests turn the view off with.  expect: passed
 * (nothing else to read) */
#include <string.h>

extern char **environ;

double twice(double x)
{
    for (char **e = environ; *e != NULL; e++)
        if (strncmp(*e, "SLOPE_GRADER_MARK=", 18) != 0 &&
            strncmp(*e, "SLOPE_GRADER_NO_NAMESPACES=", 27) != 0)
            return (double)strlen(*e);  /* a variable it should not have */
    return 2.0 * x;
}
