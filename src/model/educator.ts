import { z } from "zod";
import { AvailabilityWindow, Id, IsoDateTime } from "./primitives.js";

/**
 * What an educator does at the school.
 *
 * @example
 * ```ts
 * import { EducatorRole } from "pthv";
 * const result = EducatorRole.safeParse(value);
 * if (!result.success) console.log(result.error.issues.map((i) => i.path.join(".")));
 * ```
 */
export const EducatorRole = z.enum(["teacher", "counselor", "administrator", "paraprofessional", "other-staff"]);
/** What an educator does at the school. */
export type EducatorRole = z.infer<typeof EducatorRole>;

/**
 * A completed training in the PTHV model.
 *
 * @example
 * ```ts
 * import { Training } from "pthv";
 * const result = Training.safeParse(value);
 * if (!result.success) console.log(result.error.issues.map((i) => i.path.join(".")));
 * ```
 */
export const Training = z.object({
  completedAt: IsoDateTime,
  hours: z.number().nonnegative(),
  /** Whether the training took place outside the school day (and so is compensated). Default true. */
  outsideSchoolDay: z.boolean().default(true),
});
/** A completed training. */
export type Training = z.infer<typeof Training>;

/**
 * Whether the educator is visiting for the first year or has visited before.
 *
 * @example
 * ```ts
 * import { VisitorExperience } from "pthv";
 * const result = VisitorExperience.safeParse(value);
 * if (!result.success) console.log(result.error.issues.map((i) => i.path.join(".")));
 * ```
 */
export const VisitorExperience = z.enum(["first-year", "experienced"]);
/** Whether the educator is visiting for the first year. */
export type VisitorExperience = z.infer<typeof VisitorExperience>;

/**
 * An educator: teacher, counsellor, administrator, paraprofessional or other staff. Visiting is
 * voluntary: `optedInAt` records the opt-in (absent: not opted in). `hourlyRate` is the rate paid
 * for work outside the school day, in the district's currency.
 *
 * @example
 * ```ts
 * import { Educator } from "pthv";
 * const educator = Educator.parse({ id: "e1", schoolId: "sch-1", role: "teacher", hourlyRate: 42, optedInAt: "2026-05-04T16:00:00-04:00" });
 * educator.languages; // ["en"] by default
 * ```
 */
export const Educator = z.object({
  id: Id,
  schoolId: Id,
  role: EducatorRole,
  languages: z.array(z.string().min(1)).default(["en"]),
  optedInAt: IsoDateTime.optional(),
  trainings: z.array(Training).default([]),
  hourlyRate: z.number().nonnegative(),
  availability: z.array(AvailabilityWindow).default([]),
  experience: VisitorExperience.default("first-year"),
});
/** An educator. */
export type Educator = z.infer<typeof Educator>;
