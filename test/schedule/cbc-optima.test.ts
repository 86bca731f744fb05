import { describe, expect, it } from "vitest";
import { parseScheduleInput, scheduleVisits, type ScheduleInputData } from "../../src/schedule/index.js";
import { budgetUnitsFor, solveWithinBudget } from "../../src/schedule/budget.js";
import { buildModel } from "../../src/schedule/model.js";
import fixture from "./fixtures/cbc-optima.json" with { type: "json" };

interface Reference {
  name: string;
  spec: { budget?: number; uniformRate?: number };
  input: unknown;
  cbc: { families: number; cost: number; moneyUnits: number };
}
const instances = fixture.instances as Reference[];

describe("the scheduler against CBC (scripts/reference/schedule/cbc-reference.ts)", () => {
  it("has reference instances with and without a budget", () => {
    expect(instances.filter((i) => i.spec.budget === undefined).length).toBeGreaterThanOrEqual(10);
    expect(instances.filter((i) => i.spec.budget !== undefined).length).toBeGreaterThanOrEqual(12);
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
    it(`visits as many families as CBC within the budget on ${instance.name}, at CBC's least cost, proved, and never exceeds the budget`, () => {
      const schedule = scheduleVisits(instance.input as ScheduleInputData);
      expect(schedule.objective.families).toBe(instance.cbc.families);
      expect(schedule.objective.cost).toBe(instance.cbc.cost);
      expect(schedule.objective.optimal).toBe(true);
      expect(schedule.budget?.binding).toBe(true);
      expect(schedule.budget!.preferenceProvedLeast).toBe(true);
      expect(schedule.budget!.preferenceLowerBound).toBe(instance.cbc.cost);
      expect(schedule.budget!.seasonPay).toBeLessThanOrEqual(instance.spec.budget!);
      expect(schedule.unscheduled.filter((u) => u.reasons.some((r) => r.code === "budget")).length).toBe(
        scheduleVisits(withoutBudget(instance.input)).objective.families - instance.cbc.families,
      );
    });
  }

  it("has budgets that bind on the count and budgets that bind on the cost only", () => {
    const kinds = instances
      .filter((i) => i.spec.budget !== undefined)
      .map((i) => {
        const free = scheduleVisits(withoutBudget(i.input)).objective;
        expect(i.cbc.families).toBeLessThanOrEqual(free.families);
        return i.cbc.families < free.families ? "count" : i.cbc.cost > free.cost ? "cost" : "neither";
      });
    expect(kinds.filter((k) => k === "count").length).toBeGreaterThanOrEqual(4);
    expect(kinds.filter((k) => k === "cost").length).toBeGreaterThanOrEqual(4);
    expect(instances.filter((i) => i.spec.uniformRate !== undefined).length).toBeGreaterThanOrEqual(2);
  });

  it("stops the branch and bound at its limit of flows with a valid bound and a feasible schedule", () => {
    for (const instance of instances.filter((i) => i.spec.budget !== undefined && i.spec.uniformRate === undefined)) {
      const input = parseScheduleInput(instance.input);
      const model = buildModel(input);
      const units = budgetUnitsFor(instance.spec.budget!, 2 * model.pairs.length);
      const full = solveWithinBudget(model, units);
      expect(full.exact).toBe(true);
      expect(full.solution.flowCost).toBe(instance.cbc.cost);
      const cut = solveWithinBudget(model, units, { maxFlows: 3 });
      expect(cut.solution.assignments.length).toBe(instance.cbc.families);
      expect(cut.solution.moneyUnits).toBeLessThanOrEqual(units);
      expect(cut.lowerBound).toBeLessThanOrEqual(instance.cbc.cost);
      expect(cut.solution.flowCost).toBeGreaterThanOrEqual(instance.cbc.cost);
      expect(cut.exact).toBe(cut.lowerBound >= cut.solution.flowCost);
      if (cut.limitHit && !cut.exact) expect(cut.solution.flowCost).toBeGreaterThan(cut.lowerBound);
    }
  });
});

function withoutBudget(raw: unknown): ScheduleInputData {
  const input = structuredClone(raw) as ScheduleInputData & { options: { budget?: number } };
  delete input.options.budget;
  return input;
}
