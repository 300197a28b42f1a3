#!/usr/bin/python3
"""Golden streams for lib/rng: numpy's legacy RandomState, the oracle.

Run from the tree's root with Debian's python3-numpy (1.24):

    /usr/bin/python3 tests/oracle/numpy_streams.py

It rewrites every file under tests/golden/rng/ deterministically.  Doubles
are printed with repr (shortest text that round-trips), so the C suite can
compare with exact equality.  Integers are printed in decimal.

Files, one per stream and seed (seeds 0, 1, 42, 12345):

  u32_S.txt          10^4 raw MT19937 outputs
  uniform_S.txt      10^4 random_sample()
  gauss_S.txt        10^4 standard_normal()
  normal_S.txt       blocks "loc scale count" then count normal(loc, scale)
  gamma_S.txt        blocks "shape count" then count standard_gamma(shape)
  beta_S.txt         blocks "a b count" then count beta(a, b)
  permutation_S.txt  blocks "n" then permutation(n)
  shuffle_S.txt      blocks "n", the n input values, then the n shuffled
  interval_S.txt     blocks "max count" then count draws in [0, max]
  interleave_S.txt   one call per line from ONE state: "op args... : results"

Every block starts from a freshly seeded state, except in interleave_*.txt.
Three more files replay the course examples' draws end to end:

  e2e_minibatch.txt  seed 42: X = randn(200,1), y = 2X + 1 + 0.3 randn(200,1),
                     then 30 x permutation(200)
  e2e_xor.txt        seed 0: W1 = randn(2,4) * 0.5, W2 = randn(4,1) * 0.5
  e2e_roc.txt        seed 42: scores = beta(5,2,100), noise = normal(0,0.3,100)
"""
import os
import sys

import numpy as np

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "golden", "rng")
SEEDS = (0, 1, 42, 12345)
N = 10_000

NORMAL_PARAMS = ((2.385, 0.75, 5000), (-13.25, 4.125, 5000))
GAMMA_SHAPES = (0.05, 0.5, 0.999, 1.0, 2.385, 57.5)
BETA_PARAMS = ((0.3, 0.9), (0.001, 0.002), (1.0, 1.0), (5.0, 2.0),
               (0.5, 3.25), (2.385, 1.0), (40.0, 17.5))
BLOCK = 1700
PERM_SIZES = (1, 2, 3, 10, 200, 1000, 8784)
SHUFFLE_SIZES = (2, 7, 200, 2791, 7000)
INTERVAL_MAX = (0, 1, 2, 3, 5, 7, 8, 100, 255, 256, 1000, 2**31 - 1, 2**31,
                2**32 - 2, 2**32 - 1, 2**32, 2**32 + 1, 3 * 2**40 + 7,
                2**53 + 12345, 2**63, 2**64 - 1)
INTERVAL_COUNT = 500


def fmt(x):
    """Exact text of a double or an integer."""
    if isinstance(x, (float, np.floating)):
        return repr(float(x))
    return str(int(x))


def write(name, header, lines):
    with open(os.path.join(OUT, name), "w") as fh:
        fh.write(f"# numpy {np.__version__} legacy RandomState: {header}\n")
        fh.write("# written by tests/oracle/numpy_streams.py -- do not edit\n")
        for line in lines:
            fh.write(line + "\n")


def column(values):
    return [fmt(v) for v in values]


def u32(rs, size=None):
    """Raw MT19937 words: the full-range uint32 draw returns them unmasked
    (checked against a pure-Python MT19937 in self_check)."""
    return rs.randint(0, 2**32, size=size, dtype=np.uint32)


def interval(rs, mx, size=None):
    """Legacy bounded draw in [0, mx]: mask rejection (checked in self_check)."""
    return rs.randint(0, mx + 1, size=size, dtype=np.uint64)


