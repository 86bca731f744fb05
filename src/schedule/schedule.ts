import { DateTime } from "luxon";
import { payFor } from "../cost/index.js";
import type { Compensation } from "../model/index.js";
import { compensate, type CompensationTotals, type EducatorCompensation } from "./compensation.js";
import { parseScheduleInput, type ScheduleInput, type ScheduleInputData } from "./input.js";
import { buildModel, type ScheduleModel, type UnscheduledReason } from "./model.js";
import { budgetUnitsFor, solveWithinBudget, type BudgetSearch } from "./budget.js";
import { solveModel, type Assignment } from "./network.js";
import type { GridSummary } from "./slots.js";
import type { RescheduleReport } from "./reschedule.js";

/**
 * A booked visit: a model `Visit` (status `scheduled`) with the pair and why it costs what it costs.
 *
 * @example
 * ```ts
 * import { scheduleVisits, type ScheduledVisit } from "pthv";
 * const visits: ScheduledVisit[] = scheduleVisits(input).visits;
 * visits.filter((v) => v.interpreter).length; // visits that need an interpreter
 * ```
 */
export interface ScheduledVisit {
  id: string;
  schoolId: string;
  familyId: string;
  pairId: string;
  educatorIds: [string, string];
  /** The booking moment (`now`): every visit is booked in advance. */
  scheduledAt: string;
  /** ISO datetimes with the school's offset. */
  start: string;
  end: string;
  visitNumber: 1 | 2;
  focus: "relationship" | "academic";
  agenda: string[];
  location: "home";
  status: "scheduled";
  /** No educator of the pair speaks the family's home language. */
  interpreter: boolean;
  /** One of the pair teaches a child of the family (or, for a second visit, made the first one). */
  ownTeacher: boolean;
  /** Paid visit and travel hours per educator. */
  compensation: Compensation[];
}

/**
 * The partners' reflection right after a visit.
 *
 * @example
 * ```ts
 * import { scheduleVisits, type ScheduledReflection } from "pthv";
 * const reflections: ScheduledReflection[] = scheduleVisits(input).reflections;
 * reflections[0]?.educatorIds; // the same two educators as the visit
 * ```
 */
export interface ScheduledReflection {
  id: string;
  visitIds: [string];
  pairId: string;
  educatorIds: [string, string];
  at: string;
  end: string;
  hours: number;
}

/**
 * A family that was not scheduled, and why.
 *
 * @example
 * ```ts
 * import { scheduleVisits, type UnscheduledFamily } from "pthv";
 * const left: UnscheduledFamily[] = scheduleVisits(input).unscheduled;
 * left.map((f) => f.reasons.map((r) => r.code).join(", "));
 * ```
 */
export interface UnscheduledFamily {
  familyId: string;
  reasons: { code: UnscheduledReason; message: string }[];
}

/**
 * How good the schedule is, and how we know it is optimal.
 *
 * @example
 * ```ts
 * import { scheduleVisits, type ScheduleObjective } from "pthv";
 * const objective: ScheduleObjective = scheduleVisits(input).objective;
 * console.log(objective.families, objective.cost, objective.optimal ? objective.proof : "not proved optimal");
 * ```
 */
export interface ScheduleObjective {
  /** Families visited: the first objective, maximised. */
  families: number;
  /** The second objective, minimised among schedules with that many families. */
  cost: number;
  breakdown: { notOwnTeacher: number; interpreter: number; load: number; week: number };
  /** True when the schedule is proved optimal for the model (see `proof`). */
  optimal: boolean;
  proof: string;
  solver: { method: string; phases: number; nodes: number; arcs: number; flowCost: number };
}

/**
 * The budget, what the season's visits and reflections cost, and whether the budget bound.
 *
 * @example
 * ```ts
 * import { scheduleVisits, type BudgetReport } from "pthv";
 * const report: BudgetReport | undefined = scheduleVisits({ ...input, options: { budget: 12_000 } }).budget;
 * if (report?.binding) console.log(`budget binds: ${report.seasonPay} of ${report.limit}`);
 * ```
 */
