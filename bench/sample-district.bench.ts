// Benchmark: building the sample district, and writing and loading it as CSV.
// Run: npx tsx bench/sample-district.bench.ts [students]
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sampleDistrict } from "../src/index.js";
import { loadProgram, writeProgramCsv } from "../src/node/index.js";

function time<T>(label: string, run: () => T): T {
  const start = performance.now();
  const result = run();
  console.log(`${label}: ${(performance.now() - start).toFixed(0)} ms`);
  return result;
}

const students = Number(process.argv[2] ?? 1_000_000);
time("warm-up (10,000 students)", () => sampleDistrict({ students: 10_000 }));
const district = time(`sampleDistrict(${students.toLocaleString("en-US")} students)`, () => sampleDistrict({ students }));
console.log(`  ${district.families.length} families, ${district.educators.length} educators, ${district.visits.length} visits`);

const small = sampleDistrict({ students: 100_000 });
const dir = join(tmpdir(), "pthv-bench-district");
await writeProgramCsv(small, dir);
const start = performance.now();
const { program } = await loadProgram(dir);
console.log(`loadProgram(CSV folder, 100,000 students, ${program.visits.length} visits): ${(performance.now() - start).toFixed(0)} ms`);
await rm(dir, { recursive: true, force: true });
