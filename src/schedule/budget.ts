import type { ScheduleModel } from "./model.js";
import { moneyFirstWeight, solveModel, type Solution } from "./network.js";

/** What the budget search found, with its bound. */
export interface BudgetSearch {
  solution: Solution;
  /** Lagrangian lower bound on the preference cost of any schedule of that count within budget. */
  lowerBound: number;
  /** The preference cost is proved least (it meets the bound). */
  exact: boolean;
  /** Flows solved. */
  evaluations: number;
}

/**
 * Schedules within a budget, a side constraint that breaks the flow structure.
 *
 * 1. The count: money first (cost `money x W + preference`), stopping at the first unit that no
 *    longer fits. Successive shortest paths give the least money for every count, so the count k
 *    reached is the largest whose cheapest schedule fits: exact.
 * 2. The preference cost among k-visit schedules within budget, by Lagrangian relaxation (Fisher,
 *    "The Lagrangian relaxation method for solving integer programming problems", Management
 *    Science 27, 1981): for a money price `lambda`, the least `preference + lambda x money` over
 *    k-unit flows is a flow problem; any such flow that fits the budget is a candidate, and
 *    `min(preference + lambda x (money - budget))` is a lower bound. `lambda` is searched by
 *    bisection; the best candidate is kept and the bound reported, so the gap is known.
 */
export function solveWithinBudget(model: ScheduleModel, budgetUnits: number): BudgetSearch {
  const first = solveModel(model, { scale: { preference: 1, money: moneyFirstWeight(model) }, budgetUnits });
  const k = first.assignments.length;
  let best = first;
  let lowerBound = -Infinity;
  let evaluations = 1;
  const Q = 2 ** 20;
  // lambda = P / Q preference points per money unit; both scales stay integers.
  const evaluate = (lambda: number): { solution: Solution; feasible: boolean } => {
    const P = Math.round(lambda * Q);
    const solution = solveModel(model, { scale: { preference: Q, money: P }, limit: k });
    evaluations++;
    lowerBound = Math.max(lowerBound, solution.flowCost + (P / Q) * (solution.moneyUnits - budgetUnits));
    const feasible = solution.assignments.length === k && solution.moneyUnits <= budgetUnits;
    if (feasible && solution.flowCost < best.flowCost) best = solution;
    return { solution, feasible };
  };
  if (k > 0 && !evaluate(0).feasible) {
    let lo = 0;
    let hi = 1;
    if (!evaluate(hi).feasible) hi = Infinity;
    let lambda = 1 / 1024;
    for (let i = 0; i < 16 && hi !== Infinity && Math.round(hi * Q) - Math.round(lo * Q) > 1; i++) {
      lambda = lo === 0 ? Math.max(hi / 1024, 1 / Q) : hi / lo > 4 ? Math.sqrt(lo * hi) : (lo + hi) / 2;
      if (lo === 0 && lambda >= hi) break;
      if (evaluate(lambda).feasible) hi = lambda;
      else lo = lambda;
      if (best.flowCost <= Math.ceil(lowerBound - 1e-9)) break;
    }
  }
  if (k === 0) lowerBound = 0;
  return { solution: best, lowerBound, exact: best.flowCost <= Math.ceil(lowerBound - 1e-9), evaluations };
}
