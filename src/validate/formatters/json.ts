import type { ValidationReport } from "../types.js";

/** The report itself as JSON, for other tools and other languages. */
export function formatJson(report: ValidationReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
