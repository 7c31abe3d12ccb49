#!/usr/bin/env python3
"""Write the synthetic benchmark CSVs used by scripts/bench.

    python3 scripts/bench-data.py [--kind KIND] [--levels N] ROWS OUT.csv [SEED]

KIND is std (the default), wide, factor or rare (below). Every file has a header row, LF line
endings, no missing values and a 0/1 outcome y in the last column. The output is deterministic
for a given KIND, ROWS and SEED (default 20261127): only random.Random(SEED).random() is drawn
from (its stream is stable across Python 3 versions); normal, integer, level and Bernoulli draws
are built on it here. The file is written to OUT.csv.tmp and renamed, so an interrupted run
never leaves a truncated OUT.csv.

std: 10 numeric predictors x1..x10, about 80 bytes a row (1,000,000 rows: ~80 MB). Columns (chosen so that every true coefficient is clearly non-zero, which keeps the
benchmark's relative coefficient differences meaningful, and so that the fits are well
conditioned and converge quickly):
    x1..x4   standard normal, 6 decimals
    x5, x6   uniform on [0, 1), 6 decimals
    x7       0.6 * x1 + 0.8 * N(0, 1)  (correlated with x1, correlation 0.6), 6 decimals
    x8       integer 18..90 ("age")
    x9       0/1 with P(1) = 0.3
    x10      log-normal exp(N(0, 0.5)) * 10, 3 decimals ("income")
    y        Bernoulli(sigmoid(eta)) with
             eta = -1 + 0.8 x1 - 0.5 x2 + 0.3 x3 + 0.15 x4 + 1.2 x5 - 0.7 x6 + 0.4 x7
                   + 0.02 (x8 - 50) + 0.6 x9 - 0.03 x10

wide (issue 12's wide design): 200 standard-normal predictors x1..x200 (6 decimals), y ~
    Bernoulli(sigmoid(-0.3 + sum b_j x_j)) with b_j ~ N(0, 0.1^2) drawn first from the same stream
    (printed to stderr); about 1.9 kB a row (100,000 rows: ~190 MB).
factor (issue 12's factor-heavy design): x ~ N(0, 1) (6 decimals) and a categorical g with 300
    (or --levels N) equally likely levels L001..L300, y ~ Bernoulli(sigmoid(0.5 x + a_g)) with
    level effects a_g ~ N(0, 0.5^2) drawn first (no intercept shift); L001 is the reference level
    of R and logitlab (sorted first), so the fitted coefficient gLkkk estimates a_k - a_1.
rare (issue 12's rare-event design): 5 standard-normal predictors x1..x5 (6 decimals), y ~
    Bernoulli(sigmoid(-7.5 + 0.5 x1 - 0.3 x2 + 0.2 x3 + 0 x4 + 0.8 x5)): about 0.09 % events.
Synthetic data, dedicated to the public domain (CC0).
"""

import math
import os
import random
import sys

DEFAULT_SEED = 20261127
CHUNK = 20000  # rows formatted and written per write() call

# true coefficients: intercept, x1..x10 (x8 enters centred at 50)
B = (-1.0, 0.8, -0.5, 0.3, 0.15, 1.2, -0.7, 0.4, 0.02, 0.6, -0.03)


def normals(rnd):
    """An endless stream of standard normals: Box-Muller pairs (1 - u keeps log() away from 0)."""
    log, sqrt, cos, sin = math.log, math.sqrt, math.cos, math.sin
    two_pi = 2.0 * math.pi
    while True:
        r = sqrt(-2.0 * log(1.0 - rnd())); t = two_pi * rnd()
        yield r * cos(t)
        yield r * sin(t)


def sigmoid(eta):
    return 1.0 / (1.0 + math.exp(-eta)) if eta > -700 else 0.0


