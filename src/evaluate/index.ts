/**
 * The evaluation calculator: how students whose families received a home visit fared against
 * similar students, by an observational, matched or randomized design, with every figure
 * explained, small cells suppressed and no student id in the report.
 *
 * @packageDocumentation
 */
export { evaluateOutcomes } from "./evaluate.js";
export { toMarkdown } from "./markdown.js";
export { toHtml } from "./html.js";
export { absenceRateSpec, absenceRateSvg, forestPlotSpec, forestPlotSvg } from "./charts.js";
export type { VegaLiteSpec } from "./charts.js";
export { OUTCOMES } from "./outcomes.js";
export type { OutcomeName } from "./outcomes.js";
export type { ColumnInput, OutcomeRecords, OutcomeSource } from "./frame.js";
export type { EvaluateOptions } from "./options.js";
export type {
  AbsenceRateBin,
  AbsenceRateDistribution,
  BaselineEquivalence,
  BaselineRow,
  CoefficientRow,
  Count,
  DescriptiveRow,
  Design,
  Effect,
  EvaluationReport,
  MatchingSummary,
  ModelReport,
  RandomizedSummary,
  ReportWarning,
  SchoolLevelReport,
  SchoolRow,
} from "./report.js";
