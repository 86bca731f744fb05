/**
 * Balancing variables as numbers: a numeric or boolean column is one variable; a categorical
 * column becomes one 0/1 indicator per level. Private to the cohort part.
 */
import { PthvInputError, type InputIssue } from "../errors/index.js";
import { compareText, locate, type FrameRow, type FrameSource } from "./frame.js";
import { doubleList, integerList } from "../memory/index.js";

/** One numeric variable of the design, per student. */
export interface DesignColumn {
  variable: string;
  /** The level, for an indicator of a categorical column. */
  level?: string;
  kind: "numeric" | "binary" | "categorical";
  /**
   * One value per row; bytes for a binary column or a level's indicator (0 or 1 either way). A
   * list in the heap (see src/memory), or a typed array for a frame too long for one.
   */
  values: number[] | Float64Array | Uint8Array;
}

const MAX_SHOWN = 5;

/**
 * Reads the named columns of every row as numbers, in parts: `read(start, end)` reads rows `start`
 * to `end` (every row once, in any order of blocks), then `finish()` gives the columns, or throws
 * one {@link PthvInputError} listing unknown columns, missing values and non-numeric values in
 * numeric columns. A caller already passing over the rows (indexFrame) reads each block here while
 * its rows are still in the processor's cache: at a million rows, a second pass over the row
 * objects costs more than reading the columns.
 */
export interface DesignReader {
  read(start: number, end: number): void;
  finish(): DesignColumn[];
}

/** A {@link DesignReader} of the named columns of `rows`. */
export function designReader(rows: readonly FrameRow[], variables: readonly string[], source?: FrameSource): DesignReader {
  const issues: InputIssue[] = [];
  const seen = new Set<string>();
  const unique = variables.filter((variable) => {
    if (seen.has(variable)) {
      issues.push({ field: variable, message: `balancing column '${variable}' is named twice: name it once` });
      return false;
    }
    seen.add(variable);
    return true;
  });
  const scan = columnScanner(rows, unique);
  return {
    read: scan.read,
    finish(): DesignColumn[] {
      const n = rows.length;
      const columns: DesignColumn[] = [];
      const scans = scan.finish();
      for (let v = 0; v < unique.length; v++) {
        const variable = unique[v]!;
        const { numbers, booleans, strings, irregular, holds, values, levels } = scans[v]!;
        if (irregular === 0 && strings === 0 && numbers + booleans === n && (holds === "numbers" || numbers === 0)) {
          // Every value a finite number or a boolean, as most frames are: the column was read as it is
          // (as bytes when it holds only booleans; not level numbers: a column whose first value is a
          // text has a text).
          columns.push({ variable, kind: booleans > 0 && numbers === 0 ? "binary" : "numeric", values: values as DesignColumn["values"] });
        } else if (irregular === 0 && strings === n) {
          // Every value a non-empty text: one indicator per level, levels in text order. `values` holds
          // each row's level number.
          for (const level of [...levels.keys()].sort(compareText)) {
            const code = levels.get(level)!;
            const indicator = new Uint8Array(n);
            for (let i = 0; i < n; i++) indicator[i] = values[i] === code ? 1 : 0;
            columns.push({ variable, level, kind: "categorical", values: indicator });
          }
        } else readIrregular(rows, variable, source, columns, issues);
      }
      if (issues.length > 0) throw new PthvInputError(issues, `${issues.length} problem${issues.length === 1 ? "" : "s"} with the balancing columns`);
      return columns;
    },
  };
}

/** What one pass over the rows found in one balancing column. */
interface ColumnScan {
  /** Finite numbers, booleans and non-empty texts seen; anything else (missing, empty, NaN, objects) is irregular. */
  numbers: number;
  booleans: number;
  strings: number;
  irregular: number;
  /** What `values` can hold: any number, bytes, or level numbers. */
  holds: "numbers" | "bytes" | "codes";
  /**
   * Each row's number (a boolean as 0 or 1), or for a text its level's number in `levels`. Numbers
   * unless the first row holds a boolean (then bytes) or a text (then level numbers); a number met
   * in a column of bytes or level numbers sends the column to the value-by-value reader.
   */
  values: number[] | Float64Array | Uint8Array | Int32Array;
  levels: Map<string, number>;
}

/**
 * Reads the named columns of the rows, a block at a time (`read`), straight into typed arrays (no
 * array of raw values per column, which at a million rows is most of the cost and of the garbage);
 * `finish` gives what was found in each column.
 *
 * Reading `row[name]` with a different name at the same place in the code makes the engine look
 * each property up generically; a reader compiled for these names (property names given as JSON
 * string literals, so nothing else can enter the code) reads each one at a fixed place, about
 * three times faster. Where a runtime forbids compiling code (a strict Content Security Policy),
 * the generic reader does the same work.
 */
