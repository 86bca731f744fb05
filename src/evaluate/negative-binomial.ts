/**
 * The negative binomial model of absences, from the regression engine (MASS::glm.nb).
 */
import { PthvEstimationError } from "../errors/index.js";
import type { ModelFit, ModelInput } from "./stats/index.js";

/** Fits a negative binomial model with theta by maximum likelihood, as MASS::glm.nb. */
export function fitNegativeBinomialModel(input: ModelInput): ModelFit {
  void input;
  throw new PthvEstimationError("negative binomial model not available yet");
}
