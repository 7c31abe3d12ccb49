#!/usr/bin/env python3
"""Write the synthetic benchmark CSV used by scripts/bench-compare.

    python3 scripts/bench-data.py ROWS OUT.csv [SEED]

ROWS rows of 10 numeric predictors x1..x10 and a 0/1 outcome y (last column), with a header
row, LF line endings and no missing values; about 80 bytes a row (1,000,000 rows: ~80 MB).
The output is deterministic for a given ROWS and SEED (default 20261127): only
random.Random(SEED).random() is drawn from (its stream is stable across Python 3 versions);
normal, integer and Bernoulli draws are built on it here. The file is written to OUT.csv.tmp
and renamed, so an interrupted run never leaves a truncated OUT.csv.

Columns (chosen so that every true coefficient is clearly non-zero, which keeps the
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


def main(argv):
    if len(argv) not in (3, 4):
        sys.exit("usage: python3 scripts/bench-data.py ROWS OUT.csv [SEED]")
    rows = int(argv[1])
    out = argv[2]
    seed = int(argv[3]) if len(argv) == 4 else DEFAULT_SEED
    if rows < 1:
        sys.exit("bench-data.py: ROWS must be at least 1")

    rnd = random.Random(seed).random
    log, sqrt, cos, sin, exp = math.log, math.sqrt, math.cos, math.sin, math.exp
    two_pi = 2.0 * math.pi
    b0, b1, b2, b3, b4, b5, b6, b7, b8, b9, b10 = B
    fmt = "%.6f,%.6f,%.6f,%.6f,%.6f,%.6f,%.6f,%d,%d,%.3f,%d\n"

    tmp = out + ".tmp"
    with open(tmp, "w", encoding="ascii", newline="\n") as f:
        f.write("x1,x2,x3,x4,x5,x6,x7,x8,x9,x10,y\n")
        done = 0
        while done < rows:
            m = min(CHUNK, rows - done)
            lines = []
            append = lines.append
            for _ in range(m):
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
                append(fmt % (x1, x2, x3, x4, x5, x6, x7, x8, x9, x10, y))
            f.write("".join(lines))
            done += m
    os.replace(tmp, out)


if __name__ == "__main__":
    main(sys.argv)
