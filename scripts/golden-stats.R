# Reference values for logitlab's inference beyond summary(glm): confidence intervals (Wald and
# profile likelihood), BIC, McFadden R^2, the likelihood-ratio test, HC0-HC3 robust standard
# errors of the linear model (sandwich::vcovHC), adjusted R^2 and the F test, and R's alias().
#
#   Rscript scripts/golden-stats.R      (run from the repository root)
#
# Needs: apt-get install r-base-core r-cran-mass r-cran-sandwich
# Writes src/test/resources/golden/stats/<name>.json (and stats/alias-trap.json).
#
# Profile intervals: MASS::confint.glm interpolates the profile with a spline, so its ends are
# accurate to about 1e-4. We also solve the profile equation exactly,
#   dev_j(b) - dev = qchisq(0.95, 1),  dev_j(b) = deviance of glm(y ~ X[, -j], offset = b x_j),
# by uniroot (tol 1e-12), and record both: logitlab is checked against the exact roots at 1e-6
# and against MASS at 1e-3.

suppressPackageStartupMessages({ library(MASS); library(sandwich) })
options(warn = 2)
if (!file.exists("scripts/golden-stats.R")) stop("run from the repository root")
out_dir <- "src/test/resources/golden/stats"

num <- function(x) ifelse(is.na(x), "null", sprintf("%.17g", x))
arr <- function(x) paste0("[", paste(num(x), collapse = ", "), "]")
str <- function(s) paste0("\"", gsub("\"", "\\\\\"", s), "\"")
sarr <- function(x) if (length(x) == 0) "[]" else paste0("[", paste(str(x), collapse = ", "), "]")

exact_profile <- function(fit, X, y, j, level = 0.95) {
  crit <- qchisq(level, 1)
  b <- coef(fit)[j]; se <- sqrt(diag(vcov(fit)))[j]
  Xo <- X[, -j, drop = FALSE]
  f <- function(v) {
    m <- suppressWarnings(glm.fit(Xo, y, family = binomial(), offset = v * X[, j],
                 control = glm.control(epsilon = 1e-12, maxit = 100)))
    m$deviance - fit$deviance - crit
  }
  lo <- uniroot(f, c(b - 10 * se, b), tol = 1e-12)$root
  hi <- uniroot(f, c(b, b + 10 * se), tol = 1e-12)$root
  c(lo, hi)
}

# A case may read its file with extra missing-value markers (na: logitlab's --na, read.csv's
# na.strings with "NA" and "") and code a text outcome as outcome == positive (--positive); the
# JSON then records outcome, predictors, positive and na for the test to load the file the same way.
cases <- list(
  list(name = "survey", formula = smoker ~ age + sex + region,
       terms = c("(Intercept)", "age", "sexmale", "regionnorth", "regionsouth", "regionwest"), factors = "{}",
       outcome = "smoker", predictors = c("age", "sex", "region"), positive = "yes", na = "n/a"),
  list(name = "challenger", formula = damage ~ temp, terms = c("(Intercept)", "temp"), factors = "{}"),
  list(name = "admissions", formula = admit ~ gre + gpa + factor(rank),
       terms = c("(Intercept)", "gre", "gpa", "rank2", "rank3", "rank4"), factors = "{\"rank\": null}")
)

