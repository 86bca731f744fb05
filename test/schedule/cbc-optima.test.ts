import { describe, expect, it } from "vitest";
import { scheduleVisits, type ScheduleInputData } from "../../src/schedule/index.js";
import fixture from "./fixtures/cbc-optima.json" with { type: "json" };

interface Reference {
  name: string;
  spec: { budget?: number };
  input: unknown;
  cbc: { families: number; cost: number; moneyUnits: number };
}
const instances = fixture.instances as Reference[];

describe("the scheduler against CBC (scripts/reference/schedule/cbc-reference.ts)", () => {
  it("has reference instances with and without a budget", () => {
    expect(instances.filter((i) => i.spec.budget === undefined).length).toBeGreaterThanOrEqual(10);
    expect(instances.filter((i) => i.spec.budget !== undefined).length).toBeGreaterThanOrEqual(2);
  });

  for (const instance of instances.filter((i) => i.spec.budget === undefined)) {
    it(`visits as many families as CBC, at CBC's least cost, on ${instance.name}`, () => {
      const schedule = scheduleVisits(instance.input as ScheduleInputData);
      expect(schedule.objective.families).toBe(instance.cbc.families);
      expect(schedule.objective.cost).toBe(instance.cbc.cost);
      expect(schedule.objective.solver.flowCost).toBe(instance.cbc.cost);
      expect(schedule.objective.optimal).toBe(true);
    });
  }

  for (const instance of instances.filter((i) => i.spec.budget !== undefined)) {
    it(`visits as many families as CBC within the budget on ${instance.name}, never exceeds it, and brackets CBC's cost`, () => {
      const schedule = scheduleVisits(instance.input as ScheduleInputData);
      expect(schedule.objective.families).toBe(instance.cbc.families);
      expect(schedule.budget?.binding).toBe(true);
      expect(schedule.budget!.seasonPay).toBeLessThanOrEqual(instance.spec.budget!);
      // The Lagrangian bound is valid (never above the true optimum) and the schedule never beats it.
      expect(schedule.budget!.preferenceLowerBound).toBeLessThanOrEqual(instance.cbc.cost);
      expect(schedule.objective.cost).toBeGreaterThanOrEqual(instance.cbc.cost);
      if (schedule.budget!.preferenceProvedLeast) expect(schedule.objective.cost).toBe(instance.cbc.cost);
    });
  }
});
