/**
 * Minimum-cost maximum flow by the primal-dual method: Dijkstra with node potentials finds the
 * length of a shortest augmenting path (reduced costs stay non-negative), then flow is pushed
 * along paths of zero reduced cost (all of exactly that length) until none is left, before the
 * next Dijkstra. Each augmentation is along a shortest path, so after each unit the flow is of minimum
 * cost for its value (successive shortest paths: Ahuja, Magnanti and Orlin, Network Flows, 1993,
 * sections 9.7 and 9.8), and the final flow is a maximum flow of minimum cost. Integral
 * capacities give an integral flow. The final potentials are a dual certificate: every residual
 * arc has a non-negative reduced cost.
 *
 * Dijkstra stops as soon as the sink is settled; every node not settled then gets the sink's
 * distance added to its potential, which keeps all reduced costs non-negative (the usual
 * early-exit variant) and spares the far, unused part of the network.
 */
export class FlowNetwork {
  readonly nodes: number;
  private tails: number[] = [];
  private heads: number[] = [];
  private caps: number[] = [];
  private costs: number[] = [];
  private moneys: number[] = [];
  // Compressed adjacency, built by solve(): arc slots grouped by tail node.
  private first = new Int32Array(0);
  private to = new Int32Array(0);
  private cap = new Int32Array(0);
  private cost = new Float64Array(0);
  private money = new Float64Array(0);
  private rev = new Int32Array(0);
  /** Slot of each arc id (2 per arc: forward, backward). */
  private slotOf = new Int32Array(0);
  private potential: Float64Array;

  constructor(nodes: number) {
    this.nodes = nodes;
    this.potential = new Float64Array(nodes);
  }

  /** Adds an arc with a capacity, a cost and (for budgets) a money amount; returns its id. */
  addArc(from: number, to: number, capacity: number, cost: number, money = 0): number {
    const id = this.tails.length;
    this.tails.push(from);
    this.heads.push(to);
    this.caps.push(capacity);
    this.costs.push(cost);
    this.moneys.push(money);
    return id;
  }

  /** Every arc as added: tail, head, capacity, cost and money (for writing the network as an LP). */
  arcList(): { from: number; to: number; capacity: number; cost: number; money: number }[] {
    return this.tails.map((from, a) => ({ from, to: this.heads[a]!, capacity: this.caps[a]!, cost: this.costs[a]!, money: this.moneys[a]! }));
  }

  /** Number of arcs added (reverse residual arcs not counted). */
  get arcCount(): number {
    return this.tails.length;
  }

  /** Flow on an arc returned by {@link addArc}, after {@link solve}. */
  flow(arc: number): number {
    return this.cap[this.rev[this.slotOf[arc]!]!]!;
  }

  private compress(): void {
    const m = this.tails.length;
    const n = this.nodes;
    const degree = new Int32Array(n + 1);
    for (let a = 0; a < m; a++) {
      degree[this.tails[a]! + 1]!++;
      degree[this.heads[a]! + 1]!++;
    }
    for (let v = 0; v < n; v++) degree[v + 1]! += degree[v]!;
    this.first = degree.slice();
    const fill = degree.slice(0, n);
    this.to = new Int32Array(2 * m);
    this.cap = new Int32Array(2 * m);
    this.cost = new Float64Array(2 * m);
    this.money = new Float64Array(2 * m);
    this.rev = new Int32Array(2 * m);
    this.slotOf = new Int32Array(m);
    for (let a = 0; a < m; a++) {
      const u = this.tails[a]!;
      const v = this.heads[a]!;
      const i = fill[u]!++;
      const j = fill[v]!++;
      this.to[i] = v;
      this.cap[i] = this.caps[a]!;
      this.cost[i] = this.costs[a]!;
      this.money[i] = this.moneys[a]!;
      this.rev[i] = j;
      this.to[j] = u;
      this.cap[j] = 0;
      this.cost[j] = -this.costs[a]!;
      this.money[j] = -this.moneys[a]!;
      this.rev[j] = i;
      this.slotOf[a] = i;
    }
  }

