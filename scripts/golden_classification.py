"""Reference classification statistics for logitlab's tests, from scikit-learn.

    /usr/bin/python3 scripts/golden_classification.py      (run from the repository root)

Needs Debian's python3-sklearn. Writes src/test/resources/golden/classification/cases.json, read by
src/test/java/logitlab/model/ClassificationTest.java: for each case, fitted values p, outcomes y
(0/1, or proportions with prior weights a) and a threshold, and

    logLoss   sklearn.metrics.log_loss(y, clip(p, 1e-15, 1 - 1e-15), sample_weight)
    brier     numpy: sum(w (y - p)^2) / sum(w), unclipped (sklearn's brier_score_loss refuses
              values outside [0, 1], which the linear probability model produces)
    auc       sklearn.metrics.roc_auc_score(y, p, sample_weight)  (ties count one half)
    accuracy  sklearn.metrics.accuracy_score(y, p > threshold, sample_weight)
    tp, fp, tn, fn  sklearn.metrics.confusion_matrix(y, p > threshold, sample_weight)
    clipped   the number of p outside [1e-15, 1 - 1e-15]

Grouped rows (proportion y of a trials) are expanded into a y events and a (1 - y) non-events,
each with weight 1, before sklearn sees them; rows of weight 0 are left out. So the reference is
computed on individual-level data, by a different route from logitlab's weighted formulas.
"""
import json
import sys

import numpy as np
import sklearn
from sklearn.metrics import accuracy_score, confusion_matrix, log_loss, roc_auc_score

CLIP = 1e-15

CASES = [
    {
        "name": "ties-clipping-and-out-of-range",
        "comment": "0/1 outcomes; tied fitted values across classes; p exactly 0 and 1 and outside "
                   "[0, 1] (as the linear model gives); a value equal to the threshold (not an event)",
        "p": [0.0, 0.1, 0.3, 0.3, 0.5, 0.5, 0.7, 0.7, 0.9, 1.0, -0.2, 1.3, 0.3, 0.65],
        "y": [0, 0, 1, 0, 0, 1, 1, 0, 1, 1, 0, 1, 0, 1],
        "a": None,
        "threshold": 0.5,
    },
    {
        "name": "grouped-with-zero-weight",
        "comment": "proportions y of a trials (a y successes each); one row of weight 0, whose "
                   "extreme fitted value must not count; threshold 0.3",
        "p": [0.2, 0.25, 0.4, 0.4, 0.6, 0.8, 1e-17, 0.95],
        "y": [0.0, 0.5, 0.25, 1.0, 0.5, 0.75, 0.0, 1.0],
        "a": [3, 2, 4, 1, 6, 4, 0, 2],
        "threshold": 0.3,
    },
    {
        "name": "all-events-ranked-above",
        "comment": "perfect ranking (AUC 1) with a high threshold: events predicted as non-events",
        "p": [0.05, 0.1, 0.15, 0.6, 0.7, 0.8],
        "y": [0, 0, 0, 1, 1, 1],
        "a": None,
        "threshold": 0.75,
    },
]


def expand(p, y, a):
    """Individual rows: a y events and a (1 - y) non-events per grouped row; weight-0 rows dropped."""
    pp, yy = [], []
    for pi, yi, ai in zip(p, y, a):
        ev = round(ai * yi)
        assert abs(ev - ai * yi) < 1e-9
        pp += [pi] * (ai - ev) + [pi] * ev
        yy += [0] * (ai - ev) + [1] * ev
    return np.array(pp, dtype=float), np.array(yy, dtype=int)


def main():
    out = {
        "provenance": {
            "source": "scikit-learn",
            "version": sklearn.__version__,
            "numpy": np.__version__,
            "python": sys.version.split()[0],
            "script": "scripts/golden_classification.py",
            "tolerance": "1e-12 relative; counts exactly",
        },
        "cases": [],
    }
    for c in CASES:
        a = c["a"] if c["a"] is not None else [1] * len(c["p"])
        p, y = expand(c["p"], c["y"], a)
        clipped = np.clip(p, CLIP, 1 - CLIP)
        pred = (p > c["threshold"]).astype(int)
        tn, fp, fn, tp = confusion_matrix(y, pred, labels=[0, 1]).ravel()
        case = {
            "name": c["name"],
            "comment": c["comment"],
            "p": c["p"],
            "y": c["y"],
            "a": c["a"],
            "threshold": c["threshold"],
            "logLoss": log_loss(y, clipped, labels=[0, 1]),
            "brier": float(np.mean((y - p) ** 2)),
            "auc": roc_auc_score(y, p),
            "accuracy": accuracy_score(y, pred),
            "tp": int(tp), "fp": int(fp), "tn": int(tn), "fn": int(fn),
            "clipped": int(sum(1 for pi, ai in zip(c["p"], a) if ai > 0 and not CLIP <= pi <= 1 - CLIP)),
        }
        out["cases"].append(case)
        print(f"{c['name']}: log-loss {case['logLoss']:.6g}, Brier {case['brier']:.6g}, AUC {case['auc']:.6g}, "
              f"accuracy {case['accuracy']:.6g}")
    path = "src/test/resources/golden/classification/cases.json"
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        json.dump(out, f, indent=2)
        f.write("\n")
    print("wrote", path)


if __name__ == "__main__":
    main()
