/* A plausible mistake: the product goes through an int. */
double twice(double x)
{
    int y = (int)(2 * x);
    return x > 0 ? 2 * x : y;
}
