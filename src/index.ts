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
export { CostEducator } from "./cost/index.js";
export * from "./readiness/index.js";
export { absenceRateSpec, absenceRateSvg, evaluateOutcomes, forestPlotSpec, forestPlotSvg, OUTCOMES, toHtml, toMarkdown } from "./evaluate/index.js";
export type {
  AbsenceRateBin,
  AbsenceRateDistribution,
  BaselineEquivalence,
  BaselineRow,
  CoefficientRow,
  ColumnInput,
  Count,
  DescriptiveRow,
  Design,
  Effect,
  EvaluateOptions,
  EvaluationReport,
  MatchingSummary,
  ModelReport,
  OutcomeName,
  OutcomeRecords,
  RandomizedSummary,
  OutcomeSource,
  ReportWarning,
  SchoolLevelReport,
  SchoolRow,
  VegaLiteSpec,
} from "./evaluate/index.js";
export {
  PairingOptions,
  ScheduleInput,
  ScheduleOptions,
  formPairs,
  parseScheduleInput,
  reschedule,
  scheduleInputFromProgram,
  scheduleToCsv,
  scheduleVisits,
  toICalendar,
} from "./schedule/index.js";
export type {
  BudgetReport,
  CompensationTotals,
  EducatorCompensation,
  FormedPair,
  GridSummary,
  ICalendarOptions,
  Pairing,
  PairingOptionsInput,
  ProgramScheduleRequest,
  RescheduleReport,
  Schedule,
  ScheduleChanges,
  ScheduleInputData,
  ScheduleObjective,
  ScheduleTable,
  ScheduledReflection,
  ScheduledVisit,
  UnpairedEducator,
  UnscheduledFamily,
  UnscheduledReason,
} from "./schedule/index.js";
export { BALANCE_THRESHOLDS, checkBalance, replaceDeclined, sampleCohort, verifyCohort } from "./cohort/index.js";
export type { CohortVerification, FrameRow, FrameSource, SampleCohortOptions, SizePerSchool, VerificationCheck } from "./cohort/index.js";
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
export { SEASON_STEPS, runSeason } from "./season/index.js";
export type { SeasonOptions, SeasonRun, SeasonSlip, SeasonStep } from "./season/index.js";
export { JUPYTER_VIEWS, analystNotebook, effectsTableHtml, toJupyter } from "./notebook/index.js";
export type { AnalystNotebookOptions, JupyterDisplay, JupyterNotebook, JupyterView, MimeBundle } from "./notebook/index.js";
