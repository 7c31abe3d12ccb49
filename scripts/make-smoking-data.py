#!/usr/bin/env python3
"""Generate data/smoking.csv: a synthetic cigarettes-per-day vs lung-disease data set.

Run from the repository root:  python3 scripts/make-smoking-data.py
(writes data/smoking.csv; the output is byte-for-byte reproducible).

Model (ground truth used for sampling):
    logit P(disease = 1) = -3 + 0.12 * cigs + 0.02 * (age - 50)

cigs is 0 for about 40 % of people (non-smokers) and otherwise a right-skewed
integer in 1..60; age is an integer in 25..75.  The straight OLS line through
these data rises above 1 for the heaviest smokers, which is the point of the
example: a linear probability model can predict "probabilities" outside [0, 1].

Only random.Random(seed).random() is used (its output for a given seed is
stable across Python 3 versions); integers and Bernoulli draws are built on it
here rather than with randint()/choices(), whose algorithms have changed
between Python releases.  Synthetic data, dedicated to the public domain (CC0).
"""

import math
import random
import sys

SEED = 20261127
N = 200
INTERCEPT = -3.0
B_CIGS = 0.12
B_AGE = 0.02
AGE_CENTRE = 50


def uniform_int(rng, lo, hi):
    """An integer uniform on lo..hi inclusive, from a single rng.random() draw."""
    return lo + int(rng.random() * (hi - lo + 1))


def bernoulli(rng, p):
    """1 with probability p, else 0, from a single rng.random() draw."""
    return 1 if rng.random() < p else 0


def sigmoid(eta):
    """1 / (1 + exp(-eta)) without overflow."""
    if eta >= 0:
        return 1.0 / (1.0 + math.exp(-eta))
    e = math.exp(eta)
    return e / (1.0 + e)


def draw_cigs(rng):
    """0 with probability 0.4, else 1..60 skewed towards light smoking."""
    if rng.random() < 0.4:
        return 0
    return min(60, 1 + int(60 * rng.random() ** 1.4))


def main(path="data/smoking.csv"):
    rng = random.Random(SEED)
    rows = []
    for _ in range(N):
        cigs = draw_cigs(rng)
        age = uniform_int(rng, 25, 75)
        p = sigmoid(INTERCEPT + B_CIGS * cigs + B_AGE * (age - AGE_CENTRE))
        rows.append((cigs, age, bernoulli(rng, p)))
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        out.write("cigs,age,disease\n")
        for cigs, age, disease in rows:
            out.write(f"{cigs},{age},{disease}\n")
    print(f"wrote {path}: {len(rows)} rows, {sum(r[2] for r in rows)} with disease", file=sys.stderr)


if __name__ == "__main__":
    main(*sys.argv[1:])
