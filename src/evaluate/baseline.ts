/**
 * Baseline equivalence as the What Works Clearinghouse judges it (Procedures and Standards
 * Handbook, version 5.0): for each covariate measured before the visits, the effect size of the
 * difference between the groups, Hedges' g for continuous measures and the Cox index for binary
 * ones; |es| <= 0.05 satisfies, <= 0.25 needs statistical adjustment, > 0.25 does not satisfy.
 */
import type { StudentFrame } from "./frame.js";
import type { BaselineEquivalence, BaselineRow } from "./report.js";
import { BASELINE_THRESHOLDS, baselineVerdict, coxIndex, hedgesG, type BaselineVerdict } from "./stats/index.js";

const VERDICTS: Record<BaselineVerdict, BaselineRow["verdict"]> = {
  satisfies: "satisfies",
  "requires-adjustment": "needs adjustment",
  "does-not-satisfy": "does not satisfy",
};

function verdictOf(es: number | null): BaselineRow["verdict"] {
  return es === null || !Number.isFinite(es) ? "not computed" : VERDICTS[baselineVerdict(es)];
}

/**
 * Judges baseline equivalence on the students in `mask`, comparing `treat == 1` with the rest.
 * Text covariates are not judged (listed as not computed).
 */
export function baselineEquivalence(
  frame: StudentFrame,
  mask: Uint8Array,
  treat: ArrayLike<number>,
  covariates: readonly string[],
  label: (name: string) => string,
  groups: string,
  minCellSize: number,
): { baseline: BaselineEquivalence; suppressedCells: number } {
  let suppressedCells = 0;
  const rows = covariates.map((name): BaselineRow => {
    const values = frame.numeric.get(name);
    const binary = frame.binary.has(name);
    const kind = binary ? "binary" : "continuous";
    if (!values) return { covariate: label(name), kind: "continuous", treatedMean: null, comparisonMean: null, effectSize: null, verdict: "not computed", suppressed: false };
    const n = [0, 0];
    const sum = [0, 0];
    for (let i = 0; i < frame.n; i++) {
      const v = values[i]!;
      if (mask[i] !== 1 || Number.isNaN(v)) continue;
      const t = treat[i] === 1 ? 1 : 0;
      n[t] = n[t]! + 1;
      sum[t] = sum[t]! + v;
    }
    const [n0, n1] = [n[0]!, n[1]!];
    if (n0 < minCellSize || n1 < minCellSize) {
      suppressedCells += 2;
      return { covariate: label(name), kind, treatedMean: null, comparisonMean: null, effectSize: null, verdict: "not computed", suppressed: true };
    }
    const m0 = sum[0]! / n0;
    const m1 = sum[1]! / n1;
    let es: number | null;
    if (binary) es = coxIndex({ proportion: m1, n: n1 }, { proportion: m0, n: n0 }).value;
    else {
      const ss = [0, 0];
      for (let i = 0; i < frame.n; i++) {
        const v = values[i]!;
        if (mask[i] !== 1 || Number.isNaN(v)) continue;
        const t = treat[i] === 1 ? 1 : 0;
        ss[t] = ss[t]! + (v - (t === 1 ? m1 : m0)) ** 2;
      }
      es = hedgesG({ mean: m1, sd: Math.sqrt(ss[1]! / (n1 - 1)), n: n1 }, { mean: m0, sd: Math.sqrt(ss[0]! / (n0 - 1)), n: n0 }).value;
    }
    return { covariate: label(name), kind, treatedMean: m1, comparisonMean: m0, effectSize: es !== null && Number.isFinite(es) ? es : null, verdict: verdictOf(es), suppressed: false };
  });
  return {
    baseline: {
      groups,
      rows,
      thresholds: { satisfies: BASELINE_THRESHOLDS.satisfies, needsAdjustment: BASELINE_THRESHOLDS.adjustment },
      source: "What Works Clearinghouse Procedures and Standards Handbook, version 5.0: Hedges' g (continuous) and the Cox index (binary), with the small-sample correction",
    },
    suppressedCells,
  };
}
