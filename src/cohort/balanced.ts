/**
 * The `balanced` method: the cube method with equal inclusion probabilities within each school,
 * balancing the students of the invited families on named columns, optionally within strata.
 * Private to the cohort part.
 */
import type { Random } from "../random/index.js";
import { flight, type CubeMatrix } from "./cube.js";
import { LANDING_UNITS, METRIC_BLOCK, addToGram, landByLinearProgram, landingMetric, metricOfGram } from "./landing.js";
import { fastFlight } from "./fast-flight.js";
import type { DesignColumn } from "./design.js";
import { doubleList, integerList, type Doubles, type Positions } from "../memory/index.js";
import type { IndexedFrame } from "./frame.js";

/** Rows per block when the matrix is put in processing order: 4,096 rows of 12 numbers are 384 KiB. */
const BLOCK = 4096;

/**
 * Selects `n` of a school's `families` with equal probability n/N, balanced on the family totals of
 * each design column (and on the number of students), first within each stratum, then across the
 * school. Returns a 0/1 mark per entry of `families`.
 *
 * Balancing on family totals with equal probabilities makes the Horvitz-Thompson estimate of each
 * student total equal the frame's (Deville and Tillé 2004), so the invited students' means match
 * the school's students' means, which is how balance is judged.
 */
export function balancedSelection(frame: IndexedFrame, design: readonly DesignColumn[], families: readonly number[], strata: readonly number[][], n: number, random: Random): Uint8Array {
  const N = families.length;
  const out = new Uint8Array(N);
  if (n === 0) return out;
  if (n === N) return out.fill(1);
  // The balancing matrix, one row per family: a constant (fixed size), then the student count and
  // the family total of each design column, each standardized (and left out when it does not vary).
  // The levels of a categorical column add up to the student count, so the last level is dropped:
  // it is balanced whenever the others and the count are, and keeping it would make every p x p
  // block of the matrix singular.
  const redundant = (j: number) => design[j]!.kind === "categorical" && design[j + 1]?.variable !== design[j]!.variable;
  const sources = design.filter((_, j) => !redundant(j)).map((column) => column.values);
  const { familyStart, rowsByFamily, familyStudents } = frame;
  let single = true; // every family of the school has one student: its total is its student's value
  for (let i = 0; i < N && single; i++) single = familyStudents[families[i]!] === 1;
  // ... and the family at position i is row i (one school of one-student families, rows in id order).
  let direct = single && frame.rows.length === N;
  for (let i = 0; i < N && direct; i++) direct = families[i] === i && rowsByFamily[familyStart[i]!] === i;
  const from: TotalsSource = { mode: direct ? DIRECT : single ? SINGLE : SUMMED, families, familyStart, rowsByFamily, familyStudents };
  // Each column's totals are written into `pi` (reused: it is filled with n/N afterwards) to find
  // the column's mean and spread; the matrix is written afterwards, a block of rows at a time.
  const pi = doubleList(N);
  const kept: KeptColumn[] = [];
  for (let c = 0; c <= sources.length; c++) {
    const source = c === 0 ? null : sources[c - 1]!;
    // With one student per family in position order the totals are the column itself: read as it
    // is, not copied.
    const totals = from.mode === DIRECT && source !== null ? source : pi;
    if (totals === pi) writeTotals(from, source, 0, N, pi, 0, 1);
    const mean = meanOf(totals, N);
    const sd = Math.sqrt(squaresAbout(totals, N, mean) / N);
    if (sd > 1e-12 * Math.max(1, Math.abs(mean))) kept.push({ source, mean, sd });
  }
  pi.fill(n / N);
  const width = 1 + kept.length;
  // Every entry of the matrix is written before it is read (the row blocks below, or `writeRows`
  // for several strata), and it lives through the draw: a list in the heap (see src/memory).
  const values = doubleList(N * width);
  const matrix: CubeMatrix = { values, width };
  // A few units are held back from the flight (the last ones in random order, which are units like
  // any other) so that the landing's linear program chooses among more samples: its optimum is at
  // least as balanced as flying on and then landing, and every marginal probability stays n/N.
  const held = Math.max(0, LANDING_UNITS - width);
  if (strata.length === 1) {
    // One stratum (the whole school): the flight's order is drawn first (nothing random comes
    // between), shuffled exactly as `random.shuffle` would shuffle 0..N-1. This list, `slot` and
    // `within` live through the draw, so they are kept in the heap (see src/memory).
    const shuffled = integerList(N);
    for (let i = 0; i < N; i++) shuffled[i] = i;
    for (let i = N - 1; i > 0; i--) {
      const j = random.int(i + 1);
      const t = shuffled[i]!;
      shuffled[i] = shuffled[j]!;
      shuffled[j] = t;
    }
    // Each unit's row is written once, near its place in that order: unit k goes to `slot[k]`,
    // inside the block of BLOCK rows that holds its place, so that putting the rows in processing
    // order afterwards only moves rows within blocks that fit in the processor's cache. (Writing
    // or moving them across a matrix of a million rows is a cache and page-table miss per row.)
    // `slot` first holds each unit's place in the order, then, in place, its slot. `within` gives,
    // for each place t, where in its block the row of the unit at t was written: it is filled as the
    // slots are handed out (a store to a random place, which the processor does not wait for), so
    // the reordering below reads it in sequence rather than looking up `slot[shuffled[t]]` (a read
    // from a random place, which it does wait for).
    const slot = integerList(N);
    for (let t = 0; t < N; t++) slot[shuffled[t]!] = t;
    const free = new Int32Array(Math.ceil(N / BLOCK));
    for (let b = 0; b < free.length; b++) free[b] = b * BLOCK;
    const within = integerList(N);
    for (let k = 0; k < N; k++) {
      const t = slot[k]!;
      const block = Math.floor(t / BLOCK);
      const s = free[block]!++;
      slot[k] = s;
      within[t] = s - block * BLOCK;
    }
    // The rows are made in position order a few at a time: the landing's metric (the Gram matrix,
    // summed over the units in position order) is fed from them while they are in cache, and each
    // is then copied to its slot.
    const g = new Float64Array(width * width);
    const rows = new Float64Array(METRIC_BLOCK * width);
    for (let start = 0; start < N; start += METRIC_BLOCK) {
      const end = Math.min(N, start + METRIC_BLOCK);
      writeRows(from, kept, start, end, rows, 0);
      addToGram(g, rows, end - start, width);
      for (let i = start, at = 0; i < end; i++) for (let j = 0, to = slot[i]! * width; j < width; j++) values[to + j] = rows[at++]!;
    }
    const metric = metricOfGram(g, width, N);
    // Then the rows are put in processing order, block by block (each block copied to a scratch
    // block first): unit t of the flight is row t, read in sequence.
    const scratch = new Float64Array(Math.min(N, BLOCK) * width);
    for (let base = 0; base < N; base += BLOCK) {
      const end = Math.min(N, base + BLOCK);
      for (let k = 0, from = base * width, last = end * width; from < last; ) scratch[k++] = values[from++]!;
      for (let t = base; t < end; t++) {
        const from = within[t]! * width;
        for (let j = 0, to = t * width; j < width; j++) values[to + j] = scratch[from + j]!;
      }
    }
    // pi is n/N everywhere, so it needs no reordering. `slot` is free again: it holds the flight's
    // units, 0 to flown - 1 in order.
    const flown = N - Math.min(N, held);
    for (let t = 0; t < flown; t++) slot[t] = t;
    let units: ArrayLike<number>;
    if (slot instanceof Int32Array) units = slot.subarray(0, flown);
    else (slot.length = flown), (units = slot);
    const undecided = fastFlight(matrix, width, pi, units, random);
    // The held-back units, then the undecided ones.
    const landing: number[] = [];
    for (let t = flown; t < N; t++) landing.push(t);
    landing.push(...undecided);
    landByLinearProgram(matrix, pi, landing.filter((t) => pi[t]! > 0 && pi[t]! < 1), random, metric);
    for (let t = 0; t < N; t++) out[shuffled[t]!] = pi[t]! > 0.5 ? 1 : 0;
    return out;
  }
  writeRows(from, kept, 0, N, values, 0);
  // Several strata: each flies on its own (its rows copied in processing order), then the
  // leftovers of every stratum fly together on the stratum indicators (first, so they are the last
  // to be dropped at landing) as well as the balancing variables, so each stratum's count stays
  // within one of its share and the school's means still match.
  // Position of each family in `families`, by family index (a typed array, not a Map: a
  // million-entry Map costs more to build and to collect than the draw itself).
  const position = new Int32Array(frame.familyIds.length);
  for (let i = 0; i < N; i++) position[families[i]!] = i;
  const undecided: number[] = [];
  for (const stratum of strata) {
    const units = random.shuffle(stratum.map((f) => position[f]!));
    undecided.push(...flyInOrder(matrix, pi, units, random));
  }
  landStrata(matrix, pi, random.shuffle(undecided), strata.map((s) => s.map((f) => position[f]!)), random);
  for (let i = 0; i < N; i++) out[i] = pi[i]! > 0.5 ? 1 : 0;
  return out;
}

