# Reference ("golden") values for `logitlab predict`: the probabilities R's predict() gives for
# new rows from the three models predict scores with (the neuron is the GLM and has no R twin).
#
#   Rscript scripts/golden-predict.R      (run from the repository root)
#
# Needs R (tested with R 4.2.2) and brglm2 (Debian: r-cran-brglm2).
#
# Writes src/test/resources/golden/predict/<name>.json for each case below:
#   linear    predict(lm(y ~ ...), newdata)                            (p_linear)
#   logistic  predict(glm(y ~ ..., binomial), newdata, type = "response")  (p_logistic)
#   firth     predict(glm(y ~ ..., binomial, method = "brglmFit", type = "AS_mean",
#                         epsilon = 1e-12, maxit = 1000), newdata, type = "response")  (p_firth)
# with the rows of src/test/resources/predict/<name>-points.csv as newdata; factors are
# treatment-coded with the training data's sorted levels, the first the reference (as logitlab).
# Tolerance (PredictCommandTest): 1e-6 absolute on each probability.

options(warn = 1)
suppressPackageStartupMessages(library(brglm2))

if (!file.exists("data") || !file.exists("scripts/golden-predict.R")) {
  stop("run from the repository root: Rscript scripts/golden-predict.R")
}
version <- sprintf("%s; brglm2 %s", R.version.string, packageVersion("brglm2"))

json_str <- function(s) paste0("\"", gsub("\"", "\\\"", gsub("\\", "\\\\", s, fixed = TRUE), fixed = TRUE), "\"")
json_num <- function(x) { stopifnot(length(x) == 1, is.finite(x)); sprintf("%.17g", x) }
json_nums <- function(x) paste0("[", paste(vapply(x, json_num, ""), collapse = ", "), "]")
json_strs <- function(x) if (length(x) == 0) "[]" else paste0("[", paste(vapply(x, json_str, ""), collapse = ", "), "]")

golden <- function(name, train, factors = character()) {
  points <- sprintf("src/test/resources/predict/%s-points.csv", name)
  d <- read.csv(train, check.names = FALSE)
  new <- read.csv(points, check.names = FALSE)
  outcome <- names(d)[ncol(d)]
  predictors <- names(d)[-ncol(d)]
  for (f in factors) {
    d[[f]] <- factor(d[[f]])
    new[[f]] <- factor(new[[f]], levels = levels(d[[f]]))
  }
  fo <- as.formula(sprintf("%s ~ %s", outcome, paste(sprintf("`%s`", predictors), collapse = " + ")))
  calls <- sprintf("lm(%1$s, data); glm(%1$s, binomial, data); glm(%1$s, binomial(\"logit\"), data, method = \"brglmFit\", type = \"AS_mean\", epsilon = 1e-12, maxit = 1000); data = read.csv(\"%2$s\")%3$s, newdata = read.csv(\"%4$s\")",
                   deparse(fo), train,
                   if (length(factors)) sprintf(" with factor(%s)", paste(factors, collapse = ", ")) else "",
                   points)
  lin <- predict(lm(fo, data = d), newdata = new)
  lgt <- suppressWarnings(predict(glm(fo, family = binomial, data = d), newdata = new, type = "response"))
  fir <- predict(glm(fo, family = binomial("logit"), data = d, method = "brglmFit", type = "AS_mean",
                     epsilon = 1e-12, maxit = 1000), newdata = new, type = "response")
  out <- c(
    "{",
    "  \"provenance\": {",
    sprintf("    \"source\": \"R\", \"version\": %s,", json_str(version)),
    sprintf("    \"calls\": %s,", json_str(calls)),
    "    \"script\": \"scripts/golden-predict.R\", \"tolerance\": \"1e-6 absolute on each probability\"",
    "  },",
    sprintf("  \"train\": %s, \"input\": %s, \"factors\": %s,", json_str(train), json_str(points), json_strs(factors)),
    sprintf("  \"linear\": %s,", json_nums(unname(lin))),
    sprintf("  \"logistic\": %s,", json_nums(unname(lgt))),
    sprintf("  \"firth\": %s", json_nums(unname(fir))),
    "}")
  path <- sprintf("src/test/resources/golden/predict/%s.json", name)
  con <- file(path, open = "wb")
  writeLines(out, con, sep = "\n", useBytes = TRUE)
  close(con)
  cat("wrote", path, "\n")
}

golden("smoking", "data/smoking.csv")
golden("separated", "data/separated.csv")
golden("admissions", "data/admissions.csv", factors = "rank")
