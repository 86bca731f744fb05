# Reference values for the regression engine (src/evaluate/stats/): glm (poisson, binomial,
# gaussian), MASS::glm.nb and sandwich::vcovCL(type = "HC1") on generated data sets, including
# awkward ones. Writes the data as CSV and R's results as JSON into test/evaluate/fixtures/.
#
# Run from the repository root:  Rscript scripts/reference/evaluate/models.R
# Needs r-base-core, r-cran-mass, r-cran-sandwich, r-cran-jsonlite.
suppressPackageStartupMessages({ library(MASS); library(sandwich); library(jsonlite) })

out_dir <- "test/evaluate/fixtures"

make_students <- function(seed, n, schools, school_share = NULL, absence_scale = 1) {
  set.seed(seed)
  school <- if (is.null(school_share)) sample(seq_len(schools), n, replace = TRUE) else
    sample(seq_len(schools), n, replace = TRUE, prob = school_share)
  school_effect <- rnorm(schools, 0, 0.3)
  title1 <- rbinom(schools, 1, 0.5)
  grade <- sample(c("K", "1", "2", "3"), n, replace = TRUE)
  ell <- rbinom(n, 1, 0.25)
  iep <- rbinom(n, 1, 0.12)
  frl <- rbinom(n, 1, 0.55)
  days_enrolled <- sample(120:180, n, replace = TRUE)
  prior_absent <- rnbinom(n, size = 1.5, mu = 9 * absence_scale)
  prior_reading <- round(rnorm(n, 200 - 8 * ell - 10 * iep, 25), 1)
  visited <- rbinom(n, 1, plogis(-0.8 + 0.02 * prior_absent + 0.3 * title1[school]))
  lin <- log(days_enrolled / 180) + log(8 * absence_scale) - 0.25 * visited + 0.04 * prior_absent / absence_scale +
    0.15 * frl + 0.2 * iep - 0.002 * (prior_reading - 200) + school_effect[school] + 0.1 * title1[school]
  days_absent <- rnbinom(n, size = 2, mu = exp(lin))
  chronic <- as.integer(days_absent >= 0.1 * days_enrolled)
  reading_score <- round(prior_reading * 0.8 + 45 + 6 * visited - 5 * ell + 20 * school_effect[school] + rnorm(n, 0, 15), 1)
  proficient <- as.integer(reading_score >= 205)
  data.frame(studentId = sprintf("s%05d", seq_len(n)), schoolId = sprintf("sch%02d", school), grade = grade,
             visited = visited, ell = ell, iep = iep, frl = frl, title1 = title1[school],
             daysEnrolled = days_enrolled, priorAbsent = prior_absent, priorReading = prior_reading,
             daysAbsent = days_absent, chronic = chronic, readingScore = reading_score, proficient = proficient,
             stringsAsFactors = FALSE)
}

datasets <- list(
  basic = make_students(101, 1500, 40),
  # a covariate constant within each school (title1), with few schools
  school_constant = make_students(202, 1200, 12),
  # very low counts: most students absent 0 or 1 days
  low_counts = make_students(303, 1500, 30, absence_scale = 0.06),
  # one huge school holding most students
  huge_school = make_students(404, 1500, 25, school_share = c(40, rep(1, 24)))
)
# separation: every student with an IEP reads below proficiency (quasi-complete separation)
sep <- make_students(505, 1200, 30)
sep$proficient[sep$iep == 1] <- 0L
datasets$separation <- sep
# aliased: a column that is the sum of two others
ali <- make_students(606, 1000, 20)
ali$needs <- ali$ell + ali$iep
datasets$aliased <- ali

# prior weights (e.g. students standing for 1 to 3 records), for every family
wtd <- make_students(707, 1200, 30)
wtd$w <- sample(1:3, nrow(wtd), replace = TRUE)
datasets$weighted <- wtd

covariates <- "visited + priorAbsent + priorReading + ell + iep + frl + title1 + grade"

summarise_fit <- function(fit, data, nb = FALSE) {
  s <- summary(fit)
  cf <- coef(fit)
  est <- cf[!is.na(cf)]
  tab <- s$coefficients
  vc <- vcov(fit)
  vcl <- vcovCL(fit, cluster = ~schoolId, type = "HC1")
  # Wald intervals: normal quantile, or t on the residual degrees of freedom for gaussian (as confint.lm)
  crit <- if (fit$family$family == "gaussian") qt(0.975, fit$df.residual) else qnorm(0.975)
  res <- list(
    terms = names(est), estimate = unname(est), stdError = unname(tab[, 2]), statistic = unname(tab[, 3]),
    pValue = unname(tab[, 4]), ciLow = unname(est - crit * tab[, 2]), ciHigh = unname(est + crit * tab[, 2]), vcov = unname(vc), vcovCluster = unname(vcl),
    clusterStdError = unname(sqrt(diag(vcl))),
    aliased = names(cf)[is.na(cf)], deviance = fit$deviance, logLik = as.numeric(logLik(fit)), aic = AIC(fit),
    dfResidual = fit$df.residual, iterations = fit$iter, converged = fit$converged,
    dispersion = s$dispersion, clusters = length(unique(data$schoolId))
  )
  if (nb) { res$theta <- fit$theta; res$thetaStdError <- fit$SE.theta }
  res
}

model_formula <- function(lhs, extra = "") as.formula(paste(lhs, "~", covariates, extra))

references <- list()
for (name in names(datasets)) {
  d <- datasets[[name]]
  write.csv(d, file.path(out_dir, paste0("models-", name, ".csv")), row.names = FALSE)
  # (w_ below is the prior weight: the column w when the data set has one, else 1)
  extra <- if (name == "aliased") "+ needs" else ""
  r <- list()
  d$w_ <- if (is.null(d$w)) 1 else d$w
  r$poisson <- summarise_fit(glm(model_formula("daysAbsent", paste(extra, "+ offset(log(daysEnrolled))")), family = poisson, data = d, weights = w_), d)
  r$negativeBinomial <- summarise_fit(glm.nb(model_formula("daysAbsent", paste(extra, "+ offset(log(daysEnrolled))")), data = d, weights = w_), d, nb = TRUE)
  r$chronic <- suppressWarnings(summarise_fit(glm(model_formula("chronic", extra), family = binomial, data = d, weights = w_), d))
  r$proficient <- suppressWarnings(summarise_fit(glm(model_formula("proficient", extra), family = binomial, data = d, weights = w_), d))
  r$readingScore <- summarise_fit(glm(model_formula("readingScore", extra), family = gaussian, data = d, weights = w_), d)
  # R's warnings for each model, so tests can check ours say the same thing
  r$warnings <- list(
    proficient = tryCatch({ glm(model_formula("proficient", extra), family = binomial, data = d); character(0) },
                          warning = function(w) conditionMessage(w))
  )
  references[[name]] <- r
}
references$meta <- list(
  R = R.version.string, MASS = as.character(packageVersion("MASS")), sandwich = as.character(packageVersion("sandwich")),
  formula = paste("y ~", covariates, "[+ needs] [+ offset(log(daysEnrolled))]"), cluster = "schoolId", type = "HC1"
)
writeLines(toJSON(references, digits = NA, auto_unbox = TRUE, pretty = FALSE), file.path(out_dir, "models-reference.json"))
cat("wrote", length(datasets), "data sets\n")
