/**
 * Readiness: which schools are ready to start Parent Teacher Home Visits, why, and what it would
 * take for the others; and the check of the steering committee's implementation plan.
 *
 * @packageDocumentation
 */
export { PLAN_DUE_DAYS, checkPlan } from "./plan-check.js";
export type { CheckPlanOptions, PlanCheck, PlanStatus, PlanStatusKind } from "./plan-check.js";
export { RECOMMENDED_GROUPS } from "./plan-committee.js";
export type { CommitteeCheck } from "./plan-committee.js";
export { PLAN_ELEMENT_LABELS } from "./plan-elements.js";
export type { PlanElementCheck } from "./plan-elements.js";
export { DEFAULT_WEIGHTS, ReadinessOptions } from "./options.js";
export type { ReadinessOptionsInput } from "./options.js";
export { parseSchoolReadiness } from "./parse.js";
export type { ReadinessSources } from "./parse.js";
export { scoreReadiness } from "./score.js";
export type { Readiness, ReadinessGate, ReadinessTier } from "./score.js";
export type { Criterion, CriterionBase, CriterionName, FundingCriterion, PrincipalCriterion, ProcessesCriterion, SupportCriterion } from "./criteria.js";
export { RANKING_ORDER, rankSchools } from "./rank.js";
export type { RankedSchool, SchoolRanking } from "./rank.js";
export { READINESS_COLUMNS, readinessFromRows } from "./from-rows.js";
export type { ReadinessRow, ReadinessTable } from "./from-rows.js";
export { PLAN_FORMATS, RANKING_FORMATS, formatPlanCheck, formatRanking } from "./format.js";
export type { PlanFormat, RankingFormat } from "./format.js";
export { sampleReadiness } from "./sample.js";
