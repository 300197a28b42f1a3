"""Peer for bench_rng.c: numpy's legacy generator filling 10^7 values.

Times np.random.random_sample(size=10**7) and np.random.standard_normal(
size=10**7) -- the same streams, bit for bit, that the C benchmarks
rng_uniform_1e7 and rng_gauss_1e7 draw -- and prints the side-by-side lines.
numpy fills its arrays in compiled code, so this is its fastest path.  A
third line compares with what a Python program pays per scalar call
(random_sample() in a loop), timed on 10^6 calls and scaled to 10^7.
"""
import numpy as np

import peerlib

N = 10**7
REPS = 9
SCALAR_CALLS = 10**6


def main():
    results = peerlib.c_results()
    np.random.seed(42)
    ms = peerlib.median_ms(lambda: np.random.random_sample(size=N), REPS)
    peerlib.report("rng_uniform_1e7", "numpy.random.random_sample", ms, results)
    np.random.seed(42)
    ms = peerlib.median_ms(lambda: np.random.standard_normal(size=N), REPS)
    peerlib.report("rng_gauss_1e7", "numpy.random.standard_normal", ms, results)

    def scalar_loop():
        draw = np.random.random_sample
        for _ in range(SCALAR_CALLS):
            draw()
    ms = peerlib.median_ms(scalar_loop, 3) * (N / SCALAR_CALLS)
    peerlib.report("rng_uniform_1e7", "numpy.random.random_sample()_scalar_calls", ms, results)


if __name__ == "__main__":
    main()
