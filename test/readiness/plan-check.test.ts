import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PthvInputError } from "../../src/errors/index.js";
import { PLAN_ELEMENTS, type ImplementationPlan } from "../../src/model/index.js";
import { checkPlan } from "../../src/readiness/index.js";

const TEXT = "The district funds stipends from Title I and a foundation grant for two school years, reviewed each spring.";

function plan(overrides: Partial<ImplementationPlan> = {}): ImplementationPlan {
  return {
    districtName: "Riverside Unified",
    timeZone: "America/Chicago",
    passedAt: "2026-09-09",
    elements: Object.fromEntries(PLAN_ELEMENTS.map((e) => [e, TEXT])),
    steeringCommittee: [
      { id: "m1", group: "district-leader" },
      { id: "m2", group: "school-leader" },
      { id: "m3", group: "parent" },
      { id: "m4", group: "student" },
      { id: "m5", group: "educator" },
      { id: "m6", group: "union-leader" },
    ],
    ...overrides,
  };
}

function inputError(run: () => unknown): PthvInputError {
  try {
    run();
  } catch (error) {
    if (error instanceof PthvInputError) return error;
    throw error;
  }
  throw new Error("expected a PthvInputError");
}

describe("checkPlan: the 90-day deadline", () => {
  it("puts the due date 90 calendar days after passage, across the autumn clock change", () => {
    // Sep 9 + 21 = Sep 30, + 31 = Oct 31, + 30 = Nov 30, + 8 = Dec 8 (90 days); DST ends Nov 1.
    expect(checkPlan(plan(), { today: "2026-09-10" }).dueAt).toBe("2026-12-08");
  });

  it("counts February 29 in a leap year", () => {
    expect(checkPlan(plan({ passedAt: "2028-01-15" }), { today: "2028-01-16" }).dueAt).toBe("2028-04-14");
    expect(checkPlan(plan({ passedAt: "2027-01-15" }), { today: "2027-01-16" }).dueAt).toBe("2027-04-15");
  });

  it("reports a plan not yet presented as due in N days, due today, then overdue by N days", () => {
    expect(checkPlan(plan(), { today: "2026-12-01" }).status).toEqual({ kind: "due", days: 7, message: "due in 7 days (2026-12-08)" });
    expect(checkPlan(plan(), { today: "2026-12-07" }).status.message).toBe("due in 1 day (2026-12-08)");
    expect(checkPlan(plan(), { today: "2026-12-08" }).status).toEqual({ kind: "due", days: 0, message: "due today (2026-12-08)" });
    expect(checkPlan(plan(), { today: "2026-12-09" }).status).toEqual({ kind: "overdue", days: 1, message: "overdue by 1 day (due 2026-12-08)" });
    expect(checkPlan(plan(), { today: "2026-12-20" }).status.days).toBe(12);
  });

  it("counts a plan presented on the due date as on time and the day after as late", () => {
    const onTime = checkPlan(plan({ presentedAt: "2026-12-08" }), { today: "2027-01-10" });
    expect(onTime.status).toEqual({ kind: "on-time", days: 0, message: "presented on time, on the due date 2026-12-08" });
    expect(onTime.ok).toBe(true);
    const late = checkPlan(plan({ presentedAt: "2026-12-12" }), { today: "2027-01-10" });
    expect(late.status).toEqual({ kind: "presented-late", days: 4, message: "presented late, 4 days after the due date 2026-12-08" });
    expect(late.ok).toBe(false);
    expect(late.problems).toContain("The plan is presented late, 4 days after the due date 2026-12-08.");
  });

  it("reads a Date as the calendar date in the district's zone", () => {
    // 04:30 UTC on Dec 8 is 22:30 on Dec 7 in Chicago.
    const check = checkPlan(plan(), { today: new Date("2026-12-08T04:30:00Z") });
    expect(check.today).toBe("2026-12-07");
    expect(check.status.kind).toBe("due");
    expect(check.status.days).toBe(1);
  });

  it("never lets the days of a status go negative and keeps due plus days consistent", () => {
    const start = Date.UTC(2020, 0, 1);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: -200, max: 400 }), (offset, later) => {
        const passedAt = new Date(start + offset * 86_400_000).toISOString().slice(0, 10);
        const today = new Date(start + (offset + 90 + later) * 86_400_000).toISOString().slice(0, 10);
        const { status } = checkPlan(plan({ passedAt }), { today });
        expect(status.days).toBeGreaterThanOrEqual(0);
        expect(status.kind === "due" ? -status.days : status.days).toBe(later);
      }),
      { numRuns: 200 },
    );
  });
});

