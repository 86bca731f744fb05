import { z } from "zod";
import { CostPlan } from "../cost/index.js";
import { Id } from "./primitives.js";

/** Currency symbols understood in money text, and the ISO 4217 codes each may stand for. */
const SYMBOLS: Record<string, readonly string[]> = {
  $: ["USD", "CAD", "AUD", "NZD"],
  "€": ["EUR"],
  "£": ["GBP"],
};

const MONEY_TEXT = /^(?<pre>[$€£]\s?|[A-Z]{3}\s?)?(?<whole>\d{1,3}(?:,\d{3})+|\d+)(?<cents>\.\d{1,2})?(?<post>\s?[A-Z]{3})?$/u;

/**
 * An amount of money read from text: the amount and the currencies its symbol or code may name.
 *
 * @example
 * ```ts
 * import { readMoneyText, type MoneyText } from "pthv";
 * const read = readMoneyText("€900") as MoneyText;
 * read.currencies; // ["EUR"]
 * ```
 */
export interface MoneyText {
  amount: number;
  /** ISO 4217 codes the text's symbol or code may stand for (`$` may be USD, CAD, AUD or NZD); empty when bare. */
  currencies: readonly string[];
}

/**
 * Reads an amount of money written as text: a plain number (`31200`, `31200.50`), with thousands
 * commas (`31,200`), a leading symbol (`$31,200`, `€900`, `£1,250.75`) or an ISO 4217 code before or
 * after (`USD 31,200`, `31200 EUR`). Anything else (negative amounts, European `31.200,00`,
 * spaces as thousands separators, words) is refused with a reason.
 *
 * @param text - the money text
 * @returns the amount and the currencies its marker may stand for, or `{ error }` saying what to write instead
 *
 * @example
 * ```ts
 * readMoneyText("$31,200"); // { amount: 31200, currencies: ["USD", "CAD", "AUD", "NZD"] }
 * readMoneyText("31.200,00"); // { error: "unknown currency format '31.200,00': ..." }
 * ```
 */
export function readMoneyText(text: string): MoneyText | { error: string } {
  const t = text.trim();
  if (/^[-−(]|^[$€£]\s*-|^[A-Z]{3}\s?-/u.test(t)) return { error: `must not be negative (got '${t}'): give the amount available, 0 or more` };
  const match = MONEY_TEXT.exec(t);
  const groups = match?.groups;
  if (!groups || (groups.pre !== undefined && groups.post !== undefined)) {
    return { error: `unknown currency format '${t}': write a plain amount such as 31200 or 31200.50, optionally as $31,200 or USD 31200` };
  }
  const amount = Number(`${groups.whole!.replaceAll(",", "")}${groups.cents ?? ""}`);
  const marker = (groups.pre ?? groups.post ?? "").trim();
  const currencies = marker === "" ? [] : (SYMBOLS[marker] ?? [marker]);
  return { amount, currencies };
}

/**
 * An amount of money, 0 or more: a number, or text that {@link readMoneyText} understands
 * (`"$31,200"`, `"31200 USD"`). Parses to a number in the currency's units.
 *
 * @example
 * ```ts
 * import { Money } from "pthv";
 * Money.parse("$31,200"); // 31200
 * Money.safeParse(-5).success; // false
 * ```
 */
export const Money = z.union([z.number(), z.string()]).transform((value, ctx) => {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) ctx.addIssue({ code: "custom", message: "must be a finite amount" });
    else if (value < 0) ctx.addIssue({ code: "custom", message: `must not be negative (got ${value}): give the amount available, 0 or more` });
    return value;
  }
  const read = readMoneyText(value);
  if ("error" in read) {
    ctx.addIssue({ code: "custom", message: read.error });
    return 0;
  }
  return read.amount;
});
/** An amount of money, parsed to a number. */
export type Money = z.infer<typeof Money>;

/**
 * The four processes the resolution asks of an implementing school: to administer and to evaluate the programme.
 *
 * @example
 * ```ts
 * import { READINESS_PROCESSES } from "pthv";
 * READINESS_PROCESSES.length; // 4
 * ```
 */
