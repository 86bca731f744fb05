/**
 * Special functions and distributions used by the regression engine. All come from the @stdlib
 * packages (ports of Boost and Cephes, tested against them); none is written by hand here.
 */
import chisquareCdf from "@stdlib/stats-base-dists-chisquare-cdf";
import normalCdfStdlib from "@stdlib/stats-base-dists-normal-cdf";
import normalQuantileStdlib from "@stdlib/stats-base-dists-normal-quantile";
import tCdfStdlib from "@stdlib/stats-base-dists-t-cdf";
import tQuantileStdlib from "@stdlib/stats-base-dists-t-quantile";
import digammaStdlib from "@stdlib/math-base-special-digamma";
import gammalnStdlib from "@stdlib/math-base-special-gammaln";
import trigammaStdlib from "@stdlib/math-base-special-trigamma";

/** Standard normal cumulative distribution function. */
export function normalCdf(x: number): number {
  return normalCdfStdlib(x, 0, 1);
}

/** Standard normal quantile (inverse cdf). */
export function normalQuantile(p: number): number {
  return normalQuantileStdlib(p, 0, 1);
}

/** Student t cumulative distribution function with `df` degrees of freedom. */
export function tCdf(x: number, df: number): number {
  return tCdfStdlib(x, df);
}

/** Student t quantile with `df` degrees of freedom. */
export function tQuantile(p: number, df: number): number {
  return tQuantileStdlib(p, df);
}

/** Chi-square cumulative distribution function with `df` degrees of freedom. */
export function chiSquareCdf(x: number, df: number): number {
  return chisquareCdf(x, df);
}

/** log Gamma(x), as R's `lgamma`. */
export function logGamma(x: number): number {
  return gammalnStdlib(x);
}

/** digamma(x) = d/dx log Gamma(x), as R's `digamma`. */
export function digamma(x: number): number {
  return digammaStdlib(x);
}

/** trigamma(x) = d^2/dx^2 log Gamma(x), as R's `trigamma`. */
export function trigamma(x: number): number {
  return trigammaStdlib(x);
}
