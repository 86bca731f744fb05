/**
 * The CSV layout of a programme folder: one file per record type, with documented headers
 * (docs/input.md). Each file's reader turns rows into plain records for `parseProgram`, recording
 * every conversion problem with its file, row and column.
 */
import type { InputIssue } from "../errors/index.js";
import { ENTITY_OF, WEEKDAYS, type Collection } from "../model/index.js";
import { splitList, toBoolean, toColumnValue, toNumber, type CsvTable } from "./csv.js";

type Row = CsvTable["rows"][number];
type Plain = Record<string, unknown>;

/** Reads typed cells of one row, adding a located issue for each cell that does not convert. */
class RowReader {
  constructor(
    private readonly table: CsvTable,
    private readonly row: Row,
    private readonly issues: InputIssue[],
    private readonly entity: string,
  ) {}

  private problem(column: string, message: string): void {
    const id = this.row.cells.get("id") || this.row.cells.get("studentId");
    this.issues.push({
      file: this.table.file,
      row: this.row.line,
      field: this.table.written.get(column) ?? column,
      entity: this.entity,
      ...(id ? { id } : {}),
      message,
    });
  }

  has(column: string): boolean {
    return this.row.cells.has(column);
  }

  /** The raw text, or undefined when the cell is empty or the column absent. */
  text(column: string): string | undefined {
    const v = this.row.cells.get(column);
    return v === undefined || v === "" ? undefined : v;
  }

  number(column: string): number | undefined {
    const cell = this.row.cells.get(column) ?? "";
    const n = toNumber(cell);
    if (n === null) this.problem(column, `'${cell}' is not a number: write digits such as 42 or 1.5`);
    return n ?? undefined;
  }

  integer(column: string): number | undefined {
    const n = this.number(column);
    if (n !== undefined && !Number.isInteger(n)) this.problem(column, `must be a whole number`);
    return n;
  }

  boolean(column: string): boolean | undefined {
    const cell = this.row.cells.get(column) ?? "";
    const b = toBoolean(cell);
    if (b === null) this.problem(column, `'${cell}' is not a boolean: write true/false, yes/no or 1/0`);
    return b ?? undefined;
  }

  list(column: string): string[] | undefined {
    const cell = this.text(column);
    return cell === undefined ? undefined : splitList(cell);
  }

  grade(column: string): number | undefined {
    const cell = (this.text(column) ?? "").toUpperCase();
    if (cell === "K" || cell === "KG") return 0;
    if (cell === "PK" || cell === "PRE-K" || cell === "TK") return -1;
    return this.integer(column);
  }

  windows(column: string): Plain[] | undefined {
    const items = this.list(column);
    if (items === undefined) return undefined;
    const out: Plain[] = [];
    for (const item of items) {
      const window = parseWindow(item);
      if (window) out.push(window);
      else this.problem(column, `'${item}' is not an availability window: write 'sat 09:30-14:00' or 'START/END' with ISO datetimes`);
    }
    return out;
  }

  compensation(column: string): Plain[] | undefined {
    const items = this.list(column);
    if (items === undefined) return undefined;
    const out: Plain[] = [];
    for (const item of items) {
      const [educatorId, hours, amount] = item.split(":").map((s) => s.trim());
      const h = toNumber(hours ?? "");
      const a = amount === undefined ? undefined : toNumber(amount);
      if (!educatorId || typeof h !== "number" || a === null) {
        this.problem(column, `'${item}' is not a compensation entry: write EDUCATOR_ID:HOURS or EDUCATOR_ID:HOURS:AMOUNT`);
      } else out.push({ educatorId, hours: h, ...(typeof a === "number" ? { amount: a } : {}) });
    }
    return out;
  }

  /** Bell times `08:30-15:00`; `closed` or `none` gives null (no school that weekday). */
  bells(column: string): Plain | null | undefined {
    const cell = this.text(column);
    if (cell === undefined) return undefined;
    if (/^(closed|none|no)$/i.test(cell)) return null;
    const m = /^(\d{1,2}:\d{2})\s*-\s*(\d{1,2}:\d{2})$/.exec(cell);
    if (!m) {
      this.problem(column, `'${cell}' is not bell times: write START-END such as 08:30-15:00, or 'closed'`);
      return undefined;
    }
    return { start: m[1]!.padStart(5, "0"), end: m[2]!.padStart(5, "0") };
  }
}

const DAY_ALIASES: Record<string, (typeof WEEKDAYS)[number]> = Object.fromEntries(
  WEEKDAYS.flatMap((d) => [
    [d, d],
    [d.slice(0, 3), d],
  ]),
);

