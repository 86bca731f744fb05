import { FlowNetwork } from "./flow.js";
import { fixedCounts, pairCost, takenSlots, type ScheduleModel } from "./model.js";

/** One family placed with a pair in a slot. */
export interface Assignment {
  family: number;
  pair: number;
  slot: number;
}

/** What the solver found, with the figures that explain it. */
export interface Solution {
  assignments: Assignment[];
  /** Sum of arc costs (preferences, load, dates) of the flow; equals the recomputed objective. */
  flowCost: number;
  moneyUnits: number;
  phases: number;
  arcs: number;
  nodes: number;
  /** The dual certificate held: no residual arc has a negative reduced cost. */
  certified: boolean;
}

/**
 * Solves the model as a minimum-cost maximum flow on an aggregated network, exact for the model:
 *
 * source -> family -> (pair, slot) -> (pair, day) -> (pair, week) -> pair -> sink
 *
 * A family reaches the (pair, slot) nodes of its preferred pairs directly. To every other pair it
 * goes through a class node shared by the families with the same home language and the same
 * available slots, then a (language, slot) node. Families of one class are interchangeable on
 * those routes (same slots, same language, same cost), so any flow decomposes into visits of the
 * same cost, and every set of visits is such a flow: the aggregation loses nothing. The route
 * through the class to a preferred pair costs more than the direct arc, so an optimal flow never
 * uses it. Load is a convex cost: the k-th unit into the sink from a pair costs (k - 1) x weight.
 *
 * With `budgetUnits`, money is put first (cost x W + preference, W larger than any preference
 * total) and augmentation stops at the first path that no longer fits: the count is then the
 * largest that fits the budget, at the least money.
 */
