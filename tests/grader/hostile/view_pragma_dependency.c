/* hostile: `#pragma GCC dependency` fails one way for a missing file and
 * another for a file it may not read.  The test compiles this with the
 * answer key's path and with a path that exists nowhere in place of @PATH@:
 * the compiler must say the same of both.  expect: compile error, the same
 * words for both paths */
#pragma GCC dependency "@PATH@"

double twice(double x)
{
    return 2.0 * x;
}
