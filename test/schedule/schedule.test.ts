import { describe, expect, it } from "vitest";
import { PthvInputError } from "../../src/errors/index.js";
import { scheduleVisits, type ScheduleInputData } from "../../src/schedule/index.js";
import { sampleInput } from "./fixtures.js";
import { educator, family, tinyInput } from "./tiny.js";

const reasonOf = (s: ReturnType<typeof scheduleVisits>, id: string) => s.unscheduled.find((u) => u.familyId === id)?.reasons[0]?.code;

describe("scheduleVisits", () => {
  it("books Sunday visits on the day daylight saving time ends, at local times with the standard-time offset", () => {
    const s = scheduleVisits(tinyInput({ season: { firstVisits: { start: "2026-11-01", end: "2026-11-01" } } }));
    expect(s.visits).toHaveLength(3);
    for (const v of s.visits) {
      expect(v.start).toMatch(/^2026-11-01T(12:30|14:00|15:30):00-05:00$/);
      expect(Date.parse(v.end) - Date.parse(v.start)).toBe(60 * 60_000);
    }
  });

  it("books every visit in advance, as a first visit about the relationship, with no agenda", () => {
    const s = scheduleVisits(tinyInput());
    for (const v of s.visits) {
      expect(v.scheduledAt).toBe("2026-10-20T09:00:00-04:00");
      expect(v.focus).toBe("relationship");
      expect(v.agenda).toEqual([]);
      expect(v.status).toBe("scheduled");
    }
  });

  it("leaves out a family whose consent is not accepted, and says so", () => {
    const s = scheduleVisits(tinyInput({ families: [family("f1"), family("f2", { consent: { status: "pending" } })] }));
    expect(s.visits.map((v) => v.familyId)).toEqual(["f1"]);
    expect(reasonOf(s, "f2")).toBe("consent-not-accepted");
  });

  it("explains a family whose availability meets no slot outside the school day", () => {
    const s = scheduleVisits(tinyInput({ families: [family("f1", { availability: [{ kind: "weekly", weekday: "monday", start: "09:00", end: "12:00" }] })] }));
    expect(s.visits).toHaveLength(0);
    expect(reasonOf(s, "f1")).toBe("no-overlapping-availability");
  });

  it("flags an interpreter when no educator of the pair speaks the family's language", () => {
    const s = scheduleVisits(tinyInput({ families: [family("f1", { homeLanguage: "so" })] }));
    expect(s.visits[0]?.interpreter).toBe(true);
  });

  it("does not visit without a shared language when one is required, and picks the pair that speaks it", () => {
    const educators = [educator("e1"), educator("e2", { languages: ["en", "es"] }), educator("e3"), educator("e4")];
    const s = scheduleVisits(tinyInput({ educators, families: [family("f1", { homeLanguage: "es" }), family("f2", { homeLanguage: "so" })], options: { requireSharedLanguage: true } }));
    expect(s.visits.map((v) => [v.familyId, v.pairId, v.interpreter])).toEqual([["f1", "p1", false]]);
    expect(reasonOf(s, "f2")).toBe("no-shared-language");
  });

  it("reports pair capacity when more families want the only slot than the pairs can take", () => {
    const only = { kind: "dated" as const, start: "2026-11-01T12:30:00-05:00", end: "2026-11-01T13:30:00-05:00" };
    const s = scheduleVisits(tinyInput({ families: [family("f1", { availability: [only] }), family("f2", { availability: [only] }), family("f3", { availability: [only] })] }));
    expect(s.visits).toHaveLength(2);
    expect(new Set(s.visits.map((v) => v.pairId))).toEqual(new Set(["p1", "p2"]));
    expect(s.unscheduled.map((u) => u.reasons[0]!.code)).toEqual(["pair-capacity"]);
  });

  it("stops at the budget: 2 educators x 1.5 h x 40 is 120 a visit, so 250 pays for two", () => {
    const s = scheduleVisits(tinyInput({ options: { budget: 250 } }));
    expect(s.visits).toHaveLength(2);
    expect(s.compensation.totals.seasonPay).toBe(240);
    expect(s.budget).toEqual({ limit: 250, seasonPay: 240, binding: true, preferenceLowerBound: 200, preferenceProvedLeast: true });
    // Two visits not by the family's teacher (100 each), one per pair (no load), in week 0.
    expect(s.objective).toMatchObject({ optimal: true, cost: 200 });
    expect(s.unscheduled.map((u) => u.reasons[0]!.code)).toEqual(["budget"]);
  });

  it("prefers the pair in which one partner teaches the family's child", () => {
    const s = scheduleVisits(tinyInput({ families: [family("f1")], students: [{ id: "s1", schoolId: "sch-1", grade: 2, teacherId: "e4", familyId: "f1" }] }));
    expect(s.visits[0]).toMatchObject({ pairId: "p2", ownTeacher: true });
    expect(s.objective.breakdown.notOwnTeacher).toBe(0);
  });

  it("visits siblings once, as one family", () => {
    const students = [
      { id: "s1", schoolId: "sch-1", grade: 1, teacherId: "e1", familyId: "f1" },
      { id: "s2", schoolId: "sch-1", grade: 4, teacherId: "e3", familyId: "f1" },
    ];
    const s = scheduleVisits(tinyInput({ families: [family("f1")], students }));
    expect(s.visits).toHaveLength(1);
    expect(s.visits[0]!.ownTeacher).toBe(true);
  });

  it("ignores any risk attribute a student carries: the schedule is the same without it (no targeting)", () => {
    const students = ["f1", "f2", "f3"].map((f, i) => ({ id: `s${i}`, schoolId: "sch-1", grade: 2, teacherId: "e9", familyId: f }));
    const flagged = students.map((st, i) => ({ ...st, priorDaysAbsent: i === 1 ? 40 : 0, priorReadingProficient: i !== 1 }));
    const only = { kind: "dated" as const, start: "2026-11-01T12:30:00-05:00", end: "2026-11-01T13:30:00-05:00" };
    const families = ["f1", "f2", "f3"].map((id) => family(id, { availability: [only] }));
    const plain = scheduleVisits(tinyInput({ families, students }));
    const withRisk = scheduleVisits(tinyInput({ families, students: flagged }));
    expect(withRisk.visits).toEqual(plain.visits);
    expect(withRisk.unscheduled).toEqual(plain.unscheduled);
  });

  it("gives the same schedule for the same input, to the last field", () => {
    expect(JSON.stringify(scheduleVisits(tinyInput()))).toBe(JSON.stringify(scheduleVisits(tinyInput())));
  });

  it("returns a plain object that survives a JSON round trip", () => {
    const s = scheduleVisits(tinyInput());
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
  });

  it("spreads visits across pairs when nothing else differs", () => {
    const s = scheduleVisits(tinyInput({ families: [family("f1"), family("f2")] }));
    expect(new Set(s.visits.map((v) => v.pairId)).size).toBe(2);
  });

  it("breaks ties by a seeded random order: the same seed gives the same schedule, and seeds differ", () => {
    const only = { kind: "dated" as const, start: "2026-11-01T12:30:00-05:00", end: "2026-11-01T13:30:00-05:00" };
    const families = ["f1", "f2", "f3", "f4", "f5"].map((id) => family(id, { availability: [only] }));
    const winners = (seed: string) => scheduleVisits(tinyInput({ families, options: { seed } })).visits.map((v) => v.familyId).sort().join(",");
    expect(winners("a")).toBe(winners("a"));
    expect(new Set(["a", "b", "c", "d", "e", "f"].map(winners)).size).toBeGreaterThan(1);
  });

  it("books the sample district's first school optimally and explains every family it leaves out", () => {
    const input = sampleInput({ consentAll: false });
    const s = scheduleVisits(input);
    expect(s.objective.optimal).toBe(true);
    expect(s.visits.length).toBeGreaterThan(0);
    expect(s.visits.length + s.unscheduled.length).toBe(input.families.length);
    const accepted = input.families.filter((f) => f.consent?.status === "accepted").length;
    expect(s.unscheduled.filter((u) => u.reasons[0]!.code === "consent-not-accepted")).toHaveLength(input.families.length - accepted);
  });

  it("does not mutate its input", () => {
    const input = tinyInput();
    const copy = structuredClone(input);
    scheduleVisits(input);
    expect(input).toEqual(copy);
  });

  it("leaves out pairs whose educators are not trained before the window, and says why", () => {
    const s = scheduleVisits(tinyInput({ educators: [educator("e1", { trainings: [] }), educator("e2"), educator("e3"), educator("e4")] }));
    expect(s.summary.pairsLeftOut).toEqual([{ pairId: "p1", reason: expect.stringContaining("'e1'") }]);
    expect(s.visits.every((v) => v.pairId === "p2")).toBe(true);
  });

  it("leaves out a pair whose educators are never free at the same time, and says why", () => {
    const s = scheduleVisits(tinyInput({ educators: [educator("e1", { availability: [] }), educator("e2"), educator("e3"), educator("e4")] }));
    expect(s.summary.pairsLeftOut).toEqual([{ pairId: "p1", reason: expect.stringContaining("both educators are available") }]);
  });

  it("schedules second visits in the later window, about academics, for families with a completed first visit, with the same pair first", () => {
    const previousVisits = [
      { id: "v1", schoolId: "sch-1", familyId: "f1", educatorIds: ["e3", "e4"], pairId: "p2", scheduledAt: "2026-10-01T09:00:00-04:00", start: "2026-10-11T12:30:00-04:00", end: "2026-10-11T13:30:00-04:00", visitNumber: 1 as const, focus: "relationship" as const, status: "completed" as const },
    ];
    const s = scheduleVisits(tinyInput({ visitNumber: 2, previousVisits, now: "2027-01-02T09:00:00-05:00" }));
    expect(s.visits.map((v) => [v.familyId, v.pairId, v.focus, v.visitNumber, v.start.slice(0, 10)])).toEqual([["f1", "p2", "academic", 2, "2027-01-10"]]);
    expect(reasonOf(s, "f2")).toBe("no-first-visit");
  });
});

