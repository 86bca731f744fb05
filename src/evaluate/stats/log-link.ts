/**
 * The log-link families, Poisson and negative binomial with known theta, transcribed from R's
 * `poisson()` (stats, family.R) and MASS's `negative.binomial(theta)`; see families.ts.
 */
import { logGamma } from "./distributions.js";
import { BOUNDARY, DOUBLE_EPS, mapByValue, type FamilyKernel } from "./families.js";

const LOG_EPS = Math.log(DOUBLE_EPS);
const Y_LOG_Y = new WeakMap<Float64Array, Float64Array>();
const Y_LOG_MAX1_Y = new WeakMap<Float64Array, Float64Array>();

/** y log y (or y log max(1, y)) per row, computed once per response array. */
function yLogYOf(y: Float64Array, atLeastOne: boolean): Float64Array {
  const cache = atLeastOne ? Y_LOG_MAX1_Y : Y_LOG_Y;
  let out = cache.get(y);
  if (!out) {
    out = mapByValue(y, (v) => (v > 0 ? v * Math.log(atLeastOne ? (v > 1 ? v : 1) : v) : 0), new Float64Array(y.length));
    cache.set(y, out);
  }
  return out;
}

function logLinkinv(eta: Float64Array, mu: Float64Array, start = 0, end = eta.length): void {
  // the clamp as a local double: selecting between m and the imported constant boxed m per row
  const eps = +DOUBLE_EPS;
  for (let i = start; i < end; i++) {
    const m = Math.exp(eta[i] as number);
    mu[i] = m > eps ? m : eps;
  }
}

/** R's mu.eta for the log link, pmax(exp(eta), eps): exactly the clamped mean itself. */
function logMuEta(_eta: number, mu: number): number {
  return mu;
}

function positiveFiniteMu(mu: Float64Array, start = 0, end = mu.length): boolean {
  for (let i = start; i < end; i++) {
    const m = mu[i] as number;
    if (!(m > 0 && m < Infinity)) return false;
  }
  return true;
}

/** Poisson family, log link. */
export const poissonKernel: FamilyKernel = {
  family: "poisson",
  link: "log",
  fixedDispersion: true,
  start(y) {
    const mu = new Float64Array(y.length);
    for (let i = 0; i < y.length; i++) mu[i] = (y[i] as number) + 0.1;
    return mu;
  },
  startEta: (y) => Math.log(y + 0.1),
  linkfun: (mu) => Math.log(mu),
  linkinv: logLinkinv,
  working(y, wt, eta, offset, mu, w, z, start = 0, end = y.length) {
    for (let i = start; i < end; i++) {
      const e = eta[i] as number;
      const m = mu[i] as number;
      // mu.eta = max(exp(eta), eps) = mu for the log link, so wt * mu.eta^2 / mu = wt * mu.
      w[i] = (wt[i] as number) * m;
      z[i] = e - (offset ? (offset[i] as number) : 0) + ((y[i] as number) - m) / m;
    }
  },
  muEta: logMuEta,
  deviance(y, wt, mu, eta, start = 0, end = y.length) {
    // y log(y/mu) - (y - mu) with log(mu) = eta (mu = exp(eta) unless clamped at eps) and
    // y log y computed once per response: no logarithm per row and iteration
    const ylogy = yLogYOf(y, false);
    let s = 0;
    const eps = +DOUBLE_EPS; // local doubles: a module constant in the select boxed a number per row
    const logEps = +LOG_EPS;
    for (let i = start; i < end; i++) {
      const yi = y[i] as number;
      const m = mu[i] as number;
      const logMu = m > eps ? (eta[i] as number) : logEps;
      // for y = 0 the expression is exactly mu (0 - 0 log mu - (0 - mu)), as R's y > 0 branch
      // gives, so no branch (counts of 0 among others would defeat branch prediction)
      s += (wt[i] as number) * ((ylogy[i] as number) - yi * logMu - (yi - m));
    }
    return 2 * s;
  },
  isValid: (_eta, mu, start, end) => positiveFiniteMu(mu, start, end),
  aic(y, wt, mu, _dev, eta) {
    // log(y!) once per distinct count (absences take few distinct values): a table for small
    // whole counts, log-gamma otherwise
    const table = new Float64Array(1024).fill(NaN);
    let s = 0;
    const eps = +DOUBLE_EPS;
    const logEps = +LOG_EPS;
    for (let i = 0; i < y.length; i++) {
      const yi = y[i] as number;
      const m = mu[i] as number;
      let lf: number;
      // an int32 index (yi | 0): indexing with the double itself boxed a number per row
      const key = yi | 0;
      if (yi < 1024 && key === yi) {
        lf = table[key] as number;
        // +: the call's result as a double, so lf stays unboxed on every path
        if (Number.isNaN(lf)) table[key] = lf = +logGamma(yi + 1);
      } else lf = +logGamma(yi + 1);
      // log(mu) is the linear predictor unless mu was clamped at machine epsilon
      const logMu = m > eps ? (eta[i] as number) : logEps;
      // y log(mu) is exactly (+/-)0 for y = 0 (log mu is finite), as R's y > 0 branch gives;
      // no branch, so counts of 0 among others do not defeat branch prediction
      s += (wt[i] as number) * (yi * logMu - m - lf);
    }
    return -2 * s;
  },
  boundaryWarning(mu) {
    for (let i = 0; i < mu.length; i++) if ((mu[i] as number) < BOUNDARY) return "fitted rates numerically 0 occurred";
    return undefined;
  },
};

