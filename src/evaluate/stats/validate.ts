/**
 * Checks a model input before fitting and converts it to the dense Float64Array columns the
 * engine works on. Every problem is collected and reported at once; values are never echoed
 * (they are about children), only the field, a count and the first row (1-based).
 */
import { PthvEstimationError, PthvInputError, type InputIssue } from "../../errors/index.js";
import { planCrossProduct, type CrossProductPlan } from "./crossprod.js";
import type { ClusterIds, ModelInput, NumericColumn } from "./types.js";

/** A model input checked and converted. */
export interface CheckedInput {
  X: Float64Array;
  names: readonly string[];
  n: number;
  p: number;
  y: Float64Array;
  wt: Float64Array;
  offset: Float64Array | undefined;
  /** Cluster codes 0..G-1 and G, when clusters were given. */
  clusters: { codes: Int32Array; count: number } | undefined;
  level: number;
  maxIterations: number;
  epsilon: number;
  minClusters: number;
  /** How the columns of X are handled by the cross-product (built while checking X). */
  plan: CrossProductPlan;
}

/** What the response must satisfy for a family. */
export type ResponseRule = "any" | "unit-interval" | "non-negative";

function badRows(values: ArrayLike<number>, ok: (v: number) => boolean): { count: number; first: number } {
  let count = 0;
  let first = -1;
  for (let i = 0; i < values.length; i++) {
    if (!ok(values[i] as number)) {
      if (count === 0) first = i;
      count++;
    }
  }
  return { count, first };
}

/** Index (within the column) of the first non-finite value, or -1: a tight loop for the common all-finite case. */
function firstNonFinite(X: Float64Array, off: number, n: number): number {
  for (let i = 0; i < n; i++) {
    const v = X[off + i] as number;
    if (v - v !== 0) return i;
  }
  return -1;
}

/**
 * True when every value passes the rule, by a tight loop per rule (no callback per value): the
 * common case of a clean column costs one cheap pass; only a failing column is scanned again
 * with the callback to count and locate its bad rows.
 */
function allPass(values: ArrayLike<number>, rule: ResponseRule | "positive"): boolean {
  const n = values.length;
  if (rule === "unit-interval") {
    for (let i = 0; i < n; i++) {
      const v = values[i] as number;
      if (!(v >= 0 && v <= 1)) return false;
    }
  } else if (rule === "non-negative") {
    for (let i = 0; i < n; i++) {
      const v = values[i] as number;
      if (!(v >= 0 && v < Infinity)) return false;
    }
  } else if (rule === "positive") {
    for (let i = 0; i < n; i++) {
      const v = values[i] as number;
      if (!(v > 0 && v < Infinity)) return false;
    }
  } else {
    for (let i = 0; i < n; i++) {
      if (!Number.isFinite(values[i])) return false;
    }
  }
  return true;
}

function checkColumn(issues: InputIssue[], field: string, values: ArrayLike<number>, ok: (v: number) => boolean, what: string, rule?: ResponseRule | "positive"): void {
  if (rule !== undefined && allPass(values, rule)) return;
  const bad = badRows(values, ok);
  if (bad.count > 0) {
    issues.push({ field, row: bad.first + 1, message: `${bad.count} value${bad.count === 1 ? " is" : "s are"} ${what} (first at row ${bad.first + 1}); remove or correct those rows before fitting` });
  }
}

function toFloat64(values: NumericColumn): Float64Array {
  return values instanceof Float64Array ? values : Float64Array.from(values);
}

/** Codes clusters 0..G-1 in order of first appearance. */
export function codeClusters(ids: ClusterIds): { codes: Int32Array; count: number } {
  const codes = new Int32Array(ids.length);
  if (ids instanceof Int32Array) {
    // fast path for integer codes: a lookup table instead of a Map when the codes are small
    let min = 0;
    let max = 0;
    for (let i = 0; i < ids.length; i++) {
      const v = ids[i] as number;
      if (v < min) min = v;
      if (v > max) max = v;
    }
    if (min >= 0 && max < 1 << 22) {
      const table = new Int32Array(max + 1).fill(-1);
      let count = 0;
      for (let i = 0; i < ids.length; i++) {
        const v = ids[i] as number;
        let code = table[v] as number;
        if (code < 0) table[v] = code = count++;
        codes[i] = code;
      }
      return { codes, count };
    }
  }
  const seen = new Map<string | number, number>();
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] as string | number;
    let code = seen.get(id);
    if (code === undefined) {
      code = seen.size;
      seen.set(id, code);
    }
    codes[i] = code;
  }
  return { codes, count: seen.size };
}

const finite = (v: number): boolean => Number.isFinite(v);

