#!/usr/bin/python3
"""Independent numpy reference for lib/optim.c and lib/convergence.c.

Runs every optimizer the library offers, written straight from the published
update rules in plain numpy (whole-array expressions, no loops over
coordinates), on the problems of the course's optimizer lessons plus a 5-D
bowl that exercises vector code and a remainder element.  Writes full-precision
trajectories under tests/golden/optim/ and the gradient-descent runs of the
convergence lesson under tests/golden/convergence/.

Run from the tree's root:   /usr/bin/python3 tests/oracle/optim_oracle.py

File format (one run per file): '#' comment lines, then k+1 rows
    loss(x_i)  x_i[0] ... x_i[n-1]        i = 0..k (row 0 is the start)
with every number printed as repr (17 significant digits, round-trip exact).
"""
import os

import numpy as np

OUT = os.path.join("tests", "golden")


# ---- problems: (loss, gradient) -------------------------------------------
def quad1(w):
    return (w[0] - 3.0) ** 2


def quad1_grad(w):
    return np.array([2.0 * (w[0] - 3.0)])


def ravine(w):
    return w[0] ** 2 + 10.0 * w[1] ** 2


def ravine_grad(w):
    return np.array([2.0 * w[0], 20.0 * w[1]])


def sinbowl(w):
    return np.sin(w[0]) + 0.5 * w[1] ** 2


def sinbowl_grad(w):
    return np.array([np.cos(w[0]), w[1]])


BOWL_C = np.array([0.37, 2.385, 11.2, 0.051, 4.7])
BOWL_T = np.array([1.3, -0.72, 0.055, 3.1, -2.6])
BOWL_X0 = np.array([0.4, 1.9, -1.15, -0.8, 2.2])


def bowl5(w):
    return float(np.sum(BOWL_C * (w - BOWL_T) ** 2))


def bowl5_grad(w):
    return 2.0 * BOWL_C * (w - BOWL_T)


# ---- optimizers: each returns a step(w, g) closure over its own state -------
def sgd(lr):
    def step(w, g):
        return w - lr * g
    return step


def momentum_ema(lr, beta):
    st = {"v": None}

    def step(w, g):
        v = st["v"] if st["v"] is not None else np.zeros_like(w)
        v = beta * v + (1 - beta) * g
        st["v"] = v
        return w - lr * v
    return step


def momentum_heavy_ball(lr, beta):
    st = {"v": None}

    def step(w, g):
        v = st["v"] if st["v"] is not None else np.zeros_like(w)
        v = beta * v - lr * g
        st["v"] = v
        return w + v
    return step


def rmsprop(lr, beta, eps, inside=False):
    st = {"s": None}

    def step(w, g):
        s = st["s"] if st["s"] is not None else np.zeros_like(w)
        s = beta * s + (1 - beta) * g ** 2
        st["s"] = s
        denom = np.sqrt(s + eps) if inside else np.sqrt(s) + eps
        return w - (lr / denom) * g
    return step


def adamw(lr, beta1, beta2, eps, wd=0.0):
    st = {"m": None, "v": None, "t": 0}

    def step(w, g):
        m = st["m"] if st["m"] is not None else np.zeros_like(w)
        v = st["v"] if st["v"] is not None else np.zeros_like(w)
        st["t"] += 1
        t = st["t"]
        m = beta1 * m + (1 - beta1) * g
        v = beta2 * v + (1 - beta2) * g ** 2
        st["m"], st["v"] = m, v
        m_hat = m / (1 - beta1 ** t)
        v_hat = v / (1 - beta2 ** t)
        return w - lr * (m_hat / (np.sqrt(v_hat) + eps) + wd * w)
    return step


def nesterov_classical(lr, mu):
    """Sutskever et al. 2013, eqs. (3)-(4): the gradient at theta + mu v.
    Needs the gradient function itself, so it returns a make(grad) factory."""
    def make(grad):
        st = {"v": None}

        def step(w, _g):
            v = st["v"] if st["v"] is not None else np.zeros_like(w)
            v = mu * v - lr * grad(w + mu * v)
            st["v"] = v
            return w + v
        return step
    return make


def nesterov_torch(lr, mu):
    """PyTorch's SGD(momentum=mu, nesterov=True, dampening=0) as documented:
    b <- mu b + g;  p <- p - lr (g + mu b)."""
    st = {"b": None}

    def step(w, g):
        b = st["b"] if st["b"] is not None else np.zeros_like(w)
        b = mu * b + g
        st["b"] = b
        return w - lr * (g + mu * b)
    return step


# ---- runs -----------------------------------------------------------------------
def run(step, f, grad, x0, k):
    w = np.array(x0, dtype=float)
    rows = [(f(w), w.copy())]
    for _ in range(k):
        w = step(w, grad(w))
        rows.append((f(w), w.copy()))
    return rows


def write(path, comment, rows):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as fh:
        for line in comment:
            fh.write(f"# {line}\n")
        fh.write(f"# numpy {np.__version__}; columns: loss(x_i) x_i[0..n-1], i = 0..k\n")
        for loss, w in rows:
            fh.write(" ".join(repr(float(x)) for x in [loss, *w]) + "\n")


RAVINE = ("w1^2 + 10 w2^2", ravine, ravine_grad, [2.0, 1.0])
SIN = ("sin(w1) + 0.5 w2^2", sinbowl, sinbowl_grad, [-1.5, 2.0])
BOWL = ("sum c_i (w_i - t_i)^2, c = " + str(list(BOWL_C)) + ", t = " + str(list(BOWL_T)),
        bowl5, bowl5_grad, list(BOWL_X0))
