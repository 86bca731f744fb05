import { describe, expect, it } from "vitest";
import { clusterCovariance } from "../../src/evaluate/stats/inference.js";
import { irls } from "../../src/evaluate/stats/irls.js";
import { poissonKernel } from "../../src/evaluate/stats/log-link.js";
import { codeClusters } from "../../src/evaluate/stats/validate.js";
import { createRandom } from "../../src/random/index.js";

/** CR1 written out plainly: bread (X'WX)^-1 from the fit, meat from per-cluster score sums. */
function plainCr1(X: Float64Array, n: number, kept: number[], y: Float64Array, fit: ReturnType<typeof irls>, codes: Int32Array, G: number): number[] {
  const k = kept.length;
  const scores = Array.from({ length: G }, () => new Array<number>(k).fill(0));
  for (let i = 0; i < n; i++) {
    const r = ((y[i] as number) - (fit.mu[i] as number)) / (fit.mu[i] as number) * (fit.w[i] as number);
    kept.forEach((j, a) => {
      const row = scores[codes[i] as number] as number[];
      row[a] = (row[a] as number) + (X[j * n + i] as number) * r;
    });
  }
  const meat = Array.from({ length: k }, (_, a) => Array.from({ length: k }, (_, b) => scores.reduce((s, row) => s + (row[a] as number) * (row[b] as number), 0)));
  const B = (a: number, b: number) => fit.covUnscaled[a * k + b] as number;
  const out: number[] = [];
  const adjust = (G / (G - 1)) * ((n - 1) / (n - k));
  for (let a = 0; a < k; a++) {
    let s = 0;
    for (let p = 0; p < k; p++) for (let q = 0; q < k; q++) s += B(a, p) * (meat[p]?.[q] as number) * B(q, a);
    out.push(s * adjust);
  }
  return out;
}

describe("cluster-robust scores", () => {
  it("agree with the plain CR1 formula both from per-pattern sums and row by row", () => {
    const random = createRandom("cluster-scores");
    const n = 3000;
    const names = ["(Intercept)", "x", "b1", "b2", "b3"];
    const p = names.length;
    const X = new Float64Array(n * p);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      X[i] = 1;
      X[n + i] = random.normal();
      for (let j = 2; j < p; j++) X[j * n + i] = random.bernoulli(0.3) ? 1 : 0;
      y[i] = random.int(1 + Math.round(2 * Math.exp(0.3 * (X[n + i] as number))));
    }
    const clusters = codeClusters(Array.from({ length: n }, () => random.int(60)));
    const fit = irls({ X, n, p, y, wt: new Float64Array(n).fill(1), offset: undefined, kernel: poissonKernel, maxIterations: 25, epsilon: 1e-8 });
    expect(fit.plan.patterned).toEqual([2, 3, 4]);
    const byPattern = clusterCovariance(X, n, y, fit, poissonKernel, clusters);
    // a plan claiming millions of patterns makes the per-pattern table too large: row by row instead
    const rowByRow = clusterCovariance(X, n, y, { ...fit, plan: { ...fit.plan, patterns: 1 << 22 } }, poissonKernel, clusters);
    const plain = plainCr1(X, n, fit.kept, y, fit, clusters.codes, clusters.count);
    plain.forEach((v, a) => {
      expect(Math.abs((byPattern[a * p + a] as number) - v)).toBeLessThan(1e-10 * v);
      expect(Math.abs((rowByRow[a * p + a] as number) - v)).toBeLessThan(1e-10 * v);
    });
  });
});
