/**
 * Readiness data from a flat table (a CSV file, a spreadsheet export): one school per row, one
 * column per field. Pure: the caller reads the file (`readCsvFile` in `pthv/node`).
 */
import { PthvInputError, type InputIssue } from "../errors/index.js";
import type { SchoolReadinessInput } from "../model/index.js";
import type { ReadinessSources } from "./parse.js";

type Kind = "text" | "integer" | "number" | "boolean" | "money";

/**
 * Each column (camelCase, as `camelCaseHeader` gives it), the schema path it fills, and its kind.
 *
 * @example
 * ```ts
 * import { READINESS_COLUMNS } from "pthv";
 * READINESS_COLUMNS.teachersInSupport!.path; // "teachers.inSupport"
 * ```
 */
export const READINESS_COLUMNS: Readonly<Record<string, { path: string; kind: Kind }>> = {
  schoolId: { path: "schoolId", kind: "text" },
  name: { path: "name", kind: "text" },
  principalNamed: { path: "principal.named", kind: "boolean" },
  principalEngaged: { path: "principal.engaged", kind: "boolean" },
  teachers: { path: "teachers.total", kind: "integer" },
  teachersInSupport: { path: "teachers.inSupport", kind: "integer" },
  teachersSurveyed: { path: "teachers.surveyed", kind: "integer" },
  budget: { path: "funding.budget", kind: "money" },
  currency: { path: "funding.currency", kind: "text" },
  estimatedCost: { path: "funding.estimatedCost", kind: "money" },
  familiesToVisit: { path: "funding.season.familiesToVisit", kind: "integer" },
  visitsPerFamily: { path: "funding.season.visitsPerFamily", kind: "integer" },
  visitHours: { path: "funding.season.visitHours", kind: "number" },
  travelHours: { path: "funding.season.travelHours", kind: "number" },
  reflectionHours: { path: "funding.season.reflectionHours", kind: "number" },
  hourlyRate: { path: "funding.season.hourlyRate", kind: "number" },
  educatorsToTrain: { path: "funding.season.educatorsToTrain", kind: "integer" },
  trainingHours: { path: "funding.season.trainingHours", kind: "number" },
  coordinatorHours: { path: "funding.season.coordinatorHours", kind: "number" },
  coordinatorRate: { path: "funding.season.coordinatorRate", kind: "number" },
  materialsPerFamily: { path: "funding.season.materialsPerFamily", kind: "number" },
  administrationProcedures: { path: "processes.administrationProcedures", kind: "boolean" },
  dataCollection: { path: "processes.dataCollection", kind: "boolean" },
  evaluationPlan: { path: "processes.evaluationPlan", kind: "boolean" },
  trainingPlan: { path: "processes.trainingPlan", kind: "boolean" },
};

/**
 * One row of a table: its spreadsheet line and its cells by camelCase column name.
 *
 * @example
 * ```ts
 * import type { ReadinessRow } from "pthv";
 * const row: ReadinessRow = { line: 2, cells: new Map([["schoolId", "sch-1"], ["teachers", "36"]]) };
 * ```
 */
export interface ReadinessRow {
  line: number;
  cells: ReadonlyMap<string, string>;
}

/**
 * Schools read from a table, with the sources that locate any later problem in the file.
 *
 * @example
 * ```ts
 * import { rankSchools, readinessFromRows, type ReadinessTable } from "pthv";
 * const table: ReadinessTable = readinessFromRows(rows, "schools.csv");
 * rankSchools(table.schools, {}, table.sources);
 * ```
 */
export interface ReadinessTable {
  schools: SchoolReadinessInput[];
  sources: Required<Pick<ReadinessSources, "file" | "rows" | "fields">>;
}

const TRUE = new Set(["true", "yes", "y", "1"]);
const FALSE = new Set(["false", "no", "n", "0"]);

/**
 * Turns a table of schools (one per row) into readiness records. Columns: `school_id`, `name`,
 * `principal_named`, `principal_engaged`, `teachers`, `teachers_in_support`, `teachers_surveyed`,
 * `budget`, `currency`, `estimated_cost` or the season's columns (`families_to_visit`,
 * `hourly_rate`, `visits_per_family`, ...), and the processes `administration_procedures`,
 * `data_collection`, `evaluation_plan`, `training_plan` (yes/no). Money cells may be text such as
 * `$31,200`; empty cells are absent.
 *
 * @param rows - the table's rows (as `readCsvFile` returns them)
 * @param file - the file name, for messages
 * @returns the records and the sources to pass to {@link rankSchools}
 * @throws PthvInputError for unknown columns and cells that are not the right kind, every one at once
 *
 * @example
 * ```ts
 * const cells = new Map([["schoolId", "sch-1"], ["teachers", "36"], ["principalNamed", "yes"]]);
 * const { schools } = readinessFromRows([{ line: 2, cells }], "schools.csv");
 * schools[0]!.teachers.total; // 36
 * ```
 */
export function readinessFromRows(rows: readonly ReadinessRow[], file: string): ReadinessTable {
  const issues: InputIssue[] = [];
  const unknown = new Set<string>();
  const schools = rows.map((row) => {
    // The nested objects always exist, so a missing column is reported by its own name.
    const record: Record<string, unknown> = { principal: {}, teachers: {}, funding: {} };
    for (const [column, cell] of row.cells) {
      const spec = READINESS_COLUMNS[column];
      if (spec === undefined) {
        unknown.add(column);
        continue;
      }
      if (cell === "") continue;
      const value = convert(cell, spec.kind);
      if (value === null) {
        issues.push({ file, row: row.line, entity: "school", ...idOf(row), field: snake(column), message: `'${cell}' is not ${KIND_WORDS[spec.kind]}` });
        continue;
      }
      setPath(record, spec.path, value);
    }
    return record as unknown as SchoolReadinessInput;
  });
  for (const column of unknown) {
    issues.unshift({ file, row: 1, field: snake(column), message: `unknown column: expected one of ${Object.keys(READINESS_COLUMNS).map(snake).join(", ")}` });
  }
  if (issues.length > 0) throw new PthvInputError(issues);
  const fields = Object.fromEntries(Object.entries(READINESS_COLUMNS).map(([column, spec]) => [spec.path, snake(column)]));
  return { schools, sources: { file, rows: rows.map((r) => r.line), fields } };
}

const KIND_WORDS: Record<Kind, string> = {
  text: "text",
  integer: "a whole number",
  number: "a number",
  boolean: "yes or no (true/false, 1/0)",
  money: "an amount",
};

function convert(cell: string, kind: Kind): unknown {
  switch (kind) {
    case "text":
    case "money": // parsed by the Money schema, which explains what it cannot read
      return cell;
    case "boolean": {
      const v = cell.toLowerCase();
      return TRUE.has(v) ? true : FALSE.has(v) ? false : null;
    }
    case "integer":
    case "number": {
      if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(cell)) return null;
      const n = Number(cell);
      return kind === "integer" && !Number.isInteger(n) ? null : n;
    }
  }
}

function idOf(row: ReadinessRow): { id?: string } {
  const id = row.cells.get("schoolId");
  return id ? { id } : {};
}

function snake(column: string): string {
  return column.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

function setPath(record: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split(".");
  let node = record;
  keys.slice(0, -1).forEach((k) => {
    node[k] ??= {};
    node = node[k] as Record<string, unknown>;
  });
  node[keys[keys.length - 1]!] = value;
}
