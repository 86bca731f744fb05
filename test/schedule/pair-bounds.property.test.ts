import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseScheduleInput } from "../../src/schedule/index.js";
import { buildModel, candidates, type ScheduleModel } from "../../src/schedule/model.js";
import { preferenceOf, solveModel, type Assignment } from "../../src/schedule/network.js";
import { generateInstance } from "../../scripts/reference/schedule/instances.js";

/** Every valid set of visits of a tiny model, by depth-first search over the families' choices. */
function everySchedule(model: ScheduleModel, visit: (assignments: Assignment[]) => void): void {
  const byFamily = model.families.map((_, f) => candidates(model).filter((c) => c.family === f));
  const used = new Set<string>();
  const day = new Map<string, number>();
  const week = new Map<string, number>();
  const chosen: Assignment[] = [];
  const go = (f: number) => {
    if (f === model.families.length) return visit(chosen);
    go(f + 1);
    for (const c of byFamily[f]!) {
      const slot = model.slots[c.slot]!;
      const [s, d, w] = [`${c.pair}:${c.slot}`, `${c.pair}:${slot.day}`, `${c.pair}:${slot.week}`];
      if (used.has(s) || (day.get(d) ?? 0) >= model.maxPerDay || (week.get(w) ?? 0) >= model.maxPerWeek) continue;
      used.add(s);
      day.set(d, (day.get(d) ?? 0) + 1);
      week.set(w, (week.get(w) ?? 0) + 1);
      chosen.push({ family: c.family, pair: c.pair, slot: c.slot });
      go(f + 1);
      chosen.pop();
      used.delete(s);
      day.set(d, day.get(d)! - 1);
      week.set(w, week.get(w)! - 1);
    }
  };
  go(0);
}

describe("bounds on the pairs' visit counts (the budget search's branches)", () => {
  it("give the least cost among schedules of k visits whose pair counts lie within the bounds, found by brute force", () => {
    let boundInForce = 0;
    let infeasible = 0;
    fc.assert(
      fc.property(
        fc.record({ seed: fc.string({ minLength: 1, maxLength: 4 }), families: fc.integer({ min: 2, max: 6 }), days: fc.integer({ min: 3, max: 8 }), maxPerDay: fc.integer({ min: 1, max: 2 }) }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 3 })), { minLength: 3, maxLength: 3 }),
        fc.integer({ min: 1, max: 6 }),
        (spec, rawBounds, kWanted) => {
          const model = buildModel(parseScheduleInput(generateInstance({ ...spec, seed: `pb-${spec.seed}`, pairs: 3, allConsent: true, maxPerWeek: 3 })));
          const P = model.pairs.length;
          const lo = rawBounds.slice(0, P).map(([a]) => a);
          const hi = rawBounds.slice(0, P).map(([a, width]) => a + width);
          const k = Math.min(kWanted, model.families.length);
          let least = Infinity;
          everySchedule(model, (list) => {
            if (list.length !== k) return;
            const n = model.pairs.map((_, p) => list.filter((a) => a.pair === p).length);
            if (n.every((x, p) => x >= lo[p]! && x <= hi[p]!)) least = Math.min(least, preferenceOf(model, list));
          });
          const s = solveModel(model, { limit: k, pairBounds: { lo, hi } });
          const feasible = s.assignments.length === k && s.lowerBoundsMet;
          expect(feasible).toBe(least < Infinity);
          if (!feasible) infeasible++;
          else if (lo.some((x) => x > 0) && k > 0) boundInForce++;
          if (feasible) {
            expect(s.flowCost).toBe(least);
            expect(preferenceOf(model, s.assignments)).toBe(least);
            const n = model.pairs.map((_, p) => s.assignments.filter((a) => a.pair === p).length);
            n.forEach((x, p) => {
              expect(x).toBeGreaterThanOrEqual(lo[p]!);
              expect(x).toBeLessThanOrEqual(hi[p]!);
            });
          }
        },
      ),
      { numRuns: 120, seed: 4 },
    );
    // Both kinds of case occur: feasible with a lower bound in force, and bounds that admit nothing.
    expect(boundInForce).toBeGreaterThanOrEqual(10);
    expect(infeasible).toBeGreaterThanOrEqual(5);
  });
});
