# Reference values for profile-likelihood intervals of the logistic GLM on separated data, where an
# interval end does not exist (infinite) and the others must still be found (issue 9).
#
#   Rscript scripts/golden-profile.R      (run from the repository root)
#
# Needs: apt-get install r-base-core r-cran-lpsolve
# Reads data/separated.csv and src/test/resources/crashes/separated30.csv (the latter from
# `python3 scripts/make-crash-data.py`), then every other bundled and test data set with a
# logistic fit (the last section: quasi-separated, aliased, grouped, weighted, with factors, and
# the ordinary ones); writes src/test/resources/golden/profile/<name>.json. About 30 s.
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

# ---- every other bundled and test data set --------------------------------------------------
# The same two questions for any model (issue 10 review: a quasi-separated intercept's lower end
# was once printed as -191.91, a profile fit stuck at the +-30 eta clamp taken for a root):
#
# Is an end infinite? The linear program below looks for a direction d with s d_j >= 1 and
# a_i'd >= 0 for every row (x_i'd = 0 for a row with 0 < y < 1), with as many a_i'd > 0 as it
# can; the rows left with a_i'd = 0 are the ties T. Along beta0 + t d (t -> Inf) every other row's
# deviance tends to 0, so for every beta0 the profile deviance at beta_j = beta0_j + t d_j tends
# to at most dev_T(beta0), and lim D_j(b) <= L = min_beta dev_T(beta). When L - dev_min < crit the
# end is infinite (a proof; T empty is complete separation, L = 0). dev_min, the infimum of the
# deviance, is L of the same program without the sign condition (the ordinary fit's deviance when
# nothing is separated).
# Otherwise the end is finite: walk out from the estimate in steps min(se, 1 / max|x_j|),
# doubled, until the exact profile deviance exceeds dev_min + crit, and solve by uniroot (tol
# 1e-12). The profile deviance at b is the infimum over the other coefficients: the rows that
# they alone separate (the program with d_j = 0) contribute 0, and the rest is minimised with
# BFGS (optim) and then Newton's method with step halving, both on the exact deviance
# (plogis(log.p = TRUE), no clamp), from the b solved before or glm.fit's start, whichever has the
# lower deviance, until the Newton decrement (about twice the deviance above its minimum) is below
# 1e-12; the script stops when it is not. A walk that reaches |b - est| max|x_j| > 1e8 without an
# LP proof stops the script too: no undecided end is written. On admissions, challenger and
# survey these roots agree with golden-stats.R's (glm.fit with an offset) to 1e-11.

design <- function(file, outcome = NULL, predictors = NULL, factors = character(0), trials = NULL,
                   weights = NULL, positive = NULL, na = NULL) {
  d <- read.csv(file, check.names = FALSE, na.strings = c("NA", "", na))
  if (is.null(outcome)) outcome <- names(d)[ncol(d)]
  if (is.null(predictors)) predictors <- setdiff(names(d), c(outcome, trials, weights))
  d <- d[complete.cases(d[c(outcome, predictors, trials, weights)]), ]  # glm's na.omit
  if (!is.null(positive)) d[[outcome]] <- as.numeric(d[[outcome]] == positive)
  for (f in factors) d[[f]] <- factor(d[[f]])  # levels sorted, first = reference (as logitlab)
  X <- model.matrix(as.formula(paste("~", paste(sprintf("`%s`", predictors), collapse = " + "))), d)
  colnames(X) <- gsub("`", "", colnames(X))
  a <- if (!is.null(trials)) d[[trials]] else if (!is.null(weights)) d[[weights]] else rep(1, nrow(d))
  y <- if (is.null(trials)) d[[outcome]] else d[[outcome]] / d[[trials]]
  list(X = X, y = y, a = a, outcome = outcome, predictors = predictors)
}

dev_exact <- function(eta, y, a) {
  sat <- ifelse(y > 0 & y < 1, y * log(y) + (1 - y) * log(1 - y), 0)
  -2 * sum(ifelse(a > 0, a * (y * plogis(eta, log.p = TRUE) + (1 - y) * plogis(-eta, log.p = TRUE) - sat), 0))
}

