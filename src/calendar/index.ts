/**
 * The school day, in the school's time zone: the one implementation of "outside the school day"
 * that the scheduler and the validator share. Weekends, closed dates, days before the first or
 * after the last instructional day, and hours outside the bells are all outside the school day.
 * Daylight-saving changes are handled by luxon's zoned arithmetic.
 *
 * @packageDocumentation
 */
import { DateTime, Interval } from "luxon";
import { WEEKDAYS, type BellTimes, type School } from "../model/index.js";

/** Parses an ISO datetime (with offset) or takes a luxon DateTime, and expresses it in `zone`. */
export function toZoned(value: string | DateTime, zone: string): DateTime {
  const dt = typeof value === "string" ? DateTime.fromISO(value, { setZone: true }) : value;
  return dt.setZone(zone);
}

/**
 * The bell times of a school on a local calendar date, or `undefined` when the date is not an
 * instructional day (weekend, closed date, outside the school year).
 *
 * @example
 * ```ts
 * bellTimesOn(school, "2026-09-14"); // { start: "08:00", end: "15:00" } on a Monday with school
 * ```
 */
export function bellTimesOn(school: School, isoDate: string): BellTimes | undefined {
  if (isoDate < school.calendar.firstDay || isoDate > school.calendar.lastDay) return undefined;
  if (school.calendar.closedDates.includes(isoDate)) return undefined;
  const weekday = DateTime.fromISO(isoDate, { zone: school.timeZone }).weekday; // 1 = Monday
  const name = WEEKDAYS[weekday - 1];
  return name === undefined ? undefined : school.bellTimes[name];
}

/**
 * Whether a local calendar date is an instructional day at the school.
 *
 * @example
 * ```ts
 * isInstructionalDay(school, "2026-09-12"); // false on a Saturday
 * ```
 */
export function isInstructionalDay(school: School, isoDate: string): boolean {
  return bellTimesOn(school, isoDate) !== undefined;
}

/**
 * The school day on a local date as a zoned interval from the first to the last bell, or
 * `undefined` when there is no school that day.
 *
 * @example
 * ```ts
 * schoolDayOn(school, "2026-09-14")?.start.toISO(); // "2026-09-14T08:00:00.000-04:00"
 * ```
 */
export function schoolDayOn(school: School, isoDate: string): Interval | undefined {
  const bells = bellTimesOn(school, isoDate);
  if (!bells) return undefined;
  const day = DateTime.fromISO(isoDate, { zone: school.timeZone });
  const at = (hhmm: string) => {
    const [h, m] = hhmm.split(":").map(Number);
    return day.set({ hour: h ?? 0, minute: m ?? 0, second: 0, millisecond: 0 });
  };
  return Interval.fromDateTimes(at(bells.start), at(bells.end));
}

/**
 * Minutes of the interval `[start, end)` that fall inside the school day, in the school's zone.
 *
 * @example
 * ```ts
 * minutesInsideSchoolDay(school, "2026-09-14T14:30:00-04:00", "2026-09-14T16:00:00-04:00"); // 30
 * ```
 */
export function minutesInsideSchoolDay(school: School, start: string | DateTime, end: string | DateTime): number {
  const from = toZoned(start, school.timeZone);
  const to = toZoned(end, school.timeZone);
  if (!(to > from)) return 0;
  let minutes = 0;
  for (let day = from.startOf("day"); day < to; day = day.plus({ days: 1 }).startOf("day")) {
    const interval = schoolDayOn(school, day.toISODate() ?? "");
    if (!interval) continue;
    const overlap = interval.intersection(Interval.fromDateTimes(from, to));
    if (overlap) minutes += overlap.length("minutes");
  }
  return minutes;
}

/**
 * Whether the whole interval `[start, end)` lies outside the school day, in the school's time zone.
 * Touching a bell (ending exactly at the first bell, starting exactly at the last) is outside.
 *
 * @example
 * ```ts
 * isOutsideSchoolDay(school, "2026-09-14T15:30:00-04:00", "2026-09-14T17:00:00-04:00"); // true after a 15:00 bell
 * isOutsideSchoolDay(school, "2026-09-14T14:00:00-04:00", "2026-09-14T15:30:00-04:00"); // false
 * ```
 */
export function isOutsideSchoolDay(school: School, start: string | DateTime, end: string | DateTime): boolean {
  return minutesInsideSchoolDay(school, start, end) === 0;
}
