import type { ScheduleModel } from "./model.js";
import { buildNetwork, preferenceOf, solveModel, type BuiltNetwork, type PairBounds, type Solution } from "./network.js";

/** What the budget search found, with its bound. */
export interface BudgetSearch {
  solution: Solution;
  /** Lower bound on the preference cost of any schedule of that count within budget. */
  lowerBound: number;
  /** The preference cost is proved least: the search finished (or the bound met the schedule). */
  exact: boolean;
  /** Flows solved. */
  evaluations: number;
  /** Branch-and-bound nodes explored. */
  nodes: number;
  /** The search stopped at its limit of flow solves before it finished. */
  limitHit: boolean;
  /** Every pair is paid the same per visit, so the budget was a cap on the count (one flow). */
  uniform?: boolean;
}

/** Limits of the budget search. */
export interface BudgetSearchOptions {
  /** Most flows solved in the branch and bound (default 5,000). */
  maxFlows?: number;
  /**
   * Most work, in arc-phases: each primal-dual phase of a flow solve counts the network's arcs
   * (one Dijkstra). Default {@link DEFAULT_BUDGET_WORK}. A count of operations, not a clock, so
   * the result is the same on every machine.
   */
  maxWork?: number;
}

/**
 * The default work limit of the budget search, in arc-phases: 500 million, about 15 to 20 s of
 * one core of the project machine at most. The reference instances use at most a few hundred
 * thousand. On the 155,000-arc network of 5,000 families a Lagrangian flow takes about 1,600
 * phases (8 s), so the search stops there after a few flows with the gap reported; raise
 * `options.budgetSearchWork` to narrow it. After such a stop the best schedule is improved by
 * {@link improveByMoves} within a further quarter of the limit, counted in arc scans.
 */
export const DEFAULT_BUDGET_WORK = 5e8;

/**
 * A budget in the model's money units (1/6000 of the currency), less the rounding headroom: pay
 * is rounded to cents per line (visits and travel, reflections) and per educator by `payFor`, so
 * the reported season pay can exceed the exact amount by up to a cent per educator; the model
 * keeps that cent free for every educator of a pair that may visit, so the rounded season pay
 * never exceeds the budget.
 */
export function budgetUnitsFor(budget: number, educators: number): number {
  return Math.floor(budget * 6000 + 1e-6) - 60 * educators;
}

interface Node {
  lo: number[];
  hi: number[];
  /** Lower bound inherited from the parent (integer). */
  bound: number;
  /** The parent's best price (preference and money scales), where the search starts. */
  price?: [number, number];
  /** Flows of the parent that the node admits (the one its bounds do not exclude). */
  inherited: Solution[];
}

/**
 * Local search from a schedule within budget: moves one visit from a pair p to a pair p' (or
 * within one pair) along the cheapest path in the flow's residual network, if the money it adds
 * fits the room left and it lowers the preference cost; repeated while a move helps. Cycles that
 * avoid the sink keep every pair's count, so they change no money; the schedule is optimal for
 * some Lagrangian price, so none of them lowers the preference: shortest paths between pair
 * nodes (Bellman-Ford with a queue, sink left out) are well defined. At most `rounds` moves;
 * stops once the cost reaches `target`.
 */
