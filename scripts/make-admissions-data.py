#!/usr/bin/env python3
"""Generate data/admissions.csv: synthetic graduate-school admissions with a numeric-coded factor.

Run from the repository root:  python3 scripts/make-admissions-data.py
(writes data/admissions.csv; the output is byte-for-byte reproducible).

The file has the shape of a well-known teaching example (UCLA's hypothetical "binary.csv": gre,
gpa, rank 1-4 and admit), whose terms do not allow us to redistribute it; no value is taken from
it. Columns: gre (a GRE score, a multiple of 20 in 220..800), gpa (grade point average, two
decimals, 2.20..4.00), rank (prestige of the undergraduate institution, 1 = highest .. 4, to be
used as a factor: --factor rank), admit (1 = admitted).

Model (ground truth used for sampling):
    gpa  ~ Normal(3.39, 0.38), clipped to [2.20, 4.00]
    gre  ~ Normal(588 + 120 * (gpa - 3.39), 105), rounded to a multiple of 20, clipped to [220, 800]
    rank ~ 1, 2, 3, 4 with probabilities 0.15, 0.38, 0.30, 0.17
    logit P(admit = 1) = -4 + 0.0023 * gre + 0.8 * gpa - 0.7 * rank2 - 1.3 * rank3 - 1.6 * rank4

Only random.Random(seed).random() is used (its output for a given seed is stable across
Python 3 versions); normal draws (Box-Muller), categories and Bernoulli draws are built on it
here.  Synthetic data, dedicated to the public domain (CC0 1.0).
"""

import math
import random
import sys

SEED = 20261127
N = 400
INTERCEPT = -4.0
B_GRE = 0.0023
B_GPA = 0.8
B_RANK = {1: 0.0, 2: -0.7, 3: -1.3, 4: -1.6}
P_RANK = [(1, 0.15), (2, 0.38), (3, 0.30), (4, 0.17)]


def normal(rng, mean, sd):
    """A normal draw by Box-Muller from two rng.random() draws (the second value is not kept)."""
    u1 = 1.0 - rng.random()  # in (0, 1]
    u2 = rng.random()
    return mean + sd * math.sqrt(-2.0 * math.log(u1)) * math.cos(2.0 * math.pi * u2)


def bernoulli(rng, p):
    """1 with probability p, else 0, from a single rng.random() draw."""
    return 1 if rng.random() < p else 0


def category(rng, choices):
    """A value drawn with the listed probabilities, from a single rng.random() draw."""
    u = rng.random()
    for value, p in choices:
        if u < p:
            return value
        u -= p
    return choices[-1][0]


def sigmoid(eta):
    """1 / (1 + exp(-eta)) without overflow."""
    if eta >= 0:
        return 1.0 / (1.0 + math.exp(-eta))
    e = math.exp(eta)
    return e / (1.0 + e)


def main(path="data/admissions.csv"):
    rng = random.Random(SEED)
    rows = []
    for _ in range(N):
        gpa = round(min(4.0, max(2.2, normal(rng, 3.39, 0.38))), 2)
        gre = int(min(800, max(220, 20 * round(normal(rng, 588 + 120 * (gpa - 3.39), 105) / 20))))
        rank = category(rng, P_RANK)
        eta = INTERCEPT + B_GRE * gre + B_GPA * gpa + B_RANK[rank]
        rows.append((gre, f"{gpa:.2f}", rank, bernoulli(rng, sigmoid(eta))))
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        out.write("gre,gpa,rank,admit\n")
        for r in rows:
            out.write(",".join(str(v) for v in r) + "\n")
    print(f"wrote {path}: {len(rows)} rows, {sum(r[3] for r in rows)} admitted", file=sys.stderr)


if __name__ == "__main__":
    main(*sys.argv[1:])
