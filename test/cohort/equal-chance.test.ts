import chisquareCdf from "@stdlib/stats-base-dists-chisquare-cdf";
import { describe, expect, it } from "vitest";
import { createRandom, sampleCohort, type FrameRow, type SampleCohortOptions } from "../../src/index.js";

// 24 families in one school; attribute x runs from 0 to 23, so a sampler that favoured any
// attribute would invite some families far more often than others.
const FRAME: FrameRow[] = Array.from({ length: 24 }, (_, i) => ({
  id: `stu-${String(i).padStart(2, "0")}`,
  schoolId: "sch-1",
  familyId: `fam-${String(i).padStart(2, "0")}`,
  teacherId: `t-${i % 4}`,
  grade: i % 3,
  x: i,
  risk: i >= 18,
  language: ["en", "es", "vi"][i % 3]!,
}));
const DRAWS = 3000;

/**
 * Chi-square test that every family's invitation count over many seeds matches its inclusion
 * probability: sum over families of (observed - R p)^2 / (R p (1 - p)), with N - 1 degrees of
 * freedom (one lost to the fixed sample size). Returns the p-value.
 */
function equalChanceP(counts: Map<string, number>, draws: number, p: number): number {
  let stat = 0;
  for (let i = 0; i < FRAME.length; i++) {
    const observed = counts.get(FRAME[i]!.familyId as string) ?? 0;
    stat += (observed - draws * p) ** 2 / (draws * p * (1 - p));
  }
  return 1 - chisquareCdf(stat, FRAME.length - 1);
}

function countInvitations(draw: (seed: number) => readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (let seed = 0; seed < DRAWS; seed++) for (const id of draw(seed)) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}

const METHODS: [string, SampleCohortOptions, number][] = [
  ["random", { method: "random", count: 6 }, 6 / 24],
  ["stratified", { method: "stratified", count: 6, strata: ["grade", "language"] }, 6 / 24],
  ["balanced", { method: "balanced", count: 6, balance: ["x", "risk", "language"] }, 6 / 24],
  ["balanced within strata", { method: "balanced", count: 6, balance: ["x", "risk"], strata: ["grade"] }, 6 / 24],
  ["classroom", { method: "classroom", count: 2 }, 2 / 6],
];

describe("every family has an equal chance of an invitation", () => {
  it.each(METHODS)("passes the chi-square equal-chance test with method %s", (_, options, p) => {
    const counts = countInvitations((seed) => sampleCohort(FRAME, { ...options, seed }).selectedFamilyIds);
    expect(equalChanceP(counts, DRAWS, p)).toBeGreaterThan(0.001);
  });

  it("has the power to catch a sampler that favours families with a higher attribute", () => {
    // A sampler that picks 6 families with chances rising gently with x (1 + x/46): a mild bias.
    const counts = countInvitations((seed) => {
      const random = createRandom(seed);
      const keyed = FRAME.map((row) => ({ id: row.familyId as string, key: random.float() ** (1 / (1 + (row.x as number) / 46)) }));
      return keyed.sort((a, b) => b.key - a.key).slice(0, 6).map((k) => k.id);
    });
    expect(equalChanceP(counts, DRAWS, 6 / 24)).toBeLessThan(0.001);
  });
});
