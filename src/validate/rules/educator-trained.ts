import type { Rule } from "../types.js";
import { NO_OPTIONS, type NoOptions, distinct, docsUrl, isActive } from "./shared.js";

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
    // The earliest completed training of each educator (Infinity when none), computed once.
    const trainedAt = new Map<string, number>();
    for (const educator of record.educators) {
      if (trainedAt.has(educator.id)) continue;
      let ms = Infinity;
      for (const t of educator.trainings) ms = Math.min(ms, index.time(t.completedAt));
      trainedAt.set(educator.id, ms);
    }
    record.visits.forEach((visit, i) => {
      if (!isActive(visit)) return;
      const start = starts[i]!;
      for (const educatorId of distinct(visit.educatorIds)) {
        if (trainedAt.get(educatorId)! <= start) continue;
        const educator = index.educators.get(educatorId);
        const at = { entity: "visit" as const, index: i, id: visit.id, field: "educatorIds" };
        if (!educator) {
          report({ ...at, message: `educator '${educatorId}' is not in the records, so the training cannot be shown: add the educator with trainings` });
        } else {
          const later = educator.trainings.length > 0;
          report({ ...at, message: `educator '${educatorId}' ${later ? "was trained only after" : "has no training before"} the visit: train educators in the model before they visit` });
        }
      }
    });
  },
};
