/* hostile: int instead of double.  expect: compile error naming twice */
int twice(int x)
{
    return 2 * x;
}
