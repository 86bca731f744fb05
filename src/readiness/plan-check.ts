/**
 * The implementation-plan check: the seven elements, the 90-day deadline and the steering
 * committee's composition, as the model school-board resolution asks.
 */
import { DateTime } from "luxon";
import { z } from "zod";
import { PthvInputError, type InputIssue } from "../errors/index.js";
import { ImplementationPlan, PLAN_ELEMENTS, type PlanElement, type StakeholderGroup } from "../model/index.js";

/** Calendar days between the resolution's passage and the plan's presentation to the board. */
export const PLAN_DUE_DAYS = 90;

/** The stakeholder groups the resolution recommends for the steering committee ("according to best practice"). */
export const RECOMMENDED_GROUPS = [
  "district-leader",
  "school-leader",
  "parent",
  "student",
  "educator",
  "union-leader",
] as const satisfies readonly StakeholderGroup[];

/** The resolution's wording of each plan element, for messages. */
export const PLAN_ELEMENT_LABELS: Record<PlanElement, string> = {
  funding: "Funding",
  implementationTimeline: "Implementation timeline",
  schoolSelectionAndReadiness: "School selection and readiness",
  rolesAndResponsibilities: "Key roles and responsibilities",
  administrativeProcedures: "Administrative process and procedures",
  trainingAndSupport: "Training and ongoing support for staff",
  dataCollectionAndEvaluation: "Data collection and evaluation",
};

/** Texts that mark an element as not yet written, compared without case or trailing punctuation. */
const PLACEHOLDERS = new Set(["tbd", "tba", "todo", "to do", "n/a", "na", "none", "pending", "later", "see above", "-", "--", "...", "xxx", "tk"]);

/** Options of {@link checkPlan}. */
export interface CheckPlanOptions {
  /**
   * The date to judge the deadline on: an ISO date (`YYYY-MM-DD`, read as a calendar date in the
   * district's zone) or a `Date` (an instant, converted to the calendar date in the district's zone).
   */
  today: string | Date;
  /** Fewest words for an element to count as substantive (default 10). */
  minWords?: number;
}

/** How one of the seven elements fares. */
export interface PlanElementCheck {
  element: PlanElement;
  /** The resolution's wording, e.g. "Training and ongoing support for staff". */
  label: string;
  /** Some text is given. */
  present: boolean;
  /** The text is more than a placeholder and has at least `minWords` words. */
  substantive: boolean;
  /** Words in the text (0 when absent). */
  words: number;
  /** One sentence: why the element is or is not substantive. */
  reason: string;
}

/** Where the plan stands against its 90-day deadline. */
export type PlanStatusKind = "on-time" | "due" | "overdue" | "presented-late";

/** The plan's deadline status. `days` is always a non-negative count of calendar days. */
export interface PlanStatus {
  /**
   * `on-time`: presented on or before the due date; `due`: not presented, due in `days` days
   * (0 = due today); `overdue`: not presented, `days` days past due; `presented-late`: presented
   * `days` days after the due date.
   */
  kind: PlanStatusKind;
  days: number;
  /** "presented on time, 12 days before the due date 2026-12-08", "due in 5 days (2026-12-08)", "overdue by 3 days (due 2026-12-08)", "presented late, 4 days after the due date 2026-12-08". */
  message: string;
}

/** The steering committee against the recommended groups. */
export interface CommitteeCheck {
  /** Members on the committee. */
  members: number;
  /** Members per group, for every group (0 when none). */
  byGroup: Record<StakeholderGroup, number>;
  /** The groups the resolution recommends. */
  recommended: StakeholderGroup[];
  /** Recommended groups with no member, in the resolution's order. */
  missingGroups: StakeholderGroup[];
  /** Every recommended group has at least one member. */
  complete: boolean;
  /** One sentence on the composition. */
  explanation: string;
}

