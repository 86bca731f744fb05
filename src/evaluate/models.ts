/**
 * The outcome models and the effects read from them: count models with a log(daysEnrolled)
 * offset (rate ratio, "N% fewer absences"), logistic models (odds ratio, average marginal effect
 * in percentage points) and linear models (difference in points, Hedges' g).
 */
import { PthvEstimationError } from "../errors/index.js";
import { fitCountModels, fitGlm, smallSampleCorrection, type Coefficient, type ModelFit } from "./stats/index.js";
import { buildDesign, gather, gatherClusters, type DesignCache, type TreatmentColumn } from "./design-matrix.js";
import type { StudentFrame } from "./frame.js";
import type { OutcomeColumn } from "./outcomes.js";
import type { Effect, ModelReport, ReportWarning } from "./report.js";
import { averageMarginalEffect } from "./marginal-effect.js";
import { standardNormalQuantile } from "./normal.js";

/** What a model needs beyond the frame. */
export interface ModelSpec {
  frame: StudentFrame;
  outcome: OutcomeColumn;
  rows: Int32Array;
  /** Treatment columns; the first is the one whose effect is reported. */
  treatments: readonly TreatmentColumn[];
  covariates: readonly string[];
  label: (name: string) => string;
  clusterName: string;
  sample: string;
  level: number;
  minClusters: number;
  /** Prefix of model ids, e.g. `schools.` */
  idPrefix?: string;
  /** Who the effect is about, for the plain-English statements. Default `visited students`. */
  subject?: string;
  /** Shares design matrices between outcomes analysed on the same students. */
  designs?: DesignCache;
}

