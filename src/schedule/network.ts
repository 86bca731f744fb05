import { FlowNetwork, type StagedArcs } from "./flow.js";
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
  /** With `pairBounds`: every pair's lower bound was met (otherwise the bounds admit no flow of this size). */
  lowerBoundsMet: boolean;
  /** Sum of arc costs (preferences, load, weeks) of the flow; equals the recomputed objective. */
  flowCost: number;
  moneyUnits: number;
  /** Primal-dual phases (one Dijkstra each). */
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
 * available slots, then a (language, slot) node, then a (language group, slot) node shared by the
 * pairs that speak the same set of languages. Families of one class are interchangeable on those
 * routes (same slots, same language, same cost), and so are the pairs of one group (same
 * language cost), so any flow decomposes into visits of the same cost, and every set of visits is
 * such a flow: the aggregation loses nothing. The route through the class to a preferred pair
 * costs more than the direct arc, so an optimal flow never uses it. Load is a convex cost: the k-th unit into the sink from a pair costs (k - 1) x weight.
 *
 * Arc costs are `scale.preference x preference + scale.money x money` (default: preference only).
 * With `budgetUnits`, augmentation stops at the first path whose money no longer fits; with
 * `limit`, after that many units. Because every augmentation follows a shortest path, the flow
 * after k units is of least cost among flows of k units.
 */
export function solveModel(model: ScheduleModel, options: SolveOptions = {}): Solution {
  const scale = options.scale ?? { preference: 1, money: 0 };
  const built = buildNetwork(model, scale, options.pairBounds, options.moneyDivisor ?? 1);
  const { net } = built;
  let spent = 0;
  let units = 0;
  const budget = options.budgetUnits;
  const limit = options.limit ?? Infinity;
  const plain = budget === undefined && limit === Infinity && options.pairBounds === undefined;
  const accept = plain
    ? undefined
    : (money: number) => {
        if (units >= limit || (budget !== undefined && spent + money > budget)) return false;
        spent += money;
        units++;
        return true;
      };
  const result = net.solve(built.source, built.sink, accept, built.staged);
  const certified = plain ? net.isOptimal() : false;
  const lowerBoundsMet = built.staged === undefined || result.firstStageFlow === built.lowerTotal;
  const assignments = built.decode();
  return {
    assignments,
    lowerBoundsMet,
    flowCost: scale.preference === 0 ? preferenceOf(model, assignments) : (result.cost - (scale.money * result.money) / (options.moneyDivisor ?? 1)) / scale.preference,
    moneyUnits: result.money,
    phases: result.phases,
    arcs: net.arcCount,
    nodes: net.nodes,
    certified,
  };
}

/**
 * The preference cost of a set of visits (own teacher, interpreter, week, load), as the flow
 * prices it when preference costs are in the arcs: for a flow solved on money alone.
 */
export function preferenceOf(model: ScheduleModel, assignments: readonly Assignment[]): number {
  const w = model.weights;
  const counts = fixedCounts(model);
  const perPair = model.pairs.map(() => 0);
  let total = 0;
  for (const a of assignments) {
    total += pairCost(model, model.families[a.family]!, a.pair)! + w.week * model.slots[a.slot]!.week;
    total += w.load * (counts.pair[a.pair]! + perPair[a.pair]!++);
  }
  return total;
}

/** How to weigh preference and money, and when to stop. */
export interface SolveOptions {
  /** Arc cost is `preference x preference cost + money x (money units / moneyDivisor)`. */
  scale?: { preference: number; money: number };
  /** A common divisor of every pair's money units, to keep scaled costs small (default 1). */
  moneyDivisor?: number;
  /** Bounds on the number of new visits of each pair (index as in `model.pairs`). */
  pairBounds?: PairBounds;
  budgetUnits?: number;
  limit?: number;
}

/**
 * A money weight larger than twice any total of preference costs of the model: with it, cost
 * `money x W + preference` orders flows by money first, then by preference.
 */
