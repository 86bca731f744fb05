import { RULES } from "../rules/index.js";
import type { ValidationReport } from "../types.js";
import { protectsLabel, subject, totals } from "./shared.js";

/** Escapes text for a Markdown table cell. */
function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

/**
 * A Markdown summary (for a pull-request comment or `$GITHUB_STEP_SUMMARY`): a table of rules with
 * their findings, then each diagnostic, at most `limit` of them.
 */
export function formatMarkdown(report: ValidationReport, limit = 200): string {
  const out = [`## pthv validate: ${report.ok ? "passed" : "failed"}`, "", `${totals(report)}; ${report.checked.visits} visits, ${report.checked.families} families, ${report.checked.educators} educators checked.`, ""];
  out.push("| Rule | Protects | Level | Findings |", "| --- | --- | --- | --- |");
  for (const run of report.rules) {
    const meta = RULES.find((r) => r.meta.id === run.id)?.meta;
    const name = meta ? `[${run.id}](${meta.docs})` : run.id;
    const findings = run.level === "off" ? "off" : run.skipped !== undefined ? `skipped: ${cell(run.skipped)}` : String(run.findings);
    out.push(`| ${name} | ${meta ? protectsLabel(meta.protects) : ""} | ${run.level} | ${findings} |`);
  }
  if (report.diagnostics.length > 0) {
    out.push("", "| Severity | Where | Record | Message | Rule |", "| --- | --- | --- | --- | --- |");
    for (const d of report.diagnostics.slice(0, limit)) {
      const where = d.file !== undefined ? `${d.file}${d.row !== undefined ? `:${d.row}` : ""}` : "";
      out.push(`| ${d.severity} | ${cell(where)} | ${cell(subject(d))} | ${cell(d.message)} | ${d.ruleId} |`);
    }
    if (report.diagnostics.length > limit) out.push("", `…and ${report.diagnostics.length - limit} more (use --format json for all).`);
  }
  return `${out.join("\n")}\n`;
}
