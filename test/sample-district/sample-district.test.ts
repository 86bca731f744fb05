import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { isOutsideSchoolDay } from "../../src/calendar/index.js";
import { parseProgram } from "../../src/model/index.js";
import { sampleDistrict } from "../../src/sample-district/index.js";

const district = sampleDistrict({ seed: "test", students: 2500 });

describe("sampleDistrict", () => {
  it("is deterministic: the same seed gives the same district, another seed another", () => {
    const again = sampleDistrict({ seed: "test", students: 2500 });
    expect(JSON.stringify(again)).toBe(JSON.stringify(district));
    expect(JSON.stringify(sampleDistrict({ seed: "other", students: 2500 }).outcomes)).not.toBe(JSON.stringify(district.outcomes));
  });

  it("builds the requested number of students, with siblings sharing a family and a school", () => {
    expect(district.students).toHaveLength(2500);
    const familySchool = new Map(district.families.map((f) => [f.id, f.schoolId]));
    for (const s of district.students) expect(familySchool.get(s.familyId)).toBe(s.schoolId);
    const sizes = new Map<string, number>();
    for (const s of district.students) sizes.set(s.familyId, (sizes.get(s.familyId) ?? 0) + 1);
    expect([...sizes.values()].some((n) => n > 1)).toBe(true);
    expect(district.families.length).toBe(sizes.size);
  });

  it("passes its own schemas and reference checks", () => {
    expect(() => parseProgram(JSON.parse(JSON.stringify(district)))).not.toThrow();
  });

  it("visits in pairs of the same school, booked in advance, outside the school day, in the season", () => {
    const schools = new Map(district.schools.map((s) => [s.id, s]));
    const educators = new Map(district.educators.map((e) => [e.id, e]));
    const families = new Map(district.families.map((f) => [f.id, f]));
    expect(district.visits.length).toBeGreaterThan(50);
    for (const v of district.visits) {
      expect(new Set(v.educatorIds).size).toBe(2);
      for (const id of v.educatorIds) {
        const e = educators.get(id)!;
        expect(e.schoolId).toBe(v.schoolId);
        expect(e.optedInAt! < v.start).toBe(true);
        expect(e.trainings[0]!.completedAt < v.start).toBe(true);
      }
      expect(families.get(v.familyId)!.consent.status).toBe("accepted");
      expect(DateTime.fromISO(v.scheduledAt!) < DateTime.fromISO(v.start).minus({ days: 6 })).toBe(true);
      expect(isOutsideSchoolDay(schools.get(v.schoolId)!, v.start, v.end)).toBe(true);
      const window = v.visitNumber === 1 ? district.season!.firstVisits : district.season!.secondVisits!;
      expect(v.start.slice(0, 10) >= window.start && v.start.slice(0, 10) <= window.end).toBe(true);
      expect(v.focus).toBe(v.visitNumber === 1 ? "relationship" : "academic");
    }
  });

  it("follows every held visit with the same two educators' reflection", () => {
    const byVisit = new Map(district.reflections.map((r) => [r.visitIds[0], r]));
    for (const v of district.visits.filter((x) => x.status === "completed")) {
      const r = byVisit.get(v.id)!;
      expect(r.educatorIds).toEqual(v.educatorIds);
      expect(DateTime.fromISO(r.at) >= DateTime.fromISO(v.end)).toBe(true);
    }
  });

  it("never books one pair twice at the same time", () => {
    const seen = new Set<string>();
    for (const v of district.visits) {
      const key = `${v.pairId}@${v.start}`;
      expect(seen.has(key)).toBe(false);
      seen.add(key);
    }
  });

  it("simulates fewer absences for visited students, with visited families self-selected", () => {
    const rate = (rows: typeof district.outcomes, prior: boolean) =>
      rows.reduce((a, o) => a + (prior ? o.priorDaysAbsent! : o.daysAbsent), 0) / rows.reduce((a, o) => a + (prior ? o.priorDaysEnrolled! : o.daysEnrolled), 0);
    const visited = district.outcomes.filter((o) => o.visited);
    const others = district.outcomes.filter((o) => !o.visited);
    expect(visited.length).toBeGreaterThan(100);
    expect(rate(visited, false) / rate(others, false)).toBeLessThan(0.9);
    expect(rate(visited, true)).toBeLessThan(rate(others, true)); // selection: lower prior absence
    expect(district.outcomes.every((o) => o.daysAbsent <= o.daysEnrolled)).toBe(true);
  });

  it("books the same visits whatever the simulated effect, so effect sizes can be compared", () => {
    const none = sampleDistrict({ seed: "test", students: 2500, effect: { absenceRateRatio: 1, readingScoreGain: 0 } });
    expect(none.visits).toEqual(district.visits);
  });

  it("varies the share of families visited by school, some below the 10% systematic line", () => {
    const big = sampleDistrict({ seed: "share", students: 12_000 });
    const share = big.schools.map((s) => {
      const fams = big.families.filter((f) => f.schoolId === s.id);
      const visited = new Set(big.visits.filter((v) => v.schoolId === s.id && v.status === "completed").map((v) => v.familyId));
      return visited.size / fams.length;
    });
    expect(Math.min(...share)).toBeLessThan(0.1);
    expect(Math.max(...share)).toBeGreaterThan(0.1);
  });
});