/**
 * Refuses an outcome that does not vary (every count 0, every student proficient, one score for
 * all): R returns numbers for it, but they are meaningless, so nothing is estimated.
 *
 * @throws {PthvEstimationError} naming what is constant.
 */
export function assertOutcomeVaries(y: Float64Array, family: "gaussian" | "binomial" | "poisson" | "negative binomial"): void {
  const first = y[0] as number;
  for (let i = 1; i < y.length; i++) if ((y[i] as number) !== first) return;
  if (family === "gaussian") throw new PthvEstimationError("the outcome has the same value for every student: there is no variation to explain");
  if (family === "binomial") throw new PthvEstimationError(`every outcome is ${first === 1 ? "1" : first === 0 ? "0" : "the same"}: no comparison between students is possible`);
  if (first === 0) throw new PthvEstimationError("every count is 0: there is nothing to model (check that the right column was chosen)");
}

/**
 * Validates and converts a model input.
 *
 * @throws {PthvInputError} listing every malformed field at once.
 * @throws {PthvEstimationError} when there are no observations or no columns.
 */
export function checkModelInput(input: ModelInput, rule: ResponseRule): CheckedInput {
  const n = input.y.length;
  const p = input.names.length;
  if (n === 0) throw new PthvEstimationError("no observations: nothing can be estimated");
  if (p === 0) throw new PthvEstimationError("the design matrix has no columns: nothing can be estimated");
  const issues: InputIssue[] = [];
  let plan: CrossProductPlan | undefined;
  if (input.X.length !== n * p) {
    issues.push({ field: "X", message: `the design matrix holds ${input.X.length} values but ${p} columns of ${n} rows need ${n * p}; pass one name per column and one response per row` });
  } else {
    // the plan scans every column of ones and every 0/1 column in full (so those are finite);
    // only the columns it handles as continuous are scanned again for non-finite values
    plan = planCrossProduct(input.X, n, Array.from({ length: p }, (_, j) => j));
    const dense = new Set(plan.dense);
    input.names.forEach((name, j) => {
      if (!dense.has(j)) return;
      const bad = firstNonFinite(input.X, j * n, n);
      if (bad >= 0) checkColumn(issues, name, input.X.subarray(j * n, (j + 1) * n), finite, "missing or not finite");
    });
  }
  const duplicates = input.names.filter((name, j) => input.names.indexOf(name) !== j);
  if (duplicates.length > 0) issues.push({ field: "names", message: `column names must be unique; repeated: ${[...new Set(duplicates)].join(", ")}` });
  const yOk =
    rule === "unit-interval" ? (v: number) => v >= 0 && v <= 1 : rule === "non-negative" ? (v: number) => v >= 0 && v < Infinity : finite;
  const yWhat = rule === "unit-interval" ? "outside 0..1 or missing" : rule === "non-negative" ? "negative, missing or not finite" : "missing or not finite";
  checkColumn(issues, "y", input.y, yOk, yWhat, rule);
  if (input.offset) {
    if (input.offset.length !== n) issues.push({ field: "offset", message: `offset has ${input.offset.length} values for ${n} rows` });
    else checkColumn(issues, "offset", input.offset, finite, "missing or not finite (a log offset needs positive days enrolled)", "any");
  }
  if (input.weights) {
    if (input.weights.length !== n) issues.push({ field: "weights", message: `weights has ${input.weights.length} values for ${n} rows` });
    else checkColumn(issues, "weights", input.weights, (v) => v > 0 && v < Infinity, "not positive and finite", "positive");
  }
  if (input.clusters && input.clusters.length !== n) {
    issues.push({ field: "clusters", message: `clusters has ${input.clusters.length} values for ${n} rows` });
  }
  const level = input.level ?? 0.95;
  if (!(level > 0 && level < 1)) issues.push({ field: "level", message: "the confidence level must be between 0 and 1, e.g. 0.95" });
  if (issues.length > 0 || !plan) throw new PthvInputError(issues, `${issues.length} problem${issues.length === 1 ? "" : "s"} in the model input`);
  return {
    plan,
    X: input.X,
    names: input.names,
    n,
    p,
    // always a private copy: per-response caches (y log y) are keyed on it, so a caller reusing
    // and refilling its own array between fits can never see stale values
    y: Float64Array.from(input.y),
    wt: input.weights ? toFloat64(input.weights) : new Float64Array(n).fill(1),
    offset: input.offset ? toFloat64(input.offset) : undefined,
    clusters: input.clusters ? codeClusters(input.clusters) : undefined,
    level,
    maxIterations: input.maxIterations ?? 25,
    epsilon: input.epsilon ?? 1e-8,
    minClusters: input.minClusters ?? 30,
  };
}
