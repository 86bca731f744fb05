import type { Rule } from "../types.js";
import { NO_OPTIONS, type NoOptions, count, distinct, docsUrl, sameMembers } from "./shared.js";

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
    const pairMatches = (pairId: string, ids: readonly string[]) => {
      const pair = index.pairs.get(pairId);
      return !pair || sameMembers(pair.educatorIds, ids);
    };
    const states = index.visitStates; // 0: cancelled
    record.visits.forEach((visit, i) => {
      if (states[i] === 0) return;
      const ids = visit.educatorIds;
      if (ids.length === 2 && ids[0] !== ids[1] && (visit.pairId === undefined || pairMatches(visit.pairId, ids))) return;
      const at = { entity: "visit" as const, index: i, id: visit.id, field: "educatorIds" };
      const visitors = distinct(visit.educatorIds);
      if (visitors.length !== 2) {
        const repeated = visitors.length < visit.educatorIds.length ? " (an educator is listed twice)" : "";
        report({ ...at, message: `visit has ${count(visitors.length, "distinct educator")}${repeated}: visits are made by exactly two educators together` });
        return;
      }
      if (visit.pairId === undefined) return;
      const pair = index.pairs.get(visit.pairId);
      if (pair && !sameMembers(pair.educatorIds, visitors)) {
        report({ ...at, message: `visit names pair '${pair.id}' but its educators are not that pair's two: record the partners who actually visited` });
      }
    });
  },
};
