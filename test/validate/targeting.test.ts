import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { sampleCohort } from "../../src/cohort/index.js";
import type { ProgramRecord, Student } from "../../src/model/index.js";
import { balanceDrift } from "../../src/validate/rules/balance-drift.js";
import { RULES, validateProgram } from "../../src/validate/index.js";
import { testRule } from "./rule-tester.js";
import { findingsOf, programWith, visitOf } from "./programme.js";

interface Reference {
  cases: { name: string; families: number[]; frameFamilies: number; selectedFamilies: number; standardError: number; rows: { variable: string; smd: number; z: number }[] }[];
}
const reference = JSON.parse(readFileSync(new URL("./fixtures/balance-drift.json", import.meta.url), "utf8")) as Reference;

/** The frame of scripts/reference/validate/balance-drift.R: 60 families, every third with two students. */
const FRAME: Student[] = [];
for (let f = 1; f <= 60; f++) {
  for (let k = 0; k <= (f % 3 === 0 ? 1 : 0); k++) {
    FRAME.push({ id: `stu-${String(f).padStart(2, "0")}-${k}`, schoolId: "sch-1", grade: f % 6, teacherId: "edu-1", familyId: famId(f), priorDaysAbsent: (f * 7 + k * 3) % 23, ell: f % 4 === 1 });
  }
}
function famId(f: number): string {
  return `fam-${String(f).padStart(2, "0")}`;
}
const TARGETED = reference.cases[1]!.families;
const SPREAD = reference.cases[0]!.families;

/** Replaces the clean programme's families with the frame's, visited (completed visits) as listed. */
function visiting(families: number[]) {
  return (p: ProgramRecord) => {
    const template = visitOf(p);
    p.students = FRAME;
    p.families = Array.from({ length: 60 }, (_, i) => ({ ...p.families[0]!, id: famId(i + 1) }));
    p.visits = families.map((f) => ({ ...structuredClone(template), id: `visit-${f}`, familyId: famId(f) }));
    p.reflections = p.visits.map((v) => ({ ...p.reflections[0]!, id: `refl-${v.id}`, visitIds: [v.id] }));
    p.cohorts = [{ id: "cohort-1", ...sampleCohort(FRAME, { method: "all", seed: "test" }) }];
  };
}

describe("balanceDrift against the R reference", () => {
  for (const c of reference.cases) {
    it(`matches R's SMDs and standard errors for ${c.name}`, () => {
      const drift = balanceDrift(FRAME, c.families.map(famId), ["priorDaysAbsent", "ell", "grade"]);
      expect(drift.frameFamilies).toBe(c.frameFamilies);
      expect(drift.selectedFamilies).toBe(c.selectedFamilies);
      expect(drift.standardError).toBeCloseTo(c.standardError, 12);
      expect(drift.rows.map((r) => r.variable)).toEqual(c.rows.map((r) => r.variable));
      drift.rows.forEach((row, i) => {
        expect(row.smd).toBeCloseTo(c.rows[i]!.smd, 12);
        expect(row.z).toBeCloseTo(c.rows[i]!.z, 12);
      });
    });
  }
});

const targetedAbsence = reference.cases[1]!.rows[0]!;

testRule("visited-representative", {
  valid: [
    { name: "a spread of visited families close to the frame", change: visiting(SPREAD) },
    { name: "a targeted set when maxAbsSmd equals its SMD exactly", change: visiting(TARGETED), options: { maxAbsSmd: Math.abs(targetedAbsence.smd) } },
    { name: "a targeted set when minZ equals its distance from chance exactly", change: visiting(TARGETED), options: { minZ: targetedAbsence.z } },
    { name: "a targeted set of 19 families when minVisitedFamilies is 20 (not assessed)", change: visiting(TARGETED), options: { minVisitedFamilies: 20 } },
    { name: "a targeted set compared only on a variable it is balanced on", change: visiting(TARGETED), options: { variables: ["ell"] } },
    { name: "the small clean programme (too few visited families to assess)" },
  ],
  invalid: [
    { name: "visits concentrated on the families of the highest prior absence", change: visiting(TARGETED), expected: ["school:sch-1:priorDaysAbsent"], message: /SMD 0\.87, beyond 0\.25 and 4\.6 standard errors.*19 of 60 families visited/ },
    { name: "a targeted set when maxAbsSmd is just below its SMD", change: visiting(TARGETED), options: { maxAbsSmd: Math.abs(targetedAbsence.smd) - 1e-9 }, expected: ["school:sch-1:priorDaysAbsent"] },
    { name: "a targeted set when minZ is just below its distance from chance", change: visiting(TARGETED), options: { minZ: targetedAbsence.z - 1e-9 }, expected: ["school:sch-1:priorDaysAbsent"] },
    { name: "a targeted set of 19 families when minVisitedFamilies is 19", change: visiting(TARGETED), options: { minVisitedFamilies: 19 }, expected: ["school:sch-1:priorDaysAbsent"] },
    { name: "a configured variable the students do not have", change: visiting(SPREAD), options: { variables: ["shoeSize"] }, expected: ["school:sch-1:"], message: /cannot be compared/ },
  ],
});

