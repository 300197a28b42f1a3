#!/usr/bin/python3
"""Independent references for tests/check_integrate.c and lib/integrate.c.

1. The Gauss-Kronrod 7-15 rule, computed from its definition at 50 digits
   with mpmath (Kronrod 1965; Laurie, Math. Comp. 66 (1997) 1133-1145):
   the 7 Gauss-Legendre nodes plus the 8 zeros of the Stieltjes polynomial
   E8, which is orthogonal to x^k P7(x) for k < 8; the weights make the rule
   exact for every polynomial of degree <= 14 (it is in fact exact to 22).
   The table is printed as C so that lib/integrate.c can hold it.
2. np.trapz on non-uniform, non-monotonic and uniform samples, written to
   tests/golden/integrate/trapz_*.txt as:  n  expected  x[0..n-1]  y[0..n-1]
   (trapz_uniform.txt: n expected dx y[0..n-1]).

Run from the tree's root:  /usr/bin/python3 tests/oracle/integrate_oracle.py
"""
import os
import mpmath as mp
import numpy as np

mp.mp.dps = 50
OUT = os.path.join("tests", "golden", "integrate")


def legendre_gauss(n):
    coeffs = mp.taylor(lambda x: mp.legendre(n, x), 0, n)   # ascending powers
    nodes = [mp.re(r) for r in mp.polyroots(coeffs[::-1], maxsteps=200, extraprec=200)]
    weights = [2 / ((1 - x * x) * mp.diff(lambda t: mp.legendre(n, t), x) ** 2)
               for x in nodes]
    return nodes, weights


def stieltjes_zeros(n):
    """Zeros of E_{n+1} (monic, same parity as n+1), orthogonal to x^k P_n."""
    m = n + 1
    free = [p for p in range(m - 2, -1, -2)]          # x^(m-2), x^(m-4), ...
    rows, rhs = [], []
    for k in range(m):
        if (k + n + m) % 2 == 1:                     # odd integrand: zero anyway
            continue
        moment = lambda p: mp.quad(lambda x: x ** (p + k) * mp.legendre(n, x), [-1, 1])
        rows.append([moment(p) for p in free])
        rhs.append(-moment(m))
    coef = mp.lu_solve(mp.matrix(rows), mp.matrix(rhs))
    poly = [mp.mpf(0)] * (m + 1)                     # poly[i] multiplies x^i
    poly[m] = mp.mpf(1)
    for c, p in zip(coef, free):
        poly[p] = c
    return [mp.re(r) for r in mp.polyroots(poly[::-1], maxsteps=200, extraprec=200)]


def kronrod(n):
    g, wg = legendre_gauss(n)
    nodes = sorted(g + stieltjes_zeros(n), reverse=True)
    size = len(nodes)
    vand = mp.matrix([[x ** k for x in nodes] for k in range(size)])
    moments = mp.matrix([mp.mpf(2) / (k + 1) if k % 2 == 0 else 0 for k in range(size)])
    wk = mp.lu_solve(vand, moments)
    return nodes, [wk[i] for i in range(size)], sorted(zip(g, wg), reverse=True)


def print_c_table():
    nodes, wk, gauss = kronrod(7)
    half = [(x, w) for x, w in zip(nodes, wk) if x > -mp.mpf(10) ** -40]
    print("/* Kronrod nodes x_k >= 0, descending; odd k are the Gauss nodes. */")
    print("static const double xgk[8] = {")
    for x, _ in half:
        print(f"    {mp.nstr(abs(x) if abs(x) > 1e-40 else 0, 25, min_fixed=-1, max_fixed=1)},")
    print("};\nstatic const double wgk[8] = {")
    for _, w in half:
        print(f"    {mp.nstr(w, 25, min_fixed=-1, max_fixed=1)},")
    print("};\nstatic const double wg[4] = {")
    for x, w in gauss:
        if x > -mp.mpf(10) ** -40:
            print(f"    {mp.nstr(w, 25, min_fixed=-1, max_fixed=1)},")
    print("};")
    # Evidence: exactness degree of the computed rule.
    for deg in (22, 23, 24):
        q = sum(w * x ** deg for x, w in zip(nodes, wk))
        exact = mp.mpf(2) / (deg + 1) if deg % 2 == 0 else 0
        print(f"/* degree {deg}: rule - exact = {mp.nstr(q - exact, 5)} */")


def write(name, numbers):
    with open(os.path.join(OUT, name), "w") as fh:
        fh.write("# written by tests/oracle/integrate_oracle.py (numpy %s)\n" % np.__version__)
        for v in numbers:
            fh.write(repr(float(v)) + "\n")


def trapz_golden():
    rng = np.random.RandomState(2385)
    x = np.cumsum(rng.uniform(0.05, 0.9, 57)) - 3.1
    y = np.sin(x) * np.exp(-0.2 * x) + 0.385
    write("trapz_nonuniform.txt", [len(x), np.trapz(y, x), *x, *y])
    xs = rng.normal(0.0, 2.0, 31)                   # not monotonic: signed steps
    ys = np.cos(xs) - 0.5 * xs
    write("trapz_unsorted.txt", [len(xs), np.trapz(ys, xs), *xs, *ys])
    yu = np.exp(-np.linspace(-2.0, 3.7, 40) ** 2)
    write("trapz_uniform.txt", [len(yu), np.trapz(yu, dx=0.1462), 0.1462, *yu])
    write("trapz_two.txt", [2, np.trapz([2.385, -1.25], [0.5, 1.75]), 0.5, 1.75, 2.385, -1.25])


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    print_c_table()
    trapz_golden()