/** The result of {@link checkPlan}: plain JSON. */
export interface PlanCheck {
  districtName: string | null;
  /** The district's IANA zone, in which dates are calendar dates. */
  timeZone: string;
  /** The date judged on, as a calendar date in the district's zone. */
  today: string;
  passedAt: string;
  /** `passedAt` plus 90 calendar days. */
  dueAt: string;
  presentedAt: string | null;
  status: PlanStatus;
  /** The seven elements, in the resolution's order. */
  elements: PlanElementCheck[];
  /** Elements absent or not substantive. */
  missingElements: PlanElement[];
  committee: CommitteeCheck;
  /** Every problem, one sentence each (empty when the plan is in order). */
  problems: string[];
  /** True when all seven elements are substantive, the committee is complete and the deadline is kept (`on-time` or `due`). */
  ok: boolean;
  /** The thresholds used. */
  thresholds: { dueDays: number; minWords: number; recommendedGroups: StakeholderGroup[] };
}

const Options = z.object({
  today: z.union([z.iso.date({ error: "must be an ISO date (YYYY-MM-DD) or a Date" }), z.date()]),
  minWords: z.number().int().min(1).default(10),
});

/**
 * Checks a steering committee's implementation plan against the resolution: the seven elements
 * present and substantive, the due date (passage plus 90 calendar days, in the district's zone) and
 * the status on `today`, and the committee's composition against the recommended groups
 * (district and school leaders, parents, students, educators, union leaders). This is the one
 * implementation; the validator's plan rules call it.
 *
 * @param plan - the implementation plan (parsed here; defaults such as the time zone are filled in)
 * @param options - `today` (ISO date or `Date`) and `minWords` (default 10)
 * @returns a {@link PlanCheck}: due date, status, each element's check, the committee, every problem, and `ok`
 * @throws PthvInputError when the plan is invalid, presented before its resolution passed, lists a
 *   committee member twice, or `today` is not a date; every problem at once, naming the field
 *
 * @example
 * ```ts
 * const check = checkPlan(
 *   { passedAt: "2026-09-09", timeZone: "America/Chicago", elements: {}, steeringCommittee: [] },
 *   { today: "2026-12-01" },
 * );
 * check.dueAt; // "2026-12-08"
 * check.status.message; // "due in 7 days (2026-12-08)"
 * check.missingElements.length; // 7
 * ```
 */
export function checkPlan(plan: z.input<typeof ImplementationPlan>, options: CheckPlanOptions): PlanCheck {
  const { parsed, opts } = parseInputs(plan, options);
  const zone = parsed.timeZone;
  const passed = DateTime.fromISO(parsed.passedAt, { zone }).startOf("day");
  const due = passed.plus({ days: PLAN_DUE_DAYS });
  const today =
    opts.today instanceof Date
      ? DateTime.fromJSDate(opts.today, { zone }).startOf("day")
      : DateTime.fromISO(opts.today, { zone }).startOf("day");
  const presented = parsed.presentedAt === undefined ? null : DateTime.fromISO(parsed.presentedAt, { zone }).startOf("day");
  const status = statusOf(due, today, presented);
  const elements = PLAN_ELEMENTS.map((element) => checkElement(element, parsed.elements[element], opts.minWords));
  const committee = checkCommittee(parsed.steeringCommittee.map((m) => m.group));
  const missingElements = elements.filter((e) => !e.substantive).map((e) => e.element);
  const problems = [
    ...elements.filter((e) => !e.substantive).map((e) => `${e.label}: ${e.reason}`),
    ...(committee.complete ? [] : [committee.explanation]),
    ...(status.kind === "overdue" || status.kind === "presented-late" ? [`The plan is ${status.message}.`] : []),
  ];
  return {
    districtName: parsed.districtName ?? null,
    timeZone: zone,
    today: isoDate(today),
    passedAt: isoDate(passed),
    dueAt: isoDate(due),
    presentedAt: presented === null ? null : isoDate(presented),
    status,
    elements,
    missingElements,
    committee,
    problems,
    ok: problems.length === 0,
    thresholds: { dueDays: PLAN_DUE_DAYS, minWords: opts.minWords, recommendedGroups: [...RECOMMENDED_GROUPS] },
  };
}

function isoDate(d: DateTime): string {
  return d.toISODate() ?? "";
}

