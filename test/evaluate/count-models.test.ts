import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PthvEstimationError } from "../../src/errors/index.js";
import { fitCountModels, fitGlm, fitNegativeBinomial } from "../../src/evaluate/stats/index.js";
import { createRandom } from "../../src/random/index.js";

/** Overdispersed counts on an intercept, a continuous x and a 0/1 column, with a log offset. */
function countData(seed: string, n: number) {
  const random = createRandom(seed);
  const X = new Float64Array(n * 3);
  const y = new Float64Array(n);
  const offset = new Float64Array(n);
  const school = Array.from({ length: n }, (_, i) => `sch${i % 35}`);
  for (let i = 0; i < n; i++) {
    const x = random.normal();
    const b = random.bernoulli(0.4) ? 1 : 0;
    X[i] = 1;
    X[n + i] = x;
    X[2 * n + i] = b;
    offset[i] = Math.log(150 + random.int(30));
    // a gamma-ish frailty makes the counts overdispersed
    const mu = Math.exp(-3 + 0.3 * x - 0.4 * b + offset[i]!) * (0.2 + 1.6 * random.float());
    let k = 0;
    let p = Math.exp(-mu);
    let c = p;
    const u = random.float();
    while (u > c && k < 200) (p *= mu / ++k), (c += p);
    y[i] = k;
  }
  return { X, names: ["(Intercept)", "x", "visited"], y, offset, clusters: school };
}

describe("fitting both count models of one input together", () => {
  it("gives exactly the fits of fitNegativeBinomial and the Poisson fitGlm, in either order", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 8 }), fc.boolean(), (seed, poissonFirst) => {
        const input = countData(seed, 300);
        const alone = { negativeBinomial: fitNegativeBinomial(input), poisson: fitGlm({ ...input, family: "poisson" }) };
        const counts = fitCountModels(input);
        const together = poissonFirst
          ? { poisson: counts.poisson(), negativeBinomial: counts.negativeBinomial() }
          : { negativeBinomial: counts.negativeBinomial(), poisson: counts.poisson() };
        expect(together.negativeBinomial).toStrictEqual(alone.negativeBinomial);
        expect(together.poisson).toStrictEqual(alone.poisson);
      }),
      { numRuns: 15 },
    );
  });

  it("refuses counts that are 0 everywhere from each model, as the separate fits do", () => {
    const input = { ...countData("zeros", 50), y: new Float64Array(50) };
    const counts = fitCountModels(input);
    expect(() => counts.poisson()).toThrow(PthvEstimationError);
    expect(() => counts.negativeBinomial()).toThrow(PthvEstimationError);
    expect(() => fitNegativeBinomial(input)).toThrow(PthvEstimationError);
  });
});
