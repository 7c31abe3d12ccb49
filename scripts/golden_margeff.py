"""Reference average marginal effects for logitlab's tests, from statsmodels.

    /usr/bin/python3 scripts/golden_margeff.py      (run from the repository root)

Needs Debian's python3-statsmodels (apt-get install python3-statsmodels). For each case it fits
sm.Logit(y, X).fit() on the individual 0/1 rows and writes src/test/resources/golden/margeff/<name>.json:

- a numeric predictor: get_margeff(at='overall', method='dydx', dummy=False), the derivative
  dP/dx averaged over the rows, with delta-method standard errors;
- a level of a categorical predictor (a --factor): the average discrete change
  mean_i [F(x_i'b | level) - F(x_i'b | reference)], every row set to that level against every row
  set to the reference level (the factor's other dummies 0), as R's marginaleffects::avg_slopes
  and Stata's margins report it, with the delta-method standard error sqrt(J V J'), where J is the
  gradient of that mean in b. statsmodels' own get_margeff(dummy=True) switches one dummy column
  from 0 to 1 and leaves the factor's other dummies as they are, which is the same thing only for a
  two-level factor: there the script checks that the two agree, and for every level it checks the
  analytic J against statsmodels' numerical derivative (numdiff.approx_fprime, centred).

Prior weights that are whole numbers and grouped data (successes out of trials) are fitted as the
0/1 rows they stand for: a row of weight w is repeated w times, a group of n trials with s successes
becomes s rows with y = 1 and n - s with y = 0. The maximum-likelihood estimate and its covariance
are then those of R's glm(weights = w) and glm(cbind(s, n - s) ~ ...), and the average over the
individual rows is logitlab's weighted average.
"""
import json
import sys

import numpy as np
import pandas as pd
import statsmodels
import statsmodels.api as sm
from statsmodels.tools import numdiff

# name, file, outcome, predictors, factors (column -> reference level or None), weights, trials
CASES = [
    ("uptake", "data/uptake.csv", "adopted", ["year", "urban", "graduate"], {}, None, None),
    ("admissions", "data/admissions.csv", "admit", ["gre", "gpa", "rank"], {"rank": None}, None, None),
    ("smoking", "data/smoking.csv", "disease", ["cigs", "age"], {}, None, None),
    # a two-level factor (urban, graduate coded 0/1 and declared factors) beside a numeric year
    ("uptake-factors", "data/uptake.csv", "adopted", ["year", "urban", "graduate"],
     {"urban": None, "graduate": None}, None, None),
    # prior weights with a four-level factor whose reference is not the first level
    ("admissions-weighted", "src/test/resources/weights/admissions-weighted.csv", "admit",
     ["gre", "gpa", "rank"], {"rank": "2"}, "w", None),
    # grouped data: a five-level factor and a two-level one, successes out of trials
    ("dollhill-factors", "data/dollhill.csv", "cases", ["group", "inhaler"],
     {"group": None, "inhaler": None}, None, "n"),
]

WEIGHTED_CSV = "src/test/resources/weights/admissions-weighted.csv"


def write_weighted_admissions():
    """data/admissions.csv with a prior-weight column w = 1, 2, 3, 1, 2, 3, ... by row."""
    d = pd.read_csv("data/admissions.csv", dtype=str)
    d.insert(len(d.columns) - 1, "w", [str(1 + i % 3) for i in range(len(d))])
    d.to_csv(WEIGHTED_CSV, index=False, lineterminator="\n")


def levels(values):
    """logitlab's (and R's) level order: numerically if every level is a number, else by code point."""
    distinct = sorted(set(values))
    try:
        return sorted(distinct, key=float)
    except ValueError:
        return distinct


def expand(d, outcome, weights, trials):
    """The individual 0/1 rows: weights repeat a row, a group of trials becomes its successes and failures."""
    if trials is not None:
        s = d[outcome].astype(int)
        n = d[trials].astype(int)
        ones = d.loc[d.index.repeat(s)].assign(**{outcome: "1"})
        zeros = d.loc[d.index.repeat(n - s)].assign(**{outcome: "0"})
        return pd.concat([ones, zeros], ignore_index=True)
    if weights is not None:
        w = d[weights].astype(float)
        assert (w == w.round()).all(), "prior weights must be whole numbers to expand"
        return d.loc[d.index.repeat(w.astype(int))].reset_index(drop=True)
    return d


