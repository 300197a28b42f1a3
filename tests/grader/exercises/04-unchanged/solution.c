/* Reference solution of 04-unchanged. */
double shifted_sum(const double *x, int n, double h)
{
    double s = 0.0;
    for (int i = 0; i < n; i++)
        s += (x[i] + h) * (x[i] + h);
    return s;
}
