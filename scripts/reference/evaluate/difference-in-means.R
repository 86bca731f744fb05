# Reference values from estimatr::difference_in_means for test/evaluate/fixtures/difference-in-means.json.
# Run: Rscript scripts/reference/evaluate/difference-in-means.R > test/evaluate/fixtures/difference-in-means.json
# Data sets: unblocked (Welch), blocked with unequal block sizes and treatment shares, a binary
# outcome in blocks, one huge block among small ones, and matched pairs.
suppressPackageStartupMessages({ library(estimatr); library(jsonlite) })
num <- function(x) sprintf("%.17g", x)

run <- function(name, d, blocked) {
  fit <- if (blocked) difference_in_means(y ~ z, blocks = block, data = d) else difference_in_means(y ~ z, data = d)
  list(
    name = name,
    blocked = blocked,
    data = list(y = num(d$y), z = d$z, block = d$block),
    estimate = num(unname(fit$coefficients)),
    stdError = num(unname(fit$std.error)),
    statistic = num(unname(fit$statistic)),
    df = num(unname(fit$df)),
    pValue = num(unname(fit$p.value)),
    ciLow = num(unname(fit$conf.low)),
    ciHigh = num(unname(fit$conf.high)),
    n = fit$nobs
  )
}

set.seed(7)
welch <- data.frame(z = rbinom(300, 1, 0.3), block = 1L)
welch$y <- rnorm(300, 0.06, 0.03) - 0.01 * welch$z + 0.02 * welch$z * rnorm(300)

sizes <- c(40, 120, 75, 300, 18, 55)
blocks <- do.call(rbind, lapply(seq_along(sizes), function(b) {
  n <- sizes[b]; share <- c(0.5, 0.2, 0.35, 0.1, 0.5, 0.6)[b]
  z <- sample(rep(c(1, 0), c(round(n * share), n - round(n * share))))
  data.frame(block = b, z = z, y = rpois(n, 8 + 2 * b) / 180 - 0.008 * z)
}))

binary <- blocks
binary$y <- rbinom(nrow(binary), 1, 0.2 - 0.06 * binary$z)

huge <- do.call(rbind, lapply(1:5, function(b) {
  n <- if (b == 3) 2000 else 30
  data.frame(block = b, z = sample(rep(c(1, 0), c(n / 2, n / 2))), y = rnorm(n, 500, 45))
}))
huge$y <- huge$y + 8 * huge$z

pairs <- data.frame(block = rep(1:40, each = 2), z = rep(c(1, 0), 40))
pairs$z <- unlist(lapply(1:40, function(b) sample(c(1, 0))))
pairs$y <- rnorm(80, 0.05, 0.02) - 0.01 * pairs$z

sets <- list(
  run("welch", welch, FALSE),
  run("blocked", blocks, TRUE),
  run("binary-blocked", binary, TRUE),
  run("one-huge-block", huge, TRUE),
  run("matched-pairs", pairs, TRUE)
)
cat(toJSON(list(generatedBy = "scripts/reference/evaluate/difference-in-means.R", r = R.version.string,
                estimatr = as.character(packageVersion("estimatr")), sets = sets), auto_unbox = TRUE, digits = NA))
