/* An off-by-one: the last element is never written. */
void scale(double *out, const double *x, int n, double a)
{
    for (int i = 0; i < n - 1; i++)
        out[i] = a * x[i];
}

double sum(const double *x, int n)
{
    double s = 0.0;
    for (int i = 0; i < n; i++)
        s += x[i];
    return s;
}
