import { sampleDistrict } from "../../src/sample-district/index.js";
import type { ScheduleInputData } from "../../src/schedule/index.js";

/** A scheduler input for the first school of the sample district, with every family consenting. */
export function sampleInput(options: { seed?: string; students?: number; consentAll?: boolean } = {}): ScheduleInputData {
  const district = sampleDistrict({ seed: options.seed ?? "schedule", students: options.students ?? 300 });
  const school = district.schools[0]!;
  const mine = <T extends { schoolId: string }>(rows: T[]) => rows.filter((r) => r.schoolId === school.id);
  const families = mine(district.families).map((f) => (options.consentAll ?? true ? { ...f, consent: { status: "accepted" as const } } : f));
  return {
    school,
    educators: mine(district.educators),
    pairs: mine(district.pairs),
    families,
    students: mine(district.students).map((s) => ({ id: s.id, schoolId: s.schoolId, grade: s.grade, teacherId: s.teacherId, familyId: s.familyId })),
    season: district.season!,
    now: `${district.season!.firstVisits.start}T09:00:00-04:00`,
  };
}
