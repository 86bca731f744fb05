/**
 * The flight phase at scale: the same random walk as `flight` in cube.ts, but the kernel vector of
 * the p x (p+1) matrix is found in O(p^2) per step instead of O(p^3). Private to the cohort part.
 *
 * The p+1 units in play are p "basic" units, whose p x p matrix C is kept inverted, and one extra
 * unit e; then u = (-C^-1 x_e, 1) is in the kernel. When a basic unit j is decided, a new unit c
 * takes its column and C^-1 is updated by the Sherman-Morrison formula for a column replacement
 * (w = C^-1 x_c; C'^-1 = C^-1 - (w - e_j) (row j of C^-1) / w_j). C^-1 is recomputed from scratch
 * every REFRESH updates to stop rounding drift, and whenever C is singular (a level absent from the
 * p units, say) the step falls back to Gaussian elimination via `flight` on those units.
 */
import type { Random } from "../random/index.js";
import { flight, type CubeMatrix } from "./cube.js";
import type { Doubles } from "../memory/index.js";

const EPS = 1e-9;
const REFRESH = 48;
const SINGULAR = 1e-8;

/** Inverts the p x p matrix of the basic units' columns into `inv` (Gauss-Jordan, partial pivoting); false when singular. */
function invert(values: Float64Array | number[], width: number, p: number, basis: Int32Array, inv: Float64Array, work: Float64Array): boolean {
  // work = C (row r = variable r, column c = basic unit c), inv = I.
  for (let r = 0; r < p; r++) {
    for (let c = 0; c < p; c++) {
      work[r * p + c] = values[basis[c]! * width + r]!;
      inv[r * p + c] = r === c ? 1 : 0;
    }
  }
  const eliminate = compiledKernels(p)?.invert;
  if (eliminate !== undefined) return eliminate(work, inv);
  for (let c = 0; c < p; c++) {
    let best = c;
    let bestAbs = Math.abs(work[c * p + c]!);
    for (let r = c + 1; r < p; r++) {
      const a = Math.abs(work[r * p + c]!);
      if (a > bestAbs) (best = r), (bestAbs = a);
    }
    if (bestAbs < SINGULAR) return false;
    // Columns of `work` left of c are already eliminated and never read again, so only columns c
    // onwards are updated there (the inverse, in `inv`, is computed exactly as before).
    if (best !== c) {
      for (let j = 0; j < p; j++) {
        const t = inv[c * p + j]!;
        inv[c * p + j] = inv[best * p + j]!;
        inv[best * p + j] = t;
      }
      for (let j = c; j < p; j++) {
        const t = work[c * p + j]!;
        work[c * p + j] = work[best * p + j]!;
        work[best * p + j] = t;
      }
    }
    const piv = work[c * p + c]!;
    for (let j = c; j < p; j++) work[c * p + j] = work[c * p + j]! / piv;
    for (let j = 0; j < p; j++) inv[c * p + j] = inv[c * p + j]! / piv;
    for (let r = 0; r < p; r++) {
      if (r === c) continue;
      const f = work[r * p + c]!;
      if (f === 0) continue;
      for (let j = c; j < p; j++) work[r * p + j] = work[r * p + j]! - f * work[c * p + j]!;
      for (let j = 0; j < p; j++) inv[r * p + j] = inv[r * p + j]! - f * inv[c * p + j]!;
    }
  }
  return true;
}

/**
 * Flight phase over `units` (in processing order) on all `p` balancing variables. Mutates `pi`;
 * returns the undecided units left for the landing phase.
 */
