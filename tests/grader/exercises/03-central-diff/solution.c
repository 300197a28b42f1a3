/* Reference solution of 03-central-diff. */
double central_diff(double (*f)(double), double x, double h)
{
    return (f(x + h) - f(x - h)) / (2.0 * h);
}
