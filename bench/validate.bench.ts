/**
 * Benchmark of the non-negotiables validator: 1,000,000 visits (400 schools of 2,500 visits), with
 * their families, students, educators, reflections and cohorts, validated from parsed records;
 * then, separately, the same programme written as a CSV folder and loaded back with loadProgram.
 * Run: npx tsx bench/validate.bench.ts [schools=400] [--json] [--csv] [--runs=3]
 * --json round-trips the records through JSON text first (in chunks), so every string is its own
 * copy as in records from a parser, instead of the strings shared by the records built in code.
 * Figures are in docs/performance.md. Not a timed test.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PerformanceObserver, constants } from "node:perf_hooks";
import { loadProgram, writeProgramCsv } from "../src/node/index.js";
import type { ProgramRecord } from "../src/model/index.js";
import { RULES, validateProgram } from "../src/validate/index.js";
import { benchProgramme } from "./validate-programme.js";

const schools = Number(process.argv.slice(2).find((a) => !a.startsWith("--")) ?? 400);
const withCsv = process.argv.includes("--csv");
const viaJson = process.argv.includes("--json");
const runCount = Number(process.argv.find((a) => a.startsWith("--runs="))?.slice("--runs=".length) ?? 3);
const mb = () => `${Math.round(process.memoryUsage().heapUsed / 2 ** 20)} MiB heap`;

let t = performance.now();
const program = viaJson ? throughJson(benchProgramme(schools)) : benchProgramme(schools);
console.log(`built${viaJson ? " and round-tripped through JSON" : ""}: ${program.visits.length} visits, ${program.families.length} families, ${program.students.length} students, ${program.educators.length} educators, ${program.reflections.length} reflections, ${program.cohorts.length} cohorts in ${((performance.now() - t) / 1000).toFixed(1)} s (${mb()})`);

// The collector's pauses during each run, as the runtime reports them: full collections (mark-compact
// and incremental marking steps, which mark the caller's whole heap: the records' 1.2 GB or more)
// apart from minor ones (young objects). A full collection that the building of the records made
// due is paid by whichever call comes next; these figures show when a validation paid one.
const pauses: { start: number; duration: number; full: boolean }[] = [];
const observer = new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    const kind = (entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind;
    pauses.push({ start: entry.startTime, duration: entry.duration, full: kind === constants.NODE_PERFORMANCE_GC_MAJOR || kind === constants.NODE_PERFORMANCE_GC_INCREMENTAL });
  }
});
observer.observe({ entryTypes: ["gc"] });
const settled = () => new Promise((resolve) => setTimeout(resolve, 0)); // lets the observer hear of the pauses

// Wall time and this process's CPU time: the machine is shared, so CPU time is the steadier figure.
const runs: { wall: number; cpu: number; full: number; minor: number }[] = [];
for (let run = 0; run < runCount; run++) {
  await settled();
  t = performance.now();
  const cpu = process.cpuUsage();
  const report = validateProgram(program, { rules: { "plan-deadline": ["error", { today: "2026-11-01" }] } });
  const used = process.cpuUsage(cpu);
  const end = performance.now();
  await settled();
  const during = pauses.filter((p) => p.start >= t && p.start < end);
  const sum = (full: boolean) => during.filter((p) => p.full === full).reduce((total, p) => total + p.duration, 0);
  runs.push({ wall: end - t, cpu: (used.user + used.system) / 1000, full: sum(true), minor: sum(false) });
  if (run === 0) console.log(`report: ok=${report.ok}, ${report.counts.error} errors, ${report.counts.warning} warnings`);
}
observer.disconnect();
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
console.log(`validateProgram, all ${RULES.length} rules: wall ${runs.map((r) => s(r.wall)).join(", ")}; cpu ${runs.map((r) => s(r.cpu)).join(", ")} (${mb()})`);
console.log(`  collector pauses in each run: full ${runs.map((r) => s(r.full)).join(", ")}; minor ${runs.map((r) => s(r.minor)).join(", ")}`);

console.log("one rule at a time (each run also builds the lookups that rule reads):");
for (const rule of RULES) {
  const rules = Object.fromEntries(RULES.map((r) => [r.meta.id, r === rule ? "error" : "off"]));
  const config = rule.meta.id === "plan-deadline" ? { rules: { ...rules, "plan-deadline": ["error", { today: "2026-11-01" }] } } : { rules };
  t = performance.now();
  const cpu = process.cpuUsage();
  validateProgram(program, config);
  const used = process.cpuUsage(cpu);
  console.log(`  ${rule.meta.id.padEnd(32)} wall ${(performance.now() - t).toFixed(0).padStart(6)} ms, cpu ${((used.user + used.system) / 1000).toFixed(0).padStart(6)} ms`);
}

if (withCsv) {
  const dir = await mkdtemp(join(tmpdir(), "pthv-bench-validate-"));
  try {
    t = performance.now();
    await writeProgramCsv(program, dir);
    console.log(`wrote CSV folder in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    t = performance.now();
    const cpu = process.cpuUsage();
    const loaded = await loadProgram(dir);
    const used = process.cpuUsage(cpu);
    console.log(`loadProgram (CSV folder, ${loaded.program.visits.length} visits): wall ${((performance.now() - t) / 1000).toFixed(1)} s, cpu ${((used.user + used.system) / 1e6).toFixed(1)} s (${mb()})`);
    t = performance.now();
    const report = validateProgram(loaded.program, { rules: { "plan-deadline": ["error", { today: "2026-11-01" }] } }, { sources: loaded.sources });
    console.log(`validateProgram on the loaded records with sources: ${((performance.now() - t) / 1000).toFixed(2)} s, ok=${report.ok}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The records as a parser gives them: each collection written to JSON and read back, 20,000 records at a time. */
function throughJson(record: ProgramRecord): ProgramRecord {
  const copy = { ...record } as Record<string, unknown>;
  for (const [key, value] of Object.entries(record)) {
    if (!Array.isArray(value)) {
      copy[key] = value === undefined ? value : JSON.parse(JSON.stringify(value));
      continue;
    }
    const list: unknown[] = new Array(value.length);
    for (let i = 0; i < value.length; i += 20_000) {
      const chunk = JSON.parse(JSON.stringify(value.slice(i, i + 20_000))) as unknown[];
      for (let k = 0; k < chunk.length; k++) list[i + k] = chunk[k];
    }
    copy[key] = list;
  }
  return copy as ProgramRecord;
}
