# Reference ("golden") values for logitlab's tests, computed with R.
#
#   Rscript scripts/golden.R            (run from the repository root)
#
# For every data set in data/ whose maximum-likelihood fit exists (the cases below) it fits
#   glm(outcome ~ <all other columns>, family = binomial)   -- IRLS, R's glm.fit
#   lm(outcome ~ <all other columns>)                      -- the linear probability model
# and writes src/test/resources/golden/fits/<name>.json.  A case may name its outcome and predictors,
# the outcome value that is the event (logitlab's --positive) and extra missing-value markers
# (--na; read.csv's na.strings, with "NA" and ""); rows missing a used column are dropped by
# glm's and lm's default na.action (na.omit), as logitlab drops them.  The JSON is written by hand with
# sprintf("%.17g") so that no package beyond base R is needed and every double round-trips.
#
# Needs R (tested with R 4.2.2): apt-get install r-base-core r-cran-mass python3-statsmodels
# (MASS and statsmodels are only needed by the cross-check in scripts/golden.sh).
#
# Term names follow logitlab, not R: a treatment-coded factor column `rank` with level 2
# is written "rank2" (R says "factor(rank)2"); the intercept keeps R's name "(Intercept)".

options(warn = 2)  # a glm warning (non-convergence, fitted probabilities 0 or 1) is an error here

if (!file.exists("data") || !file.exists("scripts/golden.R")) {
  stop("run from the repository root: Rscript scripts/golden.R")
}

out_dir <- "src/test/resources/golden/fits"
dir.create(out_dir, recursive = TRUE, showWarnings = FALSE)

# name: data/<name>.csv and golden/fits/<name>.json; factors: numeric columns coded as factors
# (reference level = first level in sorted order, R's default and logitlab's; text columns are
# factors anyway); optional: outcome, predictors (default: the last column and all others),
# positive (the event; the outcome becomes outcome == positive), na (extra na.strings).
cases <- list(
  list(name = "smoking", factors = character(0)),
  list(name = "challenger", factors = character(0)),
  list(name = "exam", factors = character(0)),
  list(name = "admissions", factors = "rank"),
  list(name = "uptake", factors = character(0)),
  list(name = "survey", factors = character(0), outcome = "smoker", predictors = c("age", "sex", "region"),
       positive = "yes", na = "n/a")
)

tolerance <- "coefficients 1e-6 relative, standard errors 1e-4 relative"

# ---- JSON writing helpers -------------------------------------------------------------

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

# "factor(rank)2" -> "rank2"
logitlab_terms <- function(terms) sub("^factor\\(([^)]+)\\)", "\\1", terms)

# ---- one data set ---------------------------------------------------------------------

