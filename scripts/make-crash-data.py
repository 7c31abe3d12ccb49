#!/usr/bin/env python3
"""Generate the synthetic data sets of the profile-interval and Firth crash tests (issue 9).

Run from the repository root:  python3 scripts/make-crash-data.py
(the output is byte-for-byte reproducible on any Python 3).

Writes
  src/test/resources/crashes/separated30.csv
      60 rows, 30 correlated measurements x01..x30 (three latent factors plus noise, on scales
      from 0.01 to 1000, as the breast-cancer measurements of Wolberg et al. are) and an outcome
      `malignant` that is 1 exactly when a linear score of five of them is positive: complete
      separation with many predictors, the shape of sklearn's load_breast_cancer() data on which
      `--ci profile` threw NoBracketingException.
  src/test/resources/firth/arrests.csv
      500 rows shaped like R's carData::Arrests (Fox 2008; the Toronto Star's 2002 data on police
      treatment of people arrested for marijuana possession): colour (Black/White), year
      (1997-2002), age, sex (Female/Male), employed (No/Yes), citizen (No/Yes), checks (0-6) and
      released (0/1) drawn from a logistic model with coefficients near those of
      glm(released ~ ., data = Arrests). A year near 2000 next to an intercept makes X'WX
      ill-conditioned, where Firth's `--ci profile` threw a NullPointerException (a null Cholesky
      factor).

The real data sets are not shipped: these have the same shape and exercise the same code paths.
Only random.Random(seed).random() is used (stable across Python 3 versions); normal draws are
built on it by Box-Muller. Synthetic data, dedicated to the public domain (CC0 1.0).
"""

import math
import os
import random

SEED = 20260309


def normal(rng):
    """A standard normal draw by Box-Muller from two rng.random() draws."""
    u1 = rng.random()
    u2 = rng.random()
    return math.sqrt(-2.0 * math.log(1.0 - u1)) * math.cos(2.0 * math.pi * u2)


def uniform_int(rng, lo, hi):
    """An integer uniform on lo..hi inclusive, from a single rng.random() draw."""
    return lo + int(rng.random() * (hi - lo + 1))


def sigmoid(eta):
    if eta >= 0:
        return 1.0 / (1.0 + math.exp(-eta))
    e = math.exp(eta)
    return e / (1.0 + e)


def fmt(v):
    """Six significant digits, plain notation, no trailing zeros."""
    s = "%.6g" % v
    if "e" in s:
        s = "%.10f" % v
        s = s.rstrip("0").rstrip(".")
    return s


SCORE = [(0, 1.0), (4, -0.7), (9, 0.5), (17, 0.8), (26, -0.4)]


def separated30(rng, path):
    n = 250
    p = 30
    scales = [10.0 ** (-2 + 5 * k / (p - 1)) for k in range(p)]  # 0.01 .. 1000
    loadings = [[normal(rng) for _ in range(3)] for _ in range(p)]
    rows = []
    for _ in range(n):
        f = [normal(rng) for _ in range(3)]
        x = []
        for k in range(p):
            z = sum(loadings[k][m] * f[m] for m in range(3)) + 0.5 * normal(rng)
            x.append(scales[k] * (3.0 + z))
        # a linear score of five measurements (standardised by their scale): complete separation
        score = sum(c * (x[k] / scales[k] - 3.0) for k, c in SCORE)
        rows.append((x, 1 if score > 0 else 0))
    with open(path, "w", newline="\n") as out:
        out.write(",".join("x%02d" % (k + 1) for k in range(p)) + ",malignant\n")
        for x, y in rows:
            out.write(",".join(fmt(v) for v in x) + ",%d\n" % y)


def arrests(rng, path):
    n = 500
    with open(path, "w", newline="\n") as out:
        out.write("colour,year,age,sex,employed,citizen,checks,released\n")
        for _ in range(n):
            white = 1 if rng.random() < 0.72 else 0
            year = uniform_int(rng, 1997, 2002)
            age = min(66, 12 + int(-8.0 * math.log(1.0 - rng.random())) + uniform_int(rng, 0, 8))
            male = 1 if rng.random() < 0.92 else 0
            employed = 1 if rng.random() < 0.78 else 0
            citizen = 1 if rng.random() < 0.85 else 0
            checks = min(6, int(-1.6 * math.log(1.0 - rng.random())))
            eta = (0.34 + 0.49 * white - 0.05 * (year - 2000) + 0.002 * age + 0.01 * male
                   + 0.76 * employed + 0.58 * citizen - 0.36 * checks + 0.9)
            released = 1 if rng.random() < sigmoid(eta) else 0
            out.write("%s,%d,%d,%s,%s,%s,%d,%d\n" % (
                "White" if white else "Black", year, age, "Male" if male else "Female",
                "Yes" if employed else "No", "Yes" if citizen else "No", checks, released))


def main():
    rng = random.Random(SEED)
    os.makedirs("src/test/resources/crashes", exist_ok=True)
    separated30(rng, "src/test/resources/crashes/separated30.csv")
    arrests(rng, "src/test/resources/firth/arrests.csv")


if __name__ == "__main__":
    main()
