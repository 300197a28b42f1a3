/* hostile: prints every kind of ill-formed UTF-8 next to well-formed text,
 * then answers correctly.  expect: passed, and a report that is valid UTF-8
 * with each ill-formed byte shown as \xHH */
#include <stdio.h>

static const char corpus[] =
    "ok:\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80|"     /* e-acute, euro, an emoji: kept */
    "overlong:\xC0\xAF\xE0\x80\xAF\xF0\x80\x80\xAF|" /* '/' in 2, 3 and 4 bytes */
    "surrogate:\xED\xA0\x80\xED\xBF\xBF|"          /* U+D800, U+DFFF */
    "too-big:\xF4\x90\x80\x80\xF5\x80\x80\x80\xFF|" /* U+110000, bytes never used */
    "cut:\xE2\x82|stray:\x80\xBF|";                /* a truncated euro, lone continuations */

double twice(double x)
{
    fputs(corpus, stdout);
    return 2.0 * x;
}
