import type { Rule } from "../types.js";
import { cohortProvenance } from "./cohort-provenance.js";
import { compensatedOutsideSchoolDay } from "./compensated-outside-school-day.js";
import { educatorOptIn } from "./educator-opt-in.js";
import { educatorTrained } from "./educator-trained.js";
import { familyConsent } from "./family-consent.js";
import { firstVisitRelationship } from "./first-visit-relationship.js";
import { reflectionWithPartner } from "./reflection-with-partner.js";
import { planDeadline } from "./plan-deadline.js";
import { planElements } from "./plan-elements.js";
import { scheduledInAdvance } from "./scheduled-in-advance.js";
import { steeringCommittee } from "./steering-committee.js";
import { visitInPairs } from "./visit-in-pairs.js";
import { visitedRepresentative } from "./visited-representative.js";

/**
 * Every rule, in the order of the non-negotiables they protect.
 *
 * @example
 * ```ts
 * import { RULES } from "pthv";
 * RULES.map((r) => `${r.meta.id} (non-negotiable ${r.meta.protects}): ${r.meta.description}`);
 * ```
 */
export const RULES: readonly Rule<never>[] = [
  familyConsent,
  educatorOptIn,
  scheduledInAdvance,
  educatorTrained,
  compensatedOutsideSchoolDay,
  firstVisitRelationship,
  cohortProvenance,
  visitedRepresentative,
  visitInPairs,
  reflectionWithPartner,
  planElements,
  planDeadline,
  steeringCommittee,
] as unknown as readonly Rule<never>[];
