# Reference values for the rare paths of the logistic fits (issue 11): data on which each of them
# really happens, with what R does there.
#
#   Rscript scripts/golden-rare-paths.R     (run from the repository root; needs r-base-core, and
#                                            r-cran-brglm2 for the Firth case)
#
# Writes src/test/resources/rare/*.csv (the data sets that go through the CSV loader) and
# src/test/resources/golden/rare/*.json (read by src/test/java/logitlab/fit/IrlsRarePathsTest.java
# and FirthRarePathsTest.java).
#
#   step-halving        glm()'s deviance rises at iteration 4 (11.86 -> 22.56) and, without step
#                       halving, it ends "converged" at deviance 360 with coefficients of 1e15.
#                       The maximum-likelihood estimate (deviance 9.54) is what glm() finds from
#                       start = c(0, 0, 0); glm2's rule (halve while the deviance rises) finds it
#                       from glm's own start.
#   divergence-halving  the same design with proportions 0.01 / 0.99 and prior weights 1.2e307:
#                       the deviance overflows to Inf at iteration 3, and glm.fit halves the step
#                       ("step size truncated due to divergence"); glm2's rule then halves once
#                       more because the halved deviance is still above the last one.
#   non-finite-start    prior weights 1.9e307 (their sum is finite): the deviance after the first
#                       iteration is Inf, so glm() stops ("no valid set of coefficients has been
#                       found").
#   iteration-limit     data/spector.csv with glm.control(maxit = 3): not converged, and the
#                       coefficients after exactly 3 iterations.
#   link                binomial()$linkinv and $mu.eta at and beyond the clamp at +-30.
#   extreme-fitted      a fit whose probabilities are numerically 0 or 1 in 4 rows (eta beyond
#                       +-30, where binomial()$linkinv clamps) and not in two rows with |eta| = 29;
#                       one more far row has prior weight 0.
#   profile-separation  quasi-complete separation: the profile deviance of x never reaches the
#                       chi-squared bound above the estimate (an infinite upper end).
#   firth-far-start     Firth's estimates far from the start (beta = 0 but the intercept): x in
#                       thousandths, completely separated; the slope is 970, so Firth's capped
#                       steps need many iterations. brglm2::brglmFit(type = "AS_mean").
#
# glm2 (Marschner 2011, The R Journal 3(2), 12-15) is not in Debian, so its rule is written out
# below (irls_glm2) from the paper: glm.fit's iteration, plus, from the second iteration on, when
# (dev - devold) / (0.1 + |dev|) >= epsilon, beta := (beta + beta_old) / 2 while
# (dev - devold) / (0.1 + |dev|) > -epsilon, at most maxit times. It is checked here against
# glm()'s own answer from a good start (the estimates must agree to 1e-9).
#
# "Numerically 0 or 1" is glm.fit's test: mu > 1 - eps or mu < eps with eps = 10 * .Machine$double.eps.

options(warn = 1)
if (!file.exists("scripts/golden-rare-paths.R")) stop("run from the repository root")
csv_dir <- "src/test/resources/rare"
out_dir <- "src/test/resources/golden/rare"
dir.create(csv_dir, recursive = TRUE, showWarnings = FALSE)
dir.create(out_dir, recursive = TRUE, showWarnings = FALSE)

num <- function(x) ifelse(is.finite(x), sprintf("%.17g", x), "null")
arr <- function(x) paste0("[", paste(num(x), collapse = ", "), "]")
str <- function(s) paste0("\"", gsub("\"", "\\\\\"", gsub("\\", "\\\\", s, fixed = TRUE)), "\"")
int <- function(x) sprintf("%d", as.integer(x))
bool <- function(x) if (isTRUE(x)) "true" else "false"
obj <- function(fields, indent = 2) {
  pad <- strrep(" ", indent)
  paste0("{\n", paste0(pad, "  ", str(names(fields)), ": ", unlist(fields), collapse = ",\n"), "\n", pad, "}")
}
write_json <- function(name, fields) {
  path <- file.path(out_dir, paste0(name, ".json"))
  con <- file(path, open = "wb")
  writeLines(obj(fields, 0), con, sep = "\n", useBytes = TRUE)
  close(con)
  cat("wrote", path, "\n")
}
write_csv <- function(name, d) {
  path <- file.path(csv_dir, paste0(name, ".csv"))
  con <- file(path, open = "wb")
  write.table(d, con, sep = ",", row.names = FALSE, col.names = TRUE, quote = FALSE, eol = "\n")
  close(con)
  cat("wrote", path, "\n")
  path
}
provenance <- function(calls) obj(list(source = str("R"), version = str(R.version.string),
  calls = paste0("[", paste(str(calls), collapse = ", "), "]"),
  script = str("scripts/golden-rare-paths.R")), 2)

