/**
 * Generalised linear models (gaussian/identity, binomial/logit, poisson/log) fitted as R's
 * `glm()` fits them. Reference: R Core Team, `glm`, `summary.glm`, `logLik.glm` (stats).
 */
import { PthvEstimationError } from "../../errors/index.js";
import type { CrossProductPlan } from "./crossprod.js";
import { describeFit } from "./describe.js";
import { binomialKernel, gaussianKernel, type FamilyKernel } from "./families.js";
import { poissonKernel } from "./log-link.js";
import { irls, IrlsFailure, type IrlsResult } from "./irls.js";
import type { GlmFamily, GlmInput, ModelFit } from "./types.js";
import { assertOutcomeVaries, checkModelInput, type CheckedInput } from "./validate.js";

const KERNELS: Record<GlmFamily, FamilyKernel> = { gaussian: gaussianKernel, binomial: binomialKernel, poisson: poissonKernel };

/** Runs IRLS on a checked input, turning R's stops into typed errors. */
export function runIrls(input: CheckedInput, kernel: FamilyKernel, etaStart?: Float64Array, plan?: CrossProductPlan): IrlsResult {
  try {
    return irls({
      X: input.X,
      n: input.n,
      p: input.p,
      y: input.y,
      wt: input.wt,
      offset: input.offset,
      kernel,
      ...(etaStart ? { etaStart } : {}),
      plan: plan ?? input.plan,
      maxIterations: input.maxIterations,
      epsilon: input.epsilon,
    });
  } catch (error) {
    if (error instanceof IrlsFailure) throw new PthvEstimationError(`the ${kernel.family} model could not be fitted: ${error.message}`);
    throw error;
  }
}

/**
 * Fits a generalised linear model by IRLS, exactly as R's `glm(y ~ X - 1, family, offset,
 * weights)` with the columns of `X` (include an `(Intercept)` column of ones for an intercept).
 *
 * @param input - design matrix (column-major), response, family, optional offset, weights, clusters.
 * @returns Coefficients with model-based errors (t for gaussian, z otherwise) and, when clusters
 * are given, CR1 cluster-robust errors; deviance, log-likelihood, AIC, convergence and warnings.
 * @throws {PthvInputError} when the input is malformed (every problem listed).
 * @throws {PthvEstimationError} when nothing can be estimated.
 *
 * Worked example (checkable by hand): y = 1, 2, 4 on an intercept and x = 0, 1, 2 (gaussian)
 * gives slope Sxy/Sxx = 3/2, intercept 5/6, residual deviance 1/6 on 1 degree of freedom and a
 * slope standard error of sqrt((1/6) / 2) = 0.2887.
 */
export function fitGlm(input: GlmInput): ModelFit {
  const kernel = KERNELS[input.family];
  const checked = checkModelInput(input, input.family === "binomial" ? "unit-interval" : input.family === "poisson" ? "non-negative" : "any");
  assertOutcomeVaries(checked.y, input.family);
  return describeGlm(checked, kernel, runIrls(checked, kernel));
}

/** The {@link ModelFit} of a GLM fitted by {@link runIrls}: glm's AIC and log-likelihood. */
export function describeGlm(checked: CheckedInput, kernel: FamilyKernel, fit: IrlsResult): ModelFit {
  const rank = fit.kept.length;
  const aic = kernel.aic(checked.y, checked.wt, fit.mu, fit.deviance, fit.eta) + 2 * rank;
  const p = kernel.fixedDispersion ? rank : rank + 1;
  return describeFit(checked, kernel, fit, {
    logLik: p - aic / 2,
    aic,
    iterations: fit.iterations,
    converged: fit.converged,
    extraWarnings: [],
  });
}
