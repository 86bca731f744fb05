import { afterEach, describe, expect, it } from "vitest";
import { checkBalance, createRandom, PthvInputError, sampleCohort, verifyCohort, type FrameRow, type SampleCohortOptions } from "../../src/index.js";
import { findFamily, indexFrame } from "../../src/cohort/frame.js";

// The sampler takes shortcuts for the usual frame (rows in id order, one student per family, every
// balancing value present) and for runtimes that can compile code. These tests check that each
// shortcut gives exactly what the general path gives.

/** Rows in id order (ids zero-padded), one student per family unless `siblings`, three schools. */
function frame(families: number, siblings = false): FrameRow[] {
  const random = createRandom("fast-paths");
  const rows: FrameRow[] = [];
  for (let i = 0; i < families; i++) {
    const id = String(i).padStart(5, "0");
    const children = siblings && i % 4 === 0 ? 2 : 1;
    for (let k = 0; k < children; k++) {
      rows.push({
        id: `stu-${id}-${k}`,
        schoolId: `sch-${i % 3}`,
        familyId: siblings && i % 7 === 0 ? null : `fam-${id}`,
        grade: random.int(6),
        teacherId: `t-${random.int(5)}`,
        absences: random.int(30),
        score: Math.round(500 + 40 * random.normal()),
        distance: random.float() * 10,
        ell: random.bernoulli(0.2),
        language: ["en", "es", "vi"][random.int(3)]!,
      });
    }
  }
  return rows;
}

const METHODS: SampleCohortOptions[] = [
  { method: "all" },
  { method: "random", fraction: 0.2, seed: 3 },
  { method: "stratified", fraction: 0.2, strata: ["grade"], seed: 3 },
  { method: "stratified", fraction: 0.3, strata: ["grade", "language"], seed: 4 },
  { method: "balanced", fraction: 0.2, balance: ["absences", "score", "distance", "ell", "language"], seed: 3 },
  { method: "balanced", fraction: 0.25, balance: ["absences", "ell"], strata: ["language"], seed: 5 },
  { method: "classroom", count: 3, seed: 3 },
];

const globals = globalThis as { Function: FunctionConstructor };
const OriginalFunction = globals.Function;
afterEach(() => {
  globals.Function = OriginalFunction;
});

