# Reference models of the whole observational evaluation, for
# test/evaluate/fixtures/evaluate-district.json.
#
# The data, test/evaluate/fixtures/evaluate-district.csv, is the sample district's outcomes
# (pthv sample-district --seed reference --students 3000 --format csv; student_id, family_id and
# first_visit_date columns removed). The script applies the outcome definitions of docs/evaluate.md
# independently (absence outcomes for students enrolled at least 10 days; chronic absence at 10% of
# enrolled days; complete covariates) and fits, as a careful evaluator in R would:
#   MASS::glm.nb and glm(poisson) of days_absent with offset(log(days_enrolled)),
#   glm(binomial) of chronic absence and of reading proficiency, glm(gaussian) of the reading score,
# each with visited and the covariates, reporting the visited coefficient with model-based and
# sandwich::vcovCL(cluster = ~school_id, type = "HC1") standard errors.
# Run: Rscript scripts/reference/evaluate/evaluate-district.R > test/evaluate/fixtures/evaluate-district.json
suppressPackageStartupMessages({ library(MASS); library(sandwich); library(jsonlite) })
num <- function(x) sprintf("%.17g", x)
d <- read.csv("test/evaluate/fixtures/evaluate-district.csv", stringsAsFactors = FALSE)
for (b in c("visited", "reading_proficient", "ell", "iep", "frl")) d[[b]] <- as.integer(d[[b]] == "true")
covs <- "prior_days_absent + prior_days_enrolled + prior_reading_score + ell + iep + frl + grade"
enrolled <- d[d$days_enrolled >= 10, ]
enrolled$chronic <- as.integer(enrolled$days_absent >= 0.1 * enrolled$days_enrolled)

visitedRow <- function(id, fit) {
  se <- sqrt(diag(vcov(fit)))[["visited"]]
  cl <- sqrt(diag(vcovCL(fit, cluster = ~school_id, type = "HC1")))[["visited"]]
  list(id = id, n = nobs(fit), estimate = num(coef(fit)[["visited"]]), stdError = num(se), clusterStdError = num(cl))
}
f <- function(lhs) as.formula(paste(lhs, "~ visited +", covs))
models <- list(
  visitedRow("absences.negative-binomial", glm.nb(update(f("days_absent"), . ~ . + offset(log(days_enrolled))), data = enrolled)),
  visitedRow("absences.poisson", glm(update(f("days_absent"), . ~ . + offset(log(days_enrolled))), family = poisson, data = enrolled)),
  visitedRow("chronicAbsence.logistic", glm(f("chronic"), family = binomial, data = enrolled)),
  visitedRow("readingProficiency.logistic", glm(f("reading_proficient"), family = binomial, data = d)),
  visitedRow("readingScore.linear", glm(f("reading_score"), family = gaussian, data = d))
)

# The matched design: MatchIt's propensity score (glm) and caliper, pairs from MatchIt:::nn_matchC
# (see matchit.R for why not matchit()'s own 4.5.1 routine), then the same models on the pairs.
suppressPackageStartupMessages(library(MatchIt))
m <- matchit(f("visited") |> update(visited ~ . - visited), data = d, method = "nearest", distance = "glm", m.order = "largest", caliper = 0.2)
treat <- d$visited; names(treat) <- rownames(d)
ps <- m$distance
mm <- MatchIt:::nn_matchC(treat, order(ps[treat == 1], decreasing = TRUE), rep(1L, sum(treat)), rep(FALSE, nrow(d)), 1L, ps, NULL, NULL,
                          unname(m$caliper[1]), NULL, NULL, NULL, NULL, NULL, FALSE)
keep <- sort(c(as.integer(rownames(mm))[!is.na(mm[, 1])], as.integer(mm[!is.na(mm[, 1]), 1])))
md <- d[keep, ]
menrolled <- md[md$days_enrolled >= 10, ]
menrolled$chronic <- as.integer(menrolled$days_absent >= 0.1 * menrolled$days_enrolled)
matched <- list(
  visitedRow("absences.negative-binomial", glm.nb(update(f("days_absent"), . ~ . + offset(log(days_enrolled))), data = menrolled)),
  visitedRow("chronicAbsence.logistic", glm(f("chronic"), family = binomial, data = menrolled)),
  visitedRow("readingScore.linear", glm(f("reading_score"), family = gaussian, data = md))
)
cat(toJSON(list(generatedBy = "scripts/reference/evaluate/evaluate-district.R", r = R.version.string, models = models,
                pairs = sum(!is.na(mm[, 1])), matchedModels = matched), auto_unbox = TRUE, digits = NA))