/** `sat 09:30-14:00` (weekly) or `2026-08-01T10:00:00-04:00/2026-08-01T12:00:00-04:00` (dated). */
export function parseWindow(text: string): Plain | undefined {
  const weekly = /^([A-Za-z]+)\s+(\d{1,2}:\d{2})\s*-\s*(\d{1,2}:\d{2})$/.exec(text.trim());
  if (weekly) {
    const weekday = DAY_ALIASES[weekly[1]!.toLowerCase()];
    if (!weekday) return undefined;
    return { kind: "weekly", weekday, start: weekly[2]!.padStart(5, "0"), end: weekly[3]!.padStart(5, "0") };
  }
  const dated = text.split("/");
  if (dated.length === 2 && dated[0]!.includes("T") && dated[1]!.includes("T")) {
    return { kind: "dated", start: dated[0]!.trim(), end: dated[1]!.trim() };
  }
  return undefined;
}

/** Sets `key` on `target` when the value is defined (so optional fields stay absent). */
function put(target: Plain, key: string, value: unknown): void {
  if (value !== undefined) target[key] = value;
}

/** How one CSV file maps onto one collection of the programme record. */
export interface CsvFileSpec {
  file: string;
  collection: Collection;
  /** camelCase columns this file understands. */
  columns: string[];
  /** Extra columns are kept as named attributes (students, outcomes) instead of being refused. */
  keepsExtraColumns: boolean;
  build(reader: RowReader, extras: string[], row: Row): Plain;
}

const bellColumns = WEEKDAYS.map((d) => `bell${d[0]!.toUpperCase()}${d.slice(1)}`);

