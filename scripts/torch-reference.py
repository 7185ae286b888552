#!/usr/bin/python3
"""Reference values from PyTorch (float64) for the engine's exactness tests.

Writes test/fixtures/torch/gradients.json and test/fixtures/torch/optimizers.json, which
test/unit/engine/torchReference.test.ts compares the engine with (gradients to 1e-9 relative,
200-step optimizer trajectories to 1e-7), and test/fixtures/torch/sizeless.json, which
test/unit/cli/torchSizeless.test.ts runs through the CLI (array losses sized by --at / --init). The fixtures are committed, so tests and CI need no
PyTorch; rerun this script after changing a case:

    apt-get install python3-torch        # Debian's PyTorch (1.13 on bookworm)
    /usr/bin/python3 scripts/torch-reference.py   # Debian's python3, where python3-torch installs

Each gradient case is one learner-style loss written twice: as the TypeScript file the engine
trains, and as the same computation in torch. Each optimizer case runs torch.optim on the two
problems of test/unit/optim/helpers.ts (Rosenbrock from (-1.2, 1); the anisotropic quadratic).
"""
import json
import math
import os

import torch

torch.set_default_dtype(torch.float64)
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "test", "fixtures", "torch")

T = torch


def t(x):
    return torch.tensor(x, dtype=torch.float64)


