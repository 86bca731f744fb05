import { describe, expect, it } from "vitest";
import { PthvInputError } from "../../src/errors/index.js";
import { reschedule, scheduleVisits } from "../../src/schedule/index.js";
import { generateInstance } from "../../scripts/reference/schedule/instances.js";
import { family, tinyInput } from "./tiny.js";

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