/** Whole calendar days from `a` to `b` (both at the start of a day in the same zone; DST-safe). */
function calendarDays(a: DateTime, b: DateTime): number {
  return Math.round(b.diff(a, "days").days);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function statusOf(due: DateTime, today: DateTime, presented: DateTime | null): PlanStatus {
  const dueText = isoDate(due);
  if (presented !== null) {
    const early = calendarDays(presented, due);
    if (early >= 0) {
      const when = early === 0 ? "on the due date" : `${plural(early, "day")} before the due date`;
      return { kind: "on-time", days: early, message: `presented on time, ${when} ${dueText}` };
    }
    return { kind: "presented-late", days: -early, message: `presented late, ${plural(-early, "day")} after the due date ${dueText}` };
  }
  const left = calendarDays(today, due);
  if (left >= 0) {
    return { kind: "due", days: left, message: left === 0 ? `due today (${dueText})` : `due in ${plural(left, "day")} (${dueText})` };
  }
  return { kind: "overdue", days: -left, message: `overdue by ${plural(-left, "day")} (due ${dueText})` };
}

function checkElement(element: PlanElement, text: string | undefined, minWords: number): PlanElementCheck {
  const label = PLAN_ELEMENT_LABELS[element];
  const trimmed = (text ?? "").trim();
  const words = trimmed === "" ? 0 : trimmed.split(/\s+/u).length;
  const base = { element, label, words };
  if (trimmed === "") return { ...base, present: false, substantive: false, reason: "missing: write this element of the plan." };
  const bare = trimmed.toLowerCase().replace(/[.!?:;]+$/u, "");
  if (PLACEHOLDERS.has(bare)) {
    return { ...base, present: true, substantive: false, reason: "a placeholder, not yet written: replace it with the plan for this element." };
  }
  if (words < minWords) {
    return {
      ...base,
      present: true,
      substantive: false,
      reason: `too short to be substantive (${plural(words, "word")}; at least ${minWords} expected).`,
    };
  }
  return { ...base, present: true, substantive: true, reason: `written (${plural(words, "word")}).` };
}

function checkCommittee(groups: StakeholderGroup[]): CommitteeCheck {
  const byGroup = Object.fromEntries(
    ["district-leader", "school-leader", "parent", "student", "educator", "union-leader", "community", "other"].map((g) => [g, 0]),
  ) as Record<StakeholderGroup, number>;
  for (const g of groups) byGroup[g] += 1;
  const missingGroups = RECOMMENDED_GROUPS.filter((g) => byGroup[g] === 0);
  const complete = missingGroups.length === 0;
  const explanation = complete
    ? `The steering committee's ${plural(groups.length, "member")} include every recommended group.`
    : `The steering committee (${plural(groups.length, "member")}) has no ${missingGroups.map((g) => g.replace("-", " ")).join(", ")} representative${missingGroups.length === 1 ? "" : "s"}: the resolution recommends diverse stakeholders including each of these groups.`;
  return { members: groups.length, byGroup, recommended: [...RECOMMENDED_GROUPS], missingGroups, complete, explanation };
}

function parseInputs(plan: z.input<typeof ImplementationPlan>, options: CheckPlanOptions) {
  const result = ImplementationPlan.safeParse(plan);
  const optResult = Options.safeParse(options);
  const name = typeof plan === "object" && plan !== null && typeof plan.districtName === "string" ? plan.districtName : undefined;
  const where = { entity: "implementation plan", ...(name === undefined ? {} : { id: name }) };
  const issues: InputIssue[] = [];
  if (!result.success) {
    for (const i of result.error.issues) issues.push({ ...where, field: i.path.join("."), message: i.message });
  }
  if (!optResult.success) {
    for (const i of optResult.error.issues) issues.push({ entity: "checkPlan options", field: i.path.join("."), message: i.message });
  }
  if (result.success) {
    const p = result.data;
    if (p.presentedAt !== undefined && p.presentedAt < p.passedAt) {
      issues.push({
        ...where,
        field: "presentedAt",
        message: `the plan is dated ${p.presentedAt}, before its resolution passed (${p.passedAt}): correct presentedAt or passedAt`,
      });
    }
    const seen = new Set<string>();
    p.steeringCommittee.forEach((m, index) => {
      if (seen.has(m.id)) {
        issues.push({ ...where, field: `steeringCommittee[${index}].id`, message: `member '${m.id}' is listed more than once: list each member once` });
      }
      seen.add(m.id);
    });
  }
  if (issues.length > 0 || !result.success || !optResult.success) throw new PthvInputError(issues);
  return { parsed: result.data, opts: optResult.data };
}
