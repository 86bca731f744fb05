import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PthvEstimationError, PthvInputError } from "../../src/errors/index.js";
import { buildDesignMatrix, fitGlm, fitNegativeBinomial } from "../../src/evaluate/stats/index.js";
import { createRandom } from "../../src/random/index.js";

/** A small Poisson data set: intercept, x, a 0/1 column and a school id. */
function smallData(seed: string, n = 120) {
  const random = createRandom(seed);
  const x = Float64Array.from({ length: n }, () => random.normal());
  const b = Float64Array.from({ length: n }, () => (random.bernoulli(0.4) ? 1 : 0));
  const y = Float64Array.from({ length: n }, (_, i) => {
    const mu = Math.exp(0.5 + 0.3 * (x[i] as number) - 0.4 * (b[i] as number));
    let k = 0;
    let p = Math.exp(-mu);
    let c = p;
    const u = random.float();
    while (u > c) p *= mu / ++k, (c += p);
    return k;
  });
  const school = Array.from({ length: n }, (_, i) => `sch${i % 40}`);
  return { x, b, y, school, n };
}

function matrix(columns: Float64Array[]): Float64Array {
  const n = (columns[0] as Float64Array).length;
  const X = new Float64Array(n * columns.length);
  columns.forEach((c, j) => X.set(c, j * n));
  return X;
}

