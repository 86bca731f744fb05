import { z } from "zod";
import { ColumnValue, Id, IsoDate } from "./primitives.js";

/**
 * One student's outcomes for the school year, with the prior-year values an honest comparison
 * adjusts for. Further covariates are kept as named columns.
 *
 * @example
 * ```ts
 * import { OutcomeRecord } from "pthv";
 * const result = OutcomeRecord.safeParse(value);
 * if (!result.success) console.log(result.error.issues.map((i) => i.path.join(".")));
 * ```
 */
export const OutcomeRecord = z
  .object({
    studentId: Id,
    schoolId: Id,
    familyId: Id.optional(),
    visited: z.boolean(),
    firstVisitDate: IsoDate.optional(),
    invited: z.boolean().optional(),
    daysEnrolled: z.number().int().nonnegative(),
    daysAbsent: z.number().int().nonnegative(),
    readingProficient: z.boolean().optional(),
    readingScore: z.number().optional(),
    priorDaysEnrolled: z.number().int().nonnegative().optional(),
    priorDaysAbsent: z.number().int().nonnegative().optional(),
    priorReadingProficient: z.boolean().optional(),
    priorReadingScore: z.number().optional(),
  })
  .catchall(ColumnValue)
  .refine((o) => o.daysAbsent <= o.daysEnrolled, { message: "daysAbsent must not exceed daysEnrolled", path: ["daysAbsent"] });
/** One student's outcomes. */
export type OutcomeRecord = z.infer<typeof OutcomeRecord>;
