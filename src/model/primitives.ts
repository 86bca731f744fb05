import { IANAZone, DateTime } from "luxon";
import { z } from "zod";
import { isoMillis } from "./iso-millis.js";

/**
 * A pseudonymous identifier: non-empty, no surrounding white space. Never a name.
 *
 * @example
 * ```ts
 * import { Id } from "pthv";
 * const result = Id.safeParse(value);
 * if (!result.success) console.log(result.error.issues.map((i) => i.path.join(".")));
 * ```
 */
export const Id = z
  .string()
  .min(1, "must not be empty")
  .refine((s) => s.trim() === s, "must not start or end with white space");
/** A pseudonymous identifier. */
export type Id = z.infer<typeof Id>;

/**
 * An ISO-8601 calendar date, `YYYY-MM-DD`.
 *
 * @example
 * ```ts
 * import { IsoDate } from "pthv";
 * const result = IsoDate.safeParse(value);
 * if (!result.success) console.log(result.error.issues.map((i) => i.path.join(".")));
 * ```
 */
export const IsoDate = z.iso.date({ error: "must be an ISO date (YYYY-MM-DD)" });
/** An ISO-8601 calendar date, `YYYY-MM-DD`. */
export type IsoDate = z.infer<typeof IsoDate>;

/**
 * An ISO-8601 date and time with an explicit offset (`Z` or `±hh:mm`). A datetime without a zone
 * is refused: it would be ambiguous across daylight saving time.
 *
 * @example
 * ```ts
 * import { IsoDateTime } from "pthv";
 * const result = IsoDateTime.safeParse(value);
 * if (!result.success) console.log(result.error.issues.map((i) => i.path.join(".")));
 * ```
 */
export const IsoDateTime = z.iso.datetime({
  offset: true,
  error: "must be an ISO datetime with an offset, e.g. 2026-09-14T16:30:00-04:00",
});
/** An ISO-8601 date and time with an explicit offset. */
export type IsoDateTime = z.infer<typeof IsoDateTime>;

/**
 * A wall-clock time of day, `HH:mm` (24-hour).
 *
 * @example
 * ```ts
 * import { TimeOfDay } from "pthv";
 * const result = TimeOfDay.safeParse(value);
 * if (!result.success) console.log(result.error.issues.map((i) => i.path.join(".")));
 * ```
 */
export const TimeOfDay = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be a time of day HH:mm (24-hour), e.g. 08:15");
/** A wall-clock time of day, `HH:mm`. */
export type TimeOfDay = z.infer<typeof TimeOfDay>;

/**
 * An IANA time zone name such as `America/New_York`.
 *
 * @example
 * ```ts
 * import { TimeZone } from "pthv";
 * const result = TimeZone.safeParse(value);
 * if (!result.success) console.log(result.error.issues.map((i) => i.path.join(".")));
 * ```
 */
export const TimeZone = z
  .string()
  .refine((zone) => IANAZone.isValidZone(zone), "must be an IANA time zone name, e.g. America/New_York");
/** An IANA time zone name. */
export type TimeZone = z.infer<typeof TimeZone>;

/**
 * Days of the week, lower case, Monday first (ISO weekday 1..7).
 *
 * @example
 * ```ts
 * import { WEEKDAYS } from "pthv";
 * WEEKDAYS[0]; // "monday" (ISO weekday 1)
 * ```
 */
export const WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"] as const;
/**
 * A day of the week.
 *
 * @example
 * ```ts
 * import { Weekday } from "pthv";
 * const result = Weekday.safeParse(value);
 * if (!result.success) console.log(result.error.issues.map((i) => i.path.join(".")));
 * ```
 */
export const Weekday = z.enum(WEEKDAYS);
/** A day of the week. */
export type Weekday = z.infer<typeof Weekday>;

/**
 * Converts `HH:mm` into minutes after midnight.
 *
 * @example
 * ```ts
 * import { minutesOfDay } from "pthv";
 * minutesOfDay("15:30"); // 930
 * ```
 */
export function minutesOfDay(time: string): number {
  const [h, m] = time.split(":");
  return Number(h) * 60 + Number(m);
}

/**
 * A recurring weekly window of availability, in the school's time zone, e.g. Saturdays 09:00 to 12:00.
 *
 * @example
 * ```ts
 * import { WeeklyWindow } from "pthv";
 * const result = WeeklyWindow.safeParse(value);
 * if (!result.success) console.log(result.error.issues.map((i) => i.path.join(".")));
 * ```
 */
export const WeeklyWindow = z
  .object({
    kind: z.literal("weekly"),
    weekday: Weekday,
    start: TimeOfDay,
    end: TimeOfDay,
  })
  .refine((w) => !(typeof w.start === "string" && typeof w.end === "string") || minutesOfDay(w.end) > minutesOfDay(w.start), {
    message: "end must be after start",
    path: ["end"],
  });
/** A recurring weekly window of availability. */
export type WeeklyWindow = z.infer<typeof WeeklyWindow>;

/**
 * A dated window of availability between two zoned datetimes.
 *
 * @example
 * ```ts
 * import { DatedWindow } from "pthv";
 * const result = DatedWindow.safeParse(value);
 * if (!result.success) console.log(result.error.issues.map((i) => i.path.join(".")));
 * ```
 */
export const DatedWindow = z
  .object({
    kind: z.literal("dated"),
    start: IsoDateTime,
    end: IsoDateTime,
  })
  .refine((w) => !bothValid(w.start, w.end) || isoMillis(w.end) > isoMillis(w.start), {
    message: "end must be after start",
    path: ["end"],
  });
/** A dated window of availability. */
export type DatedWindow = z.infer<typeof DatedWindow>;

/**
 * A window of availability: recurring weekly or dated.
 *
 * @example
 * ```ts
 * import { AvailabilityWindow } from "pthv";
 * const result = AvailabilityWindow.safeParse(value);
 * if (!result.success) console.log(result.error.issues.map((i) => i.path.join(".")));
 * ```
 */
export const AvailabilityWindow = z.union([WeeklyWindow, DatedWindow]);
/** A window of availability: recurring weekly or dated. */
export type AvailabilityWindow = z.infer<typeof AvailabilityWindow>;

/**
 * A value an analyst brings as a named column: number, boolean, category, or missing (`null`).
 *
 * @example
 * ```ts
 * import { ColumnValue } from "pthv";
 * const result = ColumnValue.safeParse(value);
 * if (!result.success) console.log(result.error.issues.map((i) => i.path.join(".")));
 * ```
 */
export const ColumnValue = z.union([z.number(), z.boolean(), z.string(), z.null()]);
/** A value in an analyst's named column. */
export type ColumnValue = z.infer<typeof ColumnValue>;

/**
 * True when both values are valid ISO dates or datetimes (refinements compare only then).
 *
 * @example
 * ```ts
 * import { bothValid } from "pthv";
 * bothValid("2026-09-01", "2026-13-01"); // false
 * ```
 */
export function bothValid(a: unknown, b: unknown): boolean {
  return typeof a === "string" && typeof b === "string" && !Number.isNaN(isoMillis(a)) && !Number.isNaN(isoMillis(b));
}

