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
