/**
 * Scoring one school's readiness: the four criteria, a score from 0 to 100, a tier, and the gaps
 * that stand between the school and `ready`.
 */
import type { SchoolReadiness, SchoolReadinessInput } from "../model/index.js";
import { judgeFunding, judgePrincipal, judgeProcesses, judgeSupport, PROCESS_WORDS, type Criterion, type FundingCriterion, type PrincipalCriterion, type ProcessesCriterion, type SupportCriterion } from "./criteria.js";
import { ceilExact, count, formatShare, toCents } from "./wording.js";
import { parseReadinessOptions, type ReadinessOptions, type ReadinessOptionsInput } from "./options.js";
import { parseSchoolReadiness } from "./parse.js";

/**
 * `ready`: every gate met; `almost`: only one gate missed, by a small margin; `not-ready`: otherwise.
 *
 * @example
 * ```ts
 * import { scoreReadiness, type ReadinessTier } from "pthv";
 * const tier: ReadinessTier = scoreReadiness(school).tier;
 * ```
 */
export type ReadinessTier = "ready" | "almost" | "not-ready";

/**
 * The three gates.
 *
 * @example
 * ```ts
 * import { scoreReadiness, type ReadinessGate } from "pthv";
 * const missed: ReadinessGate[] = scoreReadiness(school).gatesMissed; // e.g. ["funding"]
 * ```
 */
export type ReadinessGate = "principal" | "support" | "funding";

/**
 * A school's readiness: plain JSON that explains itself.
 *
 * @example
 * ```ts
 * import { scoreReadiness, type Readiness } from "pthv";
 * const readiness: Readiness = scoreReadiness(school);
 * console.log(readiness.score, readiness.tier, readiness.gaps.join("; "));
 * ```
 */
export interface Readiness {
  schoolId: string;
  name: string | null;
  /** 0 to 100: the sum of the criteria's points (each rounded to 0.1). */
  score: number;
  tier: ReadinessTier;
  /** One sentence: why this tier. */
  tierReason: string;
  /** Gates not met, in the order principal, support, funding. */
  gatesMissed: ReadinessGate[];
  /** The four criteria, in the order principal, support, funding, processes. */
  criteria: [PrincipalCriterion, SupportCriterion, FundingCriterion, ProcessesCriterion];
  /** What it takes to become ready, exactly: one entry per gate missed (empty when ready). */
  gaps: string[];
  /** Processes to put in place: not gates, but the resolution counts them among the conditions of success. */
  recommendations: string[];
  /** The weights and thresholds used. */
  options: ReadinessOptions;
}

/**
 * Scores a school's readiness to start Parent Teacher Home Visits against the conditions the model
 * resolution names: an engaged principal champion (gate), at least 50% of ALL teachers in support
 * (gate; with an incomplete survey the confirmed share is scored and the possible range reported),
 * funding that covers the estimated cost of the season (gate), and processes to administer and
 * evaluate the programme (administration procedures, data collection, an evaluation plan, a
 * training plan).
 *
 * Points: principal 30 (15 when named but not engaged), support 30 x min(1, supporters / needed),
 * funding 25 x min(1, budget / cost needed), processes 15 x (in place / 4); weights and thresholds are
 * options. Tier: `ready` when every gate is met; `almost` when only the support gate is missed by at
 * most 10 percentage points, or only the funding gate with at least 90% covered; otherwise `not-ready`.
 *
 * @param school - the school's readiness data (parsed here; money may be text such as "$31,200")
 * @param options - weights and thresholds; see {@link ReadinessOptions} for the defaults
 * @returns the score, tier, each criterion explained, and the exact gaps
 * @throws PthvInputError when the data is invalid (more supporters than teachers, negative money, an
 *   unknown currency format, ...), naming the school and field
 * @throws PthvConfigError when an option is invalid, naming it
 *
 * @example
 * ```ts
 * const readiness = scoreReadiness({
 *   schoolId: "sch-1",
 *   principal: { named: true, engaged: true },
 *   teachers: { total: 36, inSupport: 14, surveyed: 30 },
 *   funding: { budget: 26880, estimatedCost: 31200 },
 *   processes: { administrationProcedures: true, dataCollection: true, evaluationPlan: true, trainingPlan: true },
 * });
 * readiness.tier; // "not-ready"
 * readiness.gaps; // ["4 more teachers in support (14 of 36 now; 18 needed; 6 not yet surveyed)", "$4,320 more funding (covers 86% of $31,200)"]
 * ```
 */
export function scoreReadiness(school: SchoolReadinessInput, options?: ReadinessOptionsInput): Readiness {
  const resolved = parseReadinessOptions(options);
  const [parsed] = parseSchoolReadiness([school]);
  return judgeSchool(parsed!, resolved);
}

/** Scores a parsed school with resolved options (shared by {@link scoreReadiness} and the ranking). */
export function judgeSchool(school: SchoolReadiness, options: ReadinessOptions): Readiness {
  const principal = judgePrincipal(school, options);
  const support = judgeSupport(school, options);
  const funding = judgeFunding(school, options);
  const processes = judgeProcesses(school, options);
  const criteria: Readiness["criteria"] = [principal, support, funding, processes];
  const gates: (PrincipalCriterion | SupportCriterion | FundingCriterion)[] = [principal, support, funding];
  const gatesMissed = gates.filter((c) => !c.met).map((c) => c.criterion);
  const score = Math.round(criteria.reduce((sum, c: Criterion) => sum + c.points, 0) * 10) / 10;
  const { tier, tierReason } = tierOf(gatesMissed, support, funding, options);
  return {
    schoolId: school.schoolId,
    name: school.name ?? null,
    score,
    tier,
    tierReason,
    gatesMissed,
    criteria,
    gaps: gates.flatMap((c) => (c.gap === null ? [] : [c.gap])),
    recommendations: processes.missing.map((p) => PROCESS_WORDS[p].todo),
    options,
  };
}

const GATE_WORDS: Record<ReadinessGate, string> = { principal: "principal champion", support: "teacher support", funding: "funding" };

function tierOf(missed: ReadinessGate[], support: SupportCriterion, funding: FundingCriterion, options: ReadinessOptions): { tier: ReadinessTier; tierReason: string } {
  if (missed.length === 0) return { tier: "ready", tierReason: "Ready: every gate is met (principal champion, teacher support, funding)." };
  if (missed.length === 1 && missed[0] === "support") {
    const floor = options.supportThreshold - options.almostSupportMargin;
    if (support.inSupport >= ceilExact(floor * support.teachers)) {
      return { tier: "almost", tierReason: `Almost ready: only teacher support is missing, and ${formatShare(support.value)} is within ${Number((options.almostSupportMargin * 100).toFixed(1))} percentage points of the ${formatShare(options.supportThreshold)} needed.` };
    }
  }
  if (missed.length === 1 && missed[0] === "funding") {
    const floor = options.fundingThreshold - options.almostFundingMargin;
    if (toCents(funding.budget) >= ceilExact(floor * toCents(funding.estimatedCost))) {
      return { tier: "almost", tierReason: `Almost ready: only funding is short, and the budget covers at least ${formatShare(floor)} of the cost.` };
    }
  }
  const words = missed.map((g) => GATE_WORDS[g]);
  const small = missed.length === 1 && missed[0] !== "principal" ? ", by more than a small margin" : "";
  return { tier: "not-ready", tierReason: `Not ready: ${count(missed.length, "gate")} missed (${words.join(", ")})${small}.` };
}