export function moneyFirstWeight(model: ScheduleModel): number {
  const w = model.weights;
  const F = model.families.length;
  const D = model.days;
  const Wk = Math.ceil(D / 7);
  const counts = fixedCounts(model);
  const maxLoad = model.pairs.map((p) => Math.min(p.slots.length, F, model.maxPerWeek * Wk, model.maxPerDay * D));
  const bound = F * (w.notOwnTeacher + w.interpreter + w.week * Wk) + maxLoad.reduce((s, k, p) => s + w.load * (k + counts.pair[p]!) ** 2, 0);
  return 2 * bound + 1;
}

/** The aggregated network of a model, and how to read visits off its flow once solved. */
export interface BuiltNetwork {
  net: FlowNetwork;
  source: number;
  sink: number;
  /** With pair bounds: the two-stage solve that enforces the lower bounds, and their sum. */
  staged?: StagedArcs;
  lowerTotal: number;
  decode(): Assignment[];
  /** The visits of a flow given arc by arc (index as returned by `net.addArc`), as {@link decode} reads the solved flow. */
  decodeFlows(flow: ArrayLike<number>): Assignment[];
  /**
   * The flow of a set of visits, arc by arc: each visit on its direct arc to a preferred pair,
   * otherwise through its class; the units into the sink fill each pair's arcs in order. Every
   * visit must be a choice of the model; the set must keep the slot, day and week capacities.
   */
  encode(assignments: readonly Assignment[]): Int32Array;
  /** Each pair's node (index as in `model.pairs`) and its arcs into the sink, in the order units fill them. */
  pairNodes: readonly number[];
  sinkArcs: readonly (readonly { arc: number; cap: number }[])[];
}

