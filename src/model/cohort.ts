import { z } from "zod";
import { Id, IsoDateTime } from "./primitives.js";

/**
 * How a cohort was drawn. Each method invites all families or a cross-section; none targets.
 *
 * @example
 * ```ts
 * import { CohortMethod } from "pthv";
 * const result = CohortMethod.safeParse(value);
 * if (!result.success) console.log(result.error.issues.map((i) => i.path.join(".")));
 * ```
 */
export const CohortMethod = z.enum(["all", "random", "stratified", "balanced", "classroom"]);
/** How a cohort was drawn. */
export type CohortMethod = z.infer<typeof CohortMethod>;

/**
 * What a third party needs to re-draw a cohort and confirm nobody hand-picked families: method,
 * options, seed, library version and a SHA-256 digest of the frame's sorted ids.
 *
 * @example
 * ```ts
 * import { CohortAudit } from "pthv";
 * const result = CohortAudit.safeParse(value);
 * if (!result.success) console.log(result.error.issues.map((i) => i.path.join(".")));
 * ```
 */
export const CohortAudit = z.object({
  method: CohortMethod,
  options: z.record(z.string(), z.unknown()),
  seed: z.union([z.string(), z.number()]),
  version: z.string(),
  frameDigest: z.string().regex(/^[0-9a-f]{64}$/, "must be a hex SHA-256 digest"),
  frameSize: z.number().int().nonnegative(),
  drawnAt: IsoDateTime.optional(),
});
/** The audit record of a cohort. */
export type CohortAudit = z.infer<typeof CohortAudit>;

/**
 * The families invited to a visit this season, and how they were chosen.
 *
 * @example
 * ```ts
 * import { Cohort } from "pthv";
 * const result = Cohort.safeParse(value);
 * if (!result.success) console.log(result.error.issues.map((i) => i.path.join(".")));
 * ```
 */
export const Cohort = z
  .object({
    id: Id.optional(),
    schoolIds: z.array(Id).optional(),
    method: CohortMethod,
    seed: z.union([z.string(), z.number()]),
    selectedFamilyIds: z.array(Id),
    reserve: z.array(Id).default([]),
    declinedFamilyIds: z.array(Id).default([]),
    inclusionProbability: z.number().min(0).max(1).optional(),
    audit: CohortAudit,
  })
  .loose();
/** The families invited this season. */
export type Cohort = z.infer<typeof Cohort>;
