import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { SchoolReadinessInput } from "../../src/model/index.js";
import { rankSchools, scoreReadiness } from "../../src/readiness/index.js";

const school = fc
  .record({
    total: fc.integer({ min: 1, max: 120 }),
    supportShare: fc.double({ min: 0, max: 1, noNaN: true }),
    surveyedShare: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
    budgetCents: fc.integer({ min: 0, max: 10_000_000 }),
    costCents: fc.integer({ min: 0, max: 10_000_000 }),
    named: fc.boolean(),
    engaged: fc.boolean(),
    processes: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
  })
  .map((r): SchoolReadinessInput => {
    const inSupport = Math.floor(r.supportShare * r.total);
    const surveyed = r.surveyedShare === undefined ? undefined : inSupport + Math.floor(r.surveyedShare * (r.total - inSupport));
    const [a, b, c, d] = r.processes;
    return {
      schoolId: "sch-p",
      principal: { named: r.named, engaged: r.engaged },
      teachers: surveyed === undefined ? { total: r.total, inSupport } : { total: r.total, inSupport, surveyed },
      funding: { budget: r.budgetCents / 100, estimatedCost: r.costCents / 100 },
      processes: { administrationProcedures: a!, dataCollection: b!, evaluationPlan: c!, trainingPlan: d! },
    };
  });

const TIER = { ready: 0, almost: 1, "not-ready": 2 } as const;

describe("readiness: invariants", () => {
  it("never lowers a score or a tier when a teacher comes into support", () => {
    fc.assert(
      fc.property(school, (s) => {
        const { total, inSupport, surveyed } = s.teachers;
        fc.pre(inSupport < total);
        const more: SchoolReadinessInput = {
          ...s,
          teachers: surveyed === undefined ? { total, inSupport: inSupport + 1 } : { total, inSupport: inSupport + 1, surveyed: Math.max(surveyed, inSupport + 1) },
        };
        const before = scoreReadiness(s);
        const after = scoreReadiness(more);
        expect(after.score).toBeGreaterThanOrEqual(before.score);
        expect(TIER[after.tier]).toBeLessThanOrEqual(TIER[before.tier]);
      }),
      { numRuns: 400 },
    );
  });

  it("never lowers a score or a tier when money is added to the budget", () => {
    fc.assert(
      fc.property(school, fc.integer({ min: 1, max: 5_000_000 }), (s, extraCents) => {
        const budget = Number(s.funding.budget) + extraCents / 100;
        const before = scoreReadiness(s);
        const after = scoreReadiness({ ...s, funding: { ...s.funding, budget: Math.round(budget * 100) / 100 } });
        expect(after.score).toBeGreaterThanOrEqual(before.score);
        expect(TIER[after.tier]).toBeLessThanOrEqual(TIER[before.tier]);
      }),
      { numRuns: 400 },
    );
  });

  it("keeps the score between 0 and 100 and is ready exactly when there are no gaps", () => {
    fc.assert(
      fc.property(school, (s) => {
        const r = scoreReadiness(s);
        expect(r.score).toBeGreaterThanOrEqual(0);
        expect(r.score).toBeLessThanOrEqual(100);
        expect(r.tier === "ready").toBe(r.gaps.length === 0);
        expect(r.gaps.length).toBe(r.gatesMissed.length);
      }),
      { numRuns: 400 },
    );
  });

  it("closes the support gap exactly: adding the supporters it names makes the gate met, one fewer does not", () => {
    fc.assert(
      fc.property(school, (s) => {
        const r = scoreReadiness(s);
        const support = r.criteria[1];
        fc.pre(!support.met);
        const more = support.needed - support.inSupport;
        expect(r.gaps.some((g) => g.startsWith(`${more} more teacher`))).toBe(true);
        const withGap = scoreReadiness({ ...s, teachers: { total: support.teachers, inSupport: support.inSupport + more } });
        expect(withGap.criteria[1].met).toBe(true);
        const oneShort = scoreReadiness({ ...s, teachers: { total: support.teachers, inSupport: support.inSupport + more - 1 } });
        expect(oneShort.criteria[1].met).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it("closes the funding gap exactly: adding the shortfall meets the gate, a cent less does not", () => {
    fc.assert(
      fc.property(school, (s) => {
        const f = scoreReadiness(s).criteria[2];
        fc.pre(!f.met);
        const add = (cents: number) => scoreReadiness({ ...s, funding: { ...s.funding, budget: (Math.round(f.budget * 100) + cents) / 100 } }).criteria[2].met;
        const shortfallCents = Math.round(f.shortfall * 100);
        expect(add(shortfallCents)).toBe(true);
        expect(add(shortfallCents - 1)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it("ranks the same schools the same way whatever order they come in", () => {
    fc.assert(
      fc.property(fc.array(school, { minLength: 1, maxLength: 8 }), fc.integer(), (list, seed) => {
        const schools = list.map((s, i) => ({ ...s, schoolId: `sch-${i}` }));
        const shuffled = [...schools].sort((a, b) => ((a.schoolId.length * 31 + seed) % 7) - ((b.schoolId.length * 17 + seed) % 5) || (a.schoolId < b.schoolId ? 1 : -1));
        const ids = (xs: SchoolReadinessInput[]) => rankSchools(xs).places.map((p) => p.schoolId);
        expect(ids(shuffled)).toEqual(ids(schools));
      }),
      { numRuns: 100 },
    );
  });
});
