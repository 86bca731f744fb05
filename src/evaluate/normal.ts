/**
 * The standard normal distribution, from @stdlib (never by hand).
 */
import normalCdf from "@stdlib/stats-base-dists-normal-cdf";
import normalQuantile from "@stdlib/stats-base-dists-normal-quantile";

/** P(Z <= z) for a standard normal Z. */
export function standardNormalCdf(z: number): number {
  return normalCdf(z, 0, 1);
}

/** The z with P(Z <= z) = p. */
export function standardNormalQuantile(p: number): number {
  return normalQuantile(p, 0, 1);
}
