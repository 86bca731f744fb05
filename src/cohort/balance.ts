/**
 * Balance of a group of students against its frame: standardized mean differences and variance
 * ratios with What Works Clearinghouse style thresholds.
 */
import { PthvInputError, type InputIssue } from "../errors/index.js";
import type { BalanceReport, BalanceRow, BalanceVerdict } from "../model/index.js";
import { designReader, type DesignColumn } from "./design.js";
import { findFamily, indexFrame, type FrameRow, type FrameSource, type IndexedFrame } from "./frame.js";
import type { Positions } from "../memory/index.js";

/**
 * |SMD| at or below which a variable is representative, and at or below which it is acceptable.
 *
 * @example
 * ```ts
 * import { BALANCE_THRESHOLDS } from "pthv";
 * BALANCE_THRESHOLDS.representative; // 0.05: |SMD| at most this is representative (WWC)
 * ```
 */
export const BALANCE_THRESHOLDS = Object.freeze({ representative: 0.05, acceptable: 0.25 });

const SMD_METHOD =
  "SMD = (mean of selected students - mean of all students in the frame) / standard deviation of the frame (population); variance ratio = variance of selected / variance of frame; thresholds of the What Works Clearinghouse (|SMD| <= 0.05 representative, <= 0.25 acceptable)";

function verdictOf(smd: number | null): BalanceVerdict {
  if (smd === null) return "not-assessed";
  const a = Math.abs(smd);
  return a <= BALANCE_THRESHOLDS.representative + 1e-12 ? "representative" : a <= BALANCE_THRESHOLDS.acceptable + 1e-12 ? "acceptable" : "not-representative";
}

const RANK: Record<BalanceVerdict, number> = { "not-assessed": -1, representative: 0, acceptable: 1, "not-representative": 2 };

/** Balance of the families marked in `selected` (by family index), over already-built design columns. */
export function balanceReport(frame: IndexedFrame, design: readonly DesignColumn[], variables: readonly string[], selected: Uint8Array): BalanceReport {
  const n = frame.rows.length;
  const selectedStudents = countSelectedStudents(frame.familyOfRow, selected, n);
  const selectedFamilies = countSelectedFamilies(selected);
  // Sums run in student-id order, so the report does not depend on the order of the rows. Whether
  // each student (in that order) is selected is worked out once for all columns, and a frame
  // already in id order (the usual export) is read as it is.
  const order = frame.order;
  const chosen = new Uint8Array(design.length > 0 ? n : 0);
  const inOrder = design.length > 0 ? chooseInOrder(order, frame.familyOfRow, selected, chosen, n) : true;
  // A loop rather than `design.map`: with the map, V8's optimised code for this function kept
  // bailing out at the list it returned ("wrong map", once per call: 400 times in the validation
  // of a programme whose records came from a parser), running the rest in the interpreter.
  const rows: BalanceRow[] = [];
  for (let j = 0; j < design.length; j++) {
    const column = design[j]!;
    const values = column.values;
    const within = inOrder ? null : order;
    const { sum, sumSelected } = sumsOf(values, n, within, chosen);
    const frameMean = sum / n;
    const selectedMean = selectedStudents > 0 ? sumSelected / selectedStudents : null;
    const { ss, ssSelected } = squaresOf(values, n, within, chosen, frameMean, selectedMean);
    const frameVar = ss / n;
    const frameSd = Math.sqrt(frameVar);
    // A frame that does not vary is matched by any selection: the difference is exactly zero.
    const smd = selectedMean === null ? null : frameSd > 1e-12 * Math.max(1, Math.abs(frameMean)) ? (selectedMean - frameMean) / frameSd : 0;
    const varianceRatio = selectedMean !== null && selectedStudents > 1 && frameVar > 0 ? ssSelected / selectedStudents / frameVar : null;
    const row: BalanceRow = { variable: column.variable, kind: column.kind, frameMean, frameSd, selectedMean, smd, varianceRatio, verdict: verdictOf(smd) };
    if (column.level !== undefined) row.level = column.level;
    rows.push(row);
  }
  // The largest and the mean |SMD| over the rows that have one, summed in row order.
  let assessed = 0;
  let maxAbsSmd: number | null = null;
  let sumAbsSmd = 0;
  let verdict: BalanceVerdict = "not-assessed";
  for (let k = 0; k < rows.length; k++) {
    const row = rows[k]!;
    if (RANK[row.verdict] > RANK[verdict]) verdict = row.verdict;
    if (row.smd === null) continue;
    const a = Math.abs(row.smd);
    maxAbsSmd = maxAbsSmd === null ? a : Math.max(maxAbsSmd, a);
    sumAbsSmd += a;
    assessed++;
  }
  const meanAbsSmd = assessed > 0 ? sumAbsSmd / assessed : null;
  return {
    variables: [...variables],
    frameStudents: n,
    frameFamilies: frame.familyIds.length,
    selectedStudents,
    selectedFamilies,
    thresholds: { ...BALANCE_THRESHOLDS },
    rows,
    maxAbsSmd,
    meanAbsSmd,
    verdict,
    method: SMD_METHOD,
  };
}

