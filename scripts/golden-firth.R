# Reference ("golden") values for Firth's logistic regression and for the separation check.
#
#   Rscript scripts/golden-firth.R        (run from the repository root)
#
# Needs R (tested with R 4.2.2) and two Debian packages:
#   apt-get install r-base-core r-cran-brglm2 r-cran-lpsolve r-cran-numderiv r-cran-mass
# and src/test/resources/firth/arrests.csv from `python3 scripts/make-crash-data.py`.
#
# Writes
#   data/endometrial.csv                         brglm2's `endometrial` data (Heinze & Schemper 2002)
#   src/test/resources/firth/birthwt.csv         MASS's `birthwt` data, columns bwt and low only
#                                                (low = bwt < 2500 g: completely separated)
#   src/test/resources/golden/firth/<name>.json  Firth fits: brglm2::brglmFit(type = "AS_mean"),
#                                                Wald intervals and profile penalised-likelihood
#                                                intervals (see below)
#   src/test/resources/golden/separation/<name>.json
#                                                the separation linear program of Konis (2007)
#
# Firth.  For the logistic model brglmFit with type = "AS_mean" (mean bias-reducing adjusted
# scores) solves Firth's modified score equations X'(y - mu + h (1/2 - mu)) = 0, i.e. it
# maximises the penalised log-likelihood l(beta) + 1/2 log det(X'WX); its standard errors are
# sqrt(diag((X'WX)^-1)) at the estimate, as logistf's.  The package logistf (whose default
# intervals are profile penalised-likelihood intervals) is not in Debian, so the intervals are
# computed here by direct root-finding: for term j,
#   2 [ l*(beta_hat) - max_{beta_-j} l*(b, beta_-j) ] = qchisq(conf, 1),
# with the inner maximum by optim(method = "BFGS") with the analytic gradient (Firth's modified
# score), polished by Newton steps whose Hessian is numDeriv::jacobian of that score (until the
# score is below 1e-11), and the roots by uniroot(tol = 1e-12).  This is the definition logistf implements
# (Heinze & Schemper 2002, section 2.2), computed by a different algorithm from logitlab's.
#
# Separation.  brglm2 0.9 no longer contains detect_separation (it moved to the package
# detectseparation, which is not in Debian).  So this script solves the same linear program as
# detectseparation's default (detect_separation_control(): primal "find" program of Konis 2007,
# beta_tolerance sqrt(eps)) with lpSolve, the R interface to the same lp_solve 5.5 library
# that detectseparation calls:
#   maximise sum_i a_i'b  subject to  a_i'b >= 0,  -1 <= b_j <= 1,   a_i = (2 y_i - 1) x_i
# over the columns of model.matrix() that qr() keeps (aliased ones dropped, as detect_separation
# does); b_j > 0 means +Inf, b_j < 0 means -Inf, |b_j| <= sqrt(eps) means a finite estimate.
# The kind (complete or quasi-complete), which detect_separation does not report, comes from a
# second program on the columns divided by their largest absolute value:
#   maximise t  subject to  a_i'b >= t,  -1 <= b_j <= 1,  0 <= t <= 1;   t > 1e-9: complete.
# Each file also records glm()'s fit, to show what R prints without the check.

options(warn = 1)
suppressPackageStartupMessages({
  library(MASS)
  library(brglm2)
  library(lpSolve)
  library(numDeriv)
})

if (!file.exists("data") || !file.exists("scripts/golden-firth.R")) {
  stop("run from the repository root: Rscript scripts/golden-firth.R")
}

versions <- sprintf("%s; brglm2 %s; lpSolve %s; numDeriv %s; MASS %s", R.version.string,
                    packageVersion("brglm2"), packageVersion("lpSolve"), packageVersion("numDeriv"),
                    packageVersion("MASS"))

# ---- JSON writing helpers (as scripts/golden.R: sprintf("%.17g"), no JSON package) -----------

