/**
 * A memoized form of {@link minutesInsideSchoolDay} for checking many intervals: the school day of
 * each (schedule, local date) is asked of {@link schoolDayOn} once, and each instant's local date is
 * computed once per zone, so a season of visits costs a few hundred zoned computations instead of
 * several per visit. The school day itself is still defined only by `schoolDayOn`; the result equals
 * `minutesInsideSchoolDay` (a property test checks this).
 */
import { DateTime } from "luxon";
import type { School } from "../model/index.js";
import { schoolDayOn } from "./index.js";

/** Minutes of `[start, end)` inside the school day, as `minutesInsideSchoolDay` computes them. */
export type SchoolDayMinutes = (school: School, start: string, end: string) => number;

/** The calendar date after an ISO date, by plain calendar arithmetic (no zone involved). */
function nextDate(isoDate: string): string {
  const [y, m, d] = isoDate.split("-").map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + 1)).toISOString().slice(0, 10);
}

/**
 * Creates a memoized {@link SchoolDayMinutes}. Schools with the same time zone, calendar and bell
 * times share their cache. Keep one per batch of records (the cache grows with the distinct dates
 * and instants seen).
 *
 * @returns a function with the meaning of `minutesInsideSchoolDay(school, start, end)`
 */
export function createSchoolDayMinutes(): SchoolDayMinutes {
  const scheduleKey = new WeakMap<School, string>();
  const days = new Map<string, [number, number] | null>();
  const localDates = new Map<string, string>();
  const keyOf = (school: School): string => {
    let key = scheduleKey.get(school);
    if (key === undefined) {
      key = JSON.stringify([school.timeZone, school.calendar, school.bellTimes]);
      scheduleKey.set(school, key);
    }
    return key;
  };
  const localDate = (iso: string, zone: string): string => {
    const key = `${zone}\u0000${iso}`;
    let date = localDates.get(key);
    if (date === undefined) {
      date = DateTime.fromISO(iso, { setZone: true }).setZone(zone).toISODate() ?? "";
      localDates.set(key, date);
    }
    return date;
  };
  const dayOf = (school: School, schedule: string, date: string): [number, number] | null => {
    const key = `${schedule}\u0000${date}`;
    let day = days.get(key);
    if (day === undefined) {
      const interval = schoolDayOn(school, date);
      day = interval?.start && interval.end ? [interval.start.toMillis(), interval.end.toMillis()] : null;
      days.set(key, day);
    }
    return day;
  };
  return (school, start, end) => {
    const from = Date.parse(start);
    const to = Date.parse(end);
    if (!(to > from)) return 0;
    const schedule = keyOf(school);
    const last = localDate(end, school.timeZone);
    let minutes = 0;
    for (let date = localDate(start, school.timeZone); date <= last; date = nextDate(date)) {
      const day = dayOf(school, schedule, date);
      if (!day) continue;
      const overlap = Math.min(day[1], to) - Math.max(day[0], from);
      if (overlap > 0) minutes += overlap / 60_000;
    }
    return minutes;
  };
}
