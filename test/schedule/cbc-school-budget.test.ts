import { describe, expect, it } from "vitest";
import { scheduleVisits } from "../../src/schedule/index.js";
import { generateInstance, type InstanceSpec } from "../../scripts/reference/schedule/instances.js";
import fixture from "./fixtures/cbc-school-budget.json" with { type: "json" };

interface Reference {
  name: string;
  spec: InstanceSpec;
  cbc: { families: number; cost: number };
}

// The coordinator (40 educators in 20 pairs, 600 consenting families) with a budget that
// binds on the cost: CBC's optimum from scripts/reference/schedule/cbc-school-budget.ts.
describe("the budget search on the issue's school instance against CBC", () => {
  for (const instance of fixture.instances as Reference[]) {
    it(`finds and proves CBC's least cost within the budget on ${instance.name}`, () => {
      const input = generateInstance(instance.spec);
      const schedule = scheduleVisits(input);
      expect(schedule.objective.families).toBe(instance.cbc.families);
      expect(schedule.objective.cost).toBe(instance.cbc.cost);
      expect(schedule.objective.optimal).toBe(true);
      expect(schedule.budget!.binding).toBe(true);
      expect(schedule.budget!.preferenceProvedLeast).toBe(true);
      expect(schedule.budget!.preferenceLowerBound).toBe(instance.cbc.cost);
      expect(schedule.budget!.seasonPay).toBeLessThanOrEqual(instance.spec.budget!);
    }, 120_000);
  }
});
