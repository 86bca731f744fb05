import { DateTime } from "luxon";
import { toCsv } from "../format/csv.js";
import { sha256Hex } from "../random/index.js";
import type { Schedule } from "./schedule.js";

/**
 * Options of {@link toICalendar}.
 *
 * @example
 * ```ts
 * import { scheduleVisits, toICalendar, type ICalendarOptions } from "pthv";
 * const options: ICalendarOptions = { calendarName: "Home visits, fall", includeFamilyId: false };
 * const ics = toICalendar(scheduleVisits(input), options);
 * ```
 */
export interface ICalendarOptions {
  /** Name of the calendar shown by calendar programs. */
  calendarName?: string;
  /** The calendar address of an educator (a URI such as `mailto:...`); default `urn:pthv:educator:<id>`. */
  attendeeAddress?: (educatorId: string) => string;
  /** Put the family's pseudonymous id in the event (default true). Names and addresses are never written. */
  includeFamilyId?: boolean;
}

const utc = (iso: string): string => DateTime.fromISO(iso, { setZone: true }).toUTC().toFormat("yyyyMMdd'T'HHmmss'Z'");

/** Escapes a TEXT value (RFC 5545, 3.3.11). */
const text = (value: string): string => value.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");

/** Folds a content line at 75 octets (RFC 5545, 3.1), never inside a UTF-8 sequence. */
function fold(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    if (octets + size > (parts.length === 0 ? 75 : 74)) {
      parts.push(current);
      current = "";
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

/**
 * Writes a schedule as an iCalendar file (RFC 5545): one event per visit, in UTC, with both
 * educators as attendees and the reflection in the description. No student names or addresses
 * are written; the family's pseudonymous id is, unless `includeFamilyId` is false.
 *
 * @param schedules - a schedule from {@link scheduleVisits}, or several (one per school) for one calendar
 * @param options - calendar name, attendee addresses, whether to show family ids
 * @returns iCalendar text with CRLF line ends
 *
 * @example
 * ```ts
 * const ics = toICalendar(schedule, { calendarName: "Home visits, fall 2026" });
 * ```
 */
export function toICalendar(schedules: Schedule | readonly Schedule[], options: ICalendarOptions = {}): string {
  const address = options.attendeeAddress ?? ((id: string) => `urn:pthv:educator:${encodeURIComponent(id)}`);
  const showFamily = options.includeFamilyId ?? true;
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//pthv//pair scheduler//EN", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"];
  if (options.calendarName !== undefined) lines.push(`X-WR-CALNAME:${text(options.calendarName)}`);
  const list: readonly Schedule[] = Array.isArray(schedules) ? (schedules as readonly Schedule[]) : [schedules as Schedule];
  for (const schedule of list) {
    const reflectionOf = new Map(schedule.reflections.map((r) => [r.visitIds[0], r]));
    for (const v of schedule.visits) {
      const reflection = reflectionOf.get(v.id);
      const kind = v.visitNumber === 1 ? "first visit (relationship: hopes and dreams)" : "second visit (academic support)";
      const details = [
        `Parent Teacher Home Visit, ${kind}.`,
        showFamily ? `Family ${v.familyId}.` : "",
        `Pair ${v.pairId}: ${v.educatorIds.join(" and ")}.`,
        v.interpreter ? "An interpreter is needed." : "",
        reflection ? `Reflection with your partner until ${DateTime.fromISO(reflection.end, { setZone: true }).toFormat("HH:mm")}.` : "",
      ].filter((s) => s !== "");
      lines.push(
        "BEGIN:VEVENT",
        `UID:${showFamily ? `${v.id}-${schedule.schoolId}` : sha256Hex(`${schedule.schoolId}\u0000${v.id}`).slice(0, 32)}@pthv`,
        `DTSTAMP:${utc(v.scheduledAt)}`,
        `DTSTART:${utc(v.start)}`,
        `DTEND:${utc(v.end)}`,
        `SUMMARY:${text(`Home visit${showFamily ? ` with family ${v.familyId}` : ""} (${v.visitNumber === 1 ? "first" : "second"})`)}`,
        `DESCRIPTION:${text(details.join(" "))}`,
        ...v.educatorIds.map((id) => `ATTENDEE;CN="${id.replace(/"/g, "'")}";ROLE=REQ-PARTICIPANT:${address(id)}`),
        "CATEGORIES:PTHV",
        "STATUS:CONFIRMED",
        "TRANSP:OPAQUE",
        "END:VEVENT",
      );
    }
  }
  lines.push("END:VCALENDAR");
  return `${lines.map(fold).join("\r\n")}\r\n`;
}

/**
 * Which table of a schedule to write as CSV.
 *
 * @example
 * ```ts
 * import { scheduleToCsv, scheduleVisits, type ScheduleTable } from "pthv";
 * const table: ScheduleTable = "unscheduled";
 * const csv = scheduleToCsv(scheduleVisits(input), table);
 * ```
 */
export type ScheduleTable = "visits" | "unscheduled" | "compensation";

/**
 * Writes one table of a schedule as CSV for spreadsheets, protected against formula injection
 * (cells starting with `=`, `+`, `-` or `@` are prefixed with an apostrophe).
 *
 * @param schedule - a schedule from {@link scheduleVisits}
 * @param table - `visits` (default), `unscheduled` or `compensation`
 * @returns CSV text with a header row
 *
 * @example
 * ```ts
 * const csv = scheduleToCsv(schedule, "visits");
 * ```
 */
export function scheduleToCsv(schedule: Schedule, table: ScheduleTable = "visits"): string {
  if (table === "unscheduled") {
    return toCsv(
      schedule.unscheduled.map((u) => ({ familyId: u.familyId, reason: u.reasons.map((r) => r.code).join("; "), explanation: u.reasons.map((r) => r.message).join("; ") })),
      ["familyId", "reason", "explanation"],
    );
  }
  if (table === "compensation") {
    const columns = ["educatorId", "pairId", "visits", "visitHours", "reflectionHours", "trainingHours", "hourlyRate", "visitPay", "reflectionPay", "trainingPay", "total"] as const;
    return toCsv(schedule.compensation.educators.map((e) => ({ ...e })), columns);
  }
  const reflectionEnd = new Map(schedule.reflections.map((r) => [r.visitIds[0], r.end]));
  return toCsv(
    schedule.visits.map((v) => ({
      visitId: v.id,
      familyId: v.familyId,
      pairId: v.pairId,
      educator1: v.educatorIds[0],
      educator2: v.educatorIds[1],
      start: v.start,
      end: v.end,
      reflectionEnd: reflectionEnd.get(v.id),
      visitNumber: v.visitNumber,
      focus: v.focus,
      interpreter: v.interpreter,
      ownTeacher: v.ownTeacher,
      scheduledAt: v.scheduledAt,
    })),
    ["visitId", "familyId", "pairId", "educator1", "educator2", "start", "end", "reflectionEnd", "visitNumber", "focus", "interpreter", "ownTeacher", "scheduledAt"],
  );
}
