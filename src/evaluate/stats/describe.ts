/**
 * Turns the engine's state at convergence into a {@link ModelFit}: coefficient tables,
 * covariances and the warnings that explain anything doubtful.
 */
import { PthvEstimationError } from "../../errors/index.js";
import type { FamilyKernel } from "./families.js";
import { clusterCovariance, coefficientTable, toNested } from "./inference.js";
import type { IrlsResult } from "./irls.js";
import { separationWarnings } from "./separation.js";
import type { ModelFit } from "./types.js";
import type { CheckedInput } from "./validate.js";

/** Likelihood figures the caller computes (they differ between glm and glm.nb). */
export interface FitLikelihood {
  logLik: number;
  aic: number;
  theta?: number;
  thetaStdError?: number;
  iterations: number;
  converged: boolean;
  extraWarnings: string[];
}

/**
 * A log-link coefficient above 10 in size with an error more than 5 times larger: typically a
 * group of students whose counts are all zero (the rate ratio runs off towards 0 or infinity).
 */
function runawayLogCoefficients(input: CheckedInput, fit: IrlsResult): string[] {
  const r = fit.kept.length;
  return fit.kept.flatMap((j, a) => {
    const estimate = fit.beta[j] as number;
    const se = Math.sqrt(fit.covUnscaled[a * r + a] as number);
    return Math.abs(estimate) > 10 && se > 5 * Math.abs(estimate)
      ? [`'${input.names[j] as string}' has a coefficient of ${estimate.toFixed(1)} on the log scale with an error ${Math.round(se / Math.abs(estimate))} times larger: probably a group whose counts are all zero, so its estimate is not meaningful`]
      : [];
  });
}

/** Throws when nothing at all could be estimated. */
export function assertEstimable(fit: IrlsResult, input: CheckedInput): void {
  if (fit.kept.length === 0) {
    throw new PthvEstimationError("every column of the design matrix is zero or constant zero-weight: no coefficient can be estimated");
  }
  if (input.n - fit.kept.length <= 0) {
    throw new PthvEstimationError(`${input.n} observations for ${fit.kept.length} coefficients: no residual degrees of freedom, so no standard error can be estimated; use fewer covariates or more data`);
  }
}

/** Builds the plain result. */
export function describeFit(input: CheckedInput, kernel: FamilyKernel, fit: IrlsResult, like: FitLikelihood): ModelFit {
  assertEstimable(fit, input);
  const { n, y, level } = input;
  const r = fit.kept.length;
  const terms = fit.kept.map((j) => input.names[j] as string);
  const estimates = fit.kept.map((j) => fit.beta[j] as number);
  const dfResidual = n - r;
  let dispersion = 1;
  if (!kernel.fixedDispersion) {
    let s = 0;
    for (let i = 0; i < n; i++) {
      const res = ((y[i] as number) - (fit.mu[i] as number)) / kernel.muEta(fit.eta[i] as number, fit.mu[i] as number);
      s += (fit.w[i] as number) * res * res;
    }
    dispersion = s / dfResidual;
    // summary.lm's "essentially perfect fit" test: residual variance below 1e-30 of the fitted
    // values' mean square plus variance
    let mean = 0;
    for (let i = 0; i < n; i++) mean += fit.mu[i] as number;
    mean /= n;
    let variance = 0;
    for (let i = 0; i < n; i++) variance += ((fit.mu[i] as number) - mean) ** 2;
    variance /= Math.max(1, n - 1);
    if (!(dispersion > (mean * mean + variance) * 1e-30)) {
      throw new PthvEstimationError("the covariates reproduce the outcome exactly (zero residual variance): no standard error can be estimated; check that the outcome is not among the covariates");
    }
  }
  const vcov = fit.covUnscaled.map((v) => v * dispersion);
  const distribution = kernel.fixedDispersion ? "z" : "t";
  const warnings: string[] = [];
  if (!like.converged) warnings.push(`the fitting algorithm did not converge in ${like.iterations} iterations: the estimates are unreliable`);
  const boundaryWarning = kernel.boundaryWarning(fit.mu);
  if (boundaryWarning !== undefined) {
    warnings.push(
      kernel.family === "binomial"
        ? `${boundaryWarning}: perfect or quasi-complete separation is likely (a covariate or combination predicts the outcome exactly for some students), so the coefficients involved and their errors are not meaningful; drop or coarsen that covariate`
        : `${boundaryWarning}: some expected counts are essentially zero; check for a covariate that predicts zero counts exactly`,
    );
  }
  if (kernel.family === "binomial") warnings.push(...separationWarnings(input, fit));
  if (kernel.link === "log") warnings.push(...runawayLogCoefficients(input, fit));
  if (fit.boundary) warnings.push("a step was halved to keep fitted values inside the family's range: check the estimates");
  const aliased = fit.aliased.map((j) => input.names[j] as string);
  if (aliased.length > 0) {
    warnings.push(`${aliased.join(", ")} ${aliased.length === 1 ? "is a linear combination" : "are linear combinations"} of other columns and ${aliased.length === 1 ? "was" : "were"} dropped (R reports NA): the data cannot separate ${aliased.length === 1 ? "its" : "their"} effect from the others`);
  }
  warnings.push(...like.extraWarnings);
  const result: ModelFit = {
    family: kernel.family,
    link: kernel.link,
    n,
    rank: r,
    coefficients: coefficientTable(terms, estimates, vcov, distribution, dfResidual, level),
    distribution,
    vcov: toNested(vcov, r),
    level,
    converged: like.converged,
    iterations: like.iterations,
    deviance: fit.deviance,
    logLik: like.logLik,
    aic: like.aic,
    dfResidual,
    dispersion,
    warnings,
    aliased,
  };
  if (like.theta !== undefined) result.theta = like.theta;
  if (like.thetaStdError !== undefined) result.thetaStdError = like.thetaStdError;
  if (input.clusters) {
    const G = input.clusters.count;
    result.clusters = G;
    if (G < 2) {
      warnings.push("all observations are in one cluster: cluster-robust standard errors cannot be computed; only model-based errors are reported");
    } else {
      const vcl = clusterCovariance(input.X, n, y, fit, kernel, input.clusters);
      result.vcovCluster = toNested(vcl, r);
      result.clusterCoefficients = coefficientTable(terms, estimates, vcl, "z", Infinity, level);
      if (G < input.minClusters) {
        warnings.push(`only ${G} clusters: cluster-robust (CR1) standard errors are unreliable with fewer than ${input.minClusters} clusters and tend to be too small; read their intervals with caution`);
      }
      if (G <= r) warnings.push(`${G} clusters for ${r} coefficients: the cluster-robust covariance is singular, so some combinations of coefficients have no usable error`);
    }
  }
  return result;
}
