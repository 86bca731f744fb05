// A district tool's first step: write the sample district as CSV files, load them back with every
// problem located, and check a visit against the school day. Run: npx tsx examples/load-and-inspect.ts
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PthvInputError, isOutsideSchoolDay, sampleDistrict } from "pthv";
import { loadProgram, writeProgramCsv } from "pthv/node";

const dir = await mkdtemp(join(tmpdir(), "pthv-example-"));
try {
  await writeProgramCsv(sampleDistrict({ seed: "example", students: 800 }), dir);
  const { program, sources } = await loadProgram(dir);
  const schools = new Map(program.schools.map((s) => [s.id, s]));
  const outside = program.visits.filter((v) => isOutsideSchoolDay(schools.get(v.schoolId)!, v.start, v.end)).length;
  console.log(`${program.visits.length} visits loaded from ${sources.visits?.[0]?.file}; ${outside} outside the school day`);
  if (outside !== program.visits.length) process.exitCode = 1;

  // A path that is not there: the error says where and what to do, it never crashes.
  try {
    await loadProgram(join(dir, "missing.json"));
  } catch (error) {
    if (!(error instanceof PthvInputError)) throw error;
    console.log(`as expected: ${error.issues[0]?.message}`);
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
