/**
 * Difference in means between treated (invited) and control students, optionally within blocks
 * (the strata of the lottery), exactly as `estimatr::difference_in_means` (estimatr 1.0) computes
 * it: Welch's standard error and degrees of freedom without blocks; with blocks, the block
 * estimates weighted by block size (Gerber and Green 2012, eq. 3.10), the standard error
 * sqrt(sum((N_b/N)^2 se_b^2)) (ibid., footnote 20) and N - 2B degrees of freedom; when every block
 * is a pair, the matched-pairs variance of Imai, King and Nall (2009, eq. 6) with B - 1 degrees
 * of freedom.
 */
import tCdf from "@stdlib/stats-base-dists-t-cdf";
import tQuantile from "@stdlib/stats-base-dists-t-quantile";
import { PthvEstimationError } from "../errors/index.js";

/** The result of a difference in means, as estimatr reports it. */
export interface DifferenceInMeans {
  /** Mean of the treated minus mean of the controls. */
  estimate: number;
  stdError: number;
  statistic: number;
  df: number;
  pValue: number;
  ciLow: number;
  ciHigh: number;
  /** Students used (treated plus controls). */
  n: number;
  /** Number of blocks; 1 when unblocked. */
  blocks: number;
  /** Which variance was used. */
  method: "welch" | "blocked" | "matched-pairs";
}

interface Sums {
  n: [number, number];
  sum: [number, number];
  sumSq: [number, number];
}

/**
 * Difference in means of `y` between `treat == 1` and `treat == 0`, within `block` when given.
 * Rows where `y` is NaN or `include` is 0 are skipped.
 *
 * @throws PthvEstimationError when an arm is empty, or when a block has a single treated or
 * control student but not every block is a pair (estimatr refuses that design too)
 */
export function differenceInMeans(y: ArrayLike<number>, treat: ArrayLike<number>, block?: ArrayLike<number>, level = 0.95): DifferenceInMeans {
  const groups = new Map<number, Sums>();
  // Two passes keep the variance exact: first the means, then the squared deviations.
  for (let i = 0; i < y.length; i++) {
    const v = y[i]!;
    if (Number.isNaN(v)) continue;
    const b = block ? block[i]! : 0;
    let g = groups.get(b);
    if (!g) {
      g = { n: [0, 0], sum: [0, 0], sumSq: [0, 0] };
      groups.set(b, g);
    }
    const t = treat[i] === 1 ? 1 : 0;
    g.n[t]++;
    g.sum[t] += v;
  }
  for (let i = 0; i < y.length; i++) {
    const v = y[i]!;
    if (Number.isNaN(v)) continue;
    const g = groups.get(block ? block[i]! : 0)!;
    const t = treat[i] === 1 ? 1 : 0;
    const d = v - g.sum[t] / g.n[t];
    g.sumSq[t] += d * d;
  }
  const list = [...groups.entries()].sort((a, b) => a[0] - b[0]).map(([, g]) => g);
  if (list.length === 0 || list.every((g) => g.n[1] === 0) || list.every((g) => g.n[0] === 0)) {
    throw new PthvEstimationError("the difference in means needs students in both groups: no treated or no control students have this outcome");
  }
  const finish = (estimate: number, se: number, df: number, n: number, blocks: number, method: DifferenceInMeans["method"]): DifferenceInMeans => {
    const statistic = estimate / se;
    const q = tQuantile(1 - (1 - level) / 2, df);
    return { estimate, stdError: se, statistic, df, pValue: 2 * tCdf(-Math.abs(statistic), df), ciLow: estimate - q * se, ciHigh: estimate + q * se, n, blocks, method };
  };
  const blockEstimate = (g: Sums) => {
    const m1 = g.sum[1] / g.n[1];
    const m0 = g.sum[0] / g.n[0];
    const v1 = g.sumSq[1] / (g.n[1] - 1);
    const v0 = g.sumSq[0] / (g.n[0] - 1);
    return { diff: m1 - m0, var: v1 / g.n[1] + v0 / g.n[0], v1, v0 };
  };
  if (!block) {
    const g = list[0]!;
    if (g.n[0] < 2 || g.n[1] < 2) throw new PthvEstimationError("the difference in means needs at least two students in each group");
    const e = blockEstimate(g);
    const a = e.v1 / g.n[1];
    const b = e.v0 / g.n[0];
    const df = ((a + b) * (a + b)) / ((a * a) / (g.n[1] - 1) + (b * b) / (g.n[0] - 1));
    return finish(e.diff, Math.sqrt(e.var), df, g.n[0] + g.n[1], 1, "welch");
  }
  const usable = list.filter((g) => g.n[0] > 0 && g.n[1] > 0);
  if (usable.length === 0) throw new PthvEstimationError("no block has both treated and control students");
  if (usable.length < list.length) {
    throw new PthvEstimationError(`${list.length - usable.length} block(s) have only treated or only control students: the lottery's strata must each hold both`);
  }
  const nAll = usable.reduce((s, g) => s + g.n[0] + g.n[1], 0);
  const B = usable.length;
  const pairs = usable.some((g) => g.n[0] === 1 || g.n[1] === 1);
  if (pairs) {
    if (!usable.every((g) => g.n[0] === 1 && g.n[1] === 1)) {
      throw new PthvEstimationError("some blocks have a single treated or control student but not every block is a pair: merge small blocks");
    }
    const diffs = usable.map((g) => g.sum[1] - g.sum[0]);
    const estimate = diffs.reduce((s, d) => s + (2 * d) / nAll, 0);
    // Imai, King and Nall (2009, eq. 6), with every pair of size 2.
    const ss = diffs.reduce((s, d) => s + (2 * d - (nAll * estimate) / B) ** 2, 0);
    const se = B > 1 ? Math.sqrt((B / ((B - 1) * nAll * nAll)) * ss) : Number.NaN;
    return finish(estimate, se, B - 1, nAll, B, "matched-pairs");
  }
  let estimate = 0;
  let variance = 0;
  for (const g of usable) {
    const w = (g.n[0] + g.n[1]) / nAll;
    const e = blockEstimate(g);
    estimate += w * e.diff;
    variance += w * w * e.var;
  }
  return finish(estimate, Math.sqrt(variance), nAll - 2 * B, nAll, B, "blocked");
}
