import type { Rule } from "../types.js";
import { NO_OPTIONS, type NoOptions, docsUrl } from "./shared.js";
import { heapNumbers } from "../heap-numbers.js";

/**
 * Non-negotiable 1: families choose to take part. Each visit (not cancelled) goes to a family whose
 * accepted consent was recorded no later than the visit's start.
 */
export const familyConsent: Rule<NoOptions> = {
  meta: {
    id: "family-consent",
    protects: 1,
    description: "Each visit goes to a family whose accepted consent was recorded before the visit.",
    defaultLevel: "error",
    docs: docsUrl("family-consent"),
    options: NO_OPTIONS,
  },
  check({ record, index, report }) {
    const { start: starts } = index.visitTimes;
    // When each family's acceptance was recorded (NaN when it has none), so the usual case costs one lookup.
    const acceptedAt = heapNumbers(record.families.length, NaN);
    record.families.forEach((family, f) => {
      const { status, recordedAt } = family.consent;
      acceptedAt[f] = status === "accepted" && recordedAt !== undefined ? index.time(recordedAt) : NaN;
    });
    const visitFamily = index.visitFamily;
    const states = index.visitStates;
    for (let i = 0; i < states.length; i++) {
      if (states[i] === 0) continue;
      const f = visitFamily[i]!;
      if (f >= 0 && acceptedAt[f]! <= starts[i]!) continue;
      const visit = record.visits[i]!;
      const at = { entity: "visit" as const, index: i, id: visit.id };
      const family = index.families.get(visit.familyId);
      if (!family) {
        report({ ...at, field: "familyId", message: `family '${visit.familyId}' is not in the records, so its consent cannot be shown: add the family with its consent` });
        continue;
      }
      const { status, recordedAt } = family.consent;
      if (status !== "accepted") {
        report({ ...at, field: "familyId", message: `family '${family.id}' has consent '${status}': visit only families who accepted, and record the acceptance first` });
      } else if (recordedAt === undefined) {
        report({ ...at, field: "familyId", message: `family '${family.id}' accepted but the acceptance has no recordedAt: record when the family accepted` });
      } else {
        report({ ...at, field: "start", message: `family '${family.id}' accepted only after the visit started: record consent before visiting` });
      }
    }
  },
};
