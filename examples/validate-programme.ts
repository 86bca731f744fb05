/**
 * Validating a programme against the non-negotiables, from code: the sample district written as a
 * CSV folder, loaded back with its source map, validated with a stricter configuration, and the
 * report summarised per rule (counts only: no record is printed).
 * Run after `npm run build`: npx tsx examples/validate-programme.ts
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { formatReport, RULES, sampleDistrict, validateProgram } from "pthv";
import { loadProgram, writeProgramCsv } from "pthv/node";

const dir = await mkdtemp(join(tmpdir(), "pthv-validate-example-"));
try {
  await writeProgramCsv(sampleDistrict({ students: 600, seed: "example" }), dir);
  const { program, sources } = await loadProgram(dir);

  // The recommended rules, with visits booked two days ahead and the plan judged on a fixed date.
  const config = {
    extends: "pthv:recommended",
    rules: {
      "scheduled-in-advance": ["error", { minLeadHours: 48 }],
      "plan-deadline": ["error", { today: "2026-11-01" }],
    },
  };
  const report = validateProgram(program, config, { sources });
  console.log(`${report.checked.visits} visits, ${report.checked.families} families checked: ok=${report.ok}, ${report.counts.error} errors, ${report.counts.warning} warnings`);
  for (const run of report.rules) {
    const meta = RULES.find((r) => r.meta.id === run.id)!.meta;
    console.log(`  ${run.id.padEnd(32)} ${run.level.padEnd(5)} ${String(run.findings).padStart(4)} finding(s)  ${run.skipped ?? ""}  (${meta.docs})`);
  }

  // The same report as SARIF for code scanning: results point at the CSV rows.
  const sarif = JSON.parse(formatReport(report, "sarif"));
  console.log(`SARIF ${sarif.version}: ${sarif.runs[0].tool.driver.rules.length} rules, ${sarif.runs[0].results.length} results`);
} finally {
  await rm(dir, { recursive: true, force: true });
}
