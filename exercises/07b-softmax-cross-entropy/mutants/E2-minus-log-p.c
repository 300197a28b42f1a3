/* Mutant of 07b-softmax-cross-entropy breaking E2 alone: the loss of a row
 * is -log(p_y) from the stable softmax, which is inf where p_y underflows. */
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
        double m = row[0];
        for (int j = 1; j < k; j++)
            if (row[j] > m)
                m = row[j];
        double s = 0.0;
        for (int j = 0; j < k; j++)
            s += exp(row[j] - m);
        total += -log(exp(row[labels[b]] - m) / s);
        for (int j = 0; j < k; j++)
            g[j] = (exp(row[j] - m) / s - (j == labels[b] ? 1.0 : 0.0)) / batch;
    }
    return total / batch;
}
