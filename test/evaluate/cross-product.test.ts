import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { planCrossProduct, weightedCrossProduct } from "../../src/evaluate/stats/crossprod.js";

/** Column kinds the planner treats differently: ones, 0/1, and continuous values. */
const column = (n: number) =>
  fc.oneof(
    fc.constant(new Float64Array(n).fill(1)),
    fc.array(fc.constantFrom(0, 1), { minLength: n, maxLength: n }).map((v) => Float64Array.from(v)),
    fc.array(fc.double({ min: -50, max: 50, noNaN: true }), { minLength: n, maxLength: n }).map((v) => Float64Array.from(v)),
  );

describe("the weighted cross-product", () => {
  it("equals the plain sums of w x_a x_b and w x_a z for any mix of intercept, 0/1 (more than 12 too) and continuous columns", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2200 }).chain((n) =>
          fc.tuple(
            fc.constant(n),
            fc.array(column(n), { minLength: 1, maxLength: 16 }),
            fc.array(fc.double({ min: 0.01, max: 5, noNaN: true }), { minLength: n, maxLength: n }),
          ),
        ),
        ([n, columns, weights]) => {
          const k = columns.length;
          const X = new Float64Array(n * k);
          columns.forEach((c, j) => X.set(c, j * n));
          const w = Float64Array.from(weights);
          const z = Float64Array.from({ length: n }, (_, i) => Math.sin(i));
          const xtwx = new Float64Array(k * k);
          const xtwz = new Float64Array(k);
          weightedCrossProduct(X, planCrossProduct(X, n, columns.map((_, j) => j)), w, z, xtwx, xtwz);
          for (let a = 0; a < k; a++) {
            let sz = 0;
            for (let i = 0; i < n; i++) sz += (w[i] as number) * (X[a * n + i] as number) * (z[i] as number);
            expect(Math.abs((xtwz[a] as number) - sz)).toBeLessThanOrEqual(1e-9 * (1 + Math.abs(sz)) * n);
            for (let b = 0; b < k; b++) {
              let s = 0;
              for (let i = 0; i < n; i++) s += (w[i] as number) * (X[a * n + i] as number) * (X[b * n + i] as number);
              expect(Math.abs((xtwx[a * k + b] as number) - s)).toBeLessThanOrEqual(1e-9 * (1 + Math.abs(s)));
            }
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("a design with more 0/1 columns than the pattern code holds", () => {
  it("still matches the plain sums", () => {
    const n = 700;
    const k = 15;
    const X = new Float64Array(n * k);
    for (let j = 0; j < k; j++) for (let i = 0; i < n; i++) X[j * n + i] = j === 0 ? 1 : (i * (j + 3)) % (j + 2) === 0 ? 1 : 0;
    const w = Float64Array.from({ length: n }, (_, i) => 1 + (i % 5) / 7);
    const z = Float64Array.from({ length: n }, (_, i) => Math.cos(i));
    const xtwx = new Float64Array(k * k);
    const xtwz = new Float64Array(k);
    const plan = planCrossProduct(X, n, Array.from({ length: k }, (_, j) => j));
    expect(plan.patterned).toHaveLength(12);
    expect(plan.dense).toHaveLength(2);
    weightedCrossProduct(X, plan, w, z, xtwx, xtwz);
    for (let a = 0; a < k; a++)
      for (let b = 0; b < k; b++) {
        let s = 0;
        for (let i = 0; i < n; i++) s += (w[i] as number) * (X[a * n + i] as number) * (X[b * n + i] as number);
        expect(Math.abs((xtwx[a * k + b] as number) - s)).toBeLessThanOrEqual(1e-10 * (1 + s));
      }
  });
});
