import { describe, expect, it } from "vitest";
import { PthvInputError } from "../../src/errors/index.js";
import { formatPlanCheck, formatRanking, rankSchools, readinessFromRows, checkPlan } from "../../src/readiness/index.js";
import { readySchool, teachers } from "./fixtures.js";

const row = (line: number, cells: Record<string, string>) => ({ line, cells: new Map(Object.entries(cells)) });

describe("readinessFromRows", () => {
  it("nests flat columns into a record and leaves empty cells out", () => {
    const { schools, sources } = readinessFromRows(
      [row(2, { schoolId: "s1", principalNamed: "Yes", principalEngaged: "0", teachers: "12", teachersInSupport: "6", teachersSurveyed: "", budget: "$1,000", familiesToVisit: "10", hourlyRate: "42.5", evaluationPlan: "true" })],
      "schools.csv",
    );
    expect(schools).toEqual([
      {
        schoolId: "s1",
        principal: { named: true, engaged: false },
        teachers: { total: 12, inSupport: 6 },
        funding: { budget: "$1,000", season: { familiesToVisit: 10, hourlyRate: 42.5 } },
        processes: { evaluationPlan: true },
      },
    ]);
    expect(sources.rows).toEqual([2]);
    expect(sources.fields["teachers.inSupport"]).toBe("teachers_in_support");
  });

  it("names a missing column by its own name once the records are checked", () => {
    const { schools, sources } = readinessFromRows([row(2, { schoolId: "s1", teachers: "10", teachersInSupport: "5", budget: "1", estimatedCost: "1" })], "schools.csv");
    try {
      rankSchools(schools, {}, sources);
      expect.unreachable();
    } catch (error) {
      expect((error as PthvInputError).issues.map((i) => i.field)).toEqual(["principal_named", "principal_engaged"]);
    }
  });

  it("refuses cells of the wrong kind and fractional counts", () => {
    try {
      readinessFromRows([row(3, { schoolId: "s1", teachers: "12.5", principalNamed: "maybe" })], "schools.csv");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(PthvInputError);
      expect((error as PthvInputError).issues.map((i) => [i.row, i.field])).toEqual([
        [3, "teachers"],
        [3, "principal_named"],
      ]);
    }
  });
});

describe("formatters", () => {
  it("lines up the table's columns and ends with a summary", () => {
    const text = formatRanking(rankSchools([readySchool({ schoolId: "a" }), readySchool({ schoolId: "bb", teachers: teachers(36, 10) })]), "table");
    const [header, rule, first, second] = text.split("\n");
    expect(header!.indexOf("Tier")).toBe(first!.indexOf("ready"));
    expect(rule).toMatch(/^-+\s+-+/);
    expect(second).toContain("8 more teachers in support (10 of 36 now; 18 needed)");
    expect(text.trimEnd().split("\n").at(-1)).toMatch(/^2 schools: 1 ready, 0 almost, 1 not ready\./);
  });

  it("escapes pipes in Markdown cells", () => {
    const text = formatRanking(rankSchools([readySchool({ name: "A|B School" })]), "markdown");
    expect(text).toContain("sch-1 (A\\|B School)");
  });

  it("prints a plan check as text with its status and problems", () => {
    const text = formatPlanCheck(checkPlan({ passedAt: "2026-09-09", elements: {}, steeringCommittee: [] }, { today: "2026-12-10" }), "text");
    expect(text).toContain("overdue by 2 days (due 2026-12-08)");
    expect(text).toContain("-- Funding: missing: write this element of the plan.");
    expect(text).toContain("Problems:");
  });
});
