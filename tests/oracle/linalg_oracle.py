"""Golden eigenvalues for lib/linalg: numpy.linalg.eigvalsh (LAPACK dsyevd).

Run with Debian's numpy: /usr/bin/python3 tests/oracle/linalg_oracle.py
Writes tests/golden/linalg/eigsym.txt: for each case a line "n", then the
n*n matrix (row-major) and the n eigenvalues in ascending order, all as
%.17g so that they read back exactly.
"""
import os

import numpy as np

OUT = os.path.join(os.path.dirname(__file__), "..", "golden", "linalg")


def cases():
    rnd = np.random.RandomState(2385)
    for n in (1, 2, 3, 4, 5, 8, 13, 32, 64):
        a = rnd.standard_normal((n, n))
        yield (a + a.T) / 2                           # well spread spectrum
    a = rnd.standard_normal((10, 10))
    yield a @ a.T                                     # positive semi-definite
    q, _ = np.linalg.qr(rnd.standard_normal((6, 6)))
    yield q @ np.diag([1e-9, 1e-3, 1.0, 1.0, 2.0, 1e6]) @ q.T   # clustered and graded
    yield np.array([[1.999999987845058, 4.000000008996807],
                    [4.000000008996807, 2.0000000100495186]])    # the seed's Hessian


def main():
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, "eigsym.txt"), "w") as fh:
        fh.write("# n, then A (n*n, row-major), then eigvalsh(A) ascending\n")
        for a in cases():
            a = (a + a.T) / 2
            n = a.shape[0]
            fh.write(f"{n}\n")
            fh.write(" ".join("%.17g" % x for x in a.ravel()) + "\n")
            fh.write(" ".join("%.17g" % x for x in np.linalg.eigvalsh(a)) + "\n")


if __name__ == "__main__":
    main()
