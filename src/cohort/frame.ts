/**
 * The sampling frame: one row per student, grouped into families (the unit invited) and schools.
 * Private to the cohort part.
 */
import { PthvInputError, type InputIssue } from "../errors/index.js";
import { IdsDigest, sortedIdsDigest } from "./digest.js";
import { leading, ones, positions, positionsOf, shortened, type Positions } from "../memory/index.js";

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

/**
 * Where each frame row came from (CSV file and row), for located messages. Optional.
 *
 * @example
 * ```ts
 * import type { FrameSource } from "pthv";
 * const source: FrameSource = { file: "frame.csv", rows: [2, 3, 4] }; // the spreadsheet row of each frame row
 * ```
 */
export interface FrameSource {
  file?: string;
  /** Row of each frame row, by index. */
  rows?: readonly number[];
}

/** A frame grouped into families and schools, in a canonical order that ignores row order. */
export interface IndexedFrame {
  rows: readonly FrameRow[];
  /** Row indices sorted by student id. */
  order: Positions;
  /** Family ids, in the order of their lowest student id. */
  familyIds: string[];
  /** Family index of each row. */
  familyOfRow: Positions;
  /** The row of each family's lowest-id student (its representative for strata and classes). */
  familyLead: Positions;
  /** Number of students in each family (bytes when every family has one student). */
  familyStudents: Positions | Uint8Array;
  /** Rows grouped by family (students in id order): family f's rows are rowsByFamily[familyStart[f] .. familyStart[f + 1]). */
  rowsByFamily: Positions;
  familyStart: Positions;
  /**
   * Family indices of each school, canonical order; schools sorted by id. A frame of one school
   * lists its families 0 .. F - 1, which may share the memory of another of these lists (never
   * written to).
   */
  schools: Map<string, Positions>;
  digest: string;
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Row indices in `texts` order (stable), and whether the texts are strictly increasing along it (so
 * no two are equal). One linear pass when the rows are already in order, the usual export.
 */
function sortedOrder(n: number, texts: readonly string[], within?: Positions): { order: Positions; distinct: boolean } {
  const at = (k: number) => (within !== undefined ? within[k]! : k);
  let distinct = true;
  for (let k = 1; k < n; k++) {
    const a = texts[at(k - 1)]!;
    const b = texts[at(k)]!;
    if (a < b) continue;
    if (a === b) {
      distinct = false;
      continue;
    }
    // Sorted as a plain list (Array.prototype.sort is stable on every runtime; the grouping into
    // families relies on it), which serves as the frame's positions when they are a list in the
    // heap (a small frame), and is copied into a typed array otherwise.
    const indices: number[] = new Array<number>(n);
    for (let j = 0; j < n; j++) indices[j] = at(j);
    indices.sort((x, y) => compareText(texts[x]!, texts[y]!));
    const order = positionsOf(indices);
    for (let j = 1; j < n && distinct; j++) if (texts[order[j - 1]!] === texts[order[j]!]) distinct = false;
    return { order, distinct };
  }
  if (within !== undefined) return { order: within, distinct };
  return { order: identity(n), distinct };
}

/** The index of a family id in the frame's sorted family ids, or -1. */
export function findFamily(frame: IndexedFrame, id: string): number {
  // The first family id not below `id`, with one comparison of texts per step (the validator asks
  // for a million ids, 400 schools' visited families), then whether it is `id`.
  const ids = frame.familyIds;
  let lo = 0;
  let hi = ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ids[mid]! < id) lo = mid + 1;
    else hi = mid;
  }
  return lo < ids.length && ids[lo] === id ? lo : -1;
}

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

/** Options of {@link indexFrame}. */
export interface IndexOptions {
  /** Feed the audit digest of the ids while the rows are read. */
  digest?: boolean;
  /**
   * Called for each block of rows (`start` to `end`, every row once, in order) just after indexing
   * them, while they are still in the processor's cache: a caller that reads other columns of every
   * row (the balancing columns) reads them here rather than in a second pass over the row objects.
   */
  alongside?: (start: number, end: number) => void;
}

/** Rows per block handed to `alongside`: a thousand row objects and their texts fit in a core's cache. */
const ALONGSIDE_BLOCK = 1024;

/**
 * Groups a frame into families and schools and checks it: ids present, no duplicate student ids,
 * a school for every student, not empty. Every problem is reported at once. With `digest`, the
 * audit digest is fed while the rows are read (when their ids turn out to be in order, the usual
 * export), while each id is still in cache; otherwise it is computed on first use.
 */
