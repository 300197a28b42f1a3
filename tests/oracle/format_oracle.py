"""Golden strings for lib/table: Python's repr(float) and numpy's str(array).

Run with Debian's numpy: /usr/bin/python3 tests/oracle/format_oracle.py
Writes tests/golden/table/repr.txt and tests/golden/table/numpy.txt.
Each line starts with the input doubles as hex floats (exact), then a TAB,
then the expected string ('\\n' inside a numpy string is written as '|').
"""
import math
import os
import random

import numpy as np

OUT = os.path.join(os.path.dirname(__file__), "..", "golden", "table")


def repr_values():
    rnd = random.Random(2385)
    vals = [0.0, -0.0, 1.0, -1.0, 7.0, 1248.0, 0.5, 0.1, 0.001, 1e-4, 9.99e-5,
            1e-5, 1e16, 9999999999999998.0, 1e15, 123456789012345.6, 1.5e16,
            2.0000000100495186, 1.999999987845058, math.pi, -math.e, 1e300,
            5e-324, 1.7976931348623157e308, 0.30000000000000004, 3.984888, 26 / 3]
    for _ in range(200):
        vals.append(rnd.uniform(-1, 1) * 10 ** rnd.randint(-8, 18))
    return vals


def numpy_arrays():
    arrays = [np.array([4.0, 10.0]), np.array([-1.0, 3.5]),
              np.array([1.98866632, 1.0]), np.array([[4.0, 1.0], [3.0, -6.0]]),
              np.array([-2.0000000100495186, 6.000000007944095]),
              np.array([2.0, 2.0]), np.array([-2.0, -2.0]), np.array([0.0, 0.0]),
              np.array([0.074, 0.931, 0.926, 0.078]), np.array([0.37139068, 0.92847669]),
              np.array([-0.37139068, -0.92847669]), np.array([[2.0, 4.0], [4.0, 2.0]]),
              np.array([1.0]), np.array([-0.5, 0.25, 0.125]), np.array([[0.1, -0.2, 0.3]])]
    rnd = np.random.RandomState(7)
    for _ in range(40):
        k = rnd.randint(1, 5)
        a = np.round(rnd.uniform(-50, 50, size=k), rnd.randint(0, 10))
        a[np.abs(a) < 0.05] = 0.5        # stay in numpy's positional regime
        arrays.append(a)
    return arrays


def main():
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, "repr.txt"), "w") as fh:
        fh.write("# hex-float\trepr(float)\n")
        for v in repr_values():
            fh.write(f"{float(v).hex()}\t{v!r}\n")
    with open(os.path.join(OUT, "numpy.txt"), "w") as fh:
        fh.write("# rows cols hex-floats...\tstr(np.array)\n")
        for a in numpy_arrays():
            a2 = a.reshape(1, -1) if a.ndim == 1 else a
            cells = " ".join(float(x).hex() for x in a2.ravel())
            text = str(a).replace("\n", "|")
            fh.write(f"{a.ndim} {a2.shape[0]} {a2.shape[1]} {cells}\t{text}\n")


if __name__ == "__main__":
    main()
