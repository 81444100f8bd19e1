"""PyTorch reference values for chainrule's conv2d, max_pool2d and avg_pool2d (issue 14).

Run from the repository root:
    /usr/bin/python3 core/src/test/resources/torch-reference/conv.py
It rewrites conv.json next to this script. Written with torch 1.13 (CPU, float64); the cases are
drawn from a fixed seed, so the output is the same on every run. ConvTorchReferenceTest reads the
JSON (torch is not needed to run the tests).

Each case holds the inputs, the forward output, a random upstream gradient G of the output and
the gradients of sum(G * output) with respect to every input, from torch.autograd.
"""
import json
import os

import torch
import torch.nn.functional as F

torch.manual_seed(14)
torch.set_default_dtype(torch.float64)


def flat(t):
    return t.detach().reshape(-1).tolist()


def tensor(t):
    return {"shape": list(t.shape), "values": flat(t)}


def conv_case(n, c, h, w, f, kh, kw, stride, padding, dilation, groups):
    x = torch.randn(n, c, h, w, requires_grad=True)
    k = torch.randn(f, c // groups, kh, kw, requires_grad=True)
    z = F.conv2d(x, k, stride=stride, padding=padding, dilation=dilation, groups=groups)
    g = torch.randn_like(z)
    dx, dk = torch.autograd.grad((z * g).sum(), (x, k))
    return {"stride": list(stride), "padding": list(padding), "dilation": list(dilation),
            "groups": groups, "x": tensor(x), "kernel": tensor(k), "z": tensor(z),
            "upstream": tensor(g), "dx": tensor(dx), "dkernel": tensor(dk)}


def pool_case(kind, n, c, h, w, kh, kw, stride, padding, dilation):
    x = torch.randn(n, c, h, w, requires_grad=True)
    if kind == "max":
        z = F.max_pool2d(x, (kh, kw), stride=stride, padding=padding, dilation=dilation)
    else:
        z = F.avg_pool2d(x, (kh, kw), stride=stride, padding=padding)
    g = torch.randn_like(z)
    (dx,) = torch.autograd.grad((z * g).sum(), (x,))
    return {"kind": kind, "kernel": [kh, kw], "stride": list(stride), "padding": list(padding),
            "dilation": list(dilation), "x": tensor(x), "z": tensor(z), "upstream": tensor(g),
            "dx": tensor(dx)}


def pair(v):
    return v if isinstance(v, tuple) else (v, v)


convs = [
    # n, c, h, w, f, kh, kw, stride, padding, dilation, groups
    (2, 3, 7, 6, 4, 3, 3, 1, 0, 1, 1),
    (2, 1, 12, 12, 4, 5, 5, 1, 2, 1, 1),
    (3, 4, 9, 8, 6, 3, 2, 2, 1, 1, 2),
    (1, 2, 10, 9, 3, 3, 3, (2, 3), (1, 2), (2, 1), 1),
    (2, 6, 8, 8, 6, 3, 3, 1, 1, 1, 6),
    (1, 3, 5, 5, 2, 5, 5, 1, 0, 1, 1),
    (2, 2, 6, 7, 3, 1, 1, 2, 0, 1, 1),
    (1, 2, 4, 4, 2, 2, 2, 3, 2, 1, 1),
    (2, 3, 11, 7, 5, 3, 3, 2, 0, 3, 1),
]
pools = [
    # kind, n, c, h, w, kh, kw, stride, padding, dilation
    ("max", 2, 3, 8, 8, 2, 2, 2, 0, 1),
    ("max", 2, 2, 7, 9, 3, 3, 2, 1, 1),
    ("max", 1, 2, 6, 7, 2, 3, 1, (1, 1), 1),
    ("max", 1, 3, 9, 9, 3, 3, 2, 1, 2),
    ("avg", 2, 3, 8, 8, 2, 2, 2, 0, 1),
    ("avg", 2, 2, 7, 9, 3, 3, 2, 1, 1),
    ("avg", 1, 2, 6, 7, 2, 3, (1, 2), (1, 1), 1),
]
out = {
    "torch": torch.__version__,
    "conv2d": [conv_case(n, c, h, w, f, kh, kw, pair(s), pair(p), pair(d), g)
               for (n, c, h, w, f, kh, kw, s, p, d, g) in convs],
    "pool2d": [pool_case(kind, n, c, h, w, kh, kw, pair(s), pair(p), pair(d))
               for (kind, n, c, h, w, kh, kw, s, p, d) in pools],
}
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "conv.json")
with open(path, "w") as f:
    json.dump(out, f)
print("wrote", path)
