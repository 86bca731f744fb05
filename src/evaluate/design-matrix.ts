/**
 * Design matrices for the models: the students of an analysis sample, gathered and handed to the
 * regression engine's builder (intercept, treatment columns, covariates).
 */
import type { StudentFrame } from "./frame.js";
import { buildDesignMatrix, type DesignColumn } from "./stats/index.js";

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

/**
 * Builds the design matrix of `rows` with the engine's builder: `(Intercept)`, the treatment
 * columns, then the covariates (text columns as indicators named column + level).
 */
export function buildDesign(frame: StudentFrame, rows: Int32Array, treatments: readonly TreatmentColumn[], covariates: readonly string[], label: (name: string) => string): DesignMatrix {
  const columns: Record<string, DesignColumn> = {};
  const terms: string[] = [];
  for (const t of treatments) {
    columns[t.name] = gather(t.values, rows);
    terms.push(t.name);
  }
  for (const name of covariates) {
    const numeric = frame.numeric.get(name);
    const text = frame.text.get(name);
    columns[label(name)] = numeric ? gather(numeric, rows) : Array.from(rows, (r) => text?.[r]);
    terms.push(label(name));
  }
  const built = buildDesignMatrix({ columns, terms });
  return { X: built.X, names: built.names, rows };
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
