#!/bin/sh
# Regenerate the R golden values and cross-check them with statsmodels.
#
#   scripts/golden.sh            (from anywhere; works in the repository root)
#
# Needs R and Debian's statsmodels:
#   apt-get install r-base-core r-cran-mass python3-statsmodels
# statsmodels from Debian lives in the system interpreter; set PYTHON to use another one
# (e.g. PYTHON=python3 after `pip install statsmodels pandas`).
#
# 1. scripts/golden.R writes src/test/resources/golden/<name>.json for every data/<name>.csv
#    case it lists, recording the R version in each file's provenance.
# 2. scripts/golden_statsmodels.py refits with statsmodels (Logit, GLM Binomial, OLS) and
#    prints the largest relative differences; it writes nothing and fails if they exceed the
#    golden tolerances.
set -eu
cd "$(dirname "$0")/.."
Rscript scripts/golden.R
"${PYTHON:-/usr/bin/python3}" scripts/golden_statsmodels.py
