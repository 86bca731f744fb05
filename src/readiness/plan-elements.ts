/** The seven elements of the implementation plan: present, and substantive rather than a placeholder. */
import type { PlanElement } from "../model/index.js";
import { count as plural } from "./wording.js";

/**
 * The resolution's wording of each plan element, for messages.
 *
 * @example
 * ```ts
 * import { PLAN_ELEMENT_LABELS } from "pthv";
 * PLAN_ELEMENT_LABELS.trainingAndSupport; // "Training and ongoing support for staff"
 * ```
 */
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

/**
 * How one of the seven elements fares.
 *
 * @example
 * ```ts
 * import { checkPlan, type PlanElementCheck } from "pthv";
 * const check = checkPlan({ passedAt: "2026-09-09", elements: {}, steeringCommittee: [] }, { today: "2026-12-01" });
 * const funding: PlanElementCheck = check.elements[0]!;
 * funding.reason; // "missing: write this element of the plan."
 * ```
 */
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

/** Checks one element's text. */
export function checkElement(element: PlanElement, text: string | undefined, minWords: number): PlanElementCheck {
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