describe("checkPlan: the seven elements", () => {
  it("accepts a plan whose seven elements are all written out", () => {
    const check = checkPlan(plan(), { today: "2026-10-01" });
    expect(check.elements.map((e) => e.element)).toEqual([...PLAN_ELEMENTS]);
    expect(check.missingElements).toEqual([]);
    expect(check.problems).toEqual([]);
    expect(check.ok).toBe(true);
  });

  it("flags missing, placeholder and too-short elements with a reason each", () => {
    const elements = { ...plan().elements, funding: "TBD.", trainingAndSupport: "Two days in August." } as ImplementationPlan["elements"];
    delete elements.dataCollectionAndEvaluation;
    const check = checkPlan(plan({ elements }), { today: "2026-10-01" });
    expect(check.missingElements).toEqual(["funding", "trainingAndSupport", "dataCollectionAndEvaluation"]);
    const byElement = Object.fromEntries(check.elements.map((e) => [e.element, e]));
    expect(byElement.funding).toMatchObject({ present: true, substantive: false, reason: expect.stringContaining("placeholder") });
    expect(byElement.trainingAndSupport).toMatchObject({ present: true, substantive: false, words: 4 });
    expect(byElement.trainingAndSupport!.reason).toBe("too short to be substantive (4 words; at least 10 expected).");
    expect(byElement.dataCollectionAndEvaluation).toMatchObject({ present: false, substantive: false, words: 0 });
    expect(check.problems[0]).toBe("Funding: a placeholder, not yet written: replace it with the plan for this element.");
    expect(check.ok).toBe(false);
  });

  it("counts an element of exactly minWords words as substantive and one fewer as not", () => {
    const ten = "one two three four five six seven eight nine ten";
    const nine = "one two three four five six seven eight nine";
    const elements = { ...plan().elements, funding: ten, implementationTimeline: nine };
    const check = checkPlan(plan({ elements }), { today: "2026-10-01" });
    expect(check.missingElements).toEqual(["implementationTimeline"]);
    expect(checkPlan(plan({ elements }), { today: "2026-10-01", minWords: 9 }).missingElements).toEqual([]);
  });
});

describe("checkPlan: the steering committee", () => {
  it("names the recommended groups that have no member", () => {
    const check = checkPlan(plan({ steeringCommittee: [{ id: "a", group: "district-leader" }, { id: "b", group: "educator" }, { id: "c", group: "community" }] }), {
      today: "2026-10-01",
    });
    expect(check.committee.missingGroups).toEqual(["school-leader", "parent", "student", "union-leader"]);
    expect(check.committee.byGroup.community).toBe(1);
    expect(check.committee.complete).toBe(false);
    expect(check.committee.explanation).toContain("no school leader, parent, student, union leader representatives");
    expect(check.ok).toBe(false);
  });

  it("finds a complete committee when every recommended group has a member", () => {
    const check = checkPlan(plan(), { today: "2026-10-01" });
    expect(check.committee).toMatchObject({ members: 6, missingGroups: [], complete: true });
  });
});

describe("checkPlan: bad input", () => {
  it("refuses a plan presented before its resolution passed, naming the district and field", () => {
    const error = inputError(() => checkPlan(plan({ presentedAt: "2026-09-01" }), { today: "2026-10-01" }));
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]).toMatchObject({ entity: "implementation plan", id: "Riverside Unified", field: "presentedAt" });
  });

  it("reports every problem at once: bad dates, unknown zone, duplicate member, bad today", () => {
    const bad = { ...plan(), passedAt: "09/09/2026", timeZone: "Mars/Olympus" };
    const error = inputError(() => checkPlan(bad, { today: "yesterday" }));
    expect(error.issues.map((i) => i.field).sort()).toEqual(["passedAt", "timeZone", "today"]);
    const dup = inputError(() => checkPlan(plan({ steeringCommittee: [{ id: "a", group: "parent" }, { id: "a", group: "student" }] }), { today: "2026-10-01" }));
    expect(dup.issues[0]!.field).toBe("steeringCommittee[1].id");
  });

  it("does not mutate the plan it is given", () => {
    const input = plan({ presentedAt: "2026-11-01" });
    const copy = structuredClone(input);
    checkPlan(input, { today: "2026-12-01" });
    expect(input).toEqual(copy);
  });

  it("returns a result that survives a JSON round trip", () => {
    const check = checkPlan(plan(), { today: "2026-10-01" });
    expect(JSON.parse(JSON.stringify(check))).toEqual(check);
  });
});
