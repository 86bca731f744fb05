/**
 * Iteratively reweighted least squares, step for step as R's `glm.fit` (stats package): same
 * starting values, same working weights and response, same step halving when the deviance is not
 * finite or the fitted values leave the family's range, and the same convergence rule
 * |dev - dev_old| / (|dev| + 0.1) < epsilon. Reference: R Core Team, `glm.fit` in
 * src/library/stats/R/glm.R; McCullagh and Nelder (1989), Generalized Linear Models, section 2.5.
 */
import type { FamilyKernel } from "./families.js";
import { CROSS_PRODUCT_BLOCK, planCrossProduct, weightedCrossProduct, type CrossProductPlan } from "./crossprod.js";
import { choleskyInverse, choleskySolve, pivotedCholesky, type PivotedCholesky } from "./linalg.js";

/** What IRLS needs; arrays are read, never written. */
export interface IrlsProblem {
  X: Float64Array;
  n: number;
  p: number;
  y: Float64Array;
  wt: Float64Array;
  offset: Float64Array | undefined;
  kernel: FamilyKernel;
  /** Starting linear predictor (MASS passes the previous fit's); otherwise from `kernel.start`. */
  etaStart?: Float64Array;
  maxIterations: number;
  epsilon: number;
  /** Cross-product plan of X, when the caller fits the same X repeatedly (negative binomial). */
  plan?: CrossProductPlan;
}

/** The state at convergence (or at the iteration limit). */
export interface IrlsResult {
  /** Coefficients of all p columns; aliased columns hold 0 (they do not enter eta). */
  beta: Float64Array;
  /** Column indices kept and aliased by the last weighted least-squares fit. */
  kept: number[];
  aliased: number[];
  /** (X'WX)^-1 over the kept columns, W the working weights of the last iteration (`cov.unscaled`). */
  covUnscaled: Float64Array;
  eta: Float64Array;
  mu: Float64Array;
  /** Working weights of the last iteration (`fit$weights`). */
  w: Float64Array;
  deviance: number;
  converged: boolean;
  iterations: number;
  /** True when a step had to be halved (R's `boundary`). */
  boundary: boolean;
  /** How X's columns were classified (reused for the cluster scores). */
  plan: CrossProductPlan;
}

/** Thrown inside the engine when R would stop (no valid start, step halving failed). */
export class IrlsFailure extends Error {}

/**
 * eta = X beta + offset, mu = g^-1(eta), and the deviance, in one pass block by block (each block
 * of eta and mu is used while still in cache). Returns the deviance, or NaN when some fitted value
 * is outside the family's range (R's validmu/valideta).
 */
function update(problem: IrlsProblem, plan: CrossProductPlan, beta: Float64Array, eta: Float64Array, mu: Float64Array): number {
  const { X, n, y, wt, offset, kernel } = problem;
  let dev = 0;
  let valid = true;
  let constant = 0;
  for (const u of plan.units) constant += beta[u] as number;
  const { codes, patterned } = plan;
  let patternEffect: Float64Array | undefined;
  if (patterned.some((a) => (beta[a] as number) !== 0)) {
    patternEffect = new Float64Array(plan.patterns);
    for (let pattern = 0; pattern < plan.patterns; pattern++) {
      let s = 0;
      for (let b = 0; b < patterned.length; b++) if ((pattern >> b) & 1) s += beta[patterned[b] as number] as number;
      patternEffect[pattern] = s;
    }
  }
  for (let start = 0, bl = 0; start < n; start += CROSS_PRODUCT_BLOCK, bl++) {
    const end = Math.min(n, start + CROSS_PRODUCT_BLOCK);
    if (offset) for (let i = start; i < end; i++) eta[i] = (offset[i] as number) + constant;
    else for (let i = start; i < end; i++) eta[i] = constant;
    for (const j of plan.dense) {
      const b = beta[j] as number;
      if (b === 0) continue;
      const off = j * n;
      for (let i = start; i < end; i++) eta[i] = (eta[i] as number) + b * (X[off + i] as number);
    }
    // the 0/1 columns coded in patterns add one looked-up value per row
    if (patternEffect) for (let i = start; i < end; i++) eta[i] = (eta[i] as number) + (patternEffect[codes[i] as number] as number);
    kernel.linkinv(eta, mu, start, end);
    if (valid && !kernel.isValid(eta, mu, start, end)) valid = false;
    dev += kernel.deviance(y, wt, mu, eta, start, end);
  }
  return valid ? dev : NaN;
}

