/* The forward difference instead of the central one. */
double central_diff(double (*f)(double), double x, double h)
{
    return (f(x + h) - f(x)) / h;
}
