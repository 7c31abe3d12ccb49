"""Reference average marginal effects for logitlab's tests, from statsmodels.

    /usr/bin/python3 scripts/golden_margeff.py      (run from the repository root)

Needs Debian's python3-statsmodels (apt-get install python3-statsmodels). For each case it fits
sm.Logit(y, X).fit() and writes get_margeff(at='overall', method='dydx') (delta-method standard
errors; dummies treated as continuous, statsmodels' default) to
src/test/resources/golden/margeff-<name>.json.
"""
import json
import sys

import numpy as np
import pandas as pd
import statsmodels
import statsmodels.api as sm

CASES = [
    ("uptake", "adopted", ["year", "urban", "graduate"], []),
    ("admissions", "admit", ["gre", "gpa", "rank"], ["rank"]),
    ("smoking", "disease", ["cigs", "age"], []),
]


def main():
    for name, outcome, predictors, factors in CASES:
        d = pd.read_csv(f"data/{name}.csv")
        X = d[predictors].astype(float)
        for f in factors:
            dummies = pd.get_dummies(d[f].astype(int), prefix=f, prefix_sep="", drop_first=True, dtype=float)
            X = pd.concat([X.drop(columns=[f]), dummies], axis=1)
        X = sm.add_constant(X, prepend=True)
        res = sm.Logit(d[outcome].astype(float), X).fit(disp=0, tol=1e-12, maxiter=100)
        me = res.get_margeff(at="overall", method="dydx")
        out = {
            "provenance": {
                "source": "statsmodels",
                "version": statsmodels.__version__,
                "python": sys.version.split()[0],
                "call": f"sm.Logit(d['{outcome}'], add_constant(X)).fit(tol=1e-12).get_margeff(at='overall', method='dydx')",
                "script": "scripts/golden_margeff.py",
                "tolerance": "estimates 1e-6 relative, standard errors 1e-4 relative",
            },
            "file": f"data/{name}.csv",
            "outcome": outcome,
            "predictors": predictors,
            "factors": {f: None for f in factors},
            "terms": list(X.columns[1:]),
            "estimate": [float(v) for v in np.asarray(me.margeff)],
            "stdError": [float(v) for v in np.asarray(me.margeff_se)],
        }
        path = f"src/test/resources/golden/margeff-{name}.json"
        with open(path, "w") as fh:
            json.dump(out, fh, indent=2)
            fh.write("\n")
        print("wrote", path)


if __name__ == "__main__":
    main()
