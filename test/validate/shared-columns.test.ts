import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ProgramRecord, Student } from "../../src/model/index.js";
import { RULES, validateProgram } from "../../src/validate/index.js";
import { buildIdTable } from "../../src/validate/id-table.js";
import { indexProgram, packedVisitEducators } from "../../src/validate/program-index.js";
import type { ProgramIndex } from "../../src/validate/types.js";
import { isActive, isHeld, sameMembers } from "../../src/validate/rules/shared.js";
import { DEFAULT_BALANCE_VARIABLES, usableDefaultVariables, usableVariables } from "../../src/validate/rules/visited-representative.js";

// The shared columns and lookups of the programme index, each checked against the plain
// computation it replaces (a Map with the first record of each id, a filter, a stable sort).

/** The first position of each id, as a Map built the plain way. */
function firstPositions(ids: readonly string[]): Map<string, number> {
  const map = new Map<string, number>();
  ids.forEach((id, p) => {
    if (!map.has(id)) map.set(id, p);
  });
  return map;
}

describe("buildIdTable over thousands of ids", () => {
  // Enough ids that the table has many slot groups and long probe runs; repeats are common.
  const ids = fc.array(fc.integer({ min: 0, max: 1500 }).map((k) => `fam-${k % 7}-${k}`), { maxLength: 3000 });

  it("finds the first position of every id and chains its repeats in list order", () => {
    fc.assert(
      fc.property(ids, (list) => {
        const table = buildIdTable(list.length, (p) => list[p]!);
        const first = firstPositions(list);
        const chains = new Map<string, number[]>();
        list.forEach((id, p) => chains.set(id, [...(chains.get(id) ?? []), p]));
        for (const [id, positions] of chains) {
          expect(table.first(id)).toBe(first.get(id));
          const chain: number[] = [];
          for (let p = table.first(id); p >= 0; p = table.next(p)) chain.push(p);
          expect(chain).toEqual(positions);
        }
        expect(table.first("not-an-id")).toBe(-1);
      }),
      { numRuns: 40 },
    );
  });

  it("answers firstNear with the first position whatever the guess", () => {
    fc.assert(
      fc.property(ids, fc.array(fc.integer({ min: -1, max: 3001 }), { minLength: 1, maxLength: 50 }), (list, guesses) => {
        const table = buildIdTable(list.length, (p) => list[p]!);
        const first = firstPositions(list);
        guesses.forEach((guess, k) => {
          const id = list.length > 0 ? list[(k * 7919) % list.length]! : "x";
          expect(table.firstNear(id, guess)).toBe(first.get(id) ?? -1);
        });
      }),
      { numRuns: 40 },
    );
  });
});

const small = (prefix: string) => fc.integer({ min: 1, max: 6 }).map((k) => `${prefix}-${k}`);
const visit = fc.record({
  familyId: small("fam"),
  educatorIds: fc.array(small("edu"), { maxLength: 4 }),
  status: fc.constantFrom("scheduled", "completed", "cancelled", "no-show"),
});
const programme = fc.record({
  families: fc.array(small("fam").map((id) => ({ id })), { maxLength: 8 }),
  educators: fc.array(small("edu").map((id) => ({ id })), { maxLength: 8 }),
  visits: fc.array(visit, { maxLength: 25 }),
  students: fc.array(fc.record({ id: small("stu"), schoolId: small("sch") }), { maxLength: 30 }),
});

