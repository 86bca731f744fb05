import { DateTime } from "luxon";
import { z } from "zod";
import { PthvInputError, type InputIssue } from "../errors/index.js";
import { Educator, Family, IsoDateTime, Pair, School, Season, Student, TimeOfDay, Visit, bothValid, minutesOfDay, type AvailabilityWindow } from "../model/index.js";

/**
 * The scheduler's options. Lengths are in minutes; the slot grid is built from
 * `visitMinutes + reflectionMinutes + travelMinutes`, so one pair's slots never overlap and the
 * travel buffer always separates two visits of the same educators.
 *
 * @example
 * ```ts
 * const options = ScheduleOptions.parse({ visitMinutes: 60, leadTimeHours: 72, budget: 20000 });
 * options.maxVisitsPerPairPerWeek; // 6 (the default)
 * ```
 */
export const ScheduleOptions = z.object({
  /** Length of a visit. */
  visitMinutes: z.number().int().positive().max(480).default(60),
  /** Length of the partners' reflection, held right after the visit. */
  reflectionMinutes: z.number().int().positive().max(240).default(15),
  /** Travel buffer after the reflection, before the pair's next visit. Paid with the visit. */
  travelMinutes: z.number().int().nonnegative().max(240).default(15),
  /** Minimum time between booking (`now`) and the start of a visit, in hours. */
  leadTimeHours: z.number().nonnegative().default(48),
  /** Most visits one pair makes on one day. */
  maxVisitsPerPairPerDay: z.number().int().positive().default(2),
  /** Most visits one pair makes in one week (weeks counted from the first day of the window). */
  maxVisitsPerPairPerWeek: z.number().int().positive().default(6),
  /** Budget for the season's visit, travel and reflection pay, in the rates' currency. */
  budget: z.number().nonnegative().optional(),
  /**
   * Most work of the exact search under a binding budget, in arc-phases (one Dijkstra over the
   * flow network counts its arcs): when reached, the best schedule found is returned with
   * `objective.optimal: false` and the gap. A count, not a clock: the same on every machine.
   */
  budgetSearchWork: z.number().positive().default(5e8),
  /** When true, a family whose language no educator of a pair speaks is not visited by that pair. */
  requireSharedLanguage: z.boolean().default(false),
  /** First slot of a day on the grid, local time. */
  dayStart: TimeOfDay.default("08:00"),
  /** No part of a slot (visit, reflection, travel) runs past this local time. */
  dayEnd: TimeOfDay.default("21:00"),
  /** Seed of the random order that breaks ties between families. */
  seed: z.union([z.string(), z.number()]).default("pthv"),
  /** Integer weights of the secondary objective (see docs/schedule.md). */
  weights: z
    .object({
      /** Cost of a visit by a pair that does not teach any of the family's children. */
      notOwnTeacher: z.number().int().nonnegative().default(100),
      /** Cost of a visit that needs an interpreter. */
      interpreter: z.number().int().nonnegative().default(50),
      /** Cost of the k-th visit of a pair is (k - 1) times this: it spreads the load. */
      load: z.number().int().nonnegative().default(1),
      /** Cost per week after the first week of the window: earlier weeks first. */
      week: z.number().int().nonnegative().default(5),
    })
    .default({ notOwnTeacher: 100, interpreter: 50, load: 1, week: 5 }),
});
/** The scheduler's options, defaults filled in. */
export type ScheduleOptions = z.infer<typeof ScheduleOptions>;

/**
 * Everything the scheduler needs for one school: the school, its educators and pairs, the families
 * (with consent and availability) and their students (for teachers), the season, the booking
 * moment `now`, which visit is being scheduled, and the options. Second visits also take the
 * first visits already made (`previousVisits`).
 *
 * @example
 * ```ts
 * const input = ScheduleInput.parse({ school, educators, pairs, families, students, season, now: "2026-08-20T09:00:00-04:00" });
 * input.visitNumber; // 1
 * ```
 */
