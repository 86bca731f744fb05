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
export type SchoolDayMinutes = (school: School, start: string, end: string, startMs?: number, endMs?: number) => number;

/** The calendar date after an ISO date, by plain calendar arithmetic (no zone involved). */
function nextDate(isoDate: string): string {
  const [y, m, d] = isoDate.split("-").map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + 1)).toISOString().slice(0, 10);
}

/** The local date of an instant in the school's zone, cached. */
function localDate(cache: ScheduleCache, school: School, iso: string): string {
  let date = cache.localDates.get(iso);
  if (date === undefined) cache.localDates.set(iso, (date = DateTime.fromISO(iso, { setZone: true }).setZone(school.timeZone).toISODate() ?? ""));
  return date;
}

interface ScheduleCache {
  /** The school day of each local date, as [start, end) in epoch milliseconds, or null. */
  days: Map<string, [number, number] | null>;
  /** The local date of each written instant, in the schedule's zone. */
  localDates: Map<string, string>;
}

/**
 * Creates a memoized {@link SchoolDayMinutes}. Schools with the same time zone, calendar and bell
 * times share their cache. Keep one per batch of records (the cache grows with the distinct dates
 * and instants seen).
 *
 * @returns a function with the meaning of `minutesInsideSchoolDay(school, start, end)`; callers that
 *   have already parsed `start` and `end` may pass them as epoch milliseconds too
 */
export function createSchoolDayMinutes(): SchoolDayMinutes {
  const bySchool = new WeakMap<School, ScheduleCache>();
  const bySchedule = new Map<string, ScheduleCache>();
  const nextDates = new Map<string, string>();
  const cacheOf = (school: School): ScheduleCache => {
    let cache = bySchool.get(school);
    if (cache === undefined) {
      const key = JSON.stringify([school.timeZone, school.calendar, school.bellTimes]);
      cache = bySchedule.get(key);
      if (cache === undefined) bySchedule.set(key, (cache = { days: new Map(), localDates: new Map() }));
      bySchool.set(school, cache);
    }
    return cache;
  };
  return (school, start, end, startMs, endMs) => {
    const from = startMs ?? Date.parse(start);
    const to = endMs ?? Date.parse(end);
    if (!(to > from)) return 0;
    const cache = cacheOf(school);
    const last = localDate(cache, school, end);
    let minutes = 0;
    for (let date = localDate(cache, school, start); date <= last; ) {
      let day = cache.days.get(date);
      if (day === undefined) {
        const interval = schoolDayOn(school, date);
        cache.days.set(date, (day = interval?.start && interval.end ? [interval.start.toMillis(), interval.end.toMillis()] : null));
      }
      if (day) {
        const overlap = Math.min(day[1], to) - Math.max(day[0], from);
        if (overlap > 0) minutes += overlap / 60_000;
      }
      if (date === last) break;
      let next = nextDates.get(date);
      if (next === undefined) nextDates.set(date, (next = nextDate(date)));
      date = next;
    }
    return minutes;
  };
}
