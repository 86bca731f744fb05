/**
 * The four readiness criteria of the resolution, each judged on its own: value, threshold, met,
 * points, a one-sentence explanation and, for the gates, exactly what it would take to meet it.
 */
import { estimateCost, type CostEstimate } from "../cost/index.js";
import { READINESS_PROCESSES, type ReadinessProcess, type SchoolReadiness } from "../model/index.js";
import { ceilExact, count, formatMoney, formatShare, toCents } from "./wording.js";
import type { ReadinessOptions } from "./options.js";

/**
 * The four criteria; the first three are gates.
 *
 * @example
 * ```ts
 * import type { CriterionName } from "pthv";
 * const gates: CriterionName[] = ["principal", "support", "funding"];
 * ```
 */
export type CriterionName = "principal" | "support" | "funding" | "processes";

/**
 * What every criterion reports.
 *
 * @example
 * ```ts
 * import { scoreReadiness, type CriterionBase } from "pthv";
 * const lines = scoreReadiness(school).criteria.map((c: CriterionBase) => `${c.criterion}: ${c.points}/${c.maxPoints}`);
 * ```
 */
export interface CriterionBase {
  criterion: CriterionName;
  /** A gate: missing it keeps the school from being `ready`, whatever else it has. */
  gate: boolean;
  /** The measured value (a share, a count or 0..1; see each criterion). */
  value: number;
  /** The value needed to meet the criterion. */
  threshold: number;
  met: boolean;
  /** Points earned, rounded to 0.1. */
  points: number;
  /** The criterion's weight. */
  maxPoints: number;
  /** One sentence: what was found against what is needed. */
  explanation: string;
  /** What it takes to meet the criterion, exactly (`null` when met). */
  gap: string | null;
}

/**
 * The principal champion: value 1 when named and engaged, 0.5 when named only, 0 when none; threshold 1.
 *
 * @example
 * ```ts
 * import { scoreReadiness, type PrincipalCriterion } from "pthv";
 * const principal: PrincipalCriterion = scoreReadiness(school).criteria[0];
 * principal.engaged; // true or false
 * ```
 */
export interface PrincipalCriterion extends CriterionBase {
  criterion: "principal";
  named: boolean;
  engaged: boolean;
}

/**
 * Teacher support: value is the confirmed share of ALL teachers; threshold the required share.
 *
 * @example
 * ```ts
 * import { scoreReadiness, type SupportCriterion } from "pthv";
 * const support: SupportCriterion = scoreReadiness(school).criteria[1];
 * support.possibleRange; // e.g. [0.39, 0.56] while 6 teachers have not answered
 * ```
 */
export interface SupportCriterion extends CriterionBase {
  criterion: "support";
  teachers: number;
  inSupport: number;
  /** Teachers who answered the survey (`null`: unknown). */
  surveyed: number | null;
  /** Teachers who did not answer (`null`: unknown). */
  notSurveyed: number | null;
  /** The share could be anywhere in this range once every teacher answers: [confirmed, confirmed + unanswered]. */
  possibleRange: [number, number];
  /** Supporters needed to meet the threshold: ceil(threshold x teachers). */
  needed: number;
}

/**
 * Funding: value is budget / estimated cost (1 when the cost is 0); threshold the required coverage.
 *
 * @example
 * ```ts
 * import { scoreReadiness, type FundingCriterion } from "pthv";
 * const funding: FundingCriterion = scoreReadiness(school).criteria[2];
 * funding.shortfall; // e.g. 4320
 * ```
 */
export interface FundingCriterion extends CriterionBase {
  criterion: "funding";
  currency: string;
  budget: number;
  estimatedCost: number;
  /** Money still needed to meet the threshold (0 when met). */
  shortfall: number;
  /** The cost model's estimate, when the season was given rather than its cost. */
  costEstimate: CostEstimate | null;
}

/**
 * Processes: value is how many of the four are in place; threshold 4. Not a gate.
 *
 * @example
 * ```ts
 * import { scoreReadiness, type ProcessesCriterion } from "pthv";
 * const processes: ProcessesCriterion = scoreReadiness(school).criteria[3];
 * processes.missing; // e.g. ["evaluationPlan"]
 * ```
 */
export interface ProcessesCriterion extends CriterionBase {
  criterion: "processes";
  present: ReadinessProcess[];
  missing: ReadinessProcess[];
}

/**
 * One criterion's result.
 *
 * @example
 * ```ts
 * import { scoreReadiness, type Criterion } from "pthv";
 * const unmet: Criterion[] = scoreReadiness(school).criteria.filter((c) => !c.met);
 * ```
 */
export type Criterion = PrincipalCriterion | SupportCriterion | FundingCriterion | ProcessesCriterion;

const round1 = (x: number) => Math.round(x * 10) / 10;

/** The principal gate. */
export function judgePrincipal(school: SchoolReadiness, options: ReadinessOptions): PrincipalCriterion {
  // The model resolution: "an engaged principal who serves as a Parent Teacher Home Visits champion".
  // Named is half of it; a champion who is not engaged does not meet the condition.
  const { named, engaged } = school.principal;
  const value = named ? (engaged ? 1 : 0.5) : 0;
  const met = value === 1;
  const explanation = met
    ? "An engaged principal is named as the programme's champion."
    : named
      ? "A principal champion is named but not yet engaged; the resolution asks for an engaged champion."
      : "No principal is named as the programme's champion; the resolution asks for an engaged one.";
  const gap = met ? null : named ? "engage the principal champion (named, not yet engaged)" : "name a principal champion";
  return { criterion: "principal", gate: true, value, threshold: 1, met, points: round1(options.weights.principal * value), maxPoints: options.weights.principal, explanation, gap, named, engaged: named && engaged };
}

