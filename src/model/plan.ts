import { z } from "zod";
import { Id, IsoDate, TimeZone } from "./primitives.js";

/**
 * The seven elements the resolution asks the implementation plan to cover.
 *
 * @example
 * ```ts
 * import { PLAN_ELEMENTS } from "pthv";
 * const missing = PLAN_ELEMENTS.filter((e) => !plan.elements[e]);
 * ```
 */
export const PLAN_ELEMENTS = [
  "funding",
  "implementationTimeline",
  "schoolSelectionAndReadiness",
  "rolesAndResponsibilities",
  "administrativeProcedures",
  "trainingAndSupport",
  "dataCollectionAndEvaluation",
] as const;
/**
 * One of the seven plan elements.
 *
 * @example
 * ```ts
 * import type { PlanElement } from "pthv";
 * const element: PlanElement = "trainingAndSupport";
 * ```
 */
export type PlanElement = (typeof PLAN_ELEMENTS)[number];

/**
 * The stakeholder groups the resolution recommends for the steering committee.
 *
 * @example
 * ```ts
 * import { STAKEHOLDER_GROUPS } from "pthv";
 * const present = new Set(plan.steeringCommittee.map((m) => m.group));
 * STAKEHOLDER_GROUPS.filter((g) => !present.has(g));
 * ```
 */
export const STAKEHOLDER_GROUPS = [
  "district-leader",
  "school-leader",
  "parent",
  "student",
  "educator",
  "union-leader",
  "community",
  "other",
] as const;
/**
 * A stakeholder group.
 *
 * @example
 * ```ts
 * import { StakeholderGroup } from "pthv";
 * const result = StakeholderGroup.safeParse(value);
 * if (!result.success) console.log(result.error.issues.map((i) => i.path.join(".")));
 * ```
 */
export const StakeholderGroup = z.enum(STAKEHOLDER_GROUPS);
/** A stakeholder group. */
export type StakeholderGroup = z.infer<typeof StakeholderGroup>;

/**
 * A member of the steering committee: a pseudonymous id, the group represented and a role.
 *
 * @example
 * ```ts
 * import { SteeringMember } from "pthv";
 * const result = SteeringMember.safeParse(value);
 * if (!result.success) console.log(result.error.issues.map((i) => i.path.join(".")));
 * ```
 */
export const SteeringMember = z.object({
  id: Id,
  group: StakeholderGroup,
  role: z.string().optional(),
});
/** A member of the steering committee. */
export type SteeringMember = z.infer<typeof SteeringMember>;

const elementShape = Object.fromEntries(PLAN_ELEMENTS.map((e) => [e, z.string().optional()])) as {
  [K in PlanElement]: z.ZodOptional<z.ZodString>;
};

/**
 * The steering committee's implementation plan: when the resolution passed, when (if yet) the plan
 * was presented to the board, the text of each of the seven elements, and the committee.
 *
 * @example
 * ```ts
 * import { ImplementationPlan } from "pthv";
 * const result = ImplementationPlan.safeParse(value);
 * if (!result.success) console.log(result.error.issues.map((i) => i.path.join(".")));
 * ```
 */
export const ImplementationPlan = z.object({
  districtName: z.string().optional(),
  timeZone: TimeZone.default("America/New_York"),
  passedAt: IsoDate,
  presentedAt: IsoDate.optional(),
  elements: z.object(elementShape),
  steeringCommittee: z.array(SteeringMember).default([]),
});
/** The implementation plan. */
export type ImplementationPlan = z.infer<typeof ImplementationPlan>;