export const ScheduleInput = z.object({
  school: School,
  educators: z.array(Educator),
  pairs: z.array(Pair),
  families: z.array(Family),
  students: z.array(Student).default([]),
  season: Season,
  now: IsoDateTime,
  visitNumber: z.union([z.literal(1), z.literal(2)]).default(1),
  previousVisits: z.array(Visit).default([]),
  options: ScheduleOptions.default(ScheduleOptions.parse({})),
});
/** A parsed scheduler input. */
export type ScheduleInput = z.infer<typeof ScheduleInput>;
/**
 * A scheduler input as written by a caller, before defaults are filled in.
 *
 * @example
 * ```ts
 * const input: ScheduleInputData = { school, educators, pairs, families, season, now: "2026-08-20T09:00:00-04:00", options: { budget: 5000 } };
 * ```
 */
export type ScheduleInputData = z.input<typeof ScheduleInput>;

const ENTITY: Record<string, string> = {
  educators: "educator",
  pairs: "pair",
  families: "family",
  students: "student",
  previousVisits: "visit",
};

function locate(raw: unknown, path: readonly PropertyKey[]): Omit<InputIssue, "message"> {
  const [head, index, ...rest] = path;
  const entity = typeof head === "string" ? ENTITY[head] : undefined;
  if (entity !== undefined && typeof index === "number") {
    const item = (raw as Record<string, unknown[]> | null)?.[head as string]?.[index] as Record<string, unknown> | undefined;
    const id = typeof item?.id === "string" ? item.id : undefined;
    const field = rest.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("").replace(/^\./, "");
    return { entity, ...(id !== undefined ? { id } : { field: `${head as string}[${index}]` }), ...(field ? { field } : {}) };
  }
  const field = path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("").replace(/^\./, "");
  return { entity: head === "school" ? "school" : "schedule input", ...(field ? { field } : {}) };
}

/**
 * Parses and checks a scheduler input: the shapes (zod), then every cross-reference and rule the
 * scheduler relies on. Every problem is reported at once; the input is not mutated.
 *
 * @param raw - the input as read from JSON or built in code
 * @returns the parsed input with defaults filled in
 * @throws PthvInputError naming each bad record (entity, id, field) and what to do
 *
 * @example
 * ```ts
 * const input = parseScheduleInput(JSON.parse(text));
 * ```
 */
export function parseScheduleInput(raw: unknown): ScheduleInput {
  const parsed = ScheduleInput.safeParse(raw);
  if (!parsed.success) {
    throw new PthvInputError(parsed.error.issues.map((i) => ({ ...locate(raw, i.path), message: i.message })), "the schedule input is not valid");
  }
  const issues = checkScheduleInput(parsed.data);
  if (issues.length > 0) throw new PthvInputError(issues, "the schedule input is not consistent");
  return parsed.data;
}

function duplicates(ids: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const id of ids) (seen.has(id) ? dup : seen).add(id);
  return dup;
}

function windowIssues(windows: readonly AvailabilityWindow[], entity: string, id: string): InputIssue[] {
  const issues: InputIssue[] = [];
  for (let i = 0; i < windows.length; i++) {
    for (let j = i + 1; j < windows.length; j++) {
      if (overlaps(windows[i]!, windows[j]!)) {
        issues.push({ entity, id, field: `availability[${j}]`, message: `overlaps availability[${i}]: merge the two windows into one` });
      }
    }
  }
  return issues;
}

function overlaps(a: AvailabilityWindow, b: AvailabilityWindow): boolean {
  if (a.kind === "weekly" && b.kind === "weekly") {
    return a.weekday === b.weekday && minutesOfDay(a.start) < minutesOfDay(b.end) && minutesOfDay(b.start) < minutesOfDay(a.end);
  }
  if (a.kind === "dated" && b.kind === "dated") {
    return DateTime.fromISO(a.start) < DateTime.fromISO(b.end) && DateTime.fromISO(b.start) < DateTime.fromISO(a.end);
  }
  return false;
}

