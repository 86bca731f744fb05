/**
 * The average marginal effect of a binary treatment in a logistic model: the mean over students
 * of P(y = 1 | treated, x) - P(y = 1 | not treated, x), with its delta-method standard error
 * (the "average comparison" of marginaleffects::avg_comparisons and of Stata's margins, dydx for a
 * factor variable; Greene, Econometric Analysis, 8th ed., section 17.3).
 */
import type { Coefficient } from "./stats/index.js";
import type { DesignMatrix } from "./design-matrix.js";
import { standardNormalCdf } from "./normal.js";

/** The average marginal effect (a difference of probabilities) with its standard error. */
export interface MarginalEffect {
  estimate: number;
  stdError: number;
  pValue: number;
}

const logistic = (eta: number) => 1 / (1 + Math.exp(-eta));

/**
 * Average marginal effect of `treatment` given the fitted coefficients (aliased terms absent)
 * and their covariance, in the order of `coefficients`.
 */
export function averageMarginalEffect(design: DesignMatrix, coefficients: readonly Coefficient[], vcov: readonly (readonly number[])[], treatment: string): MarginalEffect {
  const n = design.rows.length;
  const columns = coefficients.map((c) => design.names.indexOf(c.term));
  const t = coefficients.findIndex((c) => c.term === treatment);
  const tColumn = columns[t]!;
  // eta without the treatment's contribution.
  const eta = new Float64Array(n);
  coefficients.forEach((c, k) => {
    const j = columns[k]!;
    if (j === tColumn) return;
    const x = design.X.subarray(j * n, (j + 1) * n);
    for (let i = 0; i < n; i++) eta[i] = eta[i]! + c.estimate * x[i]!;
  });
  const bt = coefficients[t]!.estimate;
  let effect = 0;
  const d1 = new Float64Array(n); // dP/deta at treated
  const dd = new Float64Array(n); // difference of dP/deta, treated minus not treated
  for (let i = 0; i < n; i++) {
    const p1 = logistic(eta[i]! + bt);
    const p0 = logistic(eta[i]!);
    effect += p1 - p0;
    d1[i] = p1 * (1 - p1);
    dd[i] = p1 * (1 - p1) - p0 * (1 - p0);
  }
  // Gradient of the mean difference with respect to each coefficient.
  const gradient = coefficients.map((_, k) => {
    const j = columns[k]!;
    let s = 0;
    if (j === tColumn) for (let i = 0; i < n; i++) s += d1[i]!;
    else {
      const x = design.X.subarray(j * n, (j + 1) * n);
      for (let i = 0; i < n; i++) s += dd[i]! * x[i]!;
    }
    return s / n;
  });
  let variance = 0;
  gradient.forEach((gi, a) => gradient.forEach((gj, b) => (variance += gi * vcov[a]![b]! * gj)));
  const estimate = effect / n;
  const stdError = Math.sqrt(Math.max(0, variance));
  return { estimate, stdError, pValue: 2 * standardNormalCdf(-Math.abs(estimate / stdError)) };
}
