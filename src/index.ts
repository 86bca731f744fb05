/**
 * `pthv`: run Parent Teacher Home Visits programmes faithfully and measure what they achieve.
 *
 * The core runs anywhere JavaScript runs (Node, Deno, Bun, browsers) and imports nothing from
 * `node:`. File reading lives in `pthv/node`.
 *
 * @packageDocumentation
 */
export * from "./model/index.js";
export * from "./errors/index.js";
export { VERSION } from "./version.js";
export { createRandom, frameDigest, sha256Hex } from "./random/index.js";
export type { Random, Seed } from "./random/index.js";
export { bellTimesOn, isInstructionalDay, isOutsideSchoolDay, minutesInsideSchoolDay, schoolDayOn } from "./calendar/index.js";
export { CostPlan, estimateCost, payFor, roundCents } from "./cost/index.js";
export type { CostEstimate, CostLine, CostPlanInput } from "./cost/index.js";
export { sampleDistrict } from "./sample-district/index.js";
export type { SampleDistrict, SampleDistrictOptions, SimulationSummary } from "./sample-district/index.js";
export { spreadsheetSafe, toCsv } from "./format/csv.js";
export type { CsvCell } from "./format/csv.js";
export { BALANCE_THRESHOLDS, checkBalance, replaceDeclined, sampleCohort, verifyCohort } from "./cohort/index.js";
export type { CohortVerification, FrameRow, FrameSource, SampleCohortOptions, SizePerSchool, VerificationCheck } from "./cohort/index.js";
export { PLAN_DUE_DAYS, PLAN_ELEMENT_LABELS, RECOMMENDED_GROUPS, checkPlan } from "./readiness/index.js";
export type { CheckPlanOptions, CommitteeCheck, PlanCheck, PlanElementCheck, PlanStatus, PlanStatusKind } from "./readiness/index.js";
export { RECOMMENDED, REPORT_FORMATS, RULES, ValidateConfig, formatReport, mergeReports, resolveConfig, validateConfigJsonSchema, validateProgram } from "./validate/index.js";
export type {
  Diagnostic,
  DiagnosticEntity,
  Finding,
  ProgramIndex,
  Protects,
  ReportFormat,
  ResolvedConfig,
  ResolvedRule,
  Rule,
  RuleContext,
  RuleLevel,
  RuleMeta,
  RuleRun,
  Severity,
  ValidateConfigInput,
  ValidateOptions,
  ValidationReport,
} from "./validate/index.js";
