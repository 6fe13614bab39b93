#!/usr/bin/python3
"""Reference trajectories for adagrad's --schedule, --then and --maximize, from real PyTorch 1.13 (float64).

Each case runs torch.optim with autograd gradients and a torch.optim.lr_scheduler exactly as torch's usual loop does:
    loss = f(x); loss.backward(); optimizer.step(); scheduler.step()      (ReduceLROnPlateau: scheduler.step(f(x)))
and writes case-<name>.csv with one row per step: step, the rate the step used (group['lr'] before optimizer.step),
f after the step and the variables after the step (row 0: the start). cases.csv lists every case with the adagrad
options that mean the same run. Run:  /usr/bin/python3 generate.py   (writes next to this script)
"""
import csv
import os
import torch

torch.set_default_dtype(torch.float64)
HERE = os.path.dirname(os.path.abspath(__file__))

QUAD = ("w^2+10*b^2", ["w", "b"], [1.0, 1.0], lambda p: p[0] ** 2 + 10 * p[1] ** 2)
ROSEN = ("(1-x)^2+100*(y-x^2)^2", ["x", "y"], [-1.5, 2.0], lambda p: (1 - p[0]) ** 2 + 100 * (p[1] - p[0] ** 2) ** 2)
NEG_QUAD = ("-(w^2+10*b^2)", ["w", "b"], [1.0, 1.0], lambda p: -(p[0] ** 2 + 10 * p[1] ** 2))
BUMP = ("exp(-(x-1)^2-(y+0.5)^2)", ["x", "y"], [0.2, 0.3], lambda p: torch.exp(-(p[0] - 1) ** 2 - (p[1] + 0.5) ** 2))

class Lion(torch.optim.Optimizer):
    """Lion (Chen et al. 2023) as the paper writes it, with betas in its defaults as lion-pytorch has them, so that
    torch's own OneCycleLR cycles its beta1 as it does Adam's: c = b1*m + (1-b1)*g; x -= lr*sign(c);
    m = b2*m + (1-b2)*g (decoupled weight decay first: x *= 1 - lr*wd)."""

    def __init__(self, params, lr=1e-3, betas=(0.9, 0.99), weight_decay=0.0):
        super().__init__(params, dict(lr=lr, betas=betas, weight_decay=weight_decay))

    @torch.no_grad()
    def step(self):
        for group in self.param_groups:
            beta1, beta2 = group["betas"]
            for p in group["params"]:
                state = self.state[p]
                if not state:
                    state["m"] = torch.zeros_like(p)
                m = state["m"]
                p.mul_(1 - group["lr"] * group["weight_decay"])
                c = beta1 * m + (1 - beta1) * p.grad
                p.add_(torch.sign(c), alpha=-group["lr"])
                m.mul_(beta2).add_(p.grad, alpha=1 - beta2)


OPTIMIZERS = {
    "sgd": lambda params, lr, extra: torch.optim.SGD(params, lr=lr, **extra),
    "momentum": lambda params, lr, extra: torch.optim.SGD(params, lr=lr, momentum=0.9, **extra),
    "adam": lambda params, lr, extra: torch.optim.Adam(params, lr=lr, **extra),
    "adagrad": lambda params, lr, extra: torch.optim.Adagrad(params, lr=lr, **extra),
    "rmsprop": lambda params, lr, extra: torch.optim.RMSprop(params, lr=lr, **extra),
    "nesterov": lambda params, lr, extra: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True, **extra),
    "adamw": lambda params, lr, extra: torch.optim.AdamW(params, lr=lr, **extra),
    # foreach=True: torch 1.13's default single-tensor NAdam multiplies mu in twice (fixed upstream in PR #92699);
    # its foreach path follows the documented formula, as adagrad does
    "nadam": lambda params, lr, extra: torch.optim.NAdam(params, lr=lr, foreach=True, **extra),
    "radam": lambda params, lr, extra: torch.optim.RAdam(params, lr=lr, **extra),
    "adamax": lambda params, lr, extra: torch.optim.Adamax(params, lr=lr, **extra),
    "lion": lambda params, lr, extra: Lion(params, lr=lr, **extra),
    # a rule file, checked against the torch optimizer it writes down
    "examples/optimizers/adam.opt": lambda params, lr, extra: torch.optim.Adam(params, lr=lr, **extra),
}

