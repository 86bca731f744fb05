/**
 * The student frame: the evaluation's input, rows or columns, checked once and held as typed
 * columns so that a million students need neither a million objects nor a second copy per model.
 */
import { PthvInputError, type InputIssue } from "../errors/index.js";

/**
 * A column of values: a plain array or a typed array.
 *
 * @example
 * ```ts
 * const daysAbsent: ColumnInput = Int32Array.from([3, 0, 12]);
 * ```
 */
export type ColumnInput = ArrayLike<number | boolean | string | null | undefined>;

/**
 * Records as an array of row objects, or as an object of equally long columns.
 *
 * @example
 * ```ts
 * const columns: OutcomeRecords = { schoolId: ["s1", "s1"], visited: [true, false], daysEnrolled: [180, 180], daysAbsent: [4, 9] };
 * ```
 */
export type OutcomeRecords = readonly Record<string, unknown>[] | Readonly<Record<string, ColumnInput>>;

/**
 * Where the records came from, so that problems can name the file and row.
 *
 * @example
 * ```ts
 * evaluateOutcomes(rows, { source: { file: "outcomes.csv", firstRow: 2 } });
 * ```
 */
export interface OutcomeSource {
  /** File name shown in messages. */
  file?: string;
  /** Row number of the first record (CSV: 2, after the header). Default 1. */
  firstRow?: number;
}

/** The checked, columnar frame used by every computation. Private to the part. */
export interface StudentFrame {
  n: number;
  /** School of each student as an index into `schools`. */
  school: Int32Array;
  schools: string[];
  visited: Uint8Array;
  /** Family of each student as a code, when a `familyId` column was given (-1 where missing). */
  family: Int32Array | undefined;
  /** The family id of each code (never published: used to find families in a cohort). */
  familyIds: string[];
  daysEnrolled: Float64Array;
  daysAbsent: Float64Array;
  /** Numeric (or 0/1) columns by name; NaN where missing. */
  numeric: Map<string, Float64Array>;
  /** Names of columns whose values are all 0/1 (booleans). */
  binary: Set<string>;
  /** Text columns by name (categories), `undefined` where missing. */
  text: Map<string, (string | undefined)[]>;
}

interface Accessor {
  n: number;
  has(name: string): boolean;
  /** The whole column: the given array for columns, one new array for rows (read once). */
  column(name: string): ArrayLike<unknown>;
}

function accessorOf(records: OutcomeRecords): Accessor {
  if (Array.isArray(records)) {
    const rows = records as readonly Record<string, unknown>[];
    return {
      n: rows.length,
      has: (name) => rows.some((r) => r !== null && typeof r === "object" && name in r),
      column: (name) => rows.map((r) => r?.[name]),
    };
  }
  const columns = records as Readonly<Record<string, ColumnInput>>;
  const lengths = Object.values(columns).map((c) => c?.length ?? 0);
  return {
    n: lengths.length === 0 ? 0 : Math.max(...lengths),
    has: (name) => columns[name] !== undefined,
    column: (name) => columns[name] ?? [],
  };
}

function toNumberOrNaN(value: unknown): number {
  if (typeof value === "number") return value;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value === "string" && value.trim() !== "") {
    const lower = value.trim().toLowerCase();
    if (lower === "true" || lower === "yes") return 1;
    if (lower === "false" || lower === "no") return 0;
    const n = Number(value);
    return Number.isFinite(n) ? n : Number.NaN;
  }
  return Number.NaN;
}

function isMissing(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === "string" && value.trim() === "") || (typeof value === "number" && Number.isNaN(value));
}

/**
 * Reads and checks the records into a {@link StudentFrame}. Every problem in every row is collected
 * and thrown at once as a PthvInputError naming file, row and field; values are never echoed.
 */
