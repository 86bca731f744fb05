/** The steering committee's composition against the groups the resolution recommends. */
import type { StakeholderGroup } from "../model/index.js";
import { count as plural } from "./wording.js";

/**
 * The stakeholder groups the resolution recommends for the steering committee ("according to best practice").
 *
 * @example
 * ```ts
 * import { RECOMMENDED_GROUPS } from "pthv";
 * RECOMMENDED_GROUPS.includes("union-leader"); // true
 * ```
 */
export const RECOMMENDED_GROUPS = [
  "district-leader",
  "school-leader",
  "parent",
  "student",
  "educator",
  "union-leader",
] as const satisfies readonly StakeholderGroup[];

/**
 * The steering committee against the recommended groups.
 *
 * @example
 * ```ts
 * import { checkPlan, type CommitteeCheck } from "pthv";
 * const committee: CommitteeCheck = checkPlan(plan, { today: "2026-12-01" }).committee;
 * committee.missingGroups; // e.g. ["student", "union-leader"]
 * ```
 */
export interface CommitteeCheck {
  /** Members on the committee. */
  members: number;
  /** Members per group, for every group (0 when none). */
  byGroup: Record<StakeholderGroup, number>;
  /** The groups the resolution recommends. */
  recommended: StakeholderGroup[];
  /** Recommended groups with no member, in the resolution's order. */
  missingGroups: StakeholderGroup[];
  /** Every recommended group has at least one member. */
  complete: boolean;
  /** One sentence on the composition. */
  explanation: string;
}

/** Counts members per group and names the recommended groups with none. */
export function checkCommittee(groups: StakeholderGroup[]): CommitteeCheck {
  const byGroup = Object.fromEntries(
    ["district-leader", "school-leader", "parent", "student", "educator", "union-leader", "community", "other"].map((g) => [g, 0]),
  ) as Record<StakeholderGroup, number>;
  for (const g of groups) byGroup[g] += 1;
  const missingGroups = RECOMMENDED_GROUPS.filter((g) => byGroup[g] === 0);
  const complete = missingGroups.length === 0;
  const explanation = complete
    ? `The steering committee's ${plural(groups.length, "member")} include every recommended group.`
    : `The steering committee (${plural(groups.length, "member")}) has no ${missingGroups.map((g) => g.replace("-", " ")).join(", ")} representative${missingGroups.length === 1 ? "" : "s"}: the resolution recommends diverse stakeholders, ${missingGroups.length === 1 ? "this group" : "each of these groups"} among them.`;
  return { members: groups.length, byGroup, recommended: [...RECOMMENDED_GROUPS], missingGroups, complete, explanation };
}