export const READINESS_PROCESSES = ["administrationProcedures", "dataCollection", "evaluationPlan", "trainingPlan"] as const;
/**
 * One of the four processes.
 *
 * @example
 * ```ts
 * import type { ReadinessProcess } from "pthv";
 * const process: ReadinessProcess = "evaluationPlan";
 * ```
 */
export type ReadinessProcess = (typeof READINESS_PROCESSES)[number];

const yesNo = (what: string) =>
  z.boolean({ error: (issue) => (issue.input === undefined ? `required: ${what} (yes or no)` : `must be true or false: ${what}`) });
const headcount = (what: string) =>
  z.number({ error: (issue) => (issue.input === undefined ? `required: ${what}` : `must be a number: ${what}`) }).int("must be a whole number");

/**
 * What a school brings to the readiness decision: its principal champion, its teachers and how
 * many support the practice, its budget against the cost of its planned season, and its processes.
 *
 * - `teachers.total` counts ALL teachers at the school: the 50% support threshold is a share of all
 *   teachers, not of survey respondents or of those who will visit.
 * - `teachers.surveyed` (optional) is how many teachers answered the support survey; when fewer than
 *   all answered, the share is reported as a range. Absent: unknown, so the range runs to 100%.
 * - `funding` gives the `budget` and either the `estimatedCost` of the season or the `season` itself
 *   (costed with the cost model). Money is a number or text such as `"$31,200"`.
 *
 * @example
 * ```ts
 * import { SchoolReadiness } from "pthv";
 * const school = SchoolReadiness.parse({
 *   schoolId: "sch-1",
 *   principal: { named: true, engaged: true },
 *   teachers: { total: 36, inSupport: 20, surveyed: 30 },
 *   funding: { budget: "$31,200", season: { familiesToVisit: 100, hourlyRate: 40 } },
 * });
 * school.processes.evaluationPlan; // false (the default)
 * ```
 */
export const SchoolReadiness = z.object({
  schoolId: Id,
  name: z.string().min(1).optional(),
  principal: z.object({
    /** A principal is named as the programme's champion. */
    named: yesNo("is a principal named as the programme's champion?"),
    /** The champion is engaged (attends training, speaks for the programme, protects time for it). */
    engaged: yesNo("is the principal champion engaged?"),
  }),
  teachers: z.object({
    /** All teachers at the school. */
    total: headcount("the number of all teachers at the school").min(1, "must be at least 1: count all teachers at the school"),
    /** Teachers confirmed in support of the practice (whether or not they will visit). */
    inSupport: headcount("the number of teachers confirmed in support").nonnegative(),
    /** Teachers who answered the support survey; absent when unknown. */
    surveyed: z.number().int().nonnegative().optional(),
  }),
  funding: z.object({
    /** Money available for the season. */
    budget: Money,
    /** ISO 4217 code of the budget and the cost. Default USD. */
    currency: z.string().regex(/^[A-Z]{3}$/, "must be an ISO 4217 code such as USD").default("USD"),
    /** The estimated cost of the planned season, when already known. */
    estimatedCost: Money.optional(),
    /** The planned season, costed with `estimateCost` (its currency is `funding.currency`). */
    season: CostPlan.omit({ currency: true }).optional(),
  }),
  processes: z
    .object({
      administrationProcedures: z.boolean().default(false),
      dataCollection: z.boolean().default(false),
      evaluationPlan: z.boolean().default(false),
      trainingPlan: z.boolean().default(false),
    })
    .default({ administrationProcedures: false, dataCollection: false, evaluationPlan: false, trainingPlan: false }),
});
/** A school's readiness data, parsed. */
export type SchoolReadiness = z.infer<typeof SchoolReadiness>;
/**
 * A school's readiness data as written (money as text allowed, defaults not yet filled in).
 *
 * @example
 * ```ts
 * import { scoreReadiness, type SchoolReadinessInput } from "pthv";
 * const input: SchoolReadinessInput = {
 *   schoolId: "sch-1",
 *   principal: { named: true, engaged: false },
 *   teachers: { total: 20, inSupport: 9 },
 *   funding: { budget: 10000, estimatedCost: 12000 },
 * };
 * scoreReadiness(input).tier; // "not-ready"
 * ```
 */
export type SchoolReadinessInput = z.input<typeof SchoolReadiness>;
