import { describe, expect, it } from "vitest";
import { Cohort, PthvInputError, PthvUsageError, sampleCohort, sampleDistrict, TargetingError, verifyCohort, type FrameRow, type SampleCohortOptions } from "../../src/index.js";
import { frozen, smallFrame } from "./frames.js";

const perSchool = (cohort: Cohort) => {
  const out = new Map<string, number>();
  for (const s of cohort.strata ?? []) out.set(s.schoolId, (out.get(s.schoolId) ?? 0) + s.selected);
  return out;
};

describe("sampleCohort", () => {
  it("invites every family with method all, siblings once", () => {
    const frame = smallFrame(40, 2);
    const cohort = sampleCohort(frame, { method: "all" });
    expect(cohort.selectedFamilyIds).toHaveLength(80);
    expect(cohort.reserve).toEqual([]);
    expect(cohort.inclusionProbability).toBe(1);
  });

  it.each([
    ["random", { method: "random", count: 7, seed: 1 }],
    ["stratified", { method: "stratified", count: 7, strata: ["grade"], seed: 1 }],
    ["balanced", { method: "balanced", count: 7, balance: ["priorDaysAbsent", "ell"], seed: 1 }],
  ] as const)("invites exactly count families in each school with method %s", (_, options) => {
    const cohort = sampleCohort(smallFrame(40, 3), options as SampleCohortOptions);
    expect([...perSchool(cohort).values()]).toEqual([7, 7, 7]);
    expect(cohort.selectedFamilyIds).toHaveLength(21);
    expect(new Set(cohort.selectedFamilyIds).size).toBe(21);
    expect(cohort.inclusionProbability).toBe(7 / 40);
  });

  it("rounds a fraction to the nearest whole family in each school, half up", () => {
    const cohort = sampleCohort(smallFrame(10, 1), { method: "random", fraction: 0.25, seed: 1 });
    expect(cohort.selectedFamilyIds).toHaveLength(3);
    expect(cohort.inclusionProbability).toBe(0.3);
  });

  it("accepts a size for each school", () => {
    const cohort = sampleCohort(smallFrame(40, 2), { method: "random", count: { "sch-1": 4, "sch-2": 9 }, seed: 1 });
    expect(perSchool(cohort)).toEqual(new Map([["sch-1", 4], ["sch-2", 9]]));
  });

  it("gives each stratum the floor or ceiling of its proportional share", () => {
    const frame = smallFrame(47, 1);
    const cohort = sampleCohort(frame, { method: "stratified", count: 13, strata: ["grade"], seed: 4 });
    for (const s of cohort.strata!) {
      const share = (13 * s.families) / 47;
      expect(s.selected === Math.floor(share) || s.selected === Math.ceil(share)).toBe(true);
      expect(s.inclusionProbability).toBe(13 / 47);
    }
  });

  it("balances the invited students on the named columns (the sample district, 25%)", () => {
    const { students } = sampleDistrict({ seed: 3, students: 2000 });
    const cohort = sampleCohort(students, { method: "balanced", fraction: 0.25, balance: ["priorDaysAbsent", "priorReadingScore", "ell", "iep", "frl", "grade"], seed: 2026 });
    expect(cohort.balance!.verdict).toBe("representative");
    expect(cohort.balance!.maxAbsSmd!).toBeLessThan(0.05);
  });

  it("balances within strata when strata are given", () => {
    const { students } = sampleDistrict({ seed: 3, students: 2000 });
    const cohort = sampleCohort(students, { method: "balanced", fraction: 0.2, balance: ["priorDaysAbsent", "frl"], strata: ["grade"], seed: 8 });
    expect(cohort.strata!.every((s) => s.key.includes("|grade="))).toBe(true);
    expect(cohort.balance!.maxAbsSmd!).toBeLessThan(0.05);
    for (const s of cohort.strata!) expect(Math.abs(s.selected - s.families * s.inclusionProbability)).toBeLessThan(1.5);
  });

  it("lets each participating teacher invite k families of their own class", () => {
    const frame = smallFrame(40, 1);
    const cohort = sampleCohort(frame, { method: "classroom", count: 3, teachers: ["t-1-0", "t-1-2"], seed: 2 });
    expect(cohort.strata!.map((s) => [s.key, s.selected])).toEqual([
      ["sch-1|teacherId=t-1-0", 3],
      ["sch-1|teacherId=t-1-2", 3],
    ]);
    expect(cohort.notes?.[0]).toMatch(/20 of 40 families belong to classes whose teacher does not take part/);
  });

  it("treats a student without a family id as a family of their own", () => {
    const frame = [
      { id: "a", schoolId: "s" },
      { id: "b", schoolId: "s", familyId: null },
      { id: "c", schoolId: "s", familyId: "f" },
      { id: "d", schoolId: "s", familyId: "f" },
    ];
    expect(sampleCohort(frame, { method: "all" }).selectedFamilyIds).toEqual(["a", "b", "f"]);
  });

  it("keeps a reserve of families not invited, by stratum, as large as the stratum's selection by default", () => {
    const cohort = sampleCohort(smallFrame(40, 2), { method: "stratified", count: 8, strata: ["grade"], seed: 6 });
    const selected = new Set(cohort.selectedFamilyIds);
    expect(cohort.reserve.some((id) => selected.has(id))).toBe(false);
    expect(cohort.reserve).toHaveLength(16);
    expect(cohort.strata!.flatMap((s) => s.reserve)).toEqual(cohort.reserve);
    for (const s of cohort.strata!) {
      expect(s.key).toMatch(/^sch-\d\|grade=\d$/);
      expect(s.reserve.length).toBe(Math.min(s.selected, s.families - s.selected));
    }
    expect(sampleCohort(smallFrame(40, 2), { method: "random", count: 8, seed: 6, reserveSize: 2 }).reserve).toHaveLength(4);
  });

  it("returns a plain JSON object that the Cohort schema accepts", () => {
    const cohort = sampleCohort(smallFrame(), { method: "balanced", fraction: 0.3, balance: ["ell", "language"], seed: "s" });
    expect(JSON.parse(JSON.stringify(cohort))).toEqual(cohort);
    expect(() => Cohort.parse(cohort)).not.toThrow();
    expect(cohort.audit).toMatchObject({ method: "balanced", seed: "s", frameSize: smallFrame().length, options: { method: "balanced", fraction: 0.3, balance: ["ell", "language"] } });
  });

  it("does not mutate the frame or the options", () => {
    const options = Object.freeze({ method: "balanced", fraction: 0.3, balance: Object.freeze(["ell"]), strata: Object.freeze(["grade"]), seed: 1 } as const);
    expect(() => sampleCohort(frozen(smallFrame()), options)).not.toThrow();
  });

  it("gives every school's sample-district cohort a draw that verifyCohort confirms", () => {
    const district = sampleDistrict({ seed: 5, students: 1200 });
    for (const cohort of district.cohorts) {
      const frame = district.students.filter((s) => cohort.schoolIds?.includes(s.schoolId));
      expect(verifyCohort(frame, cohort).verified).toBe(true);
    }
  });
});

