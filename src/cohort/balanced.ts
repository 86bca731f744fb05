/**
 * The `balanced` method: the cube method with equal inclusion probabilities within each school,
 * balancing the students of the invited families on named columns, optionally within strata.
 * Private to the cohort part.
 */
import type { Random } from "../random/index.js";
import { flight, land, type CubeMatrix } from "./cube.js";
import type { DesignColumn } from "./design.js";
import type { IndexedFrame } from "./frame.js";

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
  const position = new Map<number, number>();
  families.forEach((f, i) => position.set(f, i));
  // Family totals of each column, plus a constant (fixed size) and the student count.
  const raw: Float64Array[] = [new Float64Array(N).fill(1), new Float64Array(N)];
  for (let i = 0; i < N; i++) raw[1]![i] = frame.familyStudents[families[i]!]!;
  const totals = design.map(() => new Float64Array(N));
  const rows = frame.rows.length;
  for (let k = 0; k < rows; k++) {
    const r = frame.order[k]!; // student-id order, so sums do not depend on the order of the rows
    const i = position.get(frame.familyOfRow[r]!);
    if (i === undefined) continue;
    for (let j = 0; j < design.length; j++) totals[j]![i]! += design[j]!.values[r]!;
  }
  // Centre and scale each column (the kernel is unchanged by scaling; it helps the pivoting), and
  // drop columns that do not vary beyond the constant.
  const columns: Float64Array[] = [raw[0]!];
  for (const column of [raw[1]!, ...totals]) {
    let mean = 0;
    for (let i = 0; i < N; i++) mean += column[i]!;
    mean /= N;
    let ss = 0;
    for (let i = 0; i < N; i++) ss += (column[i]! - mean) * (column[i]! - mean);
    const sd = Math.sqrt(ss / N);
    if (!(sd > 1e-12 * Math.max(1, Math.abs(mean)))) continue;
    const scaled = new Float64Array(N);
    for (let i = 0; i < N; i++) scaled[i] = (column[i]! - mean) / sd;
    columns.push(scaled);
  }
  const width = columns.length;
  const values = new Float64Array(N * width);
  for (let i = 0; i < N; i++) for (let j = 0; j < width; j++) values[i * width + j] = columns[j]![i]!;
  const matrix: CubeMatrix = { values, width };
  const pi = new Float64Array(N).fill(n / N);
  const undecided: number[] = [];
  for (const stratum of strata) {
    const units = random.shuffle(stratum.map((f) => position.get(f)!));
    undecided.push(...flight(matrix, width, pi, units, random));
  }
  const pooled = strata.length > 1 ? flight(matrix, width, pi, random.shuffle(undecided), random) : undecided;
  land(matrix, width, pi, pooled, random);
  for (let i = 0; i < N; i++) out[i] = pi[i]! > 0.5 ? 1 : 0;
  return out;
}