S = torch.optim.lr_scheduler


def schedulers(opt, name):
    """The torch scheduler for a case, with the --schedule/--then text that means the same."""
    if name == "step":
        return S.StepLR(opt, step_size=7, gamma=0.5), "step:step_size=7,gamma=0.5", None
    if name == "multistep":
        return S.MultiStepLR(opt, milestones=[5, 12, 20], gamma=0.3), "multistep:milestones=5;12;20,gamma=0.3", None
    if name == "exponential":
        return S.ExponentialLR(opt, gamma=0.9), "exponential:gamma=0.9", None
    if name == "cosine":
        return S.CosineAnnealingLR(opt, T_max=15, eta_min=0.001), "cosine:T_max=15,eta_min=0.001", None
    if name == "linear":
        return S.LinearLR(opt, start_factor=0.1, total_iters=10), "linear:start_factor=0.1,total_iters=10", None
    if name == "onecycle":
        return (S.OneCycleLR(opt, max_lr=0.09, total_steps=40, cycle_momentum=False),
                "onecycle:max_lr=0.09,total_steps=40,cycle_momentum=false", None)
    if name == "onecycle-linear":
        return (S.OneCycleLR(opt, max_lr=0.3, total_steps=50, anneal_strategy="linear", three_phase=True,
                             cycle_momentum=False, pct_start=0.25),
                "onecycle:max_lr=0.3,total_steps=50,anneal_strategy=linear,three_phase=true,cycle_momentum=false,"
                "pct_start=0.25", None)
    # cycle_momentum left to torch's default, True: momentum (SGD, RMSprop) or beta1 (betas) from 0.95 to 0.85 and back
    if name == "onecycle-momentum":
        return S.OneCycleLR(opt, max_lr=0.09, total_steps=40), "onecycle:max_lr=0.09,total_steps=40", None
    if name == "onecycle-momentum-small":
        return S.OneCycleLR(opt, max_lr=0.0005, total_steps=60), "onecycle:max_lr=0.0005,total_steps=60", None
    if name == "onecycle-three":
        return (S.OneCycleLR(opt, max_lr=0.05, total_steps=50, three_phase=True, base_momentum=0.8,
                             max_momentum=0.9, cycle_momentum=True),
                "onecycle:max_lr=0.05,total_steps=50,three_phase=true,base_momentum=0.8,max_momentum=0.9,"
                "cycle_momentum=true", None)
    if name == "onecycle-three-linear":
        return (S.OneCycleLR(opt, max_lr=0.06, total_steps=50, anneal_strategy="linear", three_phase=True,
                             pct_start=0.25),
                "onecycle:max_lr=0.06,total_steps=50,anneal_strategy=linear,three_phase=true,pct_start=0.25", None)
    # Adagrad has neither momentum nor betas: torch raises ValueError unless cycle_momentum=False, which adagrad's
    # onecycle takes as its default
    if name == "onecycle-no-momentum":
        return (S.OneCycleLR(opt, max_lr=0.5, total_steps=40, cycle_momentum=False),
                "onecycle:max_lr=0.5,total_steps=40", None)
    if name == "warm-restarts":
        return (S.CosineAnnealingWarmRestarts(opt, T_0=5, T_mult=2, eta_min=0.01),
                "cosine-warm-restarts:T_0=5,T_mult=2,eta_min=0.01", None)
    if name == "plateau":
        return (S.ReduceLROnPlateau(opt, factor=0.5, patience=2, threshold=0.01),
                "reduce-on-plateau:factor=0.5,patience=2,threshold=0.01", None)
    if name == "plateau-max":
        return (S.ReduceLROnPlateau(opt, mode="max", factor=0.5, patience=1, cooldown=2, threshold=0.001,
                                    threshold_mode="abs"),
                "reduce-on-plateau:factor=0.5,patience=1,cooldown=2,threshold=0.001,threshold_mode=abs", None)
    if name == "warmup-cosine":
        warm = S.LinearLR(opt, start_factor=0.01, total_iters=5)
        cos = S.CosineAnnealingLR(opt, T_max=35)
        return S.SequentialLR(opt, [warm, cos], milestones=[5]), "linear:start_factor=0.01,total_iters=5", \
            "cosine:T_max=35"
    if name == "warmup-exponential":
        warm = S.LinearLR(opt, start_factor=0.25, total_iters=4)
        exp = S.ExponentialLR(opt, gamma=0.95)
        return S.SequentialLR(opt, [warm, exp], milestones=[4]), "linear:start_factor=0.25,total_iters=4", \
            "exponential:gamma=0.95"
    # OneCycleLR sets group['initial_lr'] itself, so in a sequence the other scheduler's base rate is its max_lr/div_factor
    if name == "onecycle-then-cosine":
        one = S.OneCycleLR(opt, max_lr=0.09, total_steps=20)
        cos = S.CosineAnnealingLR(opt, T_max=20, eta_min=0.001)
        return S.SequentialLR(opt, [one, cos], milestones=[20]), "onecycle:max_lr=0.09,total_steps=20", \
            "cosine:T_max=20,eta_min=0.001"
    if name == "linear-then-onecycle":
        warm = S.LinearLR(opt, start_factor=0.5, total_iters=5)
        one = S.OneCycleLR(opt, max_lr=0.09, total_steps=35)
        return S.SequentialLR(opt, [warm, one], milestones=[5]), "linear:start_factor=0.5,total_iters=5", \
            "onecycle:max_lr=0.09,total_steps=35"
    if name == "none":
        return None, None, None
    raise ValueError(name)