describe("fitGlm", () => {
  it("gives the hand-calculated least squares fit for y = 1, 2, 4 on x = 0, 1, 2 (gaussian)", () => {
    // slope Sxy/Sxx = 3/2, intercept 7/3 - 3/2 = 5/6, RSS 1/6 on 1 df, SE(slope) = sqrt((1/6)/2)
    const fit = fitGlm({ X: matrix([new Float64Array([1, 1, 1]), new Float64Array([0, 1, 2])]), names: ["(Intercept)", "x"], y: [1, 2, 4], family: "gaussian" });
    expect(fit.coefficients[0]?.estimate).toBeCloseTo(5 / 6, 12);
    expect(fit.coefficients[1]?.estimate).toBeCloseTo(1.5, 12);
    expect(fit.deviance).toBeCloseTo(1 / 6, 12);
    expect(fit.coefficients[1]?.stdError).toBeCloseTo(Math.sqrt(1 / 12), 12);
    expect(fit.distribution).toBe("t");
  });

  it("gives the hand-calculated least squares fit for a 0/1 outcome (a linear probability model)", () => {
    // y = 0, 0, 1, 1 on x = 0, 1, 2, 3: slope Sxy/Sxx = 2/5, intercept 1/2 - 3/5 = -1/10,
    // residuals 0.1, -0.3, 0.3, -0.1 so RSS = 0.2 on 2 df, SE(slope) = sqrt((0.2/2)/5)
    const fit = fitGlm({ X: matrix([new Float64Array([1, 1, 1, 1]), new Float64Array([0, 1, 2, 3])]), names: ["(Intercept)", "x"], y: [0, 0, 1, 1], family: "gaussian" });
    expect(fit.coefficients[1]?.estimate).toBeCloseTo(0.4, 12);
    expect(fit.deviance).toBeCloseTo(0.2, 12);
    expect(fit.coefficients[1]?.stdError).toBeCloseTo(Math.sqrt(0.02), 12);
  });

  it("reports a duplicated column as aliased, as R reports NA, and fits the rest", () => {
    const { x, y, n } = smallData("aliased");
    const fit = fitGlm({ X: matrix([new Float64Array(n).fill(1), x, x.map((v) => 2 * v)]), names: ["(Intercept)", "x", "x2"], y, family: "poisson" });
    expect(fit.aliased).toEqual(["x2"]);
    expect(fit.coefficients.map((c) => c.term)).toEqual(["(Intercept)", "x"]);
    expect(fit.warnings.join(" ")).toMatch(/x2 is a linear combination/);
  });

  it("lists every malformed field at once, without echoing values", () => {
    const attempt = () =>
      fitGlm({ X: new Float64Array([1, 1, 1, 0, Number.NaN, 2]), names: ["(Intercept)", "x"], y: [1, -2, 3], weights: [1, 0, 1], family: "poisson" });
    expect(attempt).toThrow(PthvInputError);
    try {
      attempt();
    } catch (error) {
      const issues = (error as PthvInputError).issues;
      expect(issues.map((i) => i.field)).toEqual(["x", "y", "weights"]);
      expect(issues.map((i) => i.row)).toEqual([2, 2, 2]);
      expect((error as Error).message).not.toMatch(/-2|NaN/);
    }
  });

  it("throws an estimation error when no column can be estimated", () => {
    expect(() => fitGlm({ X: new Float64Array(4), names: ["x"], y: [1, 0, 1, 0], family: "binomial" })).toThrow(PthvEstimationError);
  });

  it("throws an estimation error when there are no residual degrees of freedom", () => {
    expect(() => fitGlm({ X: matrix([new Float64Array([1, 1]), new Float64Array([0, 1])]), names: ["(Intercept)", "x"], y: [1, 2], family: "gaussian" })).toThrow(
      /no residual degrees of freedom/,
    );
  });

  it("warns that cluster-robust errors are unreliable with few clusters, and refuses them with one", () => {
    const { x, y, n } = smallData("few");
    const X = matrix([new Float64Array(n).fill(1), x]);
    const few = fitGlm({ X, names: ["(Intercept)", "x"], y, family: "poisson", clusters: Array.from({ length: n }, (_, i) => i % 5) });
    expect(few.clusters).toBe(5);
    expect(few.warnings.join(" ")).toMatch(/only 5 clusters/);
    const one = fitGlm({ X, names: ["(Intercept)", "x"], y, family: "poisson", clusters: new Int32Array(n) });
    expect(one.clusterCoefficients).toBeUndefined();
    expect(one.warnings.join(" ")).toMatch(/one cluster/);
  });

  it("warns when the iteration limit is reached", () => {
    const { x, y, n } = smallData("limit");
    const fit = fitGlm({ X: matrix([new Float64Array(n).fill(1), x]), names: ["(Intercept)", "x"], y, family: "poisson", maxIterations: 1 });
    expect(fit.converged).toBe(false);
    expect(fit.warnings.join(" ")).toMatch(/did not converge in 1 iterations/);
  });

  it("flags a 0/1 covariate that separates a binary outcome", () => {
    const n = 60;
    const b = Float64Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 1 : 0));
    const y = Float64Array.from({ length: n }, (_, i) => ((b[i] as number) === 1 ? 1 : i % 2));
    const fit = fitGlm({ X: matrix([new Float64Array(n).fill(1), b]), names: ["(Intercept)", "b"], y, family: "binomial" });
    expect(fit.warnings.join(" ")).toMatch(/'b' separates the outcome/);
  });

  it("is JSON-serialisable without loss", () => {
    const { x, y, school, n } = smallData("json");
    const fit = fitGlm({ X: matrix([new Float64Array(n).fill(1), x]), names: ["(Intercept)", "x"], y, family: "poisson", clusters: school });
    expect(JSON.parse(JSON.stringify(fit))).toEqual(fit);
  });

  it("never mutates its inputs", () => {
    const { x, y, school, n } = smallData("mutation");
    const X = matrix([new Float64Array(n).fill(1), x]);
    const before = [Array.from(X), Array.from(y), [...school]];
    fitNegativeBinomial({ X, names: ["(Intercept)", "x"], y, clusters: school, offset: new Float64Array(n) });
    expect([Array.from(X), Array.from(y), [...school]]).toEqual(before);
  });

  it("gives the same estimates whatever the order of the rows", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
        const { x, b, y, school, n } = smallData(`perm-${seed}`, 80);
        const order = createRandom(seed).shuffle(Array.from({ length: n }, (_, i) => i));
        const pick = (v: Float64Array) => Float64Array.from(order, (i) => v[i] as number);
        const names = ["(Intercept)", "x", "b"];
        const a = fitGlm({ X: matrix([new Float64Array(n).fill(1), x, b]), names, y, family: "poisson", clusters: school });
        const c = fitGlm({ X: matrix([new Float64Array(n).fill(1), pick(x), pick(b)]), names, y: pick(y), family: "poisson", clusters: order.map((i) => school[i] as string) });
        a.coefficients.forEach((coef, j) => {
          expect(Math.abs(coef.estimate - (c.coefficients[j]?.estimate as number))).toBeLessThan(1e-9);
          expect(Math.abs((a.clusterCoefficients?.[j]?.stdError as number) - (c.clusterCoefficients?.[j]?.stdError as number))).toBeLessThan(1e-9);
        });
      }),
      { numRuns: 15 },
    );
  });

  it("divides a coefficient by c, and changes nothing else, when its covariate is multiplied by c", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.double({ min: 0.01, max: 100, noNaN: true }), (seed, c) => {
        const { x, b, y, n } = smallData(`scale-${seed}`, 80);
        const names = ["(Intercept)", "x", "b"];
        const one = new Float64Array(n).fill(1);
        const a = fitGlm({ X: matrix([one, x, b]), names, y, family: "poisson" });
        const s = fitGlm({ X: matrix([one, x.map((v) => v * c), b]), names, y, family: "poisson" });
        expect(Math.abs((s.coefficients[1]?.estimate as number) * c - (a.coefficients[1]?.estimate as number))).toBeLessThan(1e-7);
        expect(Math.abs((s.coefficients[2]?.estimate as number) - (a.coefficients[2]?.estimate as number))).toBeLessThan(1e-7);
        expect(Math.abs(s.deviance - a.deviance)).toBeLessThan(1e-7 * a.deviance);
      }),
      { numRuns: 15 },
    );
  });
});

