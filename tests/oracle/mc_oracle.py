#!/usr/bin/python3
"""Independent numpy/scipy reference for lib/mc.c.

Each estimator is computed in numpy from the draws numpy's legacy generator
makes after seed(SEED) -- the stream lib/rng.h reproduces -- so the C tests
can match the sample means and variances to rounding.  The exact mean,
variance and fourth central moment of every per-draw term come from
scipy.integrate.quad against the standard normal density, independently of
the closed forms the tests also check.  Writes tests/golden/mc/:

  estimators.txt  one row per estimator, in the order of ROWS below:
                  sample_mean sample_var(ddof=1) exact_mean exact_var exact_mu4
  box.txt         d n  sample_mean sample_var  exact_integral

Run from the tree's root:   /usr/bin/python3 tests/oracle/mc_oracle.py
"""
import os

import numpy as np
from scipy import integrate, special, stats

OUT = os.path.join("tests", "golden", "mc")
SEED, N = 2385, 10000
THETA, SIGMA = 0.7, 1.3
BASE = THETA ** 2 + SIGMA ** 2          # the baseline E f for f = x^2


def sq(x):
    return x * x


# name, per-draw term as a function of eps (numpy arrays in, arrays out)
ROWS = [
    ("expect x^2", lambda e: sq(THETA + SIGMA * e)),
    ("score x^2", lambda e: (sq(THETA + SIGMA * e) - 0.0) * e / SIGMA),
    ("score x^2 baseline", lambda e: (sq(THETA + SIGMA * e) - BASE) * e / SIGMA),
    ("reparam x^2", lambda e: 2.0 * (THETA + SIGMA * e)),
    ("score sin", lambda e: (np.sin(THETA + SIGMA * e) - 0.0) * e / SIGMA),
    ("reparam sin", lambda e: np.cos(THETA + SIGMA * e)),
]


def exact_moments(term):
    def ex(g):
        return integrate.quad(lambda e: g(e) * stats.norm.pdf(e), -np.inf, np.inf,
                              epsabs=1e-13, epsrel=1e-13, limit=200)[0]
    m = ex(term)
    return m, ex(lambda e: (term(e) - m) ** 2), ex(lambda e: (term(e) - m) ** 4)


def gauss3(p):
    return np.exp(-np.sum(p * p, axis=-1))


def main():
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, "estimators.txt"), "w") as fh:
        fh.write(f"# numpy {np.__version__}: seed({SEED}); eps = randn({N}); x = {THETA} + {SIGMA} eps\n")
        fh.write("# rows: " + "; ".join(name for name, _ in ROWS) + f" (baseline {BASE!r})\n")
        fh.write("# columns: sample_mean sample_var(ddof=1) exact_mean exact_var exact_mu4\n")
        for _, term in ROWS:
            np.random.seed(SEED)
            t = term(np.random.randn(N))
            vals = [np.mean(t), np.var(t, ddof=1), *exact_moments(term)]
            fh.write(" ".join(repr(float(v)) for v in vals) + "\n")
    lo, hi, d, n = -1.0, 2.0, 3, 20000
    np.random.seed(SEED)
    pts = lo + (hi - lo) * np.random.random_sample((n, d))
    t = (hi - lo) ** d * gauss3(pts)
    exact = (np.sqrt(np.pi) / 2.0 * (special.erf(hi) - special.erf(lo))) ** d
    with open(os.path.join(OUT, "box.txt"), "w") as fh:
        fh.write(f"# exp(-|x|^2) over [{lo}, {hi}]^{d}, seed({SEED}), random_sample(({n}, {d}))\n")
        fh.write("# columns: d n sample_mean sample_var(ddof=1) exact_integral\n")
        fh.write(f"{d} {n} {float(np.mean(t))!r} {float(np.var(t, ddof=1))!r} {float(exact)!r}\n")


if __name__ == "__main__":
    main()
