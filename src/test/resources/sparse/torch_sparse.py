"""References for sparse linear models, from real PyTorch 1.13 in float64 with autograd gradients, on a small
svmlight file written here (40 rows with 2 to 8 of 28 features each, labels -1/1). Batches of 4 in file order, 3 epochs; after every epoch the mean loss over all rows.

- adagrad.csv: logistic loss softplus(-y z), torch.optim.Adagrad(lr=0.5), dense tensors: what adagrad's sparse
  steps must reproduce exactly, since AdaGrad leaves a weight with a zero gradient where it is.
- momentum.csv: the same loss with torch.optim.SGD(lr=0.2, momentum=0.9), dense: every weight keeps moving.
- sparse-adam.csv: torch.optim.SparseAdam(lr=0.05) on an nn.EmbeddingBag(sparse=True) holding the weights and the
  bias (as a feature every row has): the lazy algorithm of fit --lazy.
- lazy-adam.csv: the same lazy algorithm with torch.optim.Adam's documented update written out, on the same
  autograd gradients: only the rows of the batch's features (and the bias) are updated, with the global step t in
  the bias corrections, and x -= lr/(1 - b1^t) * m / (sqrt(v)/sqrt(1 - b2^t) + eps). SparseAdam instead uses
  lr*sqrt(1 - b2^t)/(1 - b1^t) * m / (sqrt(v) + eps), which differs only in where eps sits.
Each CSV: epoch,loss, then the final weights w1..w28,b as a last row "weights,...".

Run: /usr/bin/python3 torch_sparse.py
"""
import math
import random

import torch

torch.set_default_dtype(torch.float64)
random.seed(7)
ROWS, D = 40, 30
rows = []
for r in range(ROWS):
    present = sorted(random.sample(range(1, D - 1), random.randint(2, 8)))
    rows.append((random.choice([-1, 1]), [(j, round(random.uniform(-2, 2), 6)) for j in present]))
with open("data.svm", "w") as f:
    f.write("# 40 rows, features 1..28 used, 29 and 30 never\n")
    for label, items in rows:
        f.write(f"{label} " + " ".join(f"{j}:{v!r}" for j, v in items) + "\n")
# d = 28 as adagrad reads it (the largest index): the file says nothing of features 29 and 30
D = max(j for _, items in rows for j, _ in items)
X = torch.zeros(ROWS, D)
for r, (_, items) in enumerate(rows):
    for j, v in items:
        X[r, j - 1] = v
y = torch.tensor([float(label) for label, _ in rows])


def loss_of(w, b, Xb, yb):
    return torch.nn.functional.softplus(-yb * (Xb @ w + b)).mean()


def dense(make, file):
    w = torch.zeros(D, requires_grad=True)
    b = torch.zeros(1, requires_grad=True)
    optimizer = make([w, b])
    out = []
    with torch.no_grad():
        out.append(f"0,{loss_of(w, b, X, y).item()!r}")
    for epoch in range(1, 4):
        for start in range(0, ROWS, 4):
            optimizer.zero_grad()
            loss_of(w, b, X[start:start + 4], y[start:start + 4]).backward()
            optimizer.step()
        with torch.no_grad():
            out.append(f"{epoch},{loss_of(w, b, X, y).item()!r}")
    out.append("weights," + ",".join(repr(v) for v in w.tolist() + b.tolist()))
    open(file, "w").write("epoch,loss\n" + "\n".join(out) + "\n")


dense(lambda p: torch.optim.Adagrad(p, lr=0.5), "adagrad.csv")
dense(lambda p: torch.optim.SGD(p, lr=0.2, momentum=0.9), "momentum.csv")

# SparseAdam: one embedding of D + 1 rows (the weights, then the bias as feature D + 1 that every row has).
bag = torch.nn.EmbeddingBag(D + 1, 1, mode="sum", sparse=True)
with torch.no_grad():
    bag.weight.zero_()
optimizer = torch.optim.SparseAdam(bag.parameters(), lr=0.05)
indices = [[j - 1 for j, _ in items] + [D] for _, items in rows]
weights = [[v for _, v in items] + [1.0] for _, items in rows]


def bag_loss(batch):
    flat = torch.tensor([i for r in batch for i in indices[r]])
    offsets = torch.tensor([0] + [len(indices[r]) for r in batch][:-1]).cumsum(0)
    per = torch.tensor([v for r in batch for v in weights[r]])
    z = bag(flat, offsets, per_sample_weights=per).squeeze(1)
    return torch.nn.functional.softplus(-y[batch] * z).mean()


out = [f"0,{bag_loss(list(range(ROWS))).item()!r}"]
for epoch in range(1, 4):
    for start in range(0, ROWS, 4):
        optimizer.zero_grad()
        bag_loss(list(range(start, start + 4))).backward()
        optimizer.step()
    with torch.no_grad():
        out.append(f"{epoch},{bag_loss(list(range(ROWS))).item()!r}")
out.append("weights," + ",".join(repr(v) for v in bag.weight.squeeze(1).tolist()))
open("sparse-adam.csv", "w").write("epoch,loss\n" + "\n".join(out) + "\n")


# Lazy Adam by hand: torch's dense Adam formula, applied to the coordinates the batch's sparse gradient touches.
bag = torch.nn.EmbeddingBag(D + 1, 1, mode="sum", sparse=True)
with torch.no_grad():
    bag.weight.zero_()
m = torch.zeros(D + 1)
v = torch.zeros(D + 1)
lr, b1, b2, eps = 0.05, 0.9, 0.999, 1e-8
out = [f"0,{bag_loss(list(range(ROWS))).item()!r}"]
t = 0
for epoch in range(1, 4):
    for start in range(0, ROWS, 4):
        bag.zero_grad()
        bag_loss(list(range(start, start + 4))).backward()
        grad = bag.weight.grad.coalesce()
        t += 1
        with torch.no_grad():
            for i, g in zip(grad.indices()[0].tolist(), grad.values().squeeze(1).tolist()):
                m[i] = b1 * m[i] + (1 - b1) * g
                v[i] = b2 * v[i] + (1 - b2) * g * g
                step_size = lr / (1 - b1 ** t)
                denom = v[i].sqrt() / math.sqrt(1 - b2 ** t) + eps
                bag.weight[i, 0] -= step_size * m[i] / denom
    with torch.no_grad():
        out.append(f"{epoch},{bag_loss(list(range(ROWS))).item()!r}")
out.append("weights," + ",".join(repr(v) for v in bag.weight.squeeze(1).tolist()))
open("lazy-adam.csv", "w").write("epoch,loss\n" + "\n".join(out) + "\n")
