/**
 * Landing phase by linear programming (Deville and Tillé 2004, section 6.1; the default of R's
 * sampling::samplecube): after the flight phase at most p units are undecided. Among all samples of
 * those units with the right size, find the sampling design (a probability for each sample) whose
 * marginal probabilities are exactly the units' current probabilities and whose expected imbalance
 * is smallest, then draw one sample from it. Private to the cohort part.
 */
import type { Random } from "../random/index.js";
import { land, type CubeMatrix } from "./cube.js";
import type { Doubles } from "../memory/index.js";

/** Above this many undecided units the 2^q enumeration is too large: land by suppression instead. */
const MAX_UNITS = 12;
/** How many units the balanced method leaves to the landing phase (flight units plus held-back ones). */
export const LANDING_UNITS = MAX_UNITS;
const TOL = 1e-9;
/** Units per block of the metric's sums (a block of the balancing matrix then stays in cache). */
export const METRIC_BLOCK = 256;

/**
 * Decides every unit in `undecided` (sets its probability to 0 or 1), keeping each unit's expected
 * selection equal to its probability and the total number selected fixed.
 */
export function landByLinearProgram(matrix: CubeMatrix, pi: Doubles, undecided: readonly number[], random: Random, metric?: Float64Array): void {
  const q = undecided.length;
  if (q === 0) return;
  const target = undecided.reduce((s, k) => s + pi[k]!, 0);
  const m = Math.round(target);
  if (q > MAX_UNITS || Math.abs(target - m) > 1e-6) {
    land(matrix, matrix.width, pi, [...undecided], random);
    return;
  }
  const { values, width } = matrix;
  // Candidate samples: every subset of size m. Cost: squared distance between the sample's totals
  // and the expected totals, over the (centred, scaled) balancing variables.
  const expected = new Float64Array(width);
  for (const k of undecided) for (let j = 0; j < width; j++) expected[j]! += pi[k]! * values[k * width + j]!;
  const samples: number[] = [];
  const costs: number[] = [];
  const dev = new Float64Array(width);
  // The undecided units' rows side by side (local[i * width + j]), read once.
  const local = new Float64Array(q * width);
  for (let i = 0; i < q; i++) for (let j = 0; j < width; j++) local[i * width + j] = values[undecided[i]! * width + j]!;
  // The subsets of size m in increasing order of their masks (Gosper's hack: the next larger
  // number with as many bits set), the order in which a scan of every mask would find them.
  const end = 1 << q;
  for (let mask = m === 0 ? 0 : (1 << m) - 1; mask < end; ) {
    for (let j = 0; j < width; j++) {
      let t = -expected[j]!;
      for (let i = 0; i < q; i++) if (mask & (1 << i)) t += local[i * width + j]!;
      dev[j] = t;
    }
    let cost = 0;
    if (metric !== undefined) {
      for (let a = 0; a < width; a++) for (let b = 0; b < width; b++) cost += dev[a]! * metric[a * width + b]! * dev[b]!;
    } else for (let j = 0; j < width; j++) cost += dev[j]! * dev[j]!;
    samples.push(mask);
    costs.push(cost);
    if (mask === 0) break; // m = 0: the empty sample only
    const low = mask & -mask;
    const ripple = mask + low;
    mask = ripple | (((mask ^ ripple) >>> 2) / low);
  }
  const probabilities = cheapestDesign(samples, costs, undecided.map((k) => pi[k]!), q);
  if (probabilities === undefined) {
    land(matrix, matrix.width, pi, [...undecided], random);
    return;
  }
  let u = random.float();
  let chosen = samples[samples.length - 1]!;
  for (let s = 0; s < samples.length; s++) {
    if (probabilities[s]! <= 0) continue;
    if (u < probabilities[s]!) {
      chosen = samples[s]!;
      break;
    }
    u -= probabilities[s]!;
  }
  undecided.forEach((k, i) => (pi[k] = chosen & (1 << i) ? 1 : 0));
}

/**
 * The landing cost's metric, as in R's sampling::landingcube: the inverse of the balancing
 * matrix's Gram matrix over all units, so imbalance is measured in the variables' own (joint)
 * spread. Returns undefined when the Gram matrix is singular (the plain sum of squares is used).
 */
