/* hostile: asks the compiler whether the answer key exists, by its absolute
 * path (the test writes it in place of @KEY@).  In the private view it does
 * not.  expect: passed (a compile error would tell the key is there) */
#if __has_include("@KEY@")
#error "the answer key is visible to the compiler"
#endif

double twice(double x)
{
    return 2.0 * x;
}