describe("fitNegativeBinomial", () => {
  it("warns that theta is huge when the counts are not overdispersed", () => {
    const { x, y, n } = smallData("poisson-like", 400);
    const fit = fitNegativeBinomial({ X: matrix([new Float64Array(n).fill(1), x]), names: ["(Intercept)", "x"], y });
    expect(fit.theta).toBeGreaterThan(5);
    expect(fit.family).toBe("negative binomial");
    expect(fit.thetaStdError).toBeGreaterThan(0);
  });
});

describe("buildDesignMatrix", () => {
  it("codes booleans as 0/1 under their own name and categories as treatment dummies named as R names them", () => {
    const m = buildDesignMatrix({ columns: { visited: [true, false, true], grade: ["K", "1", "2"] }, terms: ["visited", "grade"] });
    expect(m.names).toEqual(["(Intercept)", "visited", "grade2", "gradeK"]);
    expect(Array.from(m.X)).toEqual([1, 1, 1, 1, 0, 1, 0, 0, 1, 1, 0, 0]);
    expect(m.terms[1]).toMatchObject({ kind: "categorical", reference: "1", levels: ["1", "2", "K"] });
  });

  it("takes the reference level from the levels given, and numeric codes as categories when asked", () => {
    const m = buildDesignMatrix({ columns: { grade: [0, 10, 2] }, terms: ["grade"], categorical: ["grade"], levels: { grade: [2, 0, 10] }, intercept: false });
    expect(m.names).toEqual(["grade0", "grade10"]);
  });

  it("lists every unknown or incomplete column at once", () => {
    try {
      buildDesignMatrix({ columns: { a: [1, Number.NaN, 3], b: ["x", null, "y"] }, terms: ["a", "b", "c"] });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(PthvInputError);
      expect((error as PthvInputError).issues.map((i) => i.field)).toEqual(["a", "b", "c"]);
    }
  });
});

describe("a response array reused between fits", () => {
  it("gives the fit of its current values, not of what it held before", () => {
    const { x, y, n } = smallData("reuse");
    const X = matrix([new Float64Array(n).fill(1), x]);
    const buffer = Float64Array.from(y);
    fitGlm({ X, names: ["(Intercept)", "x"], y: buffer, family: "poisson" });
    buffer.set(y.map((v) => v + 1));
    const reused = fitGlm({ X, names: ["(Intercept)", "x"], y: buffer, family: "poisson" });
    const fresh = fitGlm({ X, names: ["(Intercept)", "x"], y: y.map((v) => v + 1), family: "poisson" });
    expect(reused.deviance).toBe(fresh.deviance);
  });
});

describe("an outcome that does not vary", () => {
  const n = 30;
  const X = matrix([new Float64Array(n).fill(1), Float64Array.from({ length: n }, (_, i) => i % 3)]);
  const names = ["(Intercept)", "x"];

  it("is refused with an estimation error for every family instead of meaningless numbers", () => {
    expect(() => fitGlm({ X, names, y: new Float64Array(n), family: "poisson" })).toThrow(/every count is 0/);
    expect(() => fitNegativeBinomial({ X, names, y: new Float64Array(n) })).toThrow(PthvEstimationError);
    expect(() => fitGlm({ X, names, y: new Float64Array(n).fill(1), family: "binomial" })).toThrow(/every outcome is 1/);
    expect(() => fitGlm({ X, names, y: new Float64Array(n).fill(7), family: "gaussian" })).toThrow(/same value for every student/);
  });
});

describe("a group whose counts are all zero", () => {
  it("gets a warning that its log-scale coefficient is not meaningful", () => {
    const n = 90;
    const g = Float64Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 1 : 0));
    const y = Float64Array.from({ length: n }, (_, i) => ((g[i] as number) === 1 ? 0 : 1 + (i % 4)));
    const fit = fitGlm({ X: matrix([new Float64Array(n).fill(1), g]), names: ["(Intercept)", "g"], y, family: "poisson" });
    expect(fit.warnings.join(" ")).toMatch(/'g' has a coefficient of -\d+\.\d on the log scale/);
  });
});

describe("a linear model that reproduces the outcome exactly", () => {
  it("is refused instead of reporting zero standard errors", () => {
    const x = new Float64Array([0, 1, 2, 3, 4]);
    expect(() => fitGlm({ X: matrix([new Float64Array(5).fill(1), x]), names: ["(Intercept)", "x"], y: x, family: "gaussian" })).toThrow(/reproduce the outcome exactly/);
  });
});