/** How a family's total of a column is found: its one student is row `i` of the column (the family at position i), its one student's row is looked up, or its students are summed. */
const DIRECT = 0;
const SINGLE = 1;
const SUMMED = 2;

/** Where the family totals come from: the school's families (by position) and the frame's grouping of rows into families. */
interface TotalsSource {
  mode: typeof DIRECT | typeof SINGLE | typeof SUMMED;
  families: readonly number[];
  familyStart: Positions;
  rowsByFamily: Positions;
  familyStudents: Positions | Uint8Array;
}

/** A column of the balancing matrix: the design column (null: the student count), with the mean and spread its totals are standardized by. */
interface KeptColumn {
  source: DesignColumn["values"] | null;
  mean: number;
  sd: number;
}

// The loops below are functions of their own at the top of the module, not closures made afresh
// on each draw: the engine keeps their optimised code from one draw to the next. As closures they
// were often thrown back to unoptimised code in later draws (boxing every number they added: the
// column statistics of a million families took 0.3 to 0.4 s instead of 0.05 to 0.08 s).

/**
 * Family totals of `source` (null: the student count) for the families at positions `start` to
 * `end`, written into `out` at `at`, `at + stride`, ... Summed over each family's students in id
 * order, so they do not depend on the order of the rows; `0 +` as in a sum (-0 becomes 0).
 */
