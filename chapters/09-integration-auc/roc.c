/*
 * roc.c -- chapter 09's roc-auc table (roc.h), for the chapter program and
 * the website's live figure alike.
 */
#include "roc.h"

/* The classifier of section 8, as numpy draws it: scores = beta(5, 2, 100),
 * then labels = (scores + normal(0, 0.3, 100) > 0.5), all the scores drawn
 * before any of the noise, from one stream. */
void draw_scores(double *scores, int *labels, unsigned rng_seed)
{
    slope_rng r;
    slope_rng_seed(&r, rng_seed);
    for (int i = 0; i < N_SCORES; i++)
        scores[i] = slope_rng_beta(&r, 5, 2);
    for (int i = 0; i < N_SCORES; i++)
        labels[i] = scores[i] + slope_rng_normal(&r, 0, 0.3) > 0.5;
}

/* i times the step 1/(n-1), the last set to 1, as numpy computes it. */
void roc_linspace01(double *t, int n)
{
    double step = 1.0 / (n - 1);
    for (int i = 0; i < n; i++)
        t[i] = i * step;
    t[n - 1] = 1.0;
}

/* weave: pairs */
/* AUC as a probability: of all (positive, negative) pairs, the fraction in
 * which the positive scores higher, a tie counting one half. */
double pair_fraction(const double *s, const int *labels, int n)
{
    double wins = 0, pairs = 0;
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++)
            if (labels[i] == 1 && labels[j] == 0) {
                wins += s[i] > s[j] ? 1.0 : s[i] == s[j] ? 0.5 : 0.0;
                pairs += 1;
            }
    return wins / pairs;
}
/* weave end */

slope_status roc_grid_auc(double *auc, int *distinct, double *t, double *fpr, double *tpr,
                          const double *scores, const int *labels, int nt)
{
    if (nt < 2)
        return SLOPE_EINVAL;
    roc_linspace01(t, nt);
    slope_status s = slope_auc_grid(auc, fpr, tpr, t, (size_t)nt, scores, labels, N_SCORES);
    if (s != SLOPE_OK)
        return s;
    *distinct = 1; /* points differing from their neighbour: the grid's real corners */
    for (int i = 1; i < nt; i++)
        *distinct += fpr[i] != fpr[i - 1] || tpr[i] != tpr[i - 1];
    return SLOPE_OK;
}

slope_status roc_auc_table_print(FILE *out, roc_result *r, double *t, double *gf, double *gt,
                                 const double *scores, const int *labels, int nt, unsigned seed)
{
    int distinct, P = 0;
    slope_status s = roc_grid_auc(&r->grid, &distinct, t, gf, gt, scores, labels, nt);
    if (s != SLOPE_OK)
        return s;
    fprintf(out, "AUC-ROC (trapezoidal rule): %.4f\n", r->grid);
    fprintf(out, "  (1.0 = perfect, 0.5 = random)\n\n");
    for (int i = 0; i < N_SCORES; i++)
        P += labels[i];
    fprintf(out, "%d scores from Beta(5, 2), random seed %u: %d positives, %d negatives\n",
            N_SCORES, seed, P, N_SCORES - P);
    s = slope_auc_roc(r->fpr, r->tpr, NULL, &r->np, scores, labels, N_SCORES, NULL);
    if (s == SLOPE_OK)
        s = slope_auc_exact(&r->exact, scores, labels, N_SCORES, NULL);
    if (s != SLOPE_OK)
        return s;
    fprintf(out, "  grid of %d thresholds, trapezoid rule   %.8f  (%d distinct points)\n", nt,
            r->grid, distinct);
    fprintf(out, "  exact ROC, trapezoid rule              %.8f  (%zu points)\n",
            slope_integrate_trapz(r->tpr, r->fpr, r->np), r->np);
    fprintf(out, "  slope_auc_exact (Mann-Whitney U / PN)  %.8f\n", r->exact);
    fprintf(out, "  fraction of pairs ranked right         %.8f\n",
            pair_fraction(scores, labels, N_SCORES));
    fprintf(out, "grid - exact = %+.8f; at four digits, grid %.4f against exact %.4f\n",
            r->grid - r->exact, r->grid, r->exact);
    return ferror(out) ? SLOPE_EDOM : SLOPE_OK;
}
