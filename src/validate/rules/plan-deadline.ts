import { z } from "zod";
import { IsoDate } from "../../model/index.js";
import { PLAN_DUE_DAYS, checkPlan } from "../../readiness/index.js";
import type { Rule } from "../types.js";
import { docsUrl } from "./shared.js";

const Options = z.strictObject({
  /**
   * The date a plan not yet presented is judged on (YYYY-MM-DD, in the plan's time zone). Default:
   * the day the validation runs.
   */
  today: IsoDate.optional().describe("Date (YYYY-MM-DD) on which a plan not yet presented is judged; default: the day of the run"),
});

/**
 * The resolution: district leadership presents the implementation plan to the board within 90 days
 * of the resolution's passage. A plan presented later, or not presented and past its due date on
 * `today`, is a violation. Judged by the readiness part's `checkPlan`.
 */
export const planDeadline: Rule<z.infer<typeof Options>> = {
  meta: {
    id: "plan-deadline",
    protects: "resolution",
    description: `The implementation plan is presented to the board within ${PLAN_DUE_DAYS} days of the resolution's passage.`,
    defaultLevel: "error",
    docs: docsUrl("plan-deadline"),
    options: Options,
  },
  check({ record, options, report, skip }) {
    const plan = record.plan;
    if (!plan) return skip("no implementation plan in the records");
    if (plan.presentedAt !== undefined && plan.presentedAt < plan.passedAt) {
      report({ entity: "plan", field: "presentedAt", message: `the plan is dated ${plan.presentedAt}, before its resolution passed (${plan.passedAt}): correct presentedAt or passedAt` });
      return;
    }
    const check = checkPlan(
      { passedAt: plan.passedAt, timeZone: plan.timeZone, elements: {}, ...(plan.presentedAt !== undefined ? { presentedAt: plan.presentedAt } : {}) },
      { today: options.today ?? new Date() },
    );
    if (check.status.kind === "overdue" || check.status.kind === "presented-late") {
      report({ entity: "plan", field: "presentedAt", message: `the plan is ${check.status.message}: present it to the board within ${PLAN_DUE_DAYS} days of the resolution` });
    }
  },
};