# min over g of the exact deviance of eta = X g + off; Newton with step halving from start
newton_min <- function(X, y, a, off, start) {
  if (ncol(X) == 0) return(list(dev = dev_exact(off, y, a), coef = numeric(0)))
  # on columns scaled to max |x| = 1 (a coefficient per 0.001 units is 1e5 times one per unit)
  sc <- pmax(apply(abs(X), 2, max), .Machine$double.xmin)
  r <- newton_scaled(sweep(X, 2, sc, "/"), y, a, off, start * sc)
  list(dev = r$dev, coef = r$coef / sc)
}
newton_scaled <- function(X, y, a, off, start) {
  # start from the warm start or from glm.fit's own (mu from y), whichever has the lower deviance
  gf <- suppressWarnings(glm.fit(X, y, weights = a, offset = off, family = binomial(),
                                 control = glm.control(maxit = 100)))$coefficients
  g <- start
  dev <- dev_exact(drop(X %*% g) + off, y, a)
  if (all(is.finite(gf)) && dev_exact(drop(X %*% gf) + off, y, a) < dev) g <- gf
  # then BFGS on the exact deviance and its gradient (Newton from a start where every weight is
  # e^-50 overshoots), and Newton to finish
  grad <- function(v) { eta <- drop(X %*% v) + off; -2 * drop(crossprod(X, a * (y * plogis(-eta) - (1 - y) * plogis(eta)))) }
  g <- optim(g, function(v) dev_exact(drop(X %*% v) + off, y, a), grad, method = "BFGS",
             control = list(reltol = 1e-15, maxit = 10000))$par
  eta <- drop(X %*% g) + off
  dev <- dev_exact(eta, y, a)
  for (k in 1:1000) {
    r <- a * (y * plogis(-eta) - (1 - y) * plogis(eta))           # a (y - mu), without cancellation
    w <- a * exp(plogis(eta, log.p = TRUE) + plogis(-eta, log.p = TRUE))
    U <- drop(crossprod(X, r))
    step <- drop(solve(crossprod(X * w, X), U, tol = 0))
    dec <- sum(U * step)
    if (dec < 1e-12) return(list(dev = dev, coef = g))
    t <- 1
    repeat {
      gn <- g + t * step
      en <- drop(X %*% gn) + off
      dn <- dev_exact(en, y, a)
      if (dn <= dev || t < 1e-10) break
      t <- t / 2
    }
    if (dn > dev) break
    g <- gn; eta <- en; dev <- dn
  }
  stop(sprintf("Newton did not reach the inner optimum (decrement %g)", dec))
}

# rows as the separation programs see them: A = (2y - 1) x for 0/1 rows; a row with 0 < y < 1 twice
# (x'd >= 0 and -x'd >= 0, i.e. x'd = 0); rows with weight 0 take no part
lp_rows <- function(X, y, a) {
  keep <- a > 0
  ones <- which(keep & y == 1); zeros <- which(keep & y == 0); mid <- which(keep & y > 0 & y < 1)
  list(A = rbind(X[ones, , drop = FALSE], -X[zeros, , drop = FALSE], X[mid, , drop = FALSE],
                 -X[mid, , drop = FALSE]),
       row = c(ones, zeros, mid, mid), counted = c(rep(TRUE, length(ones) + length(zeros)),
                                                   rep(FALSE, 2 * length(mid))))
}

# the tie rows of a direction with a_i'd >= 0 and as many a_i'd > 0 as possible (and s d_j >= 1
# when j is given, d_j = 0 when s is 0), or NULL when there is none with that sign
ties <- function(X, y, a, j = NULL, s = 0) {
  L <- lp_rows(X, y, a)
  A <- L$A; m <- nrow(A); p <- ncol(X); cnt <- which(L$counted)
  # variables: d+ (p), d- (p), u (one per counted row, 0 <= u <= 1, u_i <= a_i'd)
  M <- cbind(A, -A, matrix(0, m, length(cnt)))
  for (k in seq_along(cnt)) M[cnt[k], 2 * p + k] <- -1
  rhs <- rep(0, m); dir <- rep(">=", m)
  M <- rbind(M, cbind(matrix(0, length(cnt), 2 * p), diag(length(cnt))))
  rhs <- c(rhs, rep(1, length(cnt))); dir <- c(dir, rep("<=", length(cnt)))
  if (!is.null(j)) {
    e <- numeric(p); e[j] <- s
    if (s == 0) e[j] <- 1
    M <- rbind(M, c(e, -e, rep(0, length(cnt)))); rhs <- c(rhs, abs(s)); dir <- c(dir, if (s == 0) "=" else ">=")
  }
  r <- lp("max", c(rep(0, 2 * p), rep(1, length(cnt))), M, dir, rhs)
  if (r$status == 2) return(NULL)   # infeasible: no such direction
  stopifnot(r$status == 0)
  d <- r$solution[1:p] - r$solution[p + 1:p]
  margin <- drop(A %*% d)
  strict <- unique(L$row[L$counted & margin > 1e-7])
  setdiff(which(a > 0), strict)
}

