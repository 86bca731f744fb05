import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluateOutcomes, type EvaluationReport } from "../../src/evaluate/index.js";
import { sampleDistrict } from "../../src/sample-district/index.js";

const outcomes = sampleDistrict({ seed: "privacy", students: 1500 }).outcomes;

/** Every count of students the report publishes. */
function publishedCounts(report: EvaluationReport): number[] {
  return [
    ...report.descriptives.map((d) => d.n),
    ...report.absenceRates.bins.map((b) => b.students).filter((s) => s !== 0),
    ...(report.schools?.rows.flatMap((r) => [r.students, r.families]) ?? []),
    report.inputs.treated,
    report.matching?.pairs ?? null,
    report.matching?.treated ?? null,
    ...report.inputs.outcomes.map((o) => o.n),
    report.inputs.comparison,
    ...report.inputs.excluded.map((e) => e.students),
  ].filter((x): x is number => x !== null);
}

describe("privacy", () => {
  it("publishes no count of students below the minimum cell size, whatever that size", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 }), fc.constantFrom("observational" as const, "matched" as const), (minCellSize, design) => {
        const report = evaluateOutcomes(outcomes, { design, covariates: ["priorDaysAbsent", "frl"], minCellSize });
        for (const count of publishedCounts(report)) expect(count).toBeGreaterThanOrEqual(minCellSize);
        expect(report.privacy.minCellSize).toBe(minCellSize);
      }),
      { numRuns: 8 },
    );
  });

  it("withholds more cells as the minimum cell size grows", () => {
    const small = evaluateOutcomes(outcomes, { covariates: ["frl"], minCellSize: 5 });
    const large = evaluateOutcomes(outcomes, { covariates: ["frl"], minCellSize: 300 });
    expect(large.privacy.suppressedCells).toBeGreaterThan(small.privacy.suppressedCells);
  });
});
