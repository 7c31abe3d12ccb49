#!/bin/sh
# Regenerate the R golden values and cross-check them with statsmodels.
#
#   scripts/golden.sh            (from anywhere; works in the repository root)
#
# Needs R and Debian's statsmodels (and, for the Firth and separation values, brglm2 and lpSolve):
#   apt-get install r-base-core r-cran-mass r-cran-sandwich python3-statsmodels \
#                   r-cran-brglm2 r-cran-lpsolve r-cran-numderiv
# statsmodels from Debian lives in the system interpreter; set PYTHON to use another one
# (e.g. PYTHON=python3 after `pip install statsmodels pandas`).
#
# 1. scripts/golden.R writes src/test/resources/golden/fits/<name>.json for every data/<name>.csv
#    case it lists, recording the R version in each file's provenance.
# 2. scripts/golden_statsmodels.py refits with statsmodels (Logit, GLM Binomial, OLS) and
#    prints the largest relative differences; it writes nothing and fails if they exceed the
#    golden tolerances.
# 3. The other reference sets: scripts/golden-stats.R (intervals, BIC, LR test, robust SEs,
#    alias()), scripts/golden-weights.R (prior weights, grouped data), scripts/golden_margeff.py
#    (statsmodels average marginal effects; scripts/margeff-check.R then checks the factor levels'
#    discrete changes by hand in R and fails if they disagree), scripts/golden-csv.R (files written
#    by R's write.csv2, windows-1252 with Excel's sep= line, "" levels; it also rewrites those test
#    files), scripts/golden-firth.R (Firth, separation) and scripts/golden-predict.R (predict's
#    probabilities for new rows); the last two run only when brglm2 and lpSolve are installed.
# 4. scripts/golden-rare-paths.R: data on which the fits' rare paths happen (step halving, a
#    non-finite deviance, the iteration limit, fitted probabilities at 0 and 1), with R's answer.
set -eu
cd "$(dirname "$0")/.."
Rscript scripts/golden.R
"${PYTHON:-/usr/bin/python3}" scripts/golden_statsmodels.py
Rscript scripts/golden-stats.R
Rscript scripts/golden-weights.R
Rscript scripts/golden-csv.R
"${PYTHON:-/usr/bin/python3}" scripts/golden_margeff.py
Rscript scripts/margeff-check.R
Rscript scripts/golden-rare-paths.R
if Rscript -e 'stopifnot(requireNamespace("brglm2", quietly = TRUE), requireNamespace("lpSolve", quietly = TRUE))' >/dev/null 2>&1; then
  Rscript scripts/golden-firth.R
  Rscript scripts/golden-predict.R
else
  echo "golden.sh: brglm2 or lpSolve missing: Firth, separation and predict values not regenerated" >&2
fi
