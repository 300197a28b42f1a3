/* hostile: never returns.  expect: time limit */
double twice(double x)
{
    volatile double y = x;
    for (;;)
        y += 1.0;
    return y;
}
