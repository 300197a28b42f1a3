#!/usr/bin/python3
"""Oracle for the mlp suite: numpy's own numbers, committed under tests/golden/mlp/.

Run from the tree's root with the system Python (numpy 1.24):

    /usr/bin/python3 tests/oracle/xor_oracle.py

It writes

  xor_init.txt      W1 (2 x 4) then W2 (4 x 1), row-major: 0.5 * randn draws of
                    numpy's legacy generator seeded with 0, W1 drawn first.
  xor_losses.txt    the MSE loss before each of the 3000 full-batch updates.
  xor_pred.txt      the 4 network outputs of the last forward pass (the one
                    that precedes the final update).
  net_<k>.txt       small random two-layer networks with other widths,
                    activations and losses: shape, parameters, batch, loss and
                    the analytic gradients, all derived by hand below.

Numbers are written with repr(), the shortest string that round-trips, so the
C side reads back exactly the doubles numpy held.
"""
import os

import numpy as np

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "golden", "mlp")

# Codes shared with lib/mlp.h (slope_mlp_act, slope_mlp_loss).
SIGMOID, TANH, RELU, IDENTITY = 0, 1, 2, 3
MSE, BCE_LOGITS = 0, 1


def write(name, header, rows):
    with open(os.path.join(OUT, name), "w") as fh:
        for line in header:
            fh.write("# " + line + "\n")
        for row in rows:
            fh.write(" ".join(repr(float(v)) for v in np.ravel(row)) + "\n")


def logistic(z):
    return 1.0 / (1.0 + np.exp(-z))


# --- the XOR network: 2-4-1, logistic hidden and output, MSE, lr 0.5 ----------
def xor_run(epochs=3000, lr=0.5):
    np.random.seed(0)
    w1 = 0.5 * np.random.randn(2, 4)
    w2 = 0.5 * np.random.randn(4, 1)
    init = (w1.copy(), w2.copy())
    b1, b2 = np.zeros((1, 4)), np.zeros((1, 1))
    x = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
    t = np.array([[0], [1], [1], [0]], dtype=float)
    losses = []
    for _ in range(epochs):
        h = logistic(x @ w1 + b1)
        out = logistic(h @ w2 + b2)
        losses.append(np.mean((out - t) ** 2))
        # Chain rule by hand; every gradient is taken before any weight moves.
        g_out = 2 * (out - t) / len(t)
        g_z2 = g_out * (out * (1 - out))
        g_w2, g_b2 = h.T @ g_z2, g_z2.sum(axis=0, keepdims=True)
        g_h = g_z2 @ w2.T
        g_z1 = g_h * (h * (1 - h))
        g_w1, g_b1 = x.T @ g_z1, g_z1.sum(axis=0, keepdims=True)
        w2 -= lr * g_w2
        b2 -= lr * g_b2
        w1 -= lr * g_w1
        b1 -= lr * g_b1
    return init, losses, out


# --- random small networks: analytic gradients in numpy ---------------------
def act(z, kind):
    if kind == SIGMOID:
        return logistic(z)
    if kind == TANH:
        return np.tanh(z)
    if kind == RELU:
        return np.maximum(z, 0.0)
    return z.copy()


def act_grad(a, z, kind):
    if kind == SIGMOID:
        return a * (1 - a)
    if kind == TANH:
        return 1 - a * a
    if kind == RELU:
        return (z > 0).astype(float)
    return np.ones_like(z)


def net_grads(p, x, t, hidden_act, out_act, loss):
    w1, b1, w2, b2 = p
    z1 = x @ w1 + b1
    a1 = act(z1, hidden_act)
    z2 = a1 @ w2 + b2
    a2 = act(z2, out_act)
    n = a2.size
    if loss == MSE:
        value = np.mean((a2 - t) ** 2)
        g_a2 = 2 * (a2 - t) / n
        g_z2 = g_a2 * act_grad(a2, z2, out_act)
    else:
        # Binary cross-entropy of the logits z2 (out_act is the identity):
        # log(1 + e^z) - t z, whose derivative is logistic(z) - t.
        value = np.mean(np.logaddexp(0.0, z2) - t * z2)
        g_z2 = (logistic(z2) - t) / n
    g_w2, g_b2 = a1.T @ g_z2, g_z2.sum(axis=0)
    g_z1 = (g_z2 @ w2.T) * act_grad(a1, z1, hidden_act)
    g_w1, g_b1 = x.T @ g_z1, g_z1.sum(axis=0)
    return value, z1, (g_w1, g_b1, g_w2, g_b2)


NETS = [
    # (inputs, hidden, outputs, batch, hidden act, output act, loss)
    (2, 3, 1, 5, TANH, SIGMOID, MSE),
    (3, 5, 2, 6, RELU, IDENTITY, MSE),
    (2, 4, 1, 4, SIGMOID, IDENTITY, BCE_LOGITS),
    (4, 6, 3, 7, TANH, IDENTITY, BCE_LOGITS),
    (2, 2, 1, 3, RELU, SIGMOID, MSE),
    (3, 7, 2, 5, RELU, TANH, MSE),
]

# ReLU is not differentiable at 0: keep every hidden pre-activation at least
# this far from the kink so central differences see one linear piece.
KINK_MARGIN = 0.05


def random_net(rng, n_in, hidden, n_out, batch, hidden_act, out_act, loss):
    while True:
        p = (rng.normal(0, 0.8, (n_in, hidden)), rng.normal(0, 0.3, hidden),
             rng.normal(0, 0.8, (hidden, n_out)), rng.normal(0, 0.3, n_out))
        x = rng.normal(0, 1.0, (batch, n_in))
        t = rng.uniform(0, 1, (batch, n_out))
        if loss == MSE and out_act == SIGMOID:
            t = np.round(t)
        value, z1, grads = net_grads(p, x, t, hidden_act, out_act, loss)
        if hidden_act != RELU or np.min(np.abs(z1)) > KINK_MARGIN:
            return p, x, t, value, grads


def main():
    os.makedirs(OUT, exist_ok=True)
    (w1, w2), losses, pred = xor_run()
    write("xor_init.txt", ["numpy 1.24, seed 0: W1 = 0.5*randn(2,4), then W2 = 0.5*randn(4,1)",
                           "W1 row-major (2 x 4), then W2 (4 x 1)"], [w1, w2])
    write("xor_losses.txt", ["MSE before each of the 3000 updates (lr 0.5, full batch)"],
          [[v] for v in losses])
    write("xor_pred.txt", ["outputs of the last forward pass, rows (0,0) (0,1) (1,0) (1,1)"],
          [pred])

    rng = np.random.default_rng(20240531)
    for k, spec in enumerate(NETS):
        n_in, hidden, n_out, batch, hidden_act, out_act, loss = spec
        p, x, t, value, grads = random_net(rng, *spec)
        header = ["in hidden out batch hidden_act out_act loss (codes of lib/mlp.h)",
                  "then W1 b1 W2 b2, X (batch x in), T (batch x out), loss, dW1 db1 dW2 db2"]
        write(f"net_{k}.txt", header, [np.array(spec, dtype=float), *p, x, t, [value], *grads])
    print(f"wrote {os.path.relpath(OUT)}: xor losses[0]={losses[0]:.6f} [500]={losses[500]:.6f} "
          f"[2999]={losses[2999]:.6f} pred={np.round(pred, 3).ravel()}")


if __name__ == "__main__":
    main()
