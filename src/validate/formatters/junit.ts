import type { ValidationReport } from "../types.js";
import { RULES } from "../rules/index.js";
import { subject, xml } from "./shared.js";

/**
 * JUnit XML, one test case per rule: a rule with error-level findings fails (its findings in the
 * failure text), warnings go to the case's output, and a rule turned off is skipped.
 */
export function formatJunit(report: ValidationReport): string {
  const cases: string[] = [];
  let failures = 0;
  let skipped = 0;
  for (const run of report.rules) {
    const meta = RULES.find((r) => r.meta.id === run.id)?.meta;
    const found = report.diagnostics.filter((d) => d.ruleId === run.id);
    const lines = found.map((d) => `${d.file !== undefined ? `${d.file}${d.row !== undefined ? `:${d.row}` : ""} ` : ""}${subject(d)}: ${d.message}`).join("\n");
    const classname = `pthv.validate.${meta?.protects === "resolution" ? "resolution" : `non-negotiable-${meta?.protects ?? "?"}`}`;
    let body = "";
    if (run.level === "off") {
      skipped++;
      body = `<skipped message="rule is off"/>`;
    } else if (run.skipped !== undefined) {
      skipped++;
      body = `<skipped message="${xml(run.skipped)}"/>`;
    } else if (run.level === "error" && found.length > 0) {
      failures++;
      body = `<failure message="${found.length} violation${found.length === 1 ? "" : "s"} of ${xml(run.id)}" type="${xml(run.id)}">${xml(lines)}</failure>`;
    } else if (found.length > 0) {
      body = `<system-out>${xml(lines)}</system-out>`;
    }
    cases.push(`    <testcase name="${xml(run.id)}" classname="${classname}"${body ? `>${body}</testcase>` : "/>"}`);
  }
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<testsuites name="pthv validate" tests="${report.rules.length}" failures="${failures}" errors="0" skipped="${skipped}">`,
    `  <testsuite name="pthv validate" tests="${report.rules.length}" failures="${failures}" errors="0" skipped="${skipped}">`,
    ...cases,
    "  </testsuite>",
    "</testsuites>",
    "",
  ].join("\n");
}
