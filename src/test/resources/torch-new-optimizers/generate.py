#!/usr/bin/python3
"""Reference trajectories of torch.optim.Rprop, ASGD and LBFGS (PyTorch 1.13, float64, autograd gradients).

Run from this folder:  /usr/bin/python3 generate.py   (Debian: apt-get install python3-torch)

Writes one CSV per case, named <case>.csv, with adagrad's column names (step, f, the variables, grad_<v>, the
optimizer's state columns as adagrad names them), and cases.csv, the index the Java test reads: the case, the
optimizer, the function, the start point, the number of steps and the adagrad options of that case.
Row 0 is the start point; row t is after the t-th optimizer.step() (for LBFGS one .step(closure) call, with
`evaluations`, the closure calls it made: torch's state['func_evals'] increment).
"""
import csv
import math

import torch

torch.set_default_dtype(torch.float64)  # every tensor, including ASGD's eta and mu, in float64

FUNCTIONS = {
    # name: (adagrad expression, variables, start, torch function of a 1-D tensor)
    "toy": ("w^2+10*b^2", ["w", "b"], [4.0, 1.0], lambda p: p[0] ** 2 + 10 * p[1] ** 2),
    "rosenbrock": ("(1-x)^2+100*(y-x^2)^2", ["x", "y"], [-1.5, 2.0],
                   lambda p: (1 - p[0]) ** 2 + 100 * (p[1] - p[0] ** 2) ** 2),
    "coupled": ("x^2+3*y^2+x*y+sin(x+y)", ["x", "y"], [2.0, -1.0],
                lambda p: p[0] ** 2 + 3 * p[1] ** 2 + p[0] * p[1] + torch.sin(p[0] + p[1])),
}

# (case, optimizer, function, steps, torch keyword arguments, adagrad options)
CASES = [
    ("rprop-toy-defaults", "rprop", "toy", 60, {}, []),
    ("rprop-rosenbrock-defaults", "rprop", "rosenbrock", 80, {}, []),
    ("rprop-coupled-defaults", "rprop", "coupled", 60, {}, []),
    ("rprop-toy-etas", "rprop", "toy", 60, dict(lr=0.1, etas=(0.3, 1.5)),
     ["--lr", "0.1", "--etaminus", "0.3", "--etaplus", "1.5"]),
    ("rprop-rosenbrock-sizes", "rprop", "rosenbrock", 80, dict(lr=0.05, step_sizes=(0.01, 0.2)),
     ["--lr", "0.05", "--step-size-min", "0.01", "--step-size-max", "0.2"]),
    ("rprop-coupled-etas-sizes", "rprop", "coupled", 60, dict(lr=0.5, etas=(0.6, 1.1), step_sizes=(1e-3, 1.0)),
     ["--lr", "0.5", "--etaminus", "0.6", "--etaplus", "1.1", "--step-size-min", "0.001", "--step-size-max", "1"]),
    ("asgd-toy-defaults", "asgd", "toy", 60, {}, []),
    ("asgd-rosenbrock-lr", "asgd", "rosenbrock", 80, dict(lr=1e-3), ["--lr", "0.001"]),
    ("asgd-coupled-defaults", "asgd", "coupled", 60, {}, []),
    ("asgd-toy-averaging", "asgd", "toy", 60, dict(lr=0.04, lambd=0.01, alpha=0.5, t0=5),
     ["--lr", "0.04", "--lambd", "0.01", "--alpha", "0.5", "--t0", "5"]),
    ("asgd-rosenbrock-averaging", "asgd", "rosenbrock", 80, dict(lr=5e-4, lambd=0.1, alpha=1.0, t0=10),
     ["--lr", "0.0005", "--lambd", "0.1", "--alpha", "1", "--t0", "10"]),
    ("asgd-coupled-weight-decay", "asgd", "coupled", 60, dict(lr=0.05, lambd=1e-3, t0=0, weight_decay=0.1),
     ["--lr", "0.05", "--lambd", "0.001", "--t0", "0", "--weight-decay", "0.1"]),
    ("lbfgs-toy-none", "lbfgs", "toy", 10, dict(lr=0.1), ["--lr", "0.1"]),
    ("lbfgs-toy-wolfe", "lbfgs", "toy", 5, dict(line_search_fn="strong_wolfe"), ["--line-search", "strong_wolfe"]),
    ("lbfgs-rosenbrock-none", "lbfgs", "rosenbrock", 10, dict(lr=0.01, max_iter=10),
     ["--lr", "0.01", "--max-iter", "10"]),
    # Strong Wolfe stops zooming once the bracket is narrower than tolerance_change / max|d|, so the step it picks is
    # determined only to about 1e-9: rounding differences of 1e-16 then show at 1e-10 after a few steps on
    # Rosenbrock. These cases stop before that, or use a tolerance_change far below 1e-10.
    ("lbfgs-rosenbrock-wolfe", "lbfgs", "rosenbrock", 6, dict(line_search_fn="strong_wolfe", max_iter=5),
     ["--line-search", "strong_wolfe", "--max-iter", "5"]),
    ("lbfgs-coupled-wolfe-history", "lbfgs", "coupled", 4,
     dict(line_search_fn="strong_wolfe", history_size=2, max_iter=8, max_eval=12, tolerance_grad=1e-12),
     ["--line-search", "strong_wolfe", "--history-size", "2", "--max-iter", "8", "--max-eval", "12",
      "--tolerance-grad", "1e-12"]),
    ("lbfgs-coupled-none", "lbfgs", "coupled", 8, dict(lr=0.5, max_iter=4, history_size=2),
     ["--lr", "0.5", "--max-iter", "4", "--history-size", "2"]),
    ("lbfgs-coupled-wolfe", "lbfgs", "coupled", 4, dict(line_search_fn="strong_wolfe"),
     ["--line-search", "strong_wolfe"]),
]


