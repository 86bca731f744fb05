import type { ValidationReport } from "../types.js";
import { formatGithub } from "./github.js";
import { formatJson } from "./json.js";
import { formatJunit } from "./junit.js";
import { formatMarkdown } from "./markdown.js";
import { formatSarif } from "./sarif.js";
import { formatStylish } from "./stylish.js";

/**
 * The output formats of `pthv validate`.
 *
 * @example
 * ```ts
 * import { REPORT_FORMATS } from "pthv";
 * REPORT_FORMATS.includes("sarif"); // true
 * ```
 */
export const REPORT_FORMATS = ["stylish", "json", "junit", "sarif", "github", "markdown"] as const;
/**
 * One of {@link REPORT_FORMATS}.
 *
 * @example
 * ```ts
 * import { formatReport, validateProgram, type ReportFormat } from "pthv";
 * const format: ReportFormat = "sarif";
 * const text = formatReport(validateProgram(record), format);
 * ```
 */
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const FORMATTERS: Record<ReportFormat, (report: ValidationReport) => string> = {
  stylish: formatStylish,
  json: formatJson,
  junit: formatJunit,
  sarif: formatSarif,
  github: formatGithub,
  markdown: formatMarkdown,
};

/**
 * Turns a validation report into text: `stylish` for people, `json` for tools, `junit` (one test
 * case per rule), `sarif` (SARIF 2.1.0 for GitHub code scanning), `github` (workflow annotations)
 * or `markdown` (a summary for pull requests).
 *
 * @param report - from {@link validateProgram}
 * @param format - the output format
 * @returns the text, ending with a newline
 *
 * @example
 * ```ts
 * const text = formatReport(validateProgram(sampleDistrict({ students: 200 })), "sarif");
 * JSON.parse(text).version; // "2.1.0"
 * ```
 */
export function formatReport(report: ValidationReport, format: ReportFormat): string {
  return FORMATTERS[format](report);
}
