import { describe, expect, it } from "vitest";
import { checkBalance, PthvInputError } from "../../src/index.js";
import { frozen, smallFrame } from "./frames.js";

const four = [
  { id: "s1", schoolId: "a", x: 1, group: "red" },
  { id: "s2", schoolId: "a", x: 2, group: "red" },
  { id: "s3", schoolId: "a", x: 3, group: "blue" },
  { id: "s4", schoolId: "a", x: 6, group: "blue" },
];

describe("checkBalance", () => {
  it("computes the SMD and variance ratio of a hand-worked example", () => {
    // Frame mean 3, population variance (4+1+0+9)/4 = 3.5; selected s1 and s4: mean 3.5, variance 6.25.
    const report = checkBalance(four, ["s1", "s4"], ["x"]);
    const row = report.rows[0]!;
    expect(row.frameMean).toBe(3);
    expect(row.selectedMean).toBe(3.5);
    expect(row.smd).toBeCloseTo(0.5 / Math.sqrt(3.5), 12);
    expect(row.varianceRatio).toBeCloseTo(6.25 / 3.5, 12);
    expect(row.verdict).toBe("not-representative");
    expect(report.verdict).toBe("not-representative");
    expect(report.thresholds).toEqual({ representative: 0.05, acceptable: 0.25 });
  });

  it("reports one row per level of a categorical column", () => {
    const report = checkBalance(four, ["s1", "s3"], ["group"]);
    expect(report.rows.map((r) => r.level)).toEqual(["blue", "red"]);
    expect(report.rows.every((r) => r.smd === 0)).toBe(true);
    expect(report.verdict).toBe("representative");
  });

  it("judges balance on students, counting every child of a selected family", () => {
    const frame = [
      { id: "s1", schoolId: "a", familyId: "f1", x: 1 },
      { id: "s2", schoolId: "a", familyId: "f1", x: 1 },
      { id: "s3", schoolId: "a", familyId: "f2", x: 0 },
    ];
    const report = checkBalance(frame, ["f1"], ["x"]);
    expect(report.selectedStudents).toBe(2);
    expect(report.selectedFamilies).toBe(1);
    expect(report.frameFamilies).toBe(2);
    expect(report.rows[0]!.selectedMean).toBe(1);
  });

  it("applies the What Works Clearinghouse thresholds at their boundaries", () => {
    // Frame of 0/1 with mean 0.5 and SD 0.5: a selected mean of 0.525 is an SMD of 0.05 exactly.
    const frame = Array.from({ length: 400 }, (_, i) => ({ id: `s${i}`, schoolId: "a", y: i % 2 }));
    const pick = (ones: number, zeros: number) => [
      ...frame.filter((r) => r.y === 1).slice(0, ones).map((r) => r.id),
      ...frame.filter((r) => r.y === 0).slice(0, zeros).map((r) => r.id),
    ];
    expect(checkBalance(frame, pick(21, 19), ["y"]).verdict).toBe("representative");
    expect(checkBalance(frame, pick(25, 15), ["y"]).verdict).toBe("acceptable");
    expect(checkBalance(frame, pick(26, 14), ["y"]).verdict).toBe("not-representative");
  });

  it("says not-assessed when there are no variables to compare", () => {
    expect(checkBalance(four, ["s1"], []).verdict).toBe("not-assessed");
  });

  it("does not mutate the frame or the selected ids", () => {
    const frame = frozen(smallFrame());
    const ids = Object.freeze(["fam-1-001", "fam-2-003"]);
    expect(() => checkBalance(frame, ids, ["priorDaysAbsent", "ell", "language"])).not.toThrow();
  });

  it("names an unknown column, and every non-numeric or missing value with its id", () => {
    const frame = [
      { id: "s1", schoolId: "a", x: 1 },
      { id: "s2", schoolId: "a", x: "lots" },
      { id: "s3", schoolId: "a", x: null },
    ];
    try {
      checkBalance(frame, ["s1"], ["x", "nope"]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(PthvInputError);
      const issues = (error as PthvInputError).issues;
      expect(issues.some((i) => i.field === "nope" && /unknown balancing column/.test(i.message))).toBe(true);
      expect(issues.some((i) => i.id === "s2" && i.field === "x" && /non-numeric/.test(i.message))).toBe(true);
      expect(issues.some((i) => i.id === "s3" && i.field === "x" && /missing/.test(i.message))).toBe(true);
    }
  });

  it("refuses selected ids that are not families of the frame, listing them all", () => {
    expect(() => checkBalance(four, ["s1", "x9", "x8"], ["x"])).toThrow(/2 selected ids not in the frame/);
  });

  it("refuses an empty frame and duplicate student ids", () => {
    expect(() => checkBalance([], [], ["x"])).toThrow(PthvInputError);
    const dup = [...four, { id: "s2", schoolId: "a", x: 5, group: "red" }];
    try {
      checkBalance(dup, [], ["x"]);
      expect.unreachable();
    } catch (error) {
      expect((error as PthvInputError).issues[0]).toMatchObject({ id: "s2", field: "id" });
    }
  });
});
