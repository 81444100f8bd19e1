#!/usr/bin/env python3
"""PyTorch reference for chainrule's derivative matrices (Autodiff.jacobian, hessian, jvp, hvp):
each case's inputs are written out below, and the script prints the results as Java array
literals, which DerivativeMatricesTorchTest holds (the test never needs torch). Float64,
PyTorch 1.13 (torch.autograd.functional), row-major flattening.

Re-run from the repository root:
    /usr/bin/python3 core/src/test/resources/torch-reference/derivatives.py
"""
import torch
from torch.autograd.functional import hessian, hvp, jacobian, jvp

D = torch.float64
t = lambda rows: torch.tensor(rows, dtype=D)

A = t([[0.2, -0.4, 1.0], [0.7, 0.1, -0.3], [-0.5, 0.9, 0.4], [1.1, -0.8, 0.6]])
x = t([[0.5], [-1.2], [0.3]])
X = t([[0.5, -1.2, 0.3, 2.0, -0.4], [2.0, 0.1, -0.7, 0.6, 1.3], [-0.3, 0.8, 1.1, -1.5, 0.2]])
Y = t([[1.0, 0.0, 1.0, 0.0, 1.0]])
w = t([[0.1, -0.2, 0.3]])
b = 0.05
W = t([[0.3, -0.6, 0.2], [-0.1, 0.4, 0.5]])
V = t([[1.0, 0.5, -0.5], [0.2, -1.0, 0.3]])
X4 = X[:, :4]


def java(name, tensor):
    values = ", ".join(repr(v) for v in tensor.detach().reshape(-1).tolist())
    print("  /** %s, shape %s. */" % (name, tuple(tensor.shape)))
    print("  private static final double[] %s = {%s};" % (name, values))


# softmax(tanh(A·x)) along axis 0, its Jacobian with respect to the column x: (4, 1, 3, 1)
java("SOFTMAX_TANH_JACOBIAN", jacobian(lambda x: torch.softmax(torch.tanh(A @ x), dim=0), x))


def logistic(w):
    a = torch.sigmoid(w @ X + b)
    return -(Y * torch.log(a) + (1 - Y) * torch.log(1 - a)).mean()


# the logistic loss's Hessian with respect to the row of weights w: (1, 3, 1, 3)
java("LOGISTIC_HESSIAN", hessian(logistic, w))
# σ(W·X4) with respect to W (2, 3): (2, 4, 2, 3)
java("SIGMOID_JACOBIAN", jacobian(lambda W: torch.sigmoid(W @ X4), W))
# jvp of Σ_columns tanh(W·X4) (2,) along V
java("TANH_ROWSUM_JVP", jvp(lambda W: torch.tanh(W @ X4).sum(dim=1), W, V)[1])
# hvp of log Σ e^(W·X4) along V
java("LOGSUMEXP_HVP", hvp(lambda W: torch.logsumexp(W @ X4, dim=(0, 1)), W, V)[1])
print("  // torch " + torch.__version__)
