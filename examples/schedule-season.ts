/**
 * A coordinator's season in one call: pair the ready educators of a school, book every consenting
 * family it can (optimally), and write the season's calendar as an .ics file that any calendar
 * program imports. Uses the synthetic sample district; prints counts only, never records.
 *
 * Run: npm run build && npx tsx examples/schedule-season.ts [out.ics]
 */
import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { formPairs, sampleDistrict, scheduleVisits, toICalendar } from "pthv";

const district = sampleDistrict({ seed: "example", students: 800 });
const school = district.schools[0]!;
const season = district.season!;
const ofSchool = <T extends { schoolId: string }>(rows: T[]) => rows.filter((r) => r.schoolId === school.id);

// 1. Pairs: exact maximum-weight matching of the educators opted in and trained before the season.
const readyBy = `${season.firstVisits.start}T00:00:00-04:00`;
const pairing = formPairs(ofSchool(district.educators), { readyBy, students: ofSchool(district.students), families: ofSchool(district.families) });
console.log(`${pairing.pairs.length} pairs formed; ${pairing.unpaired.length} educators unpaired (${[...new Set(pairing.unpaired.map((u) => u.reason))].join(", ")})`);

// 2. Visits: the most consenting families, then the lowest cost, outside the school day.
const schedule = scheduleVisits({
  school,
  educators: ofSchool(district.educators),
  pairs: pairing.pairs.map(({ id, schoolId, educatorIds }) => ({ id, schoolId, educatorIds })),
  families: ofSchool(district.families),
  students: ofSchool(district.students).map(({ id, schoolId, grade, teacherId, familyId }) => ({ id, schoolId, grade, teacherId, familyId })),
  season,
  now: `${season.firstVisits.start}T09:00:00-04:00`,
  options: { visitMinutes: 60, reflectionMinutes: 15, travelMinutes: 15, maxVisitsPerPairPerWeek: 4 },
});
const reasons = new Map<string, number>();
for (const u of schedule.unscheduled) for (const r of u.reasons) reasons.set(r.code, (reasons.get(r.code) ?? 0) + 1);
console.log(`${schedule.visits.length} visits booked for ${schedule.summary.families} families (${schedule.objective.optimal ? "optimal" : "not proved optimal"})`);
console.log(`not booked: ${[...reasons].map(([code, n]) => `${n} ${code}`).join(", ") || "none"}`);
console.log(`season pay ${schedule.compensation.totals.seasonPay.toFixed(2)}, with training ${schedule.compensation.totals.total.toFixed(2)}`);

// 3. The calendar: one event per visit, both educators invited, no names or addresses.
const out = process.argv[2] ?? join(tmpdir(), `pthv-${school.id}-season.ics`);
await writeFile(out, toICalendar(schedule, { calendarName: `Home visits ${season.name ?? ""}`.trim() }));
console.log(`wrote ${out}`);
