import { PthvInputError, type InputIssue } from "../errors/index.js";
import { IsoDateTime } from "../model/index.js";
import { runSchedule, type Schedule } from "./schedule.js";

/**
 * What changed since a schedule was made.
 *
 * @example
 * ```ts
 * const changes: ScheduleChanges = { cancelledFamilyIds: ["fam-12"], now: "2026-09-20T09:00:00-04:00" };
 * ```
 */
export interface ScheduleChanges {
  /** Families that cancelled: their visits are removed and they are not booked again. */
  cancelledFamilyIds?: string[];
  /** Educators who dropped out: their pairs stop visiting and those families are booked again. */
  droppedEducatorIds?: string[];
  /** The new booking moment (default: the schedule's). New visits respect the lead time after it. */
  now?: string;
}

/**
 * Repairs a schedule after a family cancels or an educator drops out. Every visit that is not
 * affected stays exactly where it is; the families whose pair dropped out (and those not
 * scheduled before) are booked again, optimally, in the capacity that is left. The result obeys
 * every rule a fresh schedule does.
 *
 * @param schedule - a schedule from {@link scheduleVisits} (or an earlier `reschedule`)
 * @param changes - cancelled families, dropped educators, and optionally a new `now`
 * @returns a new schedule; the old one is not mutated
 * @throws PthvInputError when a change names an unknown family or educator, or `now` is not a zoned datetime
 *
 * @example
 * ```ts
 * const repaired = reschedule(schedule, { droppedEducatorIds: ["edu-7"], now: "2026-09-20T09:00:00-04:00" });
 * ```
 */
export function reschedule(schedule: Schedule, changes: ScheduleChanges): Schedule {
  const input = schedule.input;
  const issues: InputIssue[] = [];
  const familyIds = new Set(input.families.map((f) => f.id));
  const educatorIds = new Set(input.educators.map((e) => e.id));
  (changes.cancelledFamilyIds ?? []).forEach((id, k) => {
    if (!familyIds.has(id)) issues.push({ entity: "family", id, field: `cancelledFamilyIds[${k}]`, message: "unknown family id: it is not in the schedule's input" });
  });
  (changes.droppedEducatorIds ?? []).forEach((id, k) => {
    if (!educatorIds.has(id)) issues.push({ entity: "educator", id, field: `droppedEducatorIds[${k}]`, message: "unknown educator id: it is not in the schedule's input" });
  });
  if (changes.now !== undefined && !IsoDateTime.safeParse(changes.now).success) {
    issues.push({ entity: "changes", field: "now", message: "must be an ISO datetime with an offset, e.g. 2026-09-14T16:30:00-04:00" });
  }
  if (issues.length > 0) throw new PthvInputError(issues, "the changes do not match the schedule");
  const dropped = new Set(changes.droppedEducatorIds ?? []);
  const cancelled = new Set(changes.cancelledFamilyIds ?? []);
  const pairs = input.pairs.filter((p) => !p.educatorIds.some((e) => dropped.has(e)));
  const pairIds = new Set(pairs.map((p) => p.id));
  const kept = schedule.visits.filter((v) => pairIds.has(v.pairId) && !cancelled.has(v.familyId));
  return runSchedule({ ...input, pairs, now: changes.now ?? input.now }, kept, cancelled);
}
