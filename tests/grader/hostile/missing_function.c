/* hostile: a typo in the name.  expect: missing function twice */
double twise(double x)
{
    return 2.0 * x;
}
