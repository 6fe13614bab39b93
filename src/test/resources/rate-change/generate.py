#!/usr/bin/python3
"""Reference trajectories for `adagrad step`'s `l` key (a learning rate changed by hand from a step on), from real
PyTorch 1.13 in float64 with autograd gradients.

Each case runs torch's usual loop, loss = f(x); loss.backward(); optimizer.step(), and after step k of each change
(k, rate) sets `for g in opt.param_groups: g['lr'] = rate`, so steps k+1, k+2, ... take the new rate; the state the
optimizer has (momentum buffers, sums, moments, Rprop's step sizes, ASGD's eta and average) is kept, as torch keeps
it. case-<name>.csv has one row per step: step, the rate the step used, f after the step and the variables after it
(row 0: the start). cases.csv lists every case with the adagrad options and the changes as "k=rate;k=rate".
Run:  /usr/bin/python3 generate.py   (writes next to this script)
"""
import csv
import os
import torch

torch.set_default_dtype(torch.float64)
HERE = os.path.dirname(os.path.abspath(__file__))

QUAD = ("w^2+10*b^2", ["w", "b"], [1.0, 1.0], lambda p: p[0] ** 2 + 10 * p[1] ** 2)
ROSEN = ("(1-x)^2+100*(y-x^2)^2", ["x", "y"], [-1.5, 2.0], lambda p: (1 - p[0]) ** 2 + 100 * (p[1] - p[0] ** 2) ** 2)

OPTIMIZERS = {
    "momentum": lambda params, lr, extra: torch.optim.SGD(params, lr=lr, momentum=0.9, **extra),
    "adagrad": lambda params, lr, extra: torch.optim.Adagrad(params, lr=lr, **extra),
    "rmsprop": lambda params, lr, extra: torch.optim.RMSprop(params, lr=lr, **extra),
    "adam": lambda params, lr, extra: torch.optim.Adam(params, lr=lr, **extra),
    "adamw": lambda params, lr, extra: torch.optim.AdamW(params, lr=lr, **extra),
    "rprop": lambda params, lr, extra: torch.optim.Rprop(params, lr=lr, **extra),
    "asgd": lambda params, lr, extra: torch.optim.ASGD(params, lr=lr, **extra),
}

# name, function, optimizer, first rate, changes [(after step k, new rate)], steps, extra settings (torch names)
CASES = [
    ("momentum-quad", QUAD, "momentum", 0.01, [(12, 0.03)], 30, {}),
    ("momentum-rosenbrock", ROSEN, "momentum", 0.0005, [(10, 0.0001)], 30, {}),
    ("adagrad-quad", QUAD, "adagrad", 0.5, [(12, 0.05)], 30, {}),
    ("adagrad-decay-rosenbrock", ROSEN, "adagrad", 0.5, [(10, 1.5)], 30, {"lr_decay": 0.1}),
    ("rmsprop-quad", QUAD, "rmsprop", 0.01, [(12, 0.05)], 30, {"momentum": 0.5}),
    ("rmsprop-rosenbrock", ROSEN, "rmsprop", 0.01, [(8, 0.002)], 30, {}),
    ("adam-rosenbrock", ROSEN, "adam", 0.05, [(8, 0.2), (20, 0.01)], 30, {}),
    ("adamw-quad", QUAD, "adamw", 0.1, [(12, 0.02)], 30, {}),
    ("rprop-quad", QUAD, "rprop", 0.05, [(10, 0.2)], 30, {}),
    ("asgd-quad", QUAD, "asgd", 0.02, [(10, 0.04)], 30, {"t0": 5.0}),
]


def main():
    with open(os.path.join(HERE, "cases.csv"), "w", newline="") as index:
        out = csv.writer(index, lineterminator="\n")
        out.writerow(["case", "f", "x0", "optimizer", "lr", "changes", "steps", "settings"])
        for name, (text, variables, start, f), optimizer, lr, changes, steps, extra in CASES:
            x = torch.tensor(start, requires_grad=True)
            opt = OPTIMIZERS[optimizer]([x], lr, dict(extra))
            rows = [[0, "", repr(f(x).item())] + [repr(v) for v in x.tolist()]]
            new_rates = dict(changes)
            for t in range(1, steps + 1):
                opt.zero_grad()
                loss = f(x)
                loss.backward()
                used = opt.param_groups[0]["lr"]
                opt.step()
                rows.append([t, repr(used), repr(f(x).item())] + [repr(v) for v in x.tolist()])
                if t in new_rates:
                    for g in opt.param_groups:
                        g["lr"] = new_rates[t]
            with open(os.path.join(HERE, "case-" + name + ".csv"), "w", newline="") as case:
                w = csv.writer(case, lineterminator="\n")
                w.writerow(["step", "lr", "f"] + variables)
                w.writerows(rows)
            x0 = ",".join(v + "=" + repr(s) for v, s in zip(variables, start))
            out.writerow([name, text, x0, optimizer, repr(lr), ";".join(str(k) + "=" + repr(r) for k, r in changes),
                          steps, ";".join(k + "=" + repr(v) for k, v in extra.items())])


if __name__ == "__main__":
    main()
