/**
 * Minimum-cost maximum flow by the primal-dual method: Dijkstra with node potentials finds the
 * length of a shortest augmenting path (reduced costs stay non-negative), then a blocking flow
 * (Dinic's level graph) saturates every augmenting path of exactly that length before the next
 * Dijkstra. Each augmentation is along a shortest path, so after each unit the flow is of minimum
 * cost for its value (successive shortest paths: Ahuja, Magnanti and Orlin, Network Flows, 1993,
 * sections 9.7 and 9.8), and the final flow is a maximum flow of minimum cost. Integral
 * capacities give an integral flow. The final potentials are a dual certificate: every residual
 * arc has a non-negative reduced cost.
 */
export class FlowNetwork {
  readonly nodes: number;
  private to: number[] = [];
  private cap: number[] = [];
  private cost: number[] = [];
  private money: number[] = [];
  private next: number[] = [];
  private head: Int32Array;
  private potential: Float64Array;

  constructor(nodes: number) {
    this.nodes = nodes;
    this.head = new Int32Array(nodes).fill(-1);
    this.potential = new Float64Array(nodes);
  }

  /** Adds an arc with a capacity, a cost and (for budgets) a money amount; returns its id. */
  addArc(from: number, to: number, capacity: number, cost: number, money = 0): number {
    const id = this.to.length;
    this.push(from, to, capacity, cost, money);
    this.push(to, from, 0, -cost, -money);
    return id;
  }

  private push(from: number, to: number, capacity: number, cost: number, money: number): void {
    this.to.push(to);
    this.cap.push(capacity);
    this.cost.push(cost);
    this.money.push(money);
    this.next.push(this.head[from]!);
    this.head[from] = this.to.length - 1;
  }

  /** Number of arcs added (reverse residual arcs not counted). */
  get arcCount(): number {
    return this.to.length / 2;
  }

  /** Flow on an arc returned by {@link addArc}. */
  flow(arc: number): number {
    return this.cap[arc ^ 1]!;
  }

  /** Arc ids leaving a node (forward arcs only). */
  arcsFrom(node: number): number[] {
    const out: number[] = [];
    for (let a = this.head[node]!; a !== -1; a = this.next[a]!) if ((a & 1) === 0) out.push(a);
    return out;
  }

  /** Head node of an arc. */
  target(arc: number): number {
    return this.to[arc]!;
  }

  /**
   * Sends as much flow as possible from `source` to `sink` at minimum cost. `accept`, when given,
   * is asked before each unit with the money of its augmenting path; the first refusal stops.
   * Returns the flow value and its cost.
   */
  solve(source: number, sink: number, accept?: (pathMoney: number) => boolean): { flow: number; cost: number; money: number; phases: number } {
    const n = this.nodes;
    const dist = new Float64Array(n);
    const level = new Int32Array(n);
    const current = new Int32Array(n);
    const onPath = new Int32Array(n);
    let total = 0;
    let totalCost = 0;
    let totalMoney = 0;
    let phases = 0;
    const heap = new MinHeap(n);
    for (;;) {
      // Dijkstra on reduced costs.
      dist.fill(Infinity);
      dist[source] = 0;
      heap.clear();
      heap.push(source, 0);
      while (heap.size > 0) {
        const [u, d] = heap.pop();
        if (d > dist[u]!) continue;
        const pu = this.potential[u]!;
        for (let a = this.head[u]!; a !== -1; a = this.next[a]!) {
          if (this.cap[a]! <= 0) continue;
          const v = this.to[a]!;
          const nd = d + this.cost[a]! + pu - this.potential[v]!;
          if (nd < dist[v]!) {
            dist[v] = nd;
            heap.push(v, nd);
          }
        }
      }
      const dt = dist[sink]!;
      if (dt === Infinity) break;
      phases++;
      for (let v = 0; v < n; v++) this.potential[v]! += Math.min(dist[v]!, dt);
      // Blocking flows on the admissible graph (residual arcs of zero reduced cost).
      for (;;) {
        level.fill(-1);
        level[source] = 0;
        const queue = [source];
        for (let qi = 0; qi < queue.length; qi++) {
          const u = queue[qi]!;
          for (let a = this.head[u]!; a !== -1; a = this.next[a]!) {
            const v = this.to[a]!;
            if (this.cap[a]! > 0 && level[v] === -1 && this.reduced(a, u, v) === 0) {
              level[v] = level[u]! + 1;
              queue.push(v);
            }
          }
        }
        if (level[sink] === -1) break;
        for (let v = 0; v < n; v++) current[v] = this.head[v]!;
        for (;;) {
          const path = this.findPath(source, sink, level, current, onPath);
          if (path === undefined) break;
          let pathMoney = 0;
          let pathCost = 0;
          for (const a of path) {
            pathMoney += this.money[a]!;
            pathCost += this.cost[a]!;
          }
          if (accept && !accept(pathMoney)) return { flow: total, cost: totalCost, money: totalMoney, phases };
          for (const a of path) {
            this.cap[a]!--;
            this.cap[a ^ 1]!++;
          }
          total++;
          totalCost += pathCost;
          totalMoney += pathMoney;
        }
      }
    }
    return { flow: total, cost: totalCost, money: totalMoney, phases };
  }

  private reduced(a: number, u: number, v: number): number {
    return this.cost[a]! + this.potential[u]! - this.potential[v]!;
  }

  /** One unit path in the level graph, by depth-first search with current-arc pointers. */
  private findPath(source: number, sink: number, level: Int32Array, current: Int32Array, onPath: Int32Array): number[] | undefined {
    const path: number[] = [];
    let u = source;
    for (;;) {
      if (u === sink) return path;
      let advanced = false;
      for (let a = current[u]!; a !== -1; a = this.next[a]!) {
        const v = this.to[a]!;
        if (this.cap[a]! > 0 && level[v] === level[u]! + 1 && this.reduced(a, u, v) === 0) {
          current[u] = a;
          path.push(a);
          u = v;
          advanced = true;
          break;
        }
      }
      if (!advanced) {
        current[u] = -1;
        level[u] = -1; // dead end: never enter it again in this level graph
        if (path.length === 0) return undefined;
        const back = path.pop()!;
        u = this.to[back ^ 1]!;
        current[u] = this.next[current[u]!]!;
      }
    }
  }

  /**
   * The dual certificate of optimality: true when no residual arc has a negative reduced cost
   * under the final potentials (so no negative cycle exists and the flow is of minimum cost).
   */
  isOptimal(): boolean {
    for (let u = 0; u < this.nodes; u++) {
      for (let a = this.head[u]!; a !== -1; a = this.next[a]!) {
        if (this.cap[a]! > 0 && this.reduced(a, u, this.to[a]!) < -1e-9) return false;
      }
    }
    return true;
  }
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
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (this.keys[p]! <= key) break;
      this.nodes[i] = this.nodes[p]!;
      this.keys[i] = this.keys[p]!;
      i = p;
    }
    this.nodes[i] = node;
    this.keys[i] = key;
  }
  pop(): [number, number] {
    const node = this.nodes[0]!;
    const key = this.keys[0]!;
    const lastNode = this.nodes[--this.size]!;
    const lastKey = this.keys[this.size]!;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= this.size) break;
      if (c + 1 < this.size && this.keys[c + 1]! < this.keys[c]!) c++;
      if (this.keys[c]! >= lastKey) break;
      this.nodes[i] = this.nodes[c]!;
      this.keys[i] = this.keys[c]!;
      i = c;
    }
    this.nodes[i] = lastNode;
    this.keys[i] = lastKey;
    return [node, key];
  }
}