describe("the programme index's shared columns", () => {
  it("give each visit's state as isActive and isHeld do", () => {
    fc.assert(
      fc.property(programme, (p) => {
        const record = p as unknown as ProgramRecord;
        const states = indexProgram(record).visitStates;
        record.visits.forEach((v, i) => {
          expect(states[i]! > 0).toBe(isActive(v));
          expect(states[i] === 2).toBe(isHeld(v));
        });
      }),
    );
  });

  it("give each visit's two educators' first positions exactly when it names two distinct known educators", () => {
    fc.assert(
      fc.property(programme, (p) => {
        const record = p as unknown as ProgramRecord;
        const index = indexProgram(record);
        const first = firstPositions(record.educators.map((e) => e.id));
        for (const id of ["edu-1", "edu-2", "edu-9"]) expect(index.educatorPosition(id)).toBe(first.get(id) ?? -1);
        record.visits.forEach((v, i) => {
          const [a, b] = v.educatorIds;
          const known = v.educatorIds.length === 2 && a !== b && first.has(a!) && first.has(b!);
          expect(index.visitEducators.first[i]).toBe(known ? first.get(a!) : -1);
          expect(index.visitEducators.second[i]).toBe(known ? first.get(b!) : -1);
        });
      }),
    );
  });

  it("pack each visit's two educators into one number the rules unpack to the same positions", () => {
    const unpack = ({ pairs, base }: ReturnType<typeof packedVisitEducators>) =>
      pairs.map((pair) => (pair < 0 ? [-1, -1] : [Math.floor(pair / base), pair - Math.floor(pair / base) * base]));
    fc.assert(
      fc.property(programme, (p) => {
        const record = p as unknown as ProgramRecord;
        const index = indexProgram(record);
        const packed = packedVisitEducators(index); // read before the public columns are unpacked
        const expected = record.visits.map((_, i) => [index.visitEducators.first[i], index.visitEducators.second[i]]);
        expect(unpack(packed)).toEqual(expected);
        // An index not built by indexProgram is packed from its public columns.
        expect(unpack(packedVisitEducators({ visitEducators: index.visitEducators } as ProgramIndex))).toEqual(expected);
      }),
    );
  });

  it("give each visit's family as the first family record with its id", () => {
    fc.assert(
      fc.property(programme, (p) => {
        const record = p as unknown as ProgramRecord;
        const first = firstPositions(record.families.map((f) => f.id));
        expect(indexProgram(record).visitFamily).toEqual(record.visits.map((v) => first.get(v.familyId) ?? -1));
      }),
    );
  });

  it("group students by school in record order, and sort each school's frame by id with ties in record order", () => {
    fc.assert(
      fc.property(programme, (p) => {
        const record = p as unknown as ProgramRecord;
        const index = indexProgram(record);
        const plain = new Map<string, Student[]>();
        for (const s of record.students) plain.set(s.schoolId, [...(plain.get(s.schoolId) ?? []), s]);
        expect([...index.studentsBySchool.keys()]).toEqual([...plain.keys()]);
        for (const [schoolId, students] of plain) {
          expect(index.studentsBySchool.get(schoolId)).toEqual(students);
          const sorted = students
            .map((s, k) => ({ s, k }))
            .sort((x, y) => (x.s.id < y.s.id ? -1 : x.s.id > y.s.id ? 1 : x.k - y.k))
            .map(({ s }) => s);
          const frame = index.framesBySchool.get(schoolId)!;
          expect(frame.length).toBe(sorted.length);
          frame.forEach((s, k) => expect(s).toBe(sorted[k]));
        }
      }),
    );
  });
});

describe("students grouped by school when they do not come school by school", () => {
  it("groups them as the plain grouping does, past the runs the index notes (8,192) and below", () => {
    for (const count of [8191, 8192, 8193, 20000]) {
      // A school per row in turn: every student starts a run of one.
      const students = Array.from({ length: count }, (_, i) => ({ id: `stu-${i}`, schoolId: `sch-${i % 3}` }));
      const index = indexProgram({ students } as unknown as ProgramRecord);
      const plain = new Map<string, unknown[]>();
      for (const s of students) {
        if (!plain.has(s.schoolId)) plain.set(s.schoolId, []);
        plain.get(s.schoolId)!.push(s);
      }
      expect([...index.studentsBySchool.keys()]).toEqual([...plain.keys()]);
      for (const [schoolId, list] of plain) expect(index.studentsBySchool.get(schoolId)).toEqual(list);
    }
  });
});

describe("usableDefaultVariables", () => {
  const value = fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.constantFrom("yes", "3"));
  const student = fc.record({ grade: value, ell: value, iep: value, frl: value, priorDaysAbsent: value, priorReadingScore: value }, { requiredKeys: [] });

  it("keeps the default variables that usableVariables keeps, in the same order", () => {
    fc.assert(
      fc.property(fc.array(student, { maxLength: 12 }), (rows) => {
        const frame = rows as unknown as Student[];
        expect(usableDefaultVariables(frame)).toEqual(usableVariables(frame, DEFAULT_BALANCE_VARIABLES));
      }),
    );
  });
});

describe("sameMembers", () => {
  // Short lists of few ids, so repeats, swaps and lists of two (the quick path) are all common.
  const ids = fc.array(fc.constantFrom("edu-1", "edu-2", "edu-3"), { maxLength: 4 });

  it("says whether two lists hold the same set of ids, as the plain definition does", () => {
    fc.assert(
      fc.property(ids, ids, (a, b) => {
        const plain = a.every((id) => b.includes(id)) && b.every((id) => a.includes(id));
        expect(sameMembers(a, b)).toBe(plain);
        expect(sameMembers(b, a)).toBe(plain);
      }),
      { numRuns: 500 },
    );
  });

  it("takes two ids in either order as the same members, and a repeated id as one", () => {
    expect(sameMembers(["a", "b"], ["b", "a"])).toBe(true);
    expect(sameMembers(["a", "a"], ["a", "a"])).toBe(true);
    expect(sameMembers(["a", "a"], ["a", "b"])).toBe(false);
    expect(sameMembers(["a", "b"], ["a", "c"])).toBe(false);
    expect(sameMembers(["a", "a"], ["a"])).toBe(true);
  });
});

