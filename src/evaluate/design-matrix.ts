/**
 * Design matrices for the models: an intercept, the treatment columns and the covariates, for the
 * students of an analysis sample, column-major as the regression engine wants them. Text columns
 * become indicator columns for every level but the first (R's treatment contrasts), named
 * `column` + `level` as R names them.
 */
import type { StudentFrame } from "./frame.js";

/** A design matrix over the rows of a sample. */
export interface DesignMatrix {
  X: Float64Array;
  names: string[];
  /** Frame rows of the sample, in order. */
  rows: Int32Array;
}

/** A named 0/1 or numeric column placed right after the intercept (e.g. `visited`, `systematic`). */
export interface TreatmentColumn {
  name: string;
  values: ArrayLike<number>;
}

/** Rows where every covariate (and every extra column) is present. */
export function completeRows(frame: StudentFrame, covariates: readonly string[]): Uint8Array {
  const ok = new Uint8Array(frame.n).fill(1);
  for (const name of covariates) {
    const numeric = frame.numeric.get(name);
    const text = frame.text.get(name);
    for (let i = 0; i < frame.n; i++) {
      if (numeric ? Number.isNaN(numeric[i]!) : text?.[i] === undefined) ok[i] = 0;
    }
  }
  return ok;
}

/** Indices of the rows where `mask` is 1 and `values` (when given) is not NaN. */
export function sampleRows(mask: Uint8Array, values?: ArrayLike<number>): Int32Array {
  let count = 0;
  for (let i = 0; i < mask.length; i++) if (mask[i] === 1 && (!values || !Number.isNaN(values[i]!))) count++;
  const rows = new Int32Array(count);
  let k = 0;
  for (let i = 0; i < mask.length; i++) if (mask[i] === 1 && (!values || !Number.isNaN(values[i]!))) rows[k++] = i;
  return rows;
}

/** Builds the design matrix of `rows`: `(Intercept)`, the treatment columns, then the covariates. */
export function buildDesign(frame: StudentFrame, rows: Int32Array, treatments: readonly TreatmentColumn[], covariates: readonly string[], label: (name: string) => string): DesignMatrix {
  const n = rows.length;
  const columns: { name: string; fill: (out: Float64Array) => void }[] = [];
  columns.push({ name: "(Intercept)", fill: (out) => out.fill(1) });
  for (const t of treatments) {
    columns.push({ name: t.name, fill: (out) => rows.forEach((r, i) => (out[i] = t.values[r]!)) });
  }
  for (const name of covariates) {
    const numeric = frame.numeric.get(name);
    if (numeric) {
      columns.push({ name: label(name), fill: (out) => rows.forEach((r, i) => (out[i] = numeric[r]!)) });
      continue;
    }
    const text = frame.text.get(name) ?? [];
    const levels = [...new Set(rows.length > 0 ? Array.from(rows, (r) => text[r]!) : [])].sort();
    for (const level of levels.slice(1)) {
      columns.push({ name: `${label(name)}${level}`, fill: (out) => rows.forEach((r, i) => (out[i] = text[r] === level ? 1 : 0)) });
    }
  }
  const X = new Float64Array(n * columns.length);
  columns.forEach((c, j) => c.fill(X.subarray(j * n, (j + 1) * n)));
  return { X, names: columns.map((c) => c.name), rows };
}

/** Gathers `values` at `rows` into a new array. */
export function gather(values: ArrayLike<number>, rows: Int32Array): Float64Array {
  const out = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = values[rows[i]!]!;
  return out;
}

/** Cluster codes of `rows`. */
export function gatherClusters(frame: StudentFrame, rows: Int32Array): Int32Array {
  const out = new Int32Array(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = frame.school[rows[i]!]!;
  return out;
}