QUAD = ("(w - 3)^2", quad1, quad1_grad, [0.0])

RUNS = [
    ("sgd_quad1", QUAD, "SGD lr=0.1", lambda: sgd(0.1), 20),
    ("sgd_ravine", RAVINE, "SGD lr=0.05", lambda: sgd(0.05), 30),
    ("momentum_ravine", RAVINE, "momentum EMA lr=0.05 beta=0.9",
     lambda: momentum_ema(0.05, 0.9), 25),
    ("heavyball_ravine", RAVINE, "momentum heavy ball lr=0.01 beta=0.8",
     lambda: momentum_heavy_ball(0.01, 0.8), 25),
    ("rmsprop_ravine", RAVINE, "RMSProp lr=0.05 beta=0.9 eps=1e-8 (outside sqrt)",
     lambda: rmsprop(0.05, 0.9, 1e-8), 25),
    ("rmsprop_inside_ravine", RAVINE, "RMSProp lr=0.05 beta=0.9 eps=0.3 (inside sqrt)",
     lambda: rmsprop(0.05, 0.9, 0.3, inside=True), 25),
    ("adam_ravine", RAVINE, "Adam lr=0.1 beta1=0.9 beta2=0.999 eps=1e-8",
     lambda: adamw(0.1, 0.9, 0.999, 1e-8), 30),
    ("sgd_sin", SIN, "SGD lr=0.1", lambda: sgd(0.1), 40),
    ("momentum_sin", SIN, "momentum EMA lr=0.1 beta=0.9", lambda: momentum_ema(0.1, 0.9), 40),
    ("rmsprop_sin", SIN, "RMSProp lr=0.1 beta=0.9 eps=1e-8", lambda: rmsprop(0.1, 0.9, 1e-8), 40),
    ("adam_sin", SIN, "Adam lr=0.1 beta1=0.9 beta2=0.999 eps=1e-8",
     lambda: adamw(0.1, 0.9, 0.999, 1e-8), 40),
    ("sgd_bowl5", BOWL, "SGD lr=0.07", lambda: sgd(0.07), 25),
    ("momentum_bowl5", BOWL, "momentum EMA lr=0.07 beta=0.85",
     lambda: momentum_ema(0.07, 0.85), 25),
    ("heavyball_bowl5", BOWL, "momentum heavy ball lr=0.013 beta=0.8",
     lambda: momentum_heavy_ball(0.013, 0.8), 25),
    ("rmsprop_bowl5", BOWL, "RMSProp lr=0.03 beta=0.95 eps=1e-6",
     lambda: rmsprop(0.03, 0.95, 1e-6), 25),
    ("rmsprop_inside_bowl5", BOWL, "RMSProp lr=0.03 beta=0.95 eps=1e-3 (inside sqrt)",
     lambda: rmsprop(0.03, 0.95, 1e-3, inside=True), 25),
    ("adam_bowl5", BOWL, "Adam lr=0.05 beta1=0.8 beta2=0.99 eps=1e-7",
     lambda: adamw(0.05, 0.8, 0.99, 1e-7), 25),
    ("adamw_bowl5", BOWL, "AdamW lr=0.05 beta1=0.8 beta2=0.99 eps=1e-7 weight_decay=0.2",
     lambda: adamw(0.05, 0.8, 0.99, 1e-7, 0.2), 25),
    ("nesterov_ravine", RAVINE, "Nesterov classical (Sutskever) lr=0.04 mu=0.7",
     lambda: nesterov_classical(0.04, 0.7)(ravine_grad), 30),
    ("nesterov_torch_ravine", RAVINE, "Nesterov, PyTorch's form, lr=0.04 mu=0.7",
     lambda: nesterov_torch(0.04, 0.7), 30),
    ("nesterov_bowl5", BOWL, "Nesterov classical (Sutskever) lr=0.013 mu=0.85",
     lambda: nesterov_classical(0.013, 0.85)(bowl5_grad), 30),
    ("nesterov_torch_bowl5", BOWL, "Nesterov, PyTorch's form, lr=0.013 mu=0.85",
     lambda: nesterov_torch(0.013, 0.85), 30),
    ("nesterov_sin", SIN, "Nesterov classical (Sutskever) lr=0.1 mu=0.9",
     lambda: nesterov_classical(0.1, 0.9)(sinbowl_grad), 40),
]


def gd_quadratic(diag, lr, x0, k):
    """Gradient descent on 0.5 x^T A x, A = diag(diag): the convergence lesson."""
    a = np.diag(diag)
    x = np.array(x0, dtype=float)
    rows = [(0.5 * x @ a @ x, x.copy())]
    for _ in range(k):
        x = x - lr * (a @ x)
        rows.append((0.5 * x @ a @ x, x.copy()))
    return rows


def main():
    for name, (desc, f, grad, x0), opt_desc, make, k in RUNS:
        rows = run(make(), f, grad, x0, k)
        write(os.path.join(OUT, "optim", name + ".txt"),
              [f"{opt_desc} on {desc}, x0 = {x0}, k = {k} steps"], rows)
    for name, diag, lr in [("gd_kappa2", [1.0, 2.0], 1.0 / 2.0),
                           ("gd_kappa50", [1.0, 50.0], 1.0 / 50.0)]:
        rows = gd_quadratic(diag, lr, [5.0, 5.0], 50)
        write(os.path.join(OUT, "convergence", name + ".txt"),
              [f"gradient descent on 0.5 x^T diag({diag}) x, lr = {lr!r}, x0 = [5, 5], 50 steps"],
              rows)


if __name__ == "__main__":
    main()