export function landingMetric(matrix: CubeMatrix, units: number, rowOf?: Int32Array): Float64Array | undefined {
  const { values, width } = matrix;
  const g = new Float64Array(width * width);
  // Each entry g[a][b] sums values[k][a] * values[k][b] over the units k in order (unit k's row is
  // rowOf[k], or k). The units are taken a block at a time (their rows are copied into `block`,
  // which stays in cache) and four entries of a row of g at once, each in its own running sum: four
  // independent additions per step instead of one chain through memory, with every entry still
  // summed in unit order (so bit for bit the textbook loop).
  const block = new Float64Array(METRIC_BLOCK * width);
  for (let start = 0; start < units; start += METRIC_BLOCK) {
    const end = Math.min(units, start + METRIC_BLOCK);
    for (let k = start, at = 0; k < end; k++) {
      const from = (rowOf !== undefined ? rowOf[k]! : k) * width;
      for (let j = 0; j < width; j++) block[at++] = values[from + j]!;
    }
    addToGram(g, block, end - start, width);
  }
  return metricOfGram(g, width, units);
}

/**
 * Adds the products of `count` rows of `block` (rows of `width` numbers, in unit order) to the
 * upper triangle of the Gram matrix `g`. Each entry is one running sum in unit order, so feeding
 * the units in blocks of any size gives the same bits as one loop over all of them.
 */
export function addToGram(g: Float64Array, block: Float64Array, count: number, width: number): void {
  const last = count * width;
  for (let a = 0; a < width; a++) {
    let b = a;
    for (; b + 3 < width; b += 4) {
      let s0 = g[a * width + b]!;
      let s1 = g[a * width + b + 1]!;
      let s2 = g[a * width + b + 2]!;
      let s3 = g[a * width + b + 3]!;
      for (let base = 0; base < last; base += width) {
        const va = block[base + a]!;
        s0 += va * block[base + b]!;
        s1 += va * block[base + b + 1]!;
        s2 += va * block[base + b + 2]!;
        s3 += va * block[base + b + 3]!;
      }
      g[a * width + b] = s0;
      g[a * width + b + 1] = s1;
      g[a * width + b + 2] = s2;
      g[a * width + b + 3] = s3;
    }
    for (; b < width; b++) {
      let s = g[a * width + b]!;
      for (let base = 0; base < last; base += width) s += block[base + a]! * block[base + b]!;
      g[a * width + b] = s;
    }
  }
}

/** The landing metric from the upper triangle of the Gram matrix `g` over `units` units (g is overwritten); undefined when singular. */
export function metricOfGram(g: Float64Array, width: number, units: number): Float64Array | undefined {
  for (let a = 0; a < width; a++) for (let b = 0; b < a; b++) g[a * width + b] = g[b * width + a]!;
  // Gauss-Jordan inverse.
  const inv = new Float64Array(width * width);
  for (let a = 0; a < width; a++) inv[a * width + a] = 1;
  for (let c = 0; c < width; c++) {
    let best = c;
    for (let r = c + 1; r < width; r++) if (Math.abs(g[r * width + c]!) > Math.abs(g[best * width + c]!)) best = r;
    const piv = g[best * width + c]!;
    if (Math.abs(piv) < 1e-9 * units) return undefined;
    for (let j = 0; j < width; j++) {
      let t = g[c * width + j]!;
      g[c * width + j] = g[best * width + j]!;
      g[best * width + j] = t;
      t = inv[c * width + j]!;
      inv[c * width + j] = inv[best * width + j]!;
      inv[best * width + j] = t;
    }
    for (let j = 0; j < width; j++) {
      g[c * width + j] = g[c * width + j]! / piv;
      inv[c * width + j] = inv[c * width + j]! / piv;
    }
    for (let r = 0; r < width; r++) {
      if (r === c) continue;
      const f = g[r * width + c]!;
      if (f === 0) continue;
      for (let j = 0; j < width; j++) {
        g[r * width + j] = g[r * width + j]! - f * g[c * width + j]!;
        inv[r * width + j] = inv[r * width + j]! - f * inv[c * width + j]!;
      }
    }
  }
  return inv;
}

/**
 * Solves: minimise sum_s cost_s p_s subject to sum_{s contains i} p_s = pi_i for every unit i and
 * p_s >= 0 (the total is then 1 because every sample has the same size). Two-phase simplex on a
 * dense tableau with Bland's rule (no cycling). Returns p, or undefined if the solver fails.
 */