# ── gradients ────────────────────────────────────────────────────────────────────────────────
# (name, TypeScript loss file, torch function of a 1-D float64 tensor p, points)
GRADIENT_CASES = [
    ("rosenbrock", "export function loss([x, y]: number[]) { return (1 - x) ** 2 + 100 * (y - x ** 2) ** 2; }",
     lambda p: (1 - p[0]) ** 2 + 100 * (p[1] - p[0] ** 2) ** 2, [[-1.2, 1.0], [0.3, -0.7], [2.0, 3.5]]),
    ("exp, expm1, log, log1p, log2, log10", "export function loss([a, b]: number[]) { return Math.exp(a) * Math.expm1(b) + Math.log(a * a + 1) - Math.log1p(b * b) + Math.log2(2 + a * a) * Math.log10(3 + b * b); }",
     lambda p: T.exp(p[0]) * T.expm1(p[1]) + T.log(p[0] * p[0] + 1) - T.log1p(p[1] * p[1]) + T.log2(2 + p[0] * p[0]) * T.log10(3 + p[1] * p[1]), [[0.4, -0.3], [-1.1, 0.9]]),
    ("sqrt, cbrt, pow with both sides variable", "export function loss([a, b]: number[]) { return Math.sqrt(a * a + 2) + Math.cbrt(b) + (a * a + 1) ** b + Math.pow(b * b + 0.5, a); }",
     lambda p: T.sqrt(p[0] * p[0] + 2) + T.sign(p[1]) * T.abs(p[1]) ** (1 / 3) + (p[0] * p[0] + 1) ** p[1] + (p[1] * p[1] + 0.5) ** p[0], [[0.7, 1.3], [-0.4, -0.8]]),
    ("hypot, atan2", "export function loss([a, b, c]: number[]) { return Math.hypot(a, b, c) + Math.atan2(a, b) * c; }",
     lambda p: T.sqrt(p[0] ** 2 + p[1] ** 2 + p[2] ** 2) + T.atan2(p[0], p[1]) * p[2], [[0.5, -1.5, 2.0], [-2.0, 0.3, -0.6]]),
    ("trigonometric", "export function loss([a, b]: number[]) { return Math.sin(a) * Math.cos(b) + Math.tan(a * 0.5) + Math.asin(b * 0.3) + Math.acos(a * 0.2) + Math.atan(a * b); }",
     lambda p: T.sin(p[0]) * T.cos(p[1]) + T.tan(p[0] * 0.5) + T.asin(p[1] * 0.3) + T.acos(p[0] * 0.2) + T.atan(p[0] * p[1]), [[0.9, -1.2], [-0.5, 2.1]]),
    ("hyperbolic", "export function loss([a, b]: number[]) { return Math.sinh(a) + Math.cosh(b) * Math.tanh(a - b) + Math.asinh(a * b) + Math.acosh(2 + b * b) + Math.atanh(0.5 * Math.tanh(a)); }",
     lambda p: T.sinh(p[0]) + T.cosh(p[1]) * T.tanh(p[0] - p[1]) + T.asinh(p[0] * p[1]) + T.acosh(2 + p[1] * p[1]) + T.atanh(0.5 * T.tanh(p[0])), [[0.6, -0.4], [-1.3, 1.7]]),
    ("abs, max, min away from kinks, and the zero-gradient functions", "export function loss([a, b]: number[]) { return Math.abs(a - b) * 2 + Math.max(a, b, 0.1) - Math.min(a * b, 1) + Math.floor(a) + Math.round(b) * a + Math.sign(b) * b + Math.trunc(a * 3) + Math.ceil(b); }",
     lambda p: T.abs(p[0] - p[1]) * 2 + T.max(T.stack([p[0], p[1], t(0.1)])) - T.min(T.stack([p[0] * p[1], t(1.0)])) + T.floor(p[0]) + T.round(p[1]) * p[0] + T.sign(p[1]) * p[1] + T.trunc(p[0] * 3) + T.ceil(p[1]), [[0.7, -1.6], [-2.3, 0.45]]),
    ("division, modulo, unary minus", "export function loss([a, b]: number[]) { return a / (b * b + 1) - -a * b + (a * 5) % 3 - 1 / (a * a + 2); }",
     lambda p: p[0] / (p[1] * p[1] + 1) - (-p[0]) * p[1] + T.fmod(p[0] * 5, 3) - 1 / (p[0] * p[0] + 2), [[1.3, -0.2], [-0.9, 1.1]]),
    ("loop over parameters with sin (W2)", "export const init = new Array(100).fill(0);\nexport function loss(p: number[]) {\n  let s = 0;\n  for (let i = 0; i < p.length; i++) s += (p[i] - i / 100) ** 2 * (1 + 0.1 * Math.sin(p[i]));\n  for (let i = 0; i < p.length - 1; i++) s += 0.01 * (p[i + 1] - p[i]) ** 2;\n  return s;\n}",
     lambda p: sum((p[i] - i / 100) ** 2 * (1 + 0.1 * T.sin(p[i])) for i in range(len(p))) + sum(0.01 * (p[i + 1] - p[i]) ** 2 for i in range(len(p) - 1)),
     [[math.sin(i) for i in range(100)], [0.01 * i - 0.3 for i in range(100)]]),
    ("branches, ternaries, helpers, map/reduce", "const sq = (x: number) => x * x;\nfunction huber(r: number, d = 1) { return Math.abs(r) <= d ? 0.5 * r * r : d * (Math.abs(r) - 0.5 * d); }\nconst ys = [1, -2, 0.5, 3];\nexport const init = [0, 0, 0];\nexport function loss(p: number[]) {\n  const r = ys.map((y, i) => p[i % p.length] * (i + 1) - y);\n  let s = r.map((x) => huber(x)).reduce((a, b) => a + b, 0);\n  if (p[0] > 0) s += sq(p[1]); else s -= p[1] / 4;\n  return s + (p[2] < 1 ? Math.exp(p[2]) : p[2] ** 3);\n}",
     None, [[0.4, -1.2, 0.3], [-0.8, 0.9, 1.7]]),
    ("named-object parameters and compound assignment", "export const init = { w: 1, b: -1 };\nconst xs = [0, 1, 2, 3];\nconst ys = [1, 3, 5, 7];\nexport function loss({ w, b }: { w: number; b: number }) {\n  let s = 0;\n  for (let i = 0; i < xs.length; i++) {\n    let e = w * xs[i];\n    e += b;\n    e -= ys[i];\n    s += e * e;\n  }\n  s /= xs.length;\n  return s;\n}",
     lambda p: sum((p[0] * x + p[1] - y) ** 2 for x, y in zip([0, 1, 2, 3], [1, 3, 5, 7])) / 4, [[1.0, -1.0], [2.5, 0.25]]),
    ("deep composition (a chain of 40 tanh)", "export function loss([w]: number[]) {\n  let h = w;\n  for (let k = 0; k < 40; k++) h = Math.tanh(1.3 * h + 0.1 * k);\n  return h * h;\n}",
     None, [[0.5], [-2.0]]),
]


def huber_case(p):
    ys = [1.0, -2.0, 0.5, 3.0]

    def huber(r, d=1.0):
        return 0.5 * r * r if abs(r.item()) <= d else d * (T.abs(r) - 0.5 * d)

    r = [p[i % len(p)] * (i + 1) - y for i, y in enumerate(ys)]
    s = sum(huber(x) for x in r)
    s = s + (p[1] * p[1] if p[0].item() > 0 else -p[1] / 4)
    return s + (T.exp(p[2]) if p[2].item() < 1 else p[2] ** 3)


def tanh_chain(p):
    h = p[0]
    for k in range(40):
        h = T.tanh(1.3 * h + 0.1 * k)
    return h * h


