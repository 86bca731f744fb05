import { z } from "zod";
import type { Reflection } from "../../model/index.js";
import type { Rule } from "../types.js";
import { docsUrl, sameMembers } from "./shared.js";

const Options = z.strictObject({
  /** Days after the visit's end within which the partners reflect. A reflection exactly this late passes. */
  withinDays: z.number().nonnegative().default(7).describe("Days after the visit's end within which the partners reflect; exactly this many days passes"),
});

/**
 * Non-negotiable 5: partners reflect together after the visit. Each completed visit has a
 * reflection naming it, by the same two educators, at or after the visit's end and within
 * `withinDays` days of it.
 */
export const reflectionWithPartner: Rule<z.infer<typeof Options>> = {
  meta: {
    id: "reflection-with-partner",
    protects: 5,
    description: "Each completed visit is followed, within the configured number of days, by a reflection of the same two educators.",
    defaultLevel: "error",
    docs: docsUrl("reflection-with-partner"),
    options: Options,
  },
  check({ record, index, options, report }) {
    const { end: ends } = index.visitTimes;
    const windowMs = options.withinDays * 86_400_000;
    const keeps = (reflection: Reflection, visitors: readonly string[], end: number): boolean => {
      if (!sameMembers(reflection.educatorIds, visitors)) return false;
      const t = index.time(reflection.at);
      return t >= end && t - end <= windowMs;
    };
    const states = index.visitStates; // 2: held
    record.visits.forEach((visit, i) => {
      if (states[i] !== 2) return;
      const end = ends[i]!;
      const found = index.reflectionsOf(visit.id);
      // The usual case, one reflection by the partners in the window, allocates nothing.
      if (typeof found === "number" && keeps(record.reflections[found]!, visit.educatorIds, end)) return;
      const candidates = found === undefined ? [] : typeof found === "number" ? [found] : found;
      let partners = false;
      for (const r of candidates) {
        const reflection = record.reflections[r]!;
        if (!sameMembers(reflection.educatorIds, visit.educatorIds)) continue;
        partners = true;
        const t = index.time(reflection.at);
        if (t >= end && t - end <= windowMs) return;
      }
      const message =
        candidates.length === 0
          ? "visit has no reflection: the two educators reflect together after each visit; record the reflection"
          : !partners
            ? "visit's reflection is not by the two educators who visited: partners reflect together"
            : `visit's reflection is not between the visit's end and ${options.withinDays} days after it: reflect soon after the visit, while it is fresh`;
      report({ entity: "visit", index: i, id: visit.id, field: "id", message });
    });
  },
};
