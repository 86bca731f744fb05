import { describe, expect, it } from "vitest";
import { PthvConfigError } from "../../src/errors/index.js";
import { scoreReadiness } from "../../src/readiness/index.js";
import { funding, readySchool, teachers } from "./fixtures.js";

describe("scoreReadiness: a hand-worked school", () => {
  // 14 of 36 teachers in support (30 surveyed), $26,880 against $31,200, engaged champion, all processes.
  const readiness = scoreReadiness(readySchool({ teachers: teachers(36, 14, 30), funding: funding(26_880) }));

  it("states exactly what it takes: 4 more supporters and $4,320 more funding", () => {
    // needed = ceil(0.5 x 36) = 18, 18 - 14 = 4; 31,200 - 26,880 = 4,320; 26,880 / 31,200 = 86.15% -> 86%.
    expect(readiness.gaps).toEqual(["4 more teachers in support (14 of 36 now; 18 needed; 6 not yet surveyed)", "$4,320 more funding (covers 86% of $31,200)"]);
    expect(readiness.gatesMissed).toEqual(["support", "funding"]);
    expect(readiness.tier).toBe("not-ready");
  });

  it("adds the criteria's points into the score", () => {
    // principal 30; support 30 x 14/18 = 23.33 -> 23.3; funding 25 x 26,880/31,200 = 21.54 -> 21.5; processes 15.
    expect(readiness.criteria.map((c) => c.points)).toEqual([30, 23.3, 21.5, 15]);
    expect(readiness.score).toBe(89.8);
  });

  it("reports the confirmed share of all teachers and the range an incomplete survey leaves open", () => {
    const support = readiness.criteria[1];
    expect(support.value).toBeCloseTo(14 / 36, 12);
    expect(support.possibleRange[0]).toBeCloseTo(14 / 36, 12);
    expect(support.possibleRange[1]).toBeCloseTo(20 / 36, 12); // 14 + 6 unanswered
    expect(support.explanation).toBe(
      "14 of 36 teachers (38.9%) are confirmed in support; 18 (50% of all teachers) needed; 6 teachers not yet surveyed, so support could be as high as 55.6%.",
    );
  });

  it("carries the funding arithmetic and the options used", () => {
    expect(readiness.criteria[2]).toMatchObject({ budget: 26_880, estimatedCost: 31_200, shortfall: 4_320, currency: "USD" });
    expect(readiness.options.weights).toEqual({ principal: 30, support: 30, funding: 25, processes: 15 });
    expect(JSON.parse(JSON.stringify(readiness))).toEqual(readiness);
  });
});

describe("scoreReadiness: the gates at their boundaries", () => {
  it("meets the support gate at exactly 50% of all teachers and misses it one supporter below", () => {
    expect(scoreReadiness(readySchool({ teachers: teachers(36, 18) })).criteria[1].met).toBe(true);
    const below = scoreReadiness(readySchool({ teachers: teachers(36, 17) }));
    expect(below.criteria[1].met).toBe(false);
    expect(below.gaps).toEqual(["1 more teacher in support (17 of 36 now; 18 needed)"]);
  });

  it("rounds the supporters needed up when half the teachers is not a whole number", () => {
    // 35 teachers: 17.5 -> 18 needed; 17 (48.6%) is short.
    expect(scoreReadiness(readySchool({ teachers: teachers(35, 18) })).tier).toBe("ready");
    expect(scoreReadiness(readySchool({ teachers: teachers(35, 17) })).criteria[1].needed).toBe(18);
  });

  it("divides by all teachers, not by those who answered the survey", () => {
    // 12 of 20 respondents support (60%), but 12 of 36 teachers is 33%.
    const r = scoreReadiness(readySchool({ teachers: teachers(36, 12, 20) }));
    expect(r.criteria[1].met).toBe(false);
    expect(r.criteria[1].value).toBeCloseTo(1 / 3, 12);
  });

  it("meets the funding gate when the budget exactly equals the cost and misses it by a cent", () => {
    expect(scoreReadiness(readySchool({ funding: funding(31_200) })).criteria[2].met).toBe(true);
    const short = scoreReadiness(readySchool({ funding: funding(31_199.99) }));
    expect(short.criteria[2].met).toBe(false);
    expect(short.gaps).toEqual(["$0.01 more funding (covers 99% of $31,200)"]);
    expect(short.tier).toBe("almost");
  });

  it("calls a school almost ready when support is within 10 points, and not ready below that", () => {
    // 40 teachers: 16 (40%) is within 10 points of 50%; 15 (37.5%) is not.
    expect(scoreReadiness(readySchool({ teachers: teachers(40, 16) })).tier).toBe("almost");
    expect(scoreReadiness(readySchool({ teachers: teachers(40, 15) })).tier).toBe("not-ready");
  });

  it("calls a school almost ready when the budget covers at least 90%, and not ready below that", () => {
    expect(scoreReadiness(readySchool({ funding: funding(28_080) })).tier).toBe("almost");
    expect(scoreReadiness(readySchool({ funding: funding(28_079.99) })).tier).toBe("not-ready");
  });

  it("never calls a school almost ready when two gates are missed, however small the margins", () => {
    expect(scoreReadiness(readySchool({ teachers: teachers(36, 17), funding: funding(31_199) })).tier).toBe("not-ready");
  });

  it("keeps a school without an engaged principal champion from being ready, whatever else it has", () => {
    const none = scoreReadiness(readySchool({ principal: { named: false, engaged: false } }));
    expect(none.tier).toBe("not-ready");
    expect(none.gaps).toEqual(["name a principal champion"]);
    expect(none.score).toBe(70);
    const unengaged = scoreReadiness(readySchool({ principal: { named: true, engaged: false } }));
    expect(unengaged.tier).toBe("not-ready");
    expect(unengaged.gaps).toEqual(["engage the principal champion (named, not yet engaged)"]);
    expect(unengaged.score).toBe(85);
  });

  it("counts processes for points and recommendations but not as a gate", () => {
    const r = scoreReadiness(readySchool({ processes: { administrationProcedures: true, dataCollection: false, evaluationPlan: false, trainingPlan: true } }));
    expect(r.tier).toBe("ready");
    expect(r.score).toBe(92.5);
    expect(r.recommendations).toEqual(["set up data collection", "write an evaluation plan"]);
  });

  it("gives a fully ready school 100 and no gaps", () => {
    const r = scoreReadiness(readySchool());
    expect(r).toMatchObject({ score: 100, tier: "ready", gaps: [], recommendations: [], gatesMissed: [] });
  });
});