export function indexFrame(rows: readonly FrameRow[], source?: FrameSource, options: IndexOptions = {}): IndexedFrame {
  const issues: InputIssue[] = [];
  if (rows.length === 0) throw new PthvInputError([{ ...(source?.file !== undefined ? { file: source.file } : {}), message: "the frame is empty: give one row per student of the schools to sample" }]);
  const n = rows.length;
  // One pass reads each row object once (a million of them do not fit in the processor's caches):
  // its id, its family key (the family id, or the student's own id) and its school.
  // Student ids per row, kept only once they turn out not to be in order (or when asked for): in
  // order, the rows themselves serve.
  let ids: string[] | undefined;
  const keys: string[] = new Array<string>(n);
  // Schools per row are kept only once a second school appears: a frame of one school (the usual
  // case, and how the validator calls) needs just that one id.
  const firstSchool = rows[0]!.schoolId;
  let schoolOfRow: string[] | undefined;
  // Whether ids, and family keys, increase (or repeat) from row to row, noted as the rows are read:
  // an export in id order then needs no sorting and no second pass over the texts.
  let idsIncrease = true;
  let idsDistinct = true;
  let keysIncrease = true;
  let keysDistinct = true;
  let previousId = "";
  let previousKey = "";
  // Families while the keys increase from row to row: each run of equal keys is one.
  let keyRuns = 1;
  const early = options.digest === true ? new IdsDigest(n) : undefined;
  const alongside = options.alongside;
  for (let start = 0; start < n; start += ALONGSIDE_BLOCK) {
    const end = Math.min(n, start + ALONGSIDE_BLOCK);
    for (let i = start; i < end; i++) {
      const row = rows[i]!;
      let id = row.id;
      if (typeof id !== "string" || id.length === 0) {
        issues.push({ ...locate(source, i, undefined, "id"), message: "missing student id: every row needs a pseudonymous id" });
        id = "";
      }
      const school = row.schoolId;
      if (schoolOfRow !== undefined) schoolOfRow[i] = school;
      else if (school !== firstSchool) {
        schoolOfRow = new Array<string>(n).fill(firstSchool, 0, i);
        schoolOfRow[i] = school;
      }
      if (typeof school !== "string" || school.length === 0) {
        issues.push({ ...locate(source, i, id || undefined, "schoolId"), message: "missing school id: every student belongs to a school" });
      }
      const family = row.familyId;
      if (family !== undefined && family !== null && typeof family !== "string") {
        issues.push({ ...locate(source, i, id || undefined, "familyId"), message: "family id must be text: leave it empty for a student who is a family of their own" });
      }
      const key = typeof family === "string" && family !== "" ? family : id;
      keys[i] = key;
      if (i > 0 && idsIncrease) {
        if (!(previousId < id)) {
          if (previousId === id) idsDistinct = false;
          else idsIncrease = false;
        }
        if (previousKey < key) keyRuns++;
        else if (previousKey === key) keysDistinct = false;
        else keysIncrease = false;
      }
      if (early !== undefined && idsIncrease) early.add(id);
      else if (!idsIncrease) (ids ??= idsOf(rows, i))[i] = id;
      previousId = id;
      previousKey = key;
    }
    alongside?.(start, end);
  }
  const allIds = (): string[] => (ids ??= idsOf(rows, n));
  // As sortedOrder would find them, without a second pass when the ids are in order.
  // Ids in order: the order is 0 .. n - 1; when every student is also a family of their own, the
  // first n of 0 .. n, which serve as the family starts: one list for both.
  const oneEachInOrder = idsIncrease && keysIncrease && keysDistinct;
  const upToN = oneEachInOrder ? identity(n + 1) : undefined;
  const { order, distinct: uniqueIds } = upToN !== undefined ? { order: leading(upToN, n), distinct: idsDistinct } : idsIncrease ? { order: identity(n), distinct: idsDistinct } : sortedOrder(n, allIds());
  // Strictly increasing ids have no duplicates; only otherwise are neighbours compared.
  for (let k = 1; k < n && !uniqueIds; k++) {
    const a = allIds()[order[k - 1]!]!;
    const b = allIds()[order[k]!]!;
    if (a !== "" && a === b) issues.push({ ...locate(source, order[k]!, b, "id"), message: "duplicate student id: each student appears once in the frame" });
  }
  if (issues.length > 0) throw new PthvInputError(issues, `${issues.length} problem${issues.length === 1 ? "" : "s"} in the frame`);

  // Families: students grouped by family key, families in family-id order, students within a
  // family in id order (the sort is stable over the id order). Sorting (rather than hashing)
  // keeps this fast at a million rows, and nearly free when the frame is already in order (then
  // the student order serves as it is).
  const { order: rowsByFamily, distinct: oneStudentEach } = idsIncrease && keysIncrease ? { order, distinct: keysDistinct } : sortedOrder(n, keys, order);
  if (oneEachInOrder) {
    // Every student a family of their own, in id order (the usual export of one row per family):
    // the family of row i is family i, and the indices of the general case below are the identity.
    return indexed(rows, order, keys, order, order, ones(n), order, upToN!, schoolOfRow ?? firstSchool, () => order, allIds, early);
  }
  // Arrays are allocated at their final size when the families were counted while reading the rows
  // (keys in order), else at the largest and shortened in place: growing million-element arrays by
  // push copies them and leaves garbage behind.
  const size = idsIncrease && keysIncrease ? keyRuns : n;
  const familyIds: string[] = new Array<string>(size);
  const familySchool: string[] | undefined = schoolOfRow !== undefined ? new Array<string>(size) : undefined;
  const leads = positions(size);
  const familyOfRow = positions(n);
  const familyStart = positions(size + 1);
  let families = 0;
  let last = "";
  for (let k = 0; k < n; k++) {
    const i = rowsByFamily[k]!;
    const key = keys[i]!;
    // Distinct keys: every student starts a family, with no need to compare the texts again.
    if (oneStudentEach || k === 0 || key !== last) {
      familyStart[families] = k;
      leads[families] = i;
      familyIds[families] = key;
      if (familySchool !== undefined) familySchool[families] = schoolOfRow![i]!;
      families++;
      last = key;
    }
    familyOfRow[i] = families - 1;
  }
  familyStart[families] = n;
  if (familyIds.length !== families) familyIds.length = families;
  if (familySchool !== undefined && familySchool.length !== families) familySchool.length = families;
  const familyStudents = positions(families);
  for (let f = 0; f < families; f++) familyStudents[f] = familyStart[f + 1]! - familyStart[f]!;
  // Families 0 .. F - 1 of a frame of one school: the first F of the order when it is 0 .. n - 1.
  const upTo = (length: number): Positions => (idsIncrease ? leading(order, length) : identity(length));
  return indexed(rows, order, familyIds, familyOfRow, shortened(leads, families), familyStudents, rowsByFamily, shortened(familyStart, families + 1), familySchool ?? firstSchool, upTo, allIds, idsIncrease ? early : undefined);
}

