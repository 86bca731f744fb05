/**
 * The non-negotiables validator: a programme's records checked rule by rule, the way a linter
 * checks code. Each rule is a small module with `meta` and one check; the engine knows nothing about
 * any particular rule; formatters turn one report into text for people and for CI.
 *
 * @packageDocumentation
 */
export { validateProgram, mergeReports } from "./engine.js";
export { RECOMMENDED, ValidateConfig, resolveConfig, validateConfigJsonSchema } from "./config.js";
export type { ResolvedConfig, ResolvedRule, ValidateConfigInput } from "./config.js";
export { RULES } from "./rules/index.js";
export { REPORT_FORMATS, formatReport } from "./formatters/index.js";
export type { ReportFormat } from "./formatters/index.js";
export type {
  Diagnostic,
  DiagnosticEntity,
  Finding,
  ProgramIndex,
  Protects,
  Rule,
  RuleContext,
  RuleLevel,
  RuleMeta,
  RuleRun,
  Severity,
  ValidateOptions,
  ValidationReport,
} from "./types.js";
