"""Shared helpers for the bench/peer_*.py scripts.

Each peer script times, in numpy or scikit-learn, the same work that a C
benchmark timed earlier in the same `make bench` run, then prints the standard
line with both medians and the ratio:

    bench: NAME median_ms=X peer=PEER peer_ms=Y speedup=Y/X
"""
import os
import statistics
import time


def c_results():
    """The C benchmarks' medians of this run, by name (from $BENCH_RESULTS)."""
    out = {}
    path = os.environ.get("BENCH_RESULTS")
    if not path or not os.path.exists(path):
        return out
    with open(path) as fh:
        for line in fh:
            parts = line.split()
            if len(parts) >= 3 and parts[0] == "bench:" and parts[2].startswith("median_ms="):
                out[parts[1]] = float(parts[2].split("=", 1)[1])
    return out


def median_ms(fn, reps):
    times = []
    for _ in range(reps):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1e3)
    return statistics.median(times)


def report(name, peer, peer_ms, results):
    """Print the side-by-side line for C benchmark `name` against `peer`."""
    if name not in results:
        print(f"bench: {name} peer={peer} peer_ms={peer_ms:.3f} (no C result in this run)")
        return
    c_ms = results[name]
    print(f"bench: {name} median_ms={c_ms:.3f} peer={peer} peer_ms={peer_ms:.3f} "
          f"speedup={peer_ms / c_ms:.2f}", flush=True)