describe("visited-representative's count of visited families per school", () => {
  const schoolIds = ["sch-1", "sch-2", "sch-3"];
  const school = fc.constantFrom(...schoolIds);
  const visited = fc.record({
    familyId: fc.integer({ min: 1, max: 10 }).map((k) => `fam-${k}`),
    schoolId: school,
    status: fc.constantFrom("completed", "completed", "scheduled", "cancelled"),
  });
  const programme = fc.record({
    families: fc.array(fc.record({ id: fc.integer({ min: 1, max: 8 }).map((k) => `fam-${k}`), schoolId: school }), { maxLength: 10 }),
    visits: fc.array(visited, { maxLength: 30 }),
  });

  it("counts, per school, the family records visited there and the other family ids visited there, as a plain count does", () => {
    fc.assert(
      fc.property(programme, (p) => {
        const record = {
          schools: schoolIds.map((id) => ({ id })),
          students: schoolIds.map((schoolId, k) => ({ id: `stu-${k}`, schoolId, familyId: `fam-${k + 1}`, grade: k })),
          families: p.families,
          visits: p.visits.map((v, i) => ({ ...v, id: `visit-${i}` })),
          educators: [],
          pairs: [],
          reflections: [],
          cohorts: [],
          outcomes: [],
        } as unknown as ProgramRecord;
        const rules = Object.fromEntries(RULES.map((r) => [r.meta.id, r.meta.id === "visited-representative" ? ["warn", { minVisitedFamilies: 1000 }] : "off"]));
        const run = validateProgram(record, { rules }).rules.find((r) => r.id === "visited-representative")!;
        const expected = schoolIds.map((schoolId) => {
          const ids = new Set<string>();
          for (const v of record.visits) if (v.status === "completed" && v.schoolId === schoolId) ids.add(v.familyId);
          return `${schoolId} (${ids.size} visited families, 1 students)`;
        });
        // Each id once per school, whether its first record is at the school (marked) or not (kept by id).
        expect(run.skipped).toBe(`not assessed (fewer than 1000 visited families, or no students): ${expected.join(", ")}`);
      }),
      { numRuns: 300 },
    );
  });
});

describe("cohort-provenance's invited families", () => {
  // Family ids numbered without padding, as the sampler lists them (in text order) and shuffled,
  // with repeated family records and selected ids that are not in the records.
  const familyId = fc.integer({ min: 0, max: 30 }).map((k) => `fam-${k}`);
  const programme = fc.record({
    families: fc.array(familyId, { maxLength: 40 }),
    cohorts: fc.array(fc.tuple(fc.array(familyId, { maxLength: 60 }), fc.boolean()), { maxLength: 3 }),
    visits: fc.array(fc.tuple(familyId, fc.constantFrom("completed", "scheduled", "cancelled")), { maxLength: 40 }),
  });

  it("reports exactly the active visits whose family is in no cohort's selected families", () => {
    fc.assert(
      fc.property(programme, (p) => {
        const record = {
          schools: [{ id: "sch-1" }],
          students: [],
          families: p.families.map((id) => ({ id, schoolId: "sch-1" })),
          visits: p.visits.map(([familyId, status], i) => ({ id: `visit-${i}`, schoolId: "sch-1", familyId, status, educatorIds: [] })),
          educators: [],
          pairs: [],
          reflections: [],
          // Selected ids in text order (as the sampler lists them) or as drawn.
          cohorts: p.cohorts.map(([ids, sorted], c) => ({ id: `cohort-${c}`, schoolIds: ["sch-1"], selectedFamilyIds: sorted ? [...ids].sort() : ids, audit: {} })),
          outcomes: [],
        } as unknown as ProgramRecord;
        const rules = Object.fromEntries(RULES.map((r) => [r.meta.id, r.meta.id === "cohort-provenance" ? "error" : "off"]));
        const reported = validateProgram(record, { rules })
          .diagnostics.filter((d) => d.entity === "visit")
          .map((d) => d.id);
        const invited = new Set(record.cohorts.flatMap((c) => c.selectedFamilyIds));
        const expected = record.visits.filter((v) => v.status !== "cancelled" && !invited.has(v.familyId)).map((v) => v.id);
        expect(reported).toEqual(expected);
      }),
      {
        numRuns: 500,
        // A repeated family record right after a family just found: the first record is the one marked.
        examples: [[{ families: ["fam-1", "fam-2", "fam-1"], cohorts: [[["fam-2", "fam-1"], false]], visits: [["fam-1", "completed"]] }]],
      },
    );
  });
});
