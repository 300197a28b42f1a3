#!/usr/bin/python3
"""Independent scipy reference for lib/softmax.c and the BCE of lib/mlp.c.

scipy.special's logsumexp, softmax and log_softmax on rows of logits chosen
to break the naive formulas: magnitudes of +-1000 (e^1000 overflows), rows
spread wider than 745 (some probabilities underflow to 0), equal logits, and
-inf entries (classes of probability 0).  Writes under tests/golden/softmax/:

  rows.txt   per row (C = 5):  z[0..4]  y[0..4]  lse  p[0..4]  loss
             with loss = -sum_j y_j log_softmax(z)_j, terms with y_j = 0
             left out (scipy's log_softmax is -inf there);
  bce.txt    z  t  loss: binary cross-entropy of one logit, from
             numpy.logaddexp(0, z) - t z (the softplus form), |z| up to 1000.

Run from the tree's root:   /usr/bin/python3 tests/oracle/softmax_oracle.py
"""
import os

import numpy as np
import scipy
from scipy import special

OUT = os.path.join("tests", "golden", "softmax")
INF = np.inf

ROWS = [
    # z                                        y
    ([0.37, -1.2, 2.385, 0.05, -0.66],         [0, 0, 1, 0, 0]),
    ([1000.0, -1000.0, 999.5, 0.0, 998.25],    [0, 0, 1, 0, 0]),
    ([-1000.0, -1000.0, -999.0, -1001.5, -1000.0], [0.1, 0.2, 0.3, 0.25, 0.15]),
    ([1000.0, 1000.0, 1000.0, 1000.0, 1000.0], [1, 0, 0, 0, 0]),
    ([800.0, -150.0, 3.1, 0.0, -2.6],          [0, 1, 0, 0, 0]),   # p_1 underflows to 0
    ([12.5, -INF, 3.25, -INF, 0.125],          [0.5, 0, 0.5, 0, 0]),
    ([-745.5, 0.0, -7.75, 1e-3, 42.0],         [0.2, 0.2, 0.2, 0.2, 0.2]),
    ([709.0, 710.0, 711.0, -709.0, 2.385],     [0, 0, 0, 1, 0]),
]

BCE = [(1000.0, 0.0), (1000.0, 1.0), (-1000.0, 0.0), (-1000.0, 1.0), (40.0, 0.3),
       (-37.5, 0.75), (2.385, 1.0), (-0.37, 0.0), (0.0, 0.5), (710.0, 0.25)]


def row_loss(z, y):
    ls = special.log_softmax(z)
    return float(-sum(yj * lj for yj, lj in zip(y, ls) if yj != 0))


def main():
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, "rows.txt"), "w") as fh:
        fh.write(f"# scipy {scipy.__version__}, numpy {np.__version__}; C = 5; columns: "
                 "z[0..4] y[0..4] logsumexp(z) softmax(z)[0..4] cross-entropy\n")
        for z, y in ROWS:
            z = np.array(z)
            vals = list(z) + list(y) + [special.logsumexp(z)] + list(special.softmax(z)) \
                + [row_loss(z, y)]
            fh.write(" ".join(repr(float(v)) for v in vals) + "\n")
    with open(os.path.join(OUT, "bce.txt"), "w") as fh:
        fh.write(f"# numpy {np.__version__}; columns: z t logaddexp(0, z) - t z\n")
        for z, t in BCE:
            fh.write(f"{z!r} {t!r} {float(np.logaddexp(0.0, z) - t * z)!r}\n")


if __name__ == "__main__":
    main()
