# Reference values for prior weights and grouped binomial data, in the format of
# scripts/golden.R (plus "weights" / "trials" keys).
#
#   Rscript scripts/golden-weights.R    (run from the repository root; needs r-base-core)
#
# - data/dollhill.csv, grouped: glm(cbind(cases, n - cases) ~ cigs + inhaler, binomial) and the
#   linear probability model lm(cases / n ~ cigs + inhaler, weights = n), which has the same
#   coefficients as OLS on the 1,421 individual 0/1 rows.
# - src/test/resources/weights/exam-weighted.csv, prior weights: glm(pass ~ hours, binomial,
#   weights = w) and lm(pass ~ hours, weights = w).
options(warn = 2)
if (!file.exists("scripts/golden-weights.R")) stop("run from the repository root")
num <- function(x) sprintf("%.17g", x)
arr <- function(x) paste0("[", paste(num(x), collapse = ", "), "]")
str <- function(s) paste0("\"", gsub("\"", "\\\\\"", s), "\"")
sarr <- function(x) paste0("[", paste(str(x), collapse = ", "), "]")

write_case <- function(path, file, outcome, predictors, g, l, glmCall, lmCall, weights, trials) {
  sg <- coef(summary(g)); sl <- summary(l); cl <- coef(sl)
  f <- fitted(l)
  lines <- c("{",
    "  \"provenance\": {",
    paste0("    \"source\": \"R\", \"version\": ", str(R.version.string), ","),
    paste0("    \"glmCall\": ", str(glmCall), ","),
    paste0("    \"lmCall\": ", str(lmCall), ","),
    "    \"script\": \"scripts/golden-weights.R\",",
    "    \"tolerance\": \"coefficients 1e-6 relative, standard errors 1e-4 relative\"",
    "  },",
    paste0("  \"file\": ", str(file), ","),
    paste0("  \"outcome\": ", str(outcome), ","),
    paste0("  \"predictors\": ", sarr(predictors), ","),
    "  \"factors\": {},",
    paste0("  \"weights\": ", if (is.null(weights)) "null" else str(weights), ","),
    paste0("  \"trials\": ", if (is.null(trials)) "null" else str(trials), ","),
    "  \"logistic\": {",
    paste0("    \"terms\": ", sarr(rownames(sg)), ","),
    paste0("    \"estimate\": ", arr(sg[, 1]), ","),
    paste0("    \"stdError\": ", arr(sg[, 2]), ","),
    paste0("    \"z\": ", arr(sg[, 3]), ","),
    paste0("    \"p\": ", arr(sg[, 4]), ","),
    paste0("    \"nullDeviance\": ", num(g$null.deviance), ","),
    paste0("    \"deviance\": ", num(g$deviance), ","),
    paste0("    \"dfNull\": ", g$df.null, ","),
    paste0("    \"dfResidual\": ", g$df.residual, ","),
    paste0("    \"aic\": ", num(AIC(g)), ","),
    paste0("    \"bic\": ", num(BIC(g)), ","),
    paste0("    \"logLik\": ", num(as.numeric(logLik(g))), ","),
    paste0("    \"iterations\": ", g$iter),
    "  },",
    "  \"linear\": {",
    paste0("    \"terms\": ", sarr(rownames(cl)), ","),
    paste0("    \"estimate\": ", arr(cl[, 1]), ","),
    paste0("    \"stdError\": ", arr(cl[, 2]), ","),
    paste0("    \"t\": ", arr(cl[, 3]), ","),
    paste0("    \"p\": ", arr(cl[, 4]), ","),
    paste0("    \"rSquared\": ", num(sl$r.squared), ","),
    paste0("    \"fittedMin\": ", num(min(f)), ","),
    paste0("    \"fittedMax\": ", num(max(f)), ","),
    paste0("    \"below\": ", sum(f < 0), ","),
    paste0("    \"above\": ", sum(f > 1)),
    "  }",
    "}")
  writeLines(lines, path)
  cat("wrote", path, "\n")
}

d <- read.csv("data/dollhill.csv")
g <- glm(cbind(cases, n - cases) ~ cigs + inhaler, family = binomial, data = d)
l <- lm(cases / n ~ cigs + inhaler, weights = n, data = d)
write_case("src/test/resources/golden/fits/weights-dollhill.json", "data/dollhill.csv", "cases",
           c("cigs", "inhaler"), g, l,
           "glm(cbind(cases, n - cases) ~ cigs + inhaler, family = binomial, data = read.csv(\"data/dollhill.csv\"))",
           "lm(cases / n ~ cigs + inhaler, weights = n, data = read.csv(\"data/dollhill.csv\"))", NULL, "n")

e <- read.csv("src/test/resources/weights/exam-weighted.csv")
g <- glm(pass ~ hours, family = binomial, weights = w, data = e)
l <- lm(pass ~ hours, weights = w, data = e)
write_case("src/test/resources/golden/fits/weights-exam.json", "src/test/resources/weights/exam-weighted.csv",
           "pass", c("hours"), g, l,
           "glm(pass ~ hours, family = binomial, weights = w, data = read.csv(\"src/test/resources/weights/exam-weighted.csv\"))",
           "lm(pass ~ hours, weights = w, data = ...)", "w", NULL)