def mt19937_reference(seed, count):
    """Matsumoto-Nishimura's init_genrand + genrand_int32, straight from the
    paper, to prove that u32() above exposes the raw generator."""
    n, m = 624, 397
    mt = [seed & 0xFFFFFFFF]
    for i in range(1, n):
        mt.append((1812433253 * (mt[-1] ^ (mt[-1] >> 30)) + i) & 0xFFFFFFFF)
    out, pos = [], n
    for _ in range(count):
        if pos >= n:
            for k in range(n):
                y = (mt[k] & 0x80000000) | (mt[(k + 1) % n] & 0x7FFFFFFF)
                mt[k] = mt[(k + m) % n] ^ (y >> 1) ^ (0x9908B0DF if y & 1 else 0)
            pos = 0
        y = mt[pos]
        pos += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9D2C5680
        y ^= (y << 15) & 0xEFC60000
        y ^= y >> 18
        out.append(y)
    return out


def self_check():
    """The oracle's own assumptions, verified before anything is written."""
    for s in SEEDS:
        want = mt19937_reference(s, 2000)
        assert [int(v) for v in u32(np.random.RandomState(s), 2000)] == want, s
        # random_sample is built from consecutive word pairs (27 + 26 bits).
        words = want
        dbl = [((words[2 * i] >> 5) * 67108864.0 + (words[2 * i + 1] >> 6)) / 2.0**53
               for i in range(1000)]
        assert list(np.random.RandomState(s).random_sample(1000)) == dbl, s
        # permutation(n) is Fisher-Yates from the end with interval(i) draws.
        n = 300
        a, rs = list(range(n)), np.random.RandomState(s)
        for i in range(n - 1, 0, -1):
            j = int(interval(rs, i))
            a[i], a[j] = a[j], a[i]
        assert list(np.random.RandomState(s).permutation(n)) == a, s
        # interval(0) draws nothing; interval(2^64 - 1) is two words, high first.
        rs = np.random.RandomState(s)
        assert int(interval(rs, 0)) == 0 and int(u32(rs)) == want[0], s
        rs = np.random.RandomState(s)
        assert int(interval(rs, 2**64 - 1)) == (want[0] << 32) | want[1], s


def flat_streams(s):
    write(f"u32_{s}.txt", f"seed {s}: randint(0, 2**32, {N}, dtype=uint32)",
          column(u32(np.random.RandomState(s), N)))
    write(f"uniform_{s}.txt", f"seed {s}: random_sample({N})",
          column(np.random.RandomState(s).random_sample(N)))
    write(f"gauss_{s}.txt", f"seed {s}: standard_normal({N})",
          column(np.random.RandomState(s).standard_normal(N)))


def param_streams(s):
    lines = []
    for loc, scale, k in NORMAL_PARAMS:
        lines += [f"{fmt(loc)} {fmt(scale)} {k}"]
        lines += column(np.random.RandomState(s).normal(loc, scale, k))
    write(f"normal_{s}.txt", f"seed {s}: blocks 'loc scale count' + normal(loc, scale, count)", lines)
    lines = []
    for shape in GAMMA_SHAPES:
        lines += [f"{fmt(shape)} {BLOCK}"]
        lines += column(np.random.RandomState(s).standard_gamma(shape, BLOCK))
    write(f"gamma_{s}.txt", f"seed {s}: blocks 'shape count' + standard_gamma(shape, count)", lines)
    lines = []
    for a, b in BETA_PARAMS:
        lines += [f"{fmt(a)} {fmt(b)} {BLOCK}"]
        lines += column(np.random.RandomState(s).beta(a, b, BLOCK))
    write(f"beta_{s}.txt", f"seed {s}: blocks 'a b count' + beta(a, b, count)", lines)


def integer_streams(s):
    lines = []
    for n in PERM_SIZES:
        lines += [str(n), " ".join(column(np.random.RandomState(s).permutation(n)))]
    write(f"permutation_{s}.txt", f"seed {s}: blocks 'n' + permutation(n)", lines)
    lines = []
    for n in SHUFFLE_SIZES:
        a = (np.arange(n, dtype=np.int64) * 7919 + 3) % 100003
        lines += [str(n), " ".join(column(a))]
        np.random.RandomState(s).shuffle(a)
        lines += [" ".join(column(a))]
    write(f"shuffle_{s}.txt", f"seed {s}: blocks 'n' + input[n] + shuffle(input)", lines)
    lines = []
    for mx in INTERVAL_MAX:
        lines += [f"{mx} {INTERVAL_COUNT}"]
        lines += column(interval(np.random.RandomState(s), mx, INTERVAL_COUNT))
    write(f"interval_{s}.txt",
          f"seed {s}: blocks 'max count' + randint(0, max + 1, count, dtype=uint64)", lines)