eps01 <- 10 * .Machine$double.eps
extreme <- function(mu) sum(mu > 1 - eps01 | mu < eps01)

# glm.fit's IRLS for the binomial family with glm2's step halving (see the header).
irls_glm2 <- function(X, y, a = rep(1, length(y)), maxit = 25, epsilon = 1e-8) {
  fam <- binomial()
  state <- function(b) {
    eta <- drop(X %*% b)
    mu <- fam$linkinv(eta)
    list(b = b, eta = eta, mu = mu, dev = sum(fam$dev.resids(y, mu, a)))
  }
  mu <- (a * y + 0.5) / (a + 1)
  s <- list(eta = fam$linkfun(mu), mu = mu)
  devold <- sum(fam$dev.resids(y, mu, a))
  old <- NULL
  halvings <- 0
  trace <- numeric(0)
  conv <- FALSE
  rel <- function(s) (s$dev - devold) / (0.1 + abs(s$dev))
  for (iter in 1:maxit) {
    good <- a > 0
    me <- fam$mu.eta(s$eta)
    z <- s$eta + (y - s$mu) / me
    w <- sqrt(a * me^2 / fam$variance(s$mu))
    b <- lm.fit(X[good, , drop = FALSE] * w[good], z[good] * w[good],
                tol = min(1e-7, epsilon / 1000))$coefficients
    b[is.na(b)] <- 0
    s <- state(b)
    if (!is.finite(s$dev)) {
      if (is.null(old)) stop("no valid set of coefficients has been found")
      k <- 0
      while (!is.finite(s$dev)) {
        if (k >= maxit) stop("cannot correct the step size")
        s <- state((s$b + old) / 2); k <- k + 1; halvings <- halvings + 1
      }
    }
    if (iter > 1 && rel(s) >= epsilon) {
      k <- 0
      while (rel(s) > -epsilon && k < maxit) {
        s <- state((s$b + old) / 2); k <- k + 1; halvings <- halvings + 1
      }
    }
    trace <- c(trace, s$dev)
    if (abs(s$dev - devold) / (0.1 + abs(s$dev)) < epsilon) { conv <- TRUE; break }
    devold <- s$dev
    old <- s$b
  }
  list(coefficients = s$b, deviance = s$dev, iter = iter, converged = conv, halvings = halvings,
       mu = s$mu, trace = trace)
}

# glm()'s deviance after each iteration (trace = TRUE prints only 7 digits: refit with maxit = k)
glm_trace <- function(fit_k, iters) vapply(iters, function(k) suppressWarnings(fit_k(k))$deviance, 0)

cat(R.version.string, "\n")

# ---- step-halving ---------------------------------------------------------------------------
d <- data.frame(
  x1 = c(-0.4, 159.5, 0.7, 1.5, -0.3, -0.2, 0.0, -25.3, 0.5, 1.2, -0.7, -5.4),
  x2 = c(-1.5, 0.7, 0.0, -0.4, 0.1, -1.5, 0.4, -10.6, 0.3, -87.8, 2.3, -1.8),
  y = c(0, 1, 0, 0, 1, 1, 1, 0, 1, 0, 1, 0))
file <- write_csv("step-halving", d)
X <- cbind(1, d$x1, d$x2)
plain <- suppressWarnings(glm(y ~ x1 + x2, family = binomial, data = d))
stopifnot(plain$converged, plain$deviance > 300)  # glm's IRLS ends far from the optimum
plain_trace <- glm_trace(function(k) glm(y ~ x1 + x2, family = binomial, data = d,
                                        control = glm.control(maxit = k)), 1:4)
stopifnot(plain_trace[4] > plain_trace[3])
good <- suppressWarnings(glm(y ~ x1 + x2, family = binomial, data = d, start = c(0, 0, 0)))
stopifnot(good$converged, good$deviance < 10)
g2 <- irls_glm2(X, d$y)
stopifnot(g2$converged, max(abs(g2$coefficients - coef(good))) < 1e-9, g2$halvings > 0)
gs <- coef(summary(good))
write_json("step-halving", list(
  provenance = provenance(c(
    "glm(y ~ x1 + x2, family = binomial, data = d)",
    "glm(y ~ x1 + x2, family = binomial, data = d, control = glm.control(maxit = k)), k = 1..4",
    "glm(y ~ x1 + x2, family = binomial, data = d, start = c(0, 0, 0))",
    "irls_glm2(cbind(1, d$x1, d$x2), d$y)")),
  file = str(file),
  plainGlm = obj(list(converged = bool(plain$converged), iterations = int(plain$iter),
    deviance = num(plain$deviance), estimate = arr(coef(plain)), deviancePerIteration = arr(plain_trace)), 2),
  reference = obj(list(call = str("glm(..., start = c(0, 0, 0))"), estimate = arr(gs[, 1]),
    stdError = arr(gs[, 2]), deviance = num(good$deviance), nullDeviance = num(good$null.deviance),
    extremeFitted = int(extreme(fitted(good)))), 2),
  glm2 = obj(list(converged = bool(g2$converged), iterations = int(g2$iter), halvings = int(g2$halvings),
    estimate = arr(g2$coefficients), deviancePerIteration = arr(g2$trace)), 2)))

