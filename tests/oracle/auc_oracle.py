#!/usr/bin/python3
"""Independent references for tests/check_auc.c, from numpy and scikit-learn.

Writes tests/golden/auc/:
  seed26.txt   the scores and labels the course's AUC example draws with
               numpy's legacy RandomState (seed 42: beta(5, 2, 100) scores,
               then normal(0, 0.3, 100) label noise), its threshold grid
               (linspace(0, 1, 200)), the grid method's FPR/TPR and AUC as
               numpy computes them (trapz over the reversed arrays), and
               scikit-learn's roc_auc_score.  Layout:
               n, scores[n], labels[n], auc_grid, auc_sklearn,
               nt, thresholds[nt], fpr[nt], tpr[nt]
  roc_<name>.txt  sklearn.metrics.roc_curve(drop_intermediate=False) and
               roc_auc_score on small data sets.  Layout:
               n, scores[n], labels[n], auc, m, fpr[m], tpr[m],
               thresholds[1..m-1]  (sklearn < 1.3 puts max + 1 at [0])

Run from the tree's root:  /usr/bin/python3 tests/oracle/auc_oracle.py
"""
import os

import numpy as np
import sklearn
from sklearn.metrics import roc_auc_score, roc_curve

OUT = os.path.join("tests", "golden", "auc")


def write(name, numbers):
    with open(os.path.join(OUT, name), "w") as fh:
        fh.write(f"# written by tests/oracle/auc_oracle.py "
                 f"(numpy {np.__version__}, scikit-learn {sklearn.__version__})\n")
        for v in numbers:
            fh.write(repr(float(v)) + "\n")


def seed26():
    np.random.seed(42)
    scores = np.random.beta(5, 2, 100)
    labels = (scores + np.random.normal(0, 0.3, 100) > 0.5).astype(int)
    thresholds = np.linspace(0, 1, 200)
    pos, neg = labels.sum(), (1 - labels).sum()
    tpr = np.array([((scores >= t) & (labels == 1)).sum() / pos for t in thresholds])
    fpr = np.array([((scores >= t) & (labels == 0)).sum() / neg for t in thresholds])
    auc_grid = np.trapz(tpr[::-1], fpr[::-1])
    assert f"{auc_grid:.4f}" == "0.6510"
    write("seed26.txt", [len(scores), *scores, *labels, auc_grid, roc_auc_score(labels, scores),
                         len(thresholds), *thresholds, *fpr, *tpr])


def roc(name, scores, labels):
    fpr, tpr, thr = roc_curve(labels, scores, drop_intermediate=False)
    write(f"roc_{name}.txt", [len(scores), *scores, *labels, roc_auc_score(labels, scores),
                              len(fpr), *fpr, *tpr, *thr[1:]])


def datasets():
    rng = np.random.RandomState(2385)
    y = rng.randint(0, 2, 250)
    roc("continuous", rng.normal(0.0, 1.0, 250) + 0.8 * y, y)
    y = rng.randint(0, 2, 400)
    roc("ties", np.round(rng.uniform(0, 1, 400) * 0.6 + 0.4 * y, 1), y)
    y = rng.randint(0, 2, 23)
    roc("allequal", np.full(23, 0.385), y)
    y = rng.randint(0, 2, 60)
    roc("signed_zeros", rng.choice([-1.5, -0.0, 0.0, 0.25, 2.385], 60), y)
    y = np.r_[np.zeros(7, int), np.ones(5, int)]
    roc("separable", np.r_[rng.uniform(-3, -1, 7), rng.uniform(1, 3, 5)], y)
    roc("inverted", np.r_[rng.uniform(1, 3, 7), rng.uniform(-3, -1, 5)], y)
    y = (rng.uniform(0, 1, 5000) < 0.3).astype(int)
    roc("heavy_ties", np.round(rng.beta(2, 5, 5000) + 0.1 * y, 2), y)


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    seed26()
    datasets()
