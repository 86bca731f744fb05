import { z } from "zod";
import { ColumnValue, Id } from "./primitives.js";

/**
 * Grade levels: -1 pre-kindergarten, 0 kindergarten, 1 to 12.
 *
 * @example
 * ```ts
 * import { Grade } from "pthv";
 * const result = Grade.safeParse(value);
 * if (!result.success) console.log(result.error.issues.map((i) => i.path.join(".")));
 * ```
 */
export const Grade = z.number().int().min(-1, "grade must be -1 (pre-K) to 12").max(12, "grade must be -1 (pre-K) to 12");

/**
 * A student: the unit whose outcomes are measured. `familyId` groups siblings (one family, one
 * visit); `teacherId` is the teacher of record. Any further attributes an analyst brings (prior
 * absences, prior reading, language learner, special education, income eligibility, ...) are kept
 * as named columns on the record.
 *
 * @example
 * ```ts
 * import { Student } from "pthv";
 * const student = Student.parse({ id: "stu-1", schoolId: "sch-1", grade: 3, teacherId: "e1", familyId: "fam-1", ell: true, priorDaysAbsent: 12 });
 * student.priorDaysAbsent; // 12, kept as a named column
 * ```
 */
export const Student = z
  .object({
    id: Id,
    schoolId: Id,
    grade: Grade,
    teacherId: Id,
    familyId: Id,
  })
  .catchall(ColumnValue);
/** A student. */
export type Student = z.infer<typeof Student>;
