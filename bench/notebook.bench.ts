/**
 * Benchmark of the notebook display: `toJupyter` for each view of a report on the sample district
 * (default 100,000 students; a view's cost depends on the report, not on the number of students),
 * and, with `--headless`, one end-to-end headless run of examples/analyst.ipynb (Deno's kernel under
 * nbconvert, 10,000 students) through .ci/notebook.sh, which needs `npm run build` first.
 * Run: npx tsx bench/notebook.bench.ts [students] [--headless]
 * Not a timed test: it prints figures for docs/performance.md.
 */
import { execFileSync } from "node:child_process";
import { cpus, loadavg } from "node:os";
import { JUPYTER_VIEWS, evaluateOutcomes, sampleDistrict, toJupyter } from "../src/index.js";

const args = process.argv.slice(2);
const students = Number(args.find((a) => /^\d+$/.test(a)) ?? 100_000);
const headless = args.includes("--headless");
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

console.log(`machine: ${cpus().length} cores (${cpus()[0]?.model ?? "?"}), Node ${process.version}, load average ${loadavg().map((x) => x.toFixed(1)).join(" ")}`);
let t = performance.now();
const outcomes = sampleDistrict({ seed: "bench", students }).outcomes;
const report = evaluateOutcomes(outcomes, { design: "matched", covariates: ["priorDaysAbsent", "priorDaysEnrolled", "priorReadingScore", "ell", "iep", "frl", "grade"] });
console.log(`report on ${students.toLocaleString("en-US")} students (matched design, ${report.effects.length} effects): ${((performance.now() - t) / 1000).toFixed(1)} s, not included below`);

for (const view of JUPYTER_VIEWS) toJupyter(report, view); // warm-up
for (const view of JUPYTER_VIEWS) {
  const times: number[] = [];
  let size = 0;
  for (let i = 0; i < 200; i++) {
    t = performance.now();
    const bundle = toJupyter(report, view);
    times.push(performance.now() - t);
    size = JSON.stringify(bundle).length;
  }
  console.log(`toJupyter ${view.padEnd(14)} median ${median(times).toFixed(3)} ms, max ${Math.max(...times).toFixed(3)} ms over 200 calls; bundle ${size.toLocaleString("en-US")} characters of JSON`);
}

if (headless) {
  const runs: number[] = [];
  for (let i = 0; i < 3; i++) {
    t = performance.now();
    execFileSync("bash", [".ci/notebook.sh"], { stdio: "ignore" });
    runs.push(performance.now() - t);
  }
  console.log(`headless notebook (.ci/notebook.sh, deno and nbconvert already installed): ${runs.map((x) => (x / 1000).toFixed(1)).join(", ")} s; median ${(median(runs) / 1000).toFixed(1)} s`);
}
