/**
 * Detection of separation in logistic regression. R warns only when fitted probabilities reach
 * 0 or 1 to machine precision; quasi-complete separation (Albert and Anderson 1984, Biometrika
 * 71(1)) often converges with a huge coefficient and a huge error and no warning at all. Two checks:
 * a 0/1 column whose rows at 1 (or at 0) all have the same outcome, and any coefficient larger
 * than 10 on the logit scale with an error more than 5 times its size.
 */
import type { IrlsResult } from "./irls.js";
import type { CheckedInput } from "./validate.js";

function isBinaryColumn(X: Float64Array, off: number, n: number): boolean {
  let ones = 0;
  for (let i = 0; i < n; i++) {
    const v = X[off + i] as number;
    if (v === 1) ones++;
    else if (v !== 0) return false;
  }
  return ones > 0 && ones < n;
}

/** Plain-English warnings, one per term that separates (or seems to separate) the outcome. */
export function separationWarnings(input: CheckedInput, fit: IrlsResult): string[] {
  const { X, n, y, names } = input;
  const warnings: string[] = [];
  fit.kept.forEach((j, a) => {
    const name = names[j] as string;
    const off = j * n;
    if (isBinaryColumn(X, off, n)) {
      for (const side of [1, 0]) {
        let min = Infinity;
        let max = -Infinity;
        for (let i = 0; i < n; i++) {
          if ((X[off + i] as number) !== side) continue;
          const v = y[i] as number;
          if (v < min) min = v;
          if (v > max) max = v;
        }
        if (min === max && (min === 0 || min === 1)) {
          warnings.push(`'${name}' separates the outcome: every observation with ${name} = ${side} has outcome ${min} (quasi-complete separation), so its coefficient and error are not meaningful; drop the term, merge categories or use a penalised (Firth) model`);
          return;
        }
      }
    }
    const estimate = fit.beta[j] as number;
    const se = Math.sqrt(fit.covUnscaled[a * fit.kept.length + a] as number);
    if (Math.abs(estimate) > 10 && se > 5 * Math.abs(estimate)) {
      warnings.push(`'${name}' has a coefficient of ${estimate.toFixed(1)} on the logit scale with an error ${Math.round(se / Math.abs(estimate))} times larger: the outcome is probably (quasi-)separated along it, so its estimate is not meaningful`);
    }
  });
  return warnings;
}
