import { z } from "zod";
import { checkPlan } from "../../readiness/index.js";
import type { Rule } from "../types.js";
import { docsUrl } from "./shared.js";

const Options = z.strictObject({
  /** Fewest words for an element to count as substantive. An element of exactly this many words passes. */
  minWords: z.number().int().min(1).default(10).describe("Fewest words for a plan element to count as substantive"),
});

/**
 * The resolution: the implementation plan covers all seven elements (funding, timeline, school
 * selection and readiness, roles, administrative procedures, training and support, data collection
 * and evaluation), each substantive. Judged by the readiness part's `checkPlan`.
 */
export const planElements: Rule<z.infer<typeof Options>> = {
  meta: {
    id: "plan-elements",
    protects: "resolution",
    description: "The implementation plan covers all seven elements the resolution names, each substantively (not a placeholder).",
    defaultLevel: "error",
    docs: docsUrl("plan-elements"),
    options: Options,
  },
  check({ record, options, report, skip }) {
    const plan = record.plan;
    if (!plan) return skip("no implementation plan in the records");
    // Only the elements are judged here; the deadline and the committee have their own rules.
    const check = checkPlan({ passedAt: plan.passedAt, timeZone: plan.timeZone, elements: plan.elements }, { today: plan.passedAt, minWords: options.minWords });
    for (const element of check.elements) {
      if (!element.substantive) report({ entity: "plan", field: `elements.${element.element}`, message: `${element.label}: ${element.reason}` });
    }
  },
};
