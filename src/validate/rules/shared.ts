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

/** The distinct ids of a short list, in order (visits and reflections name two or three educators). */
export function distinct(ids: readonly string[]): string[] {
  if (ids.length === 2) return ids[0] === ids[1] ? [ids[0]!] : (ids as string[]);
  const out: string[] = [];
  for (const id of ids) if (!out.includes(id)) out.push(id);
  return out;
}

/** Whether two short lists hold the same ids, ignoring order and repeats. */
export function sameMembers(a: readonly string[], b: readonly string[]): boolean {
  // Two ids each, the same two in either order (a visit and its reflection, as usual): certainly
  // the same members, decided without the loops below; anything else is left to them.
  if (a.length === 2 && b.length === 2) {
    const x = a[0];
    const y = a[1];
    if ((x === b[0] && y === b[1]) || (x === b[1] && y === b[0])) return true;
  }
  for (const id of a) if (!b.includes(id)) return false;
  for (const id of b) if (!a.includes(id)) return false;
  return true;
}
