import { z } from "zod";
import { createSchoolDayMinutes } from "../../calendar/minutes-cache.js";
import type { Rule } from "../types.js";
import { distinct, docsUrl } from "./shared.js";

const Options = z.strictObject({
  /** Minutes of outside-school-day time an educator's paid hours may fall short by. A shortfall of exactly this passes. */
  toleranceMinutes: z.number().nonnegative().default(0).describe("Minutes by which an educator's paid time may fall short of the visit's time outside the school day"),
});

/**
 * Non-negotiable 2: educators are paid for visits outside the school day. For each completed visit,
 * the minutes outside the school day (bell times of an instructional day, in the school's time zone,
 * by the shared calendar) must be covered by each educator's compensated hours for that visit.
 */
export const compensatedOutsideSchoolDay: Rule<z.infer<typeof Options>> = {
  meta: {
    id: "compensated-outside-school-day",
    protects: 2,
    description: "A completed visit outside the school day (in the school's time zone) has compensation for each educator covering its length outside the school day.",
    defaultLevel: "error",
    docs: docsUrl("compensated-outside-school-day"),
    options: Options,
  },
  check({ record, index, options, report }) {
    const { start: starts, end: ends } = index.visitTimes;
    // Memoized per schedule and local date; the school day is the calendar's schoolDayOn.
    const minutesInside = createSchoolDayMinutes();
    // Visits usually come school by school: the previous visit's school is tried before the Map.
    let lastSchoolId: string | undefined;
    let lastSchool: ReturnType<typeof index.schools.get>;
    // The minutes inside the school day by start instant, per school: visits are booked in a few
    // slots, so most visits repeat an earlier visit's start and end at their school, and one lookup
    // replaces the zone and calendar lookups of `minutesInside` (the minutes depend only on the two
    // instants and the school's zone, calendar and bell times). Keyed by the instants already read
    // into the index, not by the visits' texts: records from a parser hold a copy of each text, and
    // reading and hashing two million of them again cost more than the rest of the rule. The key is
    // the start in minutes since 1970, a small integer for a start on the minute (an instant in
    // milliseconds would be boxed for every lookup); the entry keeps the exact start and end.
    // Bounded, so a programme of all-different times keeps memory small.
    const memos = new Map<object, Map<number, { start: number; end: number; minutes: number }>>();
    let memo: Map<number, { start: number; end: number; minutes: number }> | undefined;
    let memoEntries = 0;
    const states = index.visitStates;
    record.visits.forEach((visit, i) => {
      if (states[i] !== 2) return;
      if (visit.schoolId !== lastSchoolId) {
        lastSchool = index.schools.get((lastSchoolId = visit.schoolId));
        memo = undefined;
      }
      const school = lastSchool;
      if (!school) {
        report({ entity: "visit", index: i, id: visit.id, field: "schoolId", message: `school '${visit.schoolId}' is not in the records, so the school day is unknown: add the school with its calendar and bell times` });
        return;
      }
      if (memo === undefined) {
        memo = memos.get(school);
        if (memo === undefined) memos.set(school, (memo = new Map()));
      }
      const start = starts[i]!;
      const end = ends[i]!;
      const length = (end - start) / 60_000;
      const key = start / 60_000;
      const seen = memo.get(key);
      let inside: number;
      if (seen !== undefined && seen.start === start && seen.end === end) inside = seen.minutes;
      else {
        inside = minutesInside(school, visit.start, visit.end, start, end);
        if (memoEntries < 100_000) {
          if (seen === undefined) memoEntries++;
          memo.set(key, { start, end, minutes: inside });
        }
      }
      const outside = length - inside;
      if (outside <= 0) return;
      for (const educatorId of distinct(visit.educatorIds)) {
        let hours = 0;
        for (const c of visit.compensation) if (c.educatorId === educatorId) hours += c.hours;
        const shortfall = outside - hours * 60;
        if (shortfall > options.toleranceMinutes + 1e-9) {
          const paid = hours === 0 ? "no compensation" : `compensation for ${Math.round(hours * 60)} min`;
          report({
            entity: "visit",
            index: i,
            id: visit.id,
            field: "compensation",
            message: `educator '${educatorId}' has ${paid} but the visit ran ${Math.round(outside)} min outside the school day: pay each educator for the visit's time outside the school day`,
          });
        }
      }
    });
  },
};
