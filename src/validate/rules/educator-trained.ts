import { packedVisitEducators } from "../program-index.js";
import type { Rule } from "../types.js";
import { heapNumbers } from "../../memory/index.js";
import { NO_OPTIONS, type NoOptions, distinct, docsUrl } from "./shared.js";

/**
 * Non-negotiable 2: educators are trained in the model before they visit. Every educator on a visit
 * (not cancelled) completed a training no later than the visit's start.
 */
export const educatorTrained: Rule<NoOptions> = {
  meta: {
    id: "educator-trained",
    protects: 2,
    description: "Each educator on a visit completed the model's training before the visit.",
    defaultLevel: "error",
    docs: docsUrl("educator-trained"),
    options: NO_OPTIONS,
  },
  check({ record, index, report }) {
    const { start: starts } = index.visitTimes;
    // The earliest completed training of each educator (Infinity when none), by position in the records, computed once.
    const trainedAt = heapNumbers(record.educators.length, Infinity);
    record.educators.forEach((educator, e) => {
      let ms = Infinity;
      for (const t of educator.trainings) ms = Math.min(ms, index.time(t.completedAt));
      trainedAt[e] = ms;
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
        if (trainedAt[a]! <= start && trainedAt[pair - a * base]! <= start) continue;
      }
      const visit = record.visits[i]!;
      for (const educatorId of distinct(visit.educatorIds)) {
        const e = index.educatorPosition(educatorId);
        if (e >= 0 && trainedAt[e]! <= start) continue;
        const educator = index.educators.get(educatorId);
        const at = { entity: "visit" as const, index: i, id: visit.id, field: "educatorIds" };
        if (!educator) {
          report({ ...at, message: `educator '${educatorId}' is not in the records, so the training cannot be shown: add the educator with trainings` });
        } else {
          const later = educator.trainings.length > 0;
          report({ ...at, message: `educator '${educatorId}' ${later ? "was trained only after" : "has no training before"} the visit: train educators in the model before they visit` });
        }
      }
    }
  },
};
