import { describe, expect, it } from "vitest";
import { isOutsideSchoolDay } from "../../src/calendar/index.js";
import { verifyCohort } from "../../src/cohort/index.js";
import { sampleDistrict } from "../../src/sample-district/index.js";
import { SEASON_STEPS, runSeason } from "../../src/season/index.js";
import { validateProgram } from "../../src/validate/index.js";

const district = sampleDistrict({ seed: "season", students: 1200 });
const progress: string[] = [];
const run = runSeason(district, { seed: "season", onProgress: (step, phase) => progress.push(`${step}:${phase}`) });

describe("runSeason", () => {
  it("reports every step's start and end, in order", () => {
    expect(progress).toEqual(SEASON_STEPS.flatMap((s) => [`${s}:start`, `${s}:end`]));
    expect(Object.keys(run.timings).sort()).toEqual([...SEASON_STEPS].sort());
  });

  it("starts with the ready schools, or the best-ranked when too few are ready", () => {
    const ready = run.readiness.places.filter((p) => p.tier === "ready").map((p) => p.schoolId);
    if (ready.length >= 2) expect(run.schools.ids).toEqual(ready);
    else expect(run.schools.ids).toEqual(run.readiness.places.slice(0, 2).map((p) => p.schoolId));
  });

  it("draws one cohort per chosen school that re-verifies from its audit", () => {
    expect(run.cohorts).toHaveLength(run.schools.ids.length);
    run.cohorts.forEach((cohort, i) => {
      const frame = district.students.filter((s) => s.schoolId === run.schools.ids[i]);
      expect(verifyCohort(frame, cohort).verified).toBe(true);
    });
  });

  it("visits only invited, consenting families, in pairs, outside the school day", () => {
    const invited = new Set(run.cohorts.flatMap((c) => c.selectedFamilyIds));
    const consent = new Map(district.families.map((f) => [f.id, f.consent.status]));
    const schools = new Map(district.schools.map((s) => [s.id, s]));
    expect(run.record.visits.length).toBeGreaterThan(0);
    for (const v of run.record.visits) {
      expect(invited.has(v.familyId)).toBe(true);
      expect(consent.get(v.familyId)).toBe("accepted");
      expect(new Set(v.educatorIds).size).toBe(2);
      expect(isOutsideSchoolDay(schools.get(v.schoolId)!, v.start, v.end)).toBe(true);
    }
  });

  it("plants three slips and the validator finds exactly them", () => {
    expect(run.slips.map((s) => s.ruleId).sort()).toEqual(["first-visit-relationship", "reflection-with-partner", "scheduled-in-advance"]);
    const found = run.validation.diagnostics.map((d) => `${d.ruleId}:${d.id}`).sort();
    expect(found).toEqual(run.slips.map((s) => `${s.ruleId}:${s.visitId}`).sort());
  });

  it("validates clean when the slips are not planted (the schedule itself keeps every non-negotiable)", () => {
    const clean = { ...run.record, visits: run.schedules.flatMap((s) => s.visits.map((v) => ({ ...v, educatorIds: [...v.educatorIds], agenda: [...v.agenda], status: "completed" as const }))), reflections: run.schedules.flatMap((s) => s.reflections.map((r) => ({ id: r.id, visitIds: [...r.visitIds], educatorIds: [...r.educatorIds], at: r.at, hours: r.hours }))) };
    const report = validateProgram(clean);
    expect(report.counts.error).toBe(0);
  });

  it("estimates the simulated effect on absences within its interval's reach", () => {
    const fewer = run.evaluation.effects.find((e) => e.measure === "fewer absences (1 - IRR)" && e.source === "absences.negative-binomial")!;
    expect(fewer.estimate).toBeGreaterThan(0.1);
    expect(fewer.estimate).toBeLessThan(0.4);
  });

  it("is deterministic and leaves the district untouched", () => {
    const before = JSON.stringify(district);
    const again = runSeason(district, { seed: "season" });
    expect(JSON.stringify(again.record)).toBe(JSON.stringify(run.record));
    expect(JSON.stringify(district)).toBe(before);
  });
});
