import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ProgramRecord } from "../../src/model/index.js";
import { buildIdTable } from "../../src/validate/id-table.js";
import { indexProgram } from "../../src/validate/program-index.js";

// Few distinct ids, so repeats and hash collisions are common.
const ids = fc.array(fc.constantFrom("a", "b", "c", "fam-1", "fam-10", "fam-2", "", "é", "visit-1-1"), { maxLength: 40 });
const probes = fc.array(fc.oneof(fc.constantFrom("a", "fam-10", "z", ""), fc.string({ maxLength: 4 })), { maxLength: 10 });

/** Every position of `id` in `list`, in order, following the table's chain. */
function chain(table: ReturnType<typeof buildIdTable>, id: string): number[] {
  const out: number[] = [];
  for (let p = table.first(id); p >= 0; p = table.next(p)) out.push(p);
  return out;
}

describe("buildIdTable", () => {
  it("finds every position of an id in list order, and -1 for an id not in the list", () => {
    fc.assert(
      fc.property(ids, probes, (list, extra) => {
        const table = buildIdTable(list.length, (p) => list[p]!);
        for (const id of [...list, ...extra]) {
          const expected = list.flatMap((x, p) => (x === id ? [p] : []));
          expect(chain(table, id)).toEqual(expected);
        }
      }),
    );
  });

  it("gives the same first position whatever position it is told to try first", () => {
    fc.assert(
      fc.property(ids, probes, fc.integer({ min: -2, max: 45 }), (list, extra, guess) => {
        const table = buildIdTable(list.length, (p) => list[p]!);
        for (const id of [...list, ...extra]) expect(table.firstNear(id, guess)).toBe(table.first(id));
      }),
    );
  });
});

describe("the programme index's allocation-free lookups", () => {
  it("agree with the Map lookups they stand for, whatever the order of the questions", () => {
    fc.assert(
      fc.property(ids, fc.array(fc.array(fc.constantFrom("a", "b", "visit-1-1", "x"), { maxLength: 3 }), { maxLength: 12 }), probes, (familyIds, named, extra) => {
        const record = {
          families: familyIds.map((id) => ({ id })),
          reflections: named.map((visitIds) => ({ visitIds })),
          visits: [],
        } as unknown as ProgramRecord;
        const index = indexProgram(record);
        for (const id of [...familyIds, ...extra, ...familyIds.slice().reverse()]) {
          expect(index.familyPosition(id)).toBe(index.familyIndex.get(id) ?? -1);
          for (const near of [0, 1, 5]) expect(index.familyPosition(id, near)).toBe(index.familyIndex.get(id) ?? -1);
        }
        for (const id of ["a", "b", "visit-1-1", "x", "y", "b", "a"]) expect(index.reflectionsOf(id)).toEqual(index.reflectionsByVisit.get(id));
      }),
    );
  });
});
