/**
 * Families of the IRLS engine, each a transcription of R's `family` object (stats package,
 * `family.R` and the C code of `logit_linkinv`/`logit_mu_eta`; MASS `negative.binomial`), so that
 * iterations, clamps and deviances follow R's step for step. Every method works on a range of
 * rows (all by default). Gaussian and binomial here; the log-link families are in log-link.ts.
 */
import { logGamma } from "./distributions.js";

/** R's `.Machine$double.eps`. */
export const DOUBLE_EPS = 2.220446049250313e-16;
/** R's logit thresholds (`THRESH`, `MTHRESH` in family.c). */
const THRESH = 30;
const MTHRESH = -30;
const INVEPS = 1 / DOUBLE_EPS;

/** Column-wise family operations used by IRLS. */
export interface FamilyKernel {
  family: "gaussian" | "binomial" | "poisson" | "negative binomial";
  link: "identity" | "logit" | "log";
  /** True when the dispersion is fixed at 1 (binomial, poisson, negative binomial). */
  fixedDispersion: boolean;
  /** Starting means, as `family$initialize` sets `mustart`. */
  start(y: Float64Array, wt: Float64Array): Float64Array;
  /** g(mustart) for one response value, for families whose start depends on y alone. */
  startEta?(y: number): number;
  /** g(mu) for one value. */
  linkfun(mu: number): number;
  /** mu = g^-1(eta), elementwise over rows start..end-1 (default all). */
  linkinv(eta: Float64Array, mu: Float64Array, start?: number, end?: number): void;
  /** Working weights wt * mu.eta^2 / V(mu) and working response eta - offset + (y - mu) / mu.eta. */
  working(y: Float64Array, wt: Float64Array, eta: Float64Array, offset: Float64Array | undefined, mu: Float64Array, w: Float64Array, z: Float64Array, start?: number, end?: number): void;
  /** d mu / d eta at one linear predictor and mean. */
  muEta(eta: number, mu: number): number;
  /** Sum of `dev.resids` over rows start..end-1 (default all); `eta` must be the linear predictor of `mu`. */
  deviance(y: Float64Array, wt: Float64Array, mu: Float64Array, eta: Float64Array, start?: number, end?: number): number;
  /** `validmu(mu) && valideta(eta)` over rows start..end-1 (default all). */
  isValid(eta: Float64Array, mu: Float64Array, start?: number, end?: number): boolean;
  /** `family$aic(y, n, mu, wt, dev)` (without the 2 * rank that glm.fit adds); eta = g(mu). */
  aic(y: Float64Array, wt: Float64Array, mu: Float64Array, dev: number, eta: Float64Array): number;
  /** glm.fit's warning when fitted values reach the boundary, if they do. */
  boundaryWarning(mu: Float64Array): string | undefined;
}

/** Small whole values get a table slot: counts of absences take few distinct values. */
const TABLE_SIZE = 4096;

/**
 * out[i] = f(values[i]), computing f once per distinct whole value below 4,096 (and directly for
 * any other value): the same numbers as a plain loop, with far fewer logarithms.
 */
export function mapByValue(values: Float64Array, f: (v: number) => number, out: Float64Array): Float64Array {
  const table = new Float64Array(TABLE_SIZE).fill(NaN);
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    // (v | 0) === v: v is a whole number (cheaper than Number.isInteger on this range)
    // index by the int32 (v | 0), not by the double v: a double index boxed a number per row
    const key = v | 0;
    if (v >= 0 && v < TABLE_SIZE && key === v) {
      let r = table[key] as number;
      if (Number.isNaN(r)) table[key] = r = f(v);
      out[i] = r;
    } else out[i] = f(v);
  }
  return out;
}

const ZERO_ONE = new WeakMap<Float64Array, boolean>();

/** True when every response is 0 or 1 (checked once per response array). */
function isZeroOne(y: Float64Array): boolean {
  let known = ZERO_ONE.get(y);
  if (known === undefined) {
    known = true;
    for (let i = 0; i < y.length; i++) {
      const v = y[i] as number;
      if (v * (1 - v) !== 0) {
        known = false;
        break;
      }
    }
    ZERO_ONE.set(y, known);
  }
  return known;
}

function yLogY(y: number, mu: number): number {
  return y > 0 ? y * Math.log(y / mu) : 0;
}

/** glm.fit's eps for its boundary warnings: 10 * .Machine$double.eps. */
export const BOUNDARY = 10 * DOUBLE_EPS;

/** Gaussian family, identity link. */
export const gaussianKernel: FamilyKernel = {
  family: "gaussian",
  link: "identity",
  fixedDispersion: false,
  start: (y) => Float64Array.from(y),
  linkfun: (mu) => mu,
  linkinv(eta, mu, start = 0, end = eta.length) {
    for (let i = start; i < end; i++) mu[i] = eta[i] as number;
  },
  working(y, wt, eta, offset, mu, w, z, start = 0, end = y.length) {
    for (let i = start; i < end; i++) {
      w[i] = wt[i] as number;
      z[i] = (eta[i] as number) - (offset ? (offset[i] as number) : 0) + (y[i] as number) - (mu[i] as number);
    }
  },
  muEta: () => 1,
  deviance(y, wt, mu, _eta, start = 0, end = y.length) {
    // Gaussian deviance is the weighted residual sum of squares, whatever values y takes.
    let s = 0;
    for (let i = start; i < end; i++) {
      const r = (y[i] as number) - (mu[i] as number);
      s += (wt[i] as number) * r * r;
    }
    return s;
  },
  isValid: () => true,
  aic(y, wt, _mu, dev) {
    const n = y.length;
    let logw = 0;
    for (let i = 0; i < n; i++) logw += Math.log(wt[i] as number);
    return n * (Math.log((dev / n) * 2 * Math.PI) + 1) + 2 - logw;
  },
  boundaryWarning: () => undefined,
};

