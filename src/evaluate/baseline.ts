/**
 * Baseline equivalence as the What Works Clearinghouse judges it (Procedures and Standards
 * Handbook, version 5.0): for each covariate measured before the visits, the effect size of the
 * difference between the groups, Hedges' g for continuous measures and the Cox index for binary
 * ones; |es| <= 0.05 satisfies, <= 0.25 needs statistical adjustment, > 0.25 does not satisfy.
 */
import type { StudentFrame } from "./frame.js";
import type { BaselineEquivalence, BaselineRow } from "./report.js";
import { coxIndexOf, hedgesGOf } from "./effect-size.js";

/** Thresholds of the verdicts. */
export const WWC_THRESHOLDS = { satisfies: 0.05, needsAdjustment: 0.25 } as const;

function verdictOf(es: number): BaselineRow["verdict"] {
  const a = Math.abs(es);
  if (!Number.isFinite(a)) return "not computed";
  return a <= WWC_THRESHOLDS.satisfies ? "satisfies" : a <= WWC_THRESHOLDS.needsAdjustment ? "needs adjustment" : "does not satisfy";
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
    let es: number;
    if (binary) es = coxIndexOf(m1, m0);
    else {
      const ss = [0, 0];
      for (let i = 0; i < frame.n; i++) {
        const v = values[i]!;
        if (mask[i] !== 1 || Number.isNaN(v)) continue;
        const t = treat[i] === 1 ? 1 : 0;
        ss[t] = ss[t]! + (v - (t === 1 ? m1 : m0)) ** 2;
      }
      es = hedgesGOf(m1, m0, Math.sqrt(ss[1]! / (n1 - 1)), Math.sqrt(ss[0]! / (n0 - 1)), n1, n0);
    }
    return { covariate: label(name), kind, treatedMean: m1, comparisonMean: m0, effectSize: Number.isFinite(es) ? es : null, verdict: verdictOf(es), suppressed: false };
  });
  return {
    baseline: {
      groups,
      rows,
      thresholds: { ...WWC_THRESHOLDS },
      source: "What Works Clearinghouse Procedures and Standards Handbook, version 5.0: Hedges' g (continuous) and the Cox index (binary), with the small-sample correction",
    },
    suppressedCells,
  };
}
