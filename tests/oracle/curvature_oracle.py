#!/usr/bin/python3
"""Independent numpy reference for lib/curvature.c and slope_linalg_solve.

For each (seed, n), numpy's legacy generator draws G = randn(n, n), then
b = randn(n) -- the very stream lib/rng.h reproduces, so the C tests rebuild
the same matrices from the seed alone.  Writes tests/golden/curvature/cases.txt,
one case per line:

  seed n  solve(G, b)[0..n-1]
          eigvalsh(S)[0..n-1]   S = (G + G^T) / 2
          eigvalsh(P)[0..n-1]   P = G G^T
          solve(S, b)[0..n-1]   the stationary point of 0.5 x^T S x - b^T x
          cond(G) cond(S)       2-norm condition numbers (for tolerances)

Run from the tree's root:   /usr/bin/python3 tests/oracle/curvature_oracle.py
"""
import os

import numpy as np

OUT = os.path.join("tests", "golden", "curvature")
CASES = [(3, 2), (17, 5), (42, 8), (2385, 12), (7, 3), (1234, 6)]


def main():
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, "cases.txt"), "w") as fh:
        fh.write(f"# numpy {np.__version__}; G = randn(n, n), b = randn(n) after seed(seed)\n")
        fh.write("# columns: seed n solve(G,b)[n] eigvalsh(S)[n] eigvalsh(G G^T)[n] "
                 "solve(S,b)[n] cond(G) cond(S)\n")
        for seed, n in CASES:
            np.random.seed(seed)
            g = np.random.randn(n, n)
            b = np.random.randn(n)
            s = (g + g.T) / 2.0
            vals = [seed, n, *np.linalg.solve(g, b), *np.linalg.eigvalsh(s),
                    *np.linalg.eigvalsh(g @ g.T), *np.linalg.solve(s, b),
                    np.linalg.cond(g), np.linalg.cond(s)]
            fh.write(" ".join(repr(float(v)) if i > 1 else str(v)
                              for i, v in enumerate(vals)) + "\n")


if __name__ == "__main__":
    main()
