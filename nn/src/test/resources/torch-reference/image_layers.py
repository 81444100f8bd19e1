"""PyTorch reference values for chainrule's nn image layers (issue 14): Conv2d, BatchNorm (2-D
over channels and 1-D over features), MaxPool2d, Flatten and Dense in one network.

Run from the repository root:
    /usr/bin/python3 nn/src/test/resources/torch-reference/image_layers.py
It rewrites image_layers.json next to this script. Written with torch 1.13 (CPU, float64), fixed seed.
NetworkTorchReferenceTest reads the JSON (torch is not needed to run the tests).

The network, samples first (NCHW):
    Conv2d(2, 3, 3, padding=1) -> ReLU -> BatchNorm2d(3) -> MaxPool2d(2) -> Flatten
    -> Linear(27, 5) -> BatchNorm1d(5) -> Linear(5, 4)
In training mode: the output for a batch X, the gradients of sum(G * output) for a random G with
respect to every parameter, and the running statistics after that forward pass; then, in
evaluation mode, the output for X again (using the updated running statistics).
"""
import json
import os

import torch
import torch.nn as nn

torch.manual_seed(2026)
torch.set_default_dtype(torch.float64)

net = nn.Sequential(nn.Conv2d(2, 3, 3, padding=1), nn.ReLU(), nn.BatchNorm2d(3), nn.MaxPool2d(2),
                    nn.Flatten(), nn.Linear(27, 5), nn.BatchNorm1d(5), nn.Linear(5, 4))
with torch.no_grad():
    for bn in (net[2], net[6]):
        bn.weight.uniform_(0.5, 1.5)
        bn.bias.uniform_(-0.5, 0.5)
x = torch.randn(4, 2 * 6 * 6)


def flat(t):
    return t.detach().reshape(-1).tolist()


params = {
    "W[1]": net[0].weight, "b[1]": net[0].bias, "γ[2]": net[2].weight, "β[2]": net[2].bias,
    "W[5]": net[5].weight, "b[5]": net[5].bias, "γ[6]": net[6].weight, "β[6]": net[6].bias,
    "W[7]": net[7].weight, "b[7]": net[7].bias,
}
# dense layers in chainrule's row layout hold W as (inputs, units), torch's transposed
transposed = {"W[5]", "W[7]"}


def value(name, t):
    return flat(t.t() if name in transposed else t)


initial = {name: value(name, p) for name, p in params.items()}

net.train()
out = net(x.reshape(4, 2, 6, 6))
g = torch.randn_like(out)
grads = torch.autograd.grad((out * g).sum(), list(params.values()))
running = {"running_mean[2]": flat(net[2].running_mean), "running_var[2]": flat(net[2].running_var),
           "running_mean[6]": flat(net[6].running_mean), "running_var[6]": flat(net[6].running_var)}
net.eval()
with torch.no_grad():
    evaluated = net(x.reshape(4, 2, 6, 6))

result = {
    "torch": torch.__version__,
    "x": flat(x), "upstream": flat(g), "parameters": initial,
    "train_output": flat(out),
    "gradients": {name: value(name, d) for name, d in zip(params, grads)},
    "running": running,
    "eval_output": flat(evaluated),
}
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "image_layers.json")
with open(path, "w") as f:
    json.dump(result, f)
print("wrote", path)
