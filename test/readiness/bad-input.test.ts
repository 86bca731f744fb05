import { describe, expect, it } from "vitest";
import { PthvInputError } from "../../src/errors/index.js";
import { readMoneyText } from "../../src/model/index.js";
import { parseSchoolReadiness, rankSchools, scoreReadiness } from "../../src/readiness/index.js";
import { funding, readySchool, teachers } from "./fixtures.js";

function issuesOf(run: () => unknown): PthvInputError["issues"] {
  try {
    run();
  } catch (error) {
    if (error instanceof PthvInputError) return error.issues;
    throw error;
  }
  throw new Error("expected a PthvInputError");
}

describe("readiness data: bad input", () => {
  it("refuses more supporters than teachers, naming the school and field", () => {
    const issues = issuesOf(() => scoreReadiness(readySchool({ schoolId: "sch-7", teachers: teachers(20, 25) })));
    expect(issues).toEqual([
      expect.objectContaining({ entity: "school", id: "sch-7", field: "teachers.inSupport", message: expect.stringContaining("25 teachers in support but 20 teachers") }),
    ]);
  });

  it("refuses more supporters than survey respondents and more respondents than teachers", () => {
    const issues = issuesOf(() => scoreReadiness(readySchool({ teachers: teachers(20, 12, 10) })));
    expect(issues.map((i) => i.field)).toEqual(["teachers.inSupport"]);
    expect(issuesOf(() => scoreReadiness(readySchool({ teachers: teachers(20, 5, 21) }))).map((i) => i.field)).toEqual(["teachers.surveyed"]);
  });

  it("refuses negative money, as a number or as text", () => {
    const issues = issuesOf(() => scoreReadiness(readySchool({ funding: funding(-100, "-$5") })));
    expect(issues.map((i) => i.field)).toEqual(["funding.budget", "funding.estimatedCost"]);
    expect(issues[0]!.message).toContain("must not be negative");
  });

  it("refuses an unknown currency format and says what to write", () => {
    const issues = issuesOf(() => scoreReadiness(readySchool({ schoolId: "sch-3", funding: funding("31.200,00") })));
    expect(issues).toEqual([expect.objectContaining({ id: "sch-3", field: "funding.budget", message: expect.stringContaining("unknown currency format '31.200,00'") })]);
  });

  it("refuses a currency symbol that disagrees with the school's currency", () => {
    const issues = issuesOf(() => scoreReadiness(readySchool({ funding: { budget: "£900", estimatedCost: 1000, currency: "EUR" } })));
    expect(issues).toEqual([expect.objectContaining({ field: "funding.budget", message: expect.stringContaining("written in GBP but the school's currency is EUR") })]);
  });

  it("asks for the cost or the season, exactly one of them", () => {
    expect(issuesOf(() => scoreReadiness(readySchool({ funding: { budget: 5 } }))).map((i) => i.field)).toEqual(["funding"]);
    const both = readySchool({ funding: { budget: 5, estimatedCost: 5, season: { familiesToVisit: 1, hourlyRate: 1 } } });
    expect(issuesOf(() => scoreReadiness(both))[0]!.message).toBe("give estimatedCost or season, not both");
  });

  it("reports every problem in every school at once, with file and row when known", () => {
    const schools = [
      readySchool({ schoolId: "a", teachers: teachers(0, 0) }),
      readySchool({ schoolId: "b", funding: funding("lots") }),
      readySchool({ schoolId: "a" }),
    ];
    const issues = issuesOf(() => rankSchools(schools, {}, { file: "schools.csv", rows: [2, 3, 4] }));
    expect(issues.map((i) => [i.row, i.id, i.field])).toEqual([
      [2, "a", "teachers.total"],
      [3, "b", "funding.budget"],
      [4, "a", "schoolId"],
    ]);
    expect(issues.every((i) => i.file === "schools.csv")).toBe(true);
  });

  it("locates problems in a planned season under funding.season", () => {
    const school = readySchool({ funding: { budget: 5, season: { familiesToVisit: 1, hourlyRate: 30, educatorsToTrain: 2, educators: [{ id: "e1", hourlyRate: 30 }] } } });
    expect(issuesOf(() => scoreReadiness(school)).map((i) => i.field)).toEqual(["funding.season.educatorsToTrain"]);
  });

  it("does not mutate the records it is given", () => {
    const school = readySchool({ funding: funding("$26,880") });
    const copy = structuredClone(school);
    parseSchoolReadiness([school]);
    scoreReadiness(school);
    expect(school).toEqual(copy);
  });
});

describe("readMoneyText", () => {
  it("reads the money formats it documents", () => {
    expect(readMoneyText("31200")).toEqual({ amount: 31_200, currencies: [] });
    expect(readMoneyText(" $31,200.5 ")).toEqual({ amount: 31_200.5, currencies: ["USD", "CAD", "AUD", "NZD"] });
    expect(readMoneyText("31200 EUR")).toEqual({ amount: 31_200, currencies: ["EUR"] });
    expect(readMoneyText("USD 1,000,000")).toEqual({ amount: 1_000_000, currencies: ["USD"] });
    expect(readMoneyText("£ 1,250.75")).toEqual({ amount: 1_250.75, currencies: ["GBP"] });
  });

  it("refuses ambiguous or unknown formats", () => {
    for (const text of ["31.200,00", "31 200", "3,12,00", "$1.234", "about 300", "USD 5 EUR", "1e5", ""]) {
      expect("error" in readMoneyText(text), text).toBe(true);
    }
  });
});
