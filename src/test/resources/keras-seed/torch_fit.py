"""The Keras seed in float64 with real PyTorch 1.13 autograd, following Keras's conventions written out by hand:
kernels as Keras stores them (rows = inputs), p = sigmoid(logit) clipped to [1e-7, 1 - 1e-7] before binary
cross-entropy (the gradient through the clip is torch.clamp's), Keras's AdaGrad (accumulator from 0.1,
x -= lr * g / sqrt(acc + 1e-7)), batches of 32 in file order with the last partial batch used, and an epoch's loss
and accuracy the batch-size-weighted means of each batch's values before its update (what model.fit prints).
Accuracy counts p > 0.5 as 1. Epoch 0 is the start, over all training rows. val_* are over the held-out rows with
the epoch's final weights.

Writes torch.csv (all 1000 rows) and torch-validation.csv (the last 20 % held out, as Keras's validation_split).
Run: /usr/bin/python3 torch_fit.py   (Debian's python3-torch)
"""
import json
import torch

torch.set_default_dtype(torch.float64)
torch.set_num_threads(1)

rows = open("data.csv").read().strip().split("\n")[1:]
data = torch.tensor([[float(v) for v in row.split(",")] for row in rows])
X_all, y_all = data[:, :20], data[:, 20:21]
init = json.load(open("init.json"))
EPS = 1e-7


def forward(params, X):
    W1, b1, W2, b2 = params
    return torch.sigmoid(torch.relu(X @ W1 + b1) @ W2 + b2)


def loss_and_accuracy(params, X, y):
    p = forward(params, X)
    q = torch.clamp(p, EPS, 1 - EPS)
    loss = -(y * torch.log(q) + (1 - y) * torch.log(1 - q)).mean()
    accuracy = ((p > 0.5).double() == y).double().mean()
    return loss, accuracy


def fit(X, y, X_val, y_val, file):
    params = [torch.tensor(init[k], requires_grad=True) for k in ("W1", "b1", "W2", "b2")]
    accumulators = [torch.full_like(p, 0.1) for p in params]
    lr = 0.01
    out = ["epoch,loss,accuracy" + (",val_loss,val_accuracy" if X_val is not None else "")]

    def record(epoch, loss, accuracy):
        line = [epoch, loss, accuracy]
        if X_val is not None:
            with torch.no_grad():
                vl, va = loss_and_accuracy(params, X_val, y_val)
            line += [vl.item(), va.item()]
        out.append(",".join(repr(float(v)) if i else str(v) for i, v in enumerate(line)))

    with torch.no_grad():
        l0, a0 = loss_and_accuracy(params, X, y)
    record(0, l0.item(), a0.item())
    n = X.shape[0]
    for epoch in range(1, 51):
        loss_sum = 0.0
        correct_sum = 0.0
        for start in range(0, n, 32):
            xb, yb = X[start:start + 32], y[start:start + 32]
            loss, accuracy = loss_and_accuracy(params, xb, yb)
            for p in params:
                p.grad = None
            loss.backward()
            with torch.no_grad():
                for p, acc in zip(params, accumulators):
                    acc += p.grad * p.grad
                    p -= lr * p.grad / torch.sqrt(acc + EPS)
            loss_sum += loss.item() * xb.shape[0]
            correct_sum += accuracy.item() * xb.shape[0]
        record(epoch, loss_sum / n, correct_sum / n)
    open(file, "w").write("\n".join(out) + "\n")


fit(X_all, y_all, None, None, "torch.csv")
split = int(1000 * (1 - 0.2))
fit(X_all[:split], y_all[:split], X_all[split:], y_all[split:], "torch-validation.csv")
