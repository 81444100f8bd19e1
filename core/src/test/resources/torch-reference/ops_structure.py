#!/usr/bin/env python3
# Reference values for the ops-structure operations of issue 14 (softplus, gelu, clamp,
# minimum, maximum, logsumexp, slice, pad, permute, squeeze, unsqueeze, batched matmul),
# computed by PyTorch in float64: forward values and the gradients of sum(out * U) for a
# random U, per input. TorchReferenceTest (core) reads the JSON this writes.
#
# Regenerate from the repository root (PyTorch 1.13, NumPy 1.24):
#   /usr/bin/python3 core/src/test/resources/torch-reference/ops_structure.py \
#       > core/src/test/resources/torch-reference/ops_structure.json
import json
import sys

import numpy as np
import torch
import torch.nn.functional as F

torch.set_default_dtype(torch.float64)
gen = torch.Generator().manual_seed(14)
cases = []


def rand(*shape, lo=-2.0, hi=2.0):
    return (torch.rand(tuple(shape), generator=gen) * (hi - lo) + lo).requires_grad_(True)


def tensor(values):
    return torch.tensor(values, dtype=torch.float64).requires_grad_(True)


def enc(t):
    return {"shape": list(t.shape), "data": [float(v) for v in t.detach().reshape(-1).tolist()]}


def case(op, args, inputs, fn):
    out = fn(*inputs)
    upstream = torch.rand(tuple(out.shape), generator=gen) * 2 - 1
    grads = torch.autograd.grad((out * upstream).sum(), inputs, allow_unused=True)
    cases.append({"op": op, "args": args, "inputs": [enc(t) for t in inputs],
                  "upstream": enc(upstream), "output": enc(out),
                  "grads": [enc(g if g is not None else torch.zeros_like(t))
                            for g, t in zip(grads, inputs)]})


# elementwise: random shapes plus the far tails, where a naive form overflows
for shape in [(3, 4), (2, 3, 5), ()]:
    case("softplus", {}, [rand(*shape, lo=-6, hi=6)], F.softplus)
    case("gelu", {}, [rand(*shape, lo=-4, hi=4)], lambda x: F.gelu(x, approximate="tanh"))
case("softplus", {}, [tensor([-800.0, -40.0, -1e-9, 0.0, 1e-9, 40.0, 800.0])], F.softplus)
case("gelu", {}, [tensor([-30.0, -5.0, 0.0, 5.0, 30.0])],
     lambda x: F.gelu(x, approximate="tanh"))
for lo, hi in [(-0.5, 0.7), (-1.0, -1.0)]:
    case("clamp", {"lo": lo, "hi": hi}, [rand(3, 4)], lambda x: torch.clamp(x, lo, hi))
case("clamp", {"lo": -0.5, "hi": 0.7}, [tensor([-0.5, 0.7, -0.6, 0.8, 0.1])],
     lambda x: torch.clamp(x, -0.5, 0.7))
case("clamp", {"lo": -0.25, "hi": None}, [rand(2, 3)], lambda x: torch.clamp(x, min=-0.25))
case("clamp", {"lo": None, "hi": 0.25}, [rand(2, 3)], lambda x: torch.clamp(x, max=0.25))
for a, b in [((3, 4), (3, 4)), ((3, 4), (4,)), ((2, 1, 3), (4, 1)), ((), (2, 3)), ((5, 1), (1, 2))]:
    case("maximum", {}, [rand(*a), rand(*b)], torch.maximum)
    case("minimum", {}, [rand(*a), rand(*b)], torch.minimum)
tied = [tensor([1.0, 2.0, 3.0, -1.0]), tensor([1.0, 0.0, 3.0, 2.0])]
case("maximum", {}, tied, torch.maximum)
case("minimum", {}, [t.detach().clone().requires_grad_(True) for t in tied], torch.minimum)

# logsumexp over axes, negative axes, kept or not; huge and −∞ entries
for shape, dims in [((3, 4), [1]), ((3, 4), [0]), ((2, 3, 4), [0, 2]), ((2, 3, 4), [-1]),
                    ((2, 3, 4), [0, 1, 2]), ((5,), [0])]:
    for keep in (False, True):
        case("logsumexp", {"axes": dims, "keepDims": keep}, [rand(*shape, lo=-3, hi=3)],
             lambda x: torch.logsumexp(x, dim=dims, keepdim=keep))
