import { describe, expect, it } from "vitest";
import { PthvInputError } from "../../src/errors/index.js";
import { parseProgram, schemas } from "../../src/model/index.js";
import { sampleDistrict } from "../../src/sample-district/index.js";
import { nySchool } from "../helpers.js";

function issuesOf(input: unknown) {
  try {
    parseProgram(input);
  } catch (error) {
    if (error instanceof PthvInputError) return error.issues;
    throw error;
  }
  return [];
}

const school = nySchool();
const family = { id: "fam-1", schoolId: "sch-1", homeLanguage: "en" };

describe("parseProgram", () => {
  it("accepts the sample district and fills defaults", () => {
    const district = sampleDistrict({ students: 300, seed: 1 });
    const parsed = parseProgram(JSON.parse(JSON.stringify(district)));
    expect(parsed.visits.length).toBe(district.visits.length);
    expect(parseProgram({ families: [family] }).families[0]!.consent).toEqual({ status: "pending" });
  });

  it("reports every problem at once, located by collection, index, id and field", () => {
    const issues = issuesOf({
      schools: [school],
      families: [{ ...family, schoolId: "sch-9" }, { id: "fam-2", schoolId: "sch-1" }],
      educators: [{ id: "e1", schoolId: "sch-1", role: "janitor", hourlyRate: -1 }],
    });
    expect(issues.map((i) => [i.entity, i.id, i.field])).toEqual(
      expect.arrayContaining([
        ["family", "fam-2", "families[1].homeLanguage"],
        ["educator", "e1", "educators[0].role"],
        ["educator", "e1", "educators[0].hourlyRate"],
        ["family", "fam-1", "families[0].schoolId"],
      ]),
    );
    expect(issues.length).toBe(4);
  });

  it("names duplicate ids and unknown references with what to do", () => {
    const issues = issuesOf({
      schools: [school],
      families: [family, { ...family }, { ...family, id: "fam-3", schoolId: "sch-404" }],
    });
    expect(issues).toHaveLength(2);
    expect(issues[0]!.message).toMatch(/duplicate family id/);
    expect(issues[1]).toMatchObject({ entity: "family", id: "fam-3", field: "families[2].schoolId" });
    expect(issues[1]!.message).toMatch(/unknown school id 'sch-404'.*add the school/);
  });

  it("refuses a datetime without an offset, an unknown time zone and inverted windows", () => {
    const issues = issuesOf({
      schools: [{ ...school, timeZone: "Mars/Olympus" }],
      educators: [
        {
          id: "e1",
          schoolId: "sch-1",
          role: "teacher",
          hourlyRate: 40,
          optedInAt: "2026-05-01T16:00:00",
          availability: [{ kind: "weekly", weekday: "monday", start: "18:00", end: "17:00" }],
        },
      ],
    });
    expect(issues.map((i) => i.field)).toEqual(["schools[0].timeZone", "educators[0].optedInAt", "educators[0].availability[0].end"]);
  });

  it("refuses keys that could pollute prototypes, and pollutes nothing", () => {
    const input = JSON.parse('{"students":[{"id":"s1","schoolId":"x","grade":1,"teacherId":"t","familyId":"f","__proto__":{"polluted":true}}]}');
    const issues = issuesOf(input);
    expect(issues[0]!.message).toMatch(/'__proto__' is not allowed/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(issuesOf({ schools: [{ ...school, constructor: "x" }] })[0]!.field).toBe("schools[0].constructor");
  });

  it("never mutates its input", () => {
    const input = { families: [{ ...family }] };
    const before = JSON.stringify(input);
    parseProgram(input);
    expect(JSON.stringify(input)).toBe(before);
  });

  it("keeps analysts' extra student columns as named values", () => {
    const parsed = parseProgram({ students: [{ id: "s1", schoolId: "a", grade: 3, teacherId: "t", familyId: "f", ell: true, priorDaysAbsent: 12, lunch: "free" }] });
    expect(parsed.students[0]).toMatchObject({ ell: true, priorDaysAbsent: 12, lunch: "free" });
  });

  it("exposes every schema by name", () => {
    expect(schemas.Visit.safeParse({}).success).toBe(false);
    expect(Object.keys(schemas)).toEqual(expect.arrayContaining(["ProgramRecord", "School", "Student", "Family", "Educator", "Pair", "Visit", "Reflection", "Cohort", "ImplementationPlan"]));
  });
});
