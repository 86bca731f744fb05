# Reference figures for the balanced cohort sampler: R's sampling::samplecube (Deville and Tille's
# cube method; flight phase then landing by linear programming, method = 1) on the same frames and
# balancing variables as pthv's test. Run through samplecube.ts, which writes the frames.
#
# Usage: Rscript samplecube.R <folder with frames.csv files> <replicates> <out.json>
suppressMessages(library(sampling))
suppressMessages(library(jsonlite))
args <- commandArgs(trailingOnly = TRUE)
folder <- args[1]
replicates <- as.integer(args[2])
out <- args[3]
spec <- fromJSON(file.path(folder, "spec.json"))
vars <- spec$balance
results <- list()
for (i in seq_len(nrow(spec$frames))) {
  name <- spec$frames$name[i]
  fraction <- spec$frames$fraction[i]
  students <- read.csv(file.path(folder, paste0(name, ".csv")), stringsAsFactors = FALSE)
  for (v in vars) if (is.character(students[[v]])) students[[v]] <- as.numeric(students[[v]] == "true")
  families <- sort(unique(students$familyId))
  N <- length(families)
  n <- floor(fraction * N + 0.5)
  f <- match(students$familyId, families)
  # Family totals of each variable and the number of students: the same balancing matrix as pthv.
  totals <- sapply(vars, function(v) tapply(students[[v]], f, sum))
  count <- as.numeric(tabulate(f, N))
  pik <- rep(n / N, N)
  X <- cbind(pik, count, totals)
  frameMean <- colMeans(students[vars])
  frameSd <- sqrt(colMeans(sweep(as.matrix(students[vars]), 2, frameMean)^2))
  meanAbs <- numeric(replicates)
  maxAbs <- numeric(replicates)
  sizes <- numeric(replicates)
  elapsed <- system.time(for (r in seq_len(replicates)) {
    set.seed(r)
    s <- samplecube(X, pik, order = 1, comment = FALSE, method = 1)
    chosen <- s[f] > 0.5
    smd <- (colMeans(students[chosen, vars, drop = FALSE]) - frameMean) / frameSd
    meanAbs[r] <- mean(abs(smd))
    maxAbs[r] <- max(abs(smd))
    sizes[r] <- sum(s > 0.5)
  })[["elapsed"]]
  results[[name]] <- list(
    families = N, students = nrow(students), n = n, replicates = replicates,
    meanOfMeanAbsSmd = mean(meanAbs), meanOfMaxAbsSmd = mean(maxAbs),
    sizesExact = all(sizes == n), secondsPerDraw = elapsed / replicates
  )
}
write(toJSON(list(
  tool = paste0("R ", R.version$major, ".", R.version$minor, ", sampling ", as.character(packageVersion("sampling"))),
  call = "samplecube(X, pik, order = 1, comment = FALSE, method = 1) with X = cbind(pik, students per family, family totals)",
  smd = "(mean of selected students - mean of all students) / population SD of all students",
  balance = vars,
  frames = results
), auto_unbox = TRUE, digits = NA, pretty = TRUE), out)
