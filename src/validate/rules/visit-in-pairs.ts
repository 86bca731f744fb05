import type { Rule } from "../types.js";
import { NO_OPTIONS, type NoOptions, count, docsUrl, isActive } from "./shared.js";

/**
 * Non-negotiable 5: educators visit two together. Each visit (not cancelled) has exactly two
 * distinct educators and, when it names a pair, they are that pair's two educators.
 */
export const visitInPairs: Rule<NoOptions> = {
  meta: {
    id: "visit-in-pairs",
    protects: 5,
    description: "Each visit is made by exactly two distinct educators (the pair's, when a pair is named).",
    defaultLevel: "error",
    docs: docsUrl("visit-in-pairs"),
    options: NO_OPTIONS,
  },
  check({ record, index, report }) {
    record.visits.forEach((visit, i) => {
      if (!isActive(visit)) return;
      const at = { entity: "visit" as const, index: i, id: visit.id, field: "educatorIds" };
      const distinct = new Set(visit.educatorIds);
      if (distinct.size !== 2) {
        const repeated = distinct.size < visit.educatorIds.length ? " (an educator is listed twice)" : "";
        report({ ...at, message: `visit has ${count(distinct.size, "distinct educator")}${repeated}: visits are made by exactly two educators together` });
        return;
      }
      if (visit.pairId === undefined) return;
      const pair = index.pairs.get(visit.pairId);
      if (pair && !pair.educatorIds.every((id) => distinct.has(id))) {
        report({ ...at, message: `visit names pair '${pair.id}' but its educators are not that pair's two: record the partners who actually visited` });
      }
    });
  },
};
