"""Peer for bench_mlp.c: the seed's XOR training loop in numpy.

Times 3000 full-batch epochs of the 2-4-1 sigmoid network (MSE, lr 0.5, from
numpy's seed-0 weights), the same work as the C benchmark xor_train_3000, and
prints the side-by-side line with the ratio.
"""
import numpy as np

import peerlib

EPOCHS = 3000
LR = 0.5
REPS = 7


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def train():
    np.random.seed(0)
    w1 = np.random.randn(2, 4) * 0.5
    b1 = np.zeros((1, 4))
    w2 = np.random.randn(4, 1) * 0.5
    b2 = np.zeros((1, 1))
    x = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
    y = np.array([[0], [1], [1], [0]], dtype=float)
    losses = []
    for _ in range(EPOCHS):
        z1 = x @ w1 + b1
        a1 = sigmoid(z1)
        z2 = a1 @ w2 + b2
        a2 = sigmoid(z2)
        losses.append(np.mean((a2 - y) ** 2))
        # As the seed does: derivatives recomputed from the pre-activations.
        s2 = sigmoid(z2)
        g_z2 = 2 * (a2 - y) / len(y) * (s2 * (1 - s2))
        g_w2 = a1.T @ g_z2
        g_b2 = g_z2.sum(axis=0, keepdims=True)
        s1 = sigmoid(z1)
        g_z1 = (g_z2 @ w2.T) * (s1 * (1 - s1))
        g_w1 = x.T @ g_z1
        g_b1 = g_z1.sum(axis=0, keepdims=True)
        w2 -= LR * g_w2
        b2 -= LR * g_b2
        w1 -= LR * g_w1
        b1 -= LR * g_b1
    return losses


def main():
    train()  # warm-up: first-call costs are not part of the loop
    ms = peerlib.median_ms(train, REPS)
    peerlib.report("xor_train_3000", "numpy_loop", ms, peerlib.c_results())


if __name__ == "__main__":
    main()
