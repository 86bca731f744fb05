/**
 * A district tool's season: load the roster (a folder of CSV files), draw this season's cohort
 * without targeting anyone, pair the educators, schedule the invited families who said yes, and
 * export the calendar and a spreadsheet for the coordinator. The roster here is the synthetic
 * sample district written as CSV; a real tool points loadProgram at its own export.
 *
 * Run: npm run build && npx tsx examples/district-tool.ts [out-folder]
 * Prints counts only, never a record about a child.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { formPairs, sampleCohort, sampleDistrict, scheduleInputFromProgram, scheduleToCsv, scheduleVisits, toICalendar } from "pthv";
import { loadProgram, writeProgramCsv } from "pthv/node";

const roster = await mkdtemp(join(tmpdir(), "pthv-roster-"));
const out = process.argv[2] ?? (await mkdtemp(join(tmpdir(), "pthv-season-")));
try {
  await writeProgramCsv(sampleDistrict({ seed: "district-tool", students: 1500 }), roster);

  // 1. Load the roster: every problem in the files would be reported at once, located.
  const { program } = await loadProgram(roster);
  const school = program.schools[0]!;
  const ofSchool = <T extends { schoolId: string }>(rows: readonly T[]) => rows.filter((r) => r.schoolId === school.id);

  // 2. The cohort: 40% of the school's families, balanced on prior attendance and background.
  const cohort = sampleCohort(ofSchool(program.students), {
    method: "balanced",
    fraction: 0.4,
    balance: ["priorDaysAbsent", "priorReadingScore", "ell", "iep", "frl"],
    seed: "fall-2026",
  });
  const invited = new Set(cohort.selectedFamilyIds);
  console.log(`${school.name}: ${invited.size} families invited (${cohort.balance?.verdict}, max |SMD| ${cohort.balance?.maxAbsSmd?.toFixed(3)})`);

  // 3. Pairs of opted-in, trained educators.
  const readyBy = `${program.season!.firstVisits.start}T00:00:00-04:00`;
  const pairing = formPairs(ofSchool(program.educators), { readyBy, students: ofSchool(program.students), families: ofSchool(program.families) });
  console.log(`${pairing.pairs.length} pairs; ${pairing.unpaired.length} educators unpaired, each with a reason`);

  // 4. Schedule the invited families (families not invited are not asked this season).
  const season = {
    ...program,
    pairs: pairing.pairs.map((p) => ({ id: p.id, schoolId: p.schoolId, educatorIds: p.educatorIds })),
    families: program.families.map((f) => (invited.has(f.id) ? f : { ...f, consent: { status: "pending" as const } })),
  };
  const schedule = scheduleVisits(scheduleInputFromProgram(season, { schoolId: school.id, now: "2026-07-01T09:00:00-04:00" }));
  console.log(`${schedule.visits.length} visits booked (${schedule.objective.optimal ? "proved optimal" : "not proved optimal"}); ${schedule.unscheduled.length} families not scheduled, each with reasons`);

  // 5. Exports: a calendar for the educators, spreadsheets for the coordinator.
  await writeFile(join(out, "season.ics"), toICalendar(schedule, { calendarName: `${school.name} home visits` }));
  await writeFile(join(out, "visits.csv"), scheduleToCsv(schedule, "visits"));
  await writeFile(join(out, "compensation.csv"), scheduleToCsv(schedule, "compensation"));
  console.log(`wrote season.ics, visits.csv and compensation.csv to ${out}`);
  if (schedule.visits.length === 0) process.exitCode = 1;
} finally {
  await rm(roster, { recursive: true, force: true });
}
