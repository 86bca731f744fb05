/**
 * Benchmark of evaluateOutcomes end to end at 1,000,000 students with 10 covariates, from typed
 * columns (no row objects), for each design. Run: npx tsx bench/evaluate.bench.ts [students]
 * Not a timed test: it prints figures for docs/performance.md.
 */
import { cpus, loadavg } from "node:os";
import { createRandom, evaluateOutcomes, sampleDistrict, type EvaluateOptions } from "../src/index.js";

const students = Number(process.argv[2] ?? 1_000_000);
const t0 = performance.now();
/** Columns of the sample district's outcomes; the district itself is dropped so that its million objects do not weigh on the timed runs. */
function buildColumns() {
  const district = sampleDistrict({ seed: "bench", students });
  const rows = district.outcomes;
  const noise = createRandom("bench-noise");
  const n = rows.length;
  const columns = {
    schoolId: rows.map((r) => r.schoolId),
    familyId: rows.map((r) => r.familyId),
    visited: Uint8Array.from(rows, (r) => (r.visited ? 1 : 0)),
    daysEnrolled: Int32Array.from(rows, (r) => r.daysEnrolled),
    daysAbsent: Int32Array.from(rows, (r) => r.daysAbsent),
    readingProficient: Uint8Array.from(rows, (r) => (r.readingProficient ? 1 : 0)),
    readingScore: Float64Array.from(rows, (r) => r.readingScore ?? Number.NaN),
    priorDaysAbsent: Float64Array.from(rows, (r) => r.priorDaysAbsent ?? Number.NaN),
    priorDaysEnrolled: Float64Array.from(rows, (r) => r.priorDaysEnrolled ?? Number.NaN),
    priorAbsenceRate: Float64Array.from(rows, (r) => (r.priorDaysAbsent ?? 0) / Math.max(1, r.priorDaysEnrolled ?? 1)),
    priorReadingScore: Float64Array.from(rows, (r) => r.priorReadingScore ?? Number.NaN),
    priorReadingProficient: Uint8Array.from(rows, (r) => (r.priorReadingProficient ? 1 : 0)),
    ell: Uint8Array.from(rows, (r) => (r["ell"] ? 1 : 0)),
    iep: Uint8Array.from(rows, (r) => (r["iep"] ? 1 : 0)),
    frl: Uint8Array.from(rows, (r) => (r["frl"] ? 1 : 0)),
    grade: Int32Array.from(rows, (r) => r["grade"] as number),
    attendanceNudge: Float64Array.from({ length: n }, () => noise.normal()),
    invited: Uint8Array.from({ length: n }, () => 0),
  };
  // A lottery for the randomized design: half the families invited; only invited families are visited.
  const lottery = createRandom("bench-lottery");
  const invitedFamily = new Map<string, boolean>();
  const lotteryColumns = { ...columns, visited: Uint8Array.from(columns.visited), invited: Uint8Array.from(columns.invited) };
  rows.forEach((r, i) => {
    const key = r.familyId ?? `s${i}`;
    let invited = invitedFamily.get(key);
    if (invited === undefined) invitedFamily.set(key, (invited = lottery.bernoulli(0.5)));
    lotteryColumns.invited[i] = invited ? 1 : 0;
    if (!invited) lotteryColumns.visited[i] = 0;
  });

  return { columns, lotteryColumns, schools: district.schools.length };
}
const { columns, lotteryColumns, schools } = buildColumns();
const n = columns.visited.length;
const setup = performance.now() - t0;
const covariates = ["priorDaysAbsent", "priorDaysEnrolled", "priorAbsenceRate", "priorReadingScore", "priorReadingProficient", "ell", "iep", "frl", "grade", "attendanceNudge"];

console.log(`evaluateOutcomes end to end: ${n.toLocaleString("en-US")} students, ${schools} schools, ${covariates.length} covariates`);
console.log(`machine: ${cpus().length} cores (${cpus()[0]?.model ?? "?"}), Node ${process.version}, ${new Date().toISOString()}`);
console.log(`setup (sample district and columns): ${(setup / 1000).toFixed(1)} s; load average ${loadavg().map((x) => x.toFixed(1)).join(" ")}`);
const runs: [string, Record<string, unknown>, EvaluateOptions][] = [
  ["observational", columns, { design: "observational", covariates }],
  ["matched", columns, { design: "matched", covariates }],
  ["randomized", lotteryColumns, { design: "randomized", covariates }],
];
for (const [name, data, options] of runs) {
  const t = performance.now();
  const cpu = process.cpuUsage();
  const report = evaluateOutcomes(data as never, options);
  const seconds = (performance.now() - t) / 1000;
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  const fewer = report.effects.find((e) => e.measure === "fewer absences (1 - IRR)" && e.source.endsWith("negative-binomial"));
  const models = report.models.length + (report.schools?.models.length ?? 0);
  console.log(`${name.padEnd(14)} ${seconds.toFixed(1)} s wall, ${cpuSeconds.toFixed(1)} s CPU  (${models} models, ${report.effects.length} effects${fewer ? `, ${(100 * fewer.estimate).toFixed(1)}% fewer absences` : ""})`);
}
