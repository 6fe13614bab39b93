"""Loss and gradient of small networks at fixed weights, from real PyTorch 1.13 autograd in float64, for the
backpropagation of fit --model mlp. The data: 12 rows of 3 features, labels 0/1 (y) and real targets (t). Each case
writes CASE-weights.json (Keras layout: W1 is inputs x units, as fit --init reads it), CASE-gradient.json (the
gradient of the mean loss in the same layout) and CASE-loss.txt.

- tanh-bce:    3 -> 4 -> 3 -> 1, tanh hidden layers, sigmoid output, binary cross-entropy from the logit
- sigmoid-mse: 3 -> 5 -> 1, sigmoid hidden layer, linear output, squared error against t
- relu-keras:  3 -> 4 -> 1, relu, sigmoid output with p clipped to [1e-7, 1 - 1e-7] (Keras); the weights make two
               rows' p clip, whose gradient is then 0; plus l2 = 0.01 on the kernels
Run: /usr/bin/python3 torch_gradients.py
"""
import json
import random

import torch

torch.set_default_dtype(torch.float64)
random.seed(3)
X = torch.tensor([[random.uniform(-2, 2) for _ in range(3)] for _ in range(12)])
y = torch.tensor([[float(random.randint(0, 1))] for _ in range(12)])
t = torch.tensor([[random.uniform(-1, 1)] for _ in range(12)])
with open("data.csv", "w") as f:
    f.write("x1,x2,x3,y,t\n")
    for row, label, target in zip(X.tolist(), y.tolist(), t.tolist()):
        f.write(",".join(repr(v) for v in row) + f",{int(label[0])},{target[0]!r}\n")


def weights(sizes, scale):
    blocks = []
    for a, b in zip(sizes, sizes[1:]):
        blocks.append(torch.tensor([[random.uniform(-scale, scale) for _ in range(b)] for _ in range(a)],
                                   requires_grad=True))
        blocks.append(torch.tensor([random.uniform(-0.5, 0.5) for _ in range(b)], requires_grad=True))
    return blocks


def network(blocks, act, Xb):
    h = Xb
    for i in range(0, len(blocks) - 2, 2):
        h = act(h @ blocks[i] + blocks[i + 1])
    return h @ blocks[-2] + blocks[-1]


def write(name, blocks, loss):
    loss.backward()
    keys = [("W" if i % 2 == 0 else "b") + str(i // 2 + 1) for i in range(len(blocks))]
    json.dump({k: block.tolist() for k, block in zip(keys, blocks)}, open(name + "-weights.json", "w"))
    json.dump({k: block.grad.tolist() for k, block in zip(keys, blocks)}, open(name + "-gradient.json", "w"))
    open(name + "-loss.txt", "w").write(repr(loss.item()) + "\n")


b = weights([3, 4, 3, 1], 1.0)
z = network(b, torch.tanh, X)
write("tanh-bce", b, torch.nn.functional.binary_cross_entropy_with_logits(z, y))

b = weights([3, 5, 1], 1.0)
z = network(b, torch.sigmoid, X)
write("sigmoid-mse", b, ((z - t) ** 2).mean())

b = weights([3, 4, 1], 4.0)  # large weights: some logits beyond +-16.1, where p clips
z = network(b, torch.relu, X)
p = torch.clamp(torch.sigmoid(z), 1e-7, 1 - 1e-7)
clipped = int(((torch.sigmoid(z) < 1e-7) | (torch.sigmoid(z) > 1 - 1e-7)).sum())
assert clipped >= 2, f"only {clipped} rows clip"
bce = -(y * torch.log(p) + (1 - y) * torch.log(1 - p)).mean()
write("relu-keras", b, bce + 0.01 * sum((k ** 2).sum() for k in b[0::2]))
print("rows whose p clips in relu-keras:", clipped)
