/**
 * Options of the evaluation calculator, their defaults, and their checking (every problem at once).
 */
import { PthvConfigError, type InputIssue } from "../errors/index.js";
import { OUTCOMES, type OutcomeName } from "./outcomes.js";
import type { OutcomeSource } from "./frame.js";
import type { Design } from "./report.js";

/**
 * Options of {@link evaluateOutcomes}. Every field has a documented default.
 *
 * @example
 * ```ts
 * const options: EvaluateOptions = { design: "matched", covariates: ["priorDaysAbsent", "frl", "grade"], caliper: 0.2, minCellSize: 10 };
 * ```
 */
export interface EvaluateOptions {
  /** `observational` (covariate adjustment, default), `matched` (propensity score matching) or `randomized` (lottery). */
  design?: Design;
  /** Covariate columns measured before the visits, e.g. `["priorDaysAbsent", "priorReadingScore", "ell", "iep", "frl", "grade"]`. Default none. */
  covariates?: readonly string[];
  /** Outcomes to analyse. Default every outcome the records allow. */
  outcomes?: readonly OutcomeName[];
  /** Column of the clusters for cluster-robust errors and of the schools. Default `schoolId`. */
  cluster?: string;
  /** Chronic absence threshold, a share of enrolled days. Default 0.1. */
  chronicAbsence?: number;
  /** Students enrolled fewer days are left out of the absence outcomes. Default 10. */
  minDaysEnrolled?: number;
  /** Reading proficiency cut on `readingScore`, used when there is no `readingProficient` column. */
  readingCut?: number;
  /** A school implements systematically when it visits at least this share of its families. Default 0.1. */
  systematicShare?: number;
  /** Fit the school-level models (systematic versus other schools). Default true; the table of shares is always given. */
  schoolModels?: boolean;
  /** Matching caliper in standard deviations of the propensity score. Default 0.2. */
  caliper?: number;
  /**
   * Randomized design: the lottery's cohorts (from `sampleCohort`); a student is invited when their
   * family is among a cohort's `selectedFamilyIds`. Needs a `familyId` column; replaces an
   * `invited` column. Default: read the `invited` column.
   */
  cohorts?: readonly { selectedFamilyIds: readonly string[] }[];
  /** Randomized design: column of the lottery's strata (estimatr's `blocks`). Default the cluster column; `null` for none. */
  blocks?: string | null;
  /** Cells with fewer students are suppressed. Default 10. */
  minCellSize?: number;
  /** Fewer clusters than this give a warning about cluster-robust errors. Default 30. */
  minClusters?: number;
  /** Confidence level. Default 0.95. */
  level?: number;
  /** Display names of columns, used for terms and tables (e.g. the CSV header as written). */
  labels?: Readonly<Record<string, string>>;
  /** Where the records came from, for error messages. */
  source?: OutcomeSource;
}

/** Options with defaults filled in. */
export interface ResolvedOptions {
  design: Design;
  covariates: string[];
  outcomes: OutcomeName[] | undefined;
  cluster: string;
  chronicAbsence: number;
  minDaysEnrolled: number;
  readingCut: number | undefined;
  systematicShare: number;
  caliper: number;
  schoolModels: boolean;
  blocks: string | null;
  cohorts: readonly { selectedFamilyIds: readonly string[] }[] | undefined;
  minCellSize: number;
  minClusters: number;
  level: number;
  labels: Readonly<Record<string, string>>;
  source: OutcomeSource;
}

const DESIGNS: readonly Design[] = ["observational", "matched", "randomized"];

/** Fills defaults and checks every option; throws one PthvConfigError listing all problems. */
export function resolveOptions(options: EvaluateOptions): ResolvedOptions {
  const issues: InputIssue[] = [];
  const share = (field: string, v: number | undefined, fallback: number, open = false) => {
    if (v === undefined) return fallback;
    if (!(Number.isFinite(v) && v > 0 && (open ? v < 1 : v <= 1))) issues.push({ field, message: `${field} must be a share above 0 and ${open ? "below" : "at most"} 1` });
    return v;
  };
  const positive = (field: string, v: number | undefined, fallback: number, integer = false) => {
    if (v === undefined) return fallback;
    if (!(Number.isFinite(v) && v >= 0 && (!integer || Number.isInteger(v)))) issues.push({ field, message: `${field} must be ${integer ? "a whole number" : "a number"}, 0 or more` });
    return v;
  };
  const design = options.design ?? "observational";
  if (!DESIGNS.includes(design)) issues.push({ field: "design", message: `design must be one of ${DESIGNS.join(", ")}` });
  const covariates = [...(options.covariates ?? [])];
  const seen = new Set<string>();
  for (const c of covariates) {
    if (seen.has(c)) issues.push({ field: "covariates", message: `covariate '${c}' is listed twice` });
    seen.add(c);
    if (["visited", "invited", "daysAbsent", "studentId", "familyId", "firstVisitDate", "readingProficient", "readingScore"].includes(c)) {
      issues.push({ field: "covariates", message: `'${c}' cannot be a covariate: it is the treatment, an outcome or an identifier; use prior-year measures instead` });
    }
  }
  const outcomes = options.outcomes ? [...options.outcomes] : undefined;
  for (const o of outcomes ?? []) if (!OUTCOMES.includes(o)) issues.push({ field: "outcomes", message: `unknown outcome '${o}': choose from ${OUTCOMES.join(", ")}` });
  const resolved: ResolvedOptions = {
    design,
    covariates,
    outcomes,
    cluster: options.cluster ?? "schoolId",
    chronicAbsence: share("chronicAbsence", options.chronicAbsence, 0.1, true),
    minDaysEnrolled: positive("minDaysEnrolled", options.minDaysEnrolled, 10, true),
    readingCut: options.readingCut,
    systematicShare: share("systematicShare", options.systematicShare, 0.1),
    caliper: options.caliper ?? 0.2,
    schoolModels: options.schoolModels ?? true,
    blocks: options.blocks === undefined ? (options.cluster ?? "schoolId") : options.blocks,
    cohorts: options.cohorts,
    minCellSize: positive("minCellSize", options.minCellSize, 10, true),
    minClusters: positive("minClusters", options.minClusters, 30, true),
    level: share("level", options.level, 0.95, true),
    labels: options.labels ?? {},
    source: options.source ?? {},
  };
  if (!(Number.isFinite(resolved.caliper) && resolved.caliper > 0)) issues.push({ field: "caliper", message: "caliper must be a positive number of standard deviations (0.2 is usual)" });
  if (options.readingCut !== undefined && !Number.isFinite(options.readingCut)) issues.push({ field: "readingCut", message: "readingCut must be a finite number" });
  if (options.cohorts !== undefined && design !== "randomized") issues.push({ field: "cohorts", message: "cohorts define the lottery of the randomized design: use design 'randomized' or leave them out" });
  if (issues.length > 0) throw new PthvConfigError(issues);
  return resolved;
}
