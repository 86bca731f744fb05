/**
 * replaceDeclined: families say no; the reserve of the same stratum fills their places.
 */
import { PthvInputError, type InputIssue } from "../errors/index.js";
import type { Cohort, CohortReplacement } from "../model/index.js";

/**
 * Records families that declined and invites, for each, the next family of the `reserve` from the
 * same stratum (the same school, or the same stratum or class for the methods that have them). The
 * reserve is a random order of the families not selected, so a replacement is a random draw from
 * the same stratum and every family's chance of an invitation stays equal within it. Declined
 * families stay listed in `selectedFamilyIds` (they were invited) and in `declinedFamilyIds`, and are
 * never re-invited this season. When a stratum's reserve is used up, the replacement is `null`.
 * Replacing in several batches gives the same result as replacing all at once, in order.
 *
 * @param cohort - a cohort from {@link sampleCohort} (not mutated)
 * @param declinedIds - ids of invited families that declined, in the order they declined
 * @returns a new cohort with `declinedFamilyIds`, `replacements`, `selectedFamilyIds` and `reserve` updated
 * @throws PthvInputError when an id was never invited (listing every such id)
 *
 * @example
 * ```ts
 * import { replaceDeclined, sampleCohort } from "pthv";
 * const frame = ["a", "b", "c", "d"].map((id) => ({ id, schoolId: "s" }));
 * const cohort = sampleCohort(frame, { method: "random", count: 2, seed: 1 });
 * const after = replaceDeclined(cohort, [cohort.selectedFamilyIds[0]!]);
 * after.replacements?.[0]?.replacement === cohort.reserve[0]; // true
 * ```
 */
export function replaceDeclined(cohort: Cohort, declinedIds: readonly string[]): Cohort {
  const strata = (cohort.strata ?? []).map((s) => ({ ...s, selectedFamilyIds: s.selectedFamilyIds.slice(), reserve: s.reserve.slice() }));
  const stratumOf = new Map<string, number>();
  strata.forEach((s, k) => s.selectedFamilyIds.forEach((id) => stratumOf.set(id, k)));
  const selected = cohort.selectedFamilyIds.slice();
  const invited = new Set(selected);
  const declined = cohort.declinedFamilyIds.slice();
  const already = new Set(declined);
  const used = new Set<string>();
  const replacements: CohortReplacement[] = (cohort.replacements ?? []).slice();
  const issues: InputIssue[] = [];
  for (const id of declinedIds) {
    if (!invited.has(id)) issues.push({ entity: "family", id, message: "this family was not invited in this cohort, so it cannot decline: check the id" });
  }
  if (issues.length > 0) throw new PthvInputError(issues, `${issues.length} declined id${issues.length === 1 ? "" : "s"} not invited`);
  for (const id of declinedIds) {
    if (already.has(id)) continue;
    already.add(id);
    declined.push(id);
    const k = stratumOf.get(id);
    const stratum = k !== undefined ? strata[k]! : undefined;
    const replacement = stratum?.reserve.shift() ?? null;
    if (replacement !== null && stratum !== undefined && k !== undefined) {
      selected.push(replacement);
      invited.add(replacement);
      used.add(replacement);
      stratum.selectedFamilyIds.push(replacement);
      stratum.selected += 1;
      stratumOf.set(replacement, k);
    }
    replacements.push({ declined: id, replacement, stratum: stratum?.key ?? "" });
  }
  const reserve = used.size > 0 ? cohort.reserve.filter((id) => !used.has(id)) : cohort.reserve.slice();
  const out: Cohort = { ...cohort, selectedFamilyIds: selected, reserve, declinedFamilyIds: declined, replacements };
  if (cohort.strata !== undefined) out.strata = strata;
  return out;
}
