# Times R on the benchmark data of bench/evaluate-models.bench.ts (which writes the CSV and calls
# this script): glm Poisson with a log offset, glm logistic, MASS::glm.nb, and
# sandwich::vcovCL(type = "HC1") by school. Prints one JSON object with seconds (elapsed) and the
# estimates for `visited`, so the benchmark can check both sides fitted the same model.
# Usage: Rscript scripts/reference/evaluate/bench-models.R data.csv
suppressPackageStartupMessages({ library(MASS); library(sandwich); library(jsonlite) })
path <- commandArgs(trailingOnly = TRUE)[1]
d <- read.csv(path)
f <- ~ visited + priorAbsent + priorReading + ell + iep + frl + title1 + grade1 + grade2 + grade3
fp <- update(f, daysAbsent ~ . + offset(log(daysEnrolled)))
fl <- update(f, chronic ~ .)
# wall clock ("elapsed") and CPU time (user + system) of each call
cpu <- list()
elapsed <- function(expr, name) { t <- system.time(expr); cpu[[name]] <<- t[["user.self"]] + t[["sys.self"]]; t[["elapsed"]] }
t_pois <- elapsed(pois <- glm(fp, family = poisson, data = d), "poisson")
t_vcl <- elapsed(vpois <- vcovCL(pois, cluster = ~school, type = "HC1"), "vcovCL")
t_logit <- elapsed(logit <- glm(fl, family = binomial, data = d), "logistic")
t_nb <- elapsed(nb <- glm.nb(fp, data = d), "negativeBinomial")
vnb <- vcovCL(nb, cluster = ~school, type = "HC1")
vlogit <- vcovCL(logit, cluster = ~school, type = "HC1")
cat(toJSON(list(
  seconds = list(poisson = t_pois, logistic = t_logit, negativeBinomial = t_nb, vcovCL = t_vcl),
  cpu = cpu,
  visited = list(
    poisson = list(estimate = coef(pois)[["visited"]], clusterStdError = sqrt(vpois["visited", "visited"])),
    logistic = list(estimate = coef(logit)[["visited"]], clusterStdError = sqrt(vlogit["visited", "visited"])),
    negativeBinomial = list(estimate = coef(nb)[["visited"]], clusterStdError = sqrt(vnb["visited", "visited"]), theta = nb$theta)
  ),
  R = R.version.string
), auto_unbox = TRUE, digits = NA))