// The loops over every student are functions at the top of the module, over lists of numbers only:
// the engine keeps their optimised code from one call to the next, also while balanceReport itself
// is sent back to the interpreter (it is, when the design lists it meets change shape: the
// sampler's empty one, then checkBalance's columns, as the validator's two targeting rules call
// them 400 times each).

/** Students whose family is marked in `selected`. */
function countSelectedStudents(familyOfRow: Positions, selected: Uint8Array, n: number): number {
  let count = 0;
  for (let i = 0; i < n; i++) count += selected[familyOfRow[i]!]!;
  return count;
}

/** Families marked in `selected`. */
function countSelectedFamilies(selected: Uint8Array): number {
  let count = 0;
  for (let f = 0; f < selected.length; f++) count += selected[f]!;
  return count;
}

/** Fills `chosen` (whether the k-th student in id order is selected) and says whether the rows are in id order. */
function chooseInOrder(order: Positions, familyOfRow: Positions, selected: Uint8Array, chosen: Uint8Array, n: number): boolean {
  let inOrder = true;
  for (let k = 0; k < n && inOrder; k++) inOrder = order[k] === k;
  for (let k = 0; k < n; k++) chosen[k] = selected[familyOfRow[order[k]!]!]!;
  return inOrder;
}

/**
 * Sum of a column over all students and over the chosen ones, in student-id order (`order`, or row
 * order when null: the rows are in id order).
 */
function sumsOf(values: DesignColumn["values"], n: number, order: Positions | null, chosen: Uint8Array): { sum: number; sumSelected: number } {
  let sum = 0;
  let sumSelected = 0;
  for (let k = 0; k < n; k++) {
    const v = values[order === null ? k : order[k]!]!;
    sum += v;
    // v * 0 is a zero and adding a zero changes no sum that is not -0 (this one starts at +0 and
    // never becomes -0), so this is the sum over selected students without a branch to mispredict.
    sumSelected += v * chosen[k]!;
  }
  return { sum, sumSelected };
}

/** Sums of squared deviations from the frame's mean (all students) and from the selected mean (chosen students), in the same order as {@link sumsOf}. */
function squaresOf(values: DesignColumn["values"], n: number, order: Positions | null, chosen: Uint8Array, frameMean: number, selectedMean: number | null): { ss: number; ssSelected: number } {
  let ss = 0;
  let ssSelected = 0;
  for (let k = 0; k < n; k++) {
    const v = values[order === null ? k : order[k]!]!;
    const d = v - frameMean; // products, not **, so every engine rounds alike
    ss += d * d;
    if (selectedMean !== null && chosen[k] === 1) ssSelected += (v - selectedMean) * (v - selectedMean);
  }
  return { ss, ssSelected };
}

/**
 * How representative the students of the selected families are of the whole frame, on each
 * balancing variable: standardized mean difference (SMD, per level for a categorical column) and
 * variance ratio, with a verdict by What Works Clearinghouse style thresholds (|SMD| <= 0.05
 * representative, <= 0.25 acceptable, above that not representative). The overall verdict is the
 * worst of the rows. Balance is judged on students: every student of a selected family counts.
 *
 * The SMD divides by the frame's (population) standard deviation, because the frame is the target
 * the selection should look like (What Works Clearinghouse, Procedures and Standards Handbook 5.0,
 * on baseline equivalence). Numbers and booleans are one variable each; text columns become one
 * 0/1 indicator per level.
 *
 * @param frame - one row per student (`id`, `schoolId`, optional `familyId`, further named columns)
 * @param selectedIds - ids of the selected (invited or visited) families; a student without a
 *   `familyId` is a family whose id is the student's id. Repeated ids count once.
 * @param variables - names of the columns to compare, as they appear on the rows
 * @returns a plain {@link BalanceReport}
 * @throws PthvInputError for an empty frame, duplicate student ids, an unknown column, missing or
 *   non-numeric values, or a selected id that is not a family of the frame (all listed at once)
 *
 * @example
 * ```ts
 * import { checkBalance } from "pthv";
 * const frame = [
 *   { id: "s1", schoolId: "a", familyId: "f1", ell: true },
 *   { id: "s2", schoolId: "a", familyId: "f2", ell: false },
 * ];
 * checkBalance(frame, ["f1"], ["ell"]).rows[0]?.smd; // 1: the frame's mean is 0.5 with SD 0.5
 * ```
 */
export function checkBalance(frame: readonly FrameRow[], selectedIds: readonly string[], variables: readonly string[], source?: FrameSource): BalanceReport {
  // The balancing columns are read block by block as the frame is indexed (one pass over the rows).
  const columns = designReader(frame, variables, source);
  const indexed = indexFrame(frame, source, { alongside: columns.read });
  const design = columns.finish();
  const selected = new Uint8Array(indexed.familyIds.length);
  const issues: InputIssue[] = [];
  for (const id of selectedIds) {
    const f = findFamily(indexed, id);
    if (f < 0) issues.push({ entity: "family", id, message: "selected id is not a family of the frame: check the id, or add the family's students to the frame" });
    else selected[f] = 1;
  }
  if (issues.length > 0) throw new PthvInputError(issues, `${issues.length} selected id${issues.length === 1 ? "" : "s"} not in the frame`);
  return balanceReport(indexed, design, variables, selected);
}
