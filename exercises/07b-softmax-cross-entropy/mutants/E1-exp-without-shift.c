/* Mutant of 07b-softmax-cross-entropy breaking E1 alone: exp of the raw
 * logits, without the shift by the row's maximum (m = 0), so exp(1000) is inf
 * and a row of -1000s sums to 0; the loss is still log(s) - z_y. */
#include <math.h>

double softmax_cross_entropy(const double *z, const int *labels, int batch, int k,
                             double *grad)
{
    if (batch <= 0 || k <= 0)
        return NAN;
    for (int b = 0; b < batch; b++) {
        if (labels[b] < 0 || labels[b] >= k) {
            for (long i = 0; i < (long)batch * k; i++)
                grad[i] = NAN;
            return NAN;
        }
    }
    double total = 0.0;
    for (int b = 0; b < batch; b++) {
        const double *row = z + (long)b * k;
        double *g = grad + (long)b * k;
        double m = 0.0;
        double s = 0.0;
        for (int j = 0; j < k; j++)
            s += exp(row[j] - m);
        total += (m - row[labels[b]]) + log(s);
        for (int j = 0; j < k; j++)
            g[j] = (exp(row[j] - m) / s - (j == labels[b] ? 1.0 : 0.0)) / batch;
    }
    return total / batch;
}
