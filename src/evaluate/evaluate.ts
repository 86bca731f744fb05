/**
 * `evaluateOutcomes`: the whole evaluation, from student records to the report.
 */
import { PthvConfigError, PthvEstimationError } from "../errors/index.js";
import { VERSION } from "../version.js";
import { baselineEquivalence } from "./baseline.js";
import { buildDesign, completeRows, DesignCache, sampleRows } from "./design-matrix.js";
import { absenceRateBins, describeGroups } from "./descriptives.js";
import { buildFrame, type OutcomeRecords, type StudentFrame } from "./frame.js";
import { matchStudents, propensityReport } from "./matching.js";
import { fitOutcomeModels } from "./models.js";
import { resolveOptions, type EvaluateOptions, type ResolvedOptions } from "./options.js";
import { OUTCOMES, isEnrolledEnough, outcomeAvailability, outcomeColumn, type OutcomeColumn, type OutcomeThresholds } from "./outcomes.js";
import { randomizedEffects } from "./randomized.js";
import type { Count, EvaluationReport, ReportWarning } from "./report.js";
import { schoolLevel } from "./schools.js";

/** 1 for students whose family a cohort selected, else 0. */
function invitedByCohorts(frame: StudentFrame, cohorts: readonly { selectedFamilyIds: readonly string[] }[]): Float64Array {
  const selected = new Set(cohorts.flatMap((c) => c.selectedFamilyIds));
  const invited = new Float64Array(frame.n);
  for (let i = 0; i < frame.n; i++) {
    const f = frame.family?.[i] ?? -1;
    invited[i] = f >= 0 && selected.has(frame.familyIds[f]!) ? 1 : 0;
  }
  return invited;
}

function countOrNull(n: number, min: number): Count {
  return n < min ? null : n;
}

function selectOutcomes(frame: StudentFrame, opts: ResolvedOptions, thresholds: OutcomeThresholds, warnings: ReportWarning[]): OutcomeColumn[] {
  const asked = opts.outcomes;
  const chosen: OutcomeColumn[] = [];
  const problems: { field: string; message: string }[] = [];
  for (const name of asked ?? OUTCOMES) {
    const missing = outcomeAvailability(frame, name, thresholds);
    if (missing === undefined) chosen.push(outcomeColumn(frame, name, thresholds));
    else if (asked) problems.push({ field: "outcomes", message: `outcome '${name}' ${missing}` });
    else if (name !== "readingScore" || frame.numeric.has("readingProficient")) warnings.push({ code: "outcome-skipped", message: `${name} not analysed: it ${missing}` });
  }
  if (problems.length > 0) throw new PthvConfigError(problems);
  return chosen;
}

/**
 * Evaluates how students whose families received a home visit fared against comparable students:
 * descriptives by group, absence models (Poisson and negative binomial with a log(daysEnrolled)
 * offset: rate ratio and "N% fewer absences"), logistic models of chronic absence and reading
 * proficiency (odds ratio, average marginal effect in percentage points), a linear model and
 * Hedges' g for the reading score, WWC baseline equivalence, and the school level (systematic
 * implementation at >= 10% of families visited). Standard errors are cluster-robust by school
 * (CR1, as `sandwich::vcovCL(type = "HC1")`) with model-based ones beside them.
 *
 * Designs: `observational` adjusts for the covariates; `matched` first matches each visited
 * student to one not visited on the propensity score, as
 * `MatchIt::matchit(method = "nearest", distance = "glm", m.order = "largest", caliper = 0.2)`;
 * `randomized` compares invited with not-invited students within the lottery's strata, as
 * `estimatr::difference_in_means(blocks = )`, with the complier average causal effect when
 * invited families declined.
 *
 * The report carries no student id; every table withholds cells of fewer than `minCellSize`
 * (default 10) students and says so. Doubtful numbers (non-convergence, separation, aliased
 * covariates, few clusters, unbalanced baselines) come with warnings, never silently.
 *
 * @param records - one row per student, as an array of objects or an object of columns (plain or
 * typed arrays): `schoolId`, `visited` (or `firstVisitDate`), `daysEnrolled`, `daysAbsent`,
 * optional `readingProficient`/`readingScore`, `familyId`, `invited` (randomized) and covariates.
 * @param options - design, covariates, outcomes, cluster, thresholds; see {@link EvaluateOptions}
 * @returns the report, a plain JSON-serialisable object
 * @throws PthvInputError naming every bad row and column (file, row, field), all at once
 * @throws PthvConfigError for invalid options
 * @throws PthvEstimationError when nothing can be estimated (no visited students, no effect)
 *
 * @example
 * ```ts
 * import { evaluateOutcomes, sampleDistrict } from "pthv";
 * const district = sampleDistrict({ seed: 2026, students: 5000 });
 * const report = evaluateOutcomes(district.outcomes, {
 *   design: "observational",
 *   covariates: ["priorDaysAbsent", "priorDaysEnrolled", "priorReadingScore", "ell", "iep", "frl", "grade"],
 * });
 * const fewer = report.effects.find((e) => e.measure === "fewer absences (1 - IRR)");
 * fewer?.estimate; // about 0.24: the simulated 24% fewer absences
 * ```
 */
