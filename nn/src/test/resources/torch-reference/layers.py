#!/usr/bin/env python3
"""PyTorch reference for chainrule-nn's sequence layers: RNN, LSTM and GRU cells unrolled over a
sequence (PyTorch's gate order, weights copied), LayerNorm, Embedding (repeated token ids), and
one SGD step with gradients clipped by global norm (torch.nn.utils.clip_grad_norm_). Everything is
float64 and written in chainrule's column layout: a batch of m sequences of T steps of F features
is (T*F, m), step t in rows [t*F, (t+1)*F); weights as PyTorch stores them, biases as (n, 1).
For each case: inputs, parameters, the output, R, and the gradients of loss = sum(out * R).
Written by PyTorch 1.13 (torch.__version__ recorded in the output).

Re-run from the repository root:
    /usr/bin/python3 nn/src/test/resources/torch-reference/layers.py \
        > nn/src/test/resources/torch-reference/layers.json
"""
import json
import torch

torch.manual_seed(1414)
D = torch.float64


def flat(t):
    return {"dims": list(t.shape), "values": t.detach().reshape(-1).tolist()}


def column_sequence(x):
    """(T, m, F) -> (T*F, m)."""
    t, m, f = x.shape
    return x.permute(0, 2, 1).reshape(t * f, m)


def recurrent(kind, t, m, f, h, every_step):
    module = {"rnn": torch.nn.RNN, "lstm": torch.nn.LSTM, "gru": torch.nn.GRU}[kind](
        f, h).to(D)
    x = torch.randn(t, m, f, dtype=D, requires_grad=True)
    outs, _ = module(x)
    out = column_sequence(outs) if every_step else outs[-1].t()
    r = torch.randn(*out.shape, dtype=D)
    (out * r).sum().backward()
    params = [module.weight_ih_l0, module.weight_hh_l0, module.bias_ih_l0, module.bias_hh_l0]
    return {"kind": kind, "steps": t, "everyStep": every_step,
            "x": flat(column_sequence(x)), "output": flat(out), "R": flat(r),
            "params": [flat(p if p.dim() == 2 else p.reshape(-1, 1)) for p in params],
            "grads": [flat(p.grad if p.dim() == 2 else p.grad.reshape(-1, 1)) for p in params],
            "dx": flat(column_sequence(x.grad))}


def layer_norm(t, m, f):
    module = torch.nn.LayerNorm(f).to(D)
    with torch.no_grad():
        module.weight.copy_(torch.randn(f, dtype=D))
        module.bias.copy_(torch.randn(f, dtype=D))
    x = torch.randn(t, m, f, dtype=D, requires_grad=True)
    out = column_sequence(module(x))
    r = torch.randn(*out.shape, dtype=D)
    (out * r).sum().backward()
    return {"kind": "layernorm", "steps": t, "x": flat(column_sequence(x)),
            "output": flat(out), "R": flat(r),
            "params": [flat(module.weight.reshape(-1, 1)), flat(module.bias.reshape(-1, 1))],
            "grads": [flat(module.weight.grad.reshape(-1, 1)),
                      flat(module.bias.grad.reshape(-1, 1))],
            "dx": flat(column_sequence(x.grad))}


def embedding(t, m, v, d):
    module = torch.nn.Embedding(v, d).to(D)
    ids = torch.randint(0, v, (t, m))
    ids[0, 0] = ids[-1, -1]                      # a repeated token in every case
    out = column_sequence(module(ids))
    r = torch.randn(*out.shape, dtype=D)
    (out * r).sum().backward()
    return {"kind": "embedding", "steps": t, "ids": flat(ids.to(D)), "output": flat(out),
            "R": flat(r), "params": [flat(module.weight.t())],
            "grads": [flat(module.weight.grad.t())]}


def clipped_sgd_step(t, m, f, h, lr, max_norm):
    module = torch.nn.LSTM(f, h).to(D)
    x = torch.randn(t, m, f, dtype=D)
    r = torch.randn(h, m, dtype=D)
    params = [module.weight_ih_l0, module.weight_hh_l0, module.bias_ih_l0, module.bias_hh_l0]
    before = [flat(p.detach().clone() if p.dim() == 2 else p.detach().reshape(-1, 1))
              for p in params]
    outs, _ = module(x)
    loss = (outs[-1].t() * r).sum()
    loss.backward()
    norm = torch.nn.utils.clip_grad_norm_(params, max_norm)
    torch.optim.SGD(params, lr=lr).step()
    return {"kind": "clipped_lstm_sgd", "steps": t, "everyStep": False, "lr": lr,
            "maxNorm": max_norm, "norm": norm.item(), "x": flat(column_sequence(x)),
            "R": flat(r), "loss": loss.item(), "params": before,
            "after": [flat(p.detach() if p.dim() == 2 else p.detach().reshape(-1, 1))
                      for p in params]}


cases = []
for kind in ["rnn", "lstm", "gru"]:
    cases.append(recurrent(kind, 3, 2, 4, 5, False))
    cases.append(recurrent(kind, 4, 3, 2, 3, True))
    cases.append(recurrent(kind, 1, 1, 3, 2, True))
cases.append(layer_norm(1, 4, 5))
cases.append(layer_norm(3, 2, 4))
cases.append(embedding(4, 3, 6, 2))
cases.append(embedding(2, 5, 3, 4))
cases.append(clipped_sgd_step(5, 4, 3, 4, 0.5, 0.1))
print(json.dumps({"torch": torch.__version__, "cases": cases}))