  /**
   * Sends as much flow as possible from `source` to `sink` at minimum cost. `accept`, when given,
   * is asked before each unit with the money of its augmenting path; the first refusal stops.
   */
  solve(source: number, sink: number, accept?: (pathMoney: number) => boolean, staged?: StagedArcs): { flow: number; cost: number; money: number; phases: number; firstStageFlow: number } {
    this.compress();
    const n = this.nodes;
    const { first, to, cap, cost, money, rev, potential } = this;
    const dist = new Float64Array(n);
    const settled = new Uint8Array(n);
    const dead = new Uint8Array(n);
    const onPath = new Uint8Array(n);
    const current = new Int32Array(n);
    const path = new Int32Array(n);
    let total = 0;
    let totalCost = 0;
    let totalMoney = 0;
    let phases = 0;
    const heap = new MinHeap(n);
    let refused = false;
    const run = (): void => {
      for (;;) {
        dist.fill(Infinity);
        settled.fill(0);
        dist[source] = 0;
        heap.clear();
        heap.push(source, 0);
        while (heap.size > 0) {
          const u = heap.popNode();
          if (settled[u] === 1) continue;
          settled[u] = 1;
          if (u === sink) break;
          const du = dist[u]! + potential[u]!;
          for (let a = first[u]!, end = first[u + 1]!; a < end; a++) {
            if (cap[a]! <= 0) continue;
            const v = to[a]!;
            if (settled[v] === 1) continue;
            const nd = du + cost[a]! - potential[v]!;
            if (nd < dist[v]!) {
              dist[v] = nd;
              heap.push(v, nd);
            }
          }
        }
        if (settled[sink] === 0) break;
        const dt = dist[sink]!;
        phases++;
        for (let v = 0; v < n; v++) potential[v]! += settled[v] === 1 ? dist[v]! : dt;
        // Augment along admissible paths (residual arcs of zero reduced cost, so shortest paths)
        // until none is found. Depth-first search with current-arc pointers; a node whose arcs are
        // exhausted is dead for the phase (augmenting adds arcs only at nodes of the path, which
        // reach the sink, so a dead node cannot come alive). Skipping an arc into the current path
        // may end the phase early; the next Dijkstra then finds the same distance again.
        for (let v = 0; v < n; v++) current[v] = first[v]!;
        dead.fill(0);
        for (;;) {
          let depth = 0;
          let u = source;
          onPath[source] = 1;
          while (u !== sink) {
            let a = current[u]!;
            const end = first[u + 1]!;
            const pu = potential[u]!;
            for (; a < end; a++) {
              const v = to[a]!;
              if (cap[a]! > 0 && dead[v] === 0 && onPath[v] === 0 && cost[a]! + pu - potential[v]! === 0) break;
            }
            current[u] = a;
            if (a < end) {
              path[depth++] = a;
              u = to[a]!;
              onPath[u] = 1;
            } else {
              dead[u] = 1;
              onPath[u] = 0;
              if (depth === 0) break;
              const back = path[--depth]!;
              u = to[rev[back]!]!;
              current[u]!++;
            }
          }
          for (let i = 0; i < depth; i++) onPath[to[path[i]!]!] = 0;
          onPath[source] = 0;
          if (u !== sink) break;
          let pathMoney = 0;
          let pathCost = 0;
          for (let i = 0; i < depth; i++) {
            pathMoney += money[path[i]!]!;
            pathCost += cost[path[i]!]!;
          }
          if (accept && !accept(pathMoney)) {
            refused = true;
            return;
          }
          for (let i = 0; i < depth; i++) {
            const a = path[i]!;
            cap[a]!--;
            cap[rev[a]!]!++;
          }
          total++;
          totalCost += pathCost;
          totalMoney += pathMoney;
        }
      }
    };
    if (staged === undefined) {
      run();
      return { flow: total, cost: totalCost, money: totalMoney, phases, firstStageFlow: 0 };
    }
    // Stage 1: the closed arcs carry nothing; flow goes only through the locked arcs (and the
    // other open arcs into the sink, if any).
    const saved = staged.closed.map((a) => cap[this.slotOf[a]!]!);
    for (const a of staged.closed) cap[this.slotOf[a]!] = 0;
    run();
    const firstStageFlow = total;
    // Lock: the flow of the locked arcs can no longer be cancelled (an infinite cost on their
    // reverse residual arcs keeps them out of every path). Reopen the closed arcs, and lower the
    // sink's potential so that their reduced costs are non-negative (the sink has no residual arc
    // out of it left, so nothing else changes).
    for (const a of staged.locked) cost[rev[this.slotOf[a]!]!] = Infinity;
    staged.closed.forEach((a, i) => {
      const slot = this.slotOf[a]!;
      cap[slot] = saved[i]!;
      const tail = this.tails[a]!;
      if (this.heads[a] !== sink) throw new Error("a closed arc must enter the sink");
      potential[sink] = Math.min(potential[sink]!, cost[slot]! + potential[tail]!);
    });
    if (!refused) run();
    return { flow: total, cost: totalCost, money: totalMoney, phases, firstStageFlow };
  }