export function fastFlight(matrix: CubeMatrix, p: number, pi: Doubles, units: ArrayLike<number>, random: Random): number[] {
  const { values, width } = matrix;
  const undecided = (k: number) => pi[k]! > EPS && pi[k]! < 1 - EPS;
  let cursor = 0;
  const next = (): number => {
    while (cursor < units.length) {
      const k = units[cursor++]!;
      if (undecided(k)) return k;
    }
    return -1;
  };
  const basis = new Int32Array(p);
  for (let c = 0; c < p; c++) {
    const k = next();
    if (k < 0) return flight(matrix, p, pi, Array.from(basis.subarray(0, c)), random);
    basis[c] = k;
  }
  let extra = next();
  const inv = new Float64Array(p * p);
  const work = new Float64Array(p * p);
  const w = new Float64Array(p);
  const x = new Float64Array(p); // the unit being solved for, read once per solve
  const row = new Float64Array(p);
  let valid = false;
  let updates = 0;
  // Straight-line kernels for this p where the runtime compiles code; the loops below otherwise.
  const kernels = compiledKernels(p);
  const solveK = kernels?.solve;
  const updateK = kernels?.update;
  while (extra >= 0) {
    if (!valid || updates >= REFRESH) {
      valid = invert(values, width, p, basis, inv, work);
      updates = 0;
    }
    if (!valid) {
      // Singular basis: one step of the general algorithm on these p+1 units, then carry on.
      const set = [...basis, extra];
      const before = set.map((k) => pi[k]!);
      const rest = flight(matrix, p, pi, set, random);
      if (rest.length === set.length && set.every((k, i) => pi[k] === before[i])) {
        // Nothing moved (only when the matrix has full rank on these units and no unit is left to add).
        return [...rest, ...drain(units, cursor, undecided)];
      }
      const keep = set.filter((k) => undecided(k));
      for (let c = 0; c < p; c++) {
        const k = c < keep.length ? keep[c]! : next();
        if (k < 0) return flight(matrix, p, pi, Array.from(basis.subarray(0, c)), random);
        basis[c] = k;
      }
      extra = keep.length > p ? keep[p]! : next();
      continue;
    }
    if (solveK !== undefined) solveK(inv, values, extra * width, w);
    else solve(inv, values, width, p, extra, w, x);
    // u = (-w on the basic units, 1 on the extra unit). Largest steps keeping pi in [0, 1].
    const qe = pi[extra]!;
    let up = 1 - qe;
    let down = qe;
    for (let c = 0; c < p; c++) {
      const d = -w[c]!;
      const q = pi[basis[c]!]!;
      if (d > 1e-14) {
        const a = (1 - q) / d;
        const b = q / d;
        if (a < up) up = a;
        if (b < down) down = b;
      } else if (d < -1e-14) {
        const a = q / -d;
        const b = (1 - q) / -d;
        if (a < up) up = a;
        if (b < down) down = b;
      }
    }
    const step = random.float() * (up + down) < down ? up : -down;
    for (let c = 0; c < p; c++) {
      const k = basis[c]!;
      const q = pi[k]! - step * w[c]!;
      pi[k] = q < EPS ? 0 : q > 1 - EPS ? 1 : q;
    }
    const q = qe + step;
    pi[extra] = q < EPS ? 0 : q > 1 - EPS ? 1 : q;
    // Replace decided basic units (Sherman-Morrison), then the extra unit.
    let candidate = undecided(extra) ? extra : next();
    // w = C^-1 x_extra is still current while C^-1 has not changed: no need to solve again for it.
    let current = candidate === extra;
    for (let c = 0; c < p && valid; c++) {
      if (undecided(basis[c]!)) continue;
      if (candidate < 0) return flight(matrix, p, pi, Array.from(basis).filter(undecided), random);
      if (!current) {
        if (solveK !== undefined) solveK(inv, values, candidate * width, w);
        else solve(inv, values, width, p, candidate, w, x);
      }
      current = false;
      const wj = w[c]!;
      if (Math.abs(wj) < SINGULAR) {
        basis[c] = candidate;
        candidate = next();
        valid = false;
        break;
      }
      for (let j = 0; j < p; j++) row[j] = inv[c * p + j]! / wj;
      if (updateK !== undefined) updateK(inv, c, w, row);
      else update(inv, p, c, w, row);
      basis[c] = candidate;
      updates++;
      candidate = next();
    }
    if (!valid) {
      for (let c = 0; c < p; c++) {
        if (undecided(basis[c]!)) continue;
        if (candidate < 0) return flight(matrix, p, pi, Array.from(basis).filter(undecided), random);
        basis[c] = candidate;
        candidate = next();
      }
    }
    extra = candidate;
  }
  return flight(matrix, p, pi, Array.from(basis).filter(undecided), random);
}

