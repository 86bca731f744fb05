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
import { PthvInputError } from "../errors/index.js";

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
  assumptions: CostPlan;
}

/**
 * Estimates the cost of a planned season: paid visit and travel hours for two educators per visit,
 * the partners' reflections, training for educators not yet trained, coordinator time and
 * materials. Every assumption is shown in the result.
 *
 * @param plan - the planned season; defaults are filled in and the plan is validated
 * @returns line items and a total that is their exact sum
 * @throws PthvInputError when the plan is invalid (negative money, unknown currency code, ...)
 *
 * @example
 * ```ts
 * const estimate = estimateCost({ familiesToVisit: 100, hourlyRate: 40 });
 * estimate.total; // 100 visits x 2 x (1 + 0.5) h x 40 + 100 x 2 x 0.25 h x 40 = 14000
 * ```
 */
export function estimateCost(plan: CostPlanInput): CostEstimate {
  const p = parseCostPlan(plan);
  const visits = p.familiesToVisit * p.visitsPerFamily;
  const money = (n: number) => n.toFixed(2);
  const visitHours = visits * p.educatorsPerVisit * (p.visitHours + p.travelHours);
  const reflectionHours = visits * p.educatorsPerVisit * p.reflectionHours;
  const trainingHours = p.educatorsToTrain * p.trainingHours;
  const lines: CostLine[] = [
    {
      item: "visits",
      hours: visitHours,
      amount: payFor(visitHours, p.hourlyRate),
      basis: `${visits} visits x ${p.educatorsPerVisit} educators x (${p.visitHours} h visit + ${p.travelHours} h travel) x ${money(p.hourlyRate)}`,
    },
    {
      item: "reflections",
      hours: reflectionHours,
      amount: payFor(reflectionHours, p.hourlyRate),
      basis: `${visits} reflections x ${p.educatorsPerVisit} educators x ${p.reflectionHours} h x ${money(p.hourlyRate)}`,
    },
    {
      item: "training",
      hours: trainingHours,
      amount: payFor(trainingHours, p.hourlyRate),
      basis: `${p.educatorsToTrain} educators x ${p.trainingHours} h x ${money(p.hourlyRate)}`,
    },
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
  return { currency: p.currency, lines, total, assumptions: p };
}

function parseCostPlan(plan: CostPlanInput): CostPlan {
  const result = CostPlan.safeParse(plan);
  if (!result.success) {
    throw new PthvInputError(
      result.error.issues.map((i) => ({ entity: "cost plan", field: i.path.join("."), message: i.message })),
    );
  }
  return result.data;
}
