#!/usr/bin/env python3
"""Generate data/uptake.csv: a synthetic survey with a calendar-year column next to 0/1 dummies.

Run from the repository root:  python3 scripts/make-uptake-data.py
(writes data/uptake.csv; the output is byte-for-byte reproducible).

Model (ground truth used for sampling):
    logit P(adopted = 1) = -1 + 0.25 * (year - 2015) + 0.6 * urban + 0.9 * graduate

year is an integer survey year in 2005..2024, urban and graduate are 0/1 with P(1) = 0.55 and
0.35. On the raw scale the year column has mean about 2015 and sd about 6, while the dummies
have sd about 0.5 and the intercept column is 1: X'X is extremely ill-conditioned (the year
column is nearly a multiple of the intercept). That is the point of the example: logitlab's
neuron, trained on standardised inputs (the default), converges in about a hundred epochs; with
--no-standardize plain gradient descent crawls, and the output says by how much. The logistic
GLM (IRLS) is unaffected; its intercept is about -500 because it is the log-odds in year 0.

Only random.Random(seed).random() is used (its output for a given seed is stable across
Python 3 versions); integers and Bernoulli draws are built on it here.  Synthetic data,
dedicated to the public domain (CC0).
"""

import math
import random
import sys

SEED = 20261127
N = 400
INTERCEPT = -1.0
B_YEAR = 0.25
YEAR_CENTRE = 2015
B_URBAN = 0.6
B_GRADUATE = 0.9


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


def main(path="data/uptake.csv"):
    rng = random.Random(SEED)
    rows = []
    for _ in range(N):
        year = uniform_int(rng, 2005, 2024)
        urban = bernoulli(rng, 0.55)
        graduate = bernoulli(rng, 0.35)
        eta = INTERCEPT + B_YEAR * (year - YEAR_CENTRE) + B_URBAN * urban + B_GRADUATE * graduate
        rows.append((year, urban, graduate, bernoulli(rng, sigmoid(eta))))
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        out.write("year,urban,graduate,adopted\n")
        for r in rows:
            out.write(",".join(str(v) for v in r) + "\n")
    print(f"wrote {path}: {len(rows)} rows, {sum(r[3] for r in rows)} adopted", file=sys.stderr)


if __name__ == "__main__":
    main(*sys.argv[1:])
