/**
 * Balancing variables as numbers: a numeric or boolean column is one variable; a categorical
 * column becomes one 0/1 indicator per level. Private to the cohort part.
 */
import { PthvInputError, type InputIssue } from "../errors/index.js";
import { cell, compareText, locate, type FrameRow, type FrameSource } from "./frame.js";

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
  for (const variable of variables) {
    if (seen.has(variable)) {
      issues.push({ field: variable, message: `balancing column '${variable}' is named twice: name it once` });
      continue;
    }
    seen.add(variable);
    let numbers = 0;
    let strings = 0;
    let booleans = 0;
    let present = 0;
    for (const row of rows) {
      if (!(variable in row)) continue;
      present++;
      const value = cell(row, variable);
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
      const levels = new Set<string>();
      rows.forEach((row, i) => {
        const value = cell(row, variable);
        if (typeof value === "string") levels.add(value);
        else missing.push(i);
      });
      if (missing.length === 0) {
        for (const level of [...levels].sort(compareText)) {
          const values = new Float64Array(rows.length);
          rows.forEach((row, i) => (values[i] = row[variable] === level ? 1 : 0));
          columns.push({ variable, level, kind: "categorical", values });
        }
      }
    } else {
      const values = new Float64Array(rows.length);
      const binary = booleans > 0 && numbers === 0;
      rows.forEach((row, i) => {
        const value = cell(row, variable);
        if (typeof value === "number" && Number.isFinite(value)) values[i] = value;
        else if (typeof value === "boolean") values[i] = value ? 1 : 0;
        else if (value === null || value === undefined) missing.push(i);
        else wrong.push(i);
      });
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
