#!/usr/bin/env python3
"""Generate the new rows that the README's `logitlab predict` examples score:

    data/new/smokers.csv      cigs, age      for  predict --train data/smoking.csv
    data/new/applicants.csv   gre, gpa, rank for  predict --train data/admissions.csv --factor rank

Run from the repository root:  python3 scripts/make-new-rows.py
(the output is byte-for-byte reproducible: the rows are a fixed grid, nothing is random).

They hold predictor columns only (predict needs no outcome) and live in data/new/, a
subdirectory, so that a batch run over data/ (`compare data/ --output-dir ...`), which reads only
the .csv files directly in data/, does not take them for training data. smokers.csv ends with
one row whose age is missing, to show that such a row keeps its place with the reason filled in.
Made up for logitlab, dedicated to the public domain (CC0 1.0).
"""

import os

SMOKERS = "data/new/smokers.csv"
APPLICANTS = "data/new/applicants.csv"


def write(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        out.write(header + "\n")
        for r in rows:
            out.write(",".join(str(v) for v in r) + "\n")


def main():
    os.makedirs("data/new", exist_ok=True)
    smokers = [(cigs, age) for age in (30, 50, 70) for cigs in (0, 10, 20, 40, 60)]
    smokers.append((15, ""))  # a missing age: predict keeps the row and gives the reason
    write(SMOKERS, "cigs,age", smokers)
    applicants = [(gre, gpa, rank) for (gre, gpa) in ((520, "3.20"), (700, "3.80")) for rank in (1, 2, 3, 4)]
    write(APPLICANTS, "gre,gpa,rank", applicants)
    print(f"wrote {SMOKERS} ({len(smokers)} rows) and {APPLICANTS} ({len(applicants)} rows)")


if __name__ == "__main__":
    main()