describe("sampleCohort refuses targeting", () => {
  it.each(["weights", "filter", "riskScore", "priority", "include", "targetGroup"])("refuses an option named %s with a TargetingError", (key) => {
    const options = { method: "random", count: 3, seed: 1, [key]: { "fam-1-001": 5 } } as unknown as SampleCohortOptions;
    expect(() => sampleCohort(smallFrame(), options)).toThrow(TargetingError);
    expect(() => sampleCohort(smallFrame(), options)).toThrow(/Non-negotiable 4 \(no targeting\)/);
  });

  it("refuses other unknown options as usage errors", () => {
    expect(() => sampleCohort(smallFrame(), { method: "random", count: 3, seed: 1, verbose: true } as unknown as SampleCohortOptions)).toThrow(PthvUsageError);
  });
});

describe("sampleCohort reports bad input", () => {
  it("needs a seed for a random method", () => {
    expect(() => sampleCohort(smallFrame(), { method: "random", count: 3 })).toThrow(/give a seed/);
  });

  it("names the school when the count is larger than its families", () => {
    expect(() => sampleCohort(smallFrame(10, 1), { method: "random", count: 11, seed: 1 })).toThrow(/count 11 is larger than the 10 families of school 'sch-1'/);
  });

  it("needs a size for every school when sizes are given per school", () => {
    expect(() => sampleCohort(smallFrame(10, 2), { method: "random", count: { "sch-1": 2 }, seed: 1 })).toThrow(/no size given for school 'sch-2'/);
    expect(() => sampleCohort(smallFrame(10, 2), { method: "classroom", count: { "sch-1": 2 }, seed: 1 })).toThrow(/no size given for school 'sch-2'/);
  });

  it("needs exactly one of count and fraction", () => {
    expect(() => sampleCohort(smallFrame(), { method: "random", seed: 1 })).toThrow(/either count or fraction/);
    expect(() => sampleCohort(smallFrame(), { method: "random", seed: 1, count: 2, fraction: 0.1 })).toThrow(/either count or fraction/);
  });

  it("needs balancing columns for balanced and strata for stratified", () => {
    expect(() => sampleCohort(smallFrame(), { method: "balanced", count: 2, seed: 1 })).toThrow(/needs balance/);
    expect(() => sampleCohort(smallFrame(), { method: "stratified", count: 2, seed: 1 })).toThrow(/needs strata/);
  });

  it("names an unknown strata column and an unknown balancing column", () => {
    expect(() => sampleCohort(smallFrame(), { method: "stratified", count: 2, strata: ["house"], seed: 1 })).toThrow(/unknown strata column 'house'/);
    expect(() => sampleCohort(smallFrame(), { method: "balanced", count: 2, balance: ["income"], seed: 1 })).toThrow(/unknown balancing column 'income'/);
  });

  it("names the families whose lead student has no value in a strata column, in family order, and no sibling", () => {
    // Family f-b's lead (lowest id) student lacks a grade; family f-a's second student does too, which
    // does not matter: a family's stratum is its lead student's. Rows are not in id order.
    const frame = [
      { id: "s4", schoolId: "x", familyId: "f-c", grade: 2, language: null },
      { id: "s3", schoolId: "x", familyId: "f-b", grade: 1, language: "es" },
      { id: "s2", schoolId: "x", familyId: "f-b", grade: null, language: "en" },
      { id: "s1", schoolId: "x", familyId: "f-a", grade: 3, language: "en" },
      { id: "s5", schoolId: "x", familyId: "f-a", grade: "", language: "en" },
      { id: "s6", schoolId: "x", familyId: "f-d", grade: 4, language: "vi" },
    ] as unknown as FrameRow[]; // empty and null grades, as a CSV reader gives them
    const issuesOf = (strata: string[]) => {
      try {
        sampleCohort(frame, { method: "stratified", count: 2, strata, seed: 1 });
        return [];
      } catch (error) {
        expect(error).toBeInstanceOf(PthvInputError);
        return (error as PthvInputError).issues.map((i) => [i.id, i.field, i.row]);
      }
    };
    expect(issuesOf(["grade"])).toEqual([["s2", "grade", 3]]);
    // Several columns: each missing value of a lead student, families in id order (f-b before f-c).
    expect(issuesOf(["grade", "language"])).toEqual([
      ["s2", "grade", 3],
      ["s4", "language", 1],
    ]);
    // With the values filled in, the same frame draws, and the draw re-verifies (read in one pass there).
    const filled = frame.map((row) => ({ ...row, grade: typeof row.grade === "number" ? row.grade : 0, language: row.language ?? "en" }));
    const cohort = sampleCohort(filled, { method: "stratified", count: 2, strata: ["grade", "language"], seed: 1 });
    expect(cohort.strata?.map((s) => s.key)).toEqual(["x|grade=0|language=en", "x|grade=2|language=en", "x|grade=3|language=en", "x|grade=4|language=vi"]);
    expect(verifyCohort(filled, cohort).verified).toBe(true);
  });

  it("names the ids of rows with non-numeric values in a numeric balancing column", () => {
    const frame = smallFrame(5, 1).map((r, i) => (i === 2 ? { ...r, priorDaysAbsent: "many" } : r));
    try {
      sampleCohort(frame, { method: "balanced", count: 2, balance: ["priorDaysAbsent"], seed: 1 });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(PthvInputError);
      expect((error as PthvInputError).issues).toEqual([expect.objectContaining({ id: frame[2]!.id, field: "priorDaysAbsent", row: 3 })]);
    }
  });

  it("refuses an empty frame and duplicate ids, naming the id", () => {
    expect(() => sampleCohort([], { method: "all" })).toThrow(/the frame is empty/);
    const frame = smallFrame(5, 1);
    expect(() => sampleCohort([...frame, { ...frame[0]! }], { method: "all" })).toThrow(/stu-0001.*duplicate student id/);
  });

  it("locates problems by file and row when given the source", () => {
    const frame = [{ id: "a", schoolId: "" }];
    expect(() => sampleCohort(frame, { method: "all" }, { file: "frame.csv", rows: [2] })).toThrow(/frame\.csv:2, student 'a', field 'schoolId'/);
  });
});
