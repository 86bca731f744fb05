/**
 * The evaluation report: a plain, JSON-serialisable object that carries everything needed to read
 * and check it (inputs summarised, thresholds, standard errors used, warnings, what was suppressed).
 */
import type { Coefficient } from "./stats/index.js";

/**
 * One row of a coefficient table: `{ term, estimate, stdError, statistic, pValue, ciLow, ciHigh }`,
 * the term named after the input column, `visited` or `(Intercept)`.
 *
 * @example
 * ```ts
 * const row: CoefficientRow = { term: "visited", estimate: -0.27, stdError: 0.02, statistic: -13.5, pValue: 1e-41, ciLow: -0.31, ciHigh: -0.23 };
 * ```
 */
export type CoefficientRow = Coefficient;

/**
 * The three designs.
 *
 * @example
 * ```ts
 * const design: Design = "matched";
 * ```
 */
export type Design = "observational" | "matched" | "randomized";

/**
 * A count of students, or `null` when it is below the minimum cell size and was suppressed.
 *
 * @example
 * ```ts
 * const shown: Count = 42;
 * const withheld: Count = null; // fewer than 10 students
 * ```
 */
export type Count = number | null;

/**
 * One row of the descriptive table: one group of students.
 *
 * @example
 * ```ts
 * const [visited, others] = report.descriptives;
 * visited.absenceRate; // e.g. 0.047, or null when withheld
 * ```
 */
export interface DescriptiveRow {
  /** `visited`, `not visited`, `invited`, `not invited`, ... */
  group: string;
  /** Students in the group, `null` when suppressed. */
  n: Count;
  /** True when the row's figures were withheld because `n` is below the minimum cell size. */
  suppressed: boolean;
  meanDaysAbsent: number | null;
  /** Days absent divided by days enrolled, summed over the group. */
  absenceRate: number | null;
  /** Share chronically absent among students enrolled long enough. */
  chronicAbsenceRate: number | null;
  /** Share reading at or above grade level, when a reading outcome is available. */
  readingProficientRate: number | null;
  meanReadingScore: number | null;
}

/**
 * One bin of the absence-rate distribution of a group.
 *
 * @example
 * ```ts
 * const bin: AbsenceRateBin = { group: "visited", from: 0.05, to: 0.075, students: 120, share: 0.18 };
 * ```
 */
export interface AbsenceRateBin {
  group: string;
  /** Lower end of the bin (absence rate, inclusive). */
  from: number;
  /** Upper end (exclusive; the last bin includes everything above). */
  to: number;
  /** Students in the bin, `null` when below the minimum cell size. */
  students: Count;
  /** Share of the group's students in the bin, `null` when suppressed. */
  share: number | null;
}

/**
 * Distribution of absence rates by group, binned, small bins suppressed.
 *
 * @example
 * ```ts
 * const top = report.absenceRates.bins.filter((b) => b.from >= 0.1 && b.share !== null);
 * ```
 */
export interface AbsenceRateDistribution {
  binWidth: number;
  groups: string[];
  bins: AbsenceRateBin[];
}

/**
 * One covariate's baseline equivalence, as the What Works Clearinghouse judges it.
 *
 * @example
 * ```ts
 * report.baseline.rows.filter((r) => r.verdict === "does not satisfy").map((r) => r.covariate);
 * ```
 */
export interface BaselineRow {
  covariate: string;
  kind: "continuous" | "binary";
  /** Mean (or share, for binary covariates) in the treated and comparison groups. */
  treatedMean: number | null;
  comparisonMean: number | null;
  /** Hedges' g (continuous) or the Cox index (binary). */
  effectSize: number | null;
  /** `satisfies` (|es| <= 0.05), `needs adjustment` (<= 0.25), `does not satisfy` (> 0.25). */
  verdict: "satisfies" | "needs adjustment" | "does not satisfy" | "not computed";
  suppressed: boolean;
}

/**
 * Baseline equivalence of the analysed groups.
 *
 * @example
 * ```ts
 * report.baseline.thresholds; // { satisfies: 0.05, needsAdjustment: 0.25 }
 * ```
 */
export interface BaselineEquivalence {
  /** The groups compared, e.g. `visited vs not visited (matched sample)`. */
  groups: string;
  rows: BaselineRow[];
  thresholds: { satisfies: number; needsAdjustment: number };
  /** Plain-English source of the rules. */
  source: string;
}

/**
 * A model as the report shows it: the coefficient table and what explains it.
 *
 * @example
 * ```ts
 * const nb = report.models.find((m) => m.id === "absences.negative-binomial");
 * nb?.coefficients.find((c) => c.term === "visited")?.estimate; // log rate ratio
 * ```
 */
export interface ModelReport {
  /** Stable id, e.g. `absences.negative-binomial`. */
  id: string;
  outcome: string;
  family: "gaussian" | "binomial" | "poisson" | "negative binomial";
  link: "identity" | "logit" | "log";
  /** `all students`, `matched sample`, ... */
  sample: string;
  n: number;
  clusters: number | null;
  /** Which standard errors the `coefficients` use. */
  standardErrors: string;
  coefficients: CoefficientRow[];
  /** The same coefficients with model-based standard errors. */
  modelBased: CoefficientRow[];
  converged: boolean;
  iterations: number;
  /** Negative binomial only: theta estimated by maximum likelihood. */
  theta: number | null;
  /** Terms dropped as linear combinations of others. */
  aliased: string[];
  warnings: string[];
}

