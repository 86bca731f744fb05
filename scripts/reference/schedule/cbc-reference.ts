/**
 * The optimality proof of the pair scheduler. Generates instances, builds the same model the
 * scheduler solves (src/schedule/model.ts: feasible family-pair-slot choices, costs, capacities),
 * writes it as an integer programme with one binary per choice, and solves it with CBC
 * (Debian's coinor-cbc) in two stages: most families, then least cost. Writes the instances and
 * CBC's optima to test/schedule/fixtures/cbc-optima.json; the tests check that scheduleVisits
 * reaches the same optima.
 *
 * Run: npx tsx scripts/reference/schedule/cbc-reference.ts
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execFileSync } from "node:child_process";
import { parseScheduleInput } from "../../../src/schedule/index.js";
import { budgetUnitsFor } from "../../../src/schedule/budget.js";
import { buildModel } from "../../../src/schedule/model.js";
import { generateInstance, type InstanceSpec } from "./instances.js";
import { solveWithCbc } from "./lp.js";

const SPECS: InstanceSpec[] = [];
for (let i = 1; i <= 12; i++) {
  SPECS.push({
    seed: `cbc-${i}`,
    families: 10 + ((i * 7) % 30),
    pairs: 2 + (i % 4),
    days: 7 + (i % 3) * 4,
    maxPerDay: 1 + (i % 2),
    maxPerWeek: 2 + (i % 3),
    requireSharedLanguage: i % 3 === 0,
  });
}
// Budget instances: the budget binds.
SPECS.push({ seed: "cbc-budget-1", families: 30, pairs: 3, days: 14, maxPerDay: 2, maxPerWeek: 4, budget: 1500 });
SPECS.push({ seed: "cbc-budget-2", families: 24, pairs: 4, days: 10, maxPerDay: 1, maxPerWeek: 3, budget: 1000 });
SPECS.push({ seed: "cbc-budget-3", families: 36, pairs: 5, days: 14, maxPerDay: 2, maxPerWeek: 4, budget: 2600 });
SPECS.push({ seed: "cbc-budget-4", families: 20, pairs: 3, days: 9, maxPerDay: 2, maxPerWeek: 5, requireSharedLanguage: true, budget: 700 });
// The budget binds on the count: fewer families than without it (budget below the least pay of
// the unbudgeted count). 7 and 10 pay every educator the same, so the budget is a cap on the count.
SPECS.push({ seed: "cbc-budget-5", families: 40, pairs: 4, days: 14, maxPerDay: 2, maxPerWeek: 4, budget: 2000 });
SPECS.push({ seed: "cbc-budget-6", families: 50, pairs: 6, days: 14, maxPerDay: 1, maxPerWeek: 3, budget: 2400 });
SPECS.push({ seed: "cbc-budget-7", families: 30, pairs: 3, days: 10, maxPerDay: 2, maxPerWeek: 5, uniformRate: 40, budget: 1000 });
SPECS.push({ seed: "cbc-budget-10", families: 28, pairs: 4, days: 11, maxPerDay: 1, maxPerWeek: 4, uniformRate: 35.5, budget: 800 });
SPECS.push({ seed: "cbc-budget-11", families: 60, pairs: 6, days: 14, maxPerDay: 2, maxPerWeek: 4, budget: 3500 });
SPECS.push({ seed: "cbc-budget-12", families: 25, pairs: 2, days: 14, maxPerDay: 2, maxPerWeek: 6, budget: 700 });
// The budget binds on the cost only: as many families as without it (the least pay of that count
// fits), but the unbudgeted schedule's pay does not, so the preference cost rises.
SPECS.push({ seed: "cbc-budget-8", families: 36, pairs: 5, days: 14, maxPerDay: 2, maxPerWeek: 4, requireSharedLanguage: true, budget: 3400 });
SPECS.push({ seed: "cbc-budget-9", families: 45, pairs: 5, days: 18, maxPerDay: 2, maxPerWeek: 3, budget: 3895 });
SPECS.push({ seed: "cbc-budget-13", families: 40, pairs: 5, days: 14, maxPerDay: 2, maxPerWeek: 3, budget: 2765 });
SPECS.push({ seed: "cbc-budget-16", families: 45, pairs: 6, days: 10, maxPerDay: 2, maxPerWeek: 4, requireSharedLanguage: true, budget: 3120 });

const dir = mkdtempSync(join(tmpdir(), "pthv-cbc-"));
const version = execFileSync("cbc", ["-quit"], { encoding: "utf8" }).split("\n").find((l) => /Version/.test(l))?.trim() ?? "unknown";
const instances = SPECS.map((spec) => {
  const input = generateInstance(spec);
  const model = buildModel(parseScheduleInput(input));
  // The scheduler's budget constraint: exact pay in 1/6000 of the currency, less a cent per educator of rounding headroom.
  const budgetUnits = spec.budget !== undefined ? budgetUnitsFor(spec.budget, 2 * model.pairs.length) : undefined;
  const cbc = solveWithCbc(model, dir, spec.seed, budgetUnits);
  console.log(`${spec.seed}: ${cbc.families} families, cost ${cbc.cost}, ${cbc.seconds.toFixed(2)} s`);
  return { name: spec.seed, spec, input, cbc: { families: cbc.families, cost: cbc.cost, moneyUnits: cbc.money } };
});
writeFileSync(
  new URL("../../../test/schedule/fixtures/cbc-optima.json", import.meta.url),
  `${JSON.stringify({ generatedBy: "scripts/reference/schedule/cbc-reference.ts", solver: `CBC (${version})`, instances }, null, 1)}\n`,
);
