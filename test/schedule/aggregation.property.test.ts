import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FlowNetwork } from "../../src/schedule/flow.js";
import { parseScheduleInput } from "../../src/schedule/index.js";
import { buildModel, candidates, type ScheduleModel } from "../../src/schedule/model.js";
import { solveModel } from "../../src/schedule/network.js";
import { generateInstance } from "../../scripts/reference/schedule/instances.js";

/** The model as a flow with one arc per family-pair-slot choice: no aggregation at all. */
function solveUnaggregated(model: ScheduleModel): { flow: number; cost: number } {
  const choices = candidates(model);
  const F = model.families.length;
  const key = new Map<string, number>();
  let next = 2 + F;
  const node = (k: string) => key.get(k) ?? (key.set(k, next++), next - 1);
  for (const c of choices) {
    const slot = model.slots[c.slot]!;
    node(`s${c.pair}:${c.slot}`);
    node(`d${c.pair}:${slot.day}`);
    node(`w${c.pair}:${slot.week}`);
    node(`p${c.pair}`);
  }
  const net = new FlowNetwork(next);
  for (let f = 0; f < F; f++) net.addArc(0, 2 + f, 1, 0);
  const added = new Set<string>();
  const once = (k: string, add: () => void) => (added.has(k) ? undefined : (added.add(k), add()));
  const perPair = new Map<number, number>();
  for (const c of choices) {
    const slot = model.slots[c.slot]!;
    net.addArc(2 + c.family, node(`s${c.pair}:${c.slot}`), 1, c.cost);
    once(`s${c.pair}:${c.slot}`, () => net.addArc(node(`s${c.pair}:${c.slot}`), node(`d${c.pair}:${slot.day}`), 1, 0));
    once(`d${c.pair}:${slot.day}`, () => net.addArc(node(`d${c.pair}:${slot.day}`), node(`w${c.pair}:${slot.week}`), model.maxPerDay, 0));
    once(`w${c.pair}:${slot.week}`, () => net.addArc(node(`w${c.pair}:${slot.week}`), node(`p${c.pair}`), model.maxPerWeek, 0));
    perPair.set(c.pair, (perPair.get(c.pair) ?? 0) + 1);
  }
  for (const [p, n] of perPair) for (let k = 1; k <= Math.min(n, F); k++) net.addArc(node(`p${p}`), 1, 1, model.weights.load * (k - 1));
  const result = net.solve(0, 1);
  return { flow: result.flow, cost: result.cost };
}

describe("the aggregated network loses nothing", () => {
  it("reaches the same count and cost as one arc per family-pair-slot choice, on random instances", () => {
    fc.assert(
      fc.property(
        fc.record({
          seed: fc.string({ minLength: 1, maxLength: 6 }),
          families: fc.integer({ min: 1, max: 60 }),
          pairs: fc.integer({ min: 1, max: 6 }),
          days: fc.integer({ min: 1, max: 21 }),
          maxPerDay: fc.integer({ min: 1, max: 3 }),
          maxPerWeek: fc.integer({ min: 1, max: 6 }),
          requireSharedLanguage: fc.boolean(),
        }),
        (spec) => {
          const model = buildModel(parseScheduleInput(generateInstance(spec)));
          const aggregated = solveModel(model);
          const plain = solveUnaggregated(model);
          expect(aggregated.assignments.length).toBe(plain.flow);
          expect(aggregated.flowCost).toBe(plain.cost);
          expect(aggregated.certified).toBe(true);
        },
      ),
      { numRuns: 60, seed: 99 },
    );
  });
});