/** The teacher-support gate: supporters over ALL teachers; an incomplete survey gives a range, scored on the confirmed share. */
export function judgeSupport(school: SchoolReadiness, options: ReadinessOptions): SupportCriterion {
  // The model resolution: "at least 50% of teachers in support of the practice even if they are not
  // conducting visits themselves". The share is therefore of ALL teachers; a teacher who has not
  // answered the survey is not (yet) a confirmed supporter, so the confirmed share is a lower bound.
  const { total, inSupport } = school.teachers;
  const surveyed = school.teachers.surveyed ?? null;
  const notSurveyed = surveyed === null ? null : total - surveyed;
  const confirmed = inSupport / total;
  const upper = notSurveyed === null ? 1 : (inSupport + notSurveyed) / total;
  const needed = ceilExact(options.supportThreshold * total);
  const met = inSupport >= needed;
  const unknown = notSurveyed === null ? "; survey coverage unknown, so support could be higher" : notSurveyed > 0 ? `; ${count(notSurveyed, "teacher")} not yet surveyed, so support could be as high as ${formatShare(upper)}` : "";
  const explanation = `${inSupport} of ${total} teachers (${formatShare(confirmed)}) are confirmed in support; ${needed} (${formatShare(options.supportThreshold)} of all teachers) needed${unknown}.`;
  const more = needed - inSupport;
  const pending = notSurveyed !== null && notSurveyed > 0 ? `; ${notSurveyed} not yet surveyed` : "";
  const gap = met ? null : `${more} more ${more === 1 ? "teacher" : "teachers"} in support (${inSupport} of ${total} now; ${needed} needed${pending})`;
  return {
    criterion: "support",
    gate: true,
    value: confirmed,
    threshold: options.supportThreshold,
    met,
    points: round1(options.weights.support * Math.min(1, inSupport / needed)),
    maxPoints: options.weights.support,
    explanation,
    gap,
    teachers: total,
    inSupport,
    surveyed,
    notSurveyed,
    possibleRange: [confirmed, upper],
    needed,
  };
}

/** The funding gate: budget over the estimated cost of the planned season. */
export function judgeFunding(school: SchoolReadiness, options: ReadinessOptions): FundingCriterion {
  // The model resolution: "adequate funding to uphold the non-negotiable practice of compensating
  // teachers". Anything short of the season's cost breaks that promise for some visit.
  const { budget, currency, season } = school.funding;
  const costEstimate = season === undefined ? null : estimateCost({ ...season, currency });
  const estimatedCost = costEstimate?.total ?? school.funding.estimatedCost ?? 0;
  const budgetCents = toCents(budget);
  const costCents = toCents(estimatedCost);
  // Integer cents keep "budget exactly equal to cost" exact.
  const neededCents = ceilExact(options.fundingThreshold * costCents);
  const met = budgetCents >= neededCents;
  const coverage = costCents === 0 ? 1 : budgetCents / costCents;
  const shortfall = Math.max(0, neededCents - budgetCents) / 100;
  const covers = costCents === 0 ? 100 : Math.floor((budgetCents * 100) / costCents);
  const cost = formatMoney(estimatedCost, currency);
  const required = options.fundingThreshold === 1 ? "the whole cost is needed" : `${formatShare(options.fundingThreshold)} of it is needed`;
  const explanation = costCents === 0
    ? `The planned season costs nothing, so the budget of ${formatMoney(budget, currency)} covers it.`
    : `A budget of ${formatMoney(budget, currency)} covers ${covers}% of the season's estimated ${cost}; ${required} to keep the promise of compensating educators.`;
  const gap = met ? null : `${formatMoney(shortfall, currency)} more funding (covers ${covers}% of ${cost})`;
  const ratio = neededCents === 0 ? 1 : Math.min(1, budgetCents / neededCents);
  return {
    criterion: "funding",
    gate: true,
    value: coverage,
    threshold: options.fundingThreshold,
    met,
    points: round1(options.weights.funding * ratio),
    maxPoints: options.weights.funding,
    explanation,
    gap,
    currency,
    budget,
    estimatedCost,
    shortfall,
    costEstimate,
  };
}

/** The words for each process, in gaps and explanations. */
export const PROCESS_WORDS: Record<ReadinessProcess, { name: string; todo: string }> = {
  administrationProcedures: { name: "administration procedures", todo: "write administration procedures" },
  dataCollection: { name: "data collection", todo: "set up data collection" },
  evaluationPlan: { name: "an evaluation plan", todo: "write an evaluation plan" },
  trainingPlan: { name: "a training plan", todo: "write a training plan" },
};

/** The processes criterion: administration, data collection, evaluation and training, each present or not. */
export function judgeProcesses(school: SchoolReadiness, options: ReadinessOptions): ProcessesCriterion {
  // The model resolution: "clear processes and procedures to administer and evaluate the project".
  const present = READINESS_PROCESSES.filter((p) => school.processes[p]);
  const missing = READINESS_PROCESSES.filter((p) => !school.processes[p]);
  const met = missing.length === 0;
  const explanation = met
    ? "All four processes are in place: administration procedures, data collection, an evaluation plan and a training plan."
    : `${present.length} of 4 processes are in place; missing: ${missing.map((p) => PROCESS_WORDS[p].name).join(", ")}.`;
  return {
    criterion: "processes",
    gate: false,
    value: present.length,
    threshold: READINESS_PROCESSES.length,
    met,
    points: round1((options.weights.processes * present.length) / READINESS_PROCESSES.length),
    maxPoints: options.weights.processes,
    explanation,
    gap: met ? null : missing.map((p) => PROCESS_WORDS[p].todo).join("; "),
    present,
    missing,
  };
}
