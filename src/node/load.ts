import { readdir, stat } from "node:fs/promises";
import { basename, join } from "node:path";
import { PthvInputError, type InputIssue } from "../errors/index.js";
import { COLLECTIONS, parseProgram, type Collection, type ProgramRecord, type SourceMap } from "../model/index.js";
import { camelCaseHeader, parseCsv } from "./csv.js";
import { jsonRecordLines } from "./json-lines.js";
import { parseJsonText } from "./parse-json.js";
import { readJsonFile, readTextFile } from "./read-file.js";

const RECORD_COLLECTIONS: ReadonlySet<string> = new Set(COLLECTIONS);
import { CSV_FILES, readCsvRecords } from "./program-csv.js";

/** JSON files a programme folder may hold beside its CSV files. */
const JSON_SIDE_FILES = { "cohorts.json": "cohorts", "plan.json": "plan", "season.json": "season" } as const;

/**
 * A loaded programme: the parsed record and where each record came from, so that diagnostics can
 * name the file and row.
 *
 * @example
 * ```ts
 * import { loadProgram, type LoadedProgram } from "pthv/node";
 * const { program, sources }: LoadedProgram = await loadProgram("district/");
 * sources.visits?.[0]; // { file: "visits.csv", row: 2 }
 * ```
 */
export interface LoadedProgram {
  program: ProgramRecord;
  sources: SourceMap;
}

/**
 * Loads a programme from a JSON file, or from a folder of CSV files with one file per record type
 * (schools.csv, students.csv, families.csv, educators.csv, pairs.csv, visits.csv, reflections.csv,
 * outcomes.csv; and cohorts.json, plan.json, season.json). Headers may be snake_case or camelCase;
 * booleans are true/false/yes/no/1/0; an empty cell is a missing value. The layout is documented
 * in docs/input.md.
 *
 * @param path - a `.json` file or a folder
 * @returns the parsed record and the source of every record
 * @throws PthvInputError listing every problem at once, each with file, row and field
 *
 * @example
 * ```ts
 * import { loadProgram } from "pthv/node";
 * const { program, sources } = await loadProgram("data/district");
 * console.log(program.visits.length, sources.visits?.[0]); // e.g. 355 { file: "visits.csv", row: 2 }
 * ```
 */
export async function loadProgram(path: string): Promise<LoadedProgram> {
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new PthvInputError([{ file: path, message: "no such file or folder: check the path" }]);
  }
  if (info.isDirectory()) return loadProgramFolder(path);
  const file = basename(path);
  const text = await readTextFile(path);
  const value = parseJsonText(text, file);
  // Each record's line, so problems and diagnostics point at it (as CSV rows do).
  const sources: SourceMap = { file };
  for (const [collection, lines] of jsonRecordLines(text, RECORD_COLLECTIONS)) {
    sources[collection as Collection] = lines.map((row) => ({ file, row }));
  }
  return { program: parseProgram(value, sources), sources };
}

async function loadProgramFolder(dir: string): Promise<LoadedProgram> {
  const issues: InputIssue[] = [];
  const names = (await readdir(dir)).sort();
  const known = new Set<string>([...CSV_FILES.map((s) => s.file), ...Object.keys(JSON_SIDE_FILES)]);
  for (const name of names) {
    if ((name.endsWith(".csv") || name.endsWith(".json")) && !known.has(name)) {
      issues.push({ file: name, message: `unrecognised file: a programme folder holds ${[...known].join(", ")}` });
    }
  }
  const record: Record<string, unknown> = {};
  const sources: SourceMap = {};
  const headers = new Map<string, Map<string, string>>();
  for (const spec of CSV_FILES) {
    if (!names.includes(spec.file)) continue;
    const table = parseCsv(await readTextFile(join(dir, spec.file)), spec.file, issues);
    const { records, rows } = readCsvRecords(table, spec, issues);
    headers.set(spec.file, table.written);
    record[spec.collection] = records;
    sources[spec.collection] = rows.map((row) => ({ file: spec.file, row }));
  }
  for (const [name, key] of Object.entries(JSON_SIDE_FILES)) {
    if (!names.includes(name)) continue;
    try {
      record[key] = await readJsonFile(join(dir, name));
      if (key === "cohorts") sources.cohorts = (Array.isArray(record[key]) ? (record[key] as unknown[]) : []).map(() => ({ file: name }));
    } catch (error) {
      if (error instanceof PthvInputError) issues.push(...error.issues);
      else throw error;
    }
  }
  if (issues.length === 0 && Object.keys(record).length === 0) {
    issues.push({ file: dir, message: "the folder holds no programme files: add schools.csv, families.csv, visits.csv, ..." });
  }
  // Conversion problems and schema problems are reported together, in one error.
  try {
    const program = parseProgram(record, sources);
    if (issues.length > 0) throw new PthvInputError(issues);
    return { program, sources };
  } catch (error) {
    if (error instanceof PthvInputError && error.issues !== issues) {
      throw new PthvInputError([...issues, ...dedupe(issues, error.issues).map((i) => asWritten(i, headers))]);
    }
    throw error;
  }
}

/** Drops schema issues about a cell that already has a conversion issue (one message per cell). */
function dedupe(first: readonly InputIssue[], second: readonly InputIssue[]): InputIssue[] {
  const cell = (i: InputIssue) => `${i.file}:${i.row}:${camelCaseHeader((i.field ?? "").split(/[.[]/)[0] ?? "")}`;
  const seen = new Set(first.map(cell));
  return second.filter((i) => !seen.has(cell(i)));
}

/** Names a schema issue's field by the CSV header as the user wrote it (`school_id`, not `schoolId`). */
function asWritten(issue: InputIssue, headers: Map<string, Map<string, string>>): InputIssue {
  if (issue.file === undefined || issue.field === undefined) return issue;
  const written = headers.get(issue.file);
  const [head = "", ...rest] = issue.field.split(/(?=[.[])/);
  const header = written?.get(head);
  return header === undefined ? issue : { ...issue, field: header + rest.join("") };
}
