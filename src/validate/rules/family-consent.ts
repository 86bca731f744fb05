import type { Rule } from "../types.js";
import { NO_OPTIONS, type NoOptions, docsUrl } from "./shared.js";

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
    // The family's acceptance read per visit, with no list of a time per family (several megabytes
    // at a million families): families share few acceptance texts in a row, so the last one's
    // instant is kept and the usual case costs one comparison of texts.
    const families = record.families;
    let lastText: string | undefined;
    let lastMs = NaN;
    const visitFamily = index.visitFamily;
    const states = index.visitStates;
    for (let i = 0; i < states.length; i++) {
      if (states[i] === 0) continue;
      const f = visitFamily[i]!;
      if (f >= 0) {
        const { status, recordedAt } = families[f]!.consent;
        if (status === "accepted" && recordedAt !== undefined) {
          if (recordedAt !== lastText) {
            lastMs = index.time(recordedAt);
            lastText = recordedAt;
          }
          if (lastMs <= starts[i]!) continue;
        }
      }
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
