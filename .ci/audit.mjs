// `npm audit` gate: fails when any installed package (runtime or development) has a high or critical
// advisory. When the registry in use does not answer npm's advisory endpoint (some mirrors answer
// 405), the audit cannot run: this says so plainly and does not fail, so that CI on such a mirror
// stays meaningful; on the public registry the gate applies.
// `node .ci/audit.mjs saved-report.json` judges a saved `npm audit --json` report instead (to check
// the gate itself).
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";

const saved = process.argv[2];
const run = saved
  ? { stdout: readFileSync(saved, "utf8"), status: 0 }
  : spawnSync("npm", ["audit", "--json"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
let report;
try {
  report = JSON.parse(run.stdout);
} catch {
  console.error(`npm audit printed no JSON (exit ${run.status}); cannot judge advisories.`);
  process.exit(1);
}

if (report.statusCode !== undefined || (report.error && !report.vulnerabilities)) {
  const status = report.statusCode ?? "unknown";
  console.log(`npm audit: the registry did not answer the advisory endpoint (HTTP ${status}); audit NOT performed here.`);
  console.log("Run `npm audit --audit-level=high` against the public registry before publishing.");
  process.exit(0);
}

const counts = report.metadata?.vulnerabilities ?? {};
const high = (counts.high ?? 0) + (counts.critical ?? 0);
console.log(
  `npm audit: ${counts.total ?? 0} advisories (critical ${counts.critical ?? 0}, high ${counts.high ?? 0}, ` +
    `moderate ${counts.moderate ?? 0}, low ${counts.low ?? 0}) over ${report.metadata?.dependencies?.total ?? "?"} packages`,
);
if (high > 0) {
  for (const [name, v] of Object.entries(report.vulnerabilities ?? {})) {
    if (v.severity === "high" || v.severity === "critical") console.log(`  ${v.severity}: ${name} (${v.range ?? ""})`);
  }
  process.exit(1);
}