/** Negative binomial family with known theta and log link, as MASS's `negative.binomial(theta)`. */
export function negativeBinomialKernel(theta: number): FamilyKernel {
  return {
    family: "negative binomial",
    link: "log",
    fixedDispersion: true,
    start(y) {
      const mu = new Float64Array(y.length);
      for (let i = 0; i < y.length; i++) mu[i] = (y[i] as number) + ((y[i] as number) === 0 ? 1 / 6 : 0);
      return mu;
    },
    startEta: (y) => Math.log(y + (y === 0 ? 1 / 6 : 0)),
    linkfun: (mu) => Math.log(mu),
    linkinv: logLinkinv,
    working(y, wt, eta, offset, mu, w, z, start = 0, end = y.length) {
      for (let i = start; i < end; i++) {
        const e = eta[i] as number;
        const m = mu[i] as number;
        w[i] = ((wt[i] as number) * m * m) / (m + (m * m) / theta);
        z[i] = e - (offset ? (offset[i] as number) : 0) + ((y[i] as number) - m) / m;
      }
    },
    muEta: logMuEta,
    deviance(y, wt, mu, eta, start = 0, end = y.length) {
      // y log(max(1, y)/mu) - (y + theta) log((y + theta)/(mu + theta)), y log max(1, y) cached
      const ylogy = yLogYOf(y, true);
      let s = 0;
      const eps = +DOUBLE_EPS;
      const logEps = +LOG_EPS;
      for (let i = start; i < end; i++) {
        const yi = y[i] as number;
        const m = mu[i] as number;
        const logMu = m > eps ? (eta[i] as number) : logEps;
        s += (wt[i] as number) * ((ylogy[i] as number) - yi * logMu - (yi + theta) * Math.log((yi + theta) / (m + theta)));
      }
      return 2 * s;
    },
    isValid: (_eta, mu, start, end) => positiveFiniteMu(mu, start, end),
    aic(y, wt, mu) {
      let s = 0;
      for (let i = 0; i < y.length; i++) {
        const yi = y[i] as number;
        const m = mu[i] as number;
        const term =
          (yi + theta) * Math.log(m + theta) - yi * Math.log(m) + logGamma(yi + 1) - theta * Math.log(theta) + logGamma(theta) - logGamma(theta + yi);
        s += term * (wt[i] as number);
      }
      return 2 * s;
    },
    boundaryWarning: poissonKernel.boundaryWarning,
  };
}
