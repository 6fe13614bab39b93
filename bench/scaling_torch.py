"""PyTorch's AdaGrad steps per second on the scaling problems of ScalingBenchmark (see docs/performance.md).

The quadratic sum(i * x_i^2) + sum(x_i * x_(i+1)) and Rosenbrock's chain sum((1 - x_i)^2 + 100 (x_(i+1) - x_i^2)^2),
written as a PyTorch user would (tensor operations, autograd), float64, one thread, torch.optim.Adagrad(lr=0.001),
from x = -1.2, 1, -1.2, ...; each step is zero_grad, f, backward, step. Run with /usr/bin/python3 (PyTorch 1.13):

    /usr/bin/python3 bench/scaling_torch.py [seconds per point]
"""
import sys
import time

import torch

torch.set_num_threads(1)
SECONDS = float(sys.argv[1]) if len(sys.argv) > 1 else 2.0


def quadratic(x, weights):
    return (weights * x * x).sum() + (x[:-1] * x[1:]).sum()


def chain(x, weights):
    return ((1 - x[:-1]) ** 2 + 100 * (x[1:] - x[:-1] ** 2) ** 2).sum()


def steps_per_second(f, n):
    start = [-1.2 if i % 2 == 0 else 1.0 for i in range(n)]
    x = torch.tensor(start, dtype=torch.float64, requires_grad=True)
    weights = torch.arange(1, n + 1, dtype=torch.float64)
    optimizer = torch.optim.Adagrad([x], lr=0.001)

    def step():
        optimizer.zero_grad()
        f(x, weights).backward()
        optimizer.step()

    for _ in range(200):  # warm-up
        step()
    steps = 0
    began = time.perf_counter()
    while time.perf_counter() - began < SECONDS:
        for _ in range(100):
            step()
        steps += 100
    return steps / (time.perf_counter() - began)


print("problem,n,torch_steps_per_s")
for name, f in (("quadratic", quadratic), ("chain", chain)):
    for n in (10, 30, 100, 300, 1000):
        print(f"{name},{n},{steps_per_second(f, n):.0f}", flush=True)
