/**
 * Standardised effect sizes as the What Works Clearinghouse defines them (WWC Procedures Handbook,
 * version 5.0, 2022, appendix on effect sizes; Hedges 1981, Journal of Educational Statistics 6(2)):
 * Hedges' g for continuous measures and the Cox index for binary ones, both with the small-sample
 * correction omega = 1 - 3 / (4N - 9), N the total sample size; and the WWC verdict on baseline
 * equivalence (|g| <= 0.05 satisfies, <= 0.25 requires statistical adjustment, larger does not).
 */

/** An effect size, explained. `value` is null when it is undefined (the reason says why). */
export interface EffectSize {
  measure: "hedges-g" | "cox-index";
  value: number | null;
  /** Small-sample correction factor applied (1 when the correction is off). */
  omega: number;
  nTreatment: number;
  nComparison: number;
  reason?: string;
}

/** Summary statistics of one group on a continuous measure. */
export interface GroupSummary {
  mean: number;
  /** Standard deviation with the n - 1 denominator. */
  sd: number;
  n: number;
}

/** omega = 1 - 3 / (4N - 9) (Hedges 1981; WWC Handbook 5.0). */
export function smallSampleCorrection(totalN: number): number {
  return 1 - 3 / (4 * totalN - 9);
}

/**
 * Hedges' g = omega (mean_t - mean_c) / pooled sd, the pooled sd weighting each group's variance
 * by its n - 1. Worked example: means 10 and 9, sds 2 and 2, 20 per group: d = 0.5,
 * omega = 1 - 3/151, g = 0.490066...
 */
export function hedgesG(treatment: GroupSummary, comparison: GroupSummary, correct = true): EffectSize {
  const N = treatment.n + comparison.n;
  const omega = correct ? smallSampleCorrection(N) : 1;
  const base = { measure: "hedges-g" as const, omega, nTreatment: treatment.n, nComparison: comparison.n };
  if (treatment.n < 1 || comparison.n < 1 || N < 3) return { ...base, value: null, reason: "each group needs at least one member and both together at least three" };
  const pooled = Math.sqrt(((treatment.n - 1) * treatment.sd ** 2 + (comparison.n - 1) * comparison.sd ** 2) / (N - 2));
  if (!(pooled > 0)) return { ...base, value: null, reason: "the measure does not vary within the groups (pooled standard deviation 0)" };
  return { ...base, value: (omega * (treatment.mean - comparison.mean)) / pooled };
}

/** Mean, sd (n - 1) and n of a column of values. */
export function summariseGroup(values: ArrayLike<number>): GroupSummary {
  const n = values.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i] as number;
  const mean = n > 0 ? sum / n : NaN;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += ((values[i] as number) - mean) ** 2;
  return { mean, sd: n > 1 ? Math.sqrt(ss / (n - 1)) : 0, n };
}

/** Summary of one group on a binary measure: the share with the event (e.g. reading proficient). */
export interface GroupProportion {
  proportion: number;
  n: number;
}

/**
 * The Cox index: omega (logit p_t - logit p_c) / 1.65, the log odds ratio put on the scale of a
 * standardised mean difference (Cox 1970; Sanchez-Meca, Marin-Martinez and Chacon-Moscoso 2003).
 * Undefined (null, with a reason) when a proportion is 0 or 1. Worked example: 0.6 against 0.5,
 * 50 per group: logit difference ln(1.5) = 0.405465, / 1.65 = 0.245736, omega = 1 - 3/391,
 * index 0.243851...
 */
export function coxIndex(treatment: GroupProportion, comparison: GroupProportion, correct = true): EffectSize {
  const N = treatment.n + comparison.n;
  const omega = correct ? smallSampleCorrection(N) : 1;
  const base = { measure: "cox-index" as const, omega, nTreatment: treatment.n, nComparison: comparison.n };
  const pt = treatment.proportion;
  const pc = comparison.proportion;
  if (treatment.n < 1 || comparison.n < 1 || N < 3) return { ...base, value: null, reason: "each group needs at least one member and both together at least three" };
  if (!(pt > 0 && pt < 1 && pc > 0 && pc < 1)) {
    return { ...base, value: null, reason: "a group's proportion is 0 or 1, where the log odds (and so the Cox index) is undefined" };
  }
  const logOddsRatio = Math.log(pt / (1 - pt)) - Math.log(pc / (1 - pc));
  return { ...base, value: (omega * logOddsRatio) / 1.65 };
}

/** WWC baseline-equivalence verdict for one covariate. */
export type BaselineVerdict = "satisfies" | "requires-adjustment" | "does-not-satisfy";

/** WWC thresholds: |effect| <= 0.05 satisfies, <= 0.25 requires statistical adjustment, else does not satisfy. */
export const BASELINE_THRESHOLDS = { satisfies: 0.05, adjustment: 0.25 } as const;

/** Classifies a baseline difference (Hedges' g or Cox index) as the WWC does. */
export function baselineVerdict(effect: number, thresholds: { satisfies: number; adjustment: number } = BASELINE_THRESHOLDS): BaselineVerdict {
  const size = Math.abs(effect);
  if (size <= thresholds.satisfies) return "satisfies";
  if (size <= thresholds.adjustment) return "requires-adjustment";
  return "does-not-satisfy";
}