# ---- divergence-halving ---------------------------------------------------------------------
yp <- 0.01 + 0.98 * d$y
a <- rep(1.2e307, nrow(d))
out <- capture.output(plain <- withCallingHandlers(glm.fit(X, yp, weights = a, family = binomial(),
  control = glm.control(trace = TRUE)), warning = function(w) {
    cat("warning:", conditionMessage(w), "\n"); invokeRestart("muffleWarning") }))
stopifnot(any(grepl("step size truncated due to divergence", out)), any(grepl("Deviance = Inf Iterations - 3", out)))
good <- suppressWarnings(glm.fit(X, yp, weights = a, family = binomial(), start = c(0, 0, 0)))
g2 <- irls_glm2(X, yp, a)
stopifnot(g2$converged, max(abs(g2$coefficients - good$coefficients)) < 1e-9)
write_json("divergence-halving", list(
  provenance = provenance(c(
    "glm.fit(X, y, weights = w, family = binomial(), control = glm.control(trace = TRUE))",
    "glm.fit(X, y, weights = w, family = binomial(), start = c(0, 0, 0))",
    "irls_glm2(X, y, w)")),
  x1 = arr(d$x1), x2 = arr(d$x2), y = arr(yp), weights = arr(a),
  plainGlmTrace = paste0("[", paste(str(out), collapse = ", "), "]"),
  reference = obj(list(estimate = arr(good$coefficients), deviance = num(good$deviance)), 2),
  glm2 = obj(list(converged = bool(g2$converged), iterations = int(g2$iter), halvings = int(g2$halvings),
    estimate = arr(g2$coefficients), deviance = num(g2$deviance)), 2)))

# ---- non-finite-start -----------------------------------------------------------------------
# Proportions near 0 and 1 that x cannot explain, prior weights 1.9e307: the weights sum to
# 1.52e308 (finite), but every fit's deviance is above 10 per unit weight, 2e308: Inf.
nf <- data.frame(x = 1:8, y = c(0.001, 0.999, 0.999, 0.001, 0.001, 0.999, 0.999, 0.001))
nf_w <- rep(1.9e307, 8)
stopifnot(is.finite(sum(nf_w)))
msg <- tryCatch({ suppressWarnings(glm(y ~ x, family = binomial, weights = nf_w, data = nf)); "no error" },
  error = function(e) conditionMessage(e))
stopifnot(grepl("no valid set of coefficients", msg))
write_json("non-finite-start", list(
  provenance = provenance("glm(y ~ x, family = binomial, weights = rep(1.9e307, 8), data = nf)"),
  x = arr(nf$x), y = arr(nf$y), weights = arr(nf_w), error = str(msg)))

# ---- iteration-limit ------------------------------------------------------------------------
sp <- read.csv("data/spector.csv")
fo <- GRADE ~ GPA + TUCE + PSI
lim <- suppressWarnings(glm(fo, family = binomial, data = sp, control = glm.control(maxit = 3)))
stopifnot(!lim$converged, lim$iter == 3)
prev <- suppressWarnings(glm(fo, family = binomial, data = sp, control = glm.control(maxit = 2)))
full <- glm(fo, family = binomial, data = sp)
write_json("iteration-limit", list(
  provenance = provenance(c(
    "glm(GRADE ~ GPA + TUCE + PSI, family = binomial, data = read.csv(\"data/spector.csv\"), control = glm.control(maxit = 3))",
    "the same with maxit = 2 (the deviance one iteration earlier) and with the default maxit = 25")),
  file = str("data/spector.csv"), maxIterations = int(3),
  converged = bool(lim$converged), iterations = int(lim$iter), estimate = arr(coef(lim)),
  deviance = num(lim$deviance), previousDeviance = num(prev$deviance),
  convergedIterations = int(full$iter)))

# ---- extreme-fitted -------------------------------------------------------------------------
# 12 overlapping rows, then rows placed where the fit puts eta near -40, -31, -29, 29, 31, 45, and
# one row with prior weight 0 at eta near -50.
ex <- data.frame(
  x = c(-2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2, -1.2, 0.3, 0.8, -28.7, -22.2, -20.8, 20.8, 22.3, 32.3, -36),
  y = c(0, 0, 1, 0, 1, 0, 1, 1, 1, 0, 0, 1, 0, 0, 0, 1, 1, 1, 1),
  w = c(rep(1, 18), 0))