def interleave(s, rounds=60):
    """Mixed calls from one state, in the spirit of the course's examples:
    every call shares MT19937 and the cached normal deviate."""
    rs, lines = np.random.RandomState(s), []

    def op(name, args, results):
        lines.append(" ".join([name] + [fmt(a) for a in args] + [":"] +
                              [fmt(v) for v in np.atleast_1d(results)]))

    for k in range(rounds):
        op("gauss", [], rs.standard_normal())
        op("beta", [5.0, 2.0], rs.beta(5.0, 2.0))
        op("normal", [0.0, 0.3], rs.normal(0.0, 0.3))
        op("uniform", [], rs.random_sample())
        op("gamma", [0.5 + 0.1 * (k % 7)], rs.standard_gamma(0.5 + 0.1 * (k % 7)))
        op("normal", [1.5, 0.0], rs.normal(1.5, 0.0))
        op("gamma", [1.0], rs.standard_gamma(1.0))
        op("interval", [0], interval(rs, 0))
        op("u32", [], u32(rs))
        op("beta", [0.25, 0.75], rs.beta(0.25, 0.75))
        op("gauss", [], rs.standard_normal())
        op("interval", [k * 37 + 1], interval(rs, k * 37 + 1))
        op("permutation", [k % 9 + 1], rs.permutation(k % 9 + 1))
        op("gamma", [3.0 + k], rs.standard_gamma(3.0 + k))
        op("interval", [2**40 + k], interval(rs, 2**40 + k))
        op("beta", [0.9, 4.5], rs.beta(0.9, 4.5))
    write(f"interleave_{s}.txt", f"seed {s}: one state, 'op args : results' per call", lines)


def end_to_end():
    """The course examples' calls, verbatim, on numpy's global state."""
    np.random.seed(42)
    X = np.random.randn(200, 1)
    noise = np.random.randn(200, 1)
    y = 2 * X + 1 + 0.3 * noise
    perms = [np.random.permutation(200) for _ in range(30)]
    lines = ["# X[i] noise[i] y[i], i = 0..199, then 30 lines of permutation(200)"]
    lines += [f"{fmt(X[i, 0])} {fmt(noise[i, 0])} {fmt(y[i, 0])}" for i in range(200)]
    lines += [" ".join(column(p)) for p in perms]
    write("e2e_minibatch.txt", "np.random.seed(42); X = randn(200,1); "
          "y = 2*X + 1 + 0.3*randn(200,1); 30 x permutation(200)", lines)

    np.random.seed(0)
    W1 = np.random.randn(2, 4) * 0.5
    W2 = np.random.randn(4, 1) * 0.5
    lines = ["# W1 row-major (2x4), then W2 (4x1)"]
    lines += column(W1.ravel()) + column(W2.ravel())
    write("e2e_xor.txt", "np.random.seed(0); W1 = randn(2,4)*0.5; W2 = randn(4,1)*0.5", lines)

    np.random.seed(42)
    scores = np.random.beta(5, 2, 100)
    noise = np.random.normal(0, 0.3, 100)
    labels = (scores + noise > 0.5).astype(int)
    lines = ["# scores[i] noise[i] label[i], i = 0..99"]
    lines += [f"{fmt(scores[i])} {fmt(noise[i])} {labels[i]}" for i in range(100)]
    write("e2e_roc.txt", "np.random.seed(42); scores = beta(5,2,100); "
          "labels = (scores + normal(0,0.3,100) > 0.5)", lines)


def main():
    if not np.__version__.startswith("1.24"):
        print(f"warning: numpy {np.__version__}; the golden files were made with 1.24",
              file=sys.stderr)
    self_check()
    os.makedirs(OUT, exist_ok=True)
    for s in SEEDS:
        flat_streams(s)
        param_streams(s)
        integer_streams(s)
        interleave(s)
    end_to_end()


if __name__ == "__main__":
    main()