json_str <- function(s) {
  s <- gsub("\\", "\\\\", s, fixed = TRUE)
  s <- gsub("\"", "\\\"", s, fixed = TRUE)
  paste0("\"", s, "\"")
}
json_num <- function(x) {
  stopifnot(length(x) == 1, is.finite(x))
  sprintf("%.17g", x)
}
json_int <- function(x) {
  stopifnot(length(x) == 1, is.finite(x), x == round(x))
  sprintf("%d", as.integer(x))
}
json_bool <- function(x) if (isTRUE(x)) "true" else "false"
json_num_array <- function(x) paste0("[", paste(vapply(x, json_num, ""), collapse = ", "), "]")
json_str_array <- function(x) {
  if (length(x) == 0) return("[]")
  paste0("[", paste(vapply(x, json_str, ""), collapse = ", "), "]")
}
json_object <- function(fields, indent) {
  pad <- strrep(" ", indent)
  inner <- paste0(pad, "  ", json_str(names(fields)), ": ", unlist(fields))
  paste0("{\n", paste(inner, collapse = ",\n"), "\n", pad, "}")
}
json_factors <- function(factors) {
  if (length(factors) == 0) return("{}")
  paste0("{", paste(paste0(vapply(factors, json_str, ""), ": null"), collapse = ", "), "}")
}
write_json <- function(top, path) {
  dir.create(dirname(path), recursive = TRUE, showWarnings = FALSE)
  con <- file(path, open = "wb")
  writeLines(json_object(top, 0), con, sep = "\n", useBytes = TRUE)
  close(con)
}

# ---- data/endometrial.csv ---------------------------------------------------------------

data("endometrial", package = "brglm2")
endo <- endometrial[, c("NV", "PI", "EH", "HG")]
con <- file("data/endometrial.csv", open = "wb")
write.csv(endo, con, row.names = FALSE, quote = FALSE, eol = "\n")
close(con)
stopifnot(isTRUE(all.equal(read.csv("data/endometrial.csv"), endo, check.attributes = FALSE)))

# ---- src/test/resources/firth/birthwt.csv ------------------------------------------------

# Hosmer & Lemeshow (1989), Applied Logistic Regression: 189 births at Baystate Medical Center,
# Springfield, Massachusetts, 1986; as MASS 7.3 ships it (GPL-2 | GPL-3). low is 1 exactly when
# bwt < 2500 g, so low ~ bwt is completely separated: maximum likelihood diverges, Firth's
# estimate is finite, and brglm2 (default brglmControl(), maxit = 100) converges in 29 iterations.
bw <- birthwt[, c("bwt", "low")]
con <- file("src/test/resources/firth/birthwt.csv", open = "wb")
write.csv(bw, con, row.names = FALSE, quote = FALSE, eol = "\n")
close(con)
stopifnot(isTRUE(all.equal(read.csv("src/test/resources/firth/birthwt.csv"), bw, check.attributes = FALSE)))
bw_default <- glm(low ~ bwt, family = binomial("logit"), data = bw, method = "brglmFit", type = "AS_mean")
stopifnot(bw_default$converged)
cat(sprintf("birthwt: brglmFit with its defaults converged in %d iterations\n", bw_default$iter))

# ---- model matrices as logitlab builds them ---------------------------------------------

# The outcome is the last column.  With trials (a column name), the outcome counts successes out
# of that many trials: y is the proportion and the prior weights a are the trials, as R's
# glm(cbind(successes, trials - successes) ~ ...) and logitlab's --trials see them.
design <- function(file, factors, trials = NULL) {
  d <- read.csv(file, check.names = FALSE)
  outcome <- names(d)[ncol(d)]
  predictors <- setdiff(names(d)[-ncol(d)], trials)
  for (f in factors) d[[f]] <- factor(d[[f]])  # levels sorted, first = reference (as logitlab)
  rhs <- paste(sprintf("`%s`", predictors), collapse = " + ")
  lhs <- if (is.null(trials)) outcome else sprintf("cbind(%s, %s - %s)", outcome, trials, outcome)
  fo <- as.formula(sprintf("%s ~ %s", lhs, rhs))
  X <- model.matrix(as.formula(paste("~", rhs)), d)
  colnames(X) <- gsub("`", "", colnames(X))
  a <- if (is.null(trials)) rep(1, nrow(d)) else d[[trials]]
  y <- if (is.null(trials)) d[[outcome]] else d[[outcome]] / d[[trials]]
  list(d = d, X = X, y = y, a = a, outcome = outcome, predictors = predictors, fo = fo)
}

