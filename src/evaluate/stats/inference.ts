/**
 * Standard errors and coefficient tables of a fitted model: model-based as `summary.glm` reports
 * them, and cluster-robust CR1 as `sandwich::vcovCL(fit, cluster, type = "HC1")` (Zeileis, Koll
 * and Graham 2020, "Various Versatile Variances", Journal of Statistical Software 95(1)): the
 * meat sums each cluster's score, and the adjustment is G/(G-1) * (n-1)/(n-k).
 */
import { normalCdf, normalQuantile, tCdf, tQuantile } from "./distributions.js";
import type { FamilyKernel } from "./families.js";
import type { IrlsResult } from "./irls.js";
import { sandwichProduct } from "./linalg.js";
import type { Coefficient, ReferenceDistribution } from "./types.js";

/** Builds a coefficient table from estimates and a covariance matrix (r x r row-major). */
export function coefficientTable(
  terms: readonly string[],
  estimates: ArrayLike<number>,
  vcov: Float64Array,
  distribution: ReferenceDistribution,
  df: number,
  level: number,
): Coefficient[] {
  const r = terms.length;
  const crit = distribution === "t" ? tQuantile((1 + level) / 2, df) : normalQuantile((1 + level) / 2);
  return terms.map((term, a) => {
    const estimate = estimates[a] as number;
    const stdError = Math.sqrt(vcov[a * r + a] as number);
    const statistic = estimate / stdError;
    const tail = distribution === "t" ? tCdf(-Math.abs(statistic), df) : normalCdf(-Math.abs(statistic));
    return { term, estimate, stdError, statistic, pValue: 2 * tail, ciLow: estimate - crit * stdError, ciHigh: estimate + crit * stdError };
  });
}

/**
 * CR1 cluster-robust covariance over the kept columns: (X'WX)^-1 (sum_g s_g s_g') (X'WX)^-1 times
 * G/(G-1) * (n-1)/(n-k), with s_g the sum over cluster g of x_i * w_i * (y_i - mu_i) / mu.eta_i
 * (the working residual times the working weight, sandwich's `estfun.glm`; for gaussian the
 * dispersion sandwich divides by cancels between bread and meat).
 */
export function clusterCovariance(
  X: Float64Array,
  n: number,
  y: Float64Array,
  fit: IrlsResult,
  kernel: FamilyKernel,
  clusters: { codes: Int32Array; count: number },
): Float64Array {
  const k = fit.kept.length;
  const G = clusters.count;
  const codes = clusters.codes;
  const scores = new Float64Array(G * k);
  const { plan } = fit;
  const P = plan.patterns;
  const byPattern = plan.patterned.length > 0 && G * P <= 1 << 22;
  // per cluster and pattern: the sum of the weighted working residuals (all 0/1 columns at once)
  const cell = byPattern ? new Float64Array(G * P) : undefined;
  // every other kept column is summed per cluster in the same single pass over the rows; each
  // sum still adds its rows in row order, as one pass per column would
  const unitSlots: number[] = [];
  const denseSlots: number[] = [];
  const denseOffsets: number[] = [];
  const bitSlots: number[] = [];
  const bits: number[] = [];
  const fromCell: { a: number; bit: number }[] = [];
  fit.kept.forEach((j, a) => {
    const bit = plan.patterned.indexOf(j);
    if (cell && bit >= 0) fromCell.push({ a, bit });
    else if (plan.units.includes(j)) unitSlots.push(a);
    else if (bit >= 0) {
      bitSlots.push(a);
      bits.push(bit);
    } else {
      denseSlots.push(a);
      denseOffsets.push(j * n);
    }
  });
  const nu = unitSlots.length;
  const nd = denseSlots.length;
  const nb = bitSlots.length;
  const isLog = kernel.link === "log";
  const isIdentity = kernel.link === "identity";
  const isLogit = kernel.link === "logit";
  const w = fit.w;
  const eta = fit.eta;
  const mu = fit.mu;
  const pcodes = plan.codes;
  for (let i = 0; i < n; i++) {
    const m = mu[i] as number;
    // sandwich's estfun.glm: working residual (y - mu) / mu.eta times the working weight; mu.eta
    // is mu itself for the log link (log-link.ts) and 1 for the identity; for the logit, mu (1 - mu)
    // where that keeps its precision, as the working weights use it (families.ts), saving an exp
    const e = eta[i] as number;
    const me = isLog ? m : isIdentity ? 1 : isLogit && e <= 15 && e >= -15 ? m * (1 - m) : kernel.muEta(e, m);
    const r = (((y[i] as number) - m) / me) * (w[i] as number);
    const g = codes[i] as number;
    if (cell) {
      const at = g * P + (pcodes[i] as number);
      cell[at] = (cell[at] as number) + r;
    }
    const base = g * k;
    for (let u = 0; u < nu; u++) {
      const at = base + (unitSlots[u] as number);
      scores[at] = (scores[at] as number) + r;
    }
    for (let c = 0; c < nd; c++) {
      const x = X[(denseOffsets[c] as number) + i] as number;
      if (x === 0) continue;
      const at = base + (denseSlots[c] as number);
      scores[at] = (scores[at] as number) + x * r;
    }
    for (let c = 0; c < nb; c++) {
      if ((((pcodes[i] as number) >> (bits[c] as number)) & 1) === 0) continue;
      const at = base + (bitSlots[c] as number);
      scores[at] = (scores[at] as number) + r;
    }
  }
  if (cell) {
    for (const { a, bit } of fromCell) {
      for (let g = 0; g < G; g++) {
        let s = 0;
        for (let pattern = 0; pattern < P; pattern++) if ((pattern >> bit) & 1) s += cell[g * P + pattern] as number;
        scores[g * k + a] = s;
      }
    }
  }
  const meat = new Float64Array(k * k);
  for (let g = 0; g < G; g++) {
    const base = g * k;
    for (let a = 0; a < k; a++) {
      const sa = scores[base + a] as number;
      for (let b = a; b < k; b++) meat[a * k + b] = (meat[a * k + b] as number) + sa * (scores[base + b] as number);
    }
  }
  for (let a = 0; a < k; a++) for (let b = 0; b < a; b++) meat[a * k + b] = meat[b * k + a] as number;
  const adjust = (G / (G - 1)) * ((n - 1) / (n - k));
  const v = sandwichProduct(fit.covUnscaled, meat, k);
  for (let i = 0; i < v.length; i++) v[i] = (v[i] as number) * adjust;
  return v;
}

/** Row-major r x r to nested arrays (JSON-friendly). */
export function toNested(m: Float64Array, r: number): number[][] {
  return Array.from({ length: r }, (_, a) => Array.from(m.subarray(a * r, (a + 1) * r)));
}