/**
 * The rank-one update of C^-1 for a column replacement: row r of C^-1 loses f_r times `row`, with
 * f = w - e_c. Two rows at a time share each read of `row`; every entry gets the same single
 * subtraction as in the plain loop.
 */
function update(inv: Float64Array, p: number, c: number, w: Float64Array, row: Float64Array): void {
  let r = 0;
  for (; r + 1 < p; r += 2) {
    const f0 = r === c ? w[r]! - 1 : w[r]!;
    const f1 = r + 1 === c ? w[r + 1]! - 1 : w[r + 1]!;
    const a0 = r * p;
    const a1 = a0 + p;
    if (f0 !== 0 && f1 !== 0) {
      for (let j = 0; j < p; j++) {
        const x = row[j]!;
        inv[a0 + j] = inv[a0 + j]! - f0 * x;
        inv[a1 + j] = inv[a1 + j]! - f1 * x;
      }
    } else {
      if (f0 !== 0) for (let j = 0; j < p; j++) inv[a0 + j] = inv[a0 + j]! - f0 * row[j]!;
      if (f1 !== 0) for (let j = 0; j < p; j++) inv[a1 + j] = inv[a1 + j]! - f1 * row[j]!;
    }
  }
  for (; r < p; r++) {
    const f = r === c ? w[r]! - 1 : w[r]!;
    if (f === 0) continue;
    for (let j = 0, a = r * p; j < p; j++) inv[a + j] = inv[a + j]! - f * row[j]!;
  }
}

/** w = C^-1 x_k, with `x` as room for unit k's values. */
function solve(inv: Float64Array, values: Float64Array | number[], width: number, p: number, k: number, w: Float64Array, x: Float64Array): void {
  // The unit's p values are read once into a small array that stays in registers and cache; the
  // sums run in the same order as the textbook loop, so the results are bit for bit the same.
  const base = k * width;
  for (let c = 0; c < p; c++) x[c] = values[base + c]!;
  // Four rows at a time, each in its own running sum: four independent chains of additions keep the
  // processor busy where one chain waits on each addition. Each row is still summed in column
  // order, so the results are bit for bit those of the textbook loop.
  let r = 0;
  for (; r + 3 < p; r += 4) {
    const a0 = r * p;
    const a1 = a0 + p;
    const a2 = a1 + p;
    const a3 = a2 + p;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let c = 0; c < p; c++) {
      const xc = x[c]!;
      s0 += inv[a0 + c]! * xc;
      s1 += inv[a1 + c]! * xc;
      s2 += inv[a2 + c]! * xc;
      s3 += inv[a3 + c]! * xc;
    }
    w[r] = s0;
    w[r + 1] = s1;
    w[r + 2] = s2;
    w[r + 3] = s3;
  }
  for (; r < p; r++) {
    let s = 0;
    for (let c = 0, at = r * p; c < p; c++) s += inv[at + c]! * x[c]!;
    w[r] = s;
  }
}

function drain(units: ArrayLike<number>, from: number, undecided: (k: number) => boolean): number[] {
  const out: number[] = [];
  for (let i = from; i < units.length; i++) if (undecided(units[i]!)) out.push(units[i]!);
  return out;
}

type SolveKernel = (inv: Float64Array, values: Float64Array | number[], base: number, w: Float64Array) => void;
type UpdateKernel = (inv: Float64Array, c: number, w: Float64Array, row: Float64Array) => void;
type InvertKernel = (work: Float64Array, inv: Float64Array) => boolean;
interface Kernels {
  solve: SolveKernel;
  update: UpdateKernel;
  /** The Gauss-Jordan elimination of `invert`, from `work` = C and `inv` = I. */
  invert: InvertKernel;
}

