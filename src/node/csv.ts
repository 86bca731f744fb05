/**
 * CSV tables: parsing with papaparse, header normalisation (snake_case and camelCase both
 * accepted) and typed cell conversion that records located problems instead of throwing.
 */
import Papa from "papaparse";
import type { InputIssue } from "../errors/index.js";

/**
 * A parsed CSV file: camelCase headers, rows of raw strings, and the header as written.
 *
 * @example
 * ```ts
 * import { readCsvFile, type CsvTable } from "pthv/node";
 * const table: CsvTable = await readCsvFile("frame.csv");
 * table.rows[0]?.cells.get("schoolId");
 * ```
 */
export interface CsvTable {
  file: string;
  /** camelCase column names, in file order. */
  columns: string[];
  /** The header as written in the file, by camelCase name (for messages). */
  written: Map<string, string>;
  /** Rows as raw strings keyed by camelCase column name; `line` is the spreadsheet row (header = 1). */
  rows: { line: number; cells: Map<string, string> }[];
}

/**
 * `school_id`, `School ID`, `schoolId` and `school-id` all become `schoolId`.
 *
 * @example
 * ```ts
 * camelCaseHeader("prior_days_absent"); // "priorDaysAbsent"
 * ```
 */
export function camelCaseHeader(header: string): string {
  const words = header
    .trim()
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
  return words.map((w, i) => (i === 0 ? w : w[0]!.toUpperCase() + w.slice(1))).join("");
}

/**
 * Parses CSV text into a {@link CsvTable}. Problems (unbalanced quotes, duplicate or empty headers,
 * rows with the wrong number of cells) are added to `issues`.
 *
 * @example
 * ```ts
 * import { parseCsv } from "pthv/node";
 * const issues = [];
 * const table = parseCsv("id,school_id\ns1,sch-1\n", "students.csv", issues);
 * table.columns; // ["id", "schoolId"]
 * ```
 */
export function parseCsv(text: string, file: string, issues: InputIssue[]): CsvTable {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // drop a byte-order mark
  const parsed = Papa.parse<string[]>(body, { header: false, skipEmptyLines: "greedy" });
  for (const error of parsed.errors) {
    issues.push({ file, row: (error.row ?? 0) + 1, message: `CSV syntax: ${error.message}; check quoting on this row` });
  }
  const [header = [], ...data] = parsed.data;
  const columns = header.map(camelCaseHeader);
  const written = new Map<string, string>();
  columns.forEach((c, i) => {
    const raw = header[i] ?? "";
    if (c === "") issues.push({ file, row: 1, message: `column ${i + 1} has an empty header: name it or remove the column` });
    else if (written.has(c)) issues.push({ file, row: 1, field: raw, message: `duplicate column '${raw}' (same as '${written.get(c)}'): keep one` });
    else written.set(c, raw);
  });
  const rows = data.map((cells, i) => {
    const line = i + 2;
    if (cells.length !== header.length) {
      issues.push({ file, row: line, message: `has ${cells.length} cells but the header has ${header.length}: check for a missing or extra comma` });
    }
    const map = new Map<string, string>();
    columns.forEach((c, k) => {
      if (c !== "") map.set(c, (cells[k] ?? "").trim());
    });
    return { line, cells: map };
  });
  return { file, columns, written, rows };
}

/**
 * Splits a list cell on `;` or `|` (commas are left to CSV quoting). Empty cell: empty list.
 *
 * @example
 * ```ts
 * import { splitList } from "pthv/node";
 * splitList("edu-1; edu-2"); // ["edu-1", "edu-2"]
 * ```
 */
export function splitList(cell: string): string[] {
  return cell
    .split(/[;|]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

const TRUE = new Set(["true", "yes", "y", "1", "t"]);
const FALSE = new Set(["false", "no", "n", "0", "f"]);

/**
 * `true/false/yes/no/1/0` (any case) to a boolean; `undefined` for an empty cell; `null` when not a boolean.
 *
 * @example
 * ```ts
 * import { toBoolean } from "pthv/node";
 * [toBoolean("Yes"), toBoolean("0"), toBoolean(""), toBoolean("maybe")]; // [true, false, undefined, null]
 * ```
 */
export function toBoolean(cell: string): boolean | undefined | null {
  if (cell === "") return undefined;
  const v = cell.toLowerCase();
  if (TRUE.has(v)) return true;
  if (FALSE.has(v)) return false;
  return null;
}

/**
 * A number, `undefined` for an empty cell, or `null` when the cell is not a number.
 *
 * @example
 * ```ts
 * import { toNumber } from "pthv/node";
 * [toNumber("1.5"), toNumber(""), toNumber("12abc")]; // [1.5, undefined, null]
 * ```
 */
export function toNumber(cell: string): number | undefined | null {
  if (cell === "") return undefined;
  const n = Number(cell);
  return Number.isFinite(n) && /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(cell) ? n : null;
}

/**
 * The value of an extra, analyst-named column: a number when the cell is numeric, a boolean for
 * true/false/yes/no, `null` when empty, otherwise the text (a category).
 *
 * @example
 * ```ts
 * import { toColumnValue } from "pthv/node";
 * [toColumnValue("12"), toColumnValue("yes"), toColumnValue(""), toColumnValue("free")]; // [12, true, null, "free"]
 * ```
 */
export function toColumnValue(cell: string): number | boolean | string | null {
  if (cell === "") return null;
  const n = toNumber(cell);
  if (typeof n === "number") return n;
  const lower = cell.toLowerCase();
  if (lower === "true" || lower === "yes") return true;
  if (lower === "false" || lower === "no") return false;
  return cell;
}
