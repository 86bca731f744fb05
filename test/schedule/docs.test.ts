import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { scheduleVisits, type ScheduleInputData } from "../../src/schedule/index.js";

describe("docs/schedule.md stays true", () => {
  it("its minimal schedule.json books the one family on the first Saturday slot inside everyone's windows", async () => {
    const text = await readFile(new URL("../../docs/schedule.md", import.meta.url), "utf8");
    const block = /```json\n([\s\S]*?)\n```/.exec(text)?.[1];
    expect(block).toBeDefined();
    const s = scheduleVisits(JSON.parse(block!) as ScheduleInputData);
    expect(s.visits.map((v) => [v.familyId, v.start, v.end, v.interpreter, v.ownTeacher])).toEqual([["f1", "2026-09-05T11:00:00-04:00", "2026-09-05T12:00:00-04:00", false, true]]);
    expect(s.compensation.totals).toMatchObject({ visitPay: 97.5, reflectionPay: 19.5, trainingPay: 468 });
  });
});

describe("the worked example of docs/schedule.md", () => {
  it("books f2 with p2, f1 and f3 with p1, leaves f4 and f5 out, at cost 251, and pays e1 360", async () => {
    const { educator, family, tinyInput } = await import("./tiny.js");
    const s = scheduleVisits(
      tinyInput({
        educators: [educator("e1"), educator("e2", { languages: ["en", "es"] }), educator("e3", { experience: "first-year" }), educator("e4")],
        families: [
          family("f1", { homeLanguage: "es" }),
          family("f2"),
          family("f3", { homeLanguage: "vi" }),
          family("f4", { consent: { status: "pending" } }),
          family("f5", { availability: [{ kind: "weekly", weekday: "monday", start: "10:00", end: "12:00" }] }),
        ],
        students: [{ id: "s1", schoolId: "sch-1", grade: 2, teacherId: "e3", familyId: "f2" }],
      }),
    );
    const byFamily = Object.fromEntries(s.visits.map((v) => [v.familyId, [v.pairId, v.start.slice(11), v.interpreter]]));
    expect(byFamily.f2).toEqual(["p2", "12:30:00-05:00", false]);
    expect(byFamily.f1).toEqual(["p1", "14:00:00-05:00", false]);
    expect(byFamily.f3).toEqual(["p1", "12:30:00-05:00", true]);
    expect(s.unscheduled.map((u) => [u.familyId, u.reasons[0]!.code])).toEqual([
      ["f4", "consent-not-accepted"],
      ["f5", "no-overlapping-availability"],
    ]);
    expect(s.objective.cost).toBe(251);
    expect(s.objective.breakdown).toEqual({ notOwnTeacher: 200, interpreter: 50, load: 1, week: 0 });
    expect(s.compensation.educators.find((e) => e.educatorId === "e1")).toMatchObject({ visitHours: 2.5, reflectionHours: 0.5, trainingHours: 6, total: 360 });
  });
});