PY_OVERRIDES = {"branches, ternaries, helpers, map/reduce": huber_case, "deep composition (a chain of 40 tanh)": tanh_chain}


def gradients():
    out = []
    for name, source, fn, points in GRADIENT_CASES:
        fn = PY_OVERRIDES.get(name, fn)
        for point in points:
            p = t(point).requires_grad_(True)
            value = fn(p)
            (grad,) = torch.autograd.grad(value, p)
            out.append({"name": name, "source": source, "at": point, "value": value.item(), "gradient": grad.tolist()})
    return out


# ── optimizers ───────────────────────────────────────────────────────────────────────────────
def rosenbrock(p):
    return (1 - p[0]) ** 2 + 100 * (p[1] - p[0] ** 2) ** 2


ANISOTROPIC_C = [1.0, 10.0, 0.1]
ANISOTROPIC_T = [1.0, -2.0, 3.0]


def anisotropic(p):
    return sum(c * (p[i] - tt) ** 2 for i, (c, tt) in enumerate(zip(ANISOTROPIC_C, ANISOTROPIC_T)))


PROBLEMS = {"rosenbrock": (rosenbrock, [-1.2, 1.0]), "anisotropic": (anisotropic, [0.0, 0.0, 0.0])}

# (our optimizer name, our settings, torch class, torch kwargs); lr is in both.
OPTIMIZER_CASES = [
    ("sgd", {"learningRate": 1e-3}, "SGD", {"lr": 1e-3}),
    ("sgd", {"learningRate": 1e-3, "momentum": 0.9, "dampening": 0.1, "weightDecay": 0.01}, "SGD", {"lr": 1e-3, "momentum": 0.9, "dampening": 0.1, "weight_decay": 0.01}),
    ("momentum", {"learningRate": 1e-3}, "SGD", {"lr": 1e-3, "momentum": 0.9}),
    ("nesterov", {"learningRate": 1e-3, "weightDecay": 0.05}, "SGD", {"lr": 1e-3, "momentum": 0.9, "nesterov": True, "weight_decay": 0.05}),
    ("adagrad", {"learningRate": 0.1}, "Adagrad", {"lr": 0.1}),
    ("adagrad", {"learningRate": 0.1, "lrDecay": 0.01, "weightDecay": 0.02, "initialAccumulatorValue": 0.5, "eps": 1e-6}, "Adagrad", {"lr": 0.1, "lr_decay": 0.01, "weight_decay": 0.02, "initial_accumulator_value": 0.5, "eps": 1e-6}),
    ("rmsprop", {"learningRate": 0.01}, "RMSprop", {"lr": 0.01}),
    ("rmsprop", {"learningRate": 0.01, "alpha": 0.9, "eps": 1e-6, "weightDecay": 0.01, "momentum": 0.5, "centered": True}, "RMSprop", {"lr": 0.01, "alpha": 0.9, "eps": 1e-6, "weight_decay": 0.01, "momentum": 0.5, "centered": True}),
    ("adam", {"learningRate": 0.01}, "Adam", {"lr": 0.01}),
    ("adam", {"learningRate": 0.01, "beta1": 0.8, "beta2": 0.99, "eps": 1e-6, "weightDecay": 0.01, "amsgrad": True}, "Adam", {"lr": 0.01, "betas": (0.8, 0.99), "eps": 1e-6, "weight_decay": 0.01, "amsgrad": True}),
    ("adamw", {"learningRate": 0.01}, "AdamW", {"lr": 0.01}),
    ("adamw", {"learningRate": 0.01, "weightDecay": 0.1, "amsgrad": True}, "AdamW", {"lr": 0.01, "weight_decay": 0.1, "amsgrad": True}),
    ("lbfgs", {"learningRate": 1}, "LBFGS", {"lr": 1}),
    ("lbfgs", {"learningRate": 1, "lineSearch": "strong_wolfe"}, "LBFGS", {"lr": 1, "line_search_fn": "strong_wolfe"}),
]


def optimizers(steps=200):
    out = []
    for ours, settings, cls, kwargs in OPTIMIZER_CASES:
        for problem, (fn, start) in PROBLEMS.items():
            p = t(start).requires_grad_(True)
            opt = getattr(torch.optim, cls)([p], **kwargs)
            rows = [p.detach().tolist()]

            def closure():
                opt.zero_grad()
                loss = fn(p)
                loss.backward()
                return loss

            for _ in range(steps):
                opt.step(closure)
                rows.append(p.detach().tolist())
            out.append({"optimizer": ours, "settings": settings, "torch": f"torch.optim.{cls}({', '.join(f'{k}={v!r}' for k, v in kwargs.items())})", "problem": problem, "trajectory": rows})
    return out