function writeTotals(from: TotalsSource, source: DesignColumn["values"] | null, start: number, end: number, out: Float64Array | number[], at: number, stride: number): void {
  const { families, familyStart, rowsByFamily, familyStudents } = from;
  if (source === null) {
    for (let i = start; i < end; i++, at += stride) out[at] = familyStudents[families[i]!]!;
  } else if (from.mode === DIRECT) {
    for (let i = start; i < end; i++, at += stride) out[at] = 0 + source[i]!;
  } else if (from.mode === SINGLE) {
    for (let i = start; i < end; i++, at += stride) out[at] = 0 + source[rowsByFamily[familyStart[families[i]!]!]!]!;
  } else {
    for (let i = start; i < end; i++, at += stride) {
      const f = families[i]!;
      let t = 0;
      for (let k = familyStart[f]!, last = familyStart[f + 1]!; k < last; k++) t += source[rowsByFamily[k]!]!;
      out[at] = t;
    }
  }
}

/** Mean of the first n values, summed in order (`0 +` as in a sum: a total is never -0). */
function meanOf(values: DesignColumn["values"], n: number): number {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += 0 + values[i]!;
  return sum / n;
}

/** Sum of squared deviations of the first n values from `mean`, in order. */
function squaresAbout(values: DesignColumn["values"], n: number, mean: number): number {
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = 0 + values[i]! - mean;
    ss += d * d;
  }
  return ss;
}

/** Writes the matrix rows of the families at positions `start` to `end` into `out` from `at`: the constant, then each kept column standardized. */
function writeRows(from: TotalsSource, kept: readonly KeptColumn[], start: number, end: number, out: Float64Array | number[], at: number): void {
  const width = 1 + kept.length;
  for (let i = start, to = at; i < end; i++, to += width) out[to] = 1;
  for (let j = 0; j < kept.length; j++) {
    const { source, mean, sd } = kept[j]!;
    writeTotals(from, source, start, end, out, at + 1 + j, width);
    for (let i = start, to = at + 1 + j; i < end; i++, to += width) out[to] = (out[to]! - mean) / sd;
  }
}

/**
 * The fast flight over `units` (in processing order) on a copy of their rows of the matrix laid out
 * in that order, so the flight reads memory in sequence instead of jumping about a matrix of a
 * million rows (each jump a cache miss, which was most of the flight's time). The same numbers go
 * through the same operations in the same order, so the draw is unchanged. Returns the undecided
 * units, as positions in `matrix`.
 */
function flyInOrder(matrix: CubeMatrix, pi: Doubles, units: readonly number[], random: Random): number[] {
  const { values, width } = matrix;
  const M = units.length;
  // In the heap, as in the one-stratum flight: every flight reads and writes one kind of list.
  const local = doubleList(M * width);
  const localPi = doubleList(M);
  const order = integerList(M);
  for (let t = 0, at = 0; t < M; t++) {
    const k = units[t]!;
    for (let j = 0, from = k * width; j < width; j++) local[at++] = values[from + j]!;
    localPi[t] = pi[k]!;
    order[t] = t;
  }
  const rest = fastFlight({ values: local, width }, width, localPi, order, random);
  for (let t = 0; t < M; t++) pi[units[t]!] = localPi[t]!;
  return rest.map((t) => units[t]!);
}

/** Flight and landing of the strata's leftover units on a local matrix: constant, stratum indicators, balancing variables. */
function landStrata(matrix: CubeMatrix, pi: Doubles, units: readonly number[], strata: readonly number[][], random: Random): void {
  if (units.length === 0) return;
  const stratumOf = new Map<number, number>();
  strata.forEach((list, h) => list.forEach((k) => stratumOf.set(k, h)));
  const present = [...new Set(units.map((k) => stratumOf.get(k)!))].sort((a, b) => a - b);
  const column = new Map(present.map((h, j) => [h, j]));
  const width = 1 + present.length + (matrix.width - 1);
  const local = new Float64Array(units.length * width);
  const localPi = doubleList(units.length);
  units.forEach((k, i) => {
    const row = i * width;
    local[row] = 1;
    local[row + 1 + column.get(stratumOf.get(k)!)!] = 1;
    for (let j = 1; j < matrix.width; j++) local[row + present.length + j] = matrix.values[k * matrix.width + j]!;
    localPi[i] = pi[k]!;
  });
  const localMatrix: CubeMatrix = { values: local, width };
  const order = units.map((_, i) => i);
  const rest = flight(localMatrix, width, localPi, order, random);
  landByLinearProgram(localMatrix, localPi, rest, random, landingMetric(localMatrix, units.length));
  units.forEach((k, i) => (pi[k] = localPi[i]!));
}