export function improveByMoves(model: ScheduleModel, canonical: BuiltNetwork, start: Solution, budgetUnits: number, target: number, limits: { rounds?: number; scans?: number } = {}): { solution?: Solution; scans: number } {
  const { net, encode, decodeFlows, sink, pairNodes, sinkArcs } = canonical;
  let flow: Int32Array;
  try {
    flow = encode(start.assignments);
  } catch {
    return { scans: 0 };
  }
  const arcs = net.arcList();
  const m = arcs.length;
  const from = Int32Array.from(arcs, (a) => a.from);
  const to = Int32Array.from(arcs, (a) => a.to);
  const capacity = Int32Array.from(arcs, (a) => a.capacity);
  const arcCost = Float64Array.from(arcs, (a) => a.cost);
  const n = net.nodes;
  const P = model.pairs.length;
  const rounds = limits.rounds ?? 20;
  const maxScans = limits.scans ?? Infinity;
  let scans = 0;
  let moneyNow = start.moneyUnits;
  let best: Solution | undefined;
  let cost = start.flowCost;
  const dist = new Float64Array(n);
  const pred = new Int32Array(n); // signed arc: a + 1 forward, -(a + 1) backward
  const inQueue = new Uint8Array(n);
  // Residual adjacency without the sink, compressed: signed arcs grouped by node.
  const degree = new Int32Array(n + 1);
  for (let a = 0; a < m; a++) {
    if (from[a] === sink || to[a] === sink) continue;
    degree[from[a]! + 1]!++;
    degree[to[a]! + 1]!++;
  }
  for (let v = 0; v < n; v++) degree[v + 1]! += degree[v]!;
  const fill = degree.slice(0, n);
  const adjacency = new Int32Array(degree[n]!);
  for (let a = 0; a < m; a++) {
    if (from[a] === sink || to[a] === sink) continue;
    adjacency[fill[from[a]!]!++] = a + 1;
    adjacency[fill[to[a]!]!++] = -(a + 1);
  }
  const lastUnit = (p: number): number => {
    let last = -1;
    for (const s of sinkArcs[p]!) if (flow[s.arc]! > 0) last = s.arc;
    return last;
  };
  const nextUnit = (q: number, freed: number): number => {
    for (const s of sinkArcs[q]!) if (flow[s.arc]! + (s.arc === freed ? -1 : 0) < s.cap) return s.arc;
    return -1;
  };
  for (let round = 0; round < rounds && cost > target && scans < maxScans; round++) {
    // The cheapest move out of each pair that fits the money left, from one shortest-path tree each.
    const moves: { pref: number; p: number; q: number; path: number[] }[] = [];
    for (let p = 0; p < P && scans < maxScans; p++) {
      const last = lastUnit(p);
      if (last === -1) continue;
      dist.fill(Infinity);
      const origin = pairNodes[p]!;
      dist[origin] = 0;
      const queue: number[] = [origin];
      inQueue[origin] = 1;
      let cycle = false;
      for (let head = 0; head < queue.length; head++) {
        const u = queue[head]!;
        inQueue[u] = 0;
        const du = dist[u]!;
        for (let i = degree[u]!, end = degree[u + 1]!; i < end; i++) {
          const signed = adjacency[i]!;
          let v: number;
          let d: number;
          if (signed > 0) {
            const a = signed - 1;
            if (flow[a]! >= capacity[a]!) continue;
            v = to[a]!;
            d = du + arcCost[a]!;
          } else {
            const a = -signed - 1;
            if (flow[a]! <= 0) continue;
            v = from[a]!;
            d = du - arcCost[a]!;
          }
          if (d < dist[v]! - 1e-9) {
            dist[v] = d;
            pred[v] = signed;
            if (inQueue[v] === 0) {
              inQueue[v] = 1;
              queue.push(v);
            }
          }
        }
        scans += degree[u + 1]! - degree[u]!;
        if (queue.length > 20 * n) {
          cycle = true; // a negative cycle: not an optimum at any price; leave this pair
          break;
        }
      }
      for (let head = 0; head < queue.length; head++) inQueue[queue[head]!] = 0;
      if (cycle) continue;
      let move: { pref: number; p: number; q: number } | undefined;
      for (let q = 0; q < P; q++) {
        if (q === p || dist[pairNodes[q]!] === Infinity) continue;
        if (moneyNow + model.pairs[q]!.moneyUnits - model.pairs[p]!.moneyUnits > budgetUnits) continue;
        const next = nextUnit(q, last);
        if (next === -1) continue;
        const pref = dist[pairNodes[q]!]! - arcCost[last]! + arcCost[next]!;
        if (pref < -1e-9 && (move === undefined || pref < move.pref)) move = { pref, p, q };
      }
      if (move === undefined) continue;
      const path: number[] = [];
      for (let v = pairNodes[move.q]!; v !== origin && path.length <= n; ) {
        const signed = pred[v]!;
        path.push(signed);
        v = signed > 0 ? from[signed - 1]! : to[-signed - 1]!;
      }
      if (path.length <= n) moves.push({ ...move, path });
    }
    if (moves.length === 0) break;
    // Apply the moves best first while each still keeps the capacities, fits and helps.
    moves.sort((x, y) => x.pref - y.pref || x.p - y.p);
    let applied = 0;
    for (const move of moves) {
      const last = lastUnit(move.p);
      if (last === -1) continue;
      const next = nextUnit(move.q, last);
      if (next === -1) continue;
      const trial = flow.slice();
      trial[last]!--;
      for (const signed of move.path) trial[Math.abs(signed) - 1]! += signed > 0 ? 1 : -1;
      trial[next]!++;
      if ([last, next, ...move.path.map((x) => Math.abs(x) - 1)].some((a) => trial[a]! < 0 || trial[a]! > capacity[a]!)) continue;
      const assignments = decodeFlows(trial);
      const moneyUnits = assignments.reduce((sum, a) => sum + model.pairs[a.pair]!.moneyUnits, 0);
      const pref = preferenceOf(model, assignments);
      if (assignments.length !== start.assignments.length || moneyUnits > budgetUnits || pref >= cost) continue;
      flow = trial;
      moneyNow = moneyUnits;
      cost = pref;
      best = { ...start, assignments, flowCost: pref, moneyUnits, phases: 0, certified: false };
      applied++;
      if (cost <= target) break;
    }
    if (applied === 0) break;
  }
  return best === undefined ? { scans } : { solution: best, scans };
}

