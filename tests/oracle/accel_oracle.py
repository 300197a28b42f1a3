#!/usr/bin/python3
"""Independent numpy reference for the accelerated methods of lib/convergence.c.

Gradient descent, heavy ball and Nesterov's method written in their
three-term form with whole-array numpy expressions (x_{-1} = x_0), run with
the tuned parameters of Polyak and Nesterov on ill-conditioned quadratics
0.5 x^T diag(lam) x, lam = numpy.logspace(0, log10(kappa), 8).  Writes, under
tests/golden/convergence/:

  accel_iters.txt   kappa  k_gd  k_hb  k_nag: the first k with
                    ||x_k|| <= 1e-8 ||x_0||, for each kappa;
  accel_fit.txt     the slope and intercept numpy.polyfit finds for
                    log k against log kappa, per method (gd, hb, nag);
  accel_runs.txt    40 steps of heavy ball and Nesterov (tuned for [1, 50])
                    on diag(1, 50) from (5, 5): per step j, ||x_j||^2 (heavy
                    ball) and f(x_j) (Nesterov).

Run from the tree's root:   /usr/bin/python3 tests/oracle/accel_oracle.py
"""
import os

import numpy as np

OUT = os.path.join("tests", "golden", "convergence")
KAPPAS = [10.0, 30.0, 100.0, 300.0, 1000.0, 3000.0, 10000.0]
X0 = np.array([1.3, -0.72, 0.055, 3.1, -2.6, 0.4, 1.9, -1.15])
TOL = 1e-8


def tuned(method, L, mu):
    """(step, momentum) from the published formulas, written independently."""
    kappa = L / mu
    if method == "gd":
        return 1.0 / L, 0.0
    if method == "hb":
        return 4.0 / (np.sqrt(L) + np.sqrt(mu)) ** 2, \
            ((np.sqrt(kappa) - 1.0) / (np.sqrt(kappa) + 1.0)) ** 2
    return 1.0 / L, (np.sqrt(kappa) - 1.0) / (np.sqrt(kappa) + 1.0)


def steps(method, lam, x0, k):
    """Yields x_1 .. x_k of `method` on 0.5 x^T diag(lam) x (gradient lam * x)."""
    step, beta = tuned(method, lam.max(), lam.min())
    x, xprev = x0.copy(), x0.copy()
    for _ in range(k):
        if method == "nag":
            y = x + beta * (x - xprev)
            x, xprev = y - step * (lam * y), x
        else:
            x, xprev = x - step * (lam * x) + beta * (x - xprev), x
        yield x


def iterations(method, lam):
    r0 = np.linalg.norm(X0)
    for k, x in enumerate(steps(method, lam, X0, 10 ** 6), start=1):
        if np.linalg.norm(x) <= TOL * r0:
            return k
    raise RuntimeError("no convergence")


def main():
    os.makedirs(OUT, exist_ok=True)
    table = []
    for kappa in KAPPAS:
        lam = np.logspace(0.0, np.log10(kappa), 8)
        table.append([kappa] + [iterations(m, lam) for m in ("gd", "hb", "nag")])
    with open(os.path.join(OUT, "accel_iters.txt"), "w") as fh:
        fh.write("# iterations to ||x_k|| <= 1e-8 ||x_0|| on 0.5 x^T diag(lam) x,\n")
        fh.write("# lam = logspace(0, log10(kappa), 8), x0 = " + repr(list(X0)) + "\n")
        fh.write(f"# numpy {np.__version__}; columns: kappa k_gd k_hb k_nag\n")
        for row in table:
            fh.write(f"{row[0]!r} {row[1]} {row[2]} {row[3]}\n")
    t = np.array(table)
    with open(os.path.join(OUT, "accel_fit.txt"), "w") as fh:
        fh.write("# numpy.polyfit(log kappa, log k, 1) per method; columns: slope exp(intercept)\n")
        for col in (1, 2, 3):
            slope, icpt = np.polyfit(np.log(t[:, 0]), np.log(t[:, col]), 1)
            fh.write(f"{slope!r} {np.exp(icpt)!r}\n")
    lam = np.array([1.0, 50.0])
    x0 = np.array([5.0, 5.0])
    hb = [float(x0 @ x0)] + [float(x @ x) for x in steps("hb", lam, x0, 40)]
    nag = [float(0.5 * x0 @ (lam * x0))] + [float(0.5 * x @ (lam * x))
                                            for x in steps("nag", lam, x0, 40)]
    with open(os.path.join(OUT, "accel_runs.txt"), "w") as fh:
        fh.write("# tuned heavy ball and Nesterov on 0.5 x^T diag(1, 50) x from (5, 5)\n")
        fh.write(f"# numpy {np.__version__}; columns: j ||x_j||^2 (heavy ball) f(x_j) (Nesterov)\n")
        for j, (a, b) in enumerate(zip(hb, nag)):
            fh.write(f"{j} {a!r} {b!r}\n")


if __name__ == "__main__":
    main()
