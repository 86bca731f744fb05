import { describe, expect, it } from "vitest";
import { buildDesignMatrix, fitGlm, fitNegativeBinomial, type ModelFit } from "../../src/evaluate/stats/index.js";
import { expectClose, readDataset, reference, type RModel } from "./fixtures.js";

const TERMS = ["visited", "priorAbsent", "priorReading", "ell", "iep", "frl", "title1", "grade"];
const DATASETS = ["basic", "school_constant", "low_counts", "huge_school", "separation", "aliased", "weighted"];

function design(name: string) {
  const { columns } = readDataset(name);
  const terms = name === "aliased" ? [...TERMS, "needs"] : TERMS;
  const matrix = buildDesignMatrix({ columns, terms });
  const days = columns.daysEnrolled as Float64Array;
  const weights = columns.w as Float64Array | undefined;
  return { columns, matrix, offset: days.map(Math.log), clusters: columns.schoolId as string[], ...(weights ? { weights } : {}) };
}

/**
 * Where R itself did not converge (complete separation: coefficients run off towards infinity,
 * information near singular) agreement is checked to 1e-5; everywhere else to 1e-6. The
 * cluster-robust errors of such a fit are rounding noise (scores of about 1e-10 times a bread of
 * about 1e8) in R as here, so they are not compared: the warnings are what the analyst must see.
 */
function compare(fit: ModelFit, r: RModel, label: string): void {
  const rel = r.converged ? 1e-6 : 1e-5;
  const aliased = typeof r.aliased === "string" ? [r.aliased] : r.aliased;
  expect(fit.aliased).toEqual(aliased);
  expect(fit.coefficients.map((c) => c.term)).toEqual(r.terms);
  fit.coefficients.forEach((c, a) => {
    expectClose(c.estimate, r.estimate[a] as number, rel, `${label} estimate ${c.term}`);
    expectClose(c.stdError, r.stdError[a] as number, rel, `${label} stdError ${c.term}`);
    expectClose(c.statistic, r.statistic[a] as number, rel, `${label} statistic ${c.term}`);
    expectClose(c.pValue, r.pValue[a] as number, rel, `${label} pValue ${c.term}`);
    expectClose(c.ciLow, r.ciLow[a] as number, rel, `${label} ciLow ${c.term}`);
    expectClose(c.ciHigh, r.ciHigh[a] as number, rel, `${label} ciHigh ${c.term}`);
  });
  expectClose(fit.deviance, r.deviance, rel, `${label} deviance`);
  expectClose(fit.logLik, r.logLik, rel, `${label} logLik`);
  expectClose(fit.aic, r.aic, rel, `${label} aic`);
  expect(fit.dfResidual).toBe(r.dfResidual);
  expect(fit.clusters).toBe(r.clusters);
  expectClose(fit.dispersion, r.dispersion, rel, `${label} dispersion`);
  if (!r.converged) return;
  const cluster = fit.clusterCoefficients ?? [];
  expect(cluster).toHaveLength(r.terms.length);
  cluster.forEach((c, a) => expectClose(c.stdError, r.clusterStdError[a] as number, rel, `${label} cluster stdError ${c.term}`));
  fit.vcovCluster?.forEach((row, a) =>
    row.forEach((v, b) => {
      const ref = (r.vcovCluster[a] as number[])[b] as number;
      // off-diagonal covariances near zero are compared on the scale of their variances
      const scale = Math.sqrt(Math.abs(((r.vcovCluster[a] as number[])[a] as number) * ((r.vcovCluster[b] as number[])[b] as number)));
      expect(Math.abs(v - ref)).toBeLessThanOrEqual(rel * scale);
    }),
  );
}

describe.each(DATASETS)("on the %s data set", (name) => {
  const refs = reference[name] as Record<string, RModel>;
  const { columns, matrix, offset, clusters, ...weights } = design(name);
  const base = { X: matrix.X, names: matrix.names, clusters, ...weights };

  it("the Poisson model with a log(daysEnrolled) offset matches R's glm and vcovCL", () => {
    const fit = fitGlm({ ...base, y: columns.daysAbsent as Float64Array, offset, family: "poisson" });
    compare(fit, refs.poisson as RModel, "poisson");
    expect(fit.iterations).toBe(refs.poisson?.iterations);
    if (name === "basic") expect(fit.warnings).toEqual([]);
    if (name === "school_constant") expect(fit.warnings.join(" ")).toMatch(/only 12 clusters/);
    if (name === "aliased") expect(fit.warnings.join(" ")).toMatch(/needs is a linear combination/);
  });

  it("the negative binomial model matches MASS::glm.nb, theta included", () => {
    const fit = fitNegativeBinomial({ ...base, y: columns.daysAbsent as Float64Array, offset });
    const r = refs.negativeBinomial as RModel;
    compare(fit, r, "negative binomial");
    expectClose(fit.theta ?? NaN, r.theta as number, 1e-6, "theta");
    expectClose(fit.thetaStdError ?? NaN, r.thetaStdError as number, 1e-6, "theta SE");
  });

  it("the negative binomial model started from a given theta reaches the same maximum", () => {
    const r = refs.negativeBinomial as RModel;
    const fit = fitNegativeBinomial({ ...base, y: columns.daysAbsent as Float64Array, offset, initTheta: 1 });
    expectClose(fit.theta ?? NaN, r.theta as number, 1e-4, "theta from initTheta 1");
    fit.coefficients.forEach((c, a) => expectClose(c.estimate, r.estimate[a] as number, 1e-4, `estimate ${c.term} from initTheta 1`));
  });

  it("the logistic model of chronic absence matches R's glm and vcovCL", () => {
    const fit = fitGlm({ ...base, y: columns.chronic as Float64Array, family: "binomial" });
    const r = refs.chronic as RModel;
    compare(fit, r, "chronic");
    expect(fit.converged).toBe(r.converged);
    expect(fit.iterations).toBe(r.iterations);
    if (!r.converged) expect(fit.warnings.join(" ")).toMatch(/did not converge/);
  });

  it("the logistic model of reading proficiency matches R's glm and vcovCL", () => {
    const fit = fitGlm({ ...base, y: columns.proficient as Float64Array, family: "binomial" });
    compare(fit, refs.proficient as RModel, "proficient");
    if (name === "separation") expect(fit.warnings.join(" ")).toMatch(/'iep' separates the outcome/);
  });

  it("the linear model of reading scores matches R's glm (t statistics) and vcovCL", () => {
    const fit = fitGlm({ ...base, y: columns.readingScore as Float64Array, family: "gaussian" });
    compare(fit, refs.readingScore as RModel, "reading score");
    expect(fit.distribution).toBe("t");
  });
});
