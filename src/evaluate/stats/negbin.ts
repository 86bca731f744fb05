/**
 * Negative binomial regression with theta estimated by maximum likelihood, alternating exactly as
 * MASS's `glm.nb` (Venables and Ripley 2002, section 7.4): a Poisson fit (or a fit at `initTheta`),
 * then theta.ml, then repeatedly an IRLS fit at the current theta started from the current means,
 * theta.ml on the means before that fit (as MASS does), and the log-likelihood, until
 * |Lm0 - Lm| / d1 + |del| / d2 <= epsilon, d1 = sqrt(2 max(1, df.residual)), d2 = 1.
 */
import { PthvEstimationError } from "../../errors/index.js";
import { describeFit } from "./describe.js";
import { DOUBLE_EPS } from "./families.js";
import { negativeBinomialKernel, poissonKernel } from "./log-link.js";
import { describeGlm, runIrls } from "./glm.js";
import type { IrlsResult } from "./irls.js";
import { groupResponse, negativeBinomialLogLik, thetaMl } from "./theta.js";
import type { ModelFit, NegativeBinomialInput } from "./types.js";
import { assertOutcomeVaries, checkModelInput, type CheckedInput } from "./validate.js";

/**
 * Fits a negative binomial regression (log link) as `MASS::glm.nb(y ~ X - 1 + offset(offset))`.
 *
 * @param input - design matrix, counts, optional offset (e.g. log days enrolled), weights, clusters.
 * @returns The fit with `theta` and `thetaStdError`; coefficients and errors are those of the last
 * IRLS fit, as glm.nb reports them; `iterations` counts the alternations.
 * @throws {PthvInputError} when the input is malformed.
 * @throws {PthvEstimationError} when nothing can be estimated.
 */
export function fitNegativeBinomial(input: NegativeBinomialInput): ModelFit {
  const checked = checkModelInput(input, "non-negative");
  assertOutcomeVaries(checked.y, "negative binomial");
  return negativeBinomialFrom(checked, input.initTheta);
}

/** The two count models of one input, sharing what they can; see {@link fitCountModels}. */
export interface CountModels {
  /** As {@link fitNegativeBinomial} on the input. */
  negativeBinomial(): ModelFit;
  /** As `fitGlm({ ...input, family: "poisson" })`. */
  poisson(): ModelFit;
}

/**
 * Poisson and negative binomial regression of the same counts on the same design, for callers
 * that report both: the input is checked once, and the Poisson fit that glm.nb starts from (when
 * no `initTheta` is given) is the Poisson model itself, so its IRLS runs once. Each model gives
 * exactly what {@link fitNegativeBinomial} and `fitGlm(..., "poisson")` give on their own; each
 * call throws what they would throw.
 *
 * @param input - as for {@link fitNegativeBinomial}.
 * @returns Two functions, each fitting (or reusing) one model when called.
 */
export function fitCountModels(input: NegativeBinomialInput): CountModels {
  let checked: CheckedInput | undefined;
  let poissonFit: IrlsResult | undefined;
  const check = (): CheckedInput => {
    if (!checked) {
      const candidate = checkModelInput(input, "non-negative");
      // the same refusal for both families (a count outcome that is 0 everywhere)
      assertOutcomeVaries(candidate.y, "poisson");
      checked = candidate;
    }
    return checked;
  };
  const poisson = (): IrlsResult => (poissonFit ??= runIrls(check(), poissonKernel));
  return {
    negativeBinomial: () => negativeBinomialFrom(check(), input.initTheta, input.initTheta === undefined ? poisson() : undefined),
    poisson: () => describeGlm(check(), poissonKernel, poisson()),
  };
}

/** glm.nb on a checked input, from its Poisson fit (or a fit at `initTheta`). */
function negativeBinomialFrom(checked: CheckedInput, initTheta: number | undefined, poissonFit?: IrlsResult): ModelFit {
  const { y, wt, maxIterations, epsilon } = checked;
  const grouped = groupResponse(y, wt);
  const plan = checked.plan;
  let fit = poissonFit ?? runIrls(checked, initTheta !== undefined ? negativeBinomialKernel(initTheta) : poissonKernel, undefined, plan);
  const extraWarnings: string[] = [];
  let mu = fit.mu;
  let etaOfMu = fit.eta;
  let th = thetaMl(y, mu, wt, grouped, maxIterations);
  let allConverged = fit.converged;
  const d1 = Math.sqrt(2 * Math.max(1, checked.n - fit.kept.length));
  const d2 = 1;
  let del = 1;
  let Lm = negativeBinomialLogLik(y, mu, etaOfMu, wt, grouped, th.theta);
  let Lm0 = Lm + 2 * d1;
  let iter = 0;
  let kernel = negativeBinomialKernel(th.theta);
  while (++iter <= maxIterations && Math.abs(Lm0 - Lm) / d1 + Math.abs(del) / d2 > epsilon) {
    // g(mu) = log(mu): the previous fit's linear predictor, unless mu was clamped at epsilon
    const eta = new Float64Array(mu.length);
    for (let i = 0; i < mu.length; i++) eta[i] = (mu[i] as number) > DOUBLE_EPS ? (etaOfMu[i] as number) : Math.log(mu[i] as number);
    fit = runIrls(checked, kernel, eta, plan);
    allConverged = fit.converged;
    const t0 = th.theta;
    th = thetaMl(y, mu, wt, grouped, maxIterations);
    kernel = negativeBinomialKernel(th.theta);
    mu = fit.mu;
    etaOfMu = fit.eta;
    del = t0 - th.theta;
    Lm0 = Lm;
    Lm = negativeBinomialLogLik(y, mu, etaOfMu, wt, grouped, th.theta);
  }
  const alternations = Math.min(iter, maxIterations + 1) - 1;
  const withinLimit = iter <= maxIterations;
  if (!withinLimit) extraWarnings.push(`the alternation between the coefficients and theta reached its limit of ${maxIterations}: theta and the estimates may be unreliable`);
  if (th.warning !== undefined) extraWarnings.push(`${th.warning}: theta may be unreliable`);
  if (th.theta > 1e5) extraWarnings.push("theta is very large: the counts show no overdispersion, and a Poisson model gives the same estimates");
  if (!Number.isFinite(th.theta) || !Number.isFinite(Lm)) {
    throw new PthvEstimationError("theta could not be estimated (the counts fit their means exactly or not at all): use the Poisson model");
  }
  const rank = fit.kept.length;
  const thetaSe = Number.isFinite(th.stdError) ? { thetaStdError: th.stdError } : {};
  if (!Number.isFinite(th.stdError)) extraWarnings.push("the standard error of theta could not be computed (the likelihood is flat in theta)");
  return describeFit(checked, kernel, fit, {
    logLik: Lm,
    aic: -2 * Lm + 2 * rank + 2,
    theta: th.theta,
    ...thetaSe,
    iterations: alternations,
    converged: withinLimit && allConverged,
    extraWarnings,
  });
}
