/* Reference solution of 01-twice. */
double twice(double x)
{
    return 2.0 * x;
}
