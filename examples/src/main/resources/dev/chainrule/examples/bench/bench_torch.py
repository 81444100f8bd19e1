"""The bench workloads in PyTorch (float64; the MLP and the GEMM also in float32) as a user writes
them: tensors with autograd,
torch.nn layers and torch.optim.SGD, torch.mm into a preallocated output, a Horner chain built
afresh each pass (eager mode). Run by `chainrule-examples bench`, which sets OPENBLAS_NUM_THREADS /
OMP_NUM_THREADS; torch's own thread count is set here. Prints one JSON object on stdout.

usage: python3 bench_torch.py --threads N --reps R [--workloads w1,w2,w3,w4,w5,w6,w7]
                              [--dtype float64|float32]
"""
import statistics

import torch
import torch.autograd.forward_ad as fwAD
import torch.nn.functional as F

from bench_common import interleaved, main, median_time


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


def mlp(reps, batch, steps, dtype):
    """784-256-10, ReLU, softmax cross-entropy (mean), SGD lr 0.1, with torch.nn in dtype."""
    torch.manual_seed(1)
    model = torch.nn.Sequential(torch.nn.Linear(784, 256), torch.nn.ReLU(),
                                torch.nn.Linear(256, 10)).to(dtype)
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    loss_fn = torch.nn.CrossEntropyLoss()
    batches = [(torch.rand(batch, 784, dtype=dtype), torch.randint(0, 10, (batch,)))
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
    assert last["loss"].dtype == dtype, "the MLP computed in " + str(last["loss"].dtype)
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


def w4(reps, dtype):
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


def cross_entropy(z, y):
    """-mean(sum(Y * log_softmax(Z))) with log_softmax as z - logsumexp: torch 1.13's forward AD
    has no rule for the backward of log_softmax or nll_loss, which forward over reverse needs."""
    return -(y * (z - torch.logsumexp(z, 1, keepdim=True))).sum(1).mean()


def mlp_model(batch):
    """W2/W3's 784-256-10 ReLU MLP as a function of its parameters (W1, b1, W2, b2)."""
    d = torch.float64
    x = torch.rand(batch, 784, dtype=d)
    y = F.one_hot(torch.randint(0, 10, (batch,)), 10).to(d)
    shapes = [(784, 256), (256,), (256, 10), (10,)]

    def loss(w1, b1, w2, b2):
        return cross_entropy(torch.relu(x @ w1 + b1) @ w2 + b2, y)

    return loss, shapes


def cnn_model(batch):
    """W6's CNN in training mode (batch norm from the batch's statistics) as a function of its
    twelve parameters."""
    d = torch.float64
    x = torch.rand(batch, 1, 28, 28, dtype=d)
    y = F.one_hot(torch.randint(0, 10, (batch,)), 10).to(d)
    shapes = [(16, 1, 5, 5), (16,), (16,), (16,), (32, 16, 5, 5), (32,), (32,), (32,),
              (32 * 7 * 7, 128), (128,), (128, 10), (10,)]

    def block(a, w, b, gamma, beta):
        z = torch.relu(F.conv2d(a, w, b, padding=2))
        m = z.mean((0, 2, 3), keepdim=True)
        v = ((z - m) ** 2).mean((0, 2, 3), keepdim=True)
        z = (z - m) / torch.sqrt(v + 1e-5) * gamma.view(1, -1, 1, 1) + beta.view(1, -1, 1, 1)
        return F.max_pool2d(z, 2)

    def loss(*p):
        a = block(block(x, *p[0:4]), *p[4:8])
        z = torch.relu(a.flatten(1) @ p[8] + p[9]) @ p[10] + p[11]
        return cross_entropy(z, y)

    return loss, shapes


def derivative_plans(loss, shapes):
    """The five computations of W7 on one batch: the loss alone; the JVP with dual numbers
    (torch.autograd.forward_ad); the gradient (torch.autograd.grad); the HVP forward over reverse
    (the gradient of dual parameters, whose tangents are H v); reverse over reverse (the gradient
    of sum <g, v>, g taken with create_graph)."""
    d = torch.float64
    params = [(torch.rand(*s, dtype=d) * 2 - 1) * 0.1 for s in shapes]
    tangents = [torch.rand(*s, dtype=d) * 2 - 1 for s in shapes]
    leaves = [p.clone().requires_grad_() for p in params]

    def forward():
        with torch.no_grad():
            return loss(*params)

    def jvp():
        with fwAD.dual_level():
            out = loss(*[fwAD.make_dual(p, v) for p, v in zip(params, tangents)])
            return fwAD.unpack_dual(out).tangent

    def grad():
        return torch.autograd.grad(loss(*leaves), leaves)

    def hvp():
        with fwAD.dual_level():
            duals = [fwAD.make_dual(p, v) for p, v in zip(leaves, tangents)]
            g = torch.autograd.grad(loss(*duals), duals)
            return [fwAD.unpack_dual(t).tangent for t in g]

    def hvp_rr():
        g = torch.autograd.grad(loss(*leaves), leaves, create_graph=True)
        inner = sum((a * v).sum() for a, v in zip(g, tangents))
        return torch.autograd.grad(inner, leaves)

    return [("forward", None, forward), ("jvp", "forward", jvp), ("grad", "forward", grad),
            ("hvp", "grad", hvp), ("hvp-rr", "grad", hvp_rr)]


def w7(reps, threads):
    """W7, forward mode's cost: for W2's and W3's MLP (batch 64 and 1024) and W6's CNN at batch
    16, the five computations run in turn; each row's time per run and, over its baseline, the
    median of the repetitions' ratios, by the wall clock and, at one thread (where the work stays
    on this thread), by CPU time."""
    torch.manual_seed(1)
    rows = []
    for name, (loss, shapes) in [("mlp64", mlp_model(64)), ("mlp1024", mlp_model(1024)),
                                 ("cnn16", cnn_model(16))]:
        plans = derivative_plans(loss, shapes)
        wall, cpu = interleaved([body for _, _, body in plans], reps, 5.0, 2.0)
        names = [stage for stage, _, _ in plans]
        for b, (stage, over, _) in enumerate(plans):
            row = {"workload": "w7-" + name + "-" + stage,
                   "value": statistics.median(wall[b]) * 1e6, "unit": "us/run"}
            if threads == 1:
                row["cpu_us"] = statistics.median(cpu[b]) * 1e6
            if over is not None:
                base = names.index(over)
                ratios = [t / u for t, u in zip(wall[b], wall[base])]
                row.update({"over": over, "ratio": statistics.median(ratios),
                            "ratio_reps": ratios})
                if threads == 1:
                    row["cpu_ratio"] = statistics.median(
                        [t / u for t, u in zip(cpu[b], cpu[base])])
            rows.append(row)
    return rows


if __name__ == "__main__":
    main("torch", torch.__version__, {
        "w1": lambda reps, dtype: w1(reps),
        "w2": lambda reps, dtype: mlp(reps, 64, 500, getattr(torch, dtype)),
        "w3": lambda reps, dtype: mlp(reps, 1024, 100, getattr(torch, dtype)),
        "w4": lambda reps, dtype: w4(reps, getattr(torch, dtype)),
        "w5": lambda reps, dtype: w5(reps), "w6": lambda reps, dtype: w6(reps),
        "w7": lambda reps, dtype: w7(reps, torch.get_num_threads())},
        on_threads=torch.set_num_threads, extra=lambda: {"threads": torch.get_num_threads()})