/** Kernels by p (a handful of sizes at most, one per number of balancing variables). */
const kernelCache = new Map<number, Kernels>();
/** Above this p the unrolled code would be long; the loops serve. */
const MAX_KERNEL_P = 24;

/**
 * `solve`, `update` and the elimination of `invert` for one p as straight-line code (every index a
 * constant or a row offset plus a constant, the unit's values and the pivot row held in locals),
 * which the engine runs faster than the loops (a 12 x 12 product about twice as fast). Each entry
 * that is read is computed by the same operations in the same order as in the loops (a sum starts
 * from 0 and adds the products in column order; a row with a zero factor is skipped), so the
 * results are bit for bit the same and the draws do not change. The code holds only numbers
 * generated here. Where a runtime forbids compiling code (a strict Content Security Policy) the
 * loops serve.
 */
function compiledKernels(p: number): Kernels | undefined {
  if (p < 1 || p > MAX_KERNEL_P) return undefined;
  const known = kernelCache.get(p);
  if (known !== undefined) return known;
  try {
    const reads = Array.from({ length: p }, (_, c) => `const x${c} = values[base + ${c}];`).join("\n");
    const rows = Array.from({ length: p }, (_, r) => {
      let sum = "0";
      for (let c = 0; c < p; c++) sum = `(${sum} + inv[${r * p + c}] * x${c})`;
      return `w[${r}] = ${sum};`;
    }).join("\n");
    const solve = new Function("inv", "values", "base", "w", `"use strict";\n${reads}\n${rows}`) as SolveKernel;
    const pivot = Array.from({ length: p }, (_, j) => `const y${j} = row[${j}];`).join("\n");
    const updates = Array.from({ length: p }, (_, r) => {
      const entries = Array.from({ length: p }, (_, j) => `inv[${r * p + j}] = inv[${r * p + j}] - f * y${j};`).join(" ");
      return `f = c === ${r} ? w[${r}] - 1 : w[${r}];\nif (f !== 0) { ${entries} }`;
    }).join("\n");
    const update = new Function("inv", "c", "w", "row", `"use strict";\n${pivot}\nlet f;\n${updates}`) as UpdateKernel;
    // One loop over the pivot columns c; within it every row is handled whole (all p columns of
    // `work`, where the loop skips those left of c: they are eliminated and never read again, so
    // what is written there changes nothing that is read).
    const all = Array.from({ length: p }, (_, j) => j);
    const step = `for (let c = 0; c < ${p}; c++) {
const cp = c * ${p};
let best = c, bestAbs = Math.abs(work[cp + c]);
for (let r = c + 1; r < ${p}; r++) { const a = Math.abs(work[r * ${p} + c]); if (a > bestAbs) { best = r; bestAbs = a; } }
if (bestAbs < ${SINGULAR}) return false;
if (best !== c) { const b = best * ${p}; let t;
${all.map((j) => `t = inv[cp + ${j}]; inv[cp + ${j}] = inv[b + ${j}]; inv[b + ${j}] = t;`).join(" ")}
${all.map((j) => `t = work[cp + ${j}]; work[cp + ${j}] = work[b + ${j}]; work[b + ${j}] = t;`).join(" ")}
}
const piv = work[cp + c];
${all.map((j) => `const w${j} = work[cp + ${j}] = work[cp + ${j}] / piv;`).join(" ")}
${all.map((j) => `const v${j} = inv[cp + ${j}] = inv[cp + ${j}] / piv;`).join(" ")}
for (let r = 0; r < ${p}; r++) {
if (r === c) continue;
const a = r * ${p};
const f = work[a + c];
if (f === 0) continue;
${all.map((j) => `work[a + ${j}] = work[a + ${j}] - f * w${j};`).join(" ")}
${all.map((j) => `inv[a + ${j}] = inv[a + ${j}] - f * v${j};`).join(" ")}
}
}`;
    const invert = new Function("work", "inv", `"use strict";\n${step}\nreturn true;`) as InvertKernel;
    const kernels = { solve, update, invert };
    kernelCache.set(p, kernels);
    return kernels;
  } catch {
    return undefined; // refused: the loops serve (asked again next time)
  }
}
