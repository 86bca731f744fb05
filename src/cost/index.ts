/**
 * The cost model: one arithmetic for what a season of visits costs and what each educator is paid.
 * The scheduler's compensation and the readiness scorer's funding check both use it.
 *
 * Money is computed in cents and rounded once per line item (half away from zero), so totals are
 * exact sums of the items shown.
 *
 * @packageDocumentation
 */
import { z } from "zod";
import { PthvInputError, type InputIssue } from "../errors/index.js";

/**
 * One visiting educator's rate, for costing with per-educator rates. `trained: false` adds the
 * educator's training hours, paid at their own rate.
 *
 * @example
 * ```ts
 * import { CostEducator } from "pthv";
 * const educator = CostEducator.parse({ id: "edu-7", hourlyRate: 48 });
 * educator.trained; // true (the default)
 * ```
 */
export const CostEducator = z.object({
  id: z.string().min(1, "must not be empty"),
  hourlyRate: z.number().nonnegative(),
  trained: z.boolean().default(true),
});
/** One visiting educator's rate, for costing. */
export type CostEducator = z.infer<typeof CostEducator>;

/**
 * Pay for `hours` at `hourlyRate`, rounded to the cent.
 *
 * @example
 * ```ts
 * payFor(1.75, 42.5); // 74.38
 * ```
 */
export function payFor(hours: number, hourlyRate: number): number {
  return roundCents(hours * hourlyRate);
}

/**
 * Rounds an amount of money to cents, half away from zero, without binary drift
 * (`roundCents(1.005)` is 1.01).
 *
 * @example
 * ```ts
 * roundCents(10.125); // 10.13
 * ```
 */
export function roundCents(amount: number): number {
  const sign = amount < 0 ? -1 : 1;
  const cents = Math.round(Number((Math.abs(amount) * 100).toPrecision(12)));
  return (sign * cents) / 100;
}

/**
 * What a planned season looks like, for costing. Every field is an assumption shown in the estimate.
 *
 * @example
 * ```ts
 * import { CostPlan } from "pthv";
 * const plan = CostPlan.parse({ familiesToVisit: 40, hourlyRate: 45 });
 * plan.visitsPerFamily; // 1 (the default)
 * ```
 */
export const CostPlan = z.object({
  /** Families the school plans to visit this season. */
  familiesToVisit: z.number().int().nonnegative(),
  /** Visits per family: 1 (first visit only) or 2 (with a winter/spring visit). */
  visitsPerFamily: z.union([z.literal(1), z.literal(2)]).default(1),
  /** Length of a visit, in hours. */
  visitHours: z.number().nonnegative().default(1),
  /** Travel time per educator per visit, in hours, paid as part of the visit. */
  travelHours: z.number().nonnegative().default(0.5),
  /** Length of the partners' reflection after each visit, in hours. */
  reflectionHours: z.number().nonnegative().default(0.25),
  /** Educators per visit: always two in the PTHV model. */
  educatorsPerVisit: z.literal(2).default(2),
  /** Hourly rate paid to visiting educators outside the school day. */
  hourlyRate: z.number().nonnegative(),
  /** Educators who still need the model's training. */
  educatorsToTrain: z.number().int().nonnegative().default(0),
  /** Hours of training per educator. */
  trainingHours: z.number().nonnegative().default(6),
  /** Coordinator hours for the season, and their rate. */
  coordinatorHours: z.number().nonnegative().default(0),
  coordinatorRate: z.number().nonnegative().default(0),
  /** Materials per visited family (books, translation of letters, ...). */
  materialsPerFamily: z.number().nonnegative().default(0),
  /**
   * Per-educator rates of the educators who will visit. When given, visits and reflections are paid
   * at the mean of their rates (visits are assumed to be shared evenly until a schedule exists), and
   * each educator with `trained: false` is paid `trainingHours` at their own rate; `educatorsToTrain`
   * must then be 0. When absent, everyone is paid `hourlyRate`.
   */
  educators: z.array(CostEducator).optional(),
  /** ISO 4217 currency code, for display. */
  currency: z.string().regex(/^[A-Z]{3}$/, "must be an ISO 4217 code such as USD").default("USD"),
});
/** A planned season, for costing. */
export type CostPlan = z.infer<typeof CostPlan>;
/**
 * A planned season as given by a caller, before defaults.
 *
 * @example
 * ```ts
 * import { estimateCost, type CostPlanInput } from "pthv";
 * const input: CostPlanInput = { familiesToVisit: 40, hourlyRate: 45, visitsPerFamily: 2 };
 * estimateCost(input).total;
 * ```
 */