def state_columns(optimizer, opt, p, variables):
    state = opt.state[p]
    if optimizer == "rprop":
        return {**{"step_size_" + v: state["step_size"][i].item() for i, v in enumerate(variables)},
                **{"prev_" + v: state["prev"][i].item() for i, v in enumerate(variables)}}
    if optimizer == "asgd":
        return {"ax_" + v: state["ax"][i].item() for i, v in enumerate(variables)}
    return {}


def run(case, optimizer, function, steps, kwargs):
    expression, variables, start, f = FUNCTIONS[function]
    p = torch.tensor(start, requires_grad=True)
    opt = {"rprop": torch.optim.Rprop, "asgd": torch.optim.ASGD, "lbfgs": torch.optim.LBFGS}[optimizer]([p],
                                                                                                      **kwargs)
    rows = []

    def row(step, gradient, extra):
        with torch.no_grad():
            value = f(p).item()
        r = {"step": step, "f": value}
        r.update({v: p[i].item() for i, v in enumerate(variables)})
        if gradient is not None:
            r.update({"grad_" + v: gradient[i] for i, v in enumerate(variables)})
        r.update(extra)
        return r

    rows.append(row(0, None, {}))

    def closure():
        opt.zero_grad()
        loss = f(p)
        loss.backward()
        return loss

    for t in range(1, steps + 1):
        if optimizer == "lbfgs":
            before = opt.state[p].get("func_evals", 0) if p in opt.state else 0
            x0 = p.detach().clone()
            gradient = torch.autograd.grad(f(x0.requires_grad_()), x0)[0].tolist()
            opt.step(closure)
            evaluations = opt.state[opt._params[0]]["func_evals"] - before
            rows.append(row(t, gradient, {"evaluations": evaluations}))
        else:
            opt.zero_grad()
            f(p).backward()
            gradient = p.grad.tolist()
            opt.step()
            rows.append(row(t, gradient, state_columns(optimizer, opt, p, variables)))
        assert all(math.isfinite(v) for v in rows[-1].values()), (case, t)
    return expression, variables, start, rows


def main():
    with open("cases.csv", "w", newline="") as index:
        writer = csv.writer(index, lineterminator="\n")
        writer.writerow(["case", "optimizer", "function", "x0", "steps", "options"])
        for case, optimizer, function, steps, kwargs, options in CASES:
            expression, variables, start, rows = run(case, optimizer, function, steps, kwargs)
            x0 = ";".join(v + "=" + repr(s) for v, s in zip(variables, start))
            writer.writerow([case, optimizer, expression, x0, steps, " ".join(options)])
            with open(case + ".csv", "w", newline="") as out:
                columns = list(rows[-1].keys())
                w = csv.writer(out, lineterminator="\n")
                w.writerow(columns)
                for r in rows:
                    w.writerow(["" if c not in r else repr(r[c]) for c in columns])


if __name__ == "__main__":
    main()
