import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createRandom, sampleCohort, type FrameRow, type SampleCohortOptions } from "../../src/index.js";

/** Frames of 1 to 3 schools, 1 to 25 families each, with siblings and mixed columns. */
const frames = fc
  .array(fc.array(fc.record({ siblings: fc.integer({ min: 1, max: 3 }), x: fc.integer({ min: 0, max: 20 }), cat: fc.constantFrom("a", "b", "c"), grade: fc.integer({ min: 0, max: 3 }), teacher: fc.integer({ min: 0, max: 2 }) }), { minLength: 1, maxLength: 25 }), { minLength: 1, maxLength: 3 })
  .map((schools) => {
    const rows: FrameRow[] = [];
    schools.forEach((families, s) =>
      families.forEach((f, i) => {
        for (let k = 0; k < f.siblings; k++) {
          rows.push({ id: `s${s}-f${i}-k${k}`, schoolId: `sch-${s}`, familyId: `s${s}-f${i}`, grade: f.grade, teacherId: `t${f.teacher}`, x: f.x + k, cat: f.cat, flag: (f.x + k) % 2 === 0 });
        }
      }),
    );
    return rows;
  });

const optionsFor = (method: "random" | "stratified" | "balanced", fraction: number, seed: number): SampleCohortOptions =>
  method === "random"
    ? { method, fraction, seed }
    : method === "stratified"
      ? { method, fraction, strata: ["grade"], seed }
      : { method, fraction, balance: ["x", "cat", "flag"], seed };

const familiesBySchool = (frame: FrameRow[]) => {
  const map = new Map<string, Set<string>>();
  for (const row of frame) {
    const set = map.get(row.schoolId) ?? new Set<string>();
    set.add(row.familyId as string);
    map.set(row.schoolId, set);
  }
  return map;
};

const methods = fc.constantFrom("random" as const, "stratified" as const, "balanced" as const);
const fractions = fc.double({ min: 0, max: 1, noNaN: true });

describe("sampleCohort properties", () => {
  it("invites exactly round(fraction x families) in each school, with no duplicates and no reserve family invited", () => {
    fc.assert(
      fc.property(frames, methods, fractions, fc.integer(), (frame, method, fraction, seed) => {
        const cohort = sampleCohort(frame, optionsFor(method, fraction, seed));
        const bySchool = familiesBySchool(frame);
        for (const [school, families] of bySchool) {
          const n = Math.min(families.size, Math.floor(fraction * families.size + 0.5 + 1e-9));
          expect(cohort.selectedFamilyIds.filter((id) => families.has(id))).toHaveLength(n);
          const picked = cohort.strata!.filter((s) => s.schoolId === school).reduce((a, s) => a + s.selected, 0);
          expect(picked).toBe(n);
        }
        expect(new Set(cohort.selectedFamilyIds).size).toBe(cohort.selectedFamilyIds.length);
        const selected = new Set(cohort.selectedFamilyIds);
        expect(cohort.reserve.filter((id) => selected.has(id))).toEqual([]);
        expect(new Set(cohort.reserve).size).toBe(cohort.reserve.length);
      }),
      { numRuns: 150 },
    );
  });

  it("gives the identical cohort for the same frame, options and seed, whatever the row order", () => {
    fc.assert(
      fc.property(frames, methods, fractions, fc.integer(), fc.integer(), (frame, method, fraction, seed, shuffleSeed) => {
        const options = optionsFor(method, fraction, seed);
        const a = sampleCohort(frame, options);
        const b = sampleCohort(createRandom(shuffleSeed).shuffle(frame), options);
        expect(b).toEqual(a);
      }),
      { numRuns: 100 },
    );
  });

  it("invites min(k, class size) families of each class with method classroom", () => {
    fc.assert(
      fc.property(frames, fc.integer({ min: 0, max: 6 }), fc.integer(), (frame, k, seed) => {
        const cohort = sampleCohort(frame, { method: "classroom", count: k, seed });
        for (const s of cohort.strata!) expect(s.selected).toBe(Math.min(k, s.families));
        expect(cohort.selectedFamilyIds).toHaveLength(cohort.strata!.reduce((a, s) => a + s.selected, 0));
      }),
      { numRuns: 100 },
    );
  });
});
