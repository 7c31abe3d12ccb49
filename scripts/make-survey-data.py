#!/usr/bin/env python3
"""Generate data/survey.csv: a synthetic health survey with a text outcome, text predictors and
an "n/a" marker for a missing answer, shaped like the files users bring to logitlab.

Run from the repository root:  python3 scripts/make-survey-data.py
(writes data/survey.csv; the output is byte-for-byte reproducible).

Columns: id (respondent number 1..300, not a predictor), smoker ("yes"/"no", the outcome, not the
last column), age (integer 18..80), sex ("female"/"male"), region ("east", "north", "south",
"west"). About 1.5 % of the ages and of the regions and 1 % of the smoker answers are "n/a".
That is why the README's example reads

    scripts/logitlab compare data/survey.csv -y smoker -x age,sex,region --positive yes --na "n/a"

Model (ground truth used for sampling; east and female are R's reference levels, the first in
sorted order):
    logit P(smoker = yes) = -0.5 - 0.04 * (age - 45) + 0.6 * male
                            + 0.5 * north - 0.4 * south + 0.3 * west

Only random.Random(seed).random() is used (its output for a given seed is stable across
Python 3 versions); integers, categories and Bernoulli draws are built on it here.  Synthetic
data, dedicated to the public domain (CC0 1.0).
"""

import math
import random
import sys

SEED = 20261127
N = 300
INTERCEPT = -0.5
B_AGE = -0.04
AGE_CENTRE = 45
B_MALE = 0.6
REGIONS = [("north", 0.30, 0.5), ("south", 0.25, -0.4), ("east", 0.25, 0.0), ("west", 0.20, 0.3)]
NA = "n/a"
P_NA_AGE = 0.015
P_NA_REGION = 0.015
P_NA_SMOKER = 0.01


def uniform_int(rng, lo, hi):
    """An integer uniform on lo..hi inclusive, from a single rng.random() draw."""
    return lo + int(rng.random() * (hi - lo + 1))


def bernoulli(rng, p):
    """1 with probability p, else 0, from a single rng.random() draw."""
    return 1 if rng.random() < p else 0


def category(rng, choices):
    """(name, effect) drawn with the listed probabilities, from a single rng.random() draw."""
    u = rng.random()
    for name, p, effect in choices:
        if u < p:
            return name, effect
        u -= p
    name, _, effect = choices[-1]
    return name, effect


def sigmoid(eta):
    """1 / (1 + exp(-eta)) without overflow."""
    if eta >= 0:
        return 1.0 / (1.0 + math.exp(-eta))
    e = math.exp(eta)
    return e / (1.0 + e)


def main(path="data/survey.csv"):
    rng = random.Random(SEED)
    rows = []
    for i in range(1, N + 1):
        age = uniform_int(rng, 18, 80)
        male = bernoulli(rng, 0.5)
        region, b_region = category(rng, REGIONS)
        eta = INTERCEPT + B_AGE * (age - AGE_CENTRE) + B_MALE * male + b_region
        smoker = "yes" if bernoulli(rng, sigmoid(eta)) else "no"
        # the missing-value markers: drawn for every row, so each column's pattern is fixed
        age_text = NA if bernoulli(rng, P_NA_AGE) else str(age)
        region_text = NA if bernoulli(rng, P_NA_REGION) else region
        smoker_text = NA if bernoulli(rng, P_NA_SMOKER) else smoker
        rows.append((str(i), smoker_text, age_text, "male" if male else "female", region_text))
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        out.write("id,smoker,age,sex,region\n")
        for r in rows:
            out.write(",".join(r) + "\n")
    complete = [r for r in rows if NA not in r]
    print(f"wrote {path}: {len(rows)} rows, {len(complete)} complete, "
          f"{sum(r[1] == 'yes' for r in complete)} smokers among them", file=sys.stderr)


if __name__ == "__main__":
    main(*sys.argv[1:])
