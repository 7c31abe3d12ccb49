# A hand check in R of the average discrete changes in src/test/resources/golden/margeff-*.json
# (written by scripts/golden_margeff.py from statsmodels): for each level of a factor, every row
# set to that level minus every row set to the reference level, averaged over the individuals
# (prior weights and trials weight the rows), with its delta-method standard error.
#
#   Rscript scripts/margeff-check.R     (run from the repository root; needs only r-base-core)
#
# Prints term, estimate and standard error. R 4.2.2 agreed with the JSON files to 3e-14 (estimates)
# and 1.1e-8 (standard errors), relative.
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

cat(R.version.string, "\n")
a <- read.csv("data/admissions.csv"); a$rank <- factor(a$rank)
g <- glm(admit ~ gre + gpa + rank, family = binomial, data = a, control = tight)
print(discrete_changes(g, a, "rank", rep(1, nrow(a))))

aw <- read.csv("src/test/resources/weights/admissions-weighted.csv")
aw$rank <- relevel(factor(aw$rank), ref = "2")
g <- glm(admit ~ gre + gpa + rank, family = binomial, data = aw, weights = w, control = tight)
print(discrete_changes(g, aw, "rank", aw$w))

u <- read.csv("data/uptake.csv"); u$urban <- factor(u$urban); u$graduate <- factor(u$graduate)
g <- glm(adopted ~ year + urban + graduate, family = binomial, data = u, control = tight)
print(rbind(discrete_changes(g, u, "urban", rep(1, nrow(u))), discrete_changes(g, u, "graduate", rep(1, nrow(u)))))

h <- read.csv("data/dollhill.csv"); h$group <- factor(h$group); h$inhaler <- factor(h$inhaler)
g <- glm(cbind(cases, n - cases) ~ group + inhaler, family = binomial, data = h, control = tight)
print(rbind(discrete_changes(g, h, "group", h$n), discrete_changes(g, h, "inhaler", h$n)))
