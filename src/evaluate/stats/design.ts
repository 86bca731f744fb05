/**
 * Builds a column-major design matrix from named columns, so models can be specified by column
 * names as in an R formula `y ~ a + b + grade`.
 *
 * Naming rule (one rule, documented in docs/evaluate-models.md):
 * - an intercept column `(Intercept)` of ones comes first unless `intercept: false`;
 * - a numeric column enters as itself, under its own name;
 * - a boolean column enters as 0/1 under its own name (`visited`, where R would say `visitedTRUE`);
 * - a categorical column (strings, or numbers listed in `categorical`) enters as treatment-coded
 *   dummies named column + level, as R names them (`gradeK`, `grade2`), the first level being the
 *   reference. Levels are sorted as R sorts factor levels in the C locale (code-point order for
 *   strings, numeric order for numbers) unless `levels` gives the order.
 */
import { PthvInputError, type InputIssue } from "../../errors/index.js";
import type { NumericColumn } from "./types.js";

/** A column of the input: numbers, booleans or category labels; null/undefined/NaN are missing. */
export type DesignColumn =
  | NumericColumn
  | readonly (number | null | undefined)[]
  | readonly (boolean | null | undefined)[]
  | readonly (string | null | undefined)[];

/** What to build. */
export interface DesignSpec {
  /** Columns by name, each with one value per row. */
  columns: Readonly<Record<string, DesignColumn>>;
  /** Names of the columns that enter the model, in order. */
  terms: readonly string[];
  /** Add an `(Intercept)` column. Default true. */
  intercept?: boolean;
  /** Numeric columns to treat as categorical (e.g. a grade coded 0..5). */
  categorical?: readonly string[];
  /** Level order of categorical columns; the first is the reference. */
  levels?: Readonly<Record<string, readonly (string | number)[]>>;
}

/** How one input column entered the matrix. */
export interface DesignTerm {
  term: string;
  kind: "numeric" | "boolean" | "categorical";
  /** Names of the matrix columns it produced. */
  columns: string[];
  /** Categorical only: the reference level (absorbed by the intercept) and all levels in order. */
  reference?: string;
  levels?: string[];
}

/** A design matrix, column-major, with the story of each column. */
export interface DesignMatrix {
  X: Float64Array;
  names: string[];
  n: number;
  terms: DesignTerm[];
}

function isMissing(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "number" && Number.isNaN(v)) || v === "";
}

function kindOf(values: DesignColumn, forcedCategorical: boolean): DesignTerm["kind"] {
  for (let i = 0; i < values.length; i++) {
    const v: unknown = values[i];
    if (isMissing(v)) continue;
    if (typeof v === "boolean") return "boolean";
    if (typeof v === "string") return "categorical";
    return forcedCategorical ? "categorical" : "numeric";
  }
  return forcedCategorical ? "categorical" : "numeric";
}

function sortLevels(values: DesignColumn): string[] {
  const distinct = new Set<string | number>();
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as unknown;
    if (!isMissing(v)) distinct.add(v as string | number);
  }
  const list = [...distinct];
  if (list.every((v) => typeof v === "number")) return (list as number[]).sort((a, b) => a - b).map(String);
  return list.map(String).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Builds the design matrix.
 *
 * @param spec - columns, terms, intercept, categorical overrides and level orders.
 * @returns X (column-major), column names and how each term was coded.
 * @throws {PthvInputError} naming every unknown column, length mismatch, wrong type or column with
 * missing values (with a count and the first row), all at once.
 */
export function buildDesignMatrix(spec: DesignSpec): DesignMatrix {
  const issues: InputIssue[] = [];
  const first = spec.terms[0];
  const n = first !== undefined && spec.columns[first] ? (spec.columns[first] as DesignColumn).length : 0;
  const forced = new Set(spec.categorical ?? []);
  const plans: { term: string; values: DesignColumn; kind: DesignTerm["kind"] }[] = [];
  for (const term of spec.terms) {
    const values = spec.columns[term];
    if (!values) {
      issues.push({ field: term, message: `no column named '${term}'; the columns are ${Object.keys(spec.columns).join(", ")}` });
      continue;
    }
    if (values.length !== n) {
      issues.push({ field: term, message: `column '${term}' has ${values.length} values where '${first ?? ""}' has ${n}; every column needs one value per row` });
      continue;
    }
    let missing = 0;
    let firstMissing = -1;
    let mixed = false;
    const kind = kindOf(values, forced.has(term));
    for (let i = 0; i < n; i++) {
      const v: unknown = values[i];
      if (isMissing(v) || (typeof v === "number" && !Number.isFinite(v))) {
        if (missing++ === 0) firstMissing = i;
      } else if ((kind === "boolean") !== (typeof v === "boolean") || (kind === "numeric" && typeof v !== "number")) mixed = true;
    }
    if (missing > 0) issues.push({ field: term, row: firstMissing + 1, message: `column '${term}' has ${missing} missing or non-finite value${missing === 1 ? "" : "s"} (first at row ${firstMissing + 1}); drop those rows or impute before fitting` });
    if (mixed) issues.push({ field: term, message: `column '${term}' mixes value types; use only numbers, only booleans or only labels` });
    plans.push({ term, values, kind });
  }
  if (issues.length > 0) throw new PthvInputError(issues, `${issues.length} problem${issues.length === 1 ? "" : "s"} in the model columns`);

  const names: string[] = [];
  const fills: ((out: Float64Array) => void)[] = [];
  const terms: DesignTerm[] = [];
  if (spec.intercept !== false) {
    names.push("(Intercept)");
    fills.push((out) => out.fill(1));
  }
  for (const { term, values, kind } of plans) {
    if (kind !== "categorical") {
      names.push(term);
      fills.push((out) => {
        for (let i = 0; i < n; i++) {
          const v = values[i] as number | boolean;
          out[i] = typeof v === "boolean" ? (v ? 1 : 0) : v;
        }
      });
      terms.push({ term, kind, columns: [term] });
      continue;
    }
    const given = spec.levels?.[term];
    const levels = given ? given.map(String) : sortLevels(values);
    const index = new Map(levels.map((level, k) => [level, k]));
    const unknown = new Set<string>();
    for (let i = 0; i < n; i++) {
      const label = String(values[i]);
      if (!index.has(label)) unknown.add(label);
    }
    if (unknown.size > 0) {
      issues.push({ field: term, message: `column '${term}' has ${unknown.size} level${unknown.size === 1 ? "" : "s"} not in the levels given for it; list every level` });
      continue;
    }
    const columns = levels.slice(1).map((level) => `${term}${level}`);
    columns.forEach((column, k) => {
      names.push(column);
      const level = levels[k + 1] as string;
      fills.push((out) => {
        for (let i = 0; i < n; i++) out[i] = String(values[i]) === level ? 1 : 0;
      });
    });
    terms.push({ term, kind, columns, reference: levels[0] ?? "", levels });
  }
  if (issues.length > 0) throw new PthvInputError(issues, `${issues.length} problem${issues.length === 1 ? "" : "s"} in the model columns`);
  const X = new Float64Array(n * names.length);
  fills.forEach((fill, j) => fill(X.subarray(j * n, (j + 1) * n)));
  return { X, names, n, terms };
}
