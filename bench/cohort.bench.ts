/**
 * Benchmark of the cohort sampler at the scale of issue #3: 1,000,000 families.
 * Run: npx tsx bench/cohort.bench.ts [families]
 * Figures go into docs/performance.md (section "Cohort sampler"). Not a timed test.
 */
import { loadavg } from "node:os";
import { createRandom, sampleCohort, type FrameRow, type SampleCohortOptions } from "../src/index.js";

const FAMILIES = Number(process.argv[2] ?? 1_000_000);
const SCHOOL_SIZE = Number(process.argv[3] ?? 0); // 0: one frame-wide school (the hardest case)

/** One student per family, ids in order (as exported by a student information system). */
function buildFrame(families: number): FrameRow[] {
  const random = createRandom("bench");
  const width = String(families).length;
  const rows: FrameRow[] = new Array(families);
  const languages = ["en", "es", "vi"];
  for (let i = 0; i < families; i++) {
    const id = String(i).padStart(width, "0");
    rows[i] = {
      id: `stu-${id}`,
      schoolId: SCHOOL_SIZE > 0 ? `sch-${String(Math.floor(i / SCHOOL_SIZE)).padStart(5, "0")}` : "sch-1",
      familyId: `fam-${id}`,
      grade: random.int(13),
      teacherId: `t-${random.int(40)}`,
      priorDaysAbsent: random.int(40),
      priorDaysEnrolled: 150 + random.int(31),
      priorReadingScore: Math.round(500 + 45 * random.normal()),
      age: 5 + random.int(13),
      siblings: random.int(4),
      distanceKm: Math.round(random.float() * 200) / 10,
      ell: random.bernoulli(0.2),
      iep: random.bernoulli(0.13),
      frl: random.bernoulli(0.45),
      language: languages[random.int(3)]!,
    };
  }
  return rows;
}

const BALANCE = ["priorDaysAbsent", "priorDaysEnrolled", "priorReadingScore", "age", "siblings", "distanceKm", "ell", "iep", "frl", "language"];

/** Draws per method (seeds 2026, 2027, ...): `REPEATS=7 npx tsx bench/cohort.bench.ts`. */
const REPEATS = Math.max(3, Number(process.env.REPEATS ?? 6));

function time(label: string, options: SampleCohortOptions, frame: FrameRow[], repeats = REPEATS): void {
  const times: number[] = [];
  const cpu: number[] = [];
  let summary = "";
  for (let r = 0; r < repeats; r++) {
    const start = performance.now();
    const before = process.cpuUsage();
    const cohort = sampleCohort(frame, { ...options, seed: 2026 + r });
    times.push(performance.now() - start);
    const used = process.cpuUsage(before);
    cpu.push((used.user + used.system) / 1000);
    summary = `${cohort.selectedFamilyIds.length} invited, max |SMD| ${cohort.balance?.maxAbsSmd?.toFixed(4) ?? "-"}`;
  }
  // The first draw of a method runs partly unoptimised (a command-line run is such a first call);
  // it is shown apart, and the median is over the later draws.
  const first = times[0]!;
  const firstCpu = cpu[0]!;
  const later = times.slice(1).sort((a, b) => a - b);
  const laterCpu = cpu.slice(1).sort((a, b) => a - b);
  const mid = Math.floor(later.length / 2);
  // CPU time is shown beside wall time because the machine may be shared: the process's own CPU
  // time is less affected by other processes than the wall clock.
  console.log(
    `${label.padEnd(40)} first ${first.toFixed(0).padStart(5)} ms (cpu ${firstCpu.toFixed(0)})  later: wall median ${later[mid]!.toFixed(0).padStart(5)} ms (min ${later[0]!.toFixed(0)}, max ${later[later.length - 1]!.toFixed(0)})  cpu median ${laterCpu[mid]!.toFixed(0).padStart(5)} ms  ${summary}`,
  );
}

const frame = buildFrame(FAMILIES);
// The load average (1, 5, 15 minutes) says how busy the machine was: on a shared machine, wall
// times above CPU times mean waiting for a core.
const load = () => loadavg().map((x) => x.toFixed(2)).join(" ");
console.log(`cohort sampler, ${FAMILIES.toLocaleString("en")} families${SCHOOL_SIZE > 0 ? ` in schools of ${SCHOOL_SIZE}` : " in one school"}, Node ${process.version}, load average ${load()}`);
time("all", { method: "all" }, frame);
time("random, 10%", { method: "random", fraction: 0.1 }, frame);
time("stratified by grade, 10%", { method: "stratified", fraction: 0.1, strata: ["grade"] }, frame);
time("balanced, 10%, 10 balancing variables", { method: "balanced", fraction: 0.1, balance: BALANCE }, frame);
console.log(`load average at the end: ${load()}`);
