import { DateTime } from "luxon";
import { isOutsideSchoolDay } from "../calendar/index.js";
import { WEEKDAYS, minutesOfDay, type AvailabilityWindow, type School } from "../model/index.js";
import type { ScheduleOptions } from "./input.js";

/** One slot of the grid: a visit, then the reflection, then the travel buffer. */
export interface Slot {
  index: number;
  /** Local date of the slot, `YYYY-MM-DD`. */
  date: string;
  /** Days after the first day of the window. */
  day: number;
  /** Weeks (7-day blocks) after the first day of the window. */
  week: number;
  weekday: string;
  /** Local minutes after midnight of the visit's start, the visit's end and the reflection's end. */
  startMinute: number;
  visitEndMinute: number;
  reflectionEndMinute: number;
  /** Epoch milliseconds. */
  startMs: number;
  visitEndMs: number;
  reflectionEndMs: number;
  blockEndMs: number;
  /** ISO datetimes with the school's offset. */
  startIso: string;
  visitEndIso: string;
  reflectionEndIso: string;
}

/**
 * Why days or slots of the window were left off the grid, counted.
 *
 * @example
 * ```ts
 * import { scheduleVisits, type GridSummary } from "pthv";
 * const grid: GridSummary = scheduleVisits(input).summary.grid;
 * console.log(`${grid.slots} slots kept; ${grid.insideSchoolDay} fell inside the school day`);
 * ```
 */
export interface GridSummary {
  days: number;
  candidateSlots: number;
  insideSchoolDay: number;
  beforeLeadTime: number;
  slots: number;
}

/**
 * The slot grid of a window: every day, slots start at `dayStart` and follow each other every
 * `visit + reflection + travel` minutes while the whole block ends by `dayEnd`. A slot is kept only
 * when the whole block is outside the school day (src/calendar) and the visit starts at least the
 * lead time after `now`.
 */
export function buildGrid(school: School, window: { start: string; end: string }, now: string, options: ScheduleOptions): { slots: Slot[]; summary: GridSummary } {
  const zone = school.timeZone;
  const block = options.visitMinutes + options.reflectionMinutes + options.travelMinutes;
  const earliestMs = DateTime.fromISO(now, { setZone: true }).toMillis() + options.leadTimeHours * 3_600_000;
  const first = DateTime.fromISO(window.start, { zone });
  const last = DateTime.fromISO(window.end, { zone });
  const dayStart = minutesOfDay(options.dayStart);
  const dayEnd = minutesOfDay(options.dayEnd);
  const slots: Slot[] = [];
  const summary: GridSummary = { days: 0, candidateSlots: 0, insideSchoolDay: 0, beforeLeadTime: 0, slots: 0 };
  for (let date = first, day = 0; date <= last; date = date.plus({ days: 1 }), day++) {
    summary.days++;
    const midnight = date.startOf("day");
    const open = midnight.set({ hour: Math.floor(dayStart / 60), minute: dayStart % 60 });
    for (let k = 0; ; k++) {
      const start = open.plus({ minutes: k * block });
      const blockEnd = start.plus({ minutes: block });
      const blockEndLocal = blockEnd.diff(midnight, "minutes").minutes;
      if (blockEnd.toISODate() !== start.toISODate() || localMinute(blockEnd) > dayEnd || blockEndLocal > 24 * 60) break;
      summary.candidateSlots++;
      if (start.toMillis() < earliestMs) {
        summary.beforeLeadTime++;
        continue;
      }
      if (!isOutsideSchoolDay(school, start, blockEnd)) {
        summary.insideSchoolDay++;
        continue;
      }
      const visitEnd = start.plus({ minutes: options.visitMinutes });
      const reflectionEnd = visitEnd.plus({ minutes: options.reflectionMinutes });
      slots.push({
        index: slots.length,
        date: start.toISODate() ?? "",
        day,
        week: Math.floor(day / 7),
        weekday: WEEKDAYS[start.weekday - 1] ?? "monday",
        startMinute: localMinute(start),
        visitEndMinute: localMinute(visitEnd),
        reflectionEndMinute: localMinute(reflectionEnd),
        startMs: start.toMillis(),
        visitEndMs: visitEnd.toMillis(),
        reflectionEndMs: reflectionEnd.toMillis(),
        blockEndMs: blockEnd.toMillis(),
        startIso: iso(start),
        visitEndIso: iso(visitEnd),
        reflectionEndIso: iso(reflectionEnd),
      });
    }
  }
  summary.slots = slots.length;
  return { slots, summary };
}

function iso(t: DateTime): string {
  return t.toISO({ suppressMilliseconds: true }) ?? "";
}

function localMinute(t: DateTime): number {
  return t.hour * 60 + t.minute;
}

/**
 * The indices of the slots whose `[start, end)` lies inside the windows, where `end` is the visit's end (for a
 * family) or the reflection's end (for an educator). Weekly windows are read in the school's zone.
 */
export function availableSlots(windows: readonly AvailabilityWindow[], slots: readonly Slot[], until: "visit" | "reflection"): number[] {
  // Windows are read once: weekly ones as (weekday, minutes), dated ones as epoch milliseconds.
  const weekly = windows.filter((w) => w.kind === "weekly").map((w) => ({ weekday: w.weekday, start: minutesOfDay(w.start), end: minutesOfDay(w.end) }));
  const dated = windows.filter((w) => w.kind === "dated").map((w) => ({ start: Date.parse(w.start), end: Date.parse(w.end) }));
  const out: number[] = [];
  for (const slot of slots) {
    const endMinute = until === "visit" ? slot.visitEndMinute : slot.reflectionEndMinute;
    const endMs = until === "visit" ? slot.visitEndMs : slot.reflectionEndMs;
    const inside =
      weekly.some((w) => w.weekday === slot.weekday && w.start <= slot.startMinute && endMinute <= w.end && endMinute > slot.startMinute) ||
      dated.some((w) => w.start <= slot.startMs && endMs <= w.end);
    if (inside) out.push(slot.index);
  }
  return out;
}