export type CostPlanInput = z.input<typeof CostPlan>;

/**
 * One line of a cost estimate, with the arithmetic that produced it.
 *
 * @example
 * ```ts
 * import { estimateCost, type CostLine } from "pthv";
 * const visits: CostLine = estimateCost({ familiesToVisit: 40, hourlyRate: 45 }).lines[0]!;
 * visits.basis; // "40 visits x 2 educators x (1 h visit + 0.5 h travel) x 45.00"
 * ```
 */
export interface CostLine {
  item: "visits" | "reflections" | "training" | "coordination" | "materials";
  /** Paid hours (0 for materials). */
  hours: number;
  /** Amount, rounded to cents. */
  amount: number;
  /** The arithmetic in words, e.g. "120 visits x 2 educators x 1.5 h x 40.00". */
  basis: string;
}

/**
 * The estimated cost of a season: line items, total, and the assumptions used.
 *
 * @example
 * ```ts
 * import { estimateCost, type CostEstimate } from "pthv";
 * const estimate: CostEstimate = estimateCost({ familiesToVisit: 40, hourlyRate: 45 });
 * estimate.lines.map((l) => `${l.item}: ${l.amount}`);
 * ```
 */
export interface CostEstimate {
  currency: string;
  lines: CostLine[];
  total: number;
  /** The plan as costed, defaults filled in. */
  assumptions: CostPlan;
  /** The hourly rate applied to visits and reflections: `hourlyRate`, or the mean of the educators' rates. */
  visitRate: number;
  /** Visits costed: families x visits per family. */
  visits: number;
}

/**
 * Estimates the cost of a planned season: paid visit and travel hours for two educators per visit,
 * the partners' reflections, training for educators not yet trained, coordinator time and
 * materials, at one hourly rate or at each educator's own rate. Every assumption is shown in the
 * result. The scheduler's compensation uses the same arithmetic ({@link payFor}).
 *
 * @param plan - the planned season; defaults are filled in and the plan is validated
 * @returns line items and a total that is their exact sum
 * @throws PthvInputError when the plan is invalid (negative money, unknown currency code, an
 *   educator listed twice, `educatorsToTrain` above 0 together with `educators`), every problem at once
 *
 * @example
 * ```ts
 * const estimate = estimateCost({ familiesToVisit: 100, hourlyRate: 40 });
 * estimate.total; // 100 visits x 2 x (1 + 0.5) h x 40 + 100 x 2 x 0.25 h x 40 = 14000
 * const perEducator = estimateCost({
 *   familiesToVisit: 10,
 *   hourlyRate: 40,
 *   educators: [{ id: "e1", hourlyRate: 40 }, { id: "e2", hourlyRate: 50, trained: false }],
 * });
 * perEducator.visitRate; // 45
 * ```
 */