export interface BudgetReport {
  limit: number;
  seasonPay: number;
  binding: boolean;
  /**
   * When the budget binds: a lower bound on the preference cost of any schedule with as many
   * families within the budget (from the branch and bound: equal to the schedule's cost when the
   * search finished, else the least bound left open), and whether the schedule's cost meets it.
   * When rescheduling, both are about the visits booked anew (the kept ones are fixed).
   */
  preferenceLowerBound?: number;
  preferenceProvedLeast?: boolean;
}

/**
 * A season plan for one school: the visits and reflections, the families left out with reasons,
 * each educator's hours and pay, the objective with its proof, and what went in. A plain,
 * JSON-serialisable object.
 *
 * @example
 * ```ts
 * const schedule: Schedule = scheduleVisits(input);
 * console.log(schedule.objective.families, schedule.objective.optimal, schedule.compensation.totals.total);
 * ```
 */
export interface Schedule {
  schoolId: string;
  timeZone: string;
  visitNumber: 1 | 2;
  window: { start: string; end: string };
  now: string;
  visits: ScheduledVisit[];
  reflections: ScheduledReflection[];
  unscheduled: UnscheduledFamily[];
  compensation: { educators: EducatorCompensation[]; totals: CompensationTotals };
  objective: ScheduleObjective;
  budget?: BudgetReport;
  /** What `reschedule` changed (absent on a schedule made by `scheduleVisits`). */
  rescheduled?: RescheduleReport;
  summary: {
    families: number;
    eligible: number;
    scheduled: number;
    pairs: number;
    pairsLeftOut: { pairId: string; reason: string }[];
    grid: GridSummary;
  };
  /** The parsed input, so the schedule can be rescheduled and audited. */
  input: ScheduleInput;
}

/**
 * Books a season of visits for one school: the most consenting families first, then the lowest
 * cost (own teacher, shared language, balanced load, earlier weeks), exactly, as a minimum-cost
 * flow. Every visit is outside the school day, inside both educators' and the family's
 * availability, at least the lead time after `now`, inside the window, followed by the pair's
 * reflection, and within the budget when one is given.
 *
 * @param input - school, educators, pairs, families, students, season, `now` and options
 * @returns the {@link Schedule}
 * @throws PthvInputError when the input is malformed or inconsistent (each record named)
 *
 * @example
 * ```ts
 * const schedule = scheduleVisits({ school, educators, pairs, families, students, season, now: "2026-08-20T09:00:00-04:00" });
 * schedule.visits.length; // families visited
 * schedule.unscheduled;   // the others, each with its reasons
 * ```
 */
export function scheduleVisits(input: ScheduleInputData): Schedule {
  return runSchedule(parseScheduleInput(input), [], new Set());
}

