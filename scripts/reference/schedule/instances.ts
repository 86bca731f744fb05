/**
 * Random scheduler instances for the reference script, the property tests and the benchmark. A
 * New York school (08:30-15:00 bells, early release on Wednesdays); the window crosses the end of
 * daylight saving time (1 November 2026) so every instance exercises a DST day.
 */
import { createRandom } from "../../../src/random/index.js";
import type { AvailabilityWindow, Educator, Family, Pair, School, Student } from "../../../src/model/index.js";
import type { ScheduleInputData } from "../../../src/schedule/index.js";

/** Size and knobs of a generated instance. */
export interface InstanceSpec {
  seed: string;
  families: number;
  pairs: number;
  days: number;
  firstDay?: string;
  maxPerDay?: number;
  maxPerWeek?: number;
  requireSharedLanguage?: boolean;
  budget?: number;
  /** Every family consents (default: 88% accepted, the rest pending or declined). */
  allConsent?: boolean;
  /** Minutes of a visit; reflection and travel are 15 each, so 60 gives 90-minute slots. */
  visitMinutes?: number;
  /** Every educator is paid this hourly rate (default: 30 to 50, drawn per educator). */
  uniformRate?: number;
  /** Ready educators in no pair (default 0), `edu-spare-1`, ...: drawn last, so the rest is unchanged. */
  spareEducators?: number;
}

const day = { start: "08:30", end: "15:00" };
/** The school of every generated instance. */
export const SCHOOL: School = {
  id: "sch-1",
  name: "Generated Elementary",
  timeZone: "America/New_York",
  calendar: { firstDay: "2026-08-26", lastDay: "2027-06-11", closedDates: ["2026-09-07", "2026-10-12", "2026-11-03", "2026-11-11"] },
  bellTimes: { monday: day, tuesday: day, wednesday: { start: "08:30", end: "13:00" }, thursday: day, friday: day },
};

const w = (weekday: AvailabilityWindow extends infer T ? T extends { weekday: infer D } ? D : never : never, start: string, end: string): AvailabilityWindow => ({ kind: "weekly", weekday, start, end });

const FAMILY_MENU: AvailabilityWindow[] = [
  w("monday", "16:00", "19:00"),
  w("tuesday", "17:00", "20:30"),
  w("wednesday", "13:00", "17:00"),
  w("thursday", "15:30", "19:00"),
  w("friday", "15:00", "18:00"),
  w("saturday", "09:00", "12:30"),
  w("saturday", "13:00", "17:00"),
  w("sunday", "12:00", "18:00"),
];

const EDUCATOR_MENU: AvailabilityWindow[] = [
  w("monday", "15:30", "20:30"),
  w("tuesday", "15:30", "20:30"),
  w("wednesday", "13:00", "20:30"),
  w("thursday", "15:30", "20:30"),
  w("friday", "15:00", "18:30"),
  w("saturday", "09:00", "17:00"),
  w("sunday", "12:00", "18:00"),
];

/** A reproducible random instance. */
export function generateInstance(spec: InstanceSpec): ScheduleInputData {
  const random = createRandom(spec.seed);
  const pick = <T>(items: readonly T[], p: number): T[] => items.filter(() => random.bernoulli(p));
  const educators: Educator[] = [];
  const pairs: Pair[] = [];
  for (let p = 0; p < spec.pairs; p++) {
    const ids: [string, string] = [`edu-${2 * p + 1}`, `edu-${2 * p + 2}`];
    for (const id of ids) {
      const availability = pick(EDUCATOR_MENU, 0.6);
      educators.push({
        id,
        schoolId: SCHOOL.id,
        role: random.bernoulli(0.8) ? "teacher" : "counselor",
        languages: random.bernoulli(0.3) ? ["en", "es"] : random.bernoulli(0.1) ? ["en", "vi"] : ["en"],
        optedInAt: "2026-05-01T16:00:00-04:00",
        trainings: [{ completedAt: "2026-06-20T15:00:00-04:00", hours: 6, outsideSchoolDay: true }],
        hourlyRate: ((drawn) => spec.uniformRate ?? drawn)(30 + random.int(5) * 5 + (random.bernoulli(0.3) ? 0.5 : 0)),
        availability: availability.length > 0 ? availability : [EDUCATOR_MENU[5]!],
        experience: random.bernoulli(0.4) ? "experienced" : "first-year",
      });
    }
    pairs.push({ id: `pair-${p + 1}`, schoolId: SCHOOL.id, educatorIds: ids });
  }
  const families: Family[] = [];
  const students: Student[] = [];
  for (let f = 0; f < spec.families; f++) {
    const id = `fam-${f + 1}`;
    const r = random.float();
    const status = spec.allConsent || r < 0.88 ? "accepted" : r < 0.95 ? "pending" : "declined";
    const availability = pick(FAMILY_MENU, 0.25);
    families.push({
      id,
      schoolId: SCHOOL.id,
      homeLanguage: random.bernoulli(0.6) ? "en" : random.bernoulli(0.75) ? "es" : random.bernoulli(0.5) ? "vi" : "so",
      consent: status === "pending" ? { status } : { status, recordedAt: "2026-08-01T10:00:00-04:00" },
      availability,
    });
    const children = 1 + random.int(2);
    for (let c = 0; c < children; c++) {
      const teacher = random.bernoulli(0.7) ? `edu-${1 + random.int(2 * spec.pairs)}` : `tch-${1 + random.int(20)}`;
      students.push({ id: `stu-${f + 1}-${c + 1}`, schoolId: SCHOOL.id, grade: random.int(6), teacherId: teacher, familyId: id });
    }
  }
  for (let k = 1; k <= (spec.spareEducators ?? 0); k++) {
    const availability = pick(EDUCATOR_MENU, 0.6);
    educators.push({
      id: `edu-spare-${k}`,
      schoolId: SCHOOL.id,
      role: "teacher",
      languages: random.bernoulli(0.3) ? ["en", "es"] : ["en"],
      optedInAt: "2026-05-01T16:00:00-04:00",
      trainings: [{ completedAt: "2026-06-20T15:00:00-04:00", hours: 6, outsideSchoolDay: true }],
      hourlyRate: spec.uniformRate ?? 30 + random.int(5) * 5,
      availability: availability.length > 0 ? availability : [EDUCATOR_MENU[5]!],
      experience: random.bernoulli(0.4) ? "experienced" : "first-year",
    });
  }
  const first = spec.firstDay ?? "2026-10-26";
  const end = new Date(Date.parse(`${first}T12:00:00Z`) + (spec.days - 1) * 86_400_000).toISOString().slice(0, 10);
  return {
    school: SCHOOL,
    educators,
    pairs,
    families,
    students,
    season: { name: "generated", firstVisits: { start: first, end }, secondVisits: { start: "2027-01-11", end: "2027-04-30" } },
    now: `${first}T08:00:00-04:00`,
    options: {
      visitMinutes: spec.visitMinutes ?? 60,
      reflectionMinutes: 15,
      travelMinutes: 15,
      leadTimeHours: 24,
      maxVisitsPerPairPerDay: spec.maxPerDay ?? 2,
      maxVisitsPerPairPerWeek: spec.maxPerWeek ?? 5,
      requireSharedLanguage: spec.requireSharedLanguage ?? false,
      seed: spec.seed,
      ...(spec.budget !== undefined ? { budget: spec.budget } : {}),
    },
  };
}
