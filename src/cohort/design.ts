/**
 * Balancing variables as numbers: a numeric or boolean column is one variable; a categorical
 * column becomes one 0/1 indicator per level. Private to the cohort part.
 */
import { PthvInputError, type InputIssue } from "../errors/index.js";
import { compareText, locate, type FrameRow, type FrameSource } from "./frame.js";

/** One numeric variable of the design, per student. */
export interface DesignColumn {
  variable: string;
  /** The level, for an indicator of a categorical column. */
  level?: string;
  kind: "numeric" | "binary" | "categorical";
  values: Float64Array;
}

const MAX_SHOWN = 5;

/**
 * Reads the named columns of every row as numbers. Throws one {@link PthvInputError} listing
 * unknown columns, missing values and non-numeric values in numeric columns.
 */
export function buildDesign(rows: readonly FrameRow[], variables: readonly string[], source?: FrameSource): DesignColumn[] {
  const issues: InputIssue[] = [];
  const columns: DesignColumn[] = [];
  const seen = new Set<string>();
  const unique = variables.filter((variable) => {
    if (seen.has(variable)) {
      issues.push({ field: variable, message: `balancing column '${variable}' is named twice: name it once` });
      return false;
    }
    seen.add(variable);
    return true;
  });
  // One pass over the rows reads every variable: each row object is visited once, which matters
  // when a million of them do not fit in the processor's caches.
  const n = rows.length;
  const m = unique.length;
  const raws: (string | number | boolean | null | undefined)[][] = unique.map(() => new Array(n));
  for (let i = 0; i < n; i++) {
    const row = rows[i]!;
    for (let v = 0; v < m; v++) raws[v]![i] = row[unique[v]!];
  }
  for (let v = 0; v < m; v++) {
    const variable = unique[v]!;
    const raw = raws[v]!;
    let numbers = 0;
    let strings = 0;
    let booleans = 0;
    let present = 0;
    for (let i = 0; i < n; i++) {
      let value = raw[i];
      if (value === undefined && !(variable in rows[i]!)) continue;
      present++;
      if (value === "") raw[i] = value = null;
      if (typeof value === "number") numbers++;
      else if (typeof value === "string") strings++;
      else if (typeof value === "boolean") booleans++;
    }
    if (present === 0) {
      const known = Object.keys(rows[0] ?? {}).filter((k) => k !== "id").join(", ");
      issues.push({ field: variable, message: `unknown balancing column '${variable}': the frame's columns are ${known}` });
      continue;
    }
    const missing: number[] = [];
    const wrong: number[] = [];
    if (strings > 0 && numbers + booleans === 0) {
      const levels = new Map<string, number>();
      const codes = new Int32Array(n);
      for (let i = 0; i < n; i++) {
        const v = raw[i];
        if (typeof v !== "string") {
          missing.push(i);
          continue;
        }
        let code = levels.get(v);
        if (code === undefined) levels.set(v, (code = levels.size));
        codes[i] = code;
      }
      if (missing.length === 0) {
        for (const level of [...levels.keys()].sort(compareText)) {
          const code = levels.get(level)!;
          const values = new Float64Array(n);
          for (let i = 0; i < n; i++) values[i] = codes[i] === code ? 1 : 0;
          columns.push({ variable, level, kind: "categorical", values });
        }
      }
    } else {
      const values = new Float64Array(n);
      const binary = booleans > 0 && numbers === 0;
      for (let i = 0; i < n; i++) {
        const v = raw[i];
        if (typeof v === "number" && Number.isFinite(v)) values[i] = v;
        else if (typeof v === "boolean") values[i] = v ? 1 : 0;
        else if (v === null || v === undefined) missing.push(i);
        else wrong.push(i);
      }
      if (missing.length === 0 && wrong.length === 0) columns.push({ variable, kind: binary ? "binary" : "numeric", values });
    }
    for (const [list, what] of [
      [wrong, `non-numeric value in numeric balancing column '${variable}': correct it to a number (or use a column whose every value is a category)`],
      [missing, `missing value in balancing column '${variable}': fill it in, or balance on other columns`],
    ] as const) {
      for (const i of list.slice(0, MAX_SHOWN)) issues.push({ ...locate(source, i, rows[i]!.id, variable), message: what });
      if (list.length > MAX_SHOWN) issues.push({ field: variable, message: `${list.length - MAX_SHOWN} more rows like these in column '${variable}'` });
    }
  }
  if (issues.length > 0) throw new PthvInputError(issues, `${issues.length} problem${issues.length === 1 ? "" : "s"} with the balancing columns`);
  return columns;
}