def design(d, predictors, factors):
    """Intercept, numeric columns and treatment-coded dummies named column + level, in logitlab's order."""
    cols = {"(Intercept)": np.ones(len(d))}
    groups = {}
    for p in predictors:
        if p in factors:
            lv = levels(d[p])
            ref = factors[p] if factors[p] is not None else lv[0]
            names = []
            for level in [ref] + [v for v in lv if v != ref]:
                if level == ref:
                    continue
                name = p + level
                cols[name] = (d[p] == level).astype(float).to_numpy()
                names.append(name)
            groups[p] = (ref, names)
        else:
            cols[p] = d[p].astype(float).to_numpy()
    return pd.DataFrame(cols), groups


def discrete_change(res, X, dummies, j):
    """Average discrete change of dummy j of a factor (its other dummies 0) and its delta-method SE."""
    X0 = X.copy()
    X0[dummies] = 0.0
    X1 = X0.copy()
    X1[j] = 1.0
    A0 = X0.to_numpy()
    A1 = X1.to_numpy()
    b = np.asarray(res.params)

    def ame(beta):
        return np.mean(res.model.cdf(A1 @ beta) - res.model.cdf(A0 @ beta))

    est = ame(b)
    jac = (res.model.pdf(A1 @ b)[:, None] * A1 - res.model.pdf(A0 @ b)[:, None] * A0).mean(axis=0)
    jac_num = numdiff.approx_fprime(b, ame, centered=True)
    assert np.allclose(jac, jac_num, rtol=1e-6, atol=1e-9), (j, jac, jac_num)
    V = np.asarray(res.cov_params())
    return float(est), float(np.sqrt(jac @ V @ jac))


def main():
    write_weighted_admissions()
    for name, file, outcome, predictors, factors, weights, trials in CASES:
        raw = pd.read_csv(file, dtype=str)
        d = expand(raw, outcome, weights, trials)
        # the levels and their order come from the file's rows, not the expanded ones
        X, groups = design(d, predictors, factors)
        y = d[outcome].astype(float)
        res = sm.Logit(y, X).fit(disp=0, tol=1e-12, maxiter=100)
        dydx = res.get_margeff(at="overall", method="dydx", dummy=False)
        as_dummy = res.get_margeff(at="overall", method="dydx", dummy=True)
        terms = list(X.columns[1:])
        est = [float(v) for v in np.asarray(dydx.margeff)]
        se = [float(v) for v in np.asarray(dydx.margeff_se)]
        kind = ["derivative"] * len(terms)
        for p, (ref, dummies) in groups.items():
            for j in dummies:
                k = terms.index(j)
                e, s = discrete_change(res, X, dummies, j)
                if len(dummies) == 1:  # a two-level factor: statsmodels' dummy=True is the same
                    assert abs(e - as_dummy.margeff[k]) < 1e-10 and abs(s - as_dummy.margeff_se[k]) < 1e-8, j
                est[k], se[k], kind[k] = e, s, "discrete-change"
        out = {
            "provenance": {
                "source": "statsmodels",
                "version": statsmodels.__version__,
                "python": sys.executable + " " + sys.version.split()[0],
                "call": "sm.Logit(y, X).fit(tol=1e-12) on the individual 0/1 rows; numeric terms: "
                        "get_margeff(at='overall', method='dydx', dummy=False); factor levels: "
                        "mean(cdf(X1 b) - cdf(X0 b)) with X1 / X0 every row at the level / the reference, "
                        "delta-method SE from the analytic gradient, checked against numdiff.approx_fprime"
                        " and, for a two-level factor, get_margeff(dummy=True)",
                "script": "scripts/golden_margeff.py",
                "checkedBy": "the discrete changes by hand in R 4.2.2 (glm, model.matrix, plogis): "
                             "Rscript scripts/margeff-check.R agreed to 3e-14 (estimates) and 1.1e-8 "
                             "(standard errors), relative",
                "tolerance": "estimates 1e-6 relative, standard errors 1e-4 relative",
            },
            "file": file,
            "outcome": outcome,
            "predictors": predictors,
            "factors": factors,
            "weights": weights,
            "trials": trials,
            "terms": terms,
            "kind": kind,
            "estimate": est,
            "stdError": se,
        }
        path = f"src/test/resources/golden/margeff/{name}.json"
        with open(path, "w") as fh:
            json.dump(out, fh, indent=2)
            fh.write("\n")
        print("wrote", path)


if __name__ == "__main__":
    main()