function columnScanner(rows: readonly FrameRow[], variables: readonly string[]): { read: (start: number, end: number) => void; finish: () => ColumnScan[] } {
  const n = rows.length;
  // A column of booleans is read as bytes and a column of texts as level numbers (a million rows of
  // 8-byte numbers each would be most of what a draw allocates, and set off garbage collections).
  // Numbers and level numbers go to lists in the heap (see src/memory): the entries of a column read
  // whole are all written; a column with a gap is read again value by value.
  const first = rows[0];
  const scans: ColumnScan[] = variables.map((name) => {
    const x = first?.[name];
    const holds = typeof x === "boolean" ? "bytes" : typeof x === "string" && x !== "" ? "codes" : "numbers";
    const values = holds === "bytes" ? new Uint8Array(n) : holds === "codes" ? integerList(n) : doubleList(n);
    return { numbers: 0, booleans: 0, strings: 0, irregular: 0, holds, values, levels: new Map<string, number>() };
  });
  const counts = new Float64Array(4 * variables.length); // numbers, booleans, strings, irregular per column
  const level = (v: number, text: string): number => {
    const levels = scans[v]!.levels;
    let code = levels.get(text);
    if (code === undefined) levels.set(text, (code = levels.size));
    return code;
  };
  const out = scans.map((s) => s.values);
  const compiled = compiledReader(variables, n);
  const m = variables.length;
  const read =
    compiled !== undefined
      ? (start: number, end: number): void => compiled(rows, start, end, out, counts, level)
      : (start: number, end: number): void => {
          for (let i = start; i < end; i++) {
            const row = rows[i]!;
            for (let v = 0; v < m; v++) {
              const x = row[variables[v]!];
              const values = out[v]!;
              if (typeof x === "number") {
                if (x - x === 0) (values[i] = x), (counts[4 * v]! += 1);
                else (counts[4 * v + 3]! += 1);
              } else if (typeof x === "boolean") (values[i] = x ? 1 : 0), (counts[4 * v + 1]! += 1);
              else if (typeof x === "string" && x !== "") (values[i] = level(v, x)), (counts[4 * v + 2]! += 1);
              else (counts[4 * v + 3]! += 1);
            }
          }
        };
  const finish = (): ColumnScan[] => {
    scans.forEach((scan, v) => {
      scan.numbers = counts[4 * v]!;
      scan.booleans = counts[4 * v + 1]!;
      scan.strings = counts[4 * v + 2]!;
      scan.irregular = counts[4 * v + 3]!;
    });
    return scans;
  };
  return { read, finish };
}

type Reader = (rows: readonly FrameRow[], start: number, end: number, out: (number[] | Float64Array | Uint8Array | Int32Array)[], counts: Float64Array, level: (v: number, text: string) => number) => void;

/**
 * Rows that make a compiled reader worth its cost: compiling takes a fraction of a millisecond and a
 * new function starts slow, which one small frame (a school of a few thousand students) would not
 * win back, but a large frame does, and so do many small frames read with the same columns one
 * after another (the validator reads every school's frame so).
 */
const COMPILE_FROM = 20_000;
/** Compiled readers by their columns, so a program that reads the same columns again reuses one already optimised. */
const readers = new Map<string, Reader>();
/** Rows read generically so far, by columns not yet compiled. */
const readGenerically = new Map<string, number>();
const MAX_READERS = 32;

/**
 * A reader of these columns compiled for their names, once they have been asked to read at least
 * COMPILE_FROM rows in all (this call's `n` included); undefined before that, and where the
 * runtime does not compile code (the generic reader serves).
 */
function compiledReader(variables: readonly string[], n: number): Reader | undefined {
  const key = JSON.stringify(variables);
  const known = readers.get(key);
  if (known !== undefined) return known;
  const rows = (readGenerically.get(key) ?? 0) + n;
  if (rows < COMPILE_FROM) {
    readGenerically.delete(key); // re-inserted last: the oldest entry goes first when full
    if (readGenerically.size >= MAX_READERS) readGenerically.delete(readGenerically.keys().next().value!);
    readGenerically.set(key, rows);
    return undefined;
  }
  const reader = compileReader(variables);
  if (reader === undefined) return undefined; // refused: the generic reader serves (asked again next time)
  readGenerically.delete(key);
  if (readers.size >= MAX_READERS) readers.delete(readers.keys().next().value!);
  readers.set(key, reader);
  return reader;
}

function compileReader(variables: readonly string[]): Reader | undefined {
  // `x - x === 0` holds exactly for finite numbers. The last text of each column and its level are
  // remembered, so a run of equal texts skips the map.
  const declarations = variables.map((_, v) => `const o${v} = out[${v}]; let t${v} = undefined, c${v} = 0, n${v} = 0, b${v} = 0, s${v} = 0, z${v} = 0;`).join("\n");
  const reads = variables
    .map(
      (name, v) => `x = row[${JSON.stringify(name)}];
  if (typeof x === "number") { if (x - x === 0) { o${v}[i] = x; n${v}++; } else z${v}++; }
  else if (typeof x === "boolean") { o${v}[i] = x ? 1 : 0; b${v}++; }
  else if (typeof x === "string" && x !== "") { if (x !== t${v}) { t${v} = x; c${v} = level(${v}, x); } o${v}[i] = c${v}; s${v}++; }
  else z${v}++;`,
    )
    .join("\n");
  const totals = variables.map((_, v) => `counts[${4 * v}] += n${v}; counts[${4 * v + 1}] += b${v}; counts[${4 * v + 2}] += s${v}; counts[${4 * v + 3}] += z${v};`).join("\n");
  try {
    return new Function("rows", "start", "end", "out", "counts", "level", `"use strict";\n${declarations}\nfor (let i = start; i < end; i++) {\nconst row = rows[i]; let x;\n${reads}\n}\n${totals}`) as Reader;
  } catch {
    return undefined;
  }
}

/**
 * A column with missing, empty, non-finite or mixed values: read value by value to name every
 * problem (or, for numbers mixed with booleans, to build the column).
 */
function readIrregular(rows: readonly FrameRow[], variable: string, source: FrameSource | undefined, columns: DesignColumn[], issues: InputIssue[]): void {
  const n = rows.length;
  const raw: (string | number | boolean | null | undefined)[] = new Array(n);
  for (let i = 0; i < n; i++) raw[i] = rows[i]![variable];
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
    return;
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
        const values = new Uint8Array(n);
        for (let i = 0; i < n; i++) values[i] = codes[i] === code ? 1 : 0;
        columns.push({ variable, level, kind: "categorical", values });
      }
    }
  } else {
    const values = doubleList(n); // every entry written when the column is kept
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