/** Builds the aggregated network of {@link solveModel} without solving it. */
export function buildNetwork(model: ScheduleModel, scale: { preference: number; money: number } = { preference: 1, money: 0 }, bounds?: PairBounds, moneyDivisor = 1): BuiltNetwork {
  const k = scale.preference;
  const w = { notOwnTeacher: k * model.weights.notOwnTeacher, interpreter: k * model.weights.interpreter, load: k * model.weights.load, week: k * model.weights.week };
  const F = model.families.length;
  const P = model.pairs.length;
  const S = model.slots.length;
  const D = model.days;
  const Wk = Math.ceil(D / 7);
  const counts = fixedCounts(model);
  const taken = new Uint8Array(P * S);
  for (const key of takenSlots(model)) {
    const [p, s] = key.split(":").map(Number) as [number, number];
    taken[p * S + s] = 1;
  }
  let next = 2;
  const source = 0;
  const sink = 1;
  const familyNode = model.families.map(() => next++);
  const pairNode = model.pairs.map(() => next++);
  const pairSlotNode = new Int32Array(P * S).fill(-1);
  const pairDayNode = new Int32Array(P * D).fill(-1);
  const pairWeekNode = new Int32Array(P * Wk).fill(-1);
  for (let p = 0; p < P; p++) {
    for (const s of model.pairs[p]!.slots) {
      if (taken[p * S + s] === 1) continue;
      const slot = model.slots[s]!;
      pairSlotNode[p * S + s] = next++;
      if (pairDayNode[p * D + slot.day] === -1) pairDayNode[p * D + slot.day] = next++;
      if (pairWeekNode[p * Wk + slot.week] === -1) pairWeekNode[p * Wk + slot.week] = next++;
    }
  }
  // Classes of families: same language, same slots. Groups of pairs: same languages.
  const languages = [...new Set(model.families.map((f) => f.language))];
  const languageIndex = new Map(languages.map((l, i) => [l, i]));
  const L = languages.length;
  const classOf = new Map<string, number>();
  const familyClass: number[] = [];
  const classFamilies: number[][] = [];
  const classKey: { language: number; slots: number[] }[] = [];
  model.families.forEach((f, fi) => {
    const key = `${f.language}\u0000${f.slots.join(",")}`;
    let c = classOf.get(key);
    if (c === undefined) {
      c = classFamilies.length;
      classOf.set(key, c);
      classFamilies.push([]);
      classKey.push({ language: languageIndex.get(f.language)!, slots: f.slots });
    }
    classFamilies[c]!.push(fi);
    familyClass.push(c);
  });
  const groupOf = new Map<string, number>();
  const pairGroup: number[] = [];
  const groupLanguages: Set<string>[] = [];
  for (const p of model.pairs) {
    const key = [...p.languages].sort().join(",");
    let g = groupOf.get(key);
    if (g === undefined) {
      g = groupLanguages.length;
      groupOf.set(key, g);
      groupLanguages.push(p.languages);
    }
    pairGroup.push(g);
  }
  const G = groupLanguages.length;
  const classNode = classFamilies.map(() => next++);
  const langSlotNode = new Int32Array(L * S).fill(-1);
  for (const k of classKey) for (const s of k.slots) if (langSlotNode[k.language * S + s] === -1) langSlotNode[k.language * S + s] = next++;
  const groupSlotNode = new Int32Array(G * S).fill(-1);
  const groupSlotPairs = new Map<number, number[]>();
  for (let p = 0; p < P; p++) {
    for (const s of model.pairs[p]!.slots) {
      if (taken[p * S + s] === 1) continue;
      const gs = pairGroup[p]! * S + s;
      if (groupSlotNode[gs] === -1) groupSlotNode[gs] = next++;
      (groupSlotPairs.get(gs) ?? groupSlotPairs.set(gs, []).get(gs)!).push(p);
    }
  }

  const maxLoad = model.pairs.map((p, i) => Math.min(p.slots.length, F, model.maxPerWeek * Wk, model.maxPerDay * D, bounds?.hi[i] ?? Infinity));
  const net = new FlowNetwork(next);
  const sourceArcs = model.families.map((_, fi) => net.addArc(source, familyNode[fi]!, 1, 0));
  const directArcs: { arc: number; family: number; pair: number; slot: number }[] = [];
  model.families.forEach((f, fi) => {
    for (const p of f.preferredPairs) {
      const base = pairCost(model, f, p);
      if (base === undefined) continue;
      const c = k * base;
      for (const s of f.slots) {
        const node = pairSlotNode[p * S + s]!;
        if (node !== -1) directArcs.push({ arc: net.addArc(familyNode[fi]!, node, 1, c + w.week * model.slots[s]!.week), family: fi, pair: p, slot: s });
      }
    }
  });
  const familyClassArcs = model.families.map((_, fi) => net.addArc(familyNode[fi]!, classNode[familyClass[fi]!]!, 1, w.notOwnTeacher));
  const classArcs: { arc: number; cls: number; langSlot: number }[] = [];
  classKey.forEach((k, c) => {
    for (const s of k.slots) {
      const ls = k.language * S + s;
      classArcs.push({ arc: net.addArc(classNode[c]!, langSlotNode[ls]!, classFamilies[c]!.length, w.week * model.slots[s]!.week), cls: c, langSlot: ls });
    }
  });
  const langGroupArcs: { arc: number; langSlot: number; groupSlot: number }[] = [];
  for (let l = 0; l < L; l++) {
    for (let s = 0; s < S; s++) {
      const node = langSlotNode[l * S + s]!;
      if (node === -1) continue;
      for (let g = 0; g < G; g++) {
        const gs = g * S + s;
        if (groupSlotNode[gs] === -1) continue;
        const shared = groupLanguages[g]!.has(languages[l]!);
        if (!shared && model.requireSharedLanguage) continue;
        langGroupArcs.push({ arc: net.addArc(node, groupSlotNode[gs]!, groupSlotPairs.get(gs)!.length, shared ? 0 : w.interpreter), langSlot: l * S + s, groupSlot: gs });
      }
    }
  }
  const groupPairArcs: { arc: number; groupSlot: number; pair: number; slot: number }[] = [];
  const slotDayArc = new Int32Array(P * S).fill(-1);
  const dayWeekArc = new Int32Array(P * D).fill(-1);
  const weekPairArc = new Int32Array(P * Wk).fill(-1);
  const sinkArcs: { arc: number; cap: number }[][] = model.pairs.map(() => []);
  const locked: number[] = [];
  const closed: number[] = [];
  let lowerTotal = 0;
  for (const [gs, list] of groupSlotPairs) {
    const s = gs % S;
    for (const p of list) groupPairArcs.push({ arc: net.addArc(groupSlotNode[gs]!, pairSlotNode[p * S + s]!, 1, 0), groupSlot: gs, pair: p, slot: s });
  }
  for (let p = 0; p < P; p++) {
    const money = model.pairs[p]!.moneyUnits;
    for (const s of model.pairs[p]!.slots) {
      const node = pairSlotNode[p * S + s]!;
      if (node !== -1) slotDayArc[p * S + s] = net.addArc(node, pairDayNode[p * D + model.slots[s]!.day]!, 1, (scale.money * money) / moneyDivisor, money);
    }
    for (let d = 0; d < D; d++) {
      const node = pairDayNode[p * D + d]!;
      const cap = model.maxPerDay - (counts.day.get(`${p}:${d}`) ?? 0);
      if (node !== -1 && cap > 0) dayWeekArc[p * D + d] = net.addArc(node, pairWeekNode[p * Wk + Math.floor(d / 7)]!, cap, 0);
    }
    for (let k = 0; k < Wk; k++) {
      const node = pairWeekNode[p * Wk + k]!;
      const cap = model.maxPerWeek - (counts.week.get(`${p}:${k}`) ?? 0);
      if (node !== -1 && cap > 0) weekPairArc[p * Wk + k] = net.addArc(node, pairNode[p]!, cap, 0);
    }
    const already = counts.pair[p]!;
    const lo = Math.min(bounds?.lo[p] ?? 0, maxLoad[p]!);
    lowerTotal += bounds?.lo[p] ?? 0;
    // The first `lo` units into the sink are the cheapest (load costs increase), so a flow with
    // at least `lo` visits of the pair may as well use them: they are locked after stage 1.
    const toSink = (cap: number, cost: number): number => {
      const arc = net.addArc(pairNode[p]!, sink, cap, cost);
      sinkArcs[p]!.push({ arc, cap });
      return arc;
    };
    if (w.load === 0) {
      if (lo > 0) locked.push(toSink(lo, 0));
      if (maxLoad[p]! > lo) closed.push(toSink(maxLoad[p]! - lo, 0));
    } else {
      for (let n = 1; n <= maxLoad[p]!; n++) (n <= lo ? locked : closed).push(toSink(1, w.load * (already + n - 1)));
    }
  }

  // Decode: direct arcs; then (group, slot) -> pair units, handed to (language, slot) nodes, handed to classes.
  const decodeWith = (flow: (arc: number) => number): Assignment[] => {
    const assignments: Assignment[] = [];
    for (const d of directArcs) if (flow(d.arc) > 0) assignments.push({ family: d.family, pair: d.pair, slot: d.slot });
    const pairUnitsAt = new Map<number, { pair: number; slot: number }[]>();
    for (const a of groupPairArcs) if (flow(a.arc) > 0) (pairUnitsAt.get(a.groupSlot) ?? pairUnitsAt.set(a.groupSlot, []).get(a.groupSlot)!).push({ pair: a.pair, slot: a.slot });
    const unitsAt = new Map<number, { pair: number; slot: number }[]>();
    for (const a of langGroupArcs) {
      for (let k = flow(a.arc); k > 0; k--) (unitsAt.get(a.langSlot) ?? unitsAt.set(a.langSlot, []).get(a.langSlot)!).push(pairUnitsAt.get(a.groupSlot)!.pop()!);
    }
    const waiting = classFamilies.map((members) => members.filter((fi) => flow(familyClassArcs[fi]!) > 0));
    for (const ca of classArcs) {
      for (let k = flow(ca.arc); k > 0; k--) assignments.push({ family: waiting[ca.cls]!.pop()!, pair: unitsAt.get(ca.langSlot)!.pop()!.pair, slot: ca.langSlot % S });
    }
    return assignments;
  };
  const decode = (): Assignment[] => decodeWith((a) => net.flow(a));
  const decodeFlows = (flow: ArrayLike<number>): Assignment[] => decodeWith((a) => flow[a]!);
  // Lookups for encode, built on its first call (the plain solve never needs them).
  let lookups: { direct: Map<number, number>; cls: Map<number, number>; langGroup: Map<number, number>; groupPair: Map<number, number> } | undefined;
  const encode = (assignments: readonly Assignment[]): Int32Array => {
    if (lookups === undefined) {
      lookups = { direct: new Map(), cls: new Map(), langGroup: new Map(), groupPair: new Map() };
      for (const d of directArcs) lookups.direct.set((d.family * P + d.pair) * S + d.slot, d.arc);
      for (const a of classArcs) lookups.cls.set(a.cls * S + (a.langSlot % S), a.arc);
      for (const a of langGroupArcs) lookups.langGroup.set(a.langSlot * G * S + a.groupSlot, a.arc);
      for (const a of groupPairArcs) lookups.groupPair.set(a.groupSlot * P + a.pair, a.arc);
    }
    const { direct: directArcAt, cls: classArcAt, langGroup: langGroupArcAt, groupPair: groupPairArcAt } = lookups;
    const flow = new Int32Array(net.arcCount);
    const perPair = new Int32Array(P);
    const arcOf = (arc: number | undefined): number => {
      if (arc === undefined || arc < 0) throw new Error("encode: a visit is not a choice of the network");
      return arc;
    };
    for (const a of assignments) {
      const f = model.families[a.family]!;
      const slot = model.slots[a.slot]!;
      flow[sourceArcs[a.family]!]!++;
      const direct = directArcAt.get((a.family * P + a.pair) * S + a.slot);
      if (direct !== undefined) flow[direct]!++;
      else {
        const c = familyClass[a.family]!;
        const ls = languageIndex.get(f.language)! * S + a.slot;
        const gs = pairGroup[a.pair]! * S + a.slot;
        flow[familyClassArcs[a.family]!]!++;
        flow[arcOf(classArcAt.get(c * S + a.slot))]!++;
        flow[arcOf(langGroupArcAt.get(ls * G * S + gs))]!++;
        flow[arcOf(groupPairArcAt.get(gs * P + a.pair))]!++;
      }
      flow[arcOf(slotDayArc[a.pair * S + a.slot])]!++;
      flow[arcOf(dayWeekArc[a.pair * D + slot.day])]!++;
      flow[arcOf(weekPairArc[a.pair * Wk + slot.week])]!++;
      let n = perPair[a.pair]!++;
      let placed = false;
      for (const s of sinkArcs[a.pair]!) {
        if (n < s.cap) {
          flow[s.arc]!++;
          placed = true;
          break;
        }
        n -= s.cap;
      }
      if (!placed) throw new Error("encode: a pair has more visits than the network admits");
    }
    return flow;
  };
  const staged = bounds !== undefined && lowerTotal > 0 ? { closed, locked } : undefined;
  return { net, source, sink, decode, decodeFlows, encode, pairNodes: pairNode, sinkArcs, ...(staged ? { staged } : {}), lowerTotal };
}

/** Least and most new visits of each pair (index as in `model.pairs`). */
export interface PairBounds {
  lo: readonly number[];
  hi: readonly number[];
}