describe("the sampler's shortcuts", () => {
  for (const siblings of [false, true]) {
    it(`gives the same cohort for a frame in id order as for the same rows shuffled (${siblings ? "with" : "without"} siblings)`, () => {
      const rows = frame(900, siblings);
      const shuffled = createRandom("order").shuffle(rows);
      for (const options of METHODS) {
        const inOrder = sampleCohort(rows, options);
        expect(sampleCohort(shuffled, options)).toEqual(inOrder);
        expect(verifyCohort(shuffled, inOrder).verified).toBe(true);
      }
    });
  }

  it("reads balancing columns the same where the runtime refuses to compile code (a strict Content Security Policy)", () => {
    // Large enough for the compiled reader (small frames never use it), with columns named in an
    // order no other test uses, so the first read below cannot find a reader compiled earlier.
    const rows = frame(21_000, true);
    const balance = ["score", "language", "distance", "ell", "absences"];
    const options: SampleCohortOptions = { method: "balanced", fraction: 0.1, balance, seed: 9 };
    let refused = 0;
    globals.Function = function refuse(): never {
      refused++;
      throw new EvalError("Refused to evaluate a string as JavaScript");
    } as unknown as FunctionConstructor;
    const generic = sampleCohort(rows, options);
    const genericReport = checkBalance(rows, generic.selectedFamilyIds, balance);
    globals.Function = OriginalFunction;
    expect(refused).toBeGreaterThan(0);
    const compiled = sampleCohort(rows, options);
    expect(compiled).toEqual(generic);
    expect(checkBalance(rows, generic.selectedFamilyIds, balance)).toEqual(genericReport);
  });

  it("reads many small frames with the same columns as the generic reader does, once the compiled reader takes over", () => {
    // The validator checks every school's frame with the same columns: after 20,000 rows in all a
    // compiled reader takes over. Columns in an order no other test uses, so nothing is compiled yet.
    const balance = ["language", "absences", "ell", "score", "distance"];
    const schools = Array.from({ length: 30 }, (_, s) => frame(1000, s % 2 === 0).map((row) => ({ ...row, id: `${row.id}-${s}` })));
    const chosen = (rows: FrameRow[]) => [...new Set(rows.filter((_, i) => i % 3 === 0).map((row) => row.familyId ?? row.id))];
    let refused = 0;
    globals.Function = function refuse(): never {
      refused++;
      throw new EvalError("Refused to evaluate a string as JavaScript");
    } as unknown as FunctionConstructor;
    const generic = schools.map((rows) => checkBalance(rows, chosen(rows), balance));
    globals.Function = OriginalFunction;
    // Compiling was asked for (and refused) once the rows added up, and not before.
    expect(refused).toBeGreaterThan(0);
    expect(refused).toBeLessThan(schools.length);
    const read = schools.map((rows) => checkBalance(rows, chosen(rows), balance));
    expect(read).toEqual(generic);
    // And with a different value planted in the last school, the report changes: the frames are really read.
    const last = schools[schools.length - 1]!.map((row, i) => (i === 0 ? { ...row, score: 10_000 } : row));
    expect(checkBalance(last, chosen(last), balance)).not.toEqual(generic[generic.length - 1]);
  });

  it("reads the balancing columns block by block while indexing the frame exactly as in a pass of their own", () => {
    // Three blocks of rows as indexed (1,024 each): a level first met in the last block, and a column
    // of booleans that turns to numbers in the second. verifyCohort re-draws on a frame indexed
    // beforehand, which reads the columns in one pass: the same draw means the same columns.
    const rows = frame(2600).map((row, i) => ({ ...row, schoolId: "sch-0", language: i >= 2300 && i % 5 === 0 ? "tl" : row.language, late: i < 1500 ? i % 2 === 0 : row.absences }));
    const balance = ["late", "language", "score", "ell"];
    for (const options of [
      { method: "balanced", fraction: 0.2, balance, seed: 11 },
      { method: "stratified", fraction: 0.2, strata: ["grade"], balance, seed: 11 },
    ] as SampleCohortOptions[]) {
      const cohort = sampleCohort(rows, options);
      expect(verifyCohort(rows, cohort).verified).toBe(true);
      expect(cohort.balance?.rows.map((r) => r.level ?? r.kind)).toEqual(["numeric", "en", "es", "tl", "vi", "numeric", "binary"]);
      expect(cohort.balance).toEqual(checkBalance(rows, cohort.selectedFamilyIds, balance));
    }
    // A value missing only in the last block is still named, with its row.
    const gap = rows.map((row, i) => (i === 2500 ? { ...row, score: null } : row));
    try {
      sampleCohort(gap, { method: "balanced", fraction: 0.2, balance, seed: 11 });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(PthvInputError);
      expect((error as PthvInputError).issues.map((i) => [i.id, i.field, i.row])).toEqual([[rows[2500]!.id, "score", 2501]]);
    }
  });

  it("reads balancing columns whose names hold quotes, backslashes and line breaks", () => {
    const name = 'odd "name" \\ it\'s\nhere';
    const rows = frame(300).map((row) => ({ ...row, [name]: row.absences }));
    const plain = checkBalance(rows, ["fam-00001", "fam-00007"], ["absences"]);
    const odd = checkBalance(rows, ["fam-00001", "fam-00007"], [name]);
    expect(odd.rows[0]?.smd).toBe(plain.rows[0]?.smd);
    expect(odd.rows[0]?.variable).toBe(name);
  });

  it("still names missing, empty and non-numeric values once any value of a column is irregular", () => {
    const rows = frame(50);
    rows[3] = { ...rows[3]!, absences: "" };
    rows[8] = { ...rows[8]!, absences: Number.NaN };
    rows[9] = { ...rows[9]!, language: 4 };
    try {
      checkBalance(rows, ["fam-00001"], ["absences", "language"]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(PthvInputError);
      const issues = (error as PthvInputError).issues;
      expect(issues.some((i) => i.id === rows[3]!.id && i.field === "absences" && /missing/.test(i.message))).toBe(true);
      expect(issues.some((i) => i.id === rows[8]!.id && i.field === "absences" && /non-numeric/.test(i.message))).toBe(true);
      expect(issues.some((i) => i.id === rows[9]!.id && i.field === "language" && /non-numeric/.test(i.message))).toBe(false);
      expect(issues.some((i) => i.field === "language")).toBe(true);
    }
  });

  it("finds duplicate and missing ids in a frame otherwise in id order", () => {
    const rows = frame(20);
    const duplicated = [...rows.slice(0, 5), { ...rows[4]! }, ...rows.slice(5)];
    expect(() => sampleCohort(duplicated, { method: "all" })).toThrow(PthvInputError);
    try {
      sampleCohort(duplicated, { method: "all" });
    } catch (error) {
      expect((error as PthvInputError).issues.map((i) => i.id)).toEqual([rows[4]!.id]);
    }
    const missing = rows.map((row, i) => (i === 0 ? { ...row, id: "" } : row));
    expect(() => sampleCohort(missing, { method: "all" })).toThrow(/missing student id|problem/);
  });

  it("puts a number and the same number written as text, or 0 and -0, in one stratum", () => {
    // A grade written as text ("3") is what a CSV reader without type inference gives.
    const rows = Array.from({ length: 12 }, (_, i) => ({ id: `s${String(i).padStart(2, "0")}`, schoolId: "a", grade: i % 4 === 0 ? 3 : i % 4 === 1 ? "3" : i % 4 === 2 ? 0 : -0 })) as unknown as FrameRow[];
    const cohort = sampleCohort(rows, { method: "stratified", fraction: 0.5, strata: ["grade"], seed: 1 });
    expect(cohort.strata?.map((s) => [s.key, s.families])).toEqual([
      ["a|grade=0", 6],
      ["a|grade=3", 6],
    ]);
  });
  it("gives the same balanced cohort for one school in id order (columns read directly) as for the same rows shuffled", () => {
    const rows = frame(3000).map((row) => ({ ...row, schoolId: "sch-0" }));
    const shuffled = createRandom("order").shuffle(rows);
    for (const options of METHODS.filter((o) => o.method === "balanced")) {
      const inOrder = sampleCohort(rows, options);
      expect(sampleCohort(shuffled, options)).toEqual(inOrder);
    }
  });

  for (const [siblings, shuffle] of [
    [false, false],
    [true, false],
    [false, true],
  ] as const) {
    it(`draws a large school of its own (positions in typed arrays, shared) as it draws it beside another school (${siblings ? "siblings" : "one student each"}${shuffle ? ", rows shuffled" : ""})`, () => {
      // Each school is drawn with its own stream, so school A's strata do not depend on school B.
      // Alone, A's families are listed by a typed array shared with the frame's index (more than
      // 8,192 rows); beside B, by a list of its own.
      const alone = frame(9000, siblings).map((row) => ({ ...row, schoolId: "sch-a" }));
      const other = frame(40).map((row) => ({ ...row, id: `zz-${row.id}`, familyId: `zz-${row.familyId}`, schoolId: "sch-b" }));
      const order = (rows: FrameRow[]) => (shuffle ? createRandom("large-school").shuffle(rows) : rows);
      for (const options of [...METHODS.filter((o) => o.method !== "balanced"), { method: "balanced", fraction: 0.1, balance: ["absences", "ell"], seed: 8 } as SampleCohortOptions]) {
        const one = sampleCohort(order(alone), options);
        const two = sampleCohort(order([...alone, ...other]), options);
        expect(one.strata).toEqual(two.strata!.filter((s) => s.schoolId === "sch-a"));
        expect(one.selectedFamilyIds).toEqual(two.selectedFamilyIds.filter((id) => !id.startsWith("zz-")));
        // Rows reversed: no shortcut of rows in order (sorted positions, counts of students as positions).
        expect(sampleCohort(order(alone).slice().reverse(), options)).toEqual(one);
      }
    });
  }

  for (const [families, schools] of [
    [200, 1],
    [200, 3],
    [5000, 1],
    [5000, 3],
  ] as const) {
    it(`indexes rows in id order whose family ids are in order too, with siblings, as the same rows shuffled (${families} families, ${schools} school${schools > 1 ? "s" : ""})`, () => {
      // Family ids in the order of their students' ids: the families are counted while the rows are
      // read and the order is built directly (no sorting); more than 8,192 rows use typed arrays.
      const rows = frame(families, false).flatMap((row, f) =>
        Array.from({ length: 1 + (f % 3) }, (_, k) => ({ ...row, id: `${row.id}-${k}`, familyId: row.familyId, schoolId: `sch-${f % schools}` })),
      );
      const shuffled = createRandom("keys-in-order").shuffle(rows);
      const view = (frame: ReturnType<typeof indexFrame>) =>
        frame.familyIds.map((id, f) => ({
          id,
          lead: frame.rows[frame.familyLead[f]!]!.id,
          students: frame.familyStudents[f],
          rows: Array.from(frame.rowsByFamily.slice(frame.familyStart[f]!, frame.familyStart[f + 1]!), (i) => frame.rows[i]!.id),
        }));
      const inOrder = indexFrame(rows);
      expect(inOrder.familyIds).toHaveLength(families);
      expect(inOrder.familyStart).toHaveLength(families + 1);
      expect(inOrder.familyLead).toHaveLength(families);
      expect(view(inOrder)).toEqual(view(indexFrame(shuffled)));
      expect([...inOrder.schools].map(([s, list]) => [s, Array.from(list)])).toEqual([...indexFrame(shuffled).schools].map(([s, list]) => [s, Array.from(list)]));
      for (const options of METHODS) expect(sampleCohort(rows, options)).toEqual(sampleCohort(shuffled, options));
    });
  }

  it("draws strata of more than 256 keys (codes past a byte) with every family in its own key's stratum", () => {
    // 300 teachers, the first met only after a few hundred rows have been read as bytes.
    const rows = frame(9000).map((row, i) => ({ ...row, schoolId: "sch-0", teacherId: i < 500 ? `t-${i % 200}` : `t-${i % 300}` }));
    const keyOf = new Map(rows.map((row) => [row.familyId!, `sch-0|teacherId=${row.teacherId}`]));
    const options: SampleCohortOptions = { method: "stratified", fraction: 0.2, strata: ["teacherId"], seed: 6 };
    const cohort = sampleCohort(rows, options);
    expect(cohort.strata).toHaveLength(300);
    for (const stratum of cohort.strata!) {
      expect(stratum.families).toBe([...keyOf.values()].filter((k) => k === stratum.key).length);
      for (const id of [...stratum.selectedFamilyIds, ...stratum.reserve]) expect(keyOf.get(id)).toBe(stratum.key);
    }
    expect(sampleCohort(createRandom("wide").shuffle(rows), options)).toEqual(cohort);
  });

  // Booleans are read as bytes and texts as level numbers when the first row holds one; a column
  // that turns out to hold numbers as well must still be read as numbers (or named as wrong).
  for (const size of [300, 20_000]) {
    it(`reads a column that starts with booleans and then holds numbers as numbers (${size} rows, ${size >= 20_000 ? "compiled" : "generic"} reader)`, () => {
      const rows = frame(size).map((row, i) => ({ ...row, mixed: i % 3 === 0 ? i % 2 === 0 : row.score, plain: i % 3 === 0 ? (i % 2 === 0 ? 1 : 0) : row.score }));
      const selected = rows.filter((_, i) => i % 4 === 1).map((row) => row.familyId!);
      const mixed = checkBalance(rows, selected, ["mixed"]);
      const plain = checkBalance(rows, selected, ["plain"]);
      expect(mixed.rows[0]?.kind).toBe("numeric");
      expect(mixed.rows[0]?.smd).toBe(plain.rows[0]?.smd);
      expect(mixed.rows[0]?.frameMean).toBe(plain.rows[0]?.frameMean);
      expect(mixed.rows[0]?.varianceRatio).toBe(plain.rows[0]?.varianceRatio);
    });

    it(`names the numbers in a column that starts with texts (${size} rows)`, () => {
      const rows = frame(size).map((row, i) => ({ ...row, language: i === 7 ? 12 : row.language }));
      try {
        checkBalance(rows, ["fam-00001"], ["language"]);
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(PthvInputError);
        // As for any column mixing texts and numbers: read as numbers, the texts named as non-numeric.
        const issues = (error as PthvInputError).issues;
        expect(issues.slice(0, 5).map((i) => i.id)).toEqual(rows.slice(0, 5).map((row) => row.id));
        expect(issues.slice(0, 5).every((i) => i.field === "language" && /non-numeric/.test(i.message))).toBe(true);
        expect(issues.some((i) => i.id === rows[7]!.id)).toBe(false);
      }
    });

    it(`reads an all-boolean column as a binary variable with the same figures as 0/1 numbers (${size} rows)`, () => {
      const rows = frame(size).map((row) => ({ ...row, ellNumber: row.ell ? 1 : 0 }));
      const selected = rows.filter((_, i) => i % 5 === 2).map((row) => row.familyId!);
      const bools = checkBalance(rows, selected, ["ell", "language"]);
      const numbers = checkBalance(rows, selected, ["ellNumber", "language"]);
      expect(bools.rows[0]?.kind).toBe("binary");
      expect(numbers.rows[0]?.kind).toBe("numeric");
      expect({ ...bools.rows[0], variable: "", kind: "" }).toEqual({ ...numbers.rows[0], variable: "", kind: "" });
      expect(bools.rows.slice(1)).toEqual(numbers.rows.slice(1));
    });
  }
});

describe("findFamily", () => {
  it("finds each family id of an indexed frame at its place, and no other id", () => {
    const random = createRandom("find-family");
    for (let round = 0; round < 30; round++) {
      // Ids that share long prefixes and differ in length (fam-1, fam-10, fam-100), siblings included.
      const rows: FrameRow[] = [];
      const families = 1 + random.int(60);
      for (let f = 0; f < families; f++) for (let k = 0; k <= random.int(2); k++) rows.push({ id: `stu-${f}-${k}`, schoolId: "s", familyId: `fam-${random.int(200)}` });
      const unique = [...new Map(rows.map((r) => [r.id, r])).values()];
      const indexed = indexFrame(unique);
      indexed.familyIds.forEach((id, f) => expect(findFamily(indexed, id)).toBe(f));
      for (const id of ["", "fam-", "fam-1000", "fam-99x", "zzz", "a", ...indexed.familyIds.map((id) => `${id}-x`)]) {
        expect(findFamily(indexed, id)).toBe(indexed.familyIds.indexOf(id));
      }
    }
  });
});
