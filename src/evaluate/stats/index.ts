/**
 * The statistical engine of the evaluation calculator: GLMs and negative binomial regression as R
 * fits them, CR1 cluster-robust errors as sandwich computes them, a design-matrix builder, and the
 * What Works Clearinghouse effect sizes. Private to `src/evaluate/` (not re-exported from the
 * package root); this file is the face the rest of the evaluate part uses.
 *
 * @packageDocumentation
 */
export type {
  ClusterIds,
  Coefficient,
  GlmFamily,
  GlmInput,
  ModelFit,
  ModelInput,
  NegativeBinomialInput,
  NumericColumn,
  ReferenceDistribution,
} from "./types.js";
export { fitGlm } from "./glm.js";
export { fitCountModels, fitNegativeBinomial } from "./negbin.js";
export type { CountModels } from "./negbin.js";
export { buildDesignMatrix } from "./design.js";
export type { DesignColumn, DesignMatrix, DesignSpec, DesignTerm } from "./design.js";
export { BASELINE_THRESHOLDS, baselineVerdict, coxIndex, hedgesG, smallSampleCorrection, summariseGroup } from "./effect-size.js";
export type { BaselineVerdict, EffectSize, GroupProportion, GroupSummary } from "./effect-size.js";