describe("scheduleVisits on bad input", () => {
  function issuesOf(input: unknown) {
    try {
      scheduleVisits(input as ScheduleInputData);
    } catch (error) {
      expect(error).toBeInstanceOf(PthvInputError);
      return (error as PthvInputError).issues;
    }
    throw new Error("expected a PthvInputError");
  }

  it("names a pair whose educator does not exist and an educator in two pairs, all at once", () => {
    const issues = issuesOf(tinyInput({ pairs: [{ id: "p1", schoolId: "sch-1", educatorIds: ["e1", "e9"] }, { id: "p2", schoolId: "sch-1", educatorIds: ["e1", "e3"] }] }));
    expect(issues).toEqual([
      expect.objectContaining({ entity: "pair", id: "p1", field: "educatorIds[1]", message: expect.stringContaining("unknown educator id 'e9'") }),
      expect.objectContaining({ entity: "pair", id: "p2", field: "educatorIds[0]", message: expect.stringContaining("already in pair 'p1'") }),
    ]);
  });

  it("names a family with an inverted window and one with overlapping windows", () => {
    const issues = issuesOf(tinyInput({ families: [family("f1", { availability: [{ kind: "weekly", weekday: "sunday", start: "15:00", end: "12:00" }] })] }));
    expect(issues).toEqual([expect.objectContaining({ entity: "family", id: "f1", field: "availability[0].end", message: "end must be after start" })]);
    const overlap = issuesOf(tinyInput({ families: [family("f2", { availability: [{ kind: "weekly", weekday: "sunday", start: "12:00", end: "15:00" }, { kind: "weekly", weekday: "sunday", start: "14:00", end: "16:00" }] })] }));
    expect(overlap).toEqual([expect.objectContaining({ entity: "family", id: "f2", field: "availability[1]" })]);
  });

  it("names an unknown time zone and a season the school's calendar does not cover", () => {
    const input = tinyInput();
    expect(issuesOf({ ...input, school: { ...input.school, timeZone: "Mars/Olympus" } })).toEqual([expect.objectContaining({ entity: "school", field: "school.timeZone" })]);
    expect(issuesOf({ ...input, season: { firstVisits: { start: "2030-09-01", end: "2030-10-01" } } })).toEqual([expect.objectContaining({ entity: "school", field: "calendar", message: expect.stringContaining("does not cover") })]);
  });

  it("names a student whose family does not exist", () => {
    const issues = issuesOf(tinyInput({ students: [{ id: "s1", schoolId: "sch-1", grade: 1, teacherId: "e1", familyId: "f9" }] }));
    expect(issues).toEqual([expect.objectContaining({ entity: "student", id: "s1", field: "familyId" })]);
  });
});