# name, function, optimizer, lr, schedule, steps, maximize, extra optimizer settings (torch names)
CASES = [
    ("step-sgd-quad", QUAD, "sgd", 0.04, "step", 40, False, {}),
    ("multistep-adam-quad", QUAD, "adam", 0.1, "multistep", 40, False, {}),
    ("exponential-adagrad-rosenbrock", ROSEN, "adagrad", 0.5, "exponential", 40, False, {}),
    ("cosine-sgd-quad", QUAD, "sgd", 0.04, "cosine", 60, False, {}),
    ("cosine-momentum-rosenbrock", ROSEN, "momentum", 0.0005, "cosine", 60, False, {}),
    ("linear-adam-rosenbrock", ROSEN, "adam", 0.05, "linear", 40, False, {}),
    ("onecycle-sgd-quad", QUAD, "sgd", 0.04, "onecycle", 40, False, {}),
    ("onecycle-linear-rmsprop-quad", QUAD, "rmsprop", 0.01, "onecycle-linear", 50, False, {}),
    ("warm-restarts-adagrad-quad", QUAD, "adagrad", 0.5, "warm-restarts", 60, False, {}),
    ("plateau-adam-quad", QUAD, "adam", 0.5, "plateau", 60, False, {}),
    ("warmup-cosine-adam-rosenbrock", ROSEN, "adam", 0.05, "warmup-cosine", 40, False, {}),
    ("warmup-exponential-sgd-quad", QUAD, "sgd", 0.04, "warmup-exponential", 40, False, {}),
    ("maximize-sgd-negquad", NEG_QUAD, "sgd", 0.04, "none", 30, True, {}),
    ("maximize-adagrad-bump", BUMP, "adagrad", 0.3, "none", 30, True, {"weight_decay": 0.1}),
    ("maximize-adam-bump", BUMP, "adam", 0.05, "none", 30, True, {"weight_decay": 0.05}),
    ("maximize-momentum-negquad", NEG_QUAD, "momentum", 0.01, "none", 30, True, {"weight_decay": 0.2}),
    ("maximize-plateau-sgd-bump", BUMP, "sgd", 0.8, "plateau-max", 40, True, {}),
    ("onecycle-momentum-sgd-quad", QUAD, "sgd", 0.04, "onecycle-momentum", 40, False, {}),
    ("onecycle-momentum-momentum-rosenbrock", ROSEN, "momentum", 0.0005, "onecycle-momentum-small", 60, False, {}),
    ("onecycle-momentum-nesterov-quad", QUAD, "nesterov", 0.04, "onecycle-momentum", 40, False, {}),
    ("onecycle-momentum-rmsprop-quad", QUAD, "rmsprop", 0.01, "onecycle-momentum", 40, False, {}),
    ("onecycle-momentum-adam-rosenbrock", ROSEN, "adam", 0.05, "onecycle-momentum", 40, False, {}),
    ("onecycle-momentum-adamw-quad", QUAD, "adamw", 0.05, "onecycle-momentum", 40, False, {}),
    ("onecycle-momentum-nadam-quad", QUAD, "nadam", 0.05, "onecycle-momentum", 40, False, {}),
    ("onecycle-momentum-radam-rosenbrock", ROSEN, "radam", 0.05, "onecycle-momentum", 40, False, {}),
    ("onecycle-momentum-adamax-quad", QUAD, "adamax", 0.05, "onecycle-momentum", 40, False, {}),
    ("onecycle-momentum-lion-quad", QUAD, "lion", 0.05, "onecycle-momentum", 40, False, {}),
    ("onecycle-momentum-adam-rule-rosenbrock", ROSEN, "examples/optimizers/adam.opt", 0.05, "onecycle-momentum", 40,
     False, {}),
    ("onecycle-three-adam-rosenbrock", ROSEN, "adam", 0.05, "onecycle-three", 50, False, {}),
    ("onecycle-three-linear-sgd-quad", QUAD, "sgd", 0.04, "onecycle-three-linear", 50, False, {}),
    ("onecycle-then-cosine-momentum-quad", QUAD, "momentum", 0.04, "onecycle-then-cosine", 40, False, {}),
    ("onecycle-then-cosine-adam-rosenbrock", ROSEN, "adam", 0.05, "onecycle-then-cosine", 40, False, {}),
    ("linear-then-onecycle-adam-rosenbrock", ROSEN, "adam", 0.05, "linear-then-onecycle", 40, False, {}),
    ("onecycle-no-momentum-adagrad-quad", QUAD, "adagrad", 0.5, "onecycle-no-momentum", 40, False, {}),
]


