#!/usr/bin/env python3
"""PyTorch reference for chainrule's structural ops along an axis: gather (NumPy take, with
repeated indices), concat, stack and split. For each case: the inputs, the forward value, the
gradient of loss = sum(y**3 * R) for every input, and a Hessian-vector product (the derivative of
<grad, V>), all in float64. Written by PyTorch 1.13 (torch.__version__ recorded in the output).

Re-run from the repository root:
    /usr/bin/python3 core/src/test/resources/torch-reference/structure.py \
        > core/src/test/resources/torch-reference/structure.json
"""
import json
import torch

torch.manual_seed(14)
D = torch.float64


def rand(*dims):
    return (torch.rand(*dims, dtype=D) * 4 - 2)


def flat(t):
    return {"dims": list(t.shape), "values": t.detach().reshape(-1).tolist()}


def derivatives(inputs, forward):
    xs = [x.clone().requires_grad_(True) for x in inputs]
    y = forward(xs)
    r = rand(*y.shape)
    loss = (y ** 3 * r).sum()
    grads = torch.autograd.grad(loss, xs, create_graph=True)
    vs = [rand(*x.shape) for x in xs]
    s = sum((g * v).sum() for g, v in zip(grads, vs))
    hv = torch.autograd.grad(s, xs)
    return {"inputs": [flat(x) for x in inputs], "output": flat(y), "R": flat(r),
            "grads": [flat(g) for g in grads], "V": [flat(v) for v in vs],
            "hv": [flat(h) for h in hv]}


def take(x, idx, axis):
    picked = x.index_select(axis, idx.reshape(-1))
    shape = list(x.shape[:axis]) + list(idx.shape) + list(x.shape[axis + 1:])
    return picked.reshape(shape)


cases = []
gathers = [((5, 3), 0, (7,)), ((4, 6), 1, (2, 3)), ((3, 4, 5), 2, (6,)), ((6, 2, 3), 0, (2, 4)),
           ((3, 5), 1, (10,)), ((4,), 0, (3, 3))]
for dims, axis, idims in gathers:
    x = rand(*dims)
    idx = torch.randint(0, dims[axis], idims)
    idx.view(-1)[0] = idx.view(-1)[-1]          # at least one repeated index in every case
    case = derivatives([x], lambda xs: take(xs[0], idx, axis))
    case.update(op="gather", axis=axis, indices=flat(idx.to(D)))
    cases.append(case)
for dims_list, axis in [([(2, 3), (2, 5)], 1), ([(1, 4), (3, 4), (2, 4)], 0),
                        ([(2, 3, 1), (2, 3, 4)], -1)]:
    xs = [rand(*d) for d in dims_list]
    case = derivatives(xs, lambda t: torch.cat(t, axis))
    case.update(op="concat", axis=axis)
    cases.append(case)
for dims, n, axis in [((3, 2), 4, 0), ((2, 5), 3, 2), ((4,), 2, -1)]:
    xs = [rand(*dims) for _ in range(n)]
    case = derivatives(xs, lambda t: torch.stack(t, axis))
    case.update(op="stack", axis=axis)
    cases.append(case)
for dims, axis, sizes in [((6, 3), 0, [1, 2, 3]), ((2, 7), 1, [4, 3]), ((2, 3, 4), -1, [2, 2])]:
    x = rand(*dims)
    for part in range(len(sizes)):
        case = derivatives([x], lambda t: torch.split(t[0], sizes, axis)[part])
        case.update(op="split", axis=axis, sizes=sizes, part=part)
        cases.append(case)

print(json.dumps({"torch": torch.__version__, "cases": cases}))
