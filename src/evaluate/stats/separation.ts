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
  for (let i = 0; i < n; i++) {
    const v = X[off + i] as number;
    if (v !== 0 && v !== 1) return false;
  }
  return true;
}

/** Plain-English warnings, one per term that separates (or seems to separate) the outcome. */
export function separationWarnings(input: CheckedInput, fit: IrlsResult): string[] {
  const { n, y, names } = input;
  const { plan } = fit;
  const warnings: string[] = [];
  // y lies in [0, 1]: a group is all 0 when its sum is 0 and all 1 when its sum is its size
  let total = 0;
  for (let i = 0; i < n; i++) total += y[i] as number;
  fit.kept.forEach((j, a) => {
    const name = names[j] as string;
    if (plan.units.includes(j)) return;
    const bit = plan.patterned.indexOf(j);
    if (bit >= 0 || isBinaryColumn(input.X, j * n, n)) {
      let atOne = 0;
      let size = 0;
      // x is 0 or 1: x y adds y or exactly 0, without a branch on the random 0/1 values
      if (bit >= 0) {
        const codes = plan.codes;
        for (let i = 0; i < n; i++) {
          const x = ((codes[i] as number) >> bit) & 1;
          atOne += x * (y[i] as number);
          size += x;
        }
      } else {
        const off = j * n;
        for (let i = 0; i < n; i++) {
          const x = input.X[off + i] as number;
          atOne += x * (y[i] as number);
          size += x;
        }
      }
      const sides = [
        { side: 1, sum: atOne, size },
        { side: 0, sum: total - atOne, size: n - size },
      ];
      for (const { side, sum, size: groupSize } of sides) {
        if (groupSize > 0 && (sum === 0 || sum === groupSize)) {
          warnings.push(`'${name}' separates the outcome: every observation with ${name} = ${side} has outcome ${sum === 0 ? 0 : 1} (quasi-complete separation), so its coefficient and error are not meaningful; drop the term, merge categories or use a penalised (Firth) model`);
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
