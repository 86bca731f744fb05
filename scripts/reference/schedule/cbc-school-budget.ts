/**
 * CBC's optimum on the issue's coordinator instance with a budget that binds on the cost: 600
 * consenting families, 20 pairs (40 educators), a 10-week season, budget 64,000. The generator
 * setting is in SPEC (the instance is regenerated from it, so the fixture holds no records).
 *
 * CBC gets one binary per feasible family-pair-slot choice (scripts/reference/schedule/lp.ts),
 * the budget row, and the count fixed at the largest count whose cheapest schedule fits (a flow
 * on money alone, exact: successive shortest paths give the least money of every count); the
 * count stage as a MIP is left out to keep the run to about 12 minutes of CPU (it took 696 s of
 * CPU for the cost stage on the project machine). Writes
 * test/schedule/fixtures/cbc-school-budget.json in the format of cbc-optima.json, without the
 * input.
 *
 * Run: npx tsx scripts/reference/schedule/cbc-school-budget.ts
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseScheduleInput } from "../../../src/schedule/index.js";
import { budgetUnitsFor } from "../../../src/schedule/budget.js";
import { buildModel } from "../../../src/schedule/model.js";
import { solveModel } from "../../../src/schedule/network.js";
import { generateInstance, type InstanceSpec } from "./instances.js";
import { modelLp, runCbc } from "./lp.js";

/** The generator setting of the instance (as in bench/schedule.bench.ts, "a school"). */
export const SCHOOL_BUDGET_SPEC: InstanceSpec = { seed: "school", families: 600, allConsent: true, pairs: 20, days: 70, firstDay: "2026-09-14", maxPerDay: 2, maxPerWeek: 5, budget: 64_000 };

if (import.meta.url === `file://${process.argv[1]}`) {
  const spec = SCHOOL_BUDGET_SPEC;
  const model = buildModel(parseScheduleInput(generateInstance(spec)));
  const units = budgetUnitsFor(spec.budget!, 2 * model.pairs.length);
  const count = solveModel(model, { scale: { preference: 0, money: 1 }, budgetUnits: units }).assignments.length;
  const dir = mkdtempSync(join(tmpdir(), "pthv-cbc-school-"));
  const version = execFileSync("cbc", ["-quit"], { encoding: "utf8" }).split("\n").find((l) => /Version/.test(l))?.trim() ?? "unknown";
  const started = process.hrtime.bigint();
  const lp = modelLp(model, "cost", count, units);
  const cbc = lp.count(runCbc(lp.text, dir, "school-budget-cost"));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(`${spec.seed}, budget ${spec.budget}: ${cbc.families} families, cost ${cbc.cost}, ${seconds.toFixed(0)} s`);
  writeFileSync(
    new URL("../../../test/schedule/fixtures/cbc-school-budget.json", import.meta.url),
    `${JSON.stringify({ generatedBy: "scripts/reference/schedule/cbc-school-budget.ts", solver: `CBC (${version})`, seconds: Math.round(seconds), instances: [{ name: "school-budget-64000", spec, cbc: { families: cbc.families, cost: cbc.cost, moneyUnits: cbc.money } }] }, null, 1)}\n`,
  );
}
