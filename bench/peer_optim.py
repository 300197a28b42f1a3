#!/usr/bin/python3
"""numpy peer for bench/bench_optim.c: one Adam step, one EMA-momentum step
and one Nesterov step (PyTorch's form) on 10^7 doubles, written the way a careful numpy user would -- in place,
with one preallocated scratch array, so that no step allocates -- and timed
as the median of repeated runs.  Prints the side-by-side lines via peerlib."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import peerlib  # noqa: E402

try:
    import numpy as np
except ImportError:
    print("bench: skipped the numpy optimizer comparison (install python3-numpy)")
    sys.exit(0)

N = 10_000_000
REPS = 15


def main():
    idx = np.arange(N, dtype=np.int64)
    # the same inputs as the C benchmark
    w = 0.5 - (idx % 1000) * 1e-3
    g = ((idx * 7919) % 2001) * 1e-3 - 1.0
    m, v, vel, nag, tmp = (np.zeros(N) for _ in range(5))
    lr, b1, b2, eps = 1e-3, 0.9, 0.999, 1e-8
    state = {"t": 0}

    # Only out= calls (an augmented assignment would make the arrays local
    # names of the closure).
    def adam_step():
        state["t"] += 1
        t = state["t"]
        np.multiply(g, 1 - b1, out=tmp)
        np.multiply(m, b1, out=m)
        np.add(m, tmp, out=m)
        np.multiply(g, g, out=tmp)
        np.multiply(tmp, 1 - b2, out=tmp)
        np.multiply(v, b2, out=v)
        np.add(v, tmp, out=v)
        np.multiply(v, 1 / (1 - b2 ** t), out=tmp)    # v_hat
        np.sqrt(tmp, out=tmp)
        np.add(tmp, eps, out=tmp)
        np.divide(m, tmp, out=tmp)                     # m / (sqrt(v_hat) + eps)
        np.multiply(tmp, lr / (1 - b1 ** t), out=tmp)  # bias-corrected m_hat
        np.subtract(w, tmp, out=w)

    def momentum_step():
        np.multiply(g, 1 - 0.9, out=tmp)
        np.multiply(vel, 0.9, out=vel)
        np.add(vel, tmp, out=vel)
        np.multiply(vel, 1e-2, out=tmp)
        np.subtract(w, tmp, out=w)

    def nesterov_step():  # b <- mu b + g;  w <- w - lr (g + mu b)
        np.multiply(nag, 0.9, out=nag)
        np.add(nag, g, out=nag)
        np.multiply(nag, 0.9, out=tmp)
        np.add(tmp, g, out=tmp)
        np.multiply(tmp, 1e-2, out=tmp)
        np.subtract(w, tmp, out=w)

    results = peerlib.c_results()
    peerlib.report("adam_step_1e7", "numpy_inplace_adam",
                   peerlib.median_ms(adam_step, REPS), results)
    peerlib.report("momentum_step_1e7", "numpy_inplace_momentum",
                   peerlib.median_ms(momentum_step, REPS), results)
    peerlib.report("nesterov_step_1e7", "numpy_inplace_nesterov",
                   peerlib.median_ms(nesterov_step, REPS), results)


if __name__ == "__main__":
    main()