# ---- Firth: penalised log-likelihood, modified score, profile intervals ------------------

# l*(beta) = sum a [y log mu + (1 - y) log(1 - mu)] + 1/2 log det(X' diag(a mu (1 - mu)) X)
pen_loglik <- function(beta, X, y, a) {
  eta <- drop(X %*% beta)
  w <- a * plogis(eta) * plogis(-eta)
  ll <- sum(a * (y * plogis(eta, log.p = TRUE) + (1 - y) * plogis(-eta, log.p = TRUE)))
  ll + 0.5 * as.numeric(determinant(crossprod(X * sqrt(w)), logarithm = TRUE)$modulus)
}
# its gradient, Firth's modified score X'(a (y - mu) + h (1/2 - mu))
mod_score <- function(beta, X, y, a) {
  eta <- drop(X %*% beta)
  mu <- plogis(eta)
  xw <- X * sqrt(a * mu * (1 - mu))
  h <- rowSums((xw %*% solve(crossprod(xw))) * xw)
  drop(crossprod(X, a * (y - mu) + h * (0.5 - mu)))
}
# max over beta_-j of l*(beta) with beta_j = b
# The inner maximum starts on the first-order profile trace, beta_-j + (b - beta_j) V[-j, j] / V[j, j]
# (V the covariance at the estimate), with optim's parscale the standard errors, so that a
# coefficient in large units (birthwt's bwt, in grams) is searched on its own scale.
profile_value <- function(b, j, X, y, a, beta, V) {
  full <- function(g) { beta <- numeric(ncol(X)); beta[j] <- b; beta[-j] <- g; beta }
  start <- beta[-j] + (b - beta[j]) * V[-j, j] / V[j, j]
  o <- optim(start, function(g) -pen_loglik(full(g), X, y, a),
             function(g) -mod_score(full(g), X, y, a)[-j],
             method = "BFGS", control = list(reltol = 1e-15, maxit = 10000,
                                             parscale = sqrt(diag(V))[-j]))
  stopifnot(o$convergence == 0)
  # polish: Newton steps on the modified score, Hessian by numDeriv::jacobian of the score
  # (the score relative to n times each column's largest value)
  size <- nrow(X) * pmax(1, apply(abs(X[, -j, drop = FALSE]), 2, max))
  g <- o$par
  for (k in 1:20) {
    s <- mod_score(full(g), X, y, a)[-j]
    if (max(abs(s) / size) < 1e-13) break
    H <- numDeriv::jacobian(function(h) mod_score(full(h), X, y, a)[-j], g)
    g <- g - solve(H, s)
  }
  stopifnot(max(abs(mod_score(full(g), X, y, a)[-j]) / size) < 1e-11)
  pen_loglik(full(g), X, y, a)
}
profile_interval <- function(j, X, y, a, beta, se, conf, V) {
  crit <- qchisq(conf, 1)
  top <- pen_loglik(beta, X, y, a)
  f <- function(b) 2 * (top - profile_value(b, j, X, y, a, beta, V)) - crit
  lo <- uniroot(f, c(beta[j] - 4 * se[j], beta[j]), extendInt = "downX", tol = 1e-12)$root
  hi <- uniroot(f, c(beta[j], beta[j] + 4 * se[j]), extendInt = "upX", tol = 1e-12)$root
  c(lo, hi)
}

