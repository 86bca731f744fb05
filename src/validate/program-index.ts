import type { ProgramRecord } from "../model/index.js";
import { buildIdTable, type IdTable } from "./id-table.js";
import { parseInstant } from "./instant.js";
import type { ProgramIndex } from "./types.js";

function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) if (!map.has(item.id)) map.set(item.id, item);
  return map;
}

const byStudentId = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

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
  let visitTimes: { start: Float64Array; end: Float64Array } | undefined;
  let familyIndex: Map<string, number> | undefined;
  let visitFamily: Int32Array | undefined;
  let familyTable: IdTable | undefined;
  const families_ = () => (familyTable ??= buildIdTable(record.families.length, (f) => record.families[f]!.id));
  // Reflections by the visit ids they name: entry e is the e-th (reflection, visit id) pair in record order.
  let reflectionCursor = 0;
  let reflectionTable: { table: IdTable; reflectionOf: Int32Array } | undefined;
  const reflections_ = () => {
    if (!reflectionTable) {
      let entries = 0;
      for (const reflection of record.reflections) entries += reflection.visitIds.length;
      const visitIds: string[] = new Array<string>(entries);
      const reflectionOf = new Int32Array(entries);
      let e = 0;
      for (let r = 0; r < record.reflections.length; r++) {
        for (const visitId of record.reflections[r]!.visitIds) {
          visitIds[e] = visitId;
          reflectionOf[e++] = r;
        }
      }
      reflectionTable = { table: buildIdTable(entries, (k) => visitIds[k]!), reflectionOf };
    }
    return reflectionTable;
  };
  return {
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
        visitTimes = { start: new Float64Array(n), end: new Float64Array(n) };
        for (let i = 0; i < n; i++) {
          const visit = record.visits[i]!;
          visitTimes.start[i] = time(visit.start);
          visitTimes.end[i] = time(visit.end);
        }
      }
      return visitTimes;
    },
    get familyIndex() {
      if (!familyIndex) {
        familyIndex = new Map();
        for (let i = 0; i < record.families.length; i++) {
          const id = record.families[i]!.id;
          if (!familyIndex.has(id)) familyIndex.set(id, i);
        }
      }
      return familyIndex;
    },
    get visitFamily() {
      if (!visitFamily) {
        const families = families_();
        visitFamily = new Int32Array(record.visits.length);
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
      if (table.next[e]! < 0) return reflectionOf[e]!;
      const found: number[] = [];
      for (; e >= 0; e = table.next[e]!) found.push(reflectionOf[e]!);
      return found;
    },
    get studentsBySchool() {
      if (!studentsBySchool) {
        studentsBySchool = new Map();
        for (const student of record.students) {
          const list = studentsBySchool.get(student.schoolId);
          if (list) list.push(student);
          else studentsBySchool.set(student.schoolId, [student]);
        }
      }
      return studentsBySchool;
    },
    get framesBySchool() {
      if (!framesBySchool) {
        framesBySchool = new Map();
        // Sorted once here, the sampler's indexing of each frame (in verifyCohort, its re-draw and
        // checkBalance) finds the rows in order and skips its own sort; its results do not depend on row order.
        for (const [schoolId, students] of this.studentsBySchool) framesBySchool.set(schoolId, students.slice().sort(byStudentId));
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
}
