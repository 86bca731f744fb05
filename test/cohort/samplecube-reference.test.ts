import { describe, expect, it } from "vitest";
import { frameDigest, sampleCohort } from "../../src/index.js";
import reference from "./fixtures/samplecube-reference.json" with { type: "json" };
import { REFERENCE_BALANCE, REFERENCE_FRAMES, REFERENCE_REPLICATES } from "./reference-frames.js";

// Reference: R's sampling::samplecube on the same frames and balancing matrix, produced by
// scripts/reference/cohort/samplecube.ts (samplecube.R) and committed as a fixture.
const figures = reference.frames as Record<string, { n: number; meanOfMeanAbsSmd: number; meanOfMaxAbsSmd: number; frameDigest: string }>;

describe("balanced sampling against R's sampling::samplecube", () => {
  it.each(REFERENCE_FRAMES.map((f) => [f.name, f] as const))("is at least as well balanced as samplecube on %s (mean and max |SMD| over replicate draws)", (name, frame) => {
    const r = figures[name]!;
    expect(frameDigest(frame.rows.map((row) => row.id))).toBe(r.frameDigest);
    let meanAbs = 0;
    let maxAbs = 0;
    for (let seed = 1; seed <= REFERENCE_REPLICATES; seed++) {
      const cohort = sampleCohort(frame.rows, { method: "balanced", fraction: frame.fraction, balance: REFERENCE_BALANCE, seed });
      expect(cohort.selectedFamilyIds).toHaveLength(r.n);
      meanAbs += cohort.balance!.meanAbsSmd! / REFERENCE_REPLICATES;
      maxAbs += cohort.balance!.maxAbsSmd! / REFERENCE_REPLICATES;
    }
    console.info(`${name}: pthv mean|SMD| ${meanAbs.toFixed(5)} max|SMD| ${maxAbs.toFixed(5)}; samplecube ${r.meanOfMeanAbsSmd.toFixed(5)} ${r.meanOfMaxAbsSmd.toFixed(5)}`);
    expect(meanAbs).toBeLessThanOrEqual(r.meanOfMeanAbsSmd);
    expect(maxAbs).toBeLessThanOrEqual(r.meanOfMaxAbsSmd);
  });
});
