# Reference average marginal effects of `visited` in logistic models, for
# test/evaluate/fixtures/marginal-effect.json.
# Run: Rscript scripts/reference/evaluate/marginal-effect.R > test/evaluate/fixtures/marginal-effect.json
# The effect is mean(P(y | visited = 1, x) - P(y | visited = 0, x)) from predict(glm); its standard
# error uses a numerical gradient (central differences on the coefficients) and the covariance
# sandwich::vcovCL(type = "HC1") by school, or vcov(glm): an implementation independent of pthv's
# analytic gradient.
suppressPackageStartupMessages({ library(sandwich); library(jsonlite) })
num <- function(x) sprintf("%.17g", x)

ame <- function(beta, X1, X0) mean(plogis(X1 %*% beta) - plogis(X0 %*% beta))

run <- function(name, d) {
  fit <- glm(y ~ visited + priorAbsences + frl + grade, family = binomial, data = d)
  X <- model.matrix(fit)
  X1 <- X; X1[, "visited"] <- 1
  X0 <- X; X0[, "visited"] <- 0
  b <- coef(fit)
  est <- ame(b, X1, X0)
  grad <- sapply(seq_along(b), function(j) {
    h <- 1e-6 * max(1, abs(b[j])); bp <- b; bm <- b; bp[j] <- b[j] + h; bm[j] <- b[j] - h
    (ame(bp, X1, X0) - ame(bm, X1, X0)) / (2 * h)
  })
  V <- vcovCL(fit, cluster = ~school, type = "HC1")
  list(
    name = name,
    data = lapply(d, function(x) if (is.numeric(x)) num(x) else x),
    estimate = num(est),
    stdErrorModel = num(sqrt(drop(t(grad) %*% vcov(fit) %*% grad))),
    stdErrorCluster = num(sqrt(drop(t(grad) %*% V %*% grad)))
  )
}

make <- function(n, schools, seed, effect) {
  set.seed(seed)
  school <- sample(seq_len(schools), n, TRUE)
  priorAbsences <- rpois(n, 10); frl <- rbinom(n, 1, 0.45); grade <- sample(0:8, n, TRUE)
  visited <- rbinom(n, 1, plogis(-1 - 0.05 * (priorAbsences - 10) + 0.2 * frl))
  u <- rnorm(schools, 0, 0.3)[school]
  y <- rbinom(n, 1, plogis(-1.8 + 0.12 * (priorAbsences - 10) + 0.4 * frl + 0.05 * grade + effect * visited + u))
  data.frame(y, visited, priorAbsences, frl, grade, school)
}

sets <- list(run("chronic-absence", make(1500, 40, 11, -0.5)), run("rare-outcome", make(2000, 25, 12, -0.9)))
cat(toJSON(list(generatedBy = "scripts/reference/evaluate/marginal-effect.R", r = R.version.string, sets = sets), auto_unbox = TRUE, digits = NA))
