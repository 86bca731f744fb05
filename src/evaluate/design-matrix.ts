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

/**
 * Remembers the last few design matrices so that outcomes analysed on the same students (absences
 * and chronic absence, say) share one matrix instead of building and collecting another.
 */
export class DesignCache {
  private readonly entries: { key: string; rows: Int32Array; design: DesignMatrix }[] = [];

  constructor(private readonly build: typeof buildDesign) {}

  /** The design of `rows` with these treatments, built once. */
  get(frame: StudentFrame, rows: Int32Array, treatments: readonly TreatmentColumn[], covariates: readonly string[], label: (name: string) => string): DesignMatrix {
    const key = `${treatments.map((t) => t.name).join(",")}|${covariates.join(",")}`;
    const hit = this.entries.find((e) => e.key === key && sameRows(e.rows, rows));
    if (hit) return hit.design;
    const design = this.build(frame, rows, treatments, covariates, label);
    this.entries.push({ key, rows, design });
    if (this.entries.length > 2) this.entries.shift();
    return design;
  }
}

function sameRows(a: Int32Array, b: Int32Array): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
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