  /**
   * The dual certificate of optimality: true when no residual arc has a negative reduced cost
   * under the final potentials (so no negative cycle exists and the flow is of minimum cost).
   */
  isOptimal(): boolean {
    for (let u = 0; u < this.nodes; u++) {
      for (let a = this.first[u]!; a < this.first[u + 1]!; a++) {
        if (this.cap[a]! > 0 && this.cost[a]! + this.potential[u]! - this.potential[this.to[a]!]! < -1e-9) return false;
      }
    }
    return true;
  }
}

/**
 * Arcs for a two-stage solve that enforces lower bounds on arcs into the sink: in the first stage
 * the `closed` arcs carry no flow, so flow reaches the sink through the `locked` arcs (which the
 * caller has made the only other arcs into the sink that matter); then the flow on the `locked`
 * arcs is frozen and the `closed` arcs open. The final flow is of least cost among flows that
 * carry the first stage's flow on the locked arcs (no negative cycle avoids the frozen arcs).
 * `closed` arcs must enter the sink.
 */
export interface StagedArcs {
  closed: readonly number[];
  locked: readonly number[];
}

/** A binary min-heap of (node, key) entries, with lazy deletion. */
class MinHeap {
  private nodes: Int32Array;
  private keys: Float64Array;
  size = 0;
  constructor(capacity: number) {
    this.nodes = new Int32Array(Math.max(16, capacity));
    this.keys = new Float64Array(Math.max(16, capacity));
  }
  clear(): void {
    this.size = 0;
  }
  push(node: number, key: number): void {
    if (this.size === this.nodes.length) {
      const nodes = new Int32Array(this.size * 2);
      nodes.set(this.nodes);
      const keys = new Float64Array(this.size * 2);
      keys.set(this.keys);
      this.nodes = nodes;
      this.keys = keys;
    }
    const nodesArr = this.nodes;
    const keysArr = this.keys;
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (keysArr[p]! <= key) break;
      nodesArr[i] = nodesArr[p]!;
      keysArr[i] = keysArr[p]!;
      i = p;
    }
    nodesArr[i] = node;
    keysArr[i] = key;
  }
  popNode(): number {
    const nodesArr = this.nodes;
    const keysArr = this.keys;
    const node = nodesArr[0]!;
    const size = --this.size;
    const lastNode = nodesArr[size]!;
    const lastKey = keysArr[size]!;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= size) break;
      if (c + 1 < size && keysArr[c + 1]! < keysArr[c]!) c++;
      if (keysArr[c]! >= lastKey) break;
      nodesArr[i] = nodesArr[c]!;
      keysArr[i] = keysArr[c]!;
      i = c;
    }
    nodesArr[i] = lastNode;
    keysArr[i] = lastKey;
    return node;
  }
}