const gcd = (a: number, b: number): number => {
  a = Math.abs(a);
  b = Math.abs(b);
  while (b) [a, b] = [b, a % b];
  return a;
};

/**
 * Schedules within a budget, a side constraint that breaks the flow structure. The money of a
 * schedule is `sum over pairs of (visits of the pair) x (the pair's pay per visit)`, and pay rates
 * differ by educator, so pairs differ in cost: a knapsack-like constraint on the pairs' visit
 * counts, NP-hard in general. Solved exactly by branch and bound:
 *
 * 1. The count: least money first (arc costs are money alone), stopping at the first unit that no
 *    longer fits. Successive shortest paths give the least money for every count, so the count k
 *    reached is the largest whose cheapest schedule fits: exact.
 * 2. The preference cost among k-visit schedules within budget. At each node (bounds on each
 *    pair's visit count, enforced in the flow by arc capacities and locked arcs) the Lagrangian
 *    dual of the budget (Fisher, "The Lagrangian relaxation method for solving integer programming
 *    problems", Management Science 27, 1981) is solved exactly: for a money price `lambda`, the
 *    least `preference + lambda x money` over k-unit flows is a flow problem, and
 *    `min(preference + lambda x (money - budget))` is a lower bound. `lambda` is found by the
 *    cutting-plane (Newton) iteration on the two flows that bracket the budget, with `lambda`
 *    an exact ratio of integers, so it ends at the dual optimum. While the exact ratio has a
 *    large denominator, a nearby price with a small one is tried first (its flow has far fewer
 *    distinct path lengths, so far fewer primal-dual phases; the cap doubles each time). Every flow that
 *    fits the budget is a candidate. A node is pruned when its bound reaches the best candidate;
 *    otherwise it is split on a pair whose visit count differs between the two bracketing flows
 *    (at most t visits, or at least t + 1). Nodes are explored best bound first.
 *
 * The search is exact when it finishes. It stops when its work (arc-phases, checked before each
 * flow, so one flow may pass the limit) reaches `maxWork`, or after `maxFlows` flows; the best
 * schedule found and the least bound of the open nodes are then reported (`exact: false` unless
 * they meet, the gap known).
 */
