"""Writes the Keras seed's data and starting weights (seed 001: 1000 x 20 uniform features, random 0/1 labels,
Dense(64, relu) then Dense(1, sigmoid)).

Every number is a float32 value written exactly, so TensorFlow.js (which computes in float32) reads the very same
data and weights as adagrad does in float64; their results then differ only by float32 rounding in training.

Run: /usr/bin/python3 make_data.py   (numpy only)
"""
import json
import numpy as np

rng = np.random.default_rng(20240601)
X = rng.random((1000, 20)).astype(np.float32)
y = rng.integers(0, 2, size=1000)

with open("data.csv", "w") as f:
    f.write(",".join([f"x{j}" for j in range(1, 21)] + ["y"]) + "\n")
    for row, label in zip(X, y):
        f.write(",".join(repr(float(v)) for v in row) + f",{label}\n")


def glorot(fan_in, fan_out):
    limit = np.sqrt(6.0 / (fan_in + fan_out))
    return rng.uniform(-limit, limit, size=(fan_in, fan_out)).astype(np.float32)


weights = {
    "W1": glorot(20, 64).astype(float).tolist(),
    "b1": [0.0] * 64,
    "W2": glorot(64, 1).astype(float).tolist(),
    "b2": [0.0],
}
with open("init.json", "w") as f:
    json.dump(weights, f)
