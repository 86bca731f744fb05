/**
 * Readiness: which schools are ready to start Parent Teacher Home Visits, why, and what it would
 * take for the others; and the check of the steering committee's implementation plan.
 *
 * @packageDocumentation
 */
export { PLAN_DUE_DAYS, PLAN_ELEMENT_LABELS, RECOMMENDED_GROUPS, checkPlan } from "./plan-check.js";
export type { CheckPlanOptions, CommitteeCheck, PlanCheck, PlanElementCheck, PlanStatus, PlanStatusKind } from "./plan-check.js";