/** The student id of each of the first `count` rows in an array of one per row ("" when missing). */
function idsOf(rows: readonly FrameRow[], count: number): string[] {
  const ids: string[] = new Array<string>(rows.length);
  for (let i = 0; i < count; i++) {
    const id = rows[i]!.id;
    ids[i] = typeof id === "string" && id.length > 0 ? id : "";
  }
  return ids;
}

/** Numbers 0 to n - 1. */
function identity(n: number): Positions {
  const out = positions(n);
  for (let k = 0; k < n; k++) out[k] = k;
  return out;
}

/**
 * The families of each school, in family order (`schoolOfFamily`: each family's school, or the one
 * school of the frame, whose list is `upTo(families)`), schools in order of first appearance.
 */
function familiesBySchool(families: number, schoolOfFamily: string[] | string, upTo: (length: number) => Positions): Map<string, Positions> {
  // One school (a school's frame, as the validator gives them): every family, in order.
  if (typeof schoolOfFamily === "string") return new Map([[schoolOfFamily, upTo(families)]]);
  const schoolOf = (f: number): string => schoolOfFamily[f]!;
  // Families per school: counted first, so each school's list is allocated once.
  const counts = new Map<string, number>();
  let lastSchool: string | undefined;
  let run = 0;
  for (let f = 0; f <= families; f++) {
    const s = f < families ? schoolOf(f) : undefined;
    if (s !== lastSchool) {
      if (lastSchool !== undefined) counts.set(lastSchool, (counts.get(lastSchool) ?? 0) + run);
      lastSchool = s;
      run = 0;
    }
    run++;
  }
  const bySchool = new Map<string, Positions>();
  const filled = new Map<string, number>();
  for (const [s, count] of counts) {
    bySchool.set(s, new Array<number>(count));
    filled.set(s, 0);
  }
  lastSchool = undefined;
  let list: Positions = [];
  let at = 0;
  for (let f = 0; f < families; f++) {
    const s = schoolOf(f);
    if (s !== lastSchool) {
      if (lastSchool !== undefined) filled.set(lastSchool, at);
      list = bySchool.get(s)!;
      at = filled.get(s)!;
      lastSchool = s;
    }
    list[at++] = f;
  }
  return bySchool;
}

/**
 * The indexed frame from its families: groups the families by school (`schoolOfFamily`: each
 * family's school, or the one school of the frame, whose families are `upTo(families)`, the numbers
 * 0 to families - 1) and attaches the digest (`early` when it was fed
 * while reading the rows in id order, else computed on first use).
 */
function indexed(
  rows: readonly FrameRow[],
  order: Positions,
  familyIds: string[],
  familyOfRow: Positions,
  familyLead: Positions,
  familyStudents: Positions | Uint8Array,
  rowsByFamily: Positions,
  familyStart: Positions,
  schoolOfFamily: string[] | string,
  upTo: (length: number) => Positions,
  ids: () => readonly string[],
  early: IdsDigest | undefined,
): IndexedFrame {
  const bySchool = familiesBySchool(familyIds.length, schoolOfFamily, upTo);
  let digest = early?.finish();
  const schools = bySchool.size === 1 ? bySchool : new Map([...bySchool.keys()].sort(compareText).map((s) => [s, bySchool.get(s)!] as const));
  return {
    rows,
    order,
    familyIds,
    familyOfRow,
    familyLead,
    familyStudents,
    rowsByFamily,
    familyStart,
    schools,
    // Computed on first use when not fed early: the audit needs it, a balance check does not.
    get digest(): string {
      digest ??= sortedIdsDigest(order, ids());
      return digest;
    },
  };
}

/** The value of a named column on a row, treating the empty string as missing. */
export function cell(row: FrameRow, column: string): string | number | boolean | null | undefined {
  const value = row[column];
  return value === "" ? null : value;
}

export { compareText };
