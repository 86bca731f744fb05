# Independent reference for the readiness scorer: the worked example district of five schools
# (test/readiness/fixtures/five-schools.csv), scored from the resolution's rules written again
# from scratch in R, without pthv's code.
#
#   Rscript scripts/reference/readiness/five-schools.R > test/readiness/fixtures/five-schools.reference.json
#
# Rules (defaults): weights principal 30, support 30, funding 25, processes 15; support needed =
# ceiling(0.5 x ALL teachers); funding needed = the whole estimated cost; points rounded to 0.1
# half up (pthv's convention; note R's round() rounds half to even, so floor(x + 0.5) is used).
library(jsonlite)

round1 <- function(x) floor(x * 10 + 0.5) / 10
money <- function(s) as.numeric(gsub("[$,]", "", s))
yes <- function(s) tolower(s) %in% c("yes", "true", "1", "y")

schools <- read.csv("test/readiness/fixtures/five-schools.csv", colClasses = "character")
out <- list()
for (i in seq_len(nrow(schools))) {
  s <- schools[i, ]
  total <- as.integer(s$teachers)
  support <- as.integer(s$teachers_in_support)
  budget <- money(s$budget)
  if (s$estimated_cost != "") {
    cost <- money(s$estimated_cost)
  } else {
    # The cost model: 1 visit per family, 2 educators, (1 h visit + 0.5 h travel) and 0.25 h
    # reflection each, training 6 h per educator to train, coordinator time, materials per family.
    families <- as.numeric(s$families_to_visit)
    rate <- as.numeric(s$hourly_rate)
    cost <- families * 2 * 1.5 * rate + families * 2 * 0.25 * rate +
      as.numeric(s$educators_to_train) * 6 * rate +
      as.numeric(s$coordinator_hours) * as.numeric(s$coordinator_rate) +
      families * as.numeric(s$materials_per_family)
  }
  needed <- ceiling(0.5 * total)
  champion <- yes(s$principal_named) && yes(s$principal_engaged)
  principal_value <- if (yes(s$principal_named)) (if (yes(s$principal_engaged)) 1 else 0.5) else 0
  processes <- sum(yes(c(s$administration_procedures, s$data_collection, s$evaluation_plan, s$training_plan)))
  points <- c(
    round1(30 * principal_value),
    round1(30 * min(1, support / needed)),
    round1(25 * min(1, budget / cost)),
    round1(15 * processes / 4)
  )
  gates <- c(principal = champion, support = support >= needed, funding = budget >= cost)
  missed <- names(gates)[!gates]
  tier <- if (length(missed) == 0) "ready" else if (length(missed) == 1 && missed == "support" && support >= ceiling(0.4 * total)) "almost" else if (length(missed) == 1 && missed == "funding" && budget >= 0.9 * cost) "almost" else "not-ready"
  out[[s$school_id]] <- list(
    estimatedCost = cost,
    needed = needed,
    moreSupporters = max(0, needed - support),
    shortfall = max(0, cost - budget),
    coversPercent = floor(100 * budget / cost),
    points = points,
    score = round1(sum(points)),
    tier = tier,
    gatesMissed = I(missed)
  )
}
cat(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), "\n")
