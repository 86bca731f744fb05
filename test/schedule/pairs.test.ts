import { describe, expect, it } from "vitest";
import { PthvInputError } from "../../src/errors/index.js";
import { formPairs } from "../../src/schedule/index.js";
import { educator, family } from "./tiny.js";

const readyBy = "2026-08-01T00:00:00-04:00";

describe("formPairs", () => {
  it("pairs a first-year visitor with an experienced one when that is worth more", () => {
    const educators = [
      educator("a", { experience: "experienced" }),
      educator("b", { experience: "experienced" }),
      educator("c", { experience: "first-year" }),
      educator("d", { experience: "first-year" }),
    ];
    const pairing = formPairs(educators, { readyBy });
    expect(pairing.pairs).toHaveLength(2);
    for (const p of pairing.pairs) expect(new Set(p.educatorIds.map((id) => educators.find((e) => e.id === id)!.experience)).size).toBe(2);
    expect(pairing.totalWeight).toBe(40);
  });

  it("weighs pairs by teaching and language coverage as documented (a hand calculation)", () => {
    // a speaks es; two of three families speak es. A pair with a covers 3 of 3 families (30); a
    // pair without a covers 1 of 3 (10); a pair with b, the teacher, earns 30 more.
    const educators = [educator("a", { languages: ["en", "es"], role: "counselor" }), educator("b"), educator("c", { role: "counselor" }), educator("d", { role: "counselor" })];
    const families = [family("f1", { homeLanguage: "es" }), family("f2", { homeLanguage: "es" }), family("f3")];
    const students = [{ id: "s1", schoolId: "sch-1", grade: 1, teacherId: "b", familyId: "f1" }];
    const pairing = formPairs(educators, { readyBy, families, students });
    const total = pairing.pairs.reduce((s, p) => s + p.weight, 0);
    expect(total).toBe(pairing.totalWeight);
    const hand = (ids: string[]) => (ids.includes("a") ? 30 : 10) + (ids.includes("b") ? 30 : 0);
    for (const p of pairing.pairs) expect(p.weight).toBe(hand(p.educatorIds));
    // Every perfect matching: {ab, cd} = (30 + 30) + 10 = 70; {ac, bd} = 30 + (30 + 10) = 70; {ad, bc} = 70. All tie at 70.
    expect(pairing.totalWeight).toBe(70);
  });

  it("lists educators not opted in, not trained, or left without a partner, with reasons", () => {
    const educators = [educator("a"), educator("b"), educator("c"), educator("d", { optedInAt: undefined as unknown as string }), educator("e", { trainings: [] })];
    const pairing = formPairs(
      educators.map((e) => (e.optedInAt === undefined ? (({ optedInAt: _o, ...rest }) => rest)(e) : e)),
      { readyBy },
    );
    expect(pairing.pairs).toHaveLength(1);
    expect(pairing.unpaired.map((u) => [u.educatorId, u.reason]).sort()).toEqual([
      ["d", "not-opted-in"],
      ["e", "not-trained"],
      [expect.stringMatching(/^[abc]$/), "no-partner"],
    ].sort());
  });

  it("keeps fixed pairs and pairs the rest", () => {
    const educators = ["a", "b", "c", "d"].map((id) => educator(id));
    const pairing = formPairs(educators, { readyBy, fixedPairs: [{ id: "mine", schoolId: "sch-1", educatorIds: ["a", "d"] }] });
    expect(pairing.pairs.map((p) => [p.id, p.educatorIds, p.fixed])).toEqual([
      ["mine", ["a", "d"], true],
      ["pair-sch-1-01", ["b", "c"], false],
    ]);
  });

  it("refuses fixed pairs naming unknown or already paired educators", () => {
    const educators = ["a", "b", "c"].map((id) => educator(id));
    expect(() =>
      formPairs(educators, {
        readyBy,
        fixedPairs: [
          { id: "x", schoolId: "sch-1", educatorIds: ["a", "z"] },
          { id: "y", schoolId: "sch-1", educatorIds: ["a", "b"] },
        ],
      }),
    ).toThrow(PthvInputError);
  });

  it("pairs each school separately", () => {
    const educators = [educator("a"), educator("b", { schoolId: "sch-2" }), educator("c"), educator("d", { schoolId: "sch-2" })];
    const pairing = formPairs(educators, { readyBy });
    expect(pairing.pairs.map((p) => [p.schoolId, p.educatorIds])).toEqual([
      ["sch-1", ["a", "c"]],
      ["sch-2", ["b", "d"]],
    ]);
  });
});
