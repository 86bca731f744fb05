/**
 * The sampling frame: one row per student, grouped into families (the unit invited) and schools.
 * Private to the cohort part.
 */
import { PthvInputError, type InputIssue } from "../errors/index.js";
import { frameDigest } from "../random/index.js";

/**
 * One student of a sampling frame. `familyId` groups siblings (one invitation per family); a
 * student without one is a family of their own, whose id is the student's id. Any further named
 * columns (numbers, booleans or categories) can serve as balancing variables or strata.
 *
 * @example
 * ```ts
 * const row: FrameRow = { id: "stu-1", schoolId: "sch-1", familyId: "fam-1", grade: 3, teacherId: "t-1", ell: true };
 * ```
 */
export interface FrameRow {
  id: string;
  schoolId: string;
  familyId?: string | null | undefined;
  grade?: number | undefined;
  teacherId?: string | undefined;
  [column: string]: string | number | boolean | null | undefined;
}

/** Where each frame row came from (CSV file and row), for located messages. Optional. */
export interface FrameSource {
  file?: string;
  /** Row of each frame row, by index. */
  rows?: readonly number[];
}

/** A frame grouped into families and schools, in a canonical order that ignores row order. */
export interface IndexedFrame {
  rows: readonly FrameRow[];
  /** Row indices sorted by student id. */
  order: Int32Array;
  /** Family ids, in the order of their lowest student id. */
  familyIds: string[];
  /** Family index of each row. */
  familyOfRow: Int32Array;
  /** The row of each family's lowest-id student (its representative for strata and classes). */
  familyLead: Int32Array;
  /** Number of students in each family. */
  familyStudents: Int32Array;
  /** School of each family (the school of its lead student). */
  familySchool: string[];
  /** Family indices of each school, canonical order; schools sorted by id. */
  schools: Map<string, number[]>;
  familyIndex: Map<string, number>;
  digest: string;
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Locates a frame row for messages. */
export function locate(source: FrameSource | undefined, row: number, id?: string, field?: string): Omit<InputIssue, "message"> {
  const where: Omit<InputIssue, "message"> = { entity: "student" };
  if (source?.file !== undefined) where.file = source.file;
  const line = source?.rows?.[row];
  where.row = line ?? row + 1;
  if (id !== undefined) where.id = id;
  if (field !== undefined) where.field = field;
  return where;
}

/**
 * Groups a frame into families and schools and checks it: ids present, no duplicate student ids,
 * a school for every student, not empty. Every problem is reported at once.
 */
export function indexFrame(rows: readonly FrameRow[], source?: FrameSource): IndexedFrame {
  const issues: InputIssue[] = [];
  if (rows.length === 0) throw new PthvInputError([{ ...(source?.file !== undefined ? { file: source.file } : {}), message: "the frame is empty: give one row per student of the schools to sample" }]);
  const ids: string[] = new Array<string>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const id = row.id;
    if (typeof id !== "string" || id.trim() === "") {
      issues.push({ ...locate(source, i, undefined, "id"), message: "missing student id: every row needs a pseudonymous id" });
      ids[i] = "";
    } else ids[i] = id;
    if (typeof row.schoolId !== "string" || row.schoolId.trim() === "") {
      issues.push({ ...locate(source, i, ids[i] || undefined, "schoolId"), message: "missing school id: every student belongs to a school" });
    }
    const family = row.familyId;
    if (family !== undefined && family !== null && typeof family !== "string") {
      issues.push({ ...locate(source, i, ids[i] || undefined, "familyId"), message: "family id must be text: leave it empty for a student who is a family of their own" });
    }
  }
  const order = Int32Array.from({ length: rows.length }, (_, i) => i).sort((a, b) => compareText(ids[a]!, ids[b]!));
  for (let k = 1; k < order.length; k++) {
    const a = ids[order[k - 1]!]!;
    const b = ids[order[k]!]!;
    if (a !== "" && a === b) issues.push({ ...locate(source, order[k]!, b, "id"), message: "duplicate student id: each student appears once in the frame" });
  }
  if (issues.length > 0) throw new PthvInputError(issues, `${issues.length} problem${issues.length === 1 ? "" : "s"} in the frame`);

  const familyIndex = new Map<string, number>();
  const familyIds: string[] = [];
  const leads: number[] = [];
  const familySchool: string[] = [];
  const familyOfRow = new Int32Array(rows.length);
  const sorted: string[] = new Array<string>(rows.length);
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    const row = rows[i]!;
    sorted[k] = ids[i]!;
    const key = typeof row.familyId === "string" && row.familyId !== "" ? row.familyId : ids[i]!;
    let f = familyIndex.get(key);
    if (f === undefined) {
      f = familyIds.length;
      familyIndex.set(key, f);
      familyIds.push(key);
      leads.push(i);
      familySchool.push(row.schoolId);
    }
    familyOfRow[i] = f;
  }
  const familyStudents = new Int32Array(familyIds.length);
  for (let i = 0; i < rows.length; i++) familyStudents[familyOfRow[i]!]! += 1;
  const bySchool = new Map<string, number[]>();
  for (let f = 0; f < familyIds.length; f++) {
    const s = familySchool[f]!;
    let list = bySchool.get(s);
    if (list === undefined) bySchool.set(s, (list = []));
    list.push(f);
  }
  const schools = new Map([...bySchool.keys()].sort(compareText).map((s) => [s, bySchool.get(s)!] as const));
  return {
    rows,
    order,
    familyIds,
    familyOfRow,
    familyLead: Int32Array.from(leads),
    familyStudents,
    familySchool,
    schools,
    familyIndex,
    digest: frameDigest(sorted),
  };
}

/** The value of a named column on a row, treating the empty string as missing. */
export function cell(row: FrameRow, column: string): string | number | boolean | null | undefined {
  const value = row[column];
  return value === "" ? null : value;
}

export { compareText };