/** Schedules a parsed input around visits that stay where they are. */
export function runSchedule(
  input: ScheduleInput,
  kept: readonly ScheduledVisit[],
  cancelled: ReadonlySet<string>,
  repair?: { report: RescheduleReport; lost: ReadonlyMap<string, string> },
): Schedule {
  const { options } = input;
  const model = buildModel(input, kept.map((v) => ({ familyId: v.familyId, pairId: v.pairId, start: v.start })), cancelled);
  const keptMoney = kept.reduce((s, v) => s + (model.pairs.find((p) => p.id === v.pairId)?.moneyUnits ?? 0), 0);
  let solution = solveModel(model);
  let budgetLeftOut = new Set<number>();
  let binding = false;
  let budgetSearch: BudgetSearch | undefined;
  if (options.budget !== undefined) {
    const units = budgetUnitsFor(options.budget, 2 * model.pairs.length) - keptMoney;
    if (solution.moneyUnits > units) {
      binding = true;
      const unconstrained = new Set(solution.assignments.map((a) => a.family));
      budgetSearch = solveWithinBudget(model, Math.max(0, units), { maxWork: options.budgetSearchWork });
      solution = budgetSearch.solution;
      const within = new Set(solution.assignments.map((a) => a.family));
      budgetLeftOut = new Set([...unconstrained].filter((f) => !within.has(f)));
    }
  }
  const rates = new Map(input.educators.map((e) => [e.id, e.hourlyRate]));
  const visits = [...kept, ...solution.assignments.map((a) => toVisit(input, model, a, rates))].sort((x, y) => (x.start < y.start ? -1 : x.start > y.start ? 1 : x.pairId < y.pairId ? -1 : 1));
  const slotReflectionEnd = new Map(solution.assignments.map((a) => [`v${input.visitNumber}-${model.families[a.family]!.id}`, model.slots[a.slot]!.reflectionEndIso]));
  const reflections = visits.map((v) => toReflection(v, options.reflectionMinutes, slotReflectionEnd.get(v.id)));
  const breakdown = objectiveOf(input, model, visits);
  const cost = breakdown.notOwnTeacher + breakdown.interpreter + breakdown.load + breakdown.week;
  const unscheduled = reasonsFor(input, model, solution.assignments, budgetLeftOut).map((u) => {
    const lost = repair?.lost.get(u.familyId);
    return lost === undefined ? u : { ...u, reasons: u.reasons.map((r) => ({ ...r, message: `${lost}, and could not be booked again: ${r.message}` })) };
  });
  const visitsByPair = new Map<string, number>();
  for (const v of visits) visitsByPair.set(v.pairId, (visitsByPair.get(v.pairId) ?? 0) + 1);
  const educatorById = new Map(input.educators.map((e) => [e.id, e]));
  const members = input.pairs.flatMap((p) => p.educatorIds.map((id) => ({ educator: educatorById.get(id)!, pairId: p.id, visits: visitsByPair.get(p.id) ?? 0 })));
  const compensation = compensate(members, { visit: options.visitMinutes, travel: options.travelMinutes, reflection: options.reflectionMinutes });
  const bound = budgetSearch ? budgetSearch.lowerBound : 0;
  const proofOfSolve = budgetSearch
    ? budgetSearch.uniform
      ? "budget binding: every pair is paid the same per visit, so the budget caps the count; successive shortest paths stopped at that count give the least cost for it, exact"
      : `budget binding: the count is the largest whose least-money schedule fits the budget (a minimum-cost flow on money alone), exact; the preference cost ${
          budgetSearch.exact
            ? `is the least within the budget, proved by branch and bound on the pairs' visit counts with Lagrangian bounds (${budgetSearch.nodes} nodes, ${budgetSearch.evaluations} flows)`
            : `is within ${solution.flowCost - bound} of the lower bound ${bound}: the branch and bound stopped at its limit of ${budgetSearch.evaluations} flows (${budgetSearch.nodes} nodes)`
        }`
    : solution.certified
      ? "minimum-cost maximum flow with a dual certificate: no residual arc has a negative reduced cost"
      : "not certified";
  const proof = kept.length > 0 ? `with the ${kept.length} kept visits fixed, ${proofOfSolve}` : proofOfSolve;
  return {
    schoolId: input.school.id,
    timeZone: input.school.timeZone,
    visitNumber: input.visitNumber,
    window: model.window,
    now: input.now,
    visits,
    reflections,
    unscheduled,
    compensation,
    objective: {
      families: visits.length,
      cost,
      breakdown,
      optimal: budgetSearch ? budgetSearch.exact : solution.certified,
      proof,
      solver: { method: "primal-dual minimum-cost flow on an aggregated network", phases: solution.phases, nodes: solution.nodes, arcs: solution.arcs, flowCost: solution.flowCost },
    },
    ...(options.budget !== undefined
      ? {
          budget: {
            limit: options.budget,
            seasonPay: compensation.totals.seasonPay,
            binding,
            ...(budgetSearch ? { preferenceLowerBound: bound, preferenceProvedLeast: budgetSearch.exact } : {}),
          },
        }
      : {}),
    ...(repair ? { rescheduled: repair.report } : {}),
    summary: {
      families: input.families.length,
      eligible: model.families.length + kept.length,
      scheduled: visits.length,
      pairs: model.pairs.length,
      pairsLeftOut: model.pairsLeftOut,
      grid: model.grid,
    },
    input,
  };
}

/** The visit of one assignment of the model. */
export function toVisit(input: ScheduleInput, model: ScheduleModel, a: Assignment, rate: ReadonlyMap<string, number>): ScheduledVisit {
  const family = model.families[a.family]!;
  const pair = model.pairs[a.pair]!;
  const slot = model.slots[a.slot]!;
  const hours = (input.options.visitMinutes + input.options.travelMinutes) / 60;
  const n = input.visitNumber;
  return {
    id: `v${n}-${family.id}`,
    schoolId: input.school.id,
    familyId: family.id,
    pairId: pair.id,
    educatorIds: pair.educatorIds,
    scheduledAt: input.now,
    start: slot.startIso,
    end: slot.visitEndIso,
    visitNumber: n,
    focus: n === 1 ? "relationship" : "academic",
    agenda: [],
    location: "home",
    status: "scheduled",
    interpreter: !pair.languages.has(family.language),
    ownTeacher: family.preferredPairs.includes(a.pair),
    compensation: pair.educatorIds.map((id) => ({ educatorId: id, hours, amount: payFor(hours, rate.get(id) ?? 0) })),
  };
}

function toReflection(v: ScheduledVisit, minutes: number, known: string | undefined): ScheduledReflection {
  const end = known ?? DateTime.fromISO(v.end, { setZone: true }).plus({ minutes }).toISO({ suppressMilliseconds: true }) ?? v.end;
  return { id: v.id.replace(/^v/, "r"), visitIds: [v.id], pairId: v.pairId, educatorIds: v.educatorIds, at: v.end, end, hours: minutes / 60 };
}

/** The second objective recomputed from the visits themselves (not from the solver). */
function objectiveOf(input: ScheduleInput, model: ScheduleModel, visits: readonly ScheduledVisit[]): ScheduleObjective["breakdown"] {
  const w = input.options.weights;
  const first = Date.parse(`${model.window.start}T00:00:00Z`);
  const perPair = new Map<string, number>();
  let notOwnTeacher = 0;
  let interpreter = 0;
  let week = 0;
  for (const v of visits) {
    if (!v.ownTeacher) notOwnTeacher += w.notOwnTeacher;
    if (v.interpreter) interpreter += w.interpreter;
    // Visits carry the school's offset, so the first ten characters are the local date.
    week += w.week * Math.floor(Math.round((Date.parse(`${v.start.slice(0, 10)}T00:00:00Z`) - first) / 86_400_000) / 7);
    perPair.set(v.pairId, (perPair.get(v.pairId) ?? 0) + 1);
  }
  let load = 0;
  for (const k of perPair.values()) load += (w.load * k * (k - 1)) / 2;
  return { notOwnTeacher, interpreter, load, week };
}

const MESSAGES: Record<UnscheduledReason, string> = {
  "consent-not-accepted": "the family's consent is not accepted: visits are voluntary (non-negotiable 1)",
  "no-first-visit": "no completed first visit: a second visit follows a first one",
  "no-overlapping-availability": "",
  "no-shared-language": "no pair available at the family's times speaks the family's home language, and a shared language is required",
  "pair-capacity": "every pair available at the family's times is full (visits per day or week, or slots taken by other families)",
  budget: "the budget runs out: the family would be visited without a budget",
  cancelled: "the family cancelled",
};

function reasonsFor(input: ScheduleInput, model: ScheduleModel, assignments: readonly Assignment[], budgetLeftOut: ReadonlySet<number>): UnscheduledFamily[] {
  const out: UnscheduledFamily[] = model.excluded.map((e) => ({ familyId: e.familyId, reasons: [{ code: e.reason, message: MESSAGES[e.reason] }] }));
  const scheduled = new Set(assignments.map((a) => a.family));
  const pairSlots = model.pairs.map((p) => new Set(p.slots));
  model.families.forEach((f, fi) => {
    if (scheduled.has(fi)) return;
    const reason = (code: UnscheduledReason, message = MESSAGES[code]) => out.push({ familyId: f.id, reasons: [{ code, message }] });
    if (f.slots.length === 0) {
      return reason("no-overlapping-availability", `no slot of the window (${model.window.start} to ${model.window.end}) lies inside the family's availability, outside the school day and at least ${input.options.leadTimeHours} h after booking`);
    }
    const overlapping = model.pairs.map((_, p) => p).filter((p) => f.slots.some((s) => pairSlots[p]!.has(s)));
    if (overlapping.length === 0) return reason("no-overlapping-availability", "no pair is available at any time the family is");
    if (model.requireSharedLanguage && !overlapping.some((p) => model.pairs[p]!.languages.has(f.language))) return reason("no-shared-language");
    return reason(budgetLeftOut.has(fi) ? "budget" : "pair-capacity");
  });
  return out.sort((a, b) => (a.familyId < b.familyId ? -1 : 1));
}