function logitMuEta(eta: number): number {
  if (eta > THRESH || eta < MTHRESH) return DOUBLE_EPS;
  const e = Math.exp(eta);
  const ope = 1 + e;
  return e / (ope * ope);
}

/** Trials below this get their log binomial coefficients from a table in the AIC. */
const CHOOSE_SIZE = 32;

/** Binomial family, logit link; y is 0/1 or a proportion of `wt` trials. */
export const binomialKernel: FamilyKernel = {
  family: "binomial",
  link: "logit",
  fixedDispersion: true,
  start(y, wt) {
    const mu = new Float64Array(y.length);
    for (let i = 0; i < y.length; i++) mu[i] = ((wt[i] as number) * (y[i] as number) + 0.5) / ((wt[i] as number) + 1);
    return mu;
  },
  linkfun: (mu) => Math.log(mu / (1 - mu)),
  linkinv(eta, mu, start = 0, end = eta.length) {
    // the clamps as local doubles: selecting between exp(e) and module constants boxed a number per row
    const low = +DOUBLE_EPS;
    const high = +INVEPS;
    for (let i = start; i < end; i++) {
      const e = eta[i] as number;
      const t = e < MTHRESH ? low : e > THRESH ? high : Math.exp(e);
      mu[i] = t / (1 + t);
    }
  },
  working(y, wt, eta, offset, mu, w, z, start = 0, end = y.length) {
    for (let i = start; i < end; i++) {
      const e = eta[i] as number;
      const m = mu[i] as number;
      // R's logit_mu_eta is exp(eta) / (1 + exp(eta))^2, which is mu (1 - mu) for the mu that
      // logit_linkinv gave: reuse mu instead of a second exp where 1 - mu keeps its precision
      // (|eta| <= 15: relative difference below 1e-9); R's own formula further out
      const me = e <= 15 && e >= -15 ? m * (1 - m) : logitMuEta(e);
      w[i] = ((wt[i] as number) * me * me) / (m * (1 - m));
      z[i] = e - (offset ? (offset[i] as number) : 0) + ((y[i] as number) - m) / me;
    }
  },
  muEta: (eta) => logitMuEta(eta),
  deviance(y, wt, mu, _eta, start = 0, end = y.length) {
    let s = 0;
    if (isZeroOne(y)) {
      // 0/1 outcomes: -log(mu) or -log(1 - mu), the operand picked by arithmetic, not a branch
      // (1 * mu + 0 * (1 - mu) is exactly mu, 0 * mu + 1 * (1 - mu) exactly 1 - mu)
      for (let i = start; i < end; i++) {
        const yi = y[i] as number;
        const m = mu[i] as number;
        s += 2 * (wt[i] as number) * -Math.log(yi * m + (1 - yi) * (1 - m));
      }
      return s;
    }
    for (let i = start; i < end; i++) {
      const yi = y[i] as number;
      const m = mu[i] as number;
      // y log(y/mu) + (1-y) log((1-y)/(1-mu)), with 0 log 0 = 0; for 0/1 outcomes one log
      s += 2 * (wt[i] as number) * (yi === 1 ? -Math.log(m) : yi === 0 ? -Math.log(1 - m) : yLogY(yi, m) + yLogY(1 - yi, 1 - m));
    }
    return s;
  },
  isValid(_eta, mu, start = 0, end = mu.length) {
    for (let i = start; i < end; i++) {
      const m = mu[i] as number;
      if (!(m > 0 && m < 1)) return false;
    }
    return true;
  },
  aic(y, wt, mu) {
    let s = 0;
    // log choose(trials, k) once per (trials, k) for up to 31 trials (usually trials = 1)
    const chooseTable = new Float64Array(CHOOSE_SIZE * CHOOSE_SIZE).fill(NaN);
    for (let i = 0; i < y.length; i++) {
      const m = wt[i] as number;
      if (!(m > 0)) continue;
      const trials = Math.round(m);
      const k = Math.round(m * (y[i] as number));
      const p = mu[i] as number;
      let logChoose: number;
      if (trials < CHOOSE_SIZE) {
        const at = trials * CHOOSE_SIZE + k;
        logChoose = chooseTable[at] as number;
        if (Number.isNaN(logChoose)) chooseTable[at] = logChoose = logGamma(trials + 1) - logGamma(k + 1) - logGamma(trials - k + 1);
      } else logChoose = logGamma(trials + 1) - logGamma(k + 1) - logGamma(trials - k + 1);
      // p lies strictly inside (0, 1) (logit_linkinv clamps), so 0 * log(p) is (+/-)0, exactly
      // what R's k > 0 branch adds; no branch on the random 0/1 outcome
      const ll = logChoose + k * Math.log(p) + (trials - k) * Math.log(1 - p);
      s += (wt[i] as number) / m * ll;
    }
    return -2 * s;
  },
  boundaryWarning(mu) {
    for (let i = 0; i < mu.length; i++) {
      const m = mu[i] as number;
      if (m > 1 - BOUNDARY || m < BOUNDARY) return "fitted probabilities numerically 0 or 1 occurred";
    }
    return undefined;
  },
};
