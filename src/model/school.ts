import { DateTime } from "luxon";
import { z } from "zod";
import { Id, IsoDate, TimeOfDay, TimeZone, WEEKDAYS, bothValid, minutesOfDay } from "./primitives.js";

/**
 * The bell times of one instructional weekday, in the school's time zone.
 *
 * @example
 * ```ts
 * import { BellTimes } from "pthv";
 * const result = BellTimes.safeParse(value);
 * if (!result.success) console.log(result.error.issues.map((i) => i.path.join(".")));
 * ```
 */
export const BellTimes = z
  .object({ start: TimeOfDay, end: TimeOfDay })
  .refine((b) => !(typeof b.start === "string" && typeof b.end === "string") || minutesOfDay(b.end) > minutesOfDay(b.start), { message: "end bell must be after start bell", path: ["end"] });
/** The bell times of one instructional weekday. */
export type BellTimes = z.infer<typeof BellTimes>;

/**
 * A school year's instructional calendar: the first and last instructional day and the dates the
 * school is closed in between (holidays, breaks, professional days).
 *
 * @example
 * ```ts
 * import { SchoolCalendar } from "pthv";
 * const result = SchoolCalendar.safeParse(value);
 * if (!result.success) console.log(result.error.issues.map((i) => i.path.join(".")));
 * ```
 */
export const SchoolCalendar = z
  .object({
    firstDay: IsoDate,
    lastDay: IsoDate,
    closedDates: z.array(IsoDate).default([]),
  })
  .refine((c) => !bothValid(c.firstDay, c.lastDay) || DateTime.fromISO(c.lastDay) >= DateTime.fromISO(c.firstDay), {
    message: "lastDay must not be before firstDay",
    path: ["lastDay"],
  });
/** A school year's instructional calendar. */
export type SchoolCalendar = z.infer<typeof SchoolCalendar>;

const bellShape = Object.fromEntries(WEEKDAYS.map((d) => [d, BellTimes.optional()])) as {
  [K in (typeof WEEKDAYS)[number]]: z.ZodOptional<typeof BellTimes>;
};

/**
 * A school: where it is (its IANA time zone), its instructional calendar and its bell times per
 * weekday. A weekday without bell times has no school (weekends, usually).
 *
 * @example
 * ```ts
 * import { School } from "pthv";
 * const school = School.parse({ id: "sch-1", name: "Maple Elementary", timeZone: "America/New_York",
 *   calendar: { firstDay: "2026-08-26", lastDay: "2027-06-11", closedDates: ["2026-09-07"] },
 *   bellTimes: { monday: { start: "08:30", end: "15:00" } } });
 * ```
 */
export const School = z.object({
  id: Id,
  name: z.string().min(1),
  districtId: Id.optional(),
  timeZone: TimeZone,
  calendar: SchoolCalendar,
  bellTimes: z.object(bellShape),
});
/** A school. */
export type School = z.infer<typeof School>;