/** The CSV files of a programme folder. Documented in docs/input.md. */
export const CSV_FILES: CsvFileSpec[] = [
  {
    file: "schools.csv",
    collection: "schools",
    columns: ["id", "name", "districtId", "timeZone", "firstDay", "lastDay", "closedDates", "bellStart", "bellEnd", ...bellColumns],
    keepsExtraColumns: false,
    build(r) {
      const bellTimes: Plain = {};
      const start = r.text("bellStart");
      const end = r.text("bellEnd");
      if (start !== undefined && end !== undefined) {
        for (const d of WEEKDAYS.slice(0, 5)) bellTimes[d] = { start: start.padStart(5, "0"), end: end.padStart(5, "0") };
      }
      WEEKDAYS.forEach((d, i) => {
        const b = r.bells(bellColumns[i]!);
        if (b === null) delete bellTimes[d];
        else if (b !== undefined) bellTimes[d] = b;
      });
      const school: Plain = { calendar: { firstDay: r.text("firstDay"), lastDay: r.text("lastDay"), closedDates: r.list("closedDates") ?? [] }, bellTimes };
      put(school, "id", r.text("id"));
      put(school, "name", r.text("name"));
      put(school, "districtId", r.text("districtId"));
      put(school, "timeZone", r.text("timeZone"));
      return school;
    },
  },
  {
    file: "students.csv",
    collection: "students",
    columns: ["id", "schoolId", "grade", "teacherId", "familyId"],
    keepsExtraColumns: true,
    build(r, extras, row) {
      const student: Plain = {};
      for (const c of extras) student[c] = toColumnValueNa(row.cells.get(c) ?? "");
      put(student, "id", r.text("id"));
      put(student, "schoolId", r.text("schoolId"));
      put(student, "grade", r.grade("grade"));
      put(student, "teacherId", r.text("teacherId"));
      put(student, "familyId", r.text("familyId") ?? r.text("id"));
      return student;
    },
  },
  {
    file: "families.csv",
    collection: "families",
    columns: ["id", "schoolId", "homeLanguage", "consent", "consentStatus", "consentRecordedAt", "availability"],
    keepsExtraColumns: false,
    build(r) {
      const family: Plain = {};
      put(family, "id", r.text("id"));
      put(family, "schoolId", r.text("schoolId"));
      put(family, "homeLanguage", r.text("homeLanguage"));
      const consent: Plain = {};
      if (r.has("consent")) {
        const accepted = r.boolean("consent");
        consent.status = accepted === undefined ? "pending" : accepted ? "accepted" : "declined";
      } else consent.status = r.text("consentStatus") ?? "pending";
      put(consent, "recordedAt", r.text("consentRecordedAt"));
      family.consent = consent;
      put(family, "availability", r.windows("availability"));
      return family;
    },
  },
  {
    file: "educators.csv",
    collection: "educators",
    columns: ["id", "schoolId", "role", "languages", "optedInAt", "trainedAt", "trainingHours", "hourlyRate", "availability", "experience", "firstYear"],
    keepsExtraColumns: false,
    build(r) {
      const educator: Plain = {};
      put(educator, "id", r.text("id"));
      put(educator, "schoolId", r.text("schoolId"));
      put(educator, "role", r.text("role"));
      put(educator, "languages", r.list("languages"));
      put(educator, "optedInAt", r.text("optedInAt"));
      const trainedAt = r.text("trainedAt");
      const hours = r.number("trainingHours");
      if (trainedAt !== undefined) educator.trainings = [{ completedAt: trainedAt, hours: hours ?? 0 }];
      put(educator, "hourlyRate", r.number("hourlyRate"));
      put(educator, "availability", r.windows("availability"));
      const firstYear = r.has("firstYear") ? r.boolean("firstYear") : undefined;
      put(educator, "experience", r.text("experience") ?? (firstYear === undefined ? undefined : firstYear ? "first-year" : "experienced"));
      return educator;
    },
  },
  {
    file: "pairs.csv",
    collection: "pairs",
    columns: ["id", "schoolId", "educatorIds"],
    keepsExtraColumns: false,
    build(r) {
      const pair: Plain = {};
      put(pair, "id", r.text("id"));
      put(pair, "schoolId", r.text("schoolId"));
      put(pair, "educatorIds", r.list("educatorIds"));
      return pair;
    },
  },
  {
    file: "visits.csv",
    collection: "visits",
    columns: ["id", "schoolId", "familyId", "educatorIds", "pairId", "scheduledAt", "start", "end", "visitNumber", "focus", "agenda", "location", "status", "interpreter", "compensation"],
    keepsExtraColumns: false,
    build(r) {
      const visit: Plain = {};
      for (const key of ["id", "schoolId", "familyId", "pairId", "scheduledAt", "start", "end", "focus", "location", "status"]) put(visit, key, r.text(key));
      put(visit, "educatorIds", r.list("educatorIds"));
      put(visit, "visitNumber", r.integer("visitNumber"));
      put(visit, "agenda", r.list("agenda"));
      put(visit, "interpreter", r.boolean("interpreter"));
      put(visit, "compensation", r.compensation("compensation"));
      return visit;
    },
  },
  {
    file: "reflections.csv",
    collection: "reflections",
    columns: ["id", "visitIds", "educatorIds", "at", "hours"],
    keepsExtraColumns: false,
    build(r) {
      const reflection: Plain = {};
      put(reflection, "id", r.text("id"));
      put(reflection, "visitIds", r.list("visitIds"));
      put(reflection, "educatorIds", r.list("educatorIds"));
      put(reflection, "at", r.text("at"));
      put(reflection, "hours", r.number("hours"));
      return reflection;
    },
  },
  {
    file: "outcomes.csv",
    collection: "outcomes",
    columns: ["studentId", "schoolId", "familyId", "visited", "firstVisitDate", "invited", "daysEnrolled", "daysAbsent", "readingProficient", "readingScore", "priorDaysEnrolled", "priorDaysAbsent", "priorReadingProficient", "priorReadingScore"],
    keepsExtraColumns: true,
    build(r, extras, row) {
      const outcome: Plain = {};
      for (const c of extras) outcome[c] = toColumnValueNa(row.cells.get(c) ?? "");
      for (const key of ["studentId", "schoolId", "familyId", "firstVisitDate"]) put(outcome, key, r.text(key));
      for (const key of ["visited", "invited", "readingProficient", "priorReadingProficient"]) put(outcome, key, r.boolean(key));
      for (const key of ["daysEnrolled", "daysAbsent", "priorDaysEnrolled", "priorDaysAbsent"]) put(outcome, key, r.integer(key));
      for (const key of ["readingScore", "priorReadingScore"]) put(outcome, key, r.number(key));
      if (outcome.visited === undefined && outcome.firstVisitDate !== undefined) outcome.visited = true;
      return outcome;
    },
  },
];

/** `NA`, `N/A`, `null` and empty cells are missing values in analysts' extra columns. */
function toColumnValueNa(cell: string): ReturnType<typeof toColumnValue> {
  return /^(na|n\/a|null|nan)$/i.test(cell) ? null : toColumnValue(cell);
}

/**
 * Converts one parsed CSV table into plain records for its collection, with each record's row.
 */
export function readCsvRecords(
  table: CsvTable,
  spec: CsvFileSpec,
  issues: InputIssue[],
): { records: Plain[]; rows: number[] } {
  const known = new Set(spec.columns);
  const extras = table.columns.filter((c) => c !== "" && !known.has(c));
  if (!spec.keepsExtraColumns) {
    for (const c of extras) {
      issues.push({
        file: table.file,
        row: 1,
        field: table.written.get(c) ?? c,
        message: `unknown column: expected some of ${spec.columns.join(", ")} (snake_case or camelCase)`,
      });
    }
  }
  const records: Plain[] = [];
  const rows: number[] = [];
  for (const row of table.rows) {
    const reader = new RowReader(table, row, issues, ENTITY_OF[spec.collection]);
    records.push(spec.build(reader, spec.keepsExtraColumns ? extras : [], row));
    rows.push(row.line);
  }
  return { records, rows };
}

export type { RowReader };
