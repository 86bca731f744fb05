import type { ProgramRecord } from "../model/index.js";
import { heapNumbers } from "../memory/index.js";
import { buildIdTable, type IdTable } from "./id-table.js";
import { parseInstant } from "./instant.js";
import { isActive, isHeld } from "./rules/shared.js";
import type { ProgramIndex } from "./types.js";

function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) if (!map.has(item.id)) map.set(item.id, item);
  return map;
}

const byStudentId = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Runs of students of one school noted by `studentsBySchool` before it reads the records again instead (a list of small numbers, below V8's large-object size). */
const MAX_RUNS = 8192;

function isSortedById(rows: readonly { id: string }[]): boolean {
  for (let i = 1; i < rows.length; i++) if (rows[i - 1]!.id > rows[i]!.id) return false;
  return true;
}

/**
 * Each visit's two educators (as `ProgramIndex.visitEducators` gives them), packed into one number:
 * `first * base + second`, or -1 when the visit does not name exactly two distinct educators who
 * are both in the records. Private to the validator: the rules that compare both educators of
 * every visit read this column instead of two.
 */
export interface PackedEducators {
  readonly pairs: readonly number[];
  readonly base: number;
}

const packedOf = new WeakMap<ProgramIndex, () => PackedEducators>();

/** The packed educators of each visit, from the index built by `indexProgram` (or, for another index, packed from its `visitEducators`). */
export function packedVisitEducators(index: ProgramIndex): PackedEducators {
  const packed = packedOf.get(index);
  if (packed !== undefined) return packed();
  const { first, second } = index.visitEducators;
  let base = 1;
  for (let i = 0; i < first.length; i++) base = Math.max(base, first[i]! + 1, second[i]! + 1);
  return { pairs: first.map((a, i) => (a >= 0 && second[i]! >= 0 ? a * base + second[i]! : -1)), base };
}

/**
 * Lookups shared by the rules, each built on first use so a validation with few rules enabled pays
 * only for what it reads.
 */
export function indexProgram(record: ProgramRecord): ProgramIndex {
  // Instants repeat (visits are booked on the hour and half hour, reflections follow them), so each
  // distinct text is read once; the cache stops growing at a bound so memory stays small.
  const instants = new Map<string, number>();
  const time = (iso: string): number => {
    let ms = instants.get(iso);
    if (ms === undefined) {
      ms = parseInstant(iso);
      if (instants.size < 100_000) instants.set(iso, ms);
    }
    return ms;
  };
  let schools: Map<string, ProgramRecord["schools"][number]> | undefined;
  let families: Map<string, ProgramRecord["families"][number]> | undefined;
  let educators: Map<string, ProgramRecord["educators"][number]> | undefined;
  let pairs: Map<string, ProgramRecord["pairs"][number]> | undefined;
  let reflectionsByVisit: Map<string, number | number[]> | undefined;
  let studentsBySchool: Map<string, ProgramRecord["students"]> | undefined;
  let framesBySchool: Map<string, ProgramRecord["students"]> | undefined;
  let visitTimes: { start: number[]; end: number[] } | undefined;
  let familyIndex: Map<string, number> | undefined;
  let visitFamily: number[] | undefined;
  let familyTable: IdTable | undefined;
  // Educators are few (tens of thousands) and asked about twice per visit: a Map, whose native
  // string hash is cheaper per question than the id table's, which pays off only at a million ids.
  let educatorPositions: Map<string, number> | undefined;
  const educators_ = () => (educatorPositions ??= firstPositions(record.educators));
  let visitStates: Uint8Array | undefined;
  let visitPairs: PackedEducators | undefined;
  let visitEducators: { first: number[]; second: number[] } | undefined;
  // One pass over the visits fills both: each visit record is read once for the two. The two
  // educators' positions are packed into one number (a list of a million, not two).
  const visitColumns = () => {
    if (!visitStates || !visitPairs) {
      const visits = record.visits;
      const n = visits.length;
      const states = new Uint8Array(n); // one byte a visit: small enough to stay a typed array
      const pairs = heapNumbers(n, -1);
      // Exact while base * base < 2^53; past 2^26 educators every visit is left to the rules' reading of the visit.
      const base = record.educators.length < 2 ** 26 ? record.educators.length : 0;
      const educators = educators_();
      for (let i = 0; i < n; i++) {
        const visit = visits[i]!;
        states[i] = isHeld(visit) ? 2 : isActive(visit) ? 1 : 0;
        const ids = visit.educatorIds;
        if (base === 0 || ids.length !== 2 || ids[0] === ids[1]) continue;
        const a = educators.get(ids[0]!) ?? -1;
        const b = a >= 0 ? (educators.get(ids[1]!) ?? -1) : -1;
        if (b < 0) continue;
        pairs[i] = a * base + b;
      }
      visitStates = states;
      visitPairs = { pairs, base };
    }
    return { states: visitStates, pairs: visitPairs };
  };
  const families_ = () => (familyTable ??= buildIdTable(record.families.length, (f) => record.families[f]!.id));
  // Reflections by the visit ids they name: entry e is the e-th (reflection, visit id) pair in record order.
  let reflectionCursor = 0;
  let reflectionTable: { table: IdTable; reflectionOf: Int32Array | undefined } | undefined;
  const reflections_ = () => {
    if (!reflectionTable) {
      const reflections = record.reflections;
      let entries = 0;
      for (let r = 0; r < reflections.length; r++) entries += reflections[r]!.visitIds.length;
      if (entries === reflections.length && reflections.every((reflection) => reflection.visitIds.length === 1)) {
        // Each reflection names one visit (the usual case): entry e is reflection e, with no copy of the ids.
        reflectionTable = { table: buildIdTable(entries, (e) => reflections[e]!.visitIds[0]!), reflectionOf: undefined };
      } else {
        const visitIds: string[] = new Array<string>(entries);
        const reflectionOf = new Int32Array(entries);
        let e = 0;
        for (let r = 0; r < reflections.length; r++) {
          const named = reflections[r]!.visitIds;
          for (let k = 0; k < named.length; k++) {
            visitIds[e] = named[k]!;
            reflectionOf[e++] = r;
          }
        }
        reflectionTable = { table: buildIdTable(entries, (k) => visitIds[k]!), reflectionOf };
      }
    }
    return reflectionTable;
  };
  const index: ProgramIndex = {
    get schools() {
      return (schools ??= byId(record.schools));
    },
    get families() {
      return (families ??= byId(record.families));
    },
    get educators() {
      return (educators ??= byId(record.educators));
    },
    get pairs() {
      return (pairs ??= byId(record.pairs));
    },
    get visitTimes() {
      if (!visitTimes) {
        const n = record.visits.length;
        // In the heap, not typed arrays: see src/memory.
        visitTimes = { start: heapNumbers(n, NaN), end: heapNumbers(n, NaN) };
        for (let i = 0; i < n; i++) {
          const visit = record.visits[i]!;
          visitTimes.start[i] = time(visit.start);
          visitTimes.end[i] = time(visit.end);
        }
      }
      return visitTimes;
    },
    get familyIndex() {
      return (familyIndex ??= firstPositions(record.families));
    },
    get visitFamily() {
      if (!visitFamily) {
        const families = families_();
        visitFamily = heapNumbers(record.visits.length, -1);
        // Visits usually follow their families' order: guess the family of the previous visit, then the next one.
        let f = -1;
        for (let i = 0; i < record.visits.length; i++) {
          const id = record.visits[i]!.familyId;
          f = f >= 0 && record.families[f]!.id === id ? families.firstNear(id, f) : families.firstNear(id, f + 1);
          visitFamily[i] = f;
        }
      }
      return visitFamily;
    },
    get visitStates() {
      return visitColumns().states;
    },
    get visitEducators() {
      // Unpacked on first use, for callers of the public index; the rules read the packed column.
      if (!visitEducators) {
        const { pairs, base } = visitColumns().pairs;
        const first = heapNumbers(pairs.length, -1);
        const second = heapNumbers(pairs.length, -1);
        for (let i = 0; i < pairs.length; i++) {
          const p = pairs[i]!;
          if (p < 0) continue;
          first[i] = Math.floor(p / base);
          second[i] = p - first[i]! * base;
        }
        visitEducators = { first, second };
      }
      return visitEducators;
    },
    educatorPosition(id: string): number {
      return educators_().get(id) ?? -1;
    },
    familyPosition(id: string, near?: number): number {
      return near === undefined ? families_().first(id) : families_().firstNear(id, near);
    },
    reflectionsOf(visitId: string): number | number[] | undefined {
      const { table, reflectionOf } = reflections_();
      // Visits are usually asked in record order, and reflections follow the visits: guess the entry after the last one found.
      let e = table.firstNear(visitId, reflectionCursor);
      if (e < 0) return undefined;
      reflectionCursor = e + 1;
      // Most visits have one reflection: a number, not an array, so the usual case allocates nothing.
      if (table.next(e) < 0) return reflectionOf !== undefined ? reflectionOf[e]! : e;
      const found: number[] = [];
      for (; e >= 0; e = table.next(e)) found.push(reflectionOf !== undefined ? reflectionOf[e]! : e);
      return found;
    },
    get studentsBySchool() {
      if (!studentsBySchool) {
        // Counted first, so each school's list is allocated once at its size (a million students
        // pushed onto growing lists leave tens of megabytes of copies behind). Students usually
        // come school by school, so the count is kept per run of one school, not per student, and
        // the runs are noted (where each starts, and its school) so that filling the lists copies
        // them from the list of students without reading each student record a second time. Past
        // MAX_RUNS runs (students not grouped by school) the notes stop and the records are read again.
        const students = record.students;
        const counts = new Map<string, number>();
        let runStarts: number[] | undefined = [];
        let runSchools: string[] | undefined = [];
        for (let i = 0; i < students.length; ) {
          const schoolId = students[i]!.schoolId;
          let j = i + 1;
          while (j < students.length && students[j]!.schoolId === schoolId) j++;
          counts.set(schoolId, (counts.get(schoolId) ?? 0) + (j - i));
          if (runStarts !== undefined && runSchools !== undefined) {
            if (runSchools.length < MAX_RUNS) {
              runStarts.push(i);
              runSchools.push(schoolId);
            } else runStarts = runSchools = undefined;
          }
          i = j;
        }
        studentsBySchool = new Map();
        const filled = new Map<string, number>();
        for (const [schoolId, count] of counts) {
          studentsBySchool.set(schoolId, new Array<ProgramRecord["students"][number]>(count));
          filled.set(schoolId, 0);
        }
        if (runStarts !== undefined && runSchools !== undefined) {
          runStarts.push(students.length);
          for (let r = 0; r < runSchools.length; r++) {
            const schoolId = runSchools[r]!;
            const list = studentsBySchool.get(schoolId)!;
            let at = filled.get(schoolId)!;
            for (let i = runStarts[r]!; i < runStarts[r + 1]!; i++) list[at++] = students[i]!;
            filled.set(schoolId, at);
          }
        } else {
          for (let i = 0; i < students.length; ) {
            const schoolId = students[i]!.schoolId;
            const list = studentsBySchool.get(schoolId)!;
            let at = filled.get(schoolId)!;
            for (; i < students.length && students[i]!.schoolId === schoolId; i++) list[at++] = students[i]!;
            filled.set(schoolId, at);
          }
        }
      }
      return studentsBySchool;
    },
    get framesBySchool() {
      if (!framesBySchool) {
        framesBySchool = new Map();
        // Sorted once here, the sampler's indexing of each frame (in verifyCohort, its re-draw and
        // checkBalance) finds the rows in order and skips its own sort; its results do not depend on
        // row order. A school whose students are already in id order is used as it is.
        for (const [schoolId, students] of this.studentsBySchool) framesBySchool.set(schoolId, isSortedById(students) ? students : students.slice().sort(byStudentId));
      }
      return framesBySchool;
    },
    get reflectionsByVisit() {
      if (!reflectionsByVisit) {
        reflectionsByVisit = new Map();
        record.reflections.forEach((reflection, i) => {
          for (const visitId of reflection.visitIds) {
            // Most visits have one reflection: a number, not an array, keeps the index small.
            const seen = reflectionsByVisit!.get(visitId);
            if (seen === undefined) reflectionsByVisit!.set(visitId, i);
            else if (typeof seen === "number") reflectionsByVisit!.set(visitId, [seen, i]);
            else seen.push(i);
          }
        });
      }
      return reflectionsByVisit;
    },
    // Every datetime in a parsed record carries an offset, so the instant is read exactly without
    // building zoned objects, which would cost far more for comparisons.
    time,
  };
  packedOf.set(index, () => visitColumns().pairs);
  return index;
}

/** The position of each id's first record in `list` (a repeated id keeps its first position). */
function firstPositions(list: readonly { id: string }[]): Map<string, number> {
  const positions = new Map<string, number>();
  for (let i = 0; i < list.length; i++) {
    const id = list[i]!.id;
    if (!positions.has(id)) positions.set(id, i);
  }
  return positions;
}