case("logsumexp", {"axes": [1], "keepDims": False},
     [tensor([[1000.0, 1001.0, -1000.0], [-1e300, 0.0, 1e-3], [-800.0, -801.0, -802.0]])],
     lambda x: torch.logsumexp(x, dim=[1]))


# slice: positions resolved by Python's own slice.indices (NumPy's rules), gathered by index
def sliced(x, ranges):
    for d, (start, stop, step) in enumerate(ranges):
        idx = list(range(*slice(start, stop, step).indices(x.shape[d])))
        x = torch.index_select(x, d, torch.tensor(idx, dtype=torch.long))
    return x


for shape, ranges in [
        ((4, 5), [(1, -1, None), (None, None, 2)]),
        ((4, 5), [(None, None, -1), (-2, None, None)]),
        ((3, 4, 5), [(-10, 10, None), (3, 0, -2), (1, 5, 3)]),
        ((3, 4, 5), [(2, 3, None), (None, None, None), (-1, -6, -1)]),
        ((6,), [(-5, 100, 2)]),
        ((4, 5), [(3, 1, None), (None, None, None)]),
        ((2, 6), [(None, None, None), (4, None, -3)]),
        ((2, 3, 2, 3), [(1, None, None), (None, 2, None), (None, None, -1), (0, 3, 2)])]:
    case("slice", {"ranges": [list(r) for r in ranges]}, [rand(*shape)],
         lambda x: sliced(x, ranges))

# pad: NumPy-style widths (before, after) per axis; F.pad lists them from the last axis
for shape, widths, value in [((2, 3), [[1, 0], [2, 1]], 0.0), ((2, 3, 4), [[0, 1], [1, 1], [0, 2]], 1.5),
                             ((3,), [[2, 3]], -1.0), ((1, 2, 2, 1), [[0, 0], [1, 0], [0, 1], [2, 2]], 0.0)]:
    flat = [w for pair in reversed(widths) for w in pair]
    case("pad", {"widths": widths, "value": value}, [rand(*shape)],
         lambda x: F.pad(x, flat, value=value))

for shape, perm in [((2, 3, 4), [2, 0, 1]), ((2, 3, 4, 5), [3, 1, 0, 2]),
                    ((2, 3, 4, 5, 2), [-1, 0, 3, 1, 2]), ((3, 4), [1, 0])]:
    case("permute", {"perm": perm}, [rand(*shape)], lambda x: x.permute(*perm))


def squeezed(x, axes):
    if not axes:
        return torch.squeeze(x)
    for a in sorted((a % x.dim() for a in axes), reverse=True):
        x = torch.squeeze(x, a)
    return x


for shape, axes in [((1, 3, 1, 2), []), ((1, 3, 1, 2), [0]), ((1, 3, 1, 2), [-2, 0]), ((1,), [])]:
    case("squeeze", {"axes": axes}, [rand(*shape)], lambda x: squeezed(x, axes))
for shape, axis in [((3, 2), 0), ((3, 2), 2), ((3, 2), -1), ((3, 2), -3), ((), 0)]:
    case("unsqueeze", {"axis": axis}, [rand(*shape)], lambda x: torch.unsqueeze(x, axis))

# batched matmul with broadcast batch axes, and a matrix against a batch
for a, b in [((4, 2, 3), (4, 3, 5)), ((2, 3, 4), (4, 2)), ((3, 2), (5, 2, 4)),
             ((2, 1, 3, 4), (3, 4, 2)), ((1, 2, 3), (4, 3, 2)), ((2, 3, 1, 4, 2), (3, 5, 2, 3)),
             ((3, 0, 2), (3, 2, 4)), ((2, 2, 0), (2, 0, 3))]:
    case("matmul", {}, [rand(*a), rand(*b)], torch.matmul)

json.dump({"torch": torch.__version__, "numpy": np.__version__, "dtype": "float64",
           "cases": cases}, sys.stdout, indent=None, separators=(",", ":"))
sys.stdout.write("\n")
