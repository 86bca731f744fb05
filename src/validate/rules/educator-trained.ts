import type { Rule } from "../types.js";
import { NO_OPTIONS, type NoOptions, docsUrl, isActive } from "./shared.js";

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
    record.visits.forEach((visit, i) => {
      if (!isActive(visit)) return;
      const start = index.time(visit.start);
      for (const educatorId of new Set(visit.educatorIds)) {
        const at = { entity: "visit" as const, index: i, id: visit.id, field: "educatorIds" };
        const educator = index.educators.get(educatorId);
        if (!educator) {
          report({ ...at, message: `educator '${educatorId}' is not in the records, so the training cannot be shown: add the educator with trainings` });
        } else if (!educator.trainings.some((t) => index.time(t.completedAt) <= start)) {
          const later = educator.trainings.length > 0;
          report({ ...at, message: `educator '${educatorId}' ${later ? "was trained only after" : "has no training before"} the visit: train educators in the model before they visit` });
        }
      }
    });
  },
};