# the columns of X[T, ] that qr() keeps (the others change no row's eta on T)
independent <- function(X) {
  q <- qr(X)
  sort(q$pivot[seq_len(q$rank)])
}

# L = min over beta of the deviance of the rows T (not separable among themselves)
tie_deviance <- function(X, y, a, T) {
  if (length(T) == 0) return(0)
  k <- independent(X[T, , drop = FALSE])
  newton_min(X[T, k, drop = FALSE], y[T], a[T], numeric(length(T)), numeric(length(k)))$dev
}

# (label, not name: a partial match would take na = for it)
profile_case <- function(label, file, ..., conf = 0.95) {
  m <- design(file, ...)
  X <- m$X; y <- m$y; a <- m$a
  q <- qr(X)
  aliased <- if (q$rank < ncol(X)) colnames(X)[q$pivot[seq.int(q$rank + 1, ncol(X))]] else character(0)
  Xk <- X[, setdiff(colnames(X), aliased), drop = FALSE]
  crit <- qchisq(conf, 1)
  # the walks start at the estimate: Newton's on the exact deviance (glm.fit's from R's start
  # diverges on step-halving.csv), or glm()'s under separation, where the deviance only approaches
  # its infimum; the first step is at most the standard error
  T0 <- ties(Xk, y, a)
  dev_min <- tie_deviance(Xk, y, a, T0)
  est <- suppressWarnings(glm.fit(Xk, y, weights = a, family = binomial()))$coefficients
  if (length(T0) == sum(a > 0)) est <- newton_min(Xk, y, a, numeric(nrow(Xk)), numeric(ncol(Xk)))$coef
  eta <- drop(Xk %*% est)
  info <- crossprod(Xk * (a * exp(plogis(eta, log.p = TRUE) + plogis(-eta, log.p = TRUE))), Xk)
  se <- tryCatch(sqrt(diag(solve(info, tol = 0))), error = function(e) rep(Inf, ncol(Xk)))
  ends <- matrix(NA_real_, ncol(Xk), 2)
  how <- character(0)
  for (j in seq_len(ncol(Xk))) {
    scale <- max(abs(Xk[a > 0, j])); if (scale == 0) scale <- 1
    # the profile deviance at b is the infimum over the others: when they separate some rows
    # (a direction with d_j = 0), those rows' deviance tends to 0 and the rest, Tj, is minimised
    Tj <- ties(Xk, y, a, j, 0)
    if (is.null(Tj)) Tj <- which(a > 0)
    oc <- setdiff(seq_len(ncol(Xk)), j)
    oc <- oc[independent(Xk[Tj, oc, drop = FALSE])]
    others <- Xk[Tj, oc, drop = FALSE]
    for (s in c(-1, 1)) {
      T <- ties(Xk, y, a, j, s)
      if (!is.null(T) && tie_deviance(Xk, y, a, T) - dev_min < crit) {
        ends[j, (s + 3) / 2] <- s * Inf
        how <- c(how, sprintf("%s %s: LP direction, %d tie rows", colnames(Xk)[j], if (s < 0) "low" else "high", length(T)))
        next
      }
      last <- est[oc]
      prof <- function(b) {
        r <- newton_min(others, y[Tj], a[Tj], b * Xk[Tj, j], last)
        last <<- r$coef
        r$dev - dev_min - crit
      }
      step <- if (is.finite(se[j]) && se[j] > 0) min(se[j], 1 / scale) else 1 / scale
      inner <- est[j]
      stopifnot(prof(inner) < 0)
      repeat {
        outer <- inner + s * step
        if (abs(outer - est[j]) * scale > 1e8) stop(sprintf("%s: %s end of %s undecided", label, s, colnames(Xk)[j]))
        if (prof(outer) > 0) break
        inner <- outer; step <- 2 * step
      }
      last <- est[oc]
      prof(inner)  # warm start beside the bracket
      ends[j, (s + 3) / 2] <- uniroot(prof, sort(c(inner, outer)), tol = 1e-12)$root
    }
  }
  full <- function(v) { out <- setNames(rep(NA_real_, ncol(X)), colnames(X)); out[colnames(Xk)] <- v; out }
  args <- list(...)
  jstr <- function(v) if (is.null(v)) "null" else str(v)
  factors <- args$factors
  con <- file(sprintf("src/test/resources/golden/profile/%s.json", label), open = "wb")
  writeLines(c("{",
    "  \"provenance\": {",
    sprintf("    \"source\": \"R\", \"version\": %s,", str(versions)),
    "    \"script\": \"scripts/golden-profile.R\",",
    sprintf("    \"method\": %s,", str(paste0(
      "infinite ends: lpSolve finds a direction with that sign separating all rows but the ties T, and the ties' ",
      "least deviance minus dev_min is below qchisq(conf, 1); finite ends: uniroot(tol = 1e-12) of the exact profile ",
      "deviance (Newton on the unclamped deviance) - dev_min - qchisq(conf, 1); dev_min the deviance's infimum"))),
    sprintf("    \"ends\": %s,", sarr(how)),
    "    \"tolerance\": \"finite ends 1e-6 relative; infinite ends exactly; null: an aliased term\"",
    "  },",
    sprintf("  \"file\": %s,", str(file)),
    sprintf("  \"outcome\": %s,", str(m$outcome)),
    sprintf("  \"predictors\": %s,", sarr(m$predictors)),
    sprintf("  \"factors\": {%s},", paste(sprintf("%s: null", vapply(factors, str, "")), collapse = ", ")),
    sprintf("  \"trials\": %s, \"weights\": %s, \"positive\": %s, \"na\": %s,", jstr(args$trials),
            jstr(args$weights), jstr(args$positive), jstr(args$na)),
    sprintf("  \"conf\": %s,", num(conf)),
    sprintf("  \"devMin\": %s,", num(dev_min)),
    sprintf("  \"terms\": %s,", sarr(colnames(X))),
    sprintf("  \"profileLow\": %s,", arr(full(ends[, 1]))),
    sprintf("  \"profileHigh\": %s", arr(full(ends[, 2]))),
    "}"), con, sep = "\n")
  close(con)
  cat(sprintf("%-20s low  %s\n%-20s high %s\n", label, paste(format(full(ends[, 1])), collapse = " "), "",
              paste(format(full(ends[, 2])), collapse = " ")))
}

