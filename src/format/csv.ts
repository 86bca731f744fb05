/**
 * CSV text for spreadsheets, safe against formula injection: a text cell that starts with `=`,
 * `+`, `-`, `@`, a tab or a carriage return is prefixed with an apostrophe, so a spreadsheet shows
 * it as text instead of running it (OWASP's advice on CSV injection). Plain numbers, including
 * negative ones, are written as numbers.
 *
 * @packageDocumentation
 */
import Papa from "papaparse";

/**
 * A cell value: text, number, boolean, or missing.
 *
 * @example
 * ```ts
 * import { toCsv, type CsvCell } from "pthv";
 * const row: Record<string, CsvCell> = { id: "v1", hours: 1.5, interpreter: false, note: null };
 * toCsv([row], ["id", "hours", "interpreter", "note"]);
 * ```
 */
export type CsvCell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Makes one cell safe to open in a spreadsheet.
 *
 * @example
 * ```ts
 * spreadsheetSafe("=HYPERLINK(\"x\")"); // "'=HYPERLINK(\"x\")"
 * spreadsheetSafe(-3); // -3
 * ```
 */
export function spreadsheetSafe(value: CsvCell): CsvCell {
  return typeof value === "string" && FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * Writes rows as CSV text with a header, in the given column order. Missing values are empty
 * cells. With `formulaSafe` (the default) text cells are protected against formula injection.
 *
 * @param rows - one object per row
 * @param columns - the header, in order
 * @param options - `formulaSafe: false` to write cells exactly as they are (machine-to-machine files)
 * @returns CSV text ending in a newline
 *
 * @example
 * ```ts
 * toCsv([{ id: "v1", note: "=1+1" }], ["id", "note"]); // "id,note\r\nv1,'=1+1\r\n"
 * ```
 */
export function toCsv(rows: readonly Record<string, CsvCell>[], columns: readonly string[], options: { formulaSafe?: boolean } = {}): string {
  const safe = options.formulaSafe ?? true;
  const data = rows.map((row) => columns.map((c) => {
    const v = row[c];
    const cell = safe ? spreadsheetSafe(v) : v;
    return cell === null || cell === undefined ? "" : cell;
  }));
  return `${Papa.unparse({ fields: [...columns], data }, { newline: "\r\n" })}\r\n`;
}