firth_case <- function(name, file, factors = character(0), published = NULL, trials = NULL,
                       default_iterations = NULL) {
  m <- design(file, factors, trials)
  ctrl <- list(epsilon = 1e-12, maxit = 1000)
  fit <- glm(m$fo, family = binomial("logit"), data = m$d, method = "brglmFit", type = "AS_mean",
             epsilon = 1e-12, maxit = 1000)
  stopifnot(fit$converged)
  beta <- coef(fit)
  se <- sqrt(diag(vcov(fit)))
  # independent check of the estimate: the modified score vanishes there (relative to the size
  # of each column: birthwt's bwt is in grams)
  stopifnot(max(abs(mod_score(beta, m$X, m$y, m$a)) / pmax(1, apply(abs(m$X), 2, max))) < 1e-8)
  z <- beta / se
  intervals <- function(conf) {
    q <- qnorm((1 + conf) / 2)
    prof <- t(sapply(seq_along(beta), function(j) profile_interval(j, m$X, m$y, m$a, beta, se, conf, vcov(fit))))
    list(conf = json_num(conf),
         waldLow = json_num_array(beta - q * se), waldHigh = json_num_array(beta + q * se),
         profileLow = json_num_array(prof[, 1]), profileHigh = json_num_array(prof[, 2]))
  }
  mu <- fitted(fit)
  # R's logLik.glm for the binomial family (with log choose(a, a y) for grouped data)
  ll <- sum(dbinom(round(m$a * m$y), round(m$a), mu, log = TRUE))
  stopifnot(isTRUE(all.equal(ll, as.numeric(logLik(fit)))))
  call <- sprintf(paste0("glm(%s, family = binomial(\"logit\"), data = read.csv(\"%s\"), ",
                         "method = \"brglmFit\", type = \"AS_mean\", epsilon = 1e-12, maxit = 1000)"),
                  deparse(m$fo), file)
  firth <- list(
    terms = json_str_array(names(beta)),
    estimate = json_num_array(beta),
    stdError = json_num_array(se),
    z = json_num_array(z),
    p = json_num_array(2 * pnorm(-abs(z))),
    logLik = json_num(ll),
    penalizedLogLik = json_num(pen_loglik(beta, m$X, m$y, m$a)),
    deviance = json_num(deviance(fit)),
    nullDeviance = json_num(fit$null.deviance),  # brglm2: of the bias-reduced intercept-only fit
    nullDevianceGlm = json_num(suppressWarnings(glm(m$y ~ 1, family = binomial, weights = m$a))$deviance),
    aic = json_num(-2 * ll + 2 * length(beta)),
    ci95 = json_object(intervals(0.95), 4),
    ci90 = json_object(intervals(0.90), 4)
  )
  top <- list(
    provenance = json_object(list(
      source = json_str("R"),
      version = json_str(versions),
      firthCall = json_str(call),
      stdError = json_str("sqrt(diag(vcov(fit))), the inverse Fisher information at the estimate"),
      wald = json_str("estimate -+ qnorm((1 + conf) / 2) * stdError"),
      profile = json_str(paste0(
        "profile penalised likelihood (logistf's default method; logistf is not in Debian): ",
        "uniroot(tol = 1e-12) of 2 * (l*(beta_hat) - max_{beta_-j} l*(b, beta_-j)) - qchisq(conf, 1), ",
        "l*(beta) = logLik + 0.5 log det(X'WX), inner maximum by optim(method = 'BFGS', ",
        "reltol = 1e-15) with the modified score as gradient, polished by Newton steps with ",
        "numDeriv::jacobian of the score until |score| < 1e-11")),
      script = json_str("scripts/golden-firth.R"),
      tolerance = json_str("coefficients 1e-6 relative, standard errors 1e-4 relative, intervals 1e-4")), 2),
    file = json_str(file),
    outcome = json_str(m$outcome),
    predictors = json_str_array(m$predictors),
    factors = json_factors(factors),
    trials = if (is.null(trials)) "null" else json_str(trials),
    firth = json_object(firth, 2)
  )
  if (!is.null(published)) top$published <- json_object(published, 2)
  if (!is.null(default_iterations)) {
    top$brglm2Defaults <- json_object(list(
      call = json_str(sprintf(paste0("glm(%s, family = binomial(\"logit\"), data = read.csv(\"%s\"), ",
                                     "method = \"brglmFit\", type = \"AS_mean\")"), deparse(m$fo), file)),
      converged = json_bool(TRUE),
      iterations = json_int(default_iterations)), 2)
  }
  write_json(top, sprintf("src/test/resources/golden/firth/%s.json", name))
  cat(sprintf("firth %-12s %s\n", name, paste(sprintf("%s=%.6g", names(beta), beta), collapse = " ")))
}

