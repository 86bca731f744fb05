import { describe, expect, it } from "vitest";
import { RANKING_ORDER, rankSchools } from "../../src/readiness/index.js";
import { funding, readySchool, teachers } from "./fixtures.js";

describe("rankSchools", () => {
  const schools = [
    readySchool({ schoolId: "sch-e", principal: { named: false, engaged: false } }), // not ready, 70
    readySchool({ schoolId: "sch-d", funding: funding(29_000) }), // almost (93% funded)
    readySchool({ schoolId: "sch-c", teachers: teachers(36, 20) }), // ready, 100
    readySchool({ schoolId: "sch-b", teachers: teachers(36, 24) }), // ready, 100, more support than sch-c
    readySchool({ schoolId: "sch-a", teachers: teachers(36, 20) }), // ready, 100, tied with sch-c in every way
  ];
  const ranking = rankSchools(schools);

  it("puts ready schools first, then almost, then not ready", () => {
    expect(ranking.places.map((p) => [p.place, p.schoolId, p.tier])).toEqual([
      [1, "sch-b", "ready"],
      [2, "sch-a", "ready"],
      [3, "sch-c", "ready"],
      [4, "sch-d", "almost"],
      [5, "sch-e", "not-ready"],
    ]);
    expect(ranking.tiers).toEqual({ ready: 3, almost: 1, "not-ready": 1 });
    expect(ranking.order).toBe(RANKING_ORDER);
  });

  it("breaks ties by teacher support, then by school id, and says so", () => {
    const reasons = ranking.places.map((p) => p.reason);
    expect(reasons[0]).toBe("ready, score 100: first place, the highest tier and score.");
    expect(reasons[1]).toBe("ready, score 100: tied with sch-b on tier and score; less confirmed teacher support (55.6% against 66.7%).");
    expect(reasons[2]).toBe("ready, score 100: tied with sch-a on tier, score, support and funding; placed after it by school id.");
    expect(reasons[3]).toBe("almost ready, score 98.2: after the ready schools.");
    expect(reasons[4]).toBe("not ready, score 70: after the almost ready schools.");
  });

  it("breaks a tie on score and support by funding coverage", () => {
    const r = rankSchools([
      readySchool({ schoolId: "x", funding: funding(31_200) }),
      readySchool({ schoolId: "y", funding: funding(40_000) }),
    ]);
    expect(r.places.map((p) => p.schoolId)).toEqual(["y", "x"]);
    expect(r.places[1]!.reason).toContain("lower funding coverage (100% against 128.2%)");
  });

  it("orders by score within a tier", () => {
    const r = rankSchools([
      readySchool({ schoolId: "low", processes: { administrationProcedures: true, dataCollection: false, evaluationPlan: false, trainingPlan: false } }),
      readySchool({ schoolId: "high" }),
    ]);
    expect(r.places.map((p) => [p.schoolId, p.score])).toEqual([
      ["high", 100],
      ["low", 88.8],
    ]);
    expect(r.places[1]!.reason).toBe("ready, score 88.8: below high (score 100) in the same tier.");
  });

  it("ranks an empty list as an empty ranking", () => {
    expect(rankSchools([]).places).toEqual([]);
  });
});