for (cs in cases) {
  d <- read.csv(file.path("data", paste0(cs$name, ".csv")), na.strings = c("NA", "", cs[["na"]]))
  if (!is.null(cs$positive)) d[[cs$outcome]] <- as.numeric(d[[cs$outcome]] == cs$positive)
  if (!is.null(cs[["na"]])) d <- d[complete.cases(d[c(cs$outcome, cs$predictors)]), ]  # glm's na.omit, once for all fits
  fit <- glm(cs$formula, family = binomial, data = d, control = glm.control(epsilon = 1e-12, maxit = 100))
  X <- model.matrix(fit); y <- fit$y
  wald <- confint.default(fit)
  mass <- suppressMessages(confint(fit))
  exact <- t(sapply(seq_len(ncol(X)), function(j) exact_profile(fit, X, y, j)))
  null <- glm(update(cs$formula, . ~ 1), family = binomial, data = d)
  ll <- as.numeric(logLik(fit)); ll0 <- as.numeric(logLik(null))
  lrstat <- 2 * (ll - ll0); lrdf <- length(coef(fit)) - 1
  lmfit <- lm(cs$formula, data = d); s <- summary(lmfit)
  hc <- lapply(c("HC0", "HC1", "HC2", "HC3"), function(t) sqrt(diag(vcovHC(lmfit, type = t))))
  fs <- s$fstatistic
  lines <- c(
    "{",
    "  \"provenance\": {",
    paste0("    \"source\": \"R\", \"version\": ", str(R.version.string), ","),
    paste0("    \"packages\": ", str(paste0("MASS ", packageVersion("MASS"), ", sandwich ", packageVersion("sandwich"))), ","),
    paste0("    \"glmCall\": ", str(paste0(deparse(cs$formula), " via glm(family = binomial, control = glm.control(epsilon = 1e-12))")), ","),
    if (!is.null(cs[["na"]])) paste0("    \"data\": ", str(sprintf(
      "read.csv(\"data/%s.csv\", na.strings = c(%s)); %s = as.numeric(%s == \"%s\"); rows missing a used column dropped (na.omit) before every fit",
      cs$name, paste0("\"", c("NA", "", cs[["na"]]), "\"", collapse = ", "), cs$outcome, cs$outcome, cs$positive)), ","),
    "    \"wald\": \"confint.default(fit)\", \"mass\": \"MASS::confint(fit) (spline-interpolated profile)\",",
    "    \"exactProfile\": \"uniroot on deviance(glm.fit(X[,-j], y, offset = b x_j)) - deviance - qchisq(0.95, 1), tol 1e-12\",",
    "    \"robust\": \"sqrt(diag(sandwich::vcovHC(lm(...), type)))\",",
    "    \"script\": \"scripts/golden-stats.R\",",
    "    \"tolerance\": \"intervals vs exact profile 1e-6 relative, vs MASS 1e-3; Wald 1e-6; robust SE 1e-6; statistics 1e-8\"",
    "  },",
    paste0("  \"file\": ", str(paste0("data/", cs$name, ".csv")), ","),
    paste0("  \"factors\": ", cs$factors, ","),
    if (!is.null(cs$outcome)) paste0("  \"outcome\": ", str(cs$outcome), ", \"predictors\": ", sarr(cs$predictors), ","),
    if (!is.null(cs$positive)) paste0("  \"positive\": ", str(cs$positive), ","),
    if (!is.null(cs[["na"]])) paste0("  \"na\": ", sarr(cs[["na"]]), ", \"rowsUsed\": ", nrow(d), ","),
    paste0("  \"terms\": ", sarr(cs$terms), ","),
    paste0("  \"waldLow\": ", arr(wald[, 1]), ", \"waldHigh\": ", arr(wald[, 2]), ","),
    paste0("  \"profileLow\": ", arr(exact[, 1]), ", \"profileHigh\": ", arr(exact[, 2]), ","),
    paste0("  \"massLow\": ", arr(mass[, 1]), ", \"massHigh\": ", arr(mass[, 2]), ","),
    paste0("  \"bic\": ", num(BIC(fit)), ", \"logLik\": ", num(ll), ", \"logLikNull\": ", num(ll0), ","),
    paste0("  \"pseudoR2\": ", num(1 - ll / ll0), ","),
    paste0("  \"lrStatistic\": ", num(lrstat), ", \"lrDf\": ", lrdf, ", \"lrP\": ", num(pchisq(lrstat, lrdf, lower.tail = FALSE)), ","),
    paste0("  \"hc0\": ", arr(hc[[1]]), ", \"hc1\": ", arr(hc[[2]]), ","),
    paste0("  \"hc2\": ", arr(hc[[3]]), ", \"hc3\": ", arr(hc[[4]]), ","),
    paste0("  \"adjRSquared\": ", num(s$adj.r.squared), ", \"sigma\": ", num(s$sigma), ","),
    paste0("  \"fStatistic\": ", num(fs[1]), ", \"fDf1\": ", fs[2], ", \"fDf2\": ", fs[3], ", \"fP\": ",
           num(pf(fs[1], fs[2], fs[3], lower.tail = FALSE))),
    "}")
  writeLines(lines, file.path(out_dir, paste0(cs$name, ".json")))
  cat("wrote", file.path(out_dir, paste0(cs$name, ".json")), "\n")
}

# A dummy-variable trap: all three levels of a factor plus the intercept. R's alias() says the
# last dummy is (Intercept) - the other two.
d <- read.csv("data/admissions.csv")
d$r1 <- as.numeric(d$rank == 1); d$r2 <- as.numeric(d$rank == 2)
d$r3 <- as.numeric(d$rank == 3); d$r4 <- as.numeric(d$rank == 4)
fit <- glm(admit ~ gre + gpa + r2 + r3 + r4 + r1, family = binomial, data = d)
al <- alias(fit)$Complete
with <- colnames(al)[abs(al[1, ]) > 1e-8]
writeLines(c("{",
  paste0("  \"provenance\": {\"source\": \"R\", \"version\": ", str(R.version.string),
         ", \"call\": \"glm(admit ~ gre + gpa + r2 + r3 + r4 + r1, binomial) on data/admissions.csv with r1..r4 = rank dummies; alias(fit)$Complete\"},"),
  paste0("  \"terms\": ", sarr(names(coef(fit))), ","),
  paste0("  \"estimate\": ", arr(coef(fit)), ","),
  paste0("  \"aliased\": ", str(rownames(al)), ","),
  paste0("  \"collinearWith\": ", sarr(with), ","),
  paste0("  \"aic\": ", num(AIC(fit))),
  "}"), file.path(out_dir, "alias-trap.json"))
cat("wrote", file.path(out_dir, "alias-trap.json"), "\n")
