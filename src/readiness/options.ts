/**
 * The readiness scorer's weights and thresholds: zod-validated, each with a documented default.
 */
import { z } from "zod";
import { PthvConfigError } from "../errors/index.js";

/**
 * Default points of each criterion; they sum to 100.
 *
 * @example
 * ```ts
 * import { DEFAULT_WEIGHTS } from "pthv";
 * DEFAULT_WEIGHTS.principal; // 30
 * ```
 */
export const DEFAULT_WEIGHTS = { principal: 30, support: 30, funding: 25, processes: 15 } as const;

/**
 * Options of {@link scoreReadiness} and {@link rankSchools}. Every field has a default:
 *
 * - `weights`: points of each criterion, summing to 100. Default principal 30, support 30,
 *   funding 25, processes 15.
 * - `supportThreshold`: share of ALL teachers who must support the practice. Default 0.5 (the
 *   resolution's "at least 50%"). A gate.
 * - `fundingThreshold`: budget as a share of the estimated cost. Default 1 (the whole cost, to keep
 *   the promise of compensation). A gate.
 * - `almostSupportMargin`: a school that misses only the support gate is `almost` ready when its
 *   confirmed share is at most this far below the threshold. Default 0.1 (10 percentage points).
 * - `almostFundingMargin`: a school that misses only the funding gate is `almost` ready when its
 *   budget covers at least `fundingThreshold - almostFundingMargin` of the cost. Default 0.1.
 *
 * A missing principal champion is never a small margin: without one a school is `not-ready`.
 *
 * @example
 * ```ts
 * import { ReadinessOptions } from "pthv";
 * const options = ReadinessOptions.parse({ supportThreshold: 0.6 });
 * options.weights.funding; // 25 (the default)
 * ```
 */
export const ReadinessOptions = z
  .object({
    weights: z
      .object({
        principal: z.number().nonnegative().default(DEFAULT_WEIGHTS.principal),
        support: z.number().nonnegative().default(DEFAULT_WEIGHTS.support),
        funding: z.number().nonnegative().default(DEFAULT_WEIGHTS.funding),
        processes: z.number().nonnegative().default(DEFAULT_WEIGHTS.processes),
      })
      .default({ ...DEFAULT_WEIGHTS }),
    supportThreshold: z.number().gt(0).max(1).default(0.5),
    fundingThreshold: z.number().gt(0).default(1),
    almostSupportMargin: z.number().min(0).max(1).default(0.1),
    almostFundingMargin: z.number().min(0).max(1).default(0.1),
  })
  .refine((o) => Math.abs(o.weights.principal + o.weights.support + o.weights.funding + o.weights.processes - 100) < 1e-9, {
    message: "the four weights must sum to 100",
    path: ["weights"],
  });
/** The readiness options, defaults filled in. */
export type ReadinessOptions = z.infer<typeof ReadinessOptions>;
/**
 * The readiness options as a caller gives them (every field optional).
 *
 * @example
 * ```ts
 * import { scoreReadiness, type ReadinessOptionsInput } from "pthv";
 * const options: ReadinessOptionsInput = { weights: { principal: 25, support: 35, funding: 25, processes: 15 } };
 * scoreReadiness(school, options);
 * ```
 */
export type ReadinessOptionsInput = z.input<typeof ReadinessOptions>;

/** Validates options, naming each bad key. */
export function parseReadinessOptions(options: ReadinessOptionsInput | undefined): ReadinessOptions {
  const result = ReadinessOptions.safeParse(options ?? {});
  if (result.success) return result.data;
  throw new PthvConfigError(result.error.issues.map((i) => ({ entity: "readiness options", field: i.path.join("."), message: i.message })));
}
