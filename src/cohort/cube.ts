/**
 * The cube method of balanced sampling (Deville and Tillé 2004, "Efficient balanced sampling: the
 * cube method", Biometrika 91(4)), with the fast flight phase of Chauvet and Tillé (2006, "A fast
 * algorithm for balanced sampling", Computational Statistics 21) and a landing phase by
 * suppression of variables (Deville and Tillé 2004, section 6.2). Private to the cohort part.
 *
 * Units carry inclusion probabilities `pi` that start equal; each step moves `pi` along a direction
 * `u` in the kernel of the balancing matrix, so the Horvitz-Thompson totals of every balancing
 * variable stay exactly those of the frame, until each unit is 0 (left out) or 1 (selected). The
 * step is random with probabilities that keep every expectation equal to the starting `pi`, so no
 * unit's chance of selection changes.
 */
import type { Random } from "../random/index.js";
import type { Doubles } from "../memory/index.js";

/** A unit's probability this close to 0 or 1 counts as decided. */
const EPS = 1e-9;

/**
 * The balancing matrix: `values[unit * width + j]` is balancing variable j of the unit, already
 * divided by the unit's starting inclusion probability (constant here, so plain values serve).
 */
export interface CubeMatrix {
  values: Float64Array | number[];
  width: number;
}

/** Room for one call of `flight` on p variables (every entry is written before it is read). */
interface Workspace {
  set: Int32Array;
  m: Float64Array;
  u: Float64Array;
  pivotCol: Int32Array;
  isPivot: Uint8Array;
}

/**
 * The workspace for p variables, made once and reused: the fast flight falls back to `flight` on
 * p + 1 units thousands of times in a draw of a million families (whenever its basis is singular),
 * and allocating five typed arrays each time cost more than the elimination itself. `flight` is
 * not re-entered while it runs, and every entry it reads it has written in the same call.
 */
function workspace(p: number): Workspace {
  let known = workspaces[p];
  if (known === undefined) {
    const cap = p + 1;
    known = { set: new Int32Array(cap), m: new Float64Array(p * cap), u: new Float64Array(cap), pivotCol: new Int32Array(p), isPivot: new Uint8Array(cap) };
    if (p < MAX_WORKSPACES) workspaces[p] = known;
  }
  return known;
}
const workspaces: (Workspace | undefined)[] = [];
/** Workspaces are kept for p below this (a few bytes each); larger p allocate per call. */
const MAX_WORKSPACES = 256;

/**
 * Flight phase on `units` (in processing order) using the first `p` balancing variables. Mutates
 * `pi`; returns the units still undecided (at most `p` of them unless the variables are degenerate).
 */
export function flight(matrix: CubeMatrix, p: number, pi: Doubles, units: readonly number[], random: Random): number[] {
  const { values, width } = matrix;
  const cap = p + 1;
  const { set, m, u, pivotCol, isPivot } = workspace(p);
  let size = 0;
  let cursor = 0;
  const undecided = (k: number) => pi[k]! > EPS && pi[k]! < 1 - EPS;
  for (;;) {
    while (size < cap && cursor < units.length) {
      const k = units[cursor++]!;
      if (undecided(k)) set[size++] = k;
    }
    if (size === 0) break;
    // Kernel vector of the p x size matrix whose columns are the units' balancing values.
    for (let r = 0; r < p; r++) for (let c = 0; c < size; c++) m[r * cap + c] = values[set[c]! * width + r]!;
    let rank = 0;
    isPivot.fill(0);
    for (let c = 0; c < size && rank < p; c++) {
      let best = rank;
      let bestAbs = Math.abs(m[rank * cap + c]!);
      for (let r = rank + 1; r < p; r++) {
        const a = Math.abs(m[r * cap + c]!);
        if (a > bestAbs) (best = r), (bestAbs = a);
      }
      if (bestAbs < 1e-10) continue;
      if (best !== rank) {
        for (let j = 0; j < size; j++) {
          const t = m[rank * cap + j]!;
          m[rank * cap + j] = m[best * cap + j]!;
          m[best * cap + j] = t;
        }
      }
      const piv = m[rank * cap + c]!;
      for (let r = rank + 1; r < p; r++) {
        const factor = m[r * cap + c]! / piv;
        if (factor === 0) continue;
        for (let j = c; j < size; j++) m[r * cap + j]! -= factor * m[rank * cap + j]!;
      }
      pivotCol[rank] = c;
      isPivot[c] = 1;
      rank++;
    }
    let free = -1;
    for (let c = 0; c < size; c++) if (isPivot[c] === 0) { free = c; break; }
    if (free < 0) {
      if (cursor >= units.length) break; // full rank and nothing left to add: landing takes over
      continue;
    }
    u.fill(0, 0, size);
    u[free] = 1;
    for (let r = rank - 1; r >= 0; r--) {
      const c = pivotCol[r]!;
      let s = 0;
      for (let j = c + 1; j < size; j++) s += m[r * cap + j]! * u[j]!;
      u[c] = -s / m[r * cap + c]!;
    }
    // Largest steps along +u and -u that keep every probability in [0, 1].
    let up = Infinity;
    let down = Infinity;
    for (let c = 0; c < size; c++) {
      const d = u[c]!;
      if (Math.abs(d) < 1e-14) continue;
      const q = pi[set[c]!]!;
      if (d > 0) (up = Math.min(up, (1 - q) / d)), (down = Math.min(down, q / d));
      else (up = Math.min(up, q / -d)), (down = Math.min(down, (1 - q) / -d));
    }
    // Move up with probability down/(up+down): the expected change is zero (a martingale).
    const step = random.float() * (up + down) < down ? up : -down;
    let kept = 0;
    for (let c = 0; c < size; c++) {
      const k = set[c]!;
      let q = pi[k]! + step * u[c]!;
      if (q < EPS) q = 0;
      else if (q > 1 - EPS) q = 1;
      pi[k] = q;
      if (q > 0 && q < 1) set[kept++] = k;
    }
    if (kept === size) {
      // Numerical safety: force the unit closest to a bound to it, so the loop always advances.
      let c0 = 0;
      let gap = Infinity;
      for (let c = 0; c < size; c++) {
        const q = pi[set[c]!]!;
        const g = Math.min(q, 1 - q);
        if (g < gap) (gap = g), (c0 = c);
      }
      const k = set[c0]!;
      pi[k] = random.float() < pi[k]! ? 1 : 0;
      set[c0] = set[--kept]!;
    }
    size = kept;
  }
  return Array.from(set.subarray(0, size));
}

/**
 * Landing phase: flight again on the undecided units with the last balancing variable dropped,
 * then the next, down to the first (the constant, which keeps the sample size fixed) and finally
 * none. Each round keeps every unit's expected selection equal to its probability.
 */
export function land(matrix: CubeMatrix, p: number, pi: Doubles, undecided: number[], random: Random): void {
  let rest = undecided;
  for (let q = p - 1; q >= 0 && rest.length > 0; q--) rest = flight(matrix, q, pi, rest, random);
  for (const k of rest) pi[k] = random.float() < pi[k]! ? 1 : 0;
}
