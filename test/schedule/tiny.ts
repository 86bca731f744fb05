import type { AvailabilityWindow, Educator, Family } from "../../src/model/index.js";
import type { ScheduleInputData } from "../../src/schedule/index.js";
import { nySchool } from "../helpers.js";

export const SUNDAY: AvailabilityWindow = { kind: "weekly", weekday: "sunday", start: "12:00", end: "18:00" };
export const SATURDAY: AvailabilityWindow = { kind: "weekly", weekday: "saturday", start: "09:00", end: "12:30" };

/** An educator ready to visit, available on Sundays and Saturday mornings. */
export function educator(id: string, extra: Partial<Educator> = {}): Educator {
  return {
    id,
    schoolId: "sch-1",
    role: "teacher",
    languages: ["en"],
    optedInAt: "2026-05-01T16:00:00-04:00",
    trainings: [{ completedAt: "2026-06-20T15:00:00-04:00", hours: 6, outsideSchoolDay: true }],
    hourlyRate: 40,
    availability: [SUNDAY, SATURDAY],
    experience: "experienced",
    ...extra,
  };
}

/** A consenting family available on Sundays. */
export function family(id: string, extra: Partial<Family> = {}): Family {
  return { id, schoolId: "sch-1", homeLanguage: "en", consent: { status: "accepted", recordedAt: "2026-08-01T10:00:00-04:00" }, availability: [SUNDAY], ...extra };
}

/** One school, two pairs, three families, and a window around the end of daylight saving time. */
export function tinyInput(extra: Partial<ScheduleInputData> = {}): ScheduleInputData {
  return {
    school: nySchool(),
    educators: [educator("e1"), educator("e2"), educator("e3"), educator("e4")],
    pairs: [
      { id: "p1", schoolId: "sch-1", educatorIds: ["e1", "e2"] },
      { id: "p2", schoolId: "sch-1", educatorIds: ["e3", "e4"] },
    ],
    families: [family("f1"), family("f2"), family("f3")],
    students: [],
    season: { firstVisits: { start: "2026-10-31", end: "2026-11-01" }, secondVisits: { start: "2027-01-09", end: "2027-01-10" } },
    now: "2026-10-20T09:00:00-04:00",
    ...extra,
  };
}
