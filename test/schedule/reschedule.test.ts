import { describe, expect, it } from "vitest";
import { PthvInputError } from "../../src/errors/index.js";
import { reschedule, scheduleVisits } from "../../src/schedule/index.js";
import { generateInstance } from "../../scripts/reference/schedule/instances.js";
import { educator, family, tinyInput } from "./tiny.js";

const fourFamilies = { families: ["f1", "f2", "f3", "f4"].map((id) => family(id)), season: { firstVisits: { start: "2026-10-31", end: "2026-11-08" } } };

describe("reschedule: the partner of an educator who drops out", () => {
  it("is paired with a free ready educator, and the pair's visits stay at the same times with the new pair", () => {
    const before = scheduleVisits(tinyInput({ ...fourFamilies, educators: [educator("e1"), educator("e2"), educator("e3"), educator("e4"), educator("e5")] }));
    const p1Visits = before.visits.filter((v) => v.pairId === "p1");
    expect(p1Visits.length).toBeGreaterThan(0);
    const after = reschedule(before, { droppedEducatorIds: ["e1"] });
    expect(after.rescheduled?.pairsRemoved).toEqual(["p1"]);
    expect(after.rescheduled?.pairsFormed).toEqual([expect.objectContaining({ id: "p1-r", educatorIds: ["e2", "e5"], replaces: ["p1"] })]);
    expect(after.input.pairs.map((p) => p.id)).toEqual(["p2", "p1-r"]);
    for (const v of p1Visits) {
      const now = after.visits.find((w) => w.familyId === v.familyId)!;
      expect(now).toMatchObject({ id: v.id, pairId: "p1-r", educatorIds: ["e2", "e5"], start: v.start, end: v.end });
    }
    expect(after.rescheduled?.visitsMoved.map((m) => m.familyId).sort()).toEqual(p1Visits.map((v) => v.familyId).sort());
    for (const v of before.visits.filter((w) => w.pairId === "p2")) expect(after.visits).toContainEqual(v);
    expect(after.compensation.educators.find((e) => e.educatorId === "e5")?.visits).toBe(p1Visits.length);
    expect(after.compensation.educators.some((e) => e.educatorId === "e1")).toBe(false);
    expect(after.reflections.filter((r) => r.pairId === "p1-r").map((r) => r.educatorIds)).toEqual(p1Visits.map(() => ["e2", "e5"]));
  });

  it("is paired by the formPairs weights: the free educator who teaches a family's child is chosen", () => {
    const input = tinyInput({
      ...fourFamilies,
      educators: [educator("e1"), educator("e2"), educator("e3"), educator("e4"), educator("e5"), educator("e6")],
      students: [{ id: "s1", schoolId: "sch-1", grade: 1, teacherId: "e6", familyId: "f1" }],
    });
    const after = reschedule(scheduleVisits(input), { droppedEducatorIds: ["e1"] });
    expect(after.rescheduled?.pairsFormed.map((p) => p.educatorIds)).toEqual([["e2", "e6"]]);
    // e5 was in no pair before and stays so: a new pair always has a partner left behind.
    expect(after.input.pairs.flatMap((p) => p.educatorIds)).not.toContain("e5");
  });

  it("pairs two partners left behind with each other, and keeps what fits in the new pair's week", () => {
    const before = scheduleVisits(tinyInput(fourFamilies));
    const after = reschedule(before, { droppedEducatorIds: ["e1", "e3"] });
    expect(after.rescheduled?.pairsFormed).toEqual([expect.objectContaining({ id: "p1-r", educatorIds: ["e2", "e4"], replaces: ["p1", "p2"] })]);
    const starts = after.visits.map((v) => v.start);
    expect(new Set(starts).size).toBe(starts.length);
    for (const m of after.rescheduled!.visitsMoved) expect(after.visits.find((v) => v.familyId === m.familyId)?.start).toBe(m.start);
    expect(after.visits.length + after.unscheduled.length).toBe(4);
    expect(after.visits.every((v) => v.pairId === "p1-r")).toBe(true);
  });

  it("is not paired with an educator who was not trained before the window, and the families go to other pairs or are listed with why", () => {
    const before = scheduleVisits(tinyInput({ ...fourFamilies, educators: [educator("e1"), educator("e2"), educator("e3"), educator("e4"), educator("e5", { trainings: [] })] }));
    const after = reschedule(before, { droppedEducatorIds: ["e1"] });
    expect(after.rescheduled?.pairsFormed).toEqual([]);
    expect(after.rescheduled?.unpaired).toEqual([{ educatorId: "e2", message: expect.stringMatching(/no free educator/) }]);
    expect(after.visits.every((v) => v.pairId === "p2")).toBe(true);
    const lostFamilies = before.visits.filter((v) => v.pairId === "p1").map((v) => v.familyId);
    for (const id of lostFamilies) {
      const u = after.unscheduled.find((x) => x.familyId === id);
      if (u) expect(u.reasons[0]!.message).toMatch(/was booked with pair 'p1', which educator 'e1' left, and could not be booked again/);
      else expect(after.visits.find((v) => v.familyId === id)?.pairId).toBe("p2");
    }
  });

  it("books the visit again, at a time the new partner is free, when the new partner is not free at the old one", () => {
    const secondSaturday = educator("e5", { availability: [{ kind: "dated", start: "2026-11-07T09:00:00-05:00", end: "2026-11-07T12:30:00-05:00" }] });
    const input = tinyInput({
      educators: [educator("e1"), educator("e2"), educator("e3"), educator("e4"), secondSaturday],
      pairs: [{ id: "p1", schoolId: "sch-1", educatorIds: ["e1", "e2"] }],
      families: [family("f1", { availability: [{ kind: "weekly", weekday: "saturday", start: "09:00", end: "12:30" }] })],
      season: { firstVisits: { start: "2026-10-31", end: "2026-11-08" } },
    });
    const before = scheduleVisits(input);
    expect(before.visits.map((v) => v.start.slice(0, 10))).toEqual(["2026-10-31"]); // the earlier week is cheaper
    const after = reschedule(before, { droppedEducatorIds: ["e1"] });
    expect(after.rescheduled?.pairsFormed.map((p) => p.educatorIds)).toEqual([["e2", "e5"]]);
    expect(after.rescheduled?.visitsMoved).toEqual([]);
    expect(after.visits.map((v) => [v.familyId, v.pairId, v.start.slice(0, 10)])).toEqual([["f1", "p1-r", "2026-11-07"]]);
  });

  it("lists the family with why when no pair can take it", () => {
    const sundayOff = educator("e5", { availability: [{ kind: "weekly", weekday: "monday", start: "16:00", end: "20:00" }] });
    const input = tinyInput({ educators: [educator("e1"), educator("e2"), educator("e3"), educator("e4"), sundayOff], pairs: [{ id: "p1", schoolId: "sch-1", educatorIds: ["e1", "e2"] }], families: [family("f1")] });
    const after = reschedule(scheduleVisits(input), { droppedEducatorIds: ["e1"] });
    expect(after.visits).toEqual([]);
    expect(after.unscheduled.map((u) => [u.familyId, u.reasons[0]!.code])).toEqual([["f1", "no-overlapping-availability"]]);
    expect(after.unscheduled[0]!.reasons[0]!.message).toMatch(/^was booked with pair 'p1', which educator 'e1' left, and could not be booked again: /);
  });

  it("is left unpaired when repairPairs is false", () => {
    const before = scheduleVisits(tinyInput({ ...fourFamilies, educators: [educator("e1"), educator("e2"), educator("e3"), educator("e4"), educator("e5")] }));
    const after = reschedule(before, { droppedEducatorIds: ["e1"], repairPairs: false });
    expect(after.rescheduled?.pairsFormed).toEqual([]);
    expect(after.rescheduled?.unpaired.map((u) => u.educatorId)).toEqual(["e2"]);
    expect(after.input.pairs.map((p) => p.id)).toEqual(["p2"]);
  });

  it("moves kept visits only after the new lead time, booked at the new now", () => {
    const before = scheduleVisits(tinyInput({ ...fourFamilies, educators: [educator("e1"), educator("e2"), educator("e3"), educator("e4"), educator("e5")] }));
    const now = "2026-10-31T08:00:00-04:00"; // the first Saturday's slots are inside the 48 h lead time now
    const after = reschedule(before, { droppedEducatorIds: ["e1"], now });
    for (const m of after.rescheduled!.visitsMoved) {
      const v = after.visits.find((w) => w.familyId === m.familyId)!;
      expect(Date.parse(v.start)).toBeGreaterThanOrEqual(Date.parse(now) + 48 * 3_600_000);
      expect(v.scheduledAt).toBe(now);
    }
  });
});