export function evaluateOutcomes(records: OutcomeRecords, options: EvaluateOptions = {}): EvaluationReport {
  const opts = resolveOptions(options);
  const label = (name: string) => opts.labels[name] ?? name;
  const randomized = opts.design === "randomized";
  const required = [...opts.covariates, ...(randomized ? [opts.cohorts ? "familyId" : "invited"] : []), ...(randomized && opts.blocks !== null && opts.blocks !== opts.cluster ? [opts.blocks] : [])];
  const frame = buildFrame(records, required, ["readingProficient", "readingScore"], opts.cluster, opts.source, label);
  if (frame.n === 0) throw new PthvEstimationError("there are no student records: nothing can be estimated");
  const thresholds: OutcomeThresholds = { chronicAbsence: opts.chronicAbsence, minDaysEnrolled: opts.minDaysEnrolled, ...(opts.readingCut !== undefined ? { readingCut: opts.readingCut } : {}) };
  const warnings: ReportWarning[] = [];
  const outcomes = selectOutcomes(frame, opts, thresholds, warnings);
  const complete = completeRows(frame, opts.covariates);
  const min = opts.minCellSize;
  let suppressedCells = 0;

  const treat: ArrayLike<number> = randomized ? (opts.cohorts ? invitedByCohorts(frame, opts.cohorts) : frame.numeric.get("invited")!) : frame.visited;
  const [treatedName, comparisonName] = randomized ? ["invited", "not invited"] : ["visited", "not visited"];
  let nTreated = 0;
  for (let i = 0; i < frame.n; i++) if (treat[i] === 1) nTreated++;
  if (nTreated === 0 || nTreated === frame.n) {
    const what = randomized ? (nTreated === 0 ? "no student was invited" : "every student was invited") : nTreated === 0 ? "no student was visited" : "every student was visited";
    const hint = randomized ? ": the randomized design compares the lottery's invited and not-invited students; use design 'observational' or 'matched', or give the lottery's 'invited' column" : ": the effect of visits cannot be estimated without both groups";
    throw new PthvEstimationError(`${what}${hint}`);
  }

  let missingCovariates = 0;
  let shortEnrolment = 0;
  for (let i = 0; i < frame.n; i++) {
    if (complete[i] === 0) missingCovariates++;
    if (!isEnrolledEnough(frame, i, thresholds)) shortEnrolment++;
  }
  const excluded: EvaluationReport["inputs"]["excluded"] = [];
  if (missingCovariates > 0) excluded.push({ reason: "a covariate is missing: left out of the models", students: countOrNull(missingCovariates, min) });
  if (shortEnrolment > 0) excluded.push({ reason: `enrolled fewer than ${opts.minDaysEnrolled} days: left out of the absence outcomes`, students: countOrNull(shortEnrolment, min) });

  // The analysis sample and the models.
  const base = { frame, covariates: opts.covariates, label, designs: new DesignCache(buildDesign), clusterName: label(opts.cluster), level: opts.level, minClusters: opts.minClusters };
  let mask = complete;
  let sample = "all students with every covariate";
  const report: EvaluationReport = {
    kind: "pthv.evaluation",
    version: VERSION,
    design: opts.design,
    comparison: "",
    inputs: {
      students: frame.n,
      schools: frame.schools.length,
      treated: countOrNull(nTreated, min),
      comparison: countOrNull(frame.n - nTreated, min),
      covariates: opts.covariates.map(label),
      cluster: label(opts.cluster),
      outcomes: [],
      excluded,
    },
    thresholds: {
      chronicAbsence: opts.chronicAbsence,
      minDaysEnrolled: opts.minDaysEnrolled,
      readingCut: opts.readingCut ?? null,
      systematicShare: opts.systematicShare,
      caliper: opts.design === "matched" ? opts.caliper : null,
      minCellSize: min,
      minClusters: opts.minClusters,
      level: opts.level,
    },
    descriptives: [],
    absenceRates: { binWidth: 0, groups: [], bins: [] },
    baseline: { groups: "", rows: [], thresholds: { satisfies: 0.05, needsAdjustment: 0.25 }, source: "" },
    effects: [],
    models: [],
    matching: null,
    randomized: null,
    schools: null,
    warnings,
    privacy: { minCellSize: min, suppressedCells: 0, statement: "" },
  };

  if (opts.design === "matched") {
    const rows = sampleRows(complete);
    const matched = matchStudents(frame, rows, opts.covariates, label, opts.caliper, opts.level);
    mask = matched.mask;
    sample = "matched sample";
    const unmatched = matched.summary.unmatchedTreated;
    report.matching = {
      ...matched.summary,
      treated: countOrNull(matched.summary.treated, min),
      pairs: countOrNull(matched.summary.pairs, min),
      unmatchedTreated: unmatched === 0 ? 0 : countOrNull(unmatched, min),
      model: propensityReport(matched.fit),
    };
    for (const w of matched.fit.warnings) warnings.push({ code: "propensity", message: `propensity model: ${w}`, model: "propensity.logistic" });
    if (unmatched > 0) {
      warnings.push({ code: "unmatched", message: `${countOrNull(unmatched, min) ?? `fewer than ${min}`} visited students found no comparison student within the caliper and were left out: the effect is for the visited students who could be matched` });
    }
    report.comparison = `visited students against not-visited students matched on the propensity score (${countOrNull(matched.summary.pairs, min) ?? `fewer than ${min}`} pairs)`;
  } else if (opts.design === "observational") {
    report.comparison = `visited students against not-visited students, adjusting for ${opts.covariates.length > 0 ? opts.covariates.map(label).join(", ") : "nothing (no covariates given: the comparison is naive)"}`;
    if (opts.covariates.length === 0) warnings.push({ code: "no-covariates", message: "no covariates: visited and not-visited students are compared as they are, and families who accept visits may differ from others before any visit" });
  } else {
    report.comparison = `students whose families were invited by the lottery against those not invited (intent to treat)`;
  }

  if (randomized) {
    let blockCodes: Int32Array | undefined;
    if (opts.blocks !== null) {
      if (opts.blocks === opts.cluster) blockCodes = frame.school;
      else {
        const column = frame.numeric.get(opts.blocks);
        const text = frame.text.get(opts.blocks);
        const codes = new Map<string, number>();
        blockCodes = new Int32Array(frame.n);
        for (let i = 0; i < frame.n; i++) {
          const key = String(column ? column[i] : text?.[i]);
          let k = codes.get(key);
          if (k === undefined) codes.set(key, (k = codes.size));
          blockCodes[i] = k;
        }
      }
    }
    const result = randomizedEffects(frame, Float64Array.from(treat), blockCodes, opts.blocks === null ? null : label(opts.blocks), outcomes, opts.level);
    report.randomized = { ...result.summary, invited: countOrNull(result.summary.invited, min), notInvited: countOrNull(result.summary.notInvited, min) };
    report.effects.push(...result.effects);
    warnings.push(...result.warnings);
    for (const outcome of outcomes) report.inputs.outcomes.push({ name: outcome.name, definition: outcome.definition, n: countOrNull(sampleRows(new Uint8Array(frame.n).fill(1), outcome.values).length, min) });
  } else {
    const visited = Float64Array.from(frame.visited);
    for (const outcome of outcomes) {
      const rows = sampleRows(mask, outcome.values);
      report.inputs.outcomes.push({ name: outcome.name, definition: outcome.definition, n: countOrNull(rows.length, min) });
      if (rows.length < Math.max(3, min)) {
        warnings.push({ code: "not-estimated", message: `${outcome.name}: fewer than ${Math.max(3, min)} students have it, too few to fit a model (or to publish one)` });
        continue;
      }
      const fitted = fitOutcomeModels({ ...base, outcome, rows, treatments: [{ name: "visited", values: visited }], sample });
      report.models.push(...fitted.models);
      report.effects.push(...fitted.effects);
      warnings.push(...fitted.warnings);
    }
  }

  // Descriptives and baseline equivalence.
  const groupOf = new Int8Array(frame.n);
  for (let i = 0; i < frame.n; i++) groupOf[i] = treat[i] === 1 ? 0 : 1;
  const reading = { proficient: outcomes.find((o) => o.name === "readingProficiency")?.values, score: frame.numeric.get("readingScore") };
  const names = [treatedName, comparisonName];
  const described = describeGroups(frame, groupOf, names, thresholds, reading, min);
  report.descriptives = described.rows;
  suppressedCells += described.suppressedCells;
  const binned = absenceRateBins(frame, groupOf, names, thresholds, min);
  report.absenceRates = binned.distribution;
  suppressedCells += binned.suppressedCells;
  if (opts.design === "matched") {
    const matchedGroup = new Int8Array(frame.n);
    for (let i = 0; i < frame.n; i++) matchedGroup[i] = mask[i] === 1 ? groupOf[i]! : -1;
    const more = describeGroups(frame, matchedGroup, ["visited (matched)", "comparison (matched)"], thresholds, reading, min);
    report.descriptives.push(...more.rows);
    suppressedCells += more.suppressedCells;
  }
  const balanceMask = randomized ? new Uint8Array(frame.n).fill(1) : mask;
  const baseline = baselineEquivalence(frame, balanceMask, treat, opts.covariates, label, `${treatedName} vs ${comparisonName} (${randomized ? "all students" : sample})`, min);
  report.baseline = baseline.baseline;
  suppressedCells += baseline.suppressedCells;
  const unbalanced = baseline.baseline.rows.filter((r) => r.verdict === "does not satisfy").map((r) => r.covariate);
  if (unbalanced.length > 0) {
    warnings.push({ code: "baseline", message: `baseline equivalence is not satisfied for ${unbalanced.join(", ")} (|effect size| > 0.25): the What Works Clearinghouse would not accept this comparison without a stronger design` });
  }

  // School level.
  const schools = schoolLevel(frame, outcomes, complete, base, opts.systematicShare, min, opts.schoolModels);
  report.schools = schools.report;
  warnings.push(...schools.warnings);
  suppressedCells += schools.suppressedCells;

  if (report.effects.length === 0) {
    throw new PthvEstimationError(`no effect could be estimated:\n${warnings.map((w) => `  - ${w.message}`).join("\n")}`);
  }
  report.privacy = {
    minCellSize: min,
    suppressedCells,
    statement:
      suppressedCells > 0
        ? `${suppressedCells} table cell${suppressedCells === 1 ? " rests" : "s rest"} on fewer than ${min} students and ${suppressedCells === 1 ? "was" : "were"} withheld (shown as null). No student identifier appears in this report.`
        : `No table cell rests on fewer than ${min} students. No student identifier appears in this report.`,
  };
  return report;
}
