#!/usr/bin/env python3
"""Largest relative differences between logitlab and every stored reference value.

    python3 scripts/golden-diffs.py          (from the repository root; builds the jar if missing)

The tests assert tolerances; this script prints how close logitlab actually is, dataset by
dataset and quantity by quantity, by running the CLI (`compare --format json`) the way a user
would and comparing with src/test/resources/golden/**.json (R 4.2.2, MASS, sandwich, brglm2,
statsmodels; each file records its provenance). A difference is |logitlab - reference| /
max(1, |reference|). Standard library only.
"""
import glob
import json
import os
import subprocess
import sys

JAR = "target/logitlab.jar"


def run(args):
    out = subprocess.run(["java", "-jar", JAR, "compare", "--format", "json"] + args,
                         capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(f"logitlab {' '.join(args)} failed: {out.stderr.strip()}")
    return json.loads(out.stdout)


def rel(a, b):
    if a is None or b is None:
        return 0.0 if a is None and b is None else float("inf")
    return abs(a - b) / max(1.0, abs(b))


def worst(got, want):
    return max((rel(g, w) for g, w in zip(got, want)), default=0.0)


def data_args(g):
    args = [g["file"], "-y", g["outcome"], "-x", ",".join(g["predictors"])]
    for f, ref in (g.get("factors") or {}).items():
        args += ["--factor", f if ref is None else f"{f}:{ref}"]
    if g.get("weights"):
        args += ["--weights", g["weights"]]
    if g.get("trials"):
        args += ["--trials", g["trials"]]
    if g.get("positive"):
        args += ["--positive", g["positive"]]
    for marker in g.get("na") or []:
        args += ["--na", marker]
    return args


def col(coefs, key):
    return [c.get(key) for c in coefs]


rows = []


def add(name, quantity, d):
    rows.append((name, quantity, d))


def main():
    if not os.path.exists(JAR):
        subprocess.run(["mvn", "-B", "-q", "-Dmaven.test.skip=true", "package"], check=True)
    paths = (sorted(glob.glob("src/test/resources/golden/fits/*.json"))
             + sorted(glob.glob("src/test/resources/golden/stats/*.json"))
             + sorted(glob.glob("src/test/resources/golden/margeff/*.json")))
    for path in paths:
        g = json.load(open(path))
        kind = os.path.basename(os.path.dirname(path))
        name = os.path.basename(path)[:-5] if kind == "fits" else kind + "-" + os.path.basename(path)[:-5]
        if "logistic" in g and "linear" in g:
            j = run(data_args(g))
            r, lo = g["logistic"], j["logistic"]
            add(name, "glm coefficients", worst(col(lo["coefficients"], "estimate"), r["estimate"]))
            add(name, "glm std. errors", worst(col(lo["coefficients"], "stdError"), r["stdError"]))
            add(name, "glm z, p", max(worst(col(lo["coefficients"], "statistic"), r["z"]),
                                      worst(col(lo["coefficients"], "p"), r["p"])))
            add(name, "deviances, AIC, logLik", max(rel(lo["deviance"], r["deviance"]),
                                                    rel(lo["nullDeviance"], r["nullDeviance"]),
                                                    rel(lo["aic"], r["aic"]), rel(lo["logLik"], r["logLik"])))
            add(name, "IRLS iterations equal", 0.0 if lo["iterations"] == r["iterations"] else float("inf"))
            rl, li = g["linear"], j["linear"]
            add(name, "lm coefficients", worst(col(li["coefficients"], "estimate"), rl["estimate"]))
            add(name, "lm std. errors", worst(col(li["coefficients"], "stdError"), rl["stdError"]))
            add(name, "lm R^2, fitted range", max(rel(li["rSquared"], rl["rSquared"]),
                                                  rel(li["outOfRange"]["min"], rl["fittedMin"]),
                                                  rel(li["outOfRange"]["max"], rl["fittedMax"])))
            add(name, "neuron (defaults) vs R glm", worst(col(j["neuron"]["coefficients"], "estimate"), r["estimate"]))
        elif name.startswith("stats-") and "file" in g:
            if "outcome" in g:
                args = data_args(g)
            else:
                base = ["-x", ",".join(p for p in ["temp", "gre", "gpa", "rank"]
                                       if p in g["terms"] or p + "2" in g["terms"])]
                args = [g["file"]] + base + (["--factor", "rank"] if "rank" in g["factors"] else [])
            j = run(args + ["--ci", "profile", "--robust", "HC3"])
            lo = j["logistic"]
            add(name, "profile CI vs exact root", max(worst(col(lo["coefficients"], "ciLow"), g["profileLow"]),
                                                     worst(col(lo["coefficients"], "ciHigh"), g["profileHigh"])))
            add(name, "profile CI vs MASS confint", max(worst(col(lo["coefficients"], "ciLow"), g["massLow"]),
                                                       worst(col(lo["coefficients"], "ciHigh"), g["massHigh"])))
            add(name, "HC3 std. errors", worst(col(j["linear"]["coefficients"], "robustStdError"), g["hc3"]))
            add(name, "BIC, McFadden R^2, LR test", max(rel(lo["bic"], g["bic"]), rel(lo["pseudoR2"], g["pseudoR2"]),
                                                        rel(lo["lrTest"]["statistic"], g["lrStatistic"])))
            add(name, "adj. R^2, F", max(rel(j["linear"]["adjRSquared"], g["adjRSquared"]),
                                         rel(j["linear"]["fTest"]["statistic"], g["fStatistic"])))
            w = run(args)["logistic"]
            add(name, "Wald CI", max(worst(col(w["coefficients"], "ciLow"), g["waldLow"]),
                                     worst(col(w["coefficients"], "ciHigh"), g["waldHigh"])))
        elif name.startswith("margeff-"):
            j = run(data_args(g))
            me = j["logistic"]["marginalEffects"]
            add(name, "AME (statsmodels)", worst(col(me, "estimate"), g["estimate"]))
            add(name, "AME std. errors", worst(col(me, "stdError"), g["stdError"]))
            kinds = g.get("kind") or ["derivative"] * len(me)
            add(name, "AME kinds equal", 0.0 if col(me, "kind") == kinds else float("inf"))
    for path in sorted(glob.glob("src/test/resources/golden/firth/*.json")):
        g = json.load(open(path))
        name = "firth/" + os.path.basename(path)[:-5]
        if g.get("file", "").startswith("data/") or os.path.exists(g.get("file", "")):
            j = run(data_args(g) + ["--firth", "--ci", "profile"])
            f, r = j["firth"], g["firth"]
            add(name, "Firth coefficients (brglm2)", worst(col(f["coefficients"], "estimate"), r["estimate"]))
            add(name, "Firth std. errors", worst(col(f["coefficients"], "stdError"), r["stdError"]))
            ci = r["ci95"]
            add(name, "Firth profile-penalised CI", max(worst(col(f["coefficients"], "ciLow"), ci["profileLow"]),
                                                       worst(col(f["coefficients"], "ciHigh"), ci["profileHigh"])))
    print(f"{'reference':<24} {'quantity':<30} {'largest rel. diff':>18}")
    for name, q, d in rows:
        print(f"{name:<24} {q:<30} {d:>18.2e}")
    bad = [r for r in rows if r[2] == float("inf")]
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
