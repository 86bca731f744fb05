import type { ValidationReport } from "../types.js";
import { plural, subject, totals } from "./shared.js";

/**
 * Human-readable output, grouped by file: one line per diagnostic with row, severity, message and
 * rule id, then the totals. Diagnostics about records built in code are grouped under "(records)".
 */
export function formatStylish(report: ValidationReport): string {
  if (report.diagnostics.length === 0) return `no problems: ${plural(report.checked.visits, "visit")} checked against ${plural(report.rules.filter((r) => r.level !== "off").length, "rule")}\n`;
  const groups = new Map<string, typeof report.diagnostics>();
  for (const d of report.diagnostics) {
    const key = d.file ?? "(records)";
    const list = groups.get(key);
    if (list) list.push(d);
    else groups.set(key, [d]);
  }
  const lines: string[] = [];
  for (const [file, list] of groups) {
    lines.push(file);
    for (const d of list) {
      const where = d.row !== undefined ? String(d.row) : "-";
      lines.push(`  ${where.padStart(6)}  ${(d.severity === "error" ? "error" : "warn").padEnd(5)}  ${subject(d)}: ${d.message}  ${d.ruleId}`);
    }
    lines.push("");
  }
  lines.push(`${report.counts.error > 0 ? "✖" : "⚠"} ${totals(report)}`);
  return `${lines.join("\n")}\n`;
}
