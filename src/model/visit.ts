import { z } from "zod";
import { isoMillis } from "./iso-millis.js";
import { Id, IsoDateTime, bothValid } from "./primitives.js";

/**
 * Two educators of one school who visit together and reflect together.
 *
 * @example
 * ```ts
 * import { Pair } from "pthv";
 * const result = Pair.safeParse(value);
 * if (!result.success) console.log(result.error.issues.map((i) => i.path.join(".")));
 * ```
 */
export const Pair = z.object({
  id: Id,
  schoolId: Id,
  educatorIds: z.tuple([Id, Id]),
});
/** Two educators who visit together. */
export type Pair = z.infer<typeof Pair>;

/**
 * What a visit is about: a first visit builds the relationship (hopes and dreams).
 *
 * @example
 * ```ts
 * import { VisitFocus } from "pthv";
 * const result = VisitFocus.safeParse(value);
 * if (!result.success) console.log(result.error.issues.map((i) => i.path.join(".")));
 * ```
 */
export const VisitFocus = z.enum(["relationship", "academic"]);
/** What a visit is about. */
export type VisitFocus = z.infer<typeof VisitFocus>;

/**
 * Where a visit takes place.
 *
 * @example
 * ```ts
 * import { VisitLocation } from "pthv";
 * const result = VisitLocation.safeParse(value);
 * if (!result.success) console.log(result.error.issues.map((i) => i.path.join(".")));
 * ```
 */
export const VisitLocation = z.enum(["home", "community", "school", "virtual"]);
/** Where a visit takes place. */
export type VisitLocation = z.infer<typeof VisitLocation>;

/**
 * The state of a visit.
 *
 * @example
 * ```ts
 * import { VisitStatus } from "pthv";
 * const result = VisitStatus.safeParse(value);
 * if (!result.success) console.log(result.error.issues.map((i) => i.path.join(".")));
 * ```
 */
export const VisitStatus = z.enum(["scheduled", "completed", "cancelled", "no-show"]);
/** The state of a visit. */
export type VisitStatus = z.infer<typeof VisitStatus>;

/**
 * Agenda topics a visit may carry. The relationship topics belong on a first visit; the data topics
 * (`academic-data`, `attendance-data`, `behavior-data`, `test-scores`) do not. Other topics are
 * free text and allowed.
 *
 * @example
 * ```ts
 * import { AGENDA_DATA_TOPICS } from "pthv";
 * const onAgenda = ["hopes-and-dreams", "test-scores"];
 * onAgenda.some((t) => (AGENDA_DATA_TOPICS as readonly string[]).includes(t)); // true: not for a first visit
 * ```
 */
export const AGENDA_DATA_TOPICS = ["academic-data", "attendance-data", "behavior-data", "test-scores"] as const;

/**
 * Hours paid to one educator for one visit.
 *
 * @example
 * ```ts
 * import { Compensation } from "pthv";
 * const result = Compensation.safeParse(value);
 * if (!result.success) console.log(result.error.issues.map((i) => i.path.join(".")));
 * ```
 */
export const Compensation = z.object({
  educatorId: Id,
  hours: z.number().nonnegative(),
  amount: z.number().nonnegative().optional(),
});
/** Hours paid to one educator for one visit. */
export type Compensation = z.infer<typeof Compensation>;

/**
 * A visit: booked at `scheduledAt` (absent: unannounced), held from `start` to `end`, by the
 * educators in `educatorIds` (two, in a pair) with one family.
 *
 * @example
 * ```ts
 * import { Visit } from "pthv";
 * const visit = Visit.parse({ id: "v1", schoolId: "sch-1", familyId: "fam-1", educatorIds: ["e1", "e2"],
 *   scheduledAt: "2026-09-01T12:00:00-04:00", start: "2026-09-14T16:30:00-04:00", end: "2026-09-14T17:30:00-04:00",
 *   visitNumber: 1, focus: "relationship", status: "scheduled" });
 * visit.location; // "home" (the default)
 * ```
 */
export const Visit = z
  .object({
    id: Id,
    schoolId: Id,
    familyId: Id,
    educatorIds: z.array(Id).min(1, "a visit needs its educators"),
    pairId: Id.optional(),
    scheduledAt: IsoDateTime.optional(),
    start: IsoDateTime,
    end: IsoDateTime,
    visitNumber: z.union([z.literal(1), z.literal(2)]),
    focus: VisitFocus,
    agenda: z.array(z.string().min(1)).default([]),
    location: VisitLocation.default("home"),
    status: VisitStatus,
    interpreter: z.boolean().default(false),
    compensation: z.array(Compensation).default([]),
  })
  .refine((v) => !bothValid(v.start, v.end) || isoMillis(v.end) > isoMillis(v.start), { message: "end must be after start", path: ["end"] });
/** A visit. */
export type Visit = z.infer<typeof Visit>;

/**
 * The partners' debrief after one or more visits.
 *
 * @example
 * ```ts
 * import { Reflection } from "pthv";
 * const result = Reflection.safeParse(value);
 * if (!result.success) console.log(result.error.issues.map((i) => i.path.join(".")));
 * ```
 */
export const Reflection = z.object({
  id: Id,
  visitIds: z.array(Id).min(1, "a reflection follows at least one visit"),
  educatorIds: z.array(Id).min(1),
  at: IsoDateTime,
  hours: z.number().nonnegative().optional(),
});
/** The partners' debrief. */
export type Reflection = z.infer<typeof Reflection>;