res <- "src/test/resources"
profile_case("quasi", file.path(res, "separation/quasi.csv"))
profile_case("quasi-negative", file.path(res, "separation/quasi-negative.csv"))
profile_case("quasi-factor", file.path(res, "separation/quasi-factor.csv"), factors = "group")
profile_case("aliased-quasi", file.path(res, "separation/aliased-quasi.csv"))
profile_case("complete", file.path(res, "separation/complete.csv"))
profile_case("grouped-quasi", file.path(res, "separation/grouped-quasi.csv"), trials = "n")
profile_case("smoking", "data/smoking.csv")
profile_case("challenger", "data/challenger.csv")
profile_case("exam", "data/exam.csv")
profile_case("uptake", "data/uptake.csv")
profile_case("endometrial", "data/endometrial.csv")
profile_case("admissions", "data/admissions.csv", factors = "rank")
profile_case("survey", "data/survey.csv", outcome = "smoker", predictors = c("age", "sex", "region"),
             positive = "yes", na = "n/a")
profile_case("dollhill", "data/dollhill.csv", outcome = "cases", predictors = c("cigs", "inhaler"), trials = "n")
profile_case("arrests", file.path(res, "firth/arrests.csv"), factors = c("colour", "sex", "employed", "citizen"))
profile_case("birthwt", file.path(res, "firth/birthwt.csv"))
profile_case("budworm", file.path(res, "firth/budworm.csv"), trials = "n")
profile_case("exam-weighted", file.path(res, "weights/exam-weighted.csv"), weights = "w")
profile_case("admissions-weighted", file.path(res, "weights/admissions-weighted.csv"), factors = "rank", weights = "w")
profile_case("extreme-fitted", file.path(res, "rare/extreme-fitted.csv"), outcome = "y", weights = "w")
profile_case("firth-far-start", file.path(res, "rare/firth-far-start.csv"))
profile_case("step-halving", file.path(res, "rare/step-halving.csv"))
profile_case("empty-region", file.path(res, "csv/empty-region.csv"))
