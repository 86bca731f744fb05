/**
 * Benchmark of the non-negotiables validator: 1,000,000 visits (400 schools of 2,500 visits), with
 * their families, students, educators, reflections and cohorts, validated from parsed records;
 * then, separately, the same programme written as a CSV folder and loaded back with loadProgram.
 * Run: npx tsx bench/validate.bench.ts [schools=400] [--json] [--csv]
 * --json round-trips the records through JSON text first (in chunks), so every string is its own
 * copy as in records from a parser, instead of the strings shared by the records built in code.
 * Figures are in docs/performance.md. Not a timed test.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadProgram, writeProgramCsv } from "../src/node/index.js";
import type { ProgramRecord } from "../src/model/index.js";
import { RULES, validateProgram } from "../src/validate/index.js";
import { benchProgramme } from "./validate-programme.js";

const schools = Number(process.argv[2] ?? 400);
const withCsv = process.argv.includes("--csv");
const viaJson = process.argv.includes("--json");
const mb = () => `${Math.round(process.memoryUsage().heapUsed / 2 ** 20)} MiB heap`;

let t = performance.now();
const program = viaJson ? throughJson(benchProgramme(schools)) : benchProgramme(schools);
console.log(`built${viaJson ? " and round-tripped through JSON" : ""}: ${program.visits.length} visits, ${program.families.length} families, ${program.students.length} students, ${program.educators.length} educators, ${program.reflections.length} reflections, ${program.cohorts.length} cohorts in ${((performance.now() - t) / 1000).toFixed(1)} s (${mb()})`);

// Wall time and this process's CPU time: the machine is shared, so CPU time is the steadier figure.
const runs: { wall: number; cpu: number }[] = [];
for (let run = 0; run < 3; run++) {
  t = performance.now();
  const cpu = process.cpuUsage();
  const report = validateProgram(program, { rules: { "plan-deadline": ["error", { today: "2026-11-01" }] } });
  const used = process.cpuUsage(cpu);
  runs.push({ wall: performance.now() - t, cpu: (used.user + used.system) / 1000 });
  if (run === 0) console.log(`report: ok=${report.ok}, ${report.counts.error} errors, ${report.counts.warning} warnings`);
}
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
console.log(`validateProgram, all ${RULES.length} rules: wall ${runs.map((r) => s(r.wall)).join(", ")}; cpu ${runs.map((r) => s(r.cpu)).join(", ")} (${mb()})`);

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
