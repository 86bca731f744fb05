import type { Random } from "../random/index.js";

/** x^n for a non-negative integer n by repeated squaring: exact IEEE products, the same on every engine. */
function powInt(x: number, n: number): number {
  let result = 1;
  let base = x;
  let e = n;
  while (e > 0) {
    if (e & 1) result *= base;
    base *= base;
    e >>= 1;
  }
  return result;
}

/**
 * A binomial(n, p) draw by inversion of the cumulative distribution, using only arithmetic
 * operations (no exp or log), so that it is bit-identical across JavaScript engines.
 */
export function binomial(random: Random, n: number, p: number): number {
  if (p <= 0 || n <= 0) return 0;
  if (p >= 1) return n;
  const q = 1 - p;
  const ratio = p / q;
  let prob = powInt(q, n);
  let cumulative = prob;
  const u = random.float();
  let k = 0;
  while (u >= cumulative && k < n) {
    prob *= ((n - k) / (k + 1)) * ratio;
    k++;
    cumulative += prob;
  }
  return k;
}
