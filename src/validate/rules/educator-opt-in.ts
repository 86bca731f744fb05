import type { Rule } from "../types.js";
import { NO_OPTIONS, type NoOptions, distinct, docsUrl, isActive } from "./shared.js";

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
    // When each educator opted in (NaN when never), so the usual case costs one lookup per educator.
    const optedIn = new Map<string, number>();
    for (const educator of record.educators) {
      if (!optedIn.has(educator.id)) optedIn.set(educator.id, educator.optedInAt === undefined ? NaN : index.time(educator.optedInAt));
    }
    record.visits.forEach((visit, i) => {
      if (!isActive(visit)) return;
      const start = starts[i]!;
      for (const educatorId of distinct(visit.educatorIds)) {
        if (optedIn.get(educatorId)! <= start) continue;
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
    });
  },
};