function cheapestDesign(samples: readonly number[], costs: readonly number[], pi: readonly number[], q: number): Float64Array | undefined {
  const n = samples.length;
  const cols = n + q + 1; // sample variables, artificials, right-hand side
  const rows = q;
  const t = new Float64Array((rows + 1) * cols);
  const at = (r: number, c: number) => r * cols + c;
  for (let i = 0; i < rows; i++) {
    for (let s = 0; s < n; s++) t[at(i, s)] = samples[s]! & (1 << i) ? 1 : 0;
    t[at(i, n + i)] = 1;
    t[at(i, cols - 1)] = pi[i]!;
  }
  const basis = Array.from({ length: rows }, (_, i) => n + i);
  const obj = rows;
  // Phase 1: minimise the sum of the artificials.
  for (let c = 0; c < cols; c++) {
    let s = 0;
    for (let i = 0; i < rows; i++) s += t[at(i, c)]!;
    t[at(obj, c)] = c >= n && c < n + q ? 0 : -s;
  }
  if (!pivotLoop(t, rows, cols, basis, n)) return undefined;
  if (-t[at(obj, cols - 1)]! > 1e-7) return undefined;
  // Drive artificials out of the basis where possible; rows where that fails are redundant.
  const active: boolean[] = new Array<boolean>(rows).fill(true);
  for (let i = 0; i < rows; i++) {
    if (basis[i]! < n) continue;
    let entering = -1;
    for (let c = 0; c < n; c++) if (Math.abs(t[at(i, c)]!) > TOL) { entering = c; break; }
    if (entering < 0) active[i] = false;
    else pivot(t, rows, cols, basis, i, entering);
  }
  // Phase 2: the real costs, reduced against the basis.
  for (let c = 0; c < cols; c++) t[at(obj, c)] = c < n ? costs[c]! : 0;
  for (let i = 0; i < rows; i++) {
    if (!active[i]) continue;
    const cb = basis[i]! < n ? costs[basis[i]!]! : 0;
    if (cb === 0) continue;
    for (let c = 0; c < cols; c++) t[at(obj, c)]! -= cb * t[at(i, c)]!;
  }
  if (!pivotLoop(t, rows, cols, basis, n, active)) return undefined;
  const p = new Float64Array(n);
  for (let i = 0; i < rows; i++) if (active[i] && basis[i]! < n) p[basis[i]!] = Math.max(0, t[at(i, cols - 1)]!);
  const total = p.reduce((a, b) => a + b, 0);
  if (!(Math.abs(total - 1) < 1e-6)) return undefined;
  for (let s = 0; s < n; s++) p[s] = p[s]! / total;
  return p;
}

function pivot(t: Float64Array, rows: number, cols: number, basis: number[], r: number, c: number): void {
  const pv = t[r * cols + c]!;
  const pr = r * cols;
  for (let j = 0; j < cols; j++) t[pr + j] = t[pr + j]! / pv;
  // Rows with a non-zero factor, updated two at a time so each read of the pivot row serves both;
  // every entry gets the same single subtraction as in a loop over one row at a time.
  let i = 0;
  for (;;) {
    while (i <= rows && (i === r || t[i * cols + c] === 0)) i++;
    if (i > rows) break;
    let k = i + 1;
    while (k <= rows && (k === r || t[k * cols + c] === 0)) k++;
    const a0 = i * cols;
    const f0 = t[a0 + c]!;
    if (k > rows) {
      for (let j = 0; j < cols; j++) t[a0 + j] = t[a0 + j]! - f0 * t[pr + j]!;
      break;
    }
    const a1 = k * cols;
    const f1 = t[a1 + c]!;
    for (let j = 0; j < cols; j++) {
      const x = t[pr + j]!;
      t[a0 + j] = t[a0 + j]! - f0 * x;
      t[a1 + j] = t[a1 + j]! - f1 * x;
    }
    i = k + 1;
  }
  basis[r] = c;
}

/**
 * Simplex iterations over the first `n` columns: Dantzig's rule (most negative reduced cost), which
 * needs few pivots, switching to Bland's rule (first negative; cannot cycle) after a run of
 * degenerate pivots. False if it does not finish.
 */
function pivotLoop(t: Float64Array, rows: number, cols: number, basis: number[], n: number, active?: readonly boolean[]): boolean {
  const objRow = rows * cols;
  let degenerate = 0;
  for (let iteration = 0; iteration < 50 * (n + rows); iteration++) {
    const bland = degenerate > 2 * rows;
    let entering = -1;
    let most = -TOL;
    for (let c = 0; c < n; c++) {
      const d = t[objRow + c]!;
      if (d < most) {
        entering = c;
        if (bland) break;
        most = d;
      }
    }
    if (entering < 0) return true;
    let leave = -1;
    let best = Infinity;
    for (let i = 0; i < rows; i++) {
      if (active !== undefined && !active[i]) continue;
      const a = t[i * cols + entering]!;
      if (a <= TOL) continue;
      const ratio = t[i * cols + cols - 1]! / a;
      if (ratio < best - TOL || (Math.abs(ratio - best) <= TOL && basis[i]! < basis[leave]!)) {
        best = ratio;
        leave = i;
      }
    }
    if (leave < 0) return false; // unbounded: cannot happen with non-negative costs
    degenerate = best <= TOL ? degenerate + 1 : 0;
    pivot(t, rows, cols, basis, leave, entering);
  }
  return false;
}
