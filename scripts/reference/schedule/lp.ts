/**
 * Writes the scheduler's model as an integer programme in CPLEX LP format, one binary variable per
 * feasible (family, pair, slot) choice (not the solver's aggregated network), and solves it with
 * CBC in two stages: the most families, then the least cost with that many families.
 */
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { candidates, fixedCounts, type ScheduleModel } from "../../../src/schedule/model.js";

interface Lp {
  text: string;
  /** Variable name -> [kind, payload]. */
  count: (values: Map<string, number>) => { families: number; cost: number; money: number };
}

function wrap(terms: string[]): string {
  const lines: string[] = [];
  for (let i = 0; i < terms.length; i += 8) lines.push(`  ${terms.slice(i, i + 8).join(" ")}`);
  return lines.join("\n");
}

/** The LP text for a stage: "count" maximises families; "cost" fixes the count and minimises cost. */
export function modelLp(model: ScheduleModel, stage: "count" | "cost", families = 0, budgetUnits?: number): Lp {
  const cands = candidates(model);
  const w = model.weights;
  const counts = fixedCounts(model);
  const byFamily = new Map<number, string[]>();
  const bySlot = new Map<string, string[]>();
  const byDay = new Map<string, string[]>();
  const byWeek = new Map<string, string[]>();
  const byPair = new Map<number, string[]>();
  const add = <K>(m: Map<K, string[]>, k: K, v: string) => (m.get(k) ?? m.set(k, []).get(k)!).push(v);
  const cost: string[] = [];
  const money: string[] = [];
  const all: string[] = [];
  cands.forEach((c, i) => {
    const x = `x${i}`;
    const slot = model.slots[c.slot]!;
    all.push(`+ ${x}`);
    cost.push(`+ ${c.cost} ${x}`);
    money.push(`+ ${model.pairs[c.pair]!.moneyUnits} ${x}`);
    add(byFamily, c.family, x);
    add(bySlot, `${c.pair}:${c.slot}`, x);
    add(byDay, `${c.pair}:${slot.day}`, x);
    add(byWeek, `${c.pair}:${slot.week}`, x);
    add(byPair, c.pair, x);
  });
  const loadVars: { name: string; cost: number }[] = [];
  const rows: string[] = [];
  let r = 0;
  for (const xs of byFamily.values()) rows.push(` c${r++}:\n${wrap(xs.map((x) => `+ ${x}`))}\n  <= 1`);
  for (const xs of bySlot.values()) rows.push(` c${r++}:\n${wrap(xs.map((x) => `+ ${x}`))}\n  <= 1`);
  for (const [k, xs] of byDay) rows.push(` c${r++}:\n${wrap(xs.map((x) => `+ ${x}`))}\n  <= ${model.maxPerDay - (counts.day.get(k) ?? 0)}`);
  for (const [k, xs] of byWeek) rows.push(` c${r++}:\n${wrap(xs.map((x) => `+ ${x}`))}\n  <= ${model.maxPerWeek - (counts.week.get(k) ?? 0)}`);
  for (const [p, xs] of byPair) {
    const ys: string[] = [];
    for (let k = 1; k <= xs.length; k++) {
      const name = `y${p}_${k}`;
      ys.push(`- ${name}`);
      loadVars.push({ name, cost: w.load * (counts.pair[p]! + k - 1) });
    }
    rows.push(` c${r++}:\n${wrap([...xs.map((x) => `+ ${x}`), ...ys])}\n  = 0`);
  }
  if (budgetUnits !== undefined) rows.push(` budget:\n${wrap(money)}\n  <= ${budgetUnits}`);
  if (stage === "cost") rows.push(` count:\n${wrap(all)}\n  = ${families}`);
  const objective = stage === "count" ? `Maximize\n obj:\n${wrap(all.length > 0 ? all : ["0 x_none"])}` : `Minimize\n obj:\n${wrap([...cost, ...loadVars.map((y) => `+ ${y.cost} ${y.name}`)])}`;
  const binaries = [...cands.map((_, i) => `x${i}`), ...loadVars.map((y) => y.name)];
  const text = `\\ pthv scheduler model, stage ${stage}\n${objective}\nSubject To\n${rows.join("\n")}\nBinaries\n${wrap(binaries)}\nEnd\n`;
  return {
    text,
    count(values) {
      let families = 0;
      let total = 0;
      let spent = 0;
      cands.forEach((c, i) => {
        if ((values.get(`x${i}`) ?? 0) > 0.5) {
          families++;
          total += c.cost;
          spent += model.pairs[c.pair]!.moneyUnits;
        }
      });
      for (const y of loadVars) if ((values.get(y.name) ?? 0) > 0.5) total += y.cost;
      return { families, cost: total, money: spent };
    },
  };
}

/** Runs CBC on an LP file and reads the variable values of its solution. */
export function runCbc(lpText: string, dir: string, name: string): Map<string, number> {
  const lpFile = join(dir, `${name}.lp`);
  const solFile = join(dir, `${name}.sol`);
  writeFileSync(lpFile, lpText);
  execFileSync("cbc", [lpFile, "solve", "solu", solFile], { stdio: "pipe", maxBuffer: 1 << 28 });
  const lines = readFileSync(solFile, "utf8").split("\n");
  if (!/^Optimal/.test(lines[0] ?? "")) throw new Error(`CBC did not prove optimality: ${lines[0]}`);
  const values = new Map<string, number>();
  for (const line of lines.slice(1)) {
    const m = /^\s*(?:\*\*)?\s*\d+\s+(\S+)\s+(\S+)/.exec(line);
    if (m) values.set(m[1]!, Number(m[2]));
  }
  return values;
}

/** Solves a model with CBC, lexicographically: the count first, then the cost. */
export function solveWithCbc(model: ScheduleModel, dir: string, name: string, budgetUnits?: number): { families: number; cost: number; money: number; seconds: number } {
  const started = process.hrtime.bigint();
  const stage1 = modelLp(model, "count", 0, budgetUnits);
  const first = stage1.count(runCbc(stage1.text, dir, `${name}-count`));
  const stage2 = modelLp(model, "cost", first.families, budgetUnits);
  const second = stage2.count(runCbc(stage2.text, dir, `${name}-cost`));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (second.families !== first.families) throw new Error("stage 2 changed the count");
  return { ...second, seconds };
}
