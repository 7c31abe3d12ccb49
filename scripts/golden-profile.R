# Reference values for profile-likelihood intervals of the logistic GLM on separated data, where an
# interval end does not exist (infinite) and the others must still be found (issue 9).
#
#   Rscript scripts/golden-profile.R      (run from the repository root)
#
# Needs: apt-get install r-base-core r-cran-lpsolve
# Reads data/separated.csv and src/test/resources/crashes/separated30.csv (the latter from
# `python3 scripts/make-crash-data.py`); writes src/test/resources/golden/profile/<name>.json.
#
# An end is +Inf (-Inf) when a direction d with d_j > 0 (< 0) separates the data strictly:
# a_i'd >= 1 for every row (and s d_j >= 1, s the sign, which scaling d up allows), a_i = (2 y_i - 1) x_i. Along beta = t d (t -> Inf) the deviance tends to
# 0, the minimum of the completely separated fit, so the profile deviance at beta_j = t stays
# below dev_min + qchisq(conf, 1) however large t is: the likelihood never falls far enough on
# that side. The linear program (lpSolve, a feasibility problem with d = d+ - d-) is the proof.
#
# A finite end of the two-parameter separated.csv model is the exact root of
#   dev_j(b) - dev_min = qchisq(conf, 1),   dev_min = 0 (complete separation),
# with dev_j(b) the deviance minimised over the other coefficient by optimize() (one dimension, a
# convex function, on a bracket of +-(100 + 10 |b|)) and the root by uniroot(tol = 1e-12).

suppressPackageStartupMessages(library(lpSolve))
if (!file.exists("scripts/golden-profile.R")) stop("run from the repository root")
dir.create("src/test/resources/golden/profile", recursive = TRUE, showWarnings = FALSE)
versions <- sprintf("%s; lpSolve %s", R.version.string, packageVersion("lpSolve"))

num <- function(x) ifelse(is.na(x), "null", ifelse(is.infinite(x), ifelse(x > 0, "\"Inf\"", "\"-Inf\""),
                                                    sprintf("%.17g", x)))
arr <- function(x) paste0("[", paste(num(x), collapse = ", "), "]")
str <- function(s) paste0("\"", gsub("\"", "\\\\\"", s), "\"")
sarr <- function(x) paste0("[", paste(str(x), collapse = ", "), "]")

# Is there a d with s d_j >= 1 and a_i'd >= 1 for all i? (Scaling d up, this is the same as a
# strictly separating direction whose j-th component has the sign s.)
strictly_separable_with <- function(A, j, s) {
  p <- ncol(A)
  e <- numeric(p)
  e[j] <- s
  M <- rbind(cbind(A, -A), c(e, -e))
  r <- lp("min", rep(0, 2 * p), M, rep(">=", nrow(A) + 1), rep(1, nrow(A) + 1))
  r$status == 0
}

deviance_of <- function(eta, y) -2 * sum(y * plogis(eta, log.p = TRUE) + (1 - y) * plogis(-eta, log.p = TRUE))

write_case <- function(name, file, X, y, low, high, method) {
  con <- file(sprintf("src/test/resources/golden/profile/%s.json", name), open = "wb")
  writeLines(c("{",
    "  \"provenance\": {",
    sprintf("    \"source\": \"R\", \"version\": %s,", str(versions)),
    "    \"script\": \"scripts/golden-profile.R\",",
    sprintf("    \"method\": %s,", str(method)),
    "    \"tolerance\": \"finite ends 1e-6 relative; infinite ends exactly\"",
    "  },",
    sprintf("  \"file\": %s,", str(file)),
    sprintf("  \"outcome\": %s,", str(names(read.csv(file))[ncol(read.csv(file))])),
    "  \"conf\": 0.95,",
    sprintf("  \"terms\": %s,", sarr(colnames(X))),
    sprintf("  \"profileLow\": %s,", arr(low)),
    sprintf("  \"profileHigh\": %s", arr(high)),
    "}"), con, sep = "\n")
  close(con)
  cat(sprintf("%-12s low %s\n%-12s high %s\n", name, paste(format(low), collapse = " "), "",
              paste(format(high), collapse = " ")))
}

crit <- qchisq(0.95, 1)

# ---- data/separated.csv: pass ~ hours, complete separation --------------------------------
d <- read.csv("data/separated.csv")
X <- cbind("(Intercept)" = 1, hours = d$hours)
y <- d$pass
A <- (2 * y - 1) * X
prof <- function(j, b) {
  other <- function(v) { beta <- numeric(2); beta[j] <- b; beta[-j] <- v; deviance_of(drop(X %*% beta), y) }
  optimize(other, c(-1, 1) * (100 + 10 * abs(b)), tol = 1e-12)$objective
}
low <- high <- numeric(2)
for (j in 1:2) {
  for (s in c(-1, 1)) {
    if (strictly_separable_with(A, j, s)) {
      end <- s * Inf
    } else {
      # the finite end: start on the infinite side, where the profile is near 0, and walk towards
      # s until it exceeds crit
      f <- function(b) prof(j, b) - crit
      inner <- -s
      while (f(inner) >= 0) inner <- 2 * inner
      step <- 1
      while (f(inner + s * step) <= 0) { inner <- inner + s * step; step <- 2 * step }
      end <- uniroot(f, sort(c(inner, inner + s * step)), tol = 1e-12)$root
    }
    if (s < 0) low[j] <- end else high[j] <- end
  }
}
write_case("separated", "data/separated.csv", X, y, low, high,
           "infinite ends: lpSolve proves a strictly separating direction with that sign; finite ends: uniroot(tol = 1e-12) of optimize()d profile deviance - qchisq(0.95, 1)")

# ---- separated30.csv: 30 correlated measurements, completely separated --------------------
d <- read.csv("src/test/resources/crashes/separated30.csv")
X <- model.matrix(malignant ~ ., d)
y <- d$malignant
A <- (2 * y - 1) * X
low <- high <- rep(NA_real_, ncol(X))
for (j in seq_len(ncol(X))) {
  if (strictly_separable_with(A, j, -1)) low[j] <- -Inf
  if (strictly_separable_with(A, j, +1)) high[j] <- Inf
}
stopifnot(all(is.infinite(c(low, high))))  # every end infinite: nothing left to compute
write_case("separated30", "src/test/resources/crashes/separated30.csv", X, y, low, high,
           "every end: lpSolve proves a strictly separating direction with that sign (so the end is infinite)")