/** Cross-record checks on a shape-valid input. */
function checkScheduleInput(input: ScheduleInput): InputIssue[] {
  const issues: InputIssue[] = [];
  const { school, season, options } = input;
  const schoolId = school.id;
  const educatorIds = new Set(input.educators.map((e) => e.id));
  const familyIds = new Set(input.families.map((f) => f.id));
  for (const [collection, entity, ids] of [
    ["educators", "educator", input.educators.map((e) => e.id)],
    ["pairs", "pair", input.pairs.map((p) => p.id)],
    ["families", "family", input.families.map((f) => f.id)],
  ] as const) {
    for (const id of duplicates(ids)) issues.push({ entity, id, field: "id", message: `appears more than once in ${collection}: ids must be unique` });
  }
  for (const e of input.educators) {
    if (e.schoolId !== schoolId) issues.push({ entity: "educator", id: e.id, field: "schoolId", message: `belongs to school '${e.schoolId}', not '${schoolId}': schedule one school at a time` });
    issues.push(...windowIssues(e.availability, "educator", e.id));
  }
  for (const f of input.families) {
    if (f.schoolId !== schoolId) issues.push({ entity: "family", id: f.id, field: "schoolId", message: `belongs to school '${f.schoolId}', not '${schoolId}': schedule one school at a time` });
    issues.push(...windowIssues(f.availability, "family", f.id));
  }
  const pairOf = new Map<string, string>();
  for (const p of input.pairs) {
    const [a, b] = p.educatorIds;
    if (a === b) issues.push({ entity: "pair", id: p.id, field: "educatorIds", message: "names the same educator twice: a pair is two distinct educators" });
    if (p.schoolId !== schoolId) issues.push({ entity: "pair", id: p.id, field: "schoolId", message: `belongs to school '${p.schoolId}', not '${schoolId}'` });
    p.educatorIds.forEach((e, k) => {
      if (!educatorIds.has(e)) issues.push({ entity: "pair", id: p.id, field: `educatorIds[${k}]`, message: `unknown educator id '${e}': add the educator to educators or correct the id` });
      const other = pairOf.get(e);
      if (other !== undefined && other !== p.id) issues.push({ entity: "pair", id: p.id, field: `educatorIds[${k}]`, message: `educator '${e}' is already in pair '${other}': each educator visits in one pair` });
      pairOf.set(e, p.id);
    });
  }
  input.students.forEach((s, k) => {
    if (!familyIds.has(s.familyId)) issues.push({ entity: "student", id: s.id, field: "familyId", message: `unknown family id '${s.familyId}': add the family or correct the id (students[${k}])` });
  });
  input.previousVisits.forEach((v) => {
    if (!familyIds.has(v.familyId)) issues.push({ entity: "visit", id: v.id, field: "familyId", message: `unknown family id '${v.familyId}': add the family or correct the id` });
  });
  const window = input.visitNumber === 1 ? season.firstVisits : season.secondVisits;
  if (window === undefined) {
    issues.push({ entity: "schedule input", field: "season.secondVisits", message: "second visits need a season.secondVisits window" });
  } else {
    if (bothValid(window.start, window.end) && window.end < window.start) {
      issues.push({ entity: "schedule input", field: `season.${input.visitNumber === 1 ? "firstVisits" : "secondVisits"}.end`, message: "the window ends before it starts: swap start and end" });
    }
    const earliest = DateTime.fromISO(school.calendar.firstDay).minus({ days: 92 }).toISODate() ?? "";
    if (window.end < earliest || window.start > school.calendar.lastDay) {
      issues.push({
        entity: "school",
        id: schoolId,
        field: "calendar",
        message: `the school's calendar (${school.calendar.firstDay} to ${school.calendar.lastDay}) does not cover the visit window ${window.start} to ${window.end}: give the calendar of the school year the visits fall in`,
      });
    }
  }
  if (minutesOfDay(options.dayEnd) <= minutesOfDay(options.dayStart)) {
    issues.push({ entity: "schedule input", field: "options.dayEnd", message: "must be after options.dayStart" });
  }
  return issues;
}
