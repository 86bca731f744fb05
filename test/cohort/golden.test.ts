import { describe, expect, it } from "vitest";
import { sampleCohort, type FrameRow, type SampleCohortOptions } from "../../src/index.js";

// A fixed frame, written out here (not shared with other tests) so the golden file changes only
// when the sampler's draws change. Two schools, 30 families each, siblings every fourth family.
const FRAME: FrameRow[] = [];
for (let s = 1; s <= 2; s++) {
  for (let f = 0; f < 30; f++) {
    for (let k = 0; k < (f % 4 === 0 ? 2 : 1); k++) {
      FRAME.push({
        id: `stu-${s}-${String(f).padStart(2, "0")}-${k}`,
        schoolId: `sch-${s}`,
        familyId: `fam-${s}-${String(f).padStart(2, "0")}`,
        grade: (f * 7 + k) % 6,
        teacherId: `t-${s}-${(f + k) % 3}`,
        priorDaysAbsent: (f * 13 + k * 5) % 29,
        ell: f % 5 === 0,
        language: ["en", "es", "vi", "en"][f % 4]!,
      });
    }
  }
}

const CASES: SampleCohortOptions[] = [
  { method: "all" },
  { method: "random", fraction: 0.3, seed: 2026 },
  { method: "stratified", fraction: 0.3, strata: ["grade"], seed: 2026 },
  { method: "balanced", fraction: 0.3, balance: ["priorDaysAbsent", "ell", "language"], seed: 2026 },
  { method: "balanced", fraction: 0.3, balance: ["priorDaysAbsent", "ell"], strata: ["language"], seed: "golden" },
  { method: "classroom", count: 3, seed: 2026 },
];

describe("determinism guarantee", () => {
  it("draws the same cohorts as the golden file (same frame, options and seed: same cohort on every runtime and 1.x version)", async () => {
    const drawn = CASES.map((options) => {
      const { audit, ...cohort } = sampleCohort(FRAME, options);
      const { version: _version, ...pinned } = audit;
      return { ...cohort, audit: pinned };
    });
    await expect(`${JSON.stringify(drawn, null, 2)}\n`).toMatchFileSnapshot("./fixtures/golden-cohorts.json");
  });
});
