# Reference values for the visited-representative rule (src/validate/rules/balance-drift.ts):
# standardized mean differences of the visited families' students against the school's frame
# (What Works Clearinghouse: difference of means over the frame's population SD), and their
# distance from zero in standard errors of a simple random draw of as many families,
# SE = sqrt((1/n) (N - n) / (N - 1)) (Cochran 1977, eq. 2.8).
# Run: Rscript scripts/reference/validate/balance-drift.R > test/validate/fixtures/balance-drift.json
library(jsonlite)

# The frame the test rebuilds: 60 families; every third family has two students.
frame <- do.call(rbind, lapply(1:60, function(f) {
  do.call(rbind, lapply(0:(as.integer(f %% 3 == 0)), function(k) {
    data.frame(id = sprintf("stu-%02d-%d", f, k), family = sprintf("fam-%02d", f),
               priorDaysAbsent = (f * 7 + k * 3) %% 23, ell = as.numeric(f %% 4 == 1), grade = f %% 6)
  }))
}))

case <- function(name, families) {
  selected <- frame$family %in% sprintf("fam-%02d", families)
  n <- length(unique(families)); N <- length(unique(frame$family))
  se <- sqrt((1 / n) * (N - n) / (N - 1))
  rows <- lapply(c("priorDaysAbsent", "ell", "grade"), function(v) {
    x <- frame[[v]]
    sdPop <- sqrt(mean((x - mean(x))^2))
    smd <- (mean(x[selected]) - mean(x)) / sdPop
    list(variable = v, smd = smd, z = abs(smd) / se)
  })
  list(name = name, families = families, frameFamilies = N, selectedFamilies = n, standardError = se, rows = rows)
}

cases <- list(
  case("every fifth family and the last ten", sort(unique(c(seq(5, 60, 5), 51:60)))),
  case("the families of the highest prior absence", which(sapply(1:60, function(f) max(frame$priorDaysAbsent[frame$family == sprintf("fam-%02d", f)])) >= 17)),
  case("odd families", seq(1, 59, 2))
)
cat(toJSON(list(source = "R", script = "scripts/reference/validate/balance-drift.R", cases = cases), auto_unbox = TRUE, digits = NA, pretty = TRUE), "\n")
