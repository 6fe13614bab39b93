"""PyTorch's side of bench/keras_seed.sh: seed 001's network (Linear(20, 64), ReLU, Linear(64, 1), sigmoid, binary
cross-entropy, Adagrad(lr=0.01)) trained for 50 epochs at batch 32 on the same 1000 x 20 file, float64, one
thread: the same 1,600 updates `adagrad fit` makes. The whole process is timed, import of torch included."""
import sys

import torch

torch.set_default_dtype(torch.float64)
torch.set_num_threads(1)
rows = open(sys.argv[1]).read().strip().split("\n")[1:]
data = torch.tensor([[float(v) for v in row.split(",")] for row in rows])
X, y = data[:, :20], data[:, 20:21]
model = torch.nn.Sequential(torch.nn.Linear(20, 64), torch.nn.ReLU(), torch.nn.Linear(64, 1), torch.nn.Sigmoid())
optimizer = torch.optim.Adagrad(model.parameters(), lr=0.01)
loss_fn = torch.nn.BCELoss()
for epoch in range(50):
    total = 0.0
    for start in range(0, 1000, 32):
        optimizer.zero_grad()
        loss = loss_fn(model(X[start:start + 32]), y[start:start + 32])
        loss.backward()
        optimizer.step()
        total += loss.item() * len(X[start:start + 32])
    print(f"Epoch {epoch + 1}/50 - loss: {total / 1000:.4f}")