# ── sizeless array losses, through the CLI ──────────────────────────────────────────────────
# `loss(p: number[])` with no init, bounds or tuple type: the point given (`grad --at`,
# `train --init`) sets the size. test/unit/cli/torchSizeless.test.ts runs each through
# `node dist/cli.js` and compares with these (gradients 1e-9, trajectories 1e-7).
SIZELESS_CASES = [
    ("sum of squares to i/n", "export function loss(p: number[]) {\n  let s = 0;\n  for (let i = 0; i < p.length; i++) s += (p[i] - i / p.length) ** 2;\n  return s;\n}",
     lambda p: sum((p[i] - i / len(p)) ** 2 for i in range(len(p)))),
    ("chained Rosenbrock", "export function loss(p: number[]) {\n  let s = 0;\n  for (let i = 0; i + 1 < p.length; i++) s += 100 * (p[i + 1] - p[i] ** 2) ** 2 + (1 - p[i]) ** 2;\n  return s;\n}",
     lambda p: sum(100 * (p[i + 1] - p[i] ** 2) ** 2 + (1 - p[i]) ** 2 for i in range(len(p) - 1))),
    ("softplus of a weighted sum, with map/reduce", "export function loss(p: number[]) {\n  const z = p.map((v, i) => v * Math.cos(i)).reduce((a, b) => a + b, 0);\n  return Math.log(1 + Math.exp(z)) + 0.01 * p.reduce((a, v) => a + v * v, 0);\n}",
     lambda p: T.log(1 + T.exp(sum(p[i] * math.cos(i) for i in range(len(p))))) + 0.01 * sum(p[i] * p[i] for i in range(len(p)))),
    ("Rastrigin-like bumps", "export function loss(p: number[]) {\n  let s = 10 * p.length;\n  for (const v of p) s += v * v - 10 * Math.cos(2 * Math.PI * v);\n  return s;\n}",
     lambda p: 10 * len(p) + sum(p[i] * p[i] - 10 * T.cos(2 * math.pi * p[i]) for i in range(len(p)))),
]
SIZELESS_DIMENSIONS = [10, 20, 50]
# (CLI optimizer flags, torch class, kwargs): short runs, well inside each loss's stable range.
SIZELESS_RUNS = [
    (["--optimizer", "sgd", "--lr", "0.001"], "SGD", {"lr": 0.001}),
    (["--optimizer", "momentum", "--lr", "0.001"], "SGD", {"lr": 0.001, "momentum": 0.9}),
    (["--optimizer", "adam", "--lr", "0.01"], "Adam", {"lr": 0.01}),
]


# Every step is compared by the engine's own torch tests; here every 5th row keeps the file small.
ROW_EVERY = 5


def sizeless(steps=60):
    out = []
    for (name, source, fn), n in ((c, n) for c in SIZELESS_CASES for n in SIZELESS_DIMENSIONS):
        at = [0.3 * math.sin(1.7 * i + 0.2) for i in range(n)]
        p = t(at).requires_grad_(True)
        value = fn(p)
        (grad,) = torch.autograd.grad(value, p)
        runs = []
        for flags, cls, kwargs in SIZELESS_RUNS:
            q = t(at).requires_grad_(True)
            opt = getattr(torch.optim, cls)([q], **kwargs)
            rows = {0: q.detach().tolist()}
            for k in range(1, steps + 1):
                opt.zero_grad()
                fn(q).backward()
                opt.step()
                if k % ROW_EVERY == 0:
                    rows[k] = q.detach().tolist()
            runs.append({"flags": flags + ["--steps", str(steps)], "torch": f"torch.optim.{cls}({kwargs})", "rows": rows})
        out.append({"name": name, "source": source, "at": at, "value": value.item(), "gradient": grad.tolist(), "runs": runs})
    return out


def main():
    os.makedirs(OUT, exist_ok=True)
    meta = {"torch": torch.__version__, "dtype": "float64", "script": "scripts/torch-reference.py"}
    with open(os.path.join(OUT, "gradients.json"), "w") as f:
        json.dump({"meta": meta, "cases": gradients()}, f, indent=1)
    with open(os.path.join(OUT, "optimizers.json"), "w") as f:
        json.dump({"meta": meta, "cases": optimizers()}, f)
    with open(os.path.join(OUT, "sizeless.json"), "w") as f:
        json.dump({"meta": meta, "cases": sizeless()}, f)
    print(f"wrote {OUT} with torch {torch.__version__}")


if __name__ == "__main__":
    main()
