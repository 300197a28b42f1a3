"""Peers of bench/bench_auc.c: the AUC of 10^7 scores in scikit-learn and numpy.

Same kind of data as the C benchmark: scores uniform on [0, 1), each label
1 with probability equal to its score; the tied set rounds the scores to 2
decimals.  Two peers per data set:
  sklearn_roc_auc_score  sklearn.metrics.roc_auc_score(labels, scores)
  numpy_argsort_trapz    sort by score (argsort), cumulative sums of the
                         labels at the last index of each distinct score
                         (the ROC points, ties as one step), np.trapz
"""
import sys

import numpy as np

import peerlib

N = 10_000_000
REPS = 3


def numpy_auc(labels, scores):
    order = np.argsort(scores)[::-1]
    s, y = scores[order], labels[order]
    last = np.r_[np.flatnonzero(np.diff(s)), y.size - 1]  # end of each tie group
    tps = np.cumsum(y)[last]
    fps = last + 1 - tps
    tpr = np.r_[0.0, tps / tps[-1]]
    fpr = np.r_[0.0, fps / fps[-1]]
    return np.trapz(tpr, fpr)


def main():
    try:
        from sklearn.metrics import roc_auc_score
    except ImportError:
        print("bench: auc peers skipped (install python3-sklearn)")
        return 0
    rng = np.random.default_rng(2385)
    scores = rng.random(N)
    labels = (rng.random(N) < scores).astype(np.int32)
    results = peerlib.c_results()
    for name, s in (("auc_continuous_1e7", scores), ("auc_ties_1e7", np.round(scores, 2))):
        a_sk = roc_auc_score(labels, s)
        a_np = numpy_auc(labels, s)
        if abs(a_sk - a_np) > 1e-12:
            print(f"bench: {name}: peers disagree ({a_sk!r} vs {a_np!r})", file=sys.stderr)
            return 1
        ms = peerlib.median_ms(lambda: roc_auc_score(labels, s), REPS)
        peerlib.report(name, "sklearn_roc_auc_score", ms, results)
        ms = peerlib.median_ms(lambda: numpy_auc(labels, s), REPS)
        peerlib.report(name, "numpy_argsort_trapz", ms, results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
