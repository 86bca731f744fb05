/**
 * Effect sizes for baseline equivalence, adapted to group summaries. Placeholder until the
 * regression engine's WWC effect sizes land (it then re-exports them and this file goes).
 */

/** Hedges' g with the small-sample correction omega = 1 - 3 / (4N - 9) (WWC handbook v5.0, E.1). */
export function hedgesGOf(m1: number, m0: number, s1: number, s0: number, n1: number, n0: number): number {
  const N = n1 + n0;
  const pooled = Math.sqrt(((n1 - 1) * s1 * s1 + (n0 - 1) * s0 * s0) / (N - 2));
  return ((1 - 3 / (4 * N - 9)) * (m1 - m0)) / pooled;
}

/** Cox index: omega times the difference in log odds over 1.65 (WWC handbook v5.0, E.2). */
export function coxIndexOf(p1: number, p0: number): number {
  const logit = (p: number) => Math.log(p / (1 - p));
  return (logit(p1) - logit(p0)) / 1.65;
}
