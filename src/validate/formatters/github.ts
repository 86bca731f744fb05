import type { ValidationReport } from "../types.js";
import { subject, totals } from "./shared.js";

/** Escapes an annotation's message (GitHub Actions workflow-command data). */
function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** Escapes an annotation's property value (file, title). */
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/**
 * GitHub Actions workflow annotations: one `::error` or `::warning` command per diagnostic, located
 * by file and line when known, titled with the rule id.
 */
export function formatGithub(report: ValidationReport): string {
  const lines = report.diagnostics.map((d) => {
    const props = [d.file !== undefined ? `file=${escapeProperty(d.file)}` : "", d.row !== undefined ? `line=${d.row}` : "", `title=${escapeProperty(`pthv ${d.ruleId}`)}`].filter(Boolean);
    return `::${d.severity === "error" ? "error" : "warning"} ${props.join(",")}::${escapeData(`${subject(d)}: ${d.message}`)}`;
  });
  lines.push(`pthv validate: ${totals(report)}`);
  return `${lines.join("\n")}\n`;
}
