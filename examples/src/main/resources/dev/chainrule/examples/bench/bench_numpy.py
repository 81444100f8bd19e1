"""The bench workloads written by hand in NumPy (float64; the MLP and the GEMM also in float32):
seed 001's formulas, an MLP's backprop formulas, a GEMM, a Horner chain and its derivative. Run by
`chainrule-examples bench`, which sets OPENBLAS_NUM_THREADS / OMP_NUM_THREADS; prints one JSON
object on stdout.

usage: python3 bench_numpy.py --threads N --reps R [--workloads w1,w2,w3,w4,w5]
                              [--dtype float64|float32]
"""
import numpy as np

from bench_common import main, median_time


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def w1(reps):
    """Seed 001's 2-2-2 network, biases fixed, 10^4 SGD steps with the seed's formulas."""
    steps, lr = 10_000, 0.5
    i = np.array([[0.05], [0.10]])
    t = np.array([[0.01], [0.99]])
    b1, b2 = 0.35, 0.60
    state = {}

    def reset():
        state["W1"] = np.array([[0.15, 0.20], [0.25, 0.30]])
        state["W2"] = np.array([[0.40, 0.45], [0.50, 0.55]])

    def train():
        W1, W2 = state["W1"], state["W2"]
        for _ in range(steps):
            h = sigmoid(W1 @ i + b1)
            o = sigmoid(W2 @ h + b2)
            d_o = (o - t) * o * (1 - o)
            d_h = (W2.T @ d_o) * h * (1 - h)
            W2 -= lr * (d_o @ h.T)
            W1 -= lr * (d_h @ i.T)

    reset()
    seconds = median_time(reps, 1, train)
    reset()
    train()
    o = sigmoid(state["W2"] @ sigmoid(state["W1"] @ i + b1) + b2)
    loss = float(0.5 * np.sum((t - o) ** 2))
    return {"value": seconds / steps * 1e6, "unit": "us/step", "final_loss": loss}


def mlp(reps, batch, steps, dtype):
    """784-256-10, ReLU, softmax cross-entropy (mean), SGD lr 0.1, by the backprop formulas, every
    array of the dtype named (the float64 draws rounded, for float32); Python's float scalars
    (lr, 0) keep an array's dtype."""
    rng = np.random.default_rng(1)
    lr = 0.1
    bound1, bound2 = 1 / np.sqrt(784), 1 / np.sqrt(256)
    W1 = rng.uniform(-bound1, bound1, (784, 256)).astype(dtype)
    b1 = rng.uniform(-bound1, bound1, 256).astype(dtype)
    W2 = rng.uniform(-bound2, bound2, (256, 10)).astype(dtype)
    b2 = rng.uniform(-bound2, bound2, 10).astype(dtype)
    batches = []
    for _ in range(8):
        X = rng.uniform(0, 1, (batch, 784)).astype(dtype)
        Y = np.zeros((batch, 10), dtype=dtype)
        Y[np.arange(batch), rng.integers(0, 10, batch)] = 1
        batches.append((X, Y))
    last = {}

    def train():
        nonlocal W1, b1, W2, b2
        for s in range(steps):
            X, Y = batches[s % len(batches)]
            Z1 = X @ W1 + b1
            A1 = np.maximum(Z1, 0)
            Z2 = A1 @ W2 + b2
            Z2 = Z2 - Z2.max(axis=1, keepdims=True)
            E = np.exp(Z2)
            P = E / E.sum(axis=1, keepdims=True)
            last["loss"] = -np.mean(np.sum(Y * (Z2 - np.log(E.sum(axis=1, keepdims=True))), 1))
            dZ2 = (P - Y) / dtype(batch)
            dW2 = A1.T @ dZ2
            db2 = dZ2.sum(axis=0)
            dZ1 = (dZ2 @ W2.T) * (Z1 > 0)
            dW1 = X.T @ dZ1
            db1 = dZ1.sum(axis=0)
            W1 -= lr * dW1
            b1 -= lr * db1
            W2 -= lr * dW2
            b2 -= lr * db2

    seconds = median_time(reps, 1, train)
    assert W1.dtype == dtype and last["loss"].dtype == dtype, "the MLP left " + np.dtype(dtype).name
    return {"value": steps / seconds, "unit": "steps/s", "final_loss": float(last["loss"])}


def w4(reps, dtype):
    """1024 x 1024 by 1024 x 1024 into a preallocated output."""
    n = 1024
    rng = np.random.default_rng(2)
    A, B = rng.uniform(-1, 1, (n, n)).astype(dtype), rng.uniform(-1, 1, (n, n)).astype(dtype)
    C = np.zeros((n, n), dtype=dtype)
    seconds = median_time(reps * 3, 2, lambda: np.matmul(A, B, out=C))
    return {"value": 2 * n ** 3 / seconds / 1e9, "unit": "GFLOPS", "dtype": np.dtype(dtype).name}


def w5(reps):
    """Horner y = y*x + c_i, 500 steps = 1000 scalar ops, and dy/dx by reverse accumulation."""
    steps = 500
    rng = np.random.default_rng(3)
    c = rng.uniform(-1, 1, steps + 1)
    x = np.float64(0.999)
    passes = 200
    out = {}

    def run():
        for _ in range(passes):
            ys = [c[0]]
            y = c[0]
            for k in range(steps):
                y = y * x + c[k + 1]
                ys.append(y)
            g, dx = np.float64(1.0), np.float64(0.0)
            for k in range(steps - 1, -1, -1):
                dx += g * ys[k]
                g = g * x
            out["y"], out["dx"] = y, dx

    seconds = median_time(reps, 1, run) / passes
    return {"value": 2 * steps / seconds, "unit": "ops/s"}


if __name__ == "__main__":
    main("numpy", np.__version__, {
        "w1": lambda reps, dtype: w1(reps),
        "w2": lambda reps, dtype: mlp(reps, 64, 500, np.dtype(dtype).type),
        "w3": lambda reps, dtype: mlp(reps, 1024, 100, np.dtype(dtype).type),
        "w4": lambda reps, dtype: w4(reps, np.dtype(dtype).type),
        "w5": lambda reps, dtype: w5(reps)})