/** Models, effects and warnings of one outcome. */
export interface OutcomeModels {
  models: ModelReport[];
  effects: Effect[];
  warnings: ReportWarning[];
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const BEING: Record<string, string> = { chronicAbsence: "chronically absent", readingProficiency: "reading at or above grade level" };

/** The coefficient table and covariance the report leads with: cluster-robust when available. */
function primary(fit: ModelFit): { table: Coefficient[]; vcov: number[][] } {
  if (fit.clusterCoefficients && fit.vcovCluster) return { table: fit.clusterCoefficients, vcov: fit.vcovCluster };
  return { table: fit.coefficients, vcov: fit.vcov };
}

function warningCode(message: string): string {
  if (/converge/.test(message)) return "non-convergence";
  if (/separation/.test(message)) return "separation";
  if (/linear combination/.test(message)) return "rank-deficient";
  if (/cluster/.test(message)) return "few-clusters";
  return "model";
}

function toReport(id: string, spec: ModelSpec, fit: ModelFit): ModelReport {
  const p = primary(fit);
  return {
    id,
    outcome: spec.outcome.name,
    family: fit.family,
    link: fit.link,
    sample: spec.sample,
    n: fit.n,
    clusters: fit.clusters ?? null,
    standardErrors: p.table === fit.coefficients ? "model-based" : `cluster-robust CR1 (sandwich::vcovCL type HC1) by ${spec.clusterName}`,
    coefficients: p.table,
    modelBased: fit.coefficients,
    converged: fit.converged,
    iterations: fit.iterations,
    theta: fit.theta ?? null,
    aliased: fit.aliased,
    warnings: fit.warnings,
  };
}

/** Fits the models of one outcome on its sample and reads the treatment's effect from them. */
export function fitOutcomeModels(spec: ModelSpec): OutcomeModels {
  const { frame, outcome, rows } = spec;
  const design = (spec.designs ?? { get: buildDesign }).get(frame, rows, spec.treatments, spec.covariates, spec.label);
  const y = gather(outcome.values, rows);
  const clusters = gatherClusters(frame, rows);
  const common = { X: design.X, names: design.names, y, clusters, level: spec.level, minClusters: spec.minClusters };
  const treatment = spec.treatments[0]!.name;
  const prefix = `${spec.idPrefix ?? ""}${outcome.name}`;
  const result: OutcomeModels = { models: [], effects: [], warnings: [] };
  const record = (id: string, fitModel: () => ModelFit) => {
    let fit: ModelFit;
    try {
      fit = fitModel();
    } catch (error) {
      if (!(error instanceof PthvEstimationError)) throw error;
      result.warnings.push({ code: "not-estimated", message: `${id} could not be estimated: ${error.message}`, model: id });
      return undefined;
    }
    const report = toReport(id, spec, fit);
    result.models.push(report);
    for (const w of fit.warnings) result.warnings.push({ code: warningCode(w), message: w, model: id });
    const coef = report.coefficients.find((c) => c.term === treatment);
    if (!coef) {
      result.warnings.push({ code: "no-estimate", message: `${treatment} could not be estimated in ${id} (it is collinear with the covariates)`, model: id });
    }
    return { report, coef, fit };
  };
  const base = { source: "", standardErrors: "", n: rows.length, outcome: outcome.name };
  const subject = spec.subject ?? "visited students";
  const ci = `${Math.round(spec.level * 100)}% CI`;

  if (outcome.kind === "count") {
    const offset = new Float64Array(rows.length);
    for (let i = 0; i < rows.length; i++) offset[i] = Math.log(frame.daysEnrolled[rows[i]!]!);
    // one check of the input and one Poisson IRLS for both models (glm.nb starts from it)
    const counts = fitCountModels({ ...common, offset });
    const fits: [string, () => ModelFit][] = [
      [`${prefix}.negative-binomial`, counts.negativeBinomial],
      [`${prefix}.poisson`, counts.poisson],
    ];
    for (const [id, fit] of fits) {
      const fitted = record(id, fit);
      if (!fitted?.coef) continue;
      const { report, coef } = fitted;
      const model = id.endsWith("poisson") ? "Poisson" : "negative binomial";
      const irr = Math.exp(coef.estimate);
      const fewer = 1 - irr;
      result.effects.push(
        { ...base, measure: "incidence rate ratio", estimate: irr, ciLow: Math.exp(coef.ciLow), ciHigh: Math.exp(coef.ciHigh), pValue: coef.pValue, source: id, standardErrors: report.standardErrors, statement: `${model}: the absence rate of ${subject} was ${irr.toFixed(3)} times that of comparable students (${ci} ${Math.exp(coef.ciLow).toFixed(3)} to ${Math.exp(coef.ciHigh).toFixed(3)})` },
        {
          ...base,
          measure: "fewer absences (1 - IRR)",
          estimate: fewer,
          ciLow: 1 - Math.exp(coef.ciHigh),
          ciHigh: 1 - Math.exp(coef.ciLow),
          pValue: coef.pValue,
          source: id,
          standardErrors: report.standardErrors,
          statement: `${model}: ${subject} had ${pct(Math.abs(fewer))} ${fewer >= 0 ? "fewer" : "more"} absences than comparable students (${ci} ${pct(1 - Math.exp(coef.ciHigh))} to ${pct(1 - Math.exp(coef.ciLow))} fewer)`,
        },
      );
    }
    return result;
  }

  if (outcome.kind === "binary") {
    const id = `${prefix}.logistic`;
    const fitted = record(id, () => fitGlm({ ...common, family: "binomial" }));
    if (!fitted?.coef) return result;
    const { report, coef, fit } = fitted;
    result.effects.push({ ...base, measure: "odds ratio", estimate: Math.exp(coef.estimate), ciLow: Math.exp(coef.ciLow), ciHigh: Math.exp(coef.ciHigh), pValue: coef.pValue, source: id, standardErrors: report.standardErrors, statement: `the odds of being ${BEING[outcome.name] ?? outcome.name} for ${subject} were ${Math.exp(coef.estimate).toFixed(3)} times those of comparable students` });
    const p = primary(fit);
    const ame = averageMarginalEffect(design, report.coefficients, p.vcov, treatment);
    const z = standardNormalQuantile(1 - (1 - spec.level) / 2);
    const lo = ame.estimate - z * ame.stdError;
    const hi = ame.estimate + z * ame.stdError;
    result.effects.push({
      ...base,
      measure: "average marginal effect (percentage points)",
      estimate: 100 * ame.estimate,
      ciLow: 100 * lo,
      ciHigh: 100 * hi,
      pValue: ame.pValue,
      source: id,
      standardErrors: report.standardErrors,
      statement: `${subject} were ${Math.abs(100 * ame.estimate).toFixed(1)} percentage points ${ame.estimate <= 0 ? "less" : "more"} likely to be ${BEING[outcome.name] ?? outcome.name} than comparable students (${ci} ${(100 * lo).toFixed(1)} to ${(100 * hi).toFixed(1)})`,
    });
    return result;
  }

  const id = `${prefix}.linear`;
  const fitted = record(id, () => fitGlm({ ...common, family: "gaussian" }));
  if (!fitted?.coef) return result;
  const { report, coef } = fitted;
  result.effects.push({ ...base, measure: "difference (points)", estimate: coef.estimate, ciLow: coef.ciLow, ciHigh: coef.ciHigh, pValue: coef.pValue, source: id, standardErrors: report.standardErrors, statement: `${subject} scored ${Math.abs(coef.estimate).toFixed(1)} points ${coef.estimate >= 0 ? "higher" : "lower"} in reading than comparable students (${ci} ${coef.ciLow.toFixed(1)} to ${coef.ciHigh.toFixed(1)})` });
  const g = adjustedHedgesG(y, design.X.subarray(rows.length, 2 * rows.length));
  if (g !== undefined) {
    result.effects.push({
      ...base,
      measure: "Hedges' g (adjusted difference / pooled SD)",
      estimate: coef.estimate * g,
      ciLow: coef.ciLow * g,
      ciHigh: coef.ciHigh * g,
      pValue: coef.pValue,
      source: id,
      standardErrors: report.standardErrors,
      statement: `an effect size of ${(coef.estimate * g).toFixed(3)} standard deviations (What Works Clearinghouse Hedges' g)`,
    });
  }
  return result;
}

/**
 * The factor turning an adjusted difference into Hedges' g: the small-sample correction
 * omega = 1 - 3 / (4N - 9) over the pooled within-group standard deviation of the outcome
 * (What Works Clearinghouse Procedures and Standards Handbook, version 5.0, appendix E).
 */
function adjustedHedgesG(y: Float64Array, treat: Float64Array): number | undefined {
  let n1 = 0;
  let sum1 = 0;
  let sum0 = 0;
  for (let i = 0; i < y.length; i++) {
    if (treat[i] === 1) {
      n1++;
      sum1 += y[i]!;
    } else sum0 += y[i]!;
  }
  const n0 = y.length - n1;
  if (n0 < 2 || n1 < 2) return undefined;
  const mean1 = sum1 / n1;
  const mean0 = sum0 / n0;
  let ss = 0;
  for (let i = 0; i < y.length; i++) ss += (y[i]! - (treat[i] === 1 ? mean1 : mean0)) ** 2;
  const N = y.length;
  const pooled = Math.sqrt(ss / (N - 2));
  if (!(pooled > 0)) return undefined;
  return smallSampleCorrection(N) / pooled;
}
