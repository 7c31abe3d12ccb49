#!/usr/bin/env python3
"""Cross-check R's golden values against statsmodels (an independent implementation).

    /usr/bin/python3 scripts/golden_statsmodels.py     (run from the repository root)

For each src/test/resources/golden/fits/*.json it rebuilds the design matrix from the CSV
(intercept, numeric columns as they are, factor columns treatment-coded with the first
sorted level as reference, dummies named column+level) and fits
  sm.Logit (Newton), sm.GLM(Binomial) (IRLS) and sm.OLS,
then prints the largest relative difference from R's estimates and standard errors.
This is a consistency check only; nothing it computes is written into the goldens.
Exits with status 1 if a difference exceeds the golden tolerance
(coefficients 1e-6 relative, standard errors 1e-4 relative).

Needs python3-statsmodels (Debian) or `pip install statsmodels pandas`.
"""

import glob
import json
import sys

import numpy as np
import pandas as pd
import statsmodels.api as sm

COEF_TOL = 1e-6
SE_TOL = 1e-4


def design(golden):
    """The model matrix as a DataFrame whose column names match the golden terms.

    Missing values are the empty field, NA and the golden file's "na" markers (logitlab's, not
    pandas' longer default list); rows missing a used column are dropped; with "positive" the
    outcome is outcome == positive; a text column is a factor, as in logitlab and R.
    """
    data = pd.read_csv(golden["file"], keep_default_na=False, na_values=["NA", ""] + golden.get("na", []))
    data = data.dropna(subset=[golden["outcome"]] + golden["predictors"]).reset_index(drop=True)
    if golden.get("positive"):
        y = (data[golden["outcome"]].astype(str) == golden["positive"]).astype(float)
    else:
        y = data[golden["outcome"]].astype(float)
    columns = {"(Intercept)": np.ones(len(data))}
    for name in golden["predictors"]:
        if name in golden["factors"] or data[name].dtype == object:
            levels = sorted(data[name].unique())
            reference = golden["factors"].get(name)
            reference = levels[0] if reference is None else type(levels[0])(reference)
            for level in levels:
                if level != reference:
                    columns[f"{name}{level}"] = (data[name] == level).astype(float).to_numpy()
        else:
            columns[name] = data[name].astype(float).to_numpy()
    return pd.DataFrame(columns), y


def max_rel(fit, golden_part, key):
    ours = np.asarray(golden_part[key], dtype=float)
    theirs = np.asarray([fit[t] for t in golden_part["terms"]], dtype=float)
    return float(np.max(np.abs(theirs - ours) / np.maximum(np.abs(ours), 1e-300)))


def main():
    paths = sorted(glob.glob("src/test/resources/golden/fits/*.json"))
    if not paths:
        sys.exit("no golden files: run from the repository root after scripts/golden.R")
    print(f"statsmodels {sm.__version__}; max relative difference from R (coef / se)")
    worst_ok = True
    for path in paths:
        with open(path, encoding="utf-8") as f:
            golden = json.load(f)
        # only the plain glm/lm golden files of scripts/golden.R (no weights or trials)
        if "logistic" not in golden or "linear" not in golden or golden.get("weights") or golden.get("trials"):
            continue
        X, y = design(golden)
        assert list(X.columns) == golden["logistic"]["terms"], (list(X.columns), path)
        logit = sm.Logit(y, X).fit(method="newton", tol=1e-12, maxiter=100, disp=False)
        glm = sm.GLM(y, X, family=sm.families.Binomial()).fit(tol=1e-12, maxiter=100)
        ols = sm.OLS(y, X).fit()
        rows = [
            ("Logit", golden["logistic"], logit),
            ("GLM", golden["logistic"], glm),
            ("OLS", golden["linear"], ols),
        ]
        name = path.rsplit("/", 1)[-1]
        parts = []
        for label, part, fit in rows:
            dc = max_rel(fit.params, part, "estimate")
            ds = max_rel(fit.bse, part, "stdError")
            worst_ok &= dc <= COEF_TOL and ds <= SE_TOL
            parts.append(f"{label} {dc:.1e} / {ds:.1e}")
        dev = abs(glm.deviance - golden["logistic"]["deviance"]) / golden["logistic"]["deviance"]
        worst_ok &= dev <= COEF_TOL
        print(f"{name:<16} n={len(y):<4} " + "   ".join(parts) + f"   deviance {dev:.1e}")
    print("all within tolerance" if worst_ok else "SOME DIFFERENCES EXCEED THE TOLERANCE")
    return 0 if worst_ok else 1


if __name__ == "__main__":
    sys.exit(main())
