import { z } from "zod";
import { Cohort } from "./cohort.js";
import { Educator } from "./educator.js";
import { Family } from "./family.js";
import { OutcomeRecord } from "./outcome.js";
import { ImplementationPlan } from "./plan.js";
import { IsoDate } from "./primitives.js";
import { School } from "./school.js";
import { Student } from "./student.js";
import { Pair, Reflection, Visit } from "./visit.js";

/**
 * The window for first visits (summer and fall) and, optionally, for second visits.
 *
 * @example
 * ```ts
 * import { Season } from "pthv";
 * const result = Season.safeParse(value);
 * if (!result.success) console.log(result.error.issues.map((i) => i.path.join(".")));
 * ```
 */
export const Season = z.object({
  name: z.string().optional(),
  firstVisits: z.object({ start: IsoDate, end: IsoDate }),
  secondVisits: z.object({ start: IsoDate, end: IsoDate }).optional(),
});
/** The season windows. */
export type Season = z.infer<typeof Season>;

/**
 * A programme's records, all together: the validator's input and the sample district's output.
 *
 * @example
 * ```ts
 * import { ProgramRecord } from "pthv";
 * const result = ProgramRecord.safeParse(value);
 * if (!result.success) console.log(result.error.issues.map((i) => i.path.join(".")));
 * ```
 */
export const ProgramRecord = z.object({
  schools: z.array(School).default([]),
  students: z.array(Student).default([]),
  families: z.array(Family).default([]),
  educators: z.array(Educator).default([]),
  pairs: z.array(Pair).default([]),
  visits: z.array(Visit).default([]),
  reflections: z.array(Reflection).default([]),
  cohorts: z.array(Cohort).default([]),
  plan: ImplementationPlan.optional(),
  season: Season.optional(),
  outcomes: z.array(OutcomeRecord).default([]),
});
/** A programme's records, all together. */
export type ProgramRecord = z.infer<typeof ProgramRecord>;
/**
 * A programme's records as written in a file, before defaults are filled in.
 *
 * @example
 * ```ts
 * import { parseProgram, type ProgramRecordInput } from "pthv";
 * const input: ProgramRecordInput = { families: [{ id: "fam-1", schoolId: "sch-1", homeLanguage: "en" }] };
 * parseProgram(input).families[0]!.consent.status; // "pending"
 * ```
 */
export type ProgramRecordInput = z.input<typeof ProgramRecord>;
