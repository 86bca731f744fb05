import { verifyCohort } from "../../cohort/index.js";
import { isPthvError } from "../../errors/index.js";
import type { Student } from "../../model/index.js";
import type { Rule } from "../types.js";
import { NO_OPTIONS, type NoOptions, docsUrl } from "./shared.js";

/** How many recently found families' successors are tried before the hash table (see the check). */
const RECENT = 4;

/**
 * Non-negotiable 4: visits go to all families or a cross-section, never to a group singled out.
 * Every visited family belongs to a cohort drawn by one of the sampler's methods, and every cohort
 * re-verifies from its audit record (the sampler's `verifyCohort`, on the frame of its schools'
 * students), so nobody hand-picked the families.
 */
export const cohortProvenance: Rule<NoOptions> = {
  meta: {
    id: "cohort-provenance",
    protects: 4,
    description: "Every visited family belongs to a cohort drawn by one of the sampler's methods, and each cohort re-verifies from its audit record.",
    defaultLevel: "error",
    docs: docsUrl("cohort-provenance"),
    options: NO_OPTIONS,
  },
  check({ record, index, report }) {
    // Invited families in the records are flagged by index; others (rare) kept by id.
    const invitedKnown = new Uint8Array(record.families.length);
    const invitedOther = new Set<string>();
    const families = record.families;
    // Families listed in the records' order are found by trying the one after the last found. The
    // sampler lists a school's families in the order of their ids as texts, which interleaves runs
    // of the records' order when ids are numbered without padding (fam-1, fam-10, fam-100,
    // fam-1000, ..., fam-1009, fam-101, fam-1010, ...): the family after each of the last few found
    // is tried, most recent first, before the hash table.
    const recent: number[] = new Array<number>(RECENT).fill(-1);
    for (const cohort of record.cohorts) {
      const ids = cohort.selectedFamilyIds;
      for (let k = 0; k < ids.length; k++) {
        const id = ids[k]!;
        let j = 0;
        let f = -1;
        for (; j < RECENT; j++) {
          const g = recent[j]! + 1;
          if (g < families.length && families[g]!.id === id) {
            f = index.familyPosition(id, g);
            break;
          }
        }
        if (j === RECENT) {
          f = index.familyPosition(id);
          j = RECENT - 1;
        }
        for (; j > 0; j--) recent[j] = recent[j - 1]!;
        recent[0] = f;
        if (f >= 0) invitedKnown[f] = 1;
        else invitedOther.add(id);
      }
    }
    const visitFamily = index.visitFamily;
    const states = index.visitStates;
    for (let i = 0; i < states.length; i++) {
      if (states[i] === 0) continue;
      const f = visitFamily[i]!;
      if (f >= 0 && invitedKnown[f] === 1) continue;
      const visit = record.visits[i]!;
      if (f < 0 && invitedOther.has(visit.familyId)) continue;
      const none = record.cohorts.length === 0 ? "there is no cohort in the records" : "it is in no cohort's selected families";
      report({ entity: "visit", index: i, id: visit.id, field: "familyId", message: `family '${visit.familyId}' was visited but ${none}: visit only families invited in a cohort drawn by the sampler` });
    }
    record.cohorts.forEach((cohort, i) => {
      const at = { entity: "cohort" as const, index: i, ...(cohort.id !== undefined ? { id: cohort.id } : {}) };
      const schools = cohort.schoolIds ?? [...index.studentsBySchool.keys()];
      // A cohort of one school (the usual case) reads that school's frame as it is; no copy.
      const frame: readonly Student[] =
        schools.length === 1 ? (index.framesBySchool.get(schools[0]!) ?? []) : schools.flatMap((schoolId) => index.framesBySchool.get(schoolId) ?? []);
      if (frame.length === 0) {
        report({ ...at, field: "audit", message: "the cohort cannot be re-verified: none of its schools' students (its frame) are in the records; add the students" });
        return;
      }
      try {
        const verification = verifyCohort(frame, cohort);
        if (!verification.verified) report({ ...at, field: "selectedFamilyIds", message: `the cohort does not re-verify from its audit record (${verification.reasons.join("; ")}): draw cohorts with the sampler and keep them as drawn` });
      } catch (error) {
        if (!isPthvError(error)) throw error;
        report({ ...at, field: "audit", message: `the cohort cannot be re-verified (${error.message.split("\n")[0]}): fix the frame or the audit record` });
      }
    });
  },
};