/**
 * One headline effect of visits (or of systematic implementation).
 *
 * @example
 * ```ts
 * const fewer = report.effects.find((e) => e.measure === "fewer absences (1 - IRR)");
 * console.log(fewer?.statement);
 * ```
 */
export interface Effect {
  outcome: string;
  /** What is measured, e.g. `fewer absences (1 - IRR)`, `odds ratio`, `average marginal effect (percentage points)`. */
  measure: string;
  estimate: number;
  ciLow: number;
  ciHigh: number;
  pValue: number | null;
  /** The model or estimator it comes from (a `ModelReport.id` or an estimator name). */
  source: string;
  /** Which standard errors the interval uses. */
  standardErrors: string;
  n: number;
  /** One sentence in plain English. */
  statement: string;
}

/**
 * How the matched sample was built.
 *
 * @example
 * ```ts
 * report.matching?.pairs; // matched pairs of visited and comparison students
 * ```
 */
export interface MatchingSummary {
  method: string;
  propensityModel: string;
  caliper: number;
  caliperWidth: number;
  treated: Count;
  pairs: Count;
  unmatchedTreated: Count;
  /** Model of the propensity score (its coefficient table explains the selection). */
  model: ModelReport;
}

/**
 * Randomized design: the lottery's comparison.
 *
 * @example
 * ```ts
 * report.randomized?.takeUp; // share of invited students whose family was visited
 * ```
 */
export interface RandomizedSummary {
  blocks: string | null;
  invited: Count;
  notInvited: Count;
  /** Share of invited students whose family was visited. */
  takeUp: number;
  /** Share of not-invited students whose family was visited anyway. */
  crossOver: number;
  /** The estimator, as estimatr names it. */
  estimator: string;
}

/**
 * One school in the school-level table.
 *
 * @example
 * ```ts
 * report.schools?.rows.filter((s) => s.systematic).map((s) => s.school);
 * ```
 */
export interface SchoolRow {
  /** School identifier as given (schools are not students; their ids are shown). */
  school: string;
  students: Count;
  families: Count;
  /** Share of families visited (of students, when no family column is given). */
  visitedShare: number | null;
  systematic: boolean;
  suppressed: boolean;
}

/**
 * School level: systematic implementation and its association with outcomes.
 *
 * @example
 * ```ts
 * report.schools?.effects.find((e) => e.outcome === "chronicAbsence" && e.measure === "odds ratio");
 * ```
 */
export interface SchoolLevelReport {
  /** Systematic at or above this share of families visited. */
  threshold: number;
  /** `families` when a familyId column was given, else `students`. */
  shareOf: "families" | "students";
  rows: SchoolRow[];
  systematicSchools: number;
  otherSchools: number;
  effects: Effect[];
  models: ModelReport[];
}

/**
 * A warning: something doubtful that the reader must know.
 *
 * @example
 * ```ts
 * for (const w of report.warnings) console.warn(`${w.code}: ${w.message}`);
 * ```
 */
export interface ReportWarning {
  /** Stable code: `non-convergence`, `separation`, `rank-deficient`, `few-clusters`, `baseline`, `outcome-skipped`, ... */
  code: string;
  message: string;
  /** The model it concerns, when it concerns one. */
  model?: string;
}

/**
 * The full report of {@link evaluateOutcomes}.
 *
 * @example
 * ```ts
 * import { evaluateOutcomes, sampleDistrict, type EvaluationReport } from "pthv";
 * const report: EvaluationReport = evaluateOutcomes(sampleDistrict({ students: 3000 }).outcomes, { covariates: ["frl"] });
 * report.privacy.statement;
 * ```
 */
export interface EvaluationReport {
  kind: "pthv.evaluation";
  version: string;
  design: Design;
  /** What was compared, in one sentence. */
  comparison: string;
  inputs: {
    students: number;
    schools: number;
    treated: Count;
    comparison: Count;
    covariates: string[];
    cluster: string;
    outcomes: { name: string; definition: string; n: Count }[];
    /** Students left out of some analysis, and why. */
    excluded: { reason: string; students: Count }[];
  };
  thresholds: {
    chronicAbsence: number;
    minDaysEnrolled: number;
    readingCut: number | null;
    systematicShare: number;
    caliper: number | null;
    minCellSize: number;
    minClusters: number;
    level: number;
  };
  descriptives: DescriptiveRow[];
  /** Absence rates by group, for the distribution chart. */
  absenceRates: AbsenceRateDistribution;
  baseline: BaselineEquivalence;
  effects: Effect[];
  models: ModelReport[];
  matching: MatchingSummary | null;
  randomized: RandomizedSummary | null;
  schools: SchoolLevelReport | null;
  warnings: ReportWarning[];
  privacy: { minCellSize: number; suppressedCells: number; statement: string };
}
