import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { baselineVerdict, coxIndex, hedgesG, summariseGroup, type GroupProportion, type GroupSummary } from "../../src/evaluate/stats/index.js";

interface Cases {
  hedges: { treatment: GroupSummary; comparison: GroupSummary; g: number }[];
  values: { treatment: number[]; comparison: number[]; g: number };
  cox: { treatment: GroupProportion; comparison: GroupProportion; d: number }[];
}
const cases = JSON.parse(readFileSync(join(import.meta.dirname, "fixtures", "effect-sizes.json"), "utf8")) as Cases;

describe("Hedges' g", () => {
  it("equals the hand calculation 0.5 * (1 - 3/151) for means 10 and 9, sds 2, 20 per group", () => {
    expect(hedgesG({ mean: 10, sd: 2, n: 20 }, { mean: 9, sd: 2, n: 20 }).value).toBeCloseTo(0.5 * (1 - 3 / 151), 14);
  });

  it.each(cases.hedges.map((c, i) => [i, c] as const))("matches the R hand calculation in case %i", (_i, c) => {
    const effect = hedgesG(c.treatment, c.comparison);
    expect(effect.value).not.toBeNull();
    expect(Math.abs((effect.value as number) - c.g)).toBeLessThan(1e-12 * Math.max(1, Math.abs(c.g)));
    expect(effect.omega).toBeCloseTo(1 - 3 / (4 * (c.treatment.n + c.comparison.n) - 9), 15);
  });

  it("computed from raw values matches R's mean and sd", () => {
    const g = hedgesG(summariseGroup(cases.values.treatment), summariseGroup(cases.values.comparison)).value as number;
    expect(Math.abs(g - cases.values.g)).toBeLessThan(1e-12);
  });

  it("is null, with a reason, when the measure does not vary", () => {
    const effect = hedgesG({ mean: 1, sd: 0, n: 5 }, { mean: 1, sd: 0, n: 5 });
    expect(effect.value).toBeNull();
    expect(effect.reason).toMatch(/does not vary/);
  });

  it("changes sign, not size, when the groups are swapped", () => {
    const group = fc.record({ mean: fc.double({ min: -100, max: 100, noNaN: true }), sd: fc.double({ min: 0.1, max: 50, noNaN: true }), n: fc.integer({ min: 2, max: 500 }) });
    fc.assert(
      fc.property(group, group, (a, b) => {
        const ab = hedgesG(a, b).value as number;
        const ba = hedgesG(b, a).value as number;
        expect(Math.abs(ab + ba)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(ab)));
      }),
    );
  });
});

describe("the Cox index", () => {
  it("equals the hand calculation ln(1.5) / 1.65 * (1 - 3/391) for 0.6 against 0.5, 50 per group", () => {
    expect(coxIndex({ proportion: 0.6, n: 50 }, { proportion: 0.5, n: 50 }).value).toBeCloseTo((Math.log(1.5) / 1.65) * (1 - 3 / 391), 14);
  });

  it.each(cases.cox.map((c, i) => [i, c] as const))("matches the R hand calculation in case %i", (_i, c) => {
    const d = coxIndex(c.treatment, c.comparison).value as number;
    expect(Math.abs(d - c.d)).toBeLessThan(1e-12 * Math.max(1, Math.abs(c.d)));
  });

  it("is null, with a reason, when a proportion is 0 or 1", () => {
    const effect = coxIndex({ proportion: 0, n: 30 }, { proportion: 0.2, n: 30 });
    expect(effect.value).toBeNull();
    expect(effect.reason).toMatch(/0 or 1/);
  });

  it("is zero for equal proportions and grows with the treatment proportion", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 0.98, noNaN: true }), fc.integer({ min: 2, max: 1000 }), (p, n) => {
        expect(coxIndex({ proportion: p, n }, { proportion: p, n }).value).toBe(0);
        expect(coxIndex({ proportion: p + 0.01, n }, { proportion: p, n }).value as number).toBeGreaterThan(0);
      }),
    );
  });
});

describe("the WWC baseline verdict", () => {
  it("satisfies at 0.05, requires adjustment at 0.25, and does not satisfy above", () => {
    expect(baselineVerdict(0.05)).toBe("satisfies");
    expect(baselineVerdict(-0.0501)).toBe("requires-adjustment");
    expect(baselineVerdict(0.25)).toBe("requires-adjustment");
    expect(baselineVerdict(-0.2501)).toBe("does-not-satisfy");
  });
});