describe("visited-representative on a school listed twice", () => {
  it("assesses it twice with the same visited families (each family counted once each time)", () => {
    const once = findingsOf("visited-representative", programWith(visiting(TARGETED)));
    const twice = findingsOf(
      "visited-representative",
      programWith((p) => {
        visiting(TARGETED)(p);
        p.schools.push({ ...p.schools[0]! });
      }),
    );
    expect(once.map((d) => d.message)).toEqual([expect.stringMatching(/19 of 60 families visited/)]);
    expect(twice.map((d) => d.message)).toEqual([once[0]!.message, once[0]!.message]);
  });
});

describe("visited-representative explains what it left out", () => {
  it("notes the schools it could not assess, and skips when it assessed none", () => {
    const one = validateProgram(programWith(() => {})).rules.find((r) => r.id === "visited-representative")!;
    expect(one.skipped).toMatch(/sch-1 \(1 visited families, 3 students\)/);
    const two = validateProgram(
      programWith((p) => {
        visiting(SPREAD)(p);
        p.schools.push({ ...p.schools[0]!, id: "sch-2" });
      }),
    ).rules.find((r) => r.id === "visited-representative")!;
    expect(two.skipped).toBeUndefined();
    expect(two.notes).toEqual(["not assessed (fewer than 10 visited families, or no students): sch-2 (0 visited families, 0 students)"]);
  });
});

testRule("cohort-provenance", {
  valid: [
    { name: "visits to families of a cohort drawn by the sampler" },
    { name: "a cohort re-drawn on a frame given in another order", change: (p) => void p.students.reverse() },
    { name: "a cancelled visit to a family in no cohort", change: (p) => void ((visitOf(p).familyId = "fam-9"), (visitOf(p).status = "cancelled")) },
    { name: "a random cohort of one family, visited", change: (p) => void ((p.cohorts = [{ id: "cohort-r", ...sampleCohort(p.students, { method: "random", count: 1, seed: 11 }) }]), (visitOf(p).familyId = p.cohorts[0]!.selectedFamilyIds[0]!)) },
  ],
  invalid: [
    { name: "a visit when there is no cohort", change: (p) => void (p.cohorts = []), expected: ["visit:visit-1:familyId"], message: /no cohort in the records/ },
    { name: "a visit to a family left out of the random cohort", change: (p) => void ((p.cohorts = [{ id: "cohort-r", ...sampleCohort(p.students, { method: "random", count: 1, seed: 11 }) }]), (visitOf(p).familyId = p.cohorts[0]!.selectedFamilyIds[0] === "fam-1" ? "fam-2" : "fam-1")), expected: ["visit:visit-1:familyId"], message: /in no cohort's selected families/ },
    {
      name: "a hand-picked cohort (the drawn family swapped for the other, who is visited)",
      change: (p) => {
        const drawn = sampleCohort(p.students, { method: "random", count: 1, seed: 11 });
        const other = drawn.selectedFamilyIds[0] === "fam-1" ? "fam-2" : "fam-1";
        p.cohorts = [{ id: "cohort-r", ...drawn, selectedFamilyIds: [other] }];
        visitOf(p).familyId = other;
      },
      expected: ["cohort:cohort-r:selectedFamilyIds"],
      message: /does not re-verify.*not drawn by the seed/,
    },
    { name: "a cohort whose frame changed since the draw", change: (p) => void p.students.push({ id: "stu-9", schoolId: "sch-1", grade: 1, teacherId: "edu-1", familyId: "fam-2" }), expected: ["cohort:cohort-1:selectedFamilyIds"], message: /not the frame the cohort was drawn from/ },
    { name: "a cohort whose schools have no students in the records", change: (p) => void (p.students = []), expected: ["cohort:cohort-1:audit"], message: /cannot be re-verified/ },
  ],
});

describe("the targeting rules on a frame the sampler rejects", () => {
  // Both rules hand the same school frame to the sampler: a frame it rejects (a student id twice)
  // gives each rule, in one validation, the finding it gives alone.
  const duplicated = programWith((p) => {
    visiting(SPREAD)(p);
    p.students = [...FRAME, { ...FRAME[0]! }];
  });
  // Every rule off except the named targeting rules.
  const quiet = Object.fromEntries(RULES.map((rule) => [rule.meta.id, "off"]));
  const run = (ids: string[]) =>
    validateProgram(duplicated, {
      rules: { ...quiet, "cohort-provenance": ids.includes("cohort-provenance") ? "error" : "off", "visited-representative": ids.includes("visited-representative") ? "warn" : "off" },
    }).diagnostics;

  it("reports an invalid frame in both rules, as each rule alone does", () => {
    const both = run(["cohort-provenance", "visited-representative"]);
    expect(both.map((d) => `${d.ruleId}:${d.entity}:${d.id}:${d.field ?? ""}`)).toEqual(["cohort-provenance:cohort:cohort-1:audit", "visited-representative:school:sch-1:"]);
    expect(both[0]!.message).toMatch(/cannot be re-verified \(1 problem in the frame/);
    expect(both[1]!.message).toMatch(/cannot be compared with the school.s families \(1 problem in the frame/);
    expect(both).toEqual([...run(["cohort-provenance"]), ...run(["visited-representative"])]);
  });
});
