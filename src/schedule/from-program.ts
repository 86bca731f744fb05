import { PthvInputError } from "../errors/index.js";
import type { ProgramRecord } from "../model/index.js";
import type { ScheduleInputData, ScheduleOptions } from "./input.js";
import type { z } from "zod";

/**
 * What {@link scheduleInputFromProgram} needs besides the programme.
 *
 * @example
 * ```ts
 * import { scheduleInputFromProgram, scheduleVisits, type ProgramScheduleRequest } from "pthv";
 * const request: ProgramScheduleRequest = { schoolId: "sch-01", now: "2026-07-01T09:00:00-04:00" };
 * const schedule = scheduleVisits(scheduleInputFromProgram(program, request));
 * ```
 */
export interface ProgramScheduleRequest {
  /** The school to schedule. */
  schoolId: string;
  /** The booking moment, with an offset. */
  now: string;
  /** 1 (default) for first visits, 2 for second visits (the programme's visits are the first ones). */
  visitNumber?: 1 | 2;
  /** Scheduler options. */
  options?: z.input<typeof ScheduleOptions>;
}

/**
 * Builds the scheduler's input for one school from a whole programme record (as loaded by
 * `loadProgram` from a JSON file or a CSV folder): the school, its educators, pairs, families,
 * students (teacher and family only: no other attribute is passed on), the season, and for second
 * visits the school's first visits.
 *
 * @param program - a parsed programme record
 * @param request - the school, `now`, the visit number and options
 * @returns an input for {@link scheduleVisits}
 * @throws PthvInputError when the school is not in the programme or the programme has no season
 *
 * @example
 * ```ts
 * const { program } = await loadProgram("district/");
 * const schedule = scheduleVisits(scheduleInputFromProgram(program, { schoolId: "sch-01", now: "2026-07-15T09:00:00-04:00" }));
 * ```
 */
export function scheduleInputFromProgram(program: ProgramRecord, request: ProgramScheduleRequest): ScheduleInputData {
  const school = program.schools.find((s) => s.id === request.schoolId);
  const issues = [];
  if (!school) issues.push({ entity: "school", id: request.schoolId, message: `is not in the programme (schools: ${program.schools.map((s) => s.id).join(", ") || "none"})` });
  if (!program.season) issues.push({ entity: "season", field: "season", message: "the programme has no season: add the first-visit window" });
  if (!school || !program.season) throw new PthvInputError(issues, "cannot build a schedule input from the programme");
  const mine = <T extends { schoolId: string }>(rows: readonly T[]) => rows.filter((r) => r.schoolId === school.id);
  const visitNumber = request.visitNumber ?? 1;
  return {
    school,
    educators: mine(program.educators),
    pairs: mine(program.pairs),
    families: mine(program.families),
    // Only the teacher and the family travel: the scheduler never sees any attribute of a child.
    students: mine(program.students).map(({ id, schoolId, grade, teacherId, familyId }) => ({ id, schoolId, grade, teacherId, familyId })),
    season: program.season,
    now: request.now,
    visitNumber,
    previousVisits: visitNumber === 2 ? mine(program.visits).filter((v) => v.visitNumber === 1) : [],
    ...(request.options !== undefined ? { options: request.options } : {}),
  };
}