/** Rows per table of {@link startFromResponse}: small whole counts. */
const START_TABLE = 4096;

/**
 * The starting eta = g(mustart(y)) and mu = g^-1(eta) of a family whose start depends on y alone,
 * computed once per distinct small whole y (counts take few values): the same numbers as the
 * kernel's own loops, without a logarithm and an exponential per row.
 */
function startFromResponse(y: Float64Array, kernel: FamilyKernel, eta: Float64Array, mu: Float64Array): void {
  const startEta = kernel.startEta as (y: number) => number;
  const etaTable = new Float64Array(START_TABLE).fill(NaN);
  const muTable = new Float64Array(START_TABLE);
  const one = new Float64Array(1);
  const oneMu = new Float64Array(1);
  const muOf = (e: number): number => {
    one[0] = e;
    kernel.linkinv(one, oneMu, 0, 1);
    return oneMu[0] as number;
  };
  for (let i = 0; i < y.length; i++) {
    const v = y[i] as number;
    // an int32 index (v | 0): indexing by the double v boxed a number per row
    const key = v | 0;
    if (v >= 0 && v < START_TABLE && key === v) {
      let e = etaTable[key] as number;
      if (Number.isNaN(e)) {
        etaTable[key] = e = startEta(v);
        muTable[key] = muOf(e);
      }
      eta[i] = e;
      mu[i] = muTable[key] as number;
    } else {
      const e = startEta(v);
      eta[i] = e;
      mu[i] = muOf(e);
    }
  }
}

/** Fits one GLM by IRLS. */
export function irls(problem: IrlsProblem): IrlsResult {
  const { X, n, p, y, wt, offset, kernel, maxIterations, epsilon } = problem;
  const eta = new Float64Array(n);
  const mu = new Float64Array(n);
  if (problem.etaStart) {
    eta.set(problem.etaStart);
    kernel.linkinv(eta, mu);
  } else if (kernel.startEta) startFromResponse(y, kernel, eta, mu);
  else {
    const mustart = kernel.start(y, wt);
    for (let i = 0; i < n; i++) eta[i] = kernel.linkfun(mustart[i] as number);
    kernel.linkinv(eta, mu);
  }
  if (!kernel.isValid(eta, mu)) throw new IrlsFailure("cannot find valid starting values");
  let devold = kernel.deviance(y, wt, mu, eta);
  const w = new Float64Array(n);
  const z = new Float64Array(n);
  const plan = problem.plan ?? planCrossProduct(X, n, Array.from({ length: p }, (_, j) => j));
  const xtwx = new Float64Array(p * p);
  const xtwz = new Float64Array(p);
  let beta = new Float64Array(p);
  let coefold: Float64Array | undefined;
  let factor: PivotedCholesky | undefined;
  let dev = devold;
  let converged = false;
  let boundary = false;
  let iterations = 0;
  for (let iter = 1; iter <= maxIterations; iter++) {
    iterations = iter;
    weightedCrossProduct(X, plan, w, z, xtwx, xtwz, (start, end) => kernel.working(y, wt, eta, offset, mu, w, z, start, end));
    factor = pivotedCholesky(xtwx, p);
    const solved = choleskySolve(factor, xtwz);
    beta = new Float64Array(p);
    factor.kept.forEach((j, a) => (beta[j] = solved[a] as number));
    // NaN from update() stands for "outside the family's range"; R halves the step in both cases
    dev = update(problem, plan, beta, eta, mu);
    boundary = false;
    if (!Number.isFinite(dev)) {
      if (!coefold) throw new IrlsFailure("no valid set of coefficients has been found: please supply starting values");
      let halvings = 0;
      while (!Number.isFinite(dev)) {
        if (++halvings > maxIterations) throw new IrlsFailure("inner loop; cannot correct step size");
        for (let j = 0; j < p; j++) beta[j] = ((beta[j] as number) + (coefold[j] as number)) / 2;
        dev = update(problem, plan, beta, eta, mu);
      }
      boundary = true;
    }
    if (Math.abs(dev - devold) / (Math.abs(dev) + 0.1) < epsilon) {
      converged = true;
      break;
    }
    devold = dev;
    coefold = beta;
  }
  if (!factor) throw new IrlsFailure("no iterations were run");
  return {
    beta,
    kept: factor.kept,
    aliased: factor.aliased,
    covUnscaled: choleskyInverse(factor),
    eta,
    mu,
    w,
    deviance: dev,
    converged,
    iterations,
    boundary,
    plan,
  };
}
