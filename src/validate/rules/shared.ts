import { z } from "zod";
import type { Visit } from "../../model/index.js";

/** Where the rule pages are published. */
export const RULE_DOCS_BASE = "https://github.com/pthv/pthv/blob/main/docs/rules/";

/** The docs URL of a rule. */
export function docsUrl(id: string): string {
  return `${RULE_DOCS_BASE}${id}.md`;
}

/** Options schema of a rule without options: only `{}` is accepted. */
export const NO_OPTIONS = z.strictObject({});

/** A visit that is booked or was held: cancelled visits are not visits to the family. */
export function isActive(visit: Visit): boolean {
  return visit.status !== "cancelled";
}

/** A visit that took place: only these are compensated and reflected on. */
export function isHeld(visit: Visit): boolean {
  return visit.status === "completed";
}

/** "1 educator", "3 educators". */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

/** Options of a rule without options. */
export type NoOptions = z.infer<typeof NO_OPTIONS>;
