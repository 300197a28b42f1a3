/* hostile: exercise 09's AUC taken from the course library by name.
 * expect: "undefined symbol slope_auc_exact" for every case. */
#include <math.h>
#include <stddef.h>

int slope_auc_exact(double *auc, const double *scores, const int *labels, size_t n);

double roc_auc(const double *scores, const int *labels, int n)
{
    double auc = NAN;
    slope_auc_exact(&auc, scores, labels, (size_t)n);
    return auc;
}
