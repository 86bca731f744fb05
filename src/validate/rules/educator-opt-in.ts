import { packedVisitEducators } from "../program-index.js";
import type { Rule } from "../types.js";
import { heapNumbers } from "../../memory/index.js";
import { NO_OPTIONS, type NoOptions, distinct, docsUrl } from "./shared.js";

/**
 * Non-negotiable 1: educators choose to visit. Every educator on a visit (not cancelled) opted in no
 * later than the visit's start.
 */
export const educatorOptIn: Rule<NoOptions> = {
  meta: {
    id: "educator-opt-in",
    protects: 1,
    description: "Each educator on a visit opted in to visiting before the visit.",
    defaultLevel: "error",
    docs: docsUrl("educator-opt-in"),
    options: NO_OPTIONS,
  },
  check({ record, index, report }) {
    const { start: starts } = index.visitTimes;
    // When each educator opted in (NaN when never), by position in the records.
    const optedAt = heapNumbers(record.educators.length, NaN);
    record.educators.forEach((educator, e) => {
      if (educator.optedInAt !== undefined) optedAt[e] = index.time(educator.optedInAt);
    });
    const states = index.visitStates;
    const { pairs, base } = packedVisitEducators(index);
    for (let i = 0; i < states.length; i++) {
      if (states[i] === 0) continue;
      const start = starts[i]!;
      // The usual visit, two educators in the records, is settled from the shared columns without reading the visit.
      const pair = pairs[i]!;
      if (pair >= 0) {
        const a = Math.floor(pair / base);
        if (optedAt[a]! <= start && optedAt[pair - a * base]! <= start) continue;
      }
      const visit = record.visits[i]!;
      for (const educatorId of distinct(visit.educatorIds)) {
        const e = index.educatorPosition(educatorId);
        if (e >= 0 && optedAt[e]! <= start) continue;
        const educator = index.educators.get(educatorId);
        const at = { entity: "visit" as const, index: i, id: visit.id, field: "educatorIds" };
        if (!educator) {
          report({ ...at, message: `educator '${educatorId}' is not in the records, so the opt-in cannot be shown: add the educator with optedInAt` });
        } else if (educator.optedInAt === undefined) {
          report({ ...at, message: `educator '${educatorId}' has not opted in: visiting is voluntary; record optedInAt or change the visitors` });
        } else {
          report({ ...at, message: `educator '${educatorId}' opted in only after the visit started: educators opt in before visiting` });
        }
      }
    }
  },
};