def std_rows(rnd, rows):
    """The 10-predictor design (its draws and format are those of the original bench file)."""
    log, sqrt, cos, sin, exp = math.log, math.sqrt, math.cos, math.sin, math.exp
    two_pi = 2.0 * math.pi
    b0, b1, b2, b3, b4, b5, b6, b7, b8, b9, b10 = B
    fmt = "%.6f,%.6f,%.6f,%.6f,%.6f,%.6f,%.6f,%d,%d,%.3f,%d\n"
    yield "x1,x2,x3,x4,x5,x6,x7,x8,x9,x10,y\n"
    for _ in range(rows):
        # three Box-Muller pairs -> six standard normals (1 - u keeps log() away from 0)
        r = sqrt(-2.0 * log(1.0 - rnd())); t = two_pi * rnd()
        x1 = r * cos(t); x2 = r * sin(t)
        r = sqrt(-2.0 * log(1.0 - rnd())); t = two_pi * rnd()
        x3 = r * cos(t); x4 = r * sin(t)
        r = sqrt(-2.0 * log(1.0 - rnd())); t = two_pi * rnd()
        z7 = r * cos(t); z10 = r * sin(t)
        x5 = rnd()
        x6 = rnd()
        x7 = 0.6 * x1 + 0.8 * z7
        x8 = 18 + int(rnd() * 73)
        x9 = 1 if rnd() < 0.3 else 0
        x10 = 10.0 * exp(0.5 * z10)
        eta = (b0 + b1 * x1 + b2 * x2 + b3 * x3 + b4 * x4 + b5 * x5 + b6 * x6 + b7 * x7
               + b8 * (x8 - 50) + b9 * x9 + b10 * x10)
        y = 1 if rnd() < 1.0 / (1.0 + exp(-eta)) else 0
        yield fmt % (x1, x2, x3, x4, x5, x6, x7, x8, x9, x10, y)


def numeric_rows(rnd, rows, intercept, beta):
    """Standard-normal predictors x1..xp (6 decimals) and y ~ Bernoulli(sigmoid(b0 + x'beta))."""
    z = normals(rnd)
    p = len(beta)
    yield ",".join("x%d" % (j + 1) for j in range(p)) + ",y\n"
    for _ in range(rows):
        x = [float("%.6f" % next(z)) for _ in range(p)]  # the model sees the values written
        eta = intercept + sum(b * v for b, v in zip(beta, x))
        y = 1 if rnd() < sigmoid(eta) else 0
        yield ",".join("%.6f" % v for v in x) + ",%d\n" % y


def wide_rows(rnd, rows):
    z = normals(rnd)
    beta = [0.1 * next(z) for _ in range(200)]
    sys.stderr.write("bench-data.py wide: intercept -0.3, coefficients %s\n"
                     % " ".join("%.6f" % b for b in beta))
    return numeric_rows(rnd, rows, -0.3, beta)


def rare_rows(rnd, rows):
    return numeric_rows(rnd, rows, -7.5, [0.5, -0.3, 0.2, 0.0, 0.8])


def factor_rows(rnd, rows, levels=300):
    z = normals(rnd)
    effect = [0.5 * next(z) for _ in range(levels)]
    yield "x,g,y\n"
    for _ in range(rows):
        x = float("%.6f" % next(z))
        k = min(int(rnd() * levels), levels - 1)
        y = 1 if rnd() < sigmoid(0.5 * x + effect[k]) else 0
        yield "%.6f,L%03d,%d\n" % (x, k + 1, y)


KINDS = {"std": std_rows, "wide": wide_rows, "factor": factor_rows, "rare": rare_rows}
USAGE = ("usage: python3 scripts/bench-data.py [--kind std|wide|factor|rare] [--levels N] "
         "ROWS OUT.csv [SEED]")


def main(argv):
    args = argv[1:]
    opts = {"--kind": "std", "--levels": "300"}
    while args and args[0].split("=", 1)[0] in opts:
        name, eq, value = args[0].partition("=")
        if eq:
            args = args[1:]
        elif len(args) > 1:
            value = args[1]
            args = args[2:]
        else:
            sys.exit(USAGE)
        opts[name] = value
    kind = opts["--kind"]
    if kind not in KINDS or len(args) not in (2, 3) or not opts["--levels"].isdigit():
        sys.exit(USAGE)
    levels = int(opts["--levels"])
    if not 2 <= levels <= 999:
        sys.exit("bench-data.py: --levels must be 2..999")
    rows = int(args[0])
    out = args[1]
    seed = int(args[2]) if len(args) == 3 else DEFAULT_SEED
    if rows < 1:
        sys.exit("bench-data.py: ROWS must be at least 1")

    rnd = random.Random(seed).random
    tmp = out + ".tmp"
    with open(tmp, "w", encoding="ascii", newline="\n") as f:
        lines = []
        gen = KINDS[kind](rnd, rows, levels) if kind == "factor" else KINDS[kind](rnd, rows)
        for line in gen:
            lines.append(line)
            if len(lines) >= CHUNK:
                f.write("".join(lines))
                lines = []
        f.write("".join(lines))
    os.replace(tmp, out)


if __name__ == "__main__":
    main(sys.argv)