# ---- separation: Konis' linear program (detect_separation's default) ---------------------

konis_lp <- function(A, obj, upper_t = FALSE) {
  # variables b = bp - bm with 0 <= bp, bm <= 1 (lpSolve's variables are non-negative)
  p <- ncol(A)
  M <- rbind(cbind(A, -A), cbind(diag(p), 0 * diag(p)), cbind(0 * diag(p), diag(p)))
  r <- lp("max", c(obj, -obj), M, c(rep(">=", nrow(A)), rep("<=", 2 * p)),
          c(rep(0, nrow(A)), rep(1, 2 * p)))
  stopifnot(r$status == 0)
  list(b = r$solution[1:p] - r$solution[p + 1:p], objective = r$objval)
}
strict_margin <- function(A) {
  A <- sweep(A, 2, apply(abs(A), 2, max), "/")
  p <- ncol(A)
  M <- rbind(cbind(A, -A, -1), cbind(diag(p), 0 * diag(p), 0), cbind(0 * diag(p), diag(p), 0),
             c(rep(0, 2 * p), 1))
  r <- lp("max", c(rep(0, 2 * p), 1), M, c(rep(">=", nrow(A)), rep("<=", 2 * p + 1)),
          c(rep(0, nrow(A)), rep(1, 2 * p + 1)))
  stopifnot(r$status == 0)
  r$objval
}

separation_case <- function(name, file, factors = character(0), trials = NULL) {
  m <- design(file, factors, trials)
  X <- m$X
  q <- qr(X)
  aliased <- if (q$rank < ncol(X)) colnames(X)[q$pivot[seq.int(q$rank + 1, ncol(X))]] else character(0)
  Xk <- X[, setdiff(colnames(X), aliased), drop = FALSE]
  # as detect_separation: rows with weight 0 dropped; y = 1 rows, y = 0 rows, and every row with
  # 0 < y < 1 twice (once as a 0, once as a 1)
  keep <- m$a > 0
  ones <- which(keep & m$y == 1)
  zeros <- which(keep & m$y == 0)
  mid <- which(keep & m$y > 0 & m$y < 1)
  Xk <- Xk[c(ones, zeros, mid, mid), , drop = FALSE]
  yk <- c(rep(1, length(ones)), rep(0, length(zeros)), rep(0, length(mid)), rep(1, length(mid)))
  A <- ifelse(yk == 1, 1, -1) * Xk
  sol <- konis_lp(A, colSums(A))
  tol <- sqrt(.Machine$double.eps)
  inf <- abs(sol$b) > tol
  t <- strict_margin(A)
  kind <- if (!any(inf)) "none" else if (t > 1e-9) "complete" else "quasi-complete"
  g <- suppressWarnings(glm(m$fo, family = binomial, data = m$d))
  gw <- character(0)
  withCallingHandlers(glm(m$fo, family = binomial, data = m$d),
                      warning = function(w) { gw <<- c(gw, conditionMessage(w)); invokeRestart("muffleWarning") })
  terms <- if (any(inf)) {
    paste0("[", paste(sprintf("{\"term\": %s, \"direction\": %s}", vapply(colnames(Xk)[inf], json_str, ""),
                              json_str(ifelse(sol$b[inf] > 0, "+inf", "-inf"))), collapse = ", "), "]")
  } else "[]"
  top <- list(
    provenance = json_object(list(
      source = json_str("R"),
      version = json_str(versions),
      method = json_str(paste0(
        "detectseparation's default linear program (Konis 2007; primal 'find', beta_tolerance sqrt(eps)) ",
        "solved with lpSolve::lp on model.matrix() without qr()-aliased columns; kind from the strict-margin ",
        "program on max-abs-scaled columns (t > 1e-9: complete). brglm2 0.9's detect_separation is a stub ",
        "(moved to detectseparation, not in Debian).")),
      script = json_str("scripts/golden-firth.R")), 2),
    file = json_str(file),
    outcome = json_str(m$outcome),
    predictors = json_str_array(m$predictors),
    factors = json_factors(factors),
    trials = if (is.null(trials)) "null" else json_str(trials),
    terms = json_str_array(colnames(X)),
    aliased = json_str_array(aliased),
    separation = json_object(list(detected = json_bool(any(inf)), kind = json_str(kind), terms = terms), 2),
    lp = json_object(list(terms = json_str_array(colnames(Xk)), b = json_num_array(sol$b),
                          objective = json_num(sol$objective), strictMargin = json_num(t)), 2),
    glm = json_object(list(estimate = json_num_array(coef(g)[!is.na(coef(g))]),
                           stdError = json_num_array(coef(summary(g))[, 2]),
                           converged = json_bool(g$converged), iterations = json_int(g$iter),
                           warnings = json_str_array(unique(gw))), 2)
  )
  write_json(top, sprintf("src/test/resources/golden/separation/%s.json", name))
  cat(sprintf("separation %-15s %-14s %s   (glm: %s%s)\n", name, kind,
              paste(sprintf("%s %s", colnames(Xk)[inf], ifelse(sol$b[inf] > 0, "+Inf", "-Inf")), collapse = ", "),
              if (g$converged) "converged" else "not converged",
              if (length(gw)) paste0("; ", paste(unique(gw), collapse = "; ")) else ", no warning"))
}

