import { z } from "zod";
import { AvailabilityWindow, Id, IsoDateTime } from "./primitives.js";

/**
 * A family's decision about a visit.
 *
 * @example
 * ```ts
 * import { ConsentStatus } from "pthv";
 * const result = ConsentStatus.safeParse(value);
 * if (!result.success) console.log(result.error.issues.map((i) => i.path.join(".")));
 * ```
 */
export const ConsentStatus = z.enum(["accepted", "declined", "pending"]);
/** A family's decision about a visit. */
export type ConsentStatus = z.infer<typeof ConsentStatus>;

/**
 * A family's recorded consent: its status and when it was recorded (absent while pending).
 *
 * @example
 * ```ts
 * import { Consent } from "pthv";
 * const result = Consent.safeParse(value);
 * if (!result.success) console.log(result.error.issues.map((i) => i.path.join(".")));
 * ```
 */
export const Consent = z.object({
  status: ConsentStatus,
  recordedAt: IsoDateTime.optional(),
});
/** A family's recorded consent. */
export type Consent = z.infer<typeof Consent>;

/**
 * A family: the unit that is visited. Siblings share one family. Holds the home language (a BCP 47
 * code such as `en` or `es`), the family's consent and the windows when it is available.
 *
 * @example
 * ```ts
 * import { Family } from "pthv";
 * const family = Family.parse({ id: "fam-1", schoolId: "sch-1", homeLanguage: "es" });
 * family.consent.status; // "pending"
 * ```
 */
export const Family = z.object({
  id: Id,
  schoolId: Id,
  homeLanguage: z.string().min(1),
  consent: Consent.default({ status: "pending" }),
  availability: z.array(AvailabilityWindow).default([]),
});
/** A family. */
export type Family = z.infer<typeof Family>;