def main():
    with open(os.path.join(HERE, "cases.csv"), "w", newline="") as index:
        out = csv.writer(index, lineterminator="\n")
        out.writerow(["case", "f", "x0", "optimizer", "lr", "schedule", "then", "steps", "maximize", "settings"])
        for name, (text, variables, start, f), optimizer, lr, schedule, steps, maximize, extra in CASES:
            x = torch.tensor(start, requires_grad=True)
            settings = dict(extra)
            if maximize:
                settings["maximize"] = True
            opt = OPTIMIZERS[optimizer]([x], lr, settings)
            scheduler, schedule_text, then_text = schedulers(opt, schedule)
            rows = [[0, "", f(x).item()] + x.tolist()]
            for t in range(1, steps + 1):
                opt.zero_grad()
                loss = f(x)
                loss.backward()
                used = opt.param_groups[0]["lr"]
                opt.step()
                value = f(x).item()
                if isinstance(scheduler, S.ReduceLROnPlateau):
                    scheduler.step(value)
                elif scheduler is not None:
                    scheduler.step()
                rows.append([t, repr(used), repr(value)] + [repr(v) for v in x.tolist()])
            with open(os.path.join(HERE, "case-" + name + ".csv"), "w", newline="") as case:
                w = csv.writer(case, lineterminator="\n")
                w.writerow(["step", "lr", "f"] + variables)
                w.writerows(rows)
            x0 = ",".join(v + "=" + repr(s) for v, s in zip(variables, start))
            out.writerow([name, text, x0, optimizer, repr(lr), schedule_text or "", then_text or "", steps,
                          "true" if maximize else "false",
                          ";".join(k + "=" + repr(v) for k, v in extra.items())])


if __name__ == "__main__":
    main()
