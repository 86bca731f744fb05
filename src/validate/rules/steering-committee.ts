import { RECOMMENDED_GROUPS, checkPlan } from "../../readiness/index.js";
import type { Rule } from "../types.js";
import { NO_OPTIONS, type NoOptions, docsUrl } from "./shared.js";

/**
 * The resolution: the superintendent forms a steering committee of diverse stakeholders; district
 * and school leaders, parents, students, educators and union leaders are recommended. A missing
 * group is a warning (the resolution recommends, it does not require). Judged by the readiness
 * part's `checkPlan`.
 */
export const steeringCommittee: Rule<NoOptions> = {
  meta: {
    id: "steering-committee",
    protects: "resolution",
    description: `The steering committee includes each recommended stakeholder group (${RECOMMENDED_GROUPS.join(", ")}).`,
    defaultLevel: "warn",
    docs: docsUrl("steering-committee"),
    options: NO_OPTIONS,
  },
  check({ record, report, skip }) {
    const plan = record.plan;
    if (!plan) return skip("no implementation plan in the records");
    const seen = new Set<string>();
    const members = [];
    for (const member of plan.steeringCommittee) {
      if (seen.has(member.id)) {
        report({ entity: "plan", field: "steeringCommittee", message: `member '${member.id}' is listed more than once: list each member once` });
      } else members.push(member);
      seen.add(member.id);
    }
    const check = checkPlan({ passedAt: plan.passedAt, timeZone: plan.timeZone, elements: {}, steeringCommittee: members }, { today: plan.passedAt });
    if (!check.committee.complete) report({ entity: "plan", field: "steeringCommittee", message: check.committee.explanation });
  },
};