file <- write_csv("extreme-fitted", ex)
g <- withCallingHandlers(glm(y ~ x, family = binomial, weights = w, data = ex),
  warning = function(w) { cat("warning:", conditionMessage(w), "\n"); invokeRestart("muffleWarning") })
eta <- g$linear.predictors
stopifnot(extreme(fitted(g)[ex$w > 0]) == 4, sum(abs(eta[ex$w > 0]) > 30) == 4,
          sum(abs(eta[ex$w > 0]) > 28 & abs(eta[ex$w > 0]) < 30) == 2)
gs <- coef(summary(g))
write_json("extreme-fitted", list(
  provenance = provenance(c(
    "glm(y ~ x, family = binomial, weights = w, data = read.csv(\"src/test/resources/rare/extreme-fitted.csv\"))",
    "sum(mu > 1 - eps | mu < eps), eps = 10 * .Machine$double.eps, over the rows with w > 0")),
  file = str(file), estimate = arr(gs[, 1]), stdError = arr(gs[, 2]), deviance = num(g$deviance),
  eta = arr(eta), extremeFitted = int(extreme(fitted(g)[ex$w > 0])),
  extremeFittedAllRows = int(extreme(fitted(g)))))

# ---- link -----------------------------------------------------------------------------------
# binomial()$linkinv and $mu.eta at and around the thresholds +-30 where R's C code clamps them.
eta <- c(-31, -30, -29.5, -1, 0, 2, 29.5, 30, 31, -1000, 1000)
write_json("link", list(
  provenance = provenance(c("binomial()$linkinv(eta)", "binomial()$mu.eta(eta)")),
  eta = arr(eta), linkinv = arr(binomial()$linkinv(eta)), muEta = arr(binomial()$mu.eta(eta))))

# ---- firth-far-start ------------------------------------------------------------------------
if (requireNamespace("brglm2", quietly = TRUE)) {
  ff <- data.frame(x = (1:10) / 1000, y = c(0, 0, 0, 0, 0, 1, 1, 1, 1, 1))
  file <- write_csv("firth-far-start", ff)
  fb <- glm(y ~ x, family = binomial, data = ff, method = brglm2::brglmFit, type = "AS_mean")
  stopifnot(fb$converged)
  fs <- coef(summary(fb))
  write_json("firth-far-start", list(
    provenance = provenance(c(
      sprintf("glm(y ~ x, family = binomial, data = read.csv(\"%s\"), method = brglm2::brglmFit, type = \"AS_mean\")", file),
      sprintf("brglm2 %s", packageVersion("brglm2")))),
    file = str(file), estimate = arr(fs[, 1]), stdError = arr(fs[, 2]), iterations = int(fb$iter)))
} else {
  cat("brglm2 is not installed: firth-far-start not regenerated\n")
}

# ---- profile-separation ---------------------------------------------------------------------
# Quasi-complete separation: the profile deviance of x, minimised over the intercept (by
# optimize() on the log-likelihood in plogis(log.p = TRUE) form, which does not overflow), rises
# above qchisq(0.95, 1) below the estimate (the exact root, uniroot) but never above it: the
# upper end of x's profile interval is infinite.
qs <- read.csv("src/test/resources/separation/quasi.csv")
qfull <- suppressWarnings(glm(y ~ x, family = binomial, data = qs))
crit <- qchisq(0.95, 1)
qdev <- function(eta) -2 * sum(qs$y * plogis(eta, log.p = TRUE) + (1 - qs$y) * plogis(-eta, log.p = TRUE))
prof_x <- function(b) optimize(function(b0) qdev(b0 + b * qs$x), c(-20 * abs(b) - 50, 20 * abs(b) + 50),
                               tol = 1e-13)$objective - qfull$deviance
gaps <- vapply(c(20, 100, 1000), prof_x, 0)
stopifnot(all(gaps < crit))
low <- uniroot(function(b) prof_x(b) - crit, c(0.01, 5), tol = 1e-13)$root
write_json("profile-separation", list(
  provenance = provenance(c(
    "glm(y ~ x, family = binomial, data = read.csv(\"src/test/resources/separation/quasi.csv\"))",
    "profile deviance of x: optimize() over the intercept of -2 log L; uniroot(tol = 1e-13) for the lower end")),
  file = str("src/test/resources/separation/quasi.csv"), conf = num(0.95),
  xLow = num(low), profileGapAt = arr(c(20, 100, 1000)), profileGap = arr(gaps), crit = num(crit)))
