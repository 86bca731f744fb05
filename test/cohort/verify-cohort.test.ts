import { describe, expect, it } from "vitest";
import { createRandom, replaceDeclined, sampleCohort, verifyCohort, type SampleCohortOptions } from "../../src/index.js";
import { smallFrame } from "./frames.js";

const METHODS: SampleCohortOptions[] = [
  { method: "all" },
  { method: "random", fraction: 0.3, seed: 11 },
  { method: "stratified", fraction: 0.3, strata: ["grade"], seed: 12 },
  { method: "balanced", fraction: 0.3, balance: ["priorDaysAbsent", "ell", "language"], seed: 13 },
  { method: "classroom", count: 2, seed: 14 },
];

describe("verifyCohort", () => {
  it.each(METHODS.map((o) => [o.method, o] as const))("verifies a cohort drawn with method %s", (_, options) => {
    const frame = smallFrame();
    const result = verifyCohort(frame, sampleCohort(frame, options));
    expect(result.verified).toBe(true);
    expect(result.reasons).toEqual([]);
  });

  it("verifies on the same frame with its rows in another order", () => {
    const frame = smallFrame();
    const cohort = sampleCohort(frame, { method: "balanced", fraction: 0.25, balance: ["ell"], seed: "x" });
    const shuffled = createRandom(3).shuffle(frame);
    expect(verifyCohort(shuffled, cohort).verified).toBe(true);
  });

  it("catches a hand-picked family swapped into the cohort", () => {
    const frame = smallFrame();
    const cohort = sampleCohort(frame, { method: "random", count: 10, seed: 5 });
    const picked = { ...cohort, selectedFamilyIds: [...cohort.selectedFamilyIds.slice(1), cohort.reserve[0]!] };
    const result = verifyCohort(frame, picked);
    expect(result.verified).toBe(false);
    expect(result.checks.find((c) => c.check === "selected")?.passed).toBe(false);
    expect(result.reasons[0]).toMatch(/1 not drawn by the seed/);
  });

  it("catches a cohort checked against a different frame", () => {
    const frame = smallFrame();
    const cohort = sampleCohort(frame, { method: "random", count: 10, seed: 5 });
    const result = verifyCohort([...frame, { id: "stu-extra", schoolId: "sch-1" }], cohort);
    expect(result.verified).toBe(false);
    expect(result.checks.find((c) => c.check === "frame")?.passed).toBe(false);
  });

  it("catches a changed seed in the audit record", () => {
    const frame = smallFrame();
    const cohort = sampleCohort(frame, { method: "random", count: 10, seed: 5 });
    expect(verifyCohort(frame, { ...cohort, audit: { ...cohort.audit, seed: 6 } }).verified).toBe(false);
  });

  it("verifies a cohort after declines were replaced from the reserve", () => {
    const frame = smallFrame();
    const cohort = sampleCohort(frame, { method: "stratified", fraction: 0.3, strata: ["grade"], seed: 9 });
    const once = replaceDeclined(cohort, cohort.selectedFamilyIds.slice(0, 2));
    const twice = replaceDeclined(once, [once.selectedFamilyIds[5]!]);
    expect(verifyCohort(frame, twice).verified).toBe(true);
    expect(verifyCohort(frame, { ...twice, declinedFamilyIds: twice.declinedFamilyIds.slice(1) }).verified).toBe(false);
  });

  it("reports another library version without failing on it", () => {
    const frame = smallFrame();
    const cohort = sampleCohort(frame, { method: "random", count: 10, seed: 5 });
    const result = verifyCohort(frame, { ...cohort, audit: { ...cohort.audit, version: "0.0.9" } });
    expect(result.verified).toBe(true);
    expect(result.checks.find((c) => c.check === "version")).toMatchObject({ passed: false });
  });

  it("says why when the audit record cannot be re-drawn on the frame", () => {
    const frame = smallFrame();
    const cohort = sampleCohort(frame, { method: "balanced", count: 5, balance: ["ell"], seed: 1 });
    const without = frame.map(({ ell: _ell, ...rest }) => rest);
    const result = verifyCohort(without, cohort);
    expect(result.verified).toBe(false);
    expect(result.checks.find((c) => c.check === "redraw")?.detail).toMatch(/cannot be re-drawn/);
  });
});
