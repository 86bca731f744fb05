/**
 * The outcome definitions: absences and the absence rate, chronic absence, reading proficiency
 * (from a flag or from a scale score and a cut) and the reading scale score.
 */
import type { StudentFrame } from "./frame.js";

/**
 * The outcomes the calculator knows: `absences` (count with a days-enrolled offset),
 * `chronicAbsence`, `readingProficiency` and `readingScore`.
 *
 * @example
 * ```ts
 * import { OUTCOMES } from "pthv";
 * OUTCOMES.includes("chronicAbsence"); // true
 * ```
 */
export const OUTCOMES = ["absences", "chronicAbsence", "readingProficiency", "readingScore"] as const;
/**
 * One outcome the calculator knows.
 *
 * @example
 * ```ts
 * evaluateOutcomes(rows, { outcomes: ["absences", "chronicAbsence"] satisfies OutcomeName[] });
 * ```
 */
export type OutcomeName = (typeof OUTCOMES)[number];

/** Thresholds of the outcome definitions, every one recorded in the report. */
export interface OutcomeThresholds {
  /** Chronic absence: absent at least this share of enrolled days. Default 0.1 (Attendance Works, Sheldon and Jung 2018). */
  chronicAbsence: number;
  /** Students enrolled fewer days are left out of the absence outcomes. Default 10. */
  minDaysEnrolled: number;
  /** Proficient when `readingScore >= readingCut`, used when there is no `readingProficient` column. */
  readingCut?: number;
}

/** One outcome as a column: NaN where it is not defined for a student. */
export interface OutcomeColumn {
  name: OutcomeName;
  kind: "count" | "binary" | "continuous";
  /** Plain-English definition, for the report. */
  definition: string;
  values: Float64Array;
}

/** Whether the frame has what an outcome needs; the reason when it does not. */
export function outcomeAvailability(frame: StudentFrame, name: OutcomeName, thresholds: OutcomeThresholds): string | undefined {
  if (name === "readingProficiency" && !frame.numeric.has("readingProficient") && !(frame.numeric.has("readingScore") && thresholds.readingCut !== undefined)) {
    return "needs a readingProficient column, or readingScore with a readingCut";
  }
  if (name === "readingScore" && !frame.numeric.has("readingScore")) return "needs a readingScore column";
  return undefined;
}

/** True when the student counts for the absence outcomes (enrolled long enough). */
export function isEnrolledEnough(frame: StudentFrame, i: number, thresholds: OutcomeThresholds): boolean {
  const e = frame.daysEnrolled[i]!;
  return e > 0 && e >= thresholds.minDaysEnrolled;
}

/** Builds the column of one outcome. */
export function outcomeColumn(frame: StudentFrame, name: OutcomeName, thresholds: OutcomeThresholds): OutcomeColumn {
  const values = new Float64Array(frame.n);
  const pct = `${+(thresholds.chronicAbsence * 100).toFixed(4)}%`;
  switch (name) {
    case "absences":
      for (let i = 0; i < frame.n; i++) values[i] = isEnrolledEnough(frame, i, thresholds) ? frame.daysAbsent[i]! : Number.NaN;
      return { name, kind: "count", values, definition: `days absent, relative to days enrolled (students enrolled at least ${thresholds.minDaysEnrolled} days)` };
    case "chronicAbsence":
      for (let i = 0; i < frame.n; i++) {
        values[i] = isEnrolledEnough(frame, i, thresholds) ? (frame.daysAbsent[i]! >= thresholds.chronicAbsence * frame.daysEnrolled[i]! ? 1 : 0) : Number.NaN;
      }
      return { name, kind: "binary", values, definition: `absent at least ${pct} of enrolled days (students enrolled at least ${thresholds.minDaysEnrolled} days)` };
    case "readingProficiency": {
      const flag = frame.numeric.get("readingProficient");
      const score = frame.numeric.get("readingScore");
      if (flag) {
        values.set(flag);
        return { name, kind: "binary", values, definition: "reading at or above grade level (readingProficient)" };
      }
      const cut = thresholds.readingCut ?? Number.NaN;
      for (let i = 0; i < frame.n; i++) {
        const s = score?.[i] ?? Number.NaN;
        values[i] = Number.isNaN(s) ? Number.NaN : s >= cut ? 1 : 0;
      }
      return { name, kind: "binary", values, definition: `reading scale score at or above the cut of ${cut}` };
    }
    case "readingScore":
      values.set(frame.numeric.get("readingScore") ?? new Float64Array(frame.n).fill(Number.NaN));
      return { name, kind: "continuous", values, definition: "reading scale score" };
  }
}
