# Reference values for reading other people's CSV files (issue 9): R's own readers on the files
# a European spreadsheet writes, and R's "" levels.
#
#   Rscript scripts/golden-csv.R        (run from the repository root)
#
# Writes the test files into src/test/resources/csv/ and the golden values into
# src/test/resources/golden/csv/<case>.json; ForeignCsvGoldenTest compares logitlab with them.
#
#   admissions-eu        data/admissions.csv as R's write.csv2 writes it (";" between fields,
#                        decimal comma), read back with read.csv2: logitlab --decimal ,
#   admissions-excel-fr  the same with the rank as French labels ("1ère", ...), in windows-1252
#                        with CRLF line ends and Excel's first line "sep=;": read.csv2(skip = 1,
#                        fileEncoding = "windows-1252"); logitlab --decimal , --encoding windows-1252
#   empty-region         a text column with "" in a quarter of the rows: read.csv keeps "" as a
#                        level (sorted first, so the reference): logitlab --empty-level
#   empty-region-na      the same file read with na.strings = c("NA", ""): the rows are dropped,
#                        logitlab's default
#
# The first two must give exactly the coefficients of data/admissions.csv read with read.csv
# (checked here with identical()), so a decimal comma or an encoding changes no number.
# Needs only base R (tested with R 4.2.2).

options(warn = 2)

if (!file.exists("data") || !file.exists("scripts/golden-csv.R")) {
  stop("run from the repository root: Rscript scripts/golden-csv.R")
}

csv_dir <- "src/test/resources/csv"
out_dir <- "src/test/resources/golden/csv"
dir.create(csv_dir, recursive = TRUE, showWarnings = FALSE)
dir.create(out_dir, recursive = TRUE, showWarnings = FALSE)

tolerance <- "coefficients 1e-6 relative, standard errors 1e-4 relative, deviance 1e-8 relative"

json_str <- function(s) {
  s <- gsub("\\", "\\\\", s, fixed = TRUE)
  s <- gsub("\"", "\\\"", s, fixed = TRUE)
  paste0("\"", s, "\"")
}
json_num <- function(x) {
  stopifnot(length(x) == 1, is.finite(x))
  sprintf("%.17g", x)
}
json_int <- function(x) sprintf("%d", as.integer(x))
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

# "factor(rank)2" -> "rank2"; R names the dummies of a character column column + level already.
logitlab_terms <- function(terms) sub("^factor\\(([^)]+)\\)", "\\1", terms)

write_case <- function(name, file, read_call, formula_text, d, options, outcome, predictors, factors) {
  fo <- as.formula(formula_text)
  g <- glm(fo, family = binomial, data = d)
  stopifnot(g$converged, !anyNA(coef(g)))
  gs <- coef(summary(g))
  l <- lm(fo, data = d)
  lc <- coef(summary(l))
  logistic <- list(
    terms = json_str_array(logitlab_terms(rownames(gs))),
    estimate = json_num_array(gs[, "Estimate"]),
    stdError = json_num_array(gs[, "Std. Error"]),
    deviance = json_num(g$deviance),
    nullDeviance = json_num(g$null.deviance),
    rowsUsed = json_int(nobs(g))
  )
  linear <- list(
    terms = json_str_array(logitlab_terms(rownames(lc))),
    estimate = json_num_array(lc[, "Estimate"]),
    stdError = json_num_array(lc[, "Std. Error"])
  )
  provenance <- list(
    source = json_str("R"),
    version = json_str(R.version.string),
    read = json_str(read_call),
    glmCall = json_str(sprintf("glm(%s, family = binomial, data = d)", formula_text)),
    lmCall = json_str(sprintf("lm(%s, data = d)", formula_text)),
    script = json_str("scripts/golden-csv.R"),
    tolerance = json_str(tolerance)
  )
  fac <- if (length(factors) == 0) "{}" else
    paste0("{", paste(paste0(vapply(factors, json_str, ""), ": null"), collapse = ", "), "}")
  top <- list(
    provenance = json_object(provenance, 2),
    file = json_str(file),
    options = json_object(options, 2),
    outcome = json_str(outcome),
    predictors = json_str_array(predictors),
    factors = fac,
    logistic = json_object(logistic, 2),
    linear = json_object(linear, 2)
  )
  path <- file.path(out_dir, sprintf("%s.json", name))
  con <- file(path, open = "wb")
  writeLines(json_object(top, 0), con, sep = "\n", useBytes = TRUE)
  close(con)
  cat(sprintf("%-20s %s\n  %s\n", name, read_call,
              paste(sprintf("%s=%.6g", logitlab_terms(rownames(gs)), gs[, 1]), collapse = " ")))
  invisible(g)
}