export function solveModel(model: ScheduleModel, budgetUnits?: number): Solution {
  const w = model.weights;
  const F = model.families.length;
  const P = model.pairs.length;
  const taken = takenSlots(model);
  const counts = fixedCounts(model);
  let next = 2;
  const source = 0;
  const sink = 1;
  const familyNode = model.families.map(() => next++);
  const pairNode = model.pairs.map(() => next++);
  const pairSlotNode = new Map<string, number>();
  const pairDayNode = new Map<string, number>();
  const pairWeekNode = new Map<string, number>();
  for (let p = 0; p < P; p++) {
    for (const s of model.pairs[p]!.slots) {
      if (taken.has(`${p}:${s}`)) continue;
      const slot = model.slots[s]!;
      pairSlotNode.set(`${p}:${s}`, next++);
      if (!pairDayNode.has(`${p}:${slot.day}`)) pairDayNode.set(`${p}:${slot.day}`, next++);
      if (!pairWeekNode.has(`${p}:${slot.week}`)) pairWeekNode.set(`${p}:${slot.week}`, next++);
    }
  }
  // Classes: same language, same slots.
  const classOf = new Map<string, number>();
  const classFamilies: number[][] = [];
  const classKey: { language: string; slots: number[] }[] = [];
  model.families.forEach((f, fi) => {
    const key = `${f.language}\u0000${f.slots.join(",")}`;
    let c = classOf.get(key);
    if (c === undefined) {
      c = classFamilies.length;
      classOf.set(key, c);
      classFamilies.push([]);
      classKey.push({ language: f.language, slots: f.slots });
    }
    classFamilies[c]!.push(fi);
  });
  const classNode = classFamilies.map(() => next++);
  const langSlotNode = new Map<string, number>();
  for (const k of classKey) for (const s of k.slots) if (!langSlotNode.has(`${k.language}\u0000${s}`)) langSlotNode.set(`${k.language}\u0000${s}`, next++);

  // Money first when a budget binds: W exceeds twice any total of preference costs.
  const maxLoad = model.pairs.map((p) => Math.min(p.slots.length, F));
  const prefBound = F * (w.notOwnTeacher + w.interpreter + w.day * model.days) + maxLoad.reduce((s, k, p) => s + w.load * (k + counts.pair[p]!) ** 2, 0);
  const W = budgetUnits === undefined ? 0 : 2 * prefBound + 1;
  const net = new FlowNetwork(next);
  const directArcs: { arc: number; family: number; pair: number; slot: number }[] = [];
  for (let fi = 0; fi < F; fi++) net.addArc(source, familyNode[fi]!, 1, 0);
  model.families.forEach((f, fi) => {
    const fslots = new Set(f.slots);
    for (const p of f.preferredPairs) {
      const c = pairCost(model, f, p);
      if (c === undefined) continue;
      for (const s of model.pairs[p]!.slots) {
        const node = pairSlotNode.get(`${p}:${s}`);
        if (node === undefined || !fslots.has(s)) continue;
        directArcs.push({ arc: net.addArc(familyNode[fi]!, node, 1, c + w.day * model.slots[s]!.day), family: fi, pair: p, slot: s });
      }
    }
  });
  const familyClassArcs = model.families.map((f, fi) => net.addArc(familyNode[fi]!, classNode[classOf.get(`${f.language}\u0000${f.slots.join(",")}`)!]!, 1, w.notOwnTeacher));
  const classArcs: { arc: number; cls: number; langSlot: string }[] = [];
  classKey.forEach((k, c) => {
    for (const s of k.slots) {
      const key = `${k.language}\u0000${s}`;
      classArcs.push({ arc: net.addArc(classNode[c]!, langSlotNode.get(key)!, classFamilies[c]!.length, w.day * model.slots[s]!.day), cls: c, langSlot: key });
    }
  });
  const langArcs = new Map<string, { arc: number; pair: number; slot: number }[]>();
  const pairsAt = new Map<number, number[]>();
  model.pairs.forEach((p, pi) => {
    for (const s of p.slots) if (!taken.has(`${pi}:${s}`)) (pairsAt.get(s) ?? pairsAt.set(s, []).get(s)!).push(pi);
  });
  for (const [key, node] of langSlotNode) {
    const [language, slotText] = key.split("\u0000") as [string, string];
    const s = Number(slotText);
    const list: { arc: number; pair: number; slot: number }[] = [];
    for (const pi of pairsAt.get(s) ?? []) {
      const shared = model.pairs[pi]!.languages.has(language);
      if (!shared && model.requireSharedLanguage) continue;
      list.push({ arc: net.addArc(node, pairSlotNode.get(`${pi}:${s}`)!, 1, shared ? 0 : w.interpreter), pair: pi, slot: s });
    }
    langArcs.set(key, list);
  }
  for (const [key, node] of pairSlotNode) {
    const [p, s] = key.split(":").map(Number) as [number, number];
    const slot = model.slots[s]!;
    const money = model.pairs[p]!.moneyUnits;
    net.addArc(node, pairDayNode.get(`${p}:${slot.day}`)!, 1, W * money, money);
  }
  for (const [key, node] of pairDayNode) {
    const [p, d] = key.split(":").map(Number) as [number, number];
    const cap = model.maxPerDay - (counts.day.get(key) ?? 0);
    if (cap > 0) net.addArc(node, pairWeekNode.get(`${p}:${Math.floor(d / 7)}`)!, cap, 0);
  }
  for (const [key, node] of pairWeekNode) {
    const p = Number(key.split(":")[0]);
    const cap = model.maxPerWeek - (counts.week.get(key) ?? 0);
    if (cap > 0) net.addArc(node, pairNode[p]!, cap, 0);
  }
  model.pairs.forEach((_, p) => {
    const already = counts.pair[p]!;
    if (w.load === 0) net.addArc(pairNode[p]!, sink, maxLoad[p]!, 0);
    else for (let k = 1; k <= maxLoad[p]!; k++) net.addArc(pairNode[p]!, sink, 1, w.load * (already + k - 1));
  });

  let spent = 0;
  const accept = budgetUnits === undefined ? undefined : (money: number) => (spent + money <= budgetUnits ? ((spent += money), true) : false);
  const result = net.solve(source, sink, accept);
  const certified = budgetUnits === undefined ? net.isOptimal() : false;

  // Decode: direct arcs, then classes through (language, slot) nodes.
  const assignments: Assignment[] = [];
  for (const d of directArcs) if (net.flow(d.arc) > 0) assignments.push({ family: d.family, pair: d.pair, slot: d.slot });
  const unitsAt = new Map<string, { pair: number; slot: number }[]>();
  for (const [key, list] of langArcs) unitsAt.set(key, list.filter((l) => net.flow(l.arc) > 0));
  const waiting = classFamilies.map((members) => members.filter((fi) => net.flow(familyClassArcs[fi]!) > 0));
  for (const ca of classArcs) {
    for (let k = net.flow(ca.arc); k > 0; k--) {
      const unit = unitsAt.get(ca.langSlot)!.pop()!;
      const family = waiting[ca.cls]!.pop()!;
      assignments.push({ family, pair: unit.pair, slot: unit.slot });
    }
  }
  return {
    assignments,
    flowCost: budgetUnits === undefined ? result.cost : result.cost - W * result.money,
    moneyUnits: result.money,
    phases: result.phases,
    arcs: net.arcCount,
    nodes: next,
    certified,
  };
}
