"""The bench workloads in PyTorch (float64) as a user writes them: tensors with autograd,
torch.nn layers and torch.optim.SGD, torch.mm into a preallocated output, a Horner chain built
afresh each pass (eager mode). Run by `chainrule-examples bench`, which sets OPENBLAS_NUM_THREADS /
OMP_NUM_THREADS; torch's own thread count is set here. Prints one JSON object on stdout.

usage: python3 bench_torch.py --threads N --reps R [--workloads w1,w2,w3,w4,w4f32,w5,w6]
"""
import torch

from bench_common import main, median_time


def w1(reps):
    """Seed 001's 2-2-2 network, biases fixed, 10^4 SGD steps with autograd and torch.optim."""
    steps = 10_000
    d = torch.float64
    i = torch.tensor([[0.05], [0.10]], dtype=d)
    t = torch.tensor([[0.01], [0.99]], dtype=d)
    b1, b2 = 0.35, 0.60
    state = {}

    def reset():
        state["W1"] = torch.tensor([[0.15, 0.20], [0.25, 0.30]], dtype=d, requires_grad=True)
        state["W2"] = torch.tensor([[0.40, 0.45], [0.50, 0.55]], dtype=d, requires_grad=True)
        state["opt"] = torch.optim.SGD([state["W1"], state["W2"]], lr=0.5)

    def train():
        W1, W2, opt = state["W1"], state["W2"], state["opt"]
        for _ in range(steps):
            opt.zero_grad()
            h = torch.sigmoid(W1 @ i + b1)
            o = torch.sigmoid(W2 @ h + b2)
            loss = 0.5 * ((t - o) ** 2).sum()
            loss.backward()
            opt.step()

    reset()
    seconds = median_time(reps, 1, train)
    reset()
    train()
    with torch.no_grad():
        o = torch.sigmoid(state["W2"] @ torch.sigmoid(state["W1"] @ i + b1) + b2)
        loss = float(0.5 * ((t - o) ** 2).sum())
    return {"value": seconds / steps * 1e6, "unit": "us/step", "final_loss": loss}


def mlp(reps, batch, steps):
    """784-256-10, ReLU, softmax cross-entropy (mean), SGD lr 0.1, with torch.nn."""
    torch.manual_seed(1)
    model = torch.nn.Sequential(torch.nn.Linear(784, 256), torch.nn.ReLU(),
                                torch.nn.Linear(256, 10)).double()
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    loss_fn = torch.nn.CrossEntropyLoss()
    batches = [(torch.rand(batch, 784, dtype=torch.float64), torch.randint(0, 10, (batch,)))
               for _ in range(8)]
    last = {}

    def train():
        for s in range(steps):
            X, y = batches[s % len(batches)]
            opt.zero_grad()
            loss = loss_fn(model(X), y)
            loss.backward()
            opt.step()
            last["loss"] = loss

    seconds = median_time(reps, 1, train)
    return {"value": steps / seconds, "unit": "steps/s", "final_loss": float(last["loss"])}


def w6(reps):
    """The cnn example's training step, batch 64: conv 5x5x16 (padding 2), ReLU, batch norm, max
    pool 2, conv 5x5x32 (padding 2), ReLU, batch norm, max pool 2, flatten, linear 128, ReLU,
    linear 10; cross-entropy (mean) from the logits, Adam lr 1e-3, with torch.nn (training mode),
    on eight fixed random batches in turn."""
    steps = 30
    torch.manual_seed(1)
    nn = torch.nn
    model = nn.Sequential(nn.Conv2d(1, 16, 5, padding=2), nn.ReLU(), nn.BatchNorm2d(16),
                          nn.MaxPool2d(2),
                          nn.Conv2d(16, 32, 5, padding=2), nn.ReLU(), nn.BatchNorm2d(32),
                          nn.MaxPool2d(2),
                          nn.Flatten(), nn.Linear(32 * 7 * 7, 128), nn.ReLU(),
                          nn.Linear(128, 10)).double()
    model.train()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = nn.CrossEntropyLoss()
    batches = [(torch.rand(64, 1, 28, 28, dtype=torch.float64), torch.randint(0, 10, (64,)))
               for _ in range(8)]
    last = {}

    def train():
        for s in range(steps):
            X, y = batches[s % len(batches)]
            opt.zero_grad()
            loss = loss_fn(model(X), y)
            loss.backward()
            opt.step()
            last["loss"] = loss

    seconds = median_time(reps, 1, train)
    return {"value": steps / seconds, "unit": "steps/s", "final_loss": float(last["loss"]),
            "batch": 64}


def w4(reps, dtype=torch.float64):
    """1024 x 1024 by 1024 x 1024 into a preallocated output."""
    n = 1024
    A = torch.rand(n, n, dtype=dtype)
    B = torch.rand(n, n, dtype=dtype)
    C = torch.zeros(n, n, dtype=dtype)
    seconds = median_time(reps * 3, 2, lambda: torch.mm(A, B, out=C))
    return {"value": 2 * n ** 3 / seconds / 1e9, "unit": "GFLOPS",
            "dtype": str(dtype).replace("torch.", "")}


def w5(reps):
    """Horner y = y*x + c_i, 500 steps = 1000 scalar ops, forward and backward, built afresh."""
    steps = 500
    c = [torch.tensor(v, dtype=torch.float64) for v in torch.rand(steps + 1).tolist()]
    passes = 20

    def run():
        for _ in range(passes):
            x = torch.tensor(0.999, dtype=torch.float64, requires_grad=True)
            y = c[0]
            for k in range(steps):
                y = y * x + c[k + 1]
            y.backward()

    seconds = median_time(reps, 1, run) / passes
    return {"value": 2 * steps / seconds, "unit": "ops/s"}


if __name__ == "__main__":
    main("torch", torch.__version__, {
        "w1": w1, "w2": lambda reps: mlp(reps, 64, 500), "w3": lambda reps: mlp(reps, 1024, 100),
        "w4": w4, "w4f32": lambda reps: w4(reps, torch.float32), "w5": w5, "w6": w6},
        on_threads=torch.set_num_threads, extra=lambda: {"threads": torch.get_num_threads()})