cat(R.version.string, "\n")
adm <- read.csv("data/admissions.csv")
reference <- coef(glm(admit ~ gre + gpa + factor(rank), family = binomial, data = adm))

# ---- a decimal comma: R's write.csv2 / read.csv2 --------------------------------------------
eu <- file.path(csv_dir, "admissions-eu.csv")
write.csv2(adm, eu, row.names = FALSE)
d <- read.csv2(eu)
g <- write_case("admissions-eu", eu, sprintf("read.csv2(%s)", json_str(eu)),
                "admit ~ gre + gpa + factor(rank)", d,
                list(decimal = json_str(","), delimiter = json_str(";"), encoding = json_str("UTF-8"),
                     emptyLevel = "false"),
                "admit", c("gre", "gpa", "rank"), "rank")
stopifnot(identical(unname(coef(g)), unname(reference)))

# ---- Excel in France: windows-1252, CRLF, "sep=;", French labels -----------------------------
fr <- file.path(csv_dir, "admissions-excel-fr.csv")
labels <- c("1\u00e8re", "2\u00e8me", "3\u00e8me", "4\u00e8me")
adm_fr <- data.frame(admit = adm$admit, gre = adm$gre, gpa = adm$gpa, rang = labels[adm$rank])
tmp <- tempfile(fileext = ".csv")
write.csv2(adm_fr, tmp, row.names = FALSE, fileEncoding = "windows-1252", eol = "\r\n")
con <- file(fr, open = "wb")
writeBin(c(charToRaw("sep=;\r\n"), readBin(tmp, "raw", file.info(tmp)$size)), con)
close(con)
d <- read.csv2(fr, skip = 1, fileEncoding = "windows-1252")
stopifnot(identical(sort(unique(d$rang)), labels))
g <- write_case("admissions-excel-fr", fr,
                sprintf("read.csv2(%s, skip = 1, fileEncoding = \"windows-1252\")", json_str(fr)),
                "admit ~ gre + gpa + rang", d,
                list(decimal = json_str(","), delimiter = json_str(";"), encoding = json_str("windows-1252"),
                     emptyLevel = "false"),
                "admit", c("gre", "gpa", "rang"), character(0))
stopifnot(identical(unname(coef(g)), unname(reference)))

# ---- "" as a level (read.csv) or as missing (na.strings) ------------------------------------
set.seed(20261127)
n <- 160
x <- round(rnorm(n), 3)
region <- sample(c("", "north", "south", "west"), n, replace = TRUE)
effect <- c(0.9, -0.4, 0.3, 0.0)[match(region, c("", "north", "south", "west"))]
y <- rbinom(n, 1, plogis(-0.2 + 0.8 * x + effect))
er <- file.path(csv_dir, "empty-region.csv")
write.csv(data.frame(x = x, region = region, y = y), er, row.names = FALSE)

d <- read.csv(er)
stopifnot(sum(d$region == "") > 0.05 * n, identical(levels(factor(d$region))[1], ""))
write_case("empty-region", er, sprintf("read.csv(%s)", json_str(er)), "y ~ x + region", d,
           list(decimal = json_str("."), delimiter = json_str(","), encoding = json_str("UTF-8"),
                emptyLevel = "true"),
           "y", c("x", "region"), character(0))
d <- read.csv(er, na.strings = c("NA", ""))
write_case("empty-region-na", er, sprintf("read.csv(%s, na.strings = c(\"NA\", \"\"))", json_str(er)),
           "y ~ x + region", d,
           list(decimal = json_str("."), delimiter = json_str(","), encoding = json_str("UTF-8"),
                emptyLevel = "false"),
           "y", c("x", "region"), character(0))