golden_case <- function(case) {
  file <- sprintf("data/%s.csv", case$name)
  na <- c("NA", "", case[["na"]])
  d <- read.csv(file, check.names = FALSE, na.strings = na)
  outcome <- if (is.null(case$outcome)) names(d)[ncol(d)] else case$outcome
  predictors <- if (is.null(case$predictors)) setdiff(names(d), outcome) else case$predictors
  if (!is.null(case$positive)) d[[outcome]] <- as.numeric(d[[outcome]] == case$positive)
  used <- complete.cases(d[c(outcome, predictors)])
  stopifnot(all(d[[outcome]][used] %in% c(0, 1)), is.null(case[["na"]]) || !all(used), !is.null(case[["na"]]) || all(used))

  rhs_terms <- ifelse(predictors %in% case$factors, sprintf("factor(%s)", predictors), predictors)
  formula_text <- sprintf("%s ~ %s", outcome, paste(rhs_terms, collapse = " + "))
  fo <- as.formula(formula_text)
  data_text <- if (is.null(case[["na"]])) {
    sprintf("read.csv(%s)", json_str(file))  # same quoting as R source
  } else {
    sprintf("read.csv(%s, na.strings = c(%s))", json_str(file), paste(vapply(na, json_str, ""), collapse = ", "))
  }
  if (!is.null(case$positive)) {
    data_text <- sprintf("transform(%s, %s = as.numeric(%s == %s))", data_text, outcome, outcome, json_str(case$positive))
  }
  glm_call <- sprintf("glm(%s, family = binomial, data = %s)", formula_text, data_text)
  lm_call <- sprintf("lm(%s, data = %s)", formula_text, data_text)

  g <- glm(fo, family = binomial, data = d)
  stopifnot(g$converged, !g$boundary, !anyNA(coef(g)))
  gs <- coef(summary(g))

  l <- lm(fo, data = d)
  stopifnot(!anyNA(coef(l)))
  ls <- summary(l)
  lc <- coef(ls)
  f <- fitted(l)

  logistic <- list(
    terms = json_str_array(logitlab_terms(rownames(gs))),
    estimate = json_num_array(gs[, "Estimate"]),
    stdError = json_num_array(gs[, "Std. Error"]),
    z = json_num_array(gs[, "z value"]),
    p = json_num_array(gs[, "Pr(>|z|)"]),
    nullDeviance = json_num(g$null.deviance),
    deviance = json_num(g$deviance),
    dfNull = json_int(g$df.null),
    dfResidual = json_int(g$df.residual),
    aic = json_num(g$aic),
    logLik = json_num(as.numeric(logLik(g))),
    iterations = json_int(g$iter)
  )
  linear <- list(
    terms = json_str_array(logitlab_terms(rownames(lc))),
    estimate = json_num_array(lc[, "Estimate"]),
    stdError = json_num_array(lc[, "Std. Error"]),
    t = json_num_array(lc[, "t value"]),
    p = json_num_array(lc[, "Pr(>|t|)"]),
    rSquared = json_num(ls$r.squared),
    fittedMin = json_num(min(f)),
    fittedMax = json_num(max(f)),
    below = json_int(sum(f < 0)),
    above = json_int(sum(f > 1))
  )
  provenance <- list(
    source = json_str("R"),
    version = json_str(R.version.string),
    glmCall = json_str(glm_call),
    lmCall = json_str(lm_call),
    script = json_str("scripts/golden.R"),
    tolerance = json_str(tolerance)
  )
  factors <- if (length(case$factors) == 0) {
    "{}"
  } else {
    paste0("{", paste(paste0(vapply(case$factors, json_str, ""), ": null"), collapse = ", "), "}")
  }
  top <- list(
    provenance = json_object(provenance, 2),
    file = json_str(file),
    outcome = json_str(outcome),
    predictors = json_str_array(predictors),
    factors = factors
  )
  if (!is.null(case$positive)) top$positive <- json_str(case$positive)
  if (!is.null(case[["na"]])) {
    top$na <- json_str_array(case[["na"]])
    top$rowsUsed <- json_int(nobs(g))
  }
  top$logistic <- json_object(logistic, 2)
  top$linear <- json_object(linear, 2)
  path <- file.path(out_dir, sprintf("%s.json", case$name))
  con <- file(path, open = "wb")  # LF line endings on every platform
  writeLines(json_object(top, 0), con, sep = "\n", useBytes = TRUE)
  close(con)

  cat(sprintf("%-11s n=%3d  %s\n", case$name, nobs(g), glm_call))
  cat(sprintf("            logistic: %s  (iter %d, AIC %.4f)\n",
              paste(sprintf("%s=%.6g", logitlab_terms(rownames(gs)), gs[, 1]), collapse = " "),
              g$iter, g$aic))
  cat(sprintf("            linear:   %s  fitted in [%.4f, %.4f], %d below 0, %d above 1\n",
              paste(sprintf("%s=%.6g", logitlab_terms(rownames(lc)), lc[, 1]), collapse = " "),
              min(f), max(f), sum(f < 0), sum(f > 1)))
  invisible(path)
}

cat(R.version.string, "\n")
for (case in cases) golden_case(case)