describe("scoreReadiness: options", () => {
  it("applies other weights and thresholds", () => {
    const r = scoreReadiness(readySchool({ teachers: teachers(36, 18) }), { supportThreshold: 0.6, weights: { principal: 25, support: 25, funding: 25, processes: 25 } });
    // 0.6 x 36 = 21.6 -> 22 needed; 25 x 18/22 = 20.45 -> 20.5.
    expect(r.criteria[1].needed).toBe(22);
    expect(r.criteria[1].points).toBe(20.5);
    expect(r.gaps).toEqual(["4 more teachers in support (18 of 36 now; 22 needed)"]);
  });

  it("refuses weights that do not sum to 100 and thresholds out of range, naming each option", () => {
    try {
      scoreReadiness(readySchool(), { weights: { principal: 50 }, supportThreshold: 1.5 });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(PthvConfigError);
      expect((error as PthvConfigError).issues.map((i) => i.field).sort()).toEqual(["supportThreshold", "weights"]);
    }
  });
});

describe("scoreReadiness: funding from the cost model", () => {
  it("costs the planned season when its cost is not given", () => {
    // 100 families x 2 educators x 1.5 h x 40 = 12,000 + reflections 100 x 2 x 0.25 x 40 = 2,000.
    const r = scoreReadiness(readySchool({ funding: { budget: 13_000, season: { familiesToVisit: 100, hourlyRate: 40 } } }));
    expect(r.criteria[2].estimatedCost).toBe(14_000);
    expect(r.criteria[2].costEstimate?.lines.map((l) => l.item)).toEqual(["visits", "reflections", "training", "coordination", "materials"]);
    expect(r.gaps).toEqual(["$1,000 more funding (covers 92% of $14,000)"]);
  });

  it("reads money written as text with a symbol and thousands commas", () => {
    expect(scoreReadiness(readySchool({ funding: funding("$26,880.00", "USD 31,200") })).criteria[2].shortfall).toBe(4_320);
    expect(scoreReadiness(readySchool({ funding: { budget: "€900", estimatedCost: 1_000, currency: "EUR" } })).gaps).toEqual(["€100 more funding (covers 90% of €1,000)"]);
  });
});

describe("scoreReadiness: the almost margins as options", () => {
  it("has no almost tier when both margins are 0", () => {
    const options = { almostSupportMargin: 0, almostFundingMargin: 0 };
    expect(scoreReadiness(readySchool({ teachers: teachers(36, 17) }), options).tier).toBe("not-ready");
    expect(scoreReadiness(readySchool({ funding: funding(31_199.99) }), options).tier).toBe("not-ready");
  });

  it("widens almost with a larger support margin, exactly at its edge", () => {
    // 0.5 - 0.2 = 0.3 of 40 teachers = 12 supporters at least.
    expect(scoreReadiness(readySchool({ teachers: teachers(40, 12) }), { almostSupportMargin: 0.2 }).tier).toBe("almost");
    expect(scoreReadiness(readySchool({ teachers: teachers(40, 11) }), { almostSupportMargin: 0.2 }).tier).toBe("not-ready");
  });

  it("scores a budget for a season that costs nothing as fully funded", () => {
    const r = scoreReadiness(readySchool({ funding: funding(0, 0) }));
    expect(r.criteria[2]).toMatchObject({ met: true, value: 1, points: 25 });
  });
});
