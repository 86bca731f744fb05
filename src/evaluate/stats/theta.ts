/**
 * Maximum-likelihood estimate of the negative binomial theta (size) for known means, by Newton's
 * method on the score, exactly as MASS's `theta.ml` (Venables and Ripley 2002, Modern Applied
 * Statistics with S, section 7.4): start at n / sum(w (y/mu - 1)^2), stop when the step is below
 * .Machine$double.eps^0.25 or after `limit` - 1 steps; the standard error is 1/sqrt(information).
 * The terms that depend only on y (digamma, trigamma, log-gamma of theta + y) are summed once
 * per distinct y, since counts of absences take few distinct values.
 */
import { digamma, logGamma, trigamma } from "./distributions.js";
import { DOUBLE_EPS } from "./families.js";

/** Response values grouped: each distinct y with the sum of the weights of its rows. */
export interface GroupedResponse {
  values: Float64Array;
  weights: Float64Array;
}

/** Groups y by distinct value, summing the prior weights. */
export function groupResponse(y: Float64Array, wt: Float64Array): GroupedResponse {
  const sums = new Map<number, number>();
  for (let i = 0; i < y.length; i++) {
    const v = y[i] as number;
    sums.set(v, (sums.get(v) ?? 0) + (wt[i] as number));
  }
  const values = Float64Array.from(sums.keys());
  return { values, weights: Float64Array.from(values, (v) => sums.get(v) as number) };
}

/** Result of {@link thetaMl}. */
export interface ThetaEstimate {
  theta: number;
  stdError: number;
  warning?: string;
}

const THETA_EPS = Math.pow(2.220446049250313e-16, 0.25);

/** MASS::theta.ml(y, mu, n = sum(wt), wt, limit). */
export function thetaMl(y: Float64Array, mu: Float64Array, wt: Float64Array, grouped: GroupedResponse, limit: number): ThetaEstimate {
  const nobs = y.length;
  let n = 0;
  let ss = 0;
  for (let i = 0; i < nobs; i++) {
    const r = (y[i] as number) / (mu[i] as number) - 1;
    n += wt[i] as number;
    ss += (wt[i] as number) * r * r;
  }
  let t0 = n / ss;
  let it = 0;
  let del = 1;
  let info = NaN;
  while (++it < limit && Math.abs(del) > THETA_EPS) {
    t0 = Math.abs(t0);
    // score = sum w (digamma(th + y) - digamma(th) + log(th) + 1 - log(th + mu) - (y + th)/(mu + th))
    // info  = sum w (-trigamma(th + y) + trigamma(th) - 1/th + 2/(mu + th) - (y + th)/(mu + th)^2)
    let score = n * (-digamma(t0) + Math.log(t0) + 1);
    info = n * (trigamma(t0) - 1 / t0);
    for (let g = 0; g < grouped.values.length; g++) {
      const v = grouped.values[g] as number;
      const gw = grouped.weights[g] as number;
      score += gw * digamma(t0 + v);
      info -= gw * trigamma(t0 + v);
    }
    for (let i = 0; i < nobs; i++) {
      const d = (mu[i] as number) + t0;
      const q = ((y[i] as number) + t0) / d;
      const w = wt[i] as number;
      score -= w * (Math.log(d) + q);
      info += w * (2 - q) / d;
    }
    del = score / info;
    t0 += del;
  }
  const estimate: ThetaEstimate = { theta: t0, stdError: Math.sqrt(1 / info) };
  if (t0 < 0) {
    estimate.theta = 0;
    estimate.warning = "the theta estimate was truncated at zero";
  }
  if (it === limit) estimate.warning = "the theta iteration limit was reached";
  return estimate;
}

/** MASS's `loglik(n, th, mu, y, w)` inside glm.nb: the negative binomial log-likelihood (eta = log mu). */
export function negativeBinomialLogLik(y: Float64Array, mu: Float64Array, eta: Float64Array, wt: Float64Array, grouped: GroupedResponse, theta: number): number {
  let s = 0;
  for (let g = 0; g < grouped.values.length; g++) {
    const v = grouped.values[g] as number;
    s += (grouped.weights[g] as number) * (logGamma(theta + v) - logGamma(theta) - logGamma(v + 1) + theta * Math.log(theta));
  }
  for (let i = 0; i < y.length; i++) {
    const yi = y[i] as number;
    const m = mu[i] as number;
    // log(mu) is the linear predictor unless mu was clamped at machine epsilon
    const logMu = m > DOUBLE_EPS ? (eta[i] as number) : Math.log(m);
    s += (wt[i] as number) * ((yi > 0 ? yi * logMu : 0) - (theta + yi) * Math.log(theta + m));
  }
  return s;
}
