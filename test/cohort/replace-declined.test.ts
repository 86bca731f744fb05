import { describe, expect, it } from "vitest";
import { PthvInputError, replaceDeclined, sampleCohort } from "../../src/index.js";
import { smallFrame } from "./frames.js";

const drawn = () => sampleCohort(smallFrame(40, 2), { method: "stratified", count: 10, strata: ["grade"], seed: 3 });

describe("replaceDeclined", () => {
  it("replaces each declined family with the next reserve family of the same stratum", () => {
    const cohort = drawn();
    const declined = cohort.selectedFamilyIds[3]!;
    const stratum = cohort.strata!.find((s) => s.selectedFamilyIds.includes(declined))!;
    const after = replaceDeclined(cohort, [declined]);
    const expected = stratum.reserve[0];
    expect(after.replacements).toEqual([{ declined, replacement: expected, stratum: stratum.key }]);
    expect(after.strata!.find((s) => s.key === stratum.key)!.selectedFamilyIds).toContain(expected);
    expect(after.selectedFamilyIds).toContain(expected);
    expect(after.reserve).not.toContain(expected);
    expect(after.declinedFamilyIds).toEqual([declined]);
  });

  it("never re-invites a declined family, and gives the same result in batches as at once", () => {
    const cohort = drawn();
    const ids = cohort.selectedFamilyIds.slice(0, 6);
    const atOnce = replaceDeclined(cohort, ids);
    const inBatches = replaceDeclined(replaceDeclined(cohort, ids.slice(0, 2)), ids.slice(2));
    expect(inBatches).toEqual(atOnce);
    const again = replaceDeclined(atOnce, ids);
    expect(again.selectedFamilyIds.filter((id) => ids.includes(id))).toHaveLength(6);
    expect(again).toEqual(atOnce);
  });

  it("records a null replacement when the stratum's reserve is used up", () => {
    const cohort = sampleCohort(smallFrame(6, 1), { method: "random", count: 3, seed: 1, reserveSize: 1 });
    const after = replaceDeclined(cohort, cohort.selectedFamilyIds.slice(0, 2));
    expect(after.replacements!.map((r) => r.replacement === null)).toEqual([false, true]);
  });

  it("refuses ids that were never invited, listing each", () => {
    const cohort = drawn();
    try {
      replaceDeclined(cohort, ["nobody", cohort.reserve[0]!]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(PthvInputError);
      expect((error as PthvInputError).issues.map((i) => i.id)).toEqual(["nobody", cohort.reserve[0]]);
    }
  });

  it("does not mutate the cohort it is given", () => {
    const cohort = drawn();
    const copy = structuredClone(cohort);
    replaceDeclined(cohort, cohort.selectedFamilyIds.slice(0, 3));
    expect(cohort).toEqual(copy);
  });
});
