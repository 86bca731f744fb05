/**
 * Inputs and results of the regression engine. Results are plain JSON-serialisable objects: no
 * typed arrays, no NaN (aliased terms are listed by name instead of carrying NA coefficients).
 */

/** Error distribution and link of a generalised linear model. Links are the canonical ones. */
export type GlmFamily = "gaussian" | "binomial" | "poisson";

/** Cluster membership: integer codes (any values; only equality matters) or labels. */
export type ClusterIds = Int32Array | readonly (string | number)[];

/** A numeric column: a typed array or a plain array. */
export type NumericColumn = Float64Array | Float32Array | Int32Array | Uint8Array | readonly number[];

/** What the model fitters need: a column-major design matrix and a response. */
export interface ModelInput {
  /** Design matrix, column-major: column j occupies `X[j*n .. j*n+n-1]`, n = y.length. */
  X: Float64Array;
  /** One name per column of `X`, e.g. `(Intercept)`, `visited`, `gradeK`. */
  names: readonly string[];
  /** Response: counts (poisson, negative binomial), 0/1 or proportions (binomial), any number (gaussian). */
  y: NumericColumn;
  /** Offset added to the linear predictor, e.g. `log(daysEnrolled)` for absence counts. */
  offset?: NumericColumn;
  /** Prior weights, positive and finite (R's `weights`). Default 1. */
  weights?: NumericColumn;
  /** Cluster of each observation (e.g. school); when given, CR1 standard errors are computed too. */
  clusters?: ClusterIds;
  /** Confidence level of the intervals. Default 0.95. */
  level?: number;
  /** Maximum IRLS iterations per fit (R's `glm.control(maxit)`). Default 25. */
  maxIterations?: number;
  /** Convergence tolerance on the relative change of deviance (R's `glm.control(epsilon)`). Default 1e-8. */
  epsilon?: number;
  /** Fewer clusters than this give a warning that CR1 errors are unreliable. Default 30. */
  minClusters?: number;
}

/** Input of {@link fitGlm}: a model input plus the family. */
export interface GlmInput extends ModelInput {
  family: GlmFamily;
}

/** Input of {@link fitNegativeBinomial}: a model input plus optional starting theta. */
export interface NegativeBinomialInput extends ModelInput {
  /** Start from this theta instead of a Poisson fit (MASS's `init.theta`). */
  initTheta?: number;
}

/** One row of a coefficient table, as `summary(glm)` prints it. */
export interface Coefficient {
  /** Column name from the design matrix. */
  term: string;
  estimate: number;
  stdError: number;
  /** z (or t for gaussian model-based errors) = estimate / stdError. */
  statistic: number;
  /** Two-sided p-value. */
  pValue: number;
  /** Lower end of the Wald interval at the input's `level`. */
  ciLow: number;
  /** Upper end of the Wald interval at the input's `level`. */
  ciHigh: number;
}

/** Which reference distribution a coefficient table used. */
export type ReferenceDistribution = "z" | "t";

/** A fitted model, explained. */
export interface ModelFit {
  /** `gaussian`, `binomial`, `poisson` or `negative binomial`. */
  family: GlmFamily | "negative binomial";
  /** `identity`, `logit` or `log`. */
  link: "identity" | "logit" | "log";
  /** Number of observations. */
  n: number;
  /** Number of estimable (non-aliased) coefficients. */
  rank: number;
  /** Model-based table, as `summary(fit)$coefficients` (t for gaussian, z otherwise), aliased terms left out. */
  coefficients: Coefficient[];
  /** Reference distribution of `coefficients`. */
  distribution: ReferenceDistribution;
  /** Model-based covariance of the estimable coefficients, in the order of `coefficients` (`vcov(fit)`). */
  vcov: number[][];
  /** Cluster-robust table (CR1, z reference as `lmtest::coeftest(fit, vcovCL(...))`), when clusters were given and at least 2. */
  clusterCoefficients?: Coefficient[];
  /** `sandwich::vcovCL(fit, cluster, type = "HC1")`, when computed. */
  vcovCluster?: number[][];
  /** Number of distinct clusters, when clusters were given. */
  clusters?: number;
  /** Confidence level used for the intervals. */
  level: number;
  /** True when the IRLS (and for negative binomial the theta alternation) met its tolerance. */
  converged: boolean;
  /** IRLS iterations of the final fit (for negative binomial: alternations of fit and theta). */
  iterations: number;
  /** Residual deviance. */
  deviance: number;
  /** Log-likelihood, as `logLik(fit)`. */
  logLik: number;
  /** Akaike information criterion, as `AIC(fit)`. */
  aic: number;
  /** Residual degrees of freedom, n - rank. */
  dfResidual: number;
  /** Dispersion used for model-based errors: estimated for gaussian, 1 otherwise. */
  dispersion: number;
  /** Negative binomial only: theta (size), estimated by maximum likelihood. */
  theta?: number;
  /** Negative binomial only: standard error of theta, as `fit$SE.theta`. */
  thetaStdError?: number;
  /** Plain-English warnings: non-convergence, separation, aliased terms, too few clusters. */
  warnings: string[];
  /** Terms dropped because they are linear combinations of earlier columns (R's NA coefficients). */
  aliased: string[];
}
