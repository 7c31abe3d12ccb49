# A hand check in R of the average discrete changes in src/test/resources/golden/margeff/*.json
# (written by scripts/golden_margeff.py from statsmodels): for each level of a factor, every row
# set to that level minus every row set to the reference level, averaged over the individuals
# (prior weights and trials weight the rows), with its delta-method standard error.
#
#   Rscript scripts/margeff-check.R     (run from the repository root; needs only r-base-core)
#
# Prints term, estimate and standard error, and stops (exit 1) unless they agree with the JSON files
# to 1e-10 (estimates) and 1e-7 (standard errors), relative. R 4.2.2 agreed to 3e-14 and 1.1e-8.
# scripts/golden.sh runs it after scripts/golden_margeff.py.
options(digits = 15)
# converged to rounding, as statsmodels is: at glm's default epsilon (1e-8) its vcov comes from the
# weights of the last-but-one iteration and differs from the converged one by up to 1e-4
tight <- glm.control(epsilon = 1e-14, maxit = 100)
if (!file.exists("scripts/margeff-check.R")) stop("run from the repository root")

discrete_changes <- function(g, data, factor, w) {
  b <- coef(g); V <- vcov(g); tt <- delete.response(terms(g))
  at <- function(level) {
    d <- data
    d[[factor]] <- factor(level, levels = levels(data[[factor]]))
    model.matrix(tt, d)
  }
  X0 <- at(levels(data[[factor]])[1])
  out <- NULL
  for (level in levels(data[[factor]])[-1]) {
    X1 <- at(level)
    p1 <- plogis(drop(X1 %*% b)); p0 <- plogis(drop(X0 %*% b))
    est <- sum(w * (p1 - p0)) / sum(w)
    J <- colSums(w * (p1 * (1 - p1) * X1 - p0 * (1 - p0) * X0)) / sum(w)
    out <- rbind(out, data.frame(term = paste0(factor, level), estimate = est,
                                 se = sqrt(drop(t(J) %*% V %*% J))))
  }
  out
}

# one array of a JSON file written by json.dump(indent=2): "key": [ ... ]
json_array <- function(path, key) {
  text <- paste(readLines(path), collapse = "\n")
  body <- regmatches(text, regexpr(paste0('"', key, '": \\[[^]]*\\]'), text))
  items <- trimws(strsplit(sub("^[^[]*\\[", "", sub("\\]$", "", body)), ",")[[1]])
  gsub('^"|"$', "", items)
}

check <- function(name, got) {
  path <- paste0("src/test/resources/golden/margeff/", name, ".json")
  terms <- json_array(path, "terms")
  k <- match(got$term, terms)
  est <- as.numeric(json_array(path, "estimate"))[k]
  se <- as.numeric(json_array(path, "stdError"))[k]
  de <- max(abs(got$estimate - est) / abs(est)); ds <- max(abs(got$se - se) / se)
  cat(sprintf("%s: largest relative difference from the JSON file %.2g (estimates), %.2g (SEs)\n", name, de, ds))
  if (!(de < 1e-10 && ds < 1e-7)) stop("R and statsmodels disagree on ", name)
}

cat(R.version.string, "\n")
a <- read.csv("data/admissions.csv"); a$rank <- factor(a$rank)
g <- glm(admit ~ gre + gpa + rank, family = binomial, data = a, control = tight)
r <- discrete_changes(g, a, "rank", rep(1, nrow(a))); print(r); check("admissions", r)

aw <- read.csv("src/test/resources/weights/admissions-weighted.csv")
aw$rank <- relevel(factor(aw$rank), ref = "2")
g <- glm(admit ~ gre + gpa + rank, family = binomial, data = aw, weights = w, control = tight)
r <- discrete_changes(g, aw, "rank", aw$w); print(r); check("admissions-weighted", r)

u <- read.csv("data/uptake.csv"); u$urban <- factor(u$urban); u$graduate <- factor(u$graduate)
g <- glm(adopted ~ year + urban + graduate, family = binomial, data = u, control = tight)
r <- rbind(discrete_changes(g, u, "urban", rep(1, nrow(u))), discrete_changes(g, u, "graduate", rep(1, nrow(u))))
print(r); check("uptake-factors", r)

h <- read.csv("data/dollhill.csv"); h$group <- factor(h$group); h$inhaler <- factor(h$inhaler)
g <- glm(cbind(cases, n - cases) ~ group + inhaler, family = binomial, data = h, control = tight)
r <- rbind(discrete_changes(g, h, "group", h$n), discrete_changes(g, h, "inhaler", h$n)); print(r)
check("dollhill-factors", r)
