/**
 * Benchmark of the regression engine at the scale of a state: 1,000,000 students, 10 covariates
 * (plus intercept), 200 schools. Times Poisson (log days-enrolled offset) and logistic regression
 * with CR1 cluster-robust errors, and negative binomial with theta by maximum likelihood, then, if
 * Rscript is installed, times R (glm, MASS::glm.nb, sandwich::vcovCL) on the same data in the same
 * run and checks both fitted the same `visited` coefficient.
 *
 * Run: npx tsx bench/evaluate-models.bench.ts [students] [--no-r]
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fitGlm, fitNegativeBinomial, type ModelFit } from "../src/evaluate/stats/index.js";
import { benchData, type BenchData } from "./evaluate-models-data.js";

const n = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 1_000_000);
const withR = !process.argv.includes("--no-r");

function models(d: BenchData): Record<string, () => ModelFit> {
  const base = { X: d.X, names: d.names, clusters: d.school };
  return {
    poisson: () => fitGlm({ ...base, y: d.daysAbsent, offset: d.offset, family: "poisson" }),
    logistic: () => fitGlm({ ...base, y: d.chronic, family: "binomial" }),
    negativeBinomial: () => fitNegativeBinomial({ ...base, y: d.daysAbsent, offset: d.offset }),
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

// warm the JIT on a small data set first, as a long-running notebook would be
for (const fit of Object.values(models(benchData(20_000, 50, "warm-up")))) fit();

const t0 = performance.now();
const data = benchData(n);
console.log(`data: ${n} students, ${data.names.length - 1} covariates + intercept, 200 schools (generated in ${((performance.now() - t0) / 1000).toFixed(1)} s)`);

// Calibration: CPU time of one plain pass over the design matrix (11 million doubles), a yardstick
// for comparing figures taken on machines (or moments) of different speed.
function sumOf(values: Float64Array): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i] as number;
  return total;
}
{
  const runs: number[] = [];
  let total = 0;
  for (let rep = 0; rep < 7; rep++) {
    const c = process.cpuUsage();
    total = sumOf(data.X);
    const used = process.cpuUsage(c);
    runs.push((used.user + used.system) / 1000);
  }
  console.log(`calibration: one pass over X (${data.X.length} doubles) median ${median(runs).toFixed(1)} ms CPU (checksum ${total.toFixed(0)})`);
}

// Wall-clock time and CPU time (user + system of this process): on a shared machine the wall
// clock includes time spent waiting for a core, CPU time does not.
const ours: Record<string, { seconds: number[]; fit: ModelFit }> = {};
for (const [name, run] of Object.entries(models(data))) {
  const seconds: number[] = [];
  const cpu: number[] = [];
  let fit: ModelFit | undefined;
  for (let rep = 0; rep < 3; rep++) {
    const t = performance.now();
    const c = process.cpuUsage();
    fit = run();
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1e6);
    seconds.push((performance.now() - t) / 1000);
  }
  ours[name] = { seconds, fit: fit as ModelFit };
  console.log(
    `pthv ${name.padEnd(17)} wall median ${median(seconds).toFixed(2)} s (runs ${seconds.map((s) => s.toFixed(2)).join(", ")}); CPU median ${median(cpu).toFixed(2)} s (runs ${cpu.map((s) => s.toFixed(2)).join(", ")}); ${fit?.iterations} iterations`,
  );
}

if (withR) {
  const dir = mkdtempSync(join(tmpdir(), "pthv-bench-"));
  try {
    const file = join(dir, "bench.csv");
    const cols = ["visited", "priorAbsent", "priorReading", "ell", "iep", "frl", "title1", "grade1", "grade2", "grade3"];
    const lines = [["school", ...cols, "daysAbsent", "chronic", "daysEnrolled"].join(",")];
    for (let i = 0; i < n; i++) {
      const row = [data.school[i], ...cols.map((_, j) => data.X[(j + 1) * n + i]), data.daysAbsent[i], data.chronic[i], data.daysEnrolled[i]];
      lines.push(row.join(","));
    }
    writeFileSync(file, lines.join("\n") + "\n");
    const out = execFileSync("Rscript", ["scripts/reference/evaluate/bench-models.R", file], { encoding: "utf8", maxBuffer: 1 << 20 });
    const r = JSON.parse(out) as {
      seconds: Record<string, number>;
      cpu: Record<string, number>;
      visited: Record<string, { estimate: number; clusterStdError: number; theta?: number }>;
      R: string;
    };
    const fmt = (k: string) => `${r.seconds[k]} s (CPU ${r.cpu[k]} s)`;
    console.log(`R (${r.R}), wall (CPU): poisson ${fmt("poisson")}, logistic ${fmt("logistic")}, negative binomial ${fmt("negativeBinomial")}, vcovCL ${fmt("vcovCL")}`);
    for (const [name, ref] of Object.entries(r.visited)) {
      const fit = ours[name]?.fit;
      const coef = fit?.coefficients.find((c) => c.term === "visited");
      const cl = fit?.clusterCoefficients?.find((c) => c.term === "visited");
      if (!coef || !cl) continue;
      const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);
      console.log(
        `agreement ${name}: visited estimate rel. diff ${rel(coef.estimate, ref.estimate).toExponential(1)}, CR1 SE rel. diff ${rel(cl.stdError, ref.clusterStdError).toExponential(1)}` +
          (ref.theta !== undefined && fit?.theta !== undefined ? `, theta rel. diff ${rel(fit.theta, ref.theta).toExponential(1)}` : ""),
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
