/* Writes into its const input and "restores" it by subtracting h again. */
double shifted_sum(const double *x, int n, double h)
{
    double *w = (double *)x, s = 0.0;
    for (int i = 0; i < n; i++) {
        w[i] += h;
        s += w[i] * w[i];
        w[i] -= h;
    }
    return s;
}
