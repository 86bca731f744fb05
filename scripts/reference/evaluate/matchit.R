# Reference matched samples from MatchIt for test/evaluate/fixtures/matchit.json.
# Run: Rscript scripts/reference/evaluate/matchit.R > test/evaluate/fixtures/matchit.json
# Each data set is matched as
#   matchit(visited ~ covariates, method = "nearest", distance = "glm", m.order = "largest", caliper = 0.2)
# and the fixture keeps the data, MatchIt's propensity scores and caliper, and the match matrix
# (1-based rows).
#
# The MatchIt installed here is 4.5.1. Its fast routine for a vector distance (nn_matchC_vec, new
# in 4.5.1) ignores the caliper and always takes the control to the left in sorted order: it calls
# the integer abs() on differences of propensity scores, which truncates them to 0 (MatchIt issue
# #163, "Caliper not working as intended on versions 4.5.1 - 4.5.3", fixed in 4.5.4). So the match
# matrix here comes from MatchIt's own general nearest-neighbour routine, MatchIt:::nn_matchC, which
# matchit() uses whenever a distance matrix or mahvars is given and which applies the caliper and
# the nearest control correctly, called with exactly what matchit() passes it: the treatment, the
# "largest" order, the propensity score and the caliper of 0.2 standard deviations. The buggy
# matchit() result is kept as `matchitMatchedBuggy` only to show the difference.
suppressPackageStartupMessages({ library(MatchIt); library(jsonlite) })
stopifnot(packageVersion("MatchIt") == "4.5.1")

make <- function(name, n, seed, build) {
  set.seed(seed)
  d <- build(n)
  covs <- setdiff(names(d), "visited")
  f <- reformulate(covs, response = "visited")
  m <- matchit(f, data = d, method = "nearest", distance = "glm", m.order = "largest", caliper = 0.2)
  treat <- d$visited; names(treat) <- rownames(d)
  ps <- m$distance
  ord <- order(ps[treat == 1], decreasing = TRUE)
  caliperWidth <- unname(m$caliper[1])
  stopifnot(isTRUE(all.equal(caliperWidth, 0.2 * sd(ps))))
  mm <- MatchIt:::nn_matchC(treat, ord, rep(1L, sum(treat)), rep(FALSE, nrow(d)), 1L, ps, NULL, NULL, caliperWidth,
                            NULL, NULL, NULL, NULL, NULL, FALSE)
  controlOf <- ifelse(is.na(mm[, 1]), -1L, as.integer(mm[, 1]))
  list(
    name = name,
    covariates = covs,
    data = as.list(d),
    # As text with 17 significant digits: jsonlite keeps only 15, which would create ties R never saw.
    distance = sprintf("%.17g", unname(m$distance)),
    treatedRows = as.integer(rownames(mm)),
    controlOf = unname(controlOf),
    caliperWidth = sprintf("%.17g", caliperWidth),
    matched = sum(!is.na(mm[, 1])),
    matchitMatchedBuggy = sum(!is.na(m$match.matrix[, 1]))
  )
}

sets <- list(
  # Continuous and binary covariates, a third of students visited.
  make("mixed", 400, 1, function(n) {
    priorAbsences <- rpois(n, 12); ell <- rbinom(n, 1, 0.2); frl <- rbinom(n, 1, 0.5)
    grade <- sample(0:5, n, TRUE); priorReading <- round(rnorm(n, 500, 45))
    p <- plogis(-0.8 - 0.05 * (priorAbsences - 12) + 0.3 * frl + 0.004 * (priorReading - 500))
    data.frame(visited = rbinom(n, 1, p), priorAbsences, ell, frl, grade, priorReading)
  }),
  # Discrete covariates only: many exact ties in the propensity score.
  make("ties", 300, 2, function(n) {
    ell <- rbinom(n, 1, 0.3); iep <- rbinom(n, 1, 0.15); frl <- rbinom(n, 1, 0.5); grade <- sample(1:3, n, TRUE)
    p <- plogis(-0.5 + 0.6 * ell - 0.4 * iep + 0.2 * grade - 0.3 * frl)
    data.frame(visited = rbinom(n, 1, p), ell, iep, frl, grade)
  }),
  # More treated than controls: the controls run out and the caliper bites.
  make("scarce-controls", 250, 3, function(n) {
    x <- rnorm(n); z <- rbinom(n, 1, 0.5)
    data.frame(visited = rbinom(n, 1, plogis(1.2 + 1.5 * x + 0.5 * z)), x, z)
  }),
  # Strong selection: poor overlap, many treated left without a control inside the caliper.
  make("poor-overlap", 500, 4, function(n) {
    priorAbsences <- rpois(n, 10); frl <- rbinom(n, 1, 0.5)
    data.frame(visited = rbinom(n, 1, plogis(-3 + 0.25 * priorAbsences + 0.8 * frl)), priorAbsences, frl)
  })
)
cat(toJSON(list(generatedBy = "scripts/reference/evaluate/matchit.R", r = R.version.string, matchit = as.character(packageVersion("MatchIt")), sets = sets), digits = NA, auto_unbox = TRUE))
