import { basename } from "node:path";
import { PthvInputError, type InputIssue } from "../errors/index.js";
import { parseCsv, type CsvTable } from "./csv.js";
import { readTextFile } from "./read-file.js";

/**
 * Reads one CSV file into a {@link CsvTable} (camelCase headers, raw cells, spreadsheet rows),
 * for inputs that are not a whole programme: a sampling frame, outcome data, a list of schools.
 *
 * @param path - the CSV file
 * @returns the table
 * @throws PthvInputError when the file is missing, not UTF-8, or not well-formed CSV
 *
 * @example
 * ```ts
 * import { readCsvFile } from "pthv/node";
 * const table = await readCsvFile("frame.csv");
 * table.columns; // ["id", "schoolId", "grade", ...]
 * ```
 */
export async function readCsvFile(path: string): Promise<CsvTable> {
  const file = basename(path);
  const text = await readTextFile(path);
  const issues: InputIssue[] = [];
  const table = parseCsv(text, file, issues);
  if (issues.length > 0) throw new PthvInputError(issues);
  return table;
}