cat(versions, "\n")

# Heinze & Schemper (2002), Table: Firth estimates for the endometrial data.
firth_case("endometrial", "data/endometrial.csv", published = list(
  source = json_str("Heinze & Schemper (2002), Statistics in Medicine 21:2409-2419; as quoted in issue 3"),
  terms = json_str_array(c("(Intercept)", "NV", "PI", "EH")),
  estimate = json_num_array(c(3.77456, 2.92927, -0.03475, -2.60416))))
firth_case("separated", "data/separated.csv")
# completely separated, a coefficient in grams: the case where a step cap of 5 and 25 iterations
# stopped short (issue 9)
firth_case("birthwt", "src/test/resources/firth/birthwt.csv", default_iterations = bw_default$iter)
# ordinary data with factors and a year near 2000 (ill-conditioned X'WX), shaped like
# carData::Arrests (synthetic: scripts/make-crash-data.py): the profile intervals once threw
firth_case("arrests", "src/test/resources/firth/arrests.csv",
           factors = c("colour", "sex", "employed", "citizen"))
firth_case("challenger", "data/challenger.csv")
# Collett (1991), Modelling Binary Data, p. 75 (Venables & Ripley, MASS, 4th ed., 7.2): tobacco
# budworms killed out of 20 by log2(dose) and sex; grouped data, the male group at dose 5 all dead
firth_case("budworm", "src/test/resources/firth/budworm.csv", trials = "n")

res <- "src/test/resources/separation"
separation_case("endometrial", "data/endometrial.csv")
separation_case("separated", "data/separated.csv")
separation_case("complete", file.path(res, "complete.csv"))
separation_case("quasi", file.path(res, "quasi.csv"))
separation_case("quasi-negative", file.path(res, "quasi-negative.csv"))
separation_case("quasi-factor", file.path(res, "quasi-factor.csv"), factors = "group")
separation_case("aliased-quasi", file.path(res, "aliased-quasi.csv"))
separation_case("smoking", "data/smoking.csv")
separation_case("challenger", "data/challenger.csv")
separation_case("exam", "data/exam.csv")
separation_case("uptake", "data/uptake.csv")
separation_case("admissions", "data/admissions.csv", factors = "rank")
separation_case("grouped-quasi", file.path(res, "grouped-quasi.csv"), trials = "n")
