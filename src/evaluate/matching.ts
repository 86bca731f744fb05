/**
 * The matched design: a propensity score from a logistic regression of `visited` on the
 * covariates (MatchIt's `distance = "glm"`), then 1:1 nearest-neighbour matching without
 * replacement within a caliper (see nearest-match.ts). Effects are estimated on the matched sample.
 */
import { PthvEstimationError } from "../errors/index.js";
import { buildDesign, gather, type DesignMatrix } from "./design-matrix.js";
import type { StudentFrame } from "./frame.js";
import { nearestMatch } from "./nearest-match.js";
import type { MatchingSummary, ModelReport } from "./report.js";
import { fitGlm, type ModelFit } from "./stats/index.js";

/** Fitted probabilities of a logistic model: plogis(X beta) over the estimable columns. */
function fittedProbabilities(design: DesignMatrix, fit: ModelFit): Float64Array {
  const n = design.rows.length;
  const eta = new Float64Array(n);
  for (const c of fit.coefficients) {
    const j = design.names.indexOf(c.term);
    const x = design.X.subarray(j * n, (j + 1) * n);
    for (let i = 0; i < n; i++) eta[i] = eta[i]! + c.estimate * x[i]!;
  }
  for (let i = 0; i < n; i++) eta[i] = 1 / (1 + Math.exp(-eta[i]!));
  return eta;
}

/** The matched sample as a row mask, and how it was built. */
export function matchStudents(
  frame: StudentFrame,
  rows: Int32Array,
  covariates: readonly string[],
  label: (name: string) => string,
  caliper: number,
  level: number,
): { mask: Uint8Array; summary: Omit<MatchingSummary, "model" | "unmatchedTreated" | "treated" | "pairs"> & { unmatchedTreated: number; treated: number; pairs: number }; fit: ModelFit; design: DesignMatrix } {
  if (covariates.length === 0) throw new PthvEstimationError("the matched design needs covariates to estimate the propensity score: give covariates measured before the visits");
  const design = buildDesign(frame, rows, [], covariates, label);
  const treat = gather(frame.visited, rows);
  const fit = fitGlm({ X: design.X, names: design.names, y: treat, family: "binomial", level });
  const distance = fittedProbabilities(design, fit);
  const match = nearestMatch(distance, treat, caliper);
  if (match.pairs === 0) throw new PthvEstimationError("no visited student found a comparison student within the caliper: widen the caliper or use the observational design");
  const mask = new Uint8Array(frame.n);
  match.controlOf.forEach((c, t) => {
    if (c < 0) return;
    mask[rows[match.treatedRows[t]!]!] = 1;
    mask[rows[c]!] = 1;
  });
  return {
    mask,
    fit,
    design,
    summary: {
      method: "1:1 nearest neighbour without replacement, largest propensity first (MatchIt method = \"nearest\", m.order = \"largest\")",
      propensityModel: "logistic regression of visited on the covariates (MatchIt distance = \"glm\")",
      caliper,
      caliperWidth: match.caliperWidth,
      treated: match.treatedRows.length,
      pairs: match.pairs,
      unmatchedTreated: match.unmatchedTreated,
    },
  };
}

/** The propensity model as a report entry. */
export function propensityReport(fit: ModelFit): ModelReport {
  return {
    id: "propensity.logistic",
    outcome: "visited",
    family: fit.family,
    link: fit.link,
    sample: "students with every covariate",
    n: fit.n,
    clusters: null,
    standardErrors: "model-based",
    coefficients: fit.coefficients,
    modelBased: fit.coefficients,
    converged: fit.converged,
    iterations: fit.iterations,
    theta: null,
    aliased: fit.aliased,
    warnings: fit.warnings,
  };
}