export function estimateCost(plan: CostPlanInput): CostEstimate {
  const p = parseCostPlan(plan);
  const visits = p.familiesToVisit * p.visitsPerFamily;
  const money = (n: number) => n.toFixed(2);
  const educators = p.educators;
  const visitRate = educators && educators.length > 0 ? educators.reduce((sum, e) => sum + e.hourlyRate, 0) / educators.length : p.hourlyRate;
  const rateText = educators && educators.length > 0 ? `${money(visitRate)} (mean of ${educators.length} educators' rates)` : money(visitRate);
  const visitHours = visits * p.educatorsPerVisit * (p.visitHours + p.travelHours);
  const reflectionHours = visits * p.educatorsPerVisit * p.reflectionHours;
  const lines: CostLine[] = [
    {
      item: "visits",
      hours: visitHours,
      amount: payFor(visitHours, visitRate),
      basis: `${visits} visits x ${p.educatorsPerVisit} educators x (${p.visitHours} h visit + ${p.travelHours} h travel) x ${rateText}`,
    },
    {
      item: "reflections",
      hours: reflectionHours,
      amount: payFor(reflectionHours, visitRate),
      basis: `${visits} reflections x ${p.educatorsPerVisit} educators x ${p.reflectionHours} h x ${rateText}`,
    },
    trainingLine(p),
    {
      item: "coordination",
      hours: p.coordinatorHours,
      amount: payFor(p.coordinatorHours, p.coordinatorRate),
      basis: `${p.coordinatorHours} h x ${money(p.coordinatorRate)}`,
    },
    {
      item: "materials",
      hours: 0,
      amount: roundCents(p.familiesToVisit * p.materialsPerFamily),
      basis: `${p.familiesToVisit} families x ${money(p.materialsPerFamily)}`,
    },
  ];
  const total = roundCents(lines.reduce((sum, line) => sum + line.amount, 0));
  return { currency: p.currency, lines, total, assumptions: p, visitRate, visits };
}

function trainingLine(p: CostPlan): CostLine {
  if (p.educators === undefined) {
    const hours = p.educatorsToTrain * p.trainingHours;
    return { item: "training", hours, amount: payFor(hours, p.hourlyRate), basis: `${p.educatorsToTrain} educators x ${p.trainingHours} h x ${p.hourlyRate.toFixed(2)}` };
  }
  // Each untrained educator is paid at their own rate; the sum of their rates times the hours is
  // rounded once, so the line is exact to the cent.
  const untrained = p.educators.filter((e) => !e.trained);
  const rateSum = untrained.reduce((sum, e) => sum + e.hourlyRate, 0);
  const hours = untrained.length * p.trainingHours;
  return {
    item: "training",
    hours,
    amount: payFor(p.trainingHours, rateSum),
    basis: `${untrained.length} untrained educator${untrained.length === 1 ? "" : "s"} x ${p.trainingHours} h at their own rates (sum of rates ${rateSum.toFixed(2)})`,
  };
}

/**
 * Validates a cost plan and fills in its defaults, collecting every problem.
 *
 * @param plan - the plan as given
 * @param where - how to locate issues (default entity "cost plan"); `field` is prefixed to each path
 * @returns the parsed plan, or the issues found
 */
export function checkCostPlan(plan: unknown, where: { entity?: string; id?: string; field?: string } = {}): { plan: CostPlan; issues: [] } | { plan: null; issues: InputIssue[] } {
  const locate = (path: string) => ({
    entity: where.entity ?? "cost plan",
    ...(where.id === undefined ? {} : { id: where.id }),
    field: [where.field, path].filter((s) => s !== undefined && s !== "").join("."),
  });
  const result = CostPlan.safeParse(plan);
  if (!result.success) return { plan: null, issues: result.error.issues.map((i) => ({ ...locate(i.path.join(".")), message: i.message })) };
  const issues: InputIssue[] = [];
  const p = result.data;
  if (p.educators !== undefined && p.educatorsToTrain > 0) {
    issues.push({ ...locate("educatorsToTrain"), message: "with an educators list, mark those to train with trained: false and leave educatorsToTrain at 0" });
  }
  const seen = new Set<string>();
  (p.educators ?? []).forEach((e, i) => {
    if (seen.has(e.id)) issues.push({ ...locate(`educators[${i}].id`), message: `educator '${e.id}' is listed more than once: list each educator once` });
    seen.add(e.id);
  });
  return issues.length > 0 ? { plan: null, issues } : { plan: p, issues: [] };
}

function parseCostPlan(plan: CostPlanInput): CostPlan {
  const checked = checkCostPlan(plan);
  if (checked.plan === null) throw new PthvInputError(checked.issues);
  return checked.plan;
}