export function buildFrame(
  records: OutcomeRecords,
  required: readonly string[],
  optional: readonly string[],
  clusterColumn: string,
  source: OutcomeSource = {},
  label: (name: string) => string = (name) => name,
): StudentFrame {
  const acc = accessorOf(records);
  const wanted = [...new Set([...required, ...optional.filter((name) => acc.has(name))])];
  const issues: InputIssue[] = [];
  const firstRow = source.firstRow ?? 1;
  const where = (i: number, field: string): InputIssue => ({
    ...(source.file !== undefined ? { file: source.file } : {}),
    row: i + firstRow,
    field: label(field),
    entity: "student",
    message: "",
  });
  const push = (i: number, field: string, message: string) => {
    if (issues.length < 200) issues.push({ ...where(i, field), message });
  };
  if (!Array.isArray(records)) {
    const lengths = Object.entries(records as Record<string, ColumnInput>).filter(([, c]) => (c?.length ?? 0) !== acc.n);
    for (const [name] of lengths) issues.push({ ...(source.file !== undefined ? { file: source.file } : {}), field: label(name), message: `column '${name}' is shorter than the others: every column needs one value per student` });
  }
  const fileOnly = source.file !== undefined ? { file: source.file } : {};
  for (const required of [clusterColumn, "daysEnrolled", "daysAbsent"]) {
    if (!acc.has(required)) issues.push({ ...fileOnly, field: label(required), message: `column '${required}' is missing: add it (one value per student)` });
  }
  if (!acc.has("visited") && !acc.has("firstVisitDate")) {
    issues.push({ ...fileOnly, field: "visited", message: "column 'visited' is missing: add it (true/false per student) or give 'firstVisitDate'" });
  }
  for (const name of required) {
    if (!acc.has(name)) issues.push({ ...fileOnly, field: label(name), message: `column '${name}' is missing: add it or remove it from the options` });
  }
  if (issues.length > 0) throw new PthvInputError(issues);

  const n = acc.n;
  const school = new Int32Array(n);
  const schoolIndex = new Map<string, number>();
  const schools: string[] = [];
  const visited = new Uint8Array(n);
  const daysEnrolled = new Float64Array(n);
  const daysAbsent = new Float64Array(n);
  const hasVisited = acc.has("visited");
  const clusterValues = acc.column(clusterColumn);
  let lastCluster: unknown = Symbol("none");
  let lastCode = 0;
  const visitedValues = acc.column(hasVisited ? "visited" : "firstVisitDate");
  const enrolledValues = acc.column("daysEnrolled");
  const absentValues = acc.column("daysAbsent");
  for (let i = 0; i < n; i++) {
    const s = clusterValues[i];
    if (s === lastCluster) school[i] = lastCode; // rows of one school usually come together
    else if (isMissing(s)) push(i, clusterColumn, `missing ${clusterColumn}: every student needs one`);
    else {
      lastCluster = s;
      const key = String(s);
      let k = schoolIndex.get(key);
      if (k === undefined) {
        k = schools.length;
        schoolIndex.set(key, k);
        schools.push(key);
      }
      school[i] = k;
      lastCode = k;
    }
    if (hasVisited) {
      const v = visitedValues[i];
      const x = toNumberOrNaN(v);
      if (x === 0 || x === 1) visited[i] = x;
      else push(i, "visited", "visited must be true or false (or 1/0)");
    } else {
      visited[i] = isMissing(visitedValues[i]) ? 0 : 1;
    }
    const e = toNumberOrNaN(enrolledValues[i]);
    const a = toNumberOrNaN(absentValues[i]);
    if (!(Number.isInteger(e) && e >= 0)) push(i, "daysEnrolled", "daysEnrolled must be a whole number of days, 0 or more");
    if (!(Number.isInteger(a) && a >= 0)) push(i, "daysAbsent", "daysAbsent must be a whole number of days, 0 or more");
    else if (Number.isInteger(e) && a > e) push(i, "daysAbsent", "daysAbsent exceeds daysEnrolled: check both columns for this student");
    daysEnrolled[i] = e;
    daysAbsent[i] = a;
  }

  let family: Int32Array | undefined;
  const familyIds: string[] = [];
  if (acc.has("familyId")) {
    family = new Int32Array(n);
    const codes = new Map<string, number>();
    const familyValues = acc.column("familyId");
    for (let i = 0; i < n; i++) {
      const f = familyValues[i];
      if (isMissing(f)) family[i] = -1;
      else {
        const key = String(f);
        let k = codes.get(key);
        if (k === undefined) {
          codes.set(key, (k = codes.size));
          familyIds.push(key);
        }
        family[i] = k;
      }
    }
  }

  const numeric = new Map<string, Float64Array>();
  const text = new Map<string, (string | undefined)[]>();
  const binary = new Set<string>();
  for (const name of wanted) {
    const column = new Float64Array(n);
    let textual = false;
    let isBinary = true;
    const values = acc.column(name);
    for (let i = 0; i < n; i++) {
      const v = values[i];
      if (isMissing(v)) {
        column[i] = Number.NaN;
        continue;
      }
      const x = toNumberOrNaN(v);
      if (Number.isNaN(x)) {
        textual = true;
        break;
      }
      if (!Number.isFinite(x)) push(i, name, `${name} must be a finite number`);
      column[i] = x;
      if (x !== 0 && x !== 1) isBinary = false;
    }
    if (textual) {
      const labels: (string | undefined)[] = new Array(n);
      for (let i = 0; i < n; i++) {
        const v = values[i];
        labels[i] = isMissing(v) ? undefined : String(v);
      }
      text.set(name, labels);
    } else {
      numeric.set(name, column);
      if (isBinary) binary.add(name);
    }
  }
  if (issues.length > 0) throw new PthvInputError(issues, issues.length >= 200 ? "200 or more problems in the records (the first 200 are listed)" : undefined);
  return { n, school, schools, visited, family, familyIds, daysEnrolled, daysAbsent, numeric, binary, text };
}
