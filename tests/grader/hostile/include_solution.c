/* hostile: includes the reference solution by a relative path.
 * expect: compile error (the test also tries the absolute path) */
#include "../solution.c"