export function solveWithinBudget(model: ScheduleModel, budgetUnits: number, options: BudgetSearchOptions = {}): BudgetSearch {
  // Money in units of the greatest common divisor of the pairs' pay per visit: smaller numbers, same order.
  const divisor = model.pairs.reduce((g, p) => gcd(g, p.moneyUnits), 0) || 1;
  if (model.pairs.length > 0 && model.pairs.every((p) => p.moneyUnits === divisor)) {
    // Every visit costs the same: the budget only caps the count, and successive shortest paths
    // stopped at that count give the least preference cost among flows of that count. Exact.
    const solution = solveModel(model, { limit: Math.floor(budgetUnits / divisor) });
    return { solution, lowerBound: solution.flowCost, exact: true, evaluations: 1, nodes: 0, limitHit: false, uniform: true };
  }
  // Money alone (few distinct path lengths, so few phases); the preference of the flow is recomputed.
  const first = solveModel(model, { scale: { preference: 0, money: 1 }, moneyDivisor: divisor, budgetUnits });
  const k = first.assignments.length;
  let best = first;
  let evaluations = 1;
  let work = first.phases * first.arcs;
  const P = model.pairs.length;
  if (k === 0) return { solution: best, lowerBound: 0, exact: true, evaluations, nodes: 0, limitHit: false };
  const maxFlows = options.maxFlows ?? 5000;
  const maxWork = options.maxWork ?? DEFAULT_BUDGET_WORK;
  const spent = () => evaluations >= maxFlows || work >= maxWork;
  const B = Math.floor(budgetUnits / divisor);
  const unitsOf = (s: Solution) => s.moneyUnits / divisor;
  const countsOf = (s: Solution) => {
    const n = new Array<number>(P).fill(0);
    for (const a of s.assignments) n[a.pair]!++;
    return n;
  };
  const solve = (bounds: PairBounds, preference: number, money: number): Solution | undefined => {
    evaluations++;
    const s = solveModel(model, { scale: { preference, money }, moneyDivisor: divisor, limit: k, pairBounds: bounds });
    work += s.phases * s.arcs;
    if (s.assignments.length < k || !s.lowerBoundsMet) return undefined;
    if (unitsOf(s) <= B && s.flowCost < best.flowCost) best = s;
    return s;
  };
  /**
   * The node's Lagrangian bound, the price that gave it, and the two flows that bracket the budget
   * at that price (none when the node is solved, pruned or empty); `unfinished` when the work limit
   * came first. A node starts from its parent's price and the parent's bracketing flow it still
   * admits, so most nodes are pruned or settled in a few solves.
   */
  const evaluate = (node: Node): { bound: number; price?: [number, number]; split?: { over: Solution; within: Solution }; unfinished?: boolean } | undefined => {
    const bounds = { lo: node.lo, hi: node.hi };
    let over: Solution | undefined;
    let within: Solution | undefined;
    for (const x of node.inherited) if (unitsOf(x) > B) over = x;
    else within = x;
    let overIsLeastPreference = false;
    let denominator = node.price === undefined ? 2 : Infinity; // children start near their parent's price: exact steps
    let lagrangian = -Infinity;
    let price: [number, number] | undefined;
    const place = (x: Solution) => {
      if (unitsOf(x) > B) over = x;
      else within = x;
    };
    if (node.price !== undefined) {
      const [q, p] = node.price;
      const x = solve(bounds, q, p);
      if (x === undefined) return undefined;
      lagrangian = (q * x.flowCost + p * (unitsOf(x) - B)) / q;
      price = node.price;
      if (ceil(lagrangian) >= best.flowCost) return { bound: lagrangian, price };
      place(x);
    }
    if (within === undefined) {
      within = solve(bounds, 0, 1);
      if (within === undefined || unitsOf(within) > B) return undefined; // no k-visit schedule of the node fits
    }
    for (;;) {
      if (over === undefined || (over !== undefined && within.flowCost <= over.flowCost && !overIsLeastPreference)) {
        // The least preference of the node (lambda = 0): the optimum if it fits.
        if (spent()) return { bound: lagrangian, unfinished: true };
        const x = solve(bounds, 1, 0);
        if (x === undefined) return undefined;
        lagrangian = Math.max(lagrangian, x.flowCost);
        if (unitsOf(x) <= B) return { bound: x.flowCost };
        over = x;
        overIsLeastPreference = true;
      }
      // lambda = dPref / dMoney, the slope of the line through both flows.
      const dPref = within.flowCost - over.flowCost;
      const dMoney = unitsOf(over) - unitsOf(within);
      if (dPref <= 0) return { bound: within.flowCost }; // over has the least preference, and within does as well
      if (spent()) return { bound: lagrangian, unfinished: true };
      const g = gcd(dPref, dMoney);
      const q = dMoney / g;
      const p = dPref / g;
      if (q > denominator) {
        // A nearby price with a small denominator first: small integer costs make few distinct
        // path lengths, so few phases (a flow at lambda = 1 costs a seventh of one at 29 / 35).
        // Any price gives a valid bound; the cap doubles at each step, so the exact step follows.
        const qs = denominator;
        const ps = Math.max(1, Math.round((p * qs) / q));
        denominator *= 2;
        const h = gcd(ps, qs);
        const [qa, pa] = [qs / h, ps / h];
        const x = solve(bounds, qa, pa);
        if (x === undefined) return undefined;
        const value = (qa * x.flowCost + pa * (unitsOf(x) - B)) / qa;
        if (value > lagrangian) {
          lagrangian = value;
          price = [qa, pa];
        }
        if (ceil(lagrangian) >= best.flowCost) return { bound: lagrangian };
        if (unitsOf(x) > B ? x.flowCost > over.flowCost || (x.flowCost === over.flowCost && unitsOf(x) < unitsOf(over)) : x.flowCost < within.flowCost) place(x);
        continue;
      }
      const line = q * over.flowCost + p * unitsOf(over);
      const x = solve(bounds, q, p);
      if (x === undefined) return undefined;
      const value = q * x.flowCost + p * unitsOf(x);
      if ((value - p * B) / q > lagrangian) {
        lagrangian = (value - p * B) / q;
        price = [q, p];
      }
      // x minimises preference + lambda x money, so value <= line; equality: lambda is optimal.
      if (value >= line) return { bound: lagrangian, ...(price ? { price } : {}), split: { over, within } };
      if (ceil(lagrangian) >= best.flowCost) return { bound: lagrangian };
      place(x);
    }
  };
  const ceil = (x: number) => Math.ceil(x - 1e-9);
  const open: Node[] = [{ lo: new Array<number>(P).fill(0), hi: new Array<number>(P).fill(k), bound: -Infinity, inherited: [] }];
  let nodes = 0;
  let limitHit = false;
  let canonical: BuiltNetwork | undefined;
  while (open.length > 0) {
    // Best bound first; ties to the node found first.
    let at = 0;
    for (let i = 1; i < open.length; i++) if (open[i]!.bound < open[at]!.bound) at = i;
    const node = open[at]!;
    if (node.bound >= best.flowCost) {
      open.length = 0;
      break;
    }
    if (spent()) {
      limitHit = true;
      break;
    }
    open.splice(at, 1);
    nodes++;
    const result = evaluate(node);
    if (result === undefined) continue;
    const bound = Math.max(node.bound, ceil(result.bound));
    if (result.unfinished) {
      open.push({ ...node, bound });
      limitHit = true;
      break;
    }
    if (bound >= best.flowCost || result.split === undefined) continue;
    const { over, within } = result.split;
    canonical ??= buildNetwork(model);
    // Primal heuristic: improve the node's best fitting flow (and the incumbent) by moving visits
    // between pairs while the money fits; often reaches the bound and prunes the node at once.
    for (const startAt of within === best ? [within] : [within, best]) {
      if (bound >= best.flowCost) break;
      const moved = improveByMoves(model, canonical, startAt, budgetUnits, bound, { scans: maxWork / 20 });
      work += moved.scans;
      if (moved.solution !== undefined && moved.solution.flowCost < best.flowCost) best = moved.solution;
    }
    if (bound >= best.flowCost) continue;
    const a = countsOf(over);
    const b = countsOf(within);
    // The budget's share theta of `over` in the LP optimum, and the pair whose count there is most fractional.
    const theta = (B - unitsOf(within)) / (unitsOf(over) - unitsOf(within));
    let pick = -1;
    let t = 0;
    let score = -1;
    for (let p = 0; p < P; p++) {
      if (a[p] === b[p]) continue;
      const v = theta * a[p]! + (1 - theta) * b[p]!;
      const frac = Math.min(v - Math.floor(v), Math.ceil(v) - v);
      const s = frac + 1e-3 * Math.abs(a[p]! - b[p]!);
      if (s > score) {
        score = s;
        pick = p;
        t = Math.min(Math.floor(v + 1e-9), Math.max(a[p]!, b[p]!) - 1);
      }
    }
    if (pick === -1) continue; // cannot happen: equal counts would mean equal money
    const price = result.price !== undefined ? { price: result.price } : {};
    const left: Node = { lo: node.lo, hi: node.hi.slice(), bound, ...price, inherited: [over, within].filter((x) => countsOf(x)[pick]! <= t) };
    left.hi[pick] = t;
    const right: Node = { lo: node.lo.slice(), hi: node.hi, bound, ...price, inherited: [over, within].filter((x) => countsOf(x)[pick]! > t) };
    right.lo[pick] = t + 1;
    open.push(left, right);
  }
  // Preference costs are non-negative integers; the open nodes bound whatever is left unexplored.
  if (limitHit) {
    // Stopped short: improve the best schedule by moves, within a quarter of the work limit (arc scans).
    const target = Math.max(0, open.reduce((m, n) => Math.min(m, n.bound), Infinity));
    canonical ??= buildNetwork(model);
    const t0 = performance.now();
    const moved = improveByMoves(model, canonical, best, budgetUnits, target, { scans: maxWork / 4 });
    if (process.env.PTHV_DEBUG) console.error("end moves", best.flowCost, moved.solution?.flowCost, target, moved.scans, (performance.now() - t0).toFixed(0));
    if (moved.solution !== undefined && moved.solution.flowCost < best.flowCost) best = moved.solution;
  }
  const lowerBound = Math.min(best.flowCost, Math.max(0, open.reduce((m, n) => Math.min(m, n.bound), Infinity)));
  return { solution: best, lowerBound, exact: lowerBound >= best.flowCost, evaluations, nodes, limitHit };
}
