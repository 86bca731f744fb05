# Hand calculations of the WWC effect sizes (Procedures Handbook 5.0): Hedges' g and the Cox
# index with the small-sample correction omega = 1 - 3/(4N - 9). Plain arithmetic, no package,
# so a reader can check each line. Writes test/evaluate/fixtures/effect-sizes.json.
# Run from the repository root:  Rscript scripts/reference/evaluate/effect-sizes.R
omega <- function(N) 1 - 3 / (4 * N - 9)
hedges <- function(m1, s1, n1, m0, s0, n0) {
  pooled <- sqrt(((n1 - 1) * s1^2 + (n0 - 1) * s0^2) / (n1 + n0 - 2))
  omega(n1 + n0) * (m1 - m0) / pooled
}
cox <- function(p1, n1, p0, n0) omega(n1 + n0) * (qlogis(p1) - qlogis(p0)) / 1.65
set.seed(7)
x1 <- round(rnorm(23, 205, 24), 1)
x0 <- round(rnorm(31, 198, 27), 1)
cases <- list(
  hedges = list(
    list(treatment = list(mean = 10, sd = 2, n = 20), comparison = list(mean = 9, sd = 2, n = 20), g = hedges(10, 2, 20, 9, 2, 20)),
    list(treatment = list(mean = 3.1, sd = 1.4, n = 12), comparison = list(mean = 3.9, sd = 2.2, n = 9), g = hedges(3.1, 1.4, 12, 3.9, 2.2, 9)),
    list(treatment = list(mean = 180.5, sd = 30, n = 1500), comparison = list(mean = 181, sd = 29, n = 3100), g = hedges(180.5, 30, 1500, 181, 29, 3100))
  ),
  values = list(treatment = x1, comparison = x0, g = hedges(mean(x1), sd(x1), length(x1), mean(x0), sd(x0), length(x0))),
  cox = list(
    list(treatment = list(proportion = 0.6, n = 50), comparison = list(proportion = 0.5, n = 50), d = cox(0.6, 50, 0.5, 50)),
    list(treatment = list(proportion = 0.12, n = 40), comparison = list(proportion = 0.2, n = 35), d = cox(0.12, 40, 0.2, 35)),
    list(treatment = list(proportion = 0.43, n = 900), comparison = list(proportion = 0.41, n = 2100), d = cox(0.43, 900, 0.41, 2100))
  )
)
writeLines(jsonlite::toJSON(cases, digits = NA, auto_unbox = TRUE), "test/evaluate/fixtures/effect-sizes.json")