describe("reschedule", () => {
  it("keeps every unaffected visit where it was when an educator drops out, and rebooks that pair's families", () => {
    const before = scheduleVisits(tinyInput({ families: ["f1", "f2", "f3", "f4"].map((id) => family(id)), season: { firstVisits: { start: "2026-10-31", end: "2026-11-08" } } }));
    const after = reschedule(before, { droppedEducatorIds: ["e1"] });
    const keptBefore = before.visits.filter((v) => v.pairId === "p2");
    for (const v of keptBefore) expect(after.visits).toContainEqual(v);
    expect(after.visits.every((v) => v.pairId === "p2")).toBe(true);
    expect(after.visits.length + after.unscheduled.length).toBe(4);
    const starts = after.visits.map((v) => v.start);
    expect(new Set(starts).size).toBe(starts.length);
  });

  it("removes a cancelled family and gives its slot to no one twice", () => {
    const before = scheduleVisits(tinyInput());
    const after = reschedule(before, { cancelledFamilyIds: ["f2"] });
    expect(after.visits.map((v) => v.familyId).sort()).toEqual(["f1", "f3"]);
    expect(after.unscheduled).toEqual([{ familyId: "f2", reasons: [{ code: "cancelled", message: expect.any(String) }] }]);
    for (const v of after.visits) expect(before.visits).toContainEqual(v);
  });

  it("books rebooked families after the new lead time and leaves the old schedule untouched", () => {
    const raw = generateInstance({ seed: "re", families: 30, pairs: 4, days: 14, maxPerDay: 2, maxPerWeek: 5 });
    const before = scheduleVisits(raw);
    const snapshot = structuredClone(before);
    const now = "2026-10-29T08:00:00-04:00";
    const after = reschedule(before, { droppedEducatorIds: ["edu-1"], now });
    expect(before).toEqual(snapshot);
    const oldIds = new Set(before.visits.filter((v) => v.pairId !== "pair-1").map((v) => `${v.id}@${v.start}`));
    for (const v of after.visits) {
      if (oldIds.has(`${v.id}@${v.start}`)) continue;
      expect(Date.parse(v.start)).toBeGreaterThanOrEqual(Date.parse(now) + 24 * 3_600_000);
      expect(v.scheduledAt).toBe(now);
    }
    expect(after.visits.some((v) => v.educatorIds.includes("edu-1"))).toBe(false);
  });

  it("refuses changes that name unknown families or educators", () => {
    const before = scheduleVisits(tinyInput());
    expect(() => reschedule(before, { cancelledFamilyIds: ["f9"], droppedEducatorIds: ["e9"] })).toThrow(PthvInputError);
    try {
      reschedule(before, { cancelledFamilyIds: ["f9"], droppedEducatorIds: ["e9"] });
    } catch (error) {
      expect((error as PthvInputError).issues.map((i) => i.id)).toEqual(["f9", "e9"]);
    }
  });
});
