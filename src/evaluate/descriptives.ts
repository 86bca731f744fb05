/**
 * Descriptives by group: students, mean days absent, absence rate, chronic absence rate, share
 * reading at or above grade level and mean reading score. Any figure resting on fewer students
 * than the minimum cell size is withheld (`null`) and counted as suppressed.
 */
import type { StudentFrame } from "./frame.js";
import { isEnrolledEnough, type OutcomeThresholds } from "./outcomes.js";
import type { AbsenceRateBin, AbsenceRateDistribution, DescriptiveRow } from "./report.js";

/** Descriptive rows plus the number of cells withheld. */
export interface Descriptives {
  rows: DescriptiveRow[];
  suppressedCells: number;
}

/**
 * Describes each group. `group` gives each student's group index (or -1 to leave the student
 * out); `names` names the groups.
 */
export function describeGroups(
  frame: StudentFrame,
  group: ArrayLike<number>,
  names: readonly string[],
  thresholds: OutcomeThresholds,
  reading: { proficient: Float64Array | undefined; score: Float64Array | undefined },
  minCellSize: number,
): Descriptives {
  const k = names.length;
  const acc = names.map(() => ({ n: 0, absent: 0, nEnrolled: 0, sumAbsent: 0, sumEnrolled: 0, chronic: 0, nReading: 0, proficient: 0, nScore: 0, score: 0 }));
  for (let i = 0; i < frame.n; i++) {
    const g = group[i]!;
    if (g < 0 || g >= k) continue;
    const a = acc[g]!;
    a.n++;
    if (isEnrolledEnough(frame, i, thresholds)) {
      a.nEnrolled++;
      a.sumAbsent += frame.daysAbsent[i]!;
      a.sumEnrolled += frame.daysEnrolled[i]!;
      if (frame.daysAbsent[i]! >= thresholds.chronicAbsence * frame.daysEnrolled[i]!) a.chronic++;
    }
    const p = reading.proficient?.[i];
    if (p !== undefined && !Number.isNaN(p)) {
      a.nReading++;
      a.proficient += p;
    }
    const s = reading.score?.[i];
    if (s !== undefined && !Number.isNaN(s)) {
      a.nScore++;
      a.score += s;
    }
  }
  let suppressedCells = 0;
  const cell = (denominator: number, value: number, present = true): number | null => {
    if (!present) return null;
    if (denominator < minCellSize) {
      suppressedCells++;
      return null;
    }
    return value;
  };
  const rows = acc.map((a, g): DescriptiveRow => {
    const suppressed = a.n < minCellSize;
    return {
      group: names[g]!,
      n: cell(a.n, a.n),
      suppressed,
      meanDaysAbsent: cell(suppressed ? 0 : a.nEnrolled, a.sumAbsent / a.nEnrolled),
      absenceRate: cell(suppressed ? 0 : a.nEnrolled, a.sumAbsent / a.sumEnrolled),
      chronicAbsenceRate: cell(suppressed ? 0 : a.nEnrolled, a.chronic / a.nEnrolled),
      readingProficientRate: cell(suppressed ? 0 : a.nReading, a.proficient / a.nReading, reading.proficient !== undefined),
      meanReadingScore: cell(suppressed ? 0 : a.nScore, a.score / a.nScore, reading.score !== undefined),
    };
  });
  return { rows, suppressedCells };
}

/**
 * Bins each group's absence rates (students enrolled long enough) in bins of `binWidth` up to
 * `top`, the last bin open-ended. Bins with fewer students than the minimum cell size are withheld.
 */
export function absenceRateBins(
  frame: StudentFrame,
  group: ArrayLike<number>,
  names: readonly string[],
  thresholds: OutcomeThresholds,
  minCellSize: number,
  binWidth = 0.025,
  top = 0.3,
): { distribution: AbsenceRateDistribution; suppressedCells: number } {
  const binCount = Math.round(top / binWidth) + 1;
  const counts = names.map(() => new Int32Array(binCount));
  const totals = new Int32Array(names.length);
  for (let i = 0; i < frame.n; i++) {
    const g = group[i]!;
    if (g < 0 || g >= names.length || !isEnrolledEnough(frame, i, thresholds)) continue;
    const rate = frame.daysAbsent[i]! / frame.daysEnrolled[i]!;
    const b = Math.min(binCount - 1, Math.floor(rate / binWidth + 1e-9));
    counts[g]![b]!++;
    totals[g]!++;
  }
  let suppressedCells = 0;
  const bins: AbsenceRateBin[] = [];
  names.forEach((name, g) => {
    for (let b = 0; b < binCount; b++) {
      const students = counts[g]![b]!;
      const hidden = students > 0 && students < minCellSize;
      if (hidden) suppressedCells++;
      bins.push({
        group: name,
        from: +(b * binWidth).toFixed(6),
        to: b === binCount - 1 ? 1 : +((b + 1) * binWidth).toFixed(6),
        students: hidden ? null : students,
        share: hidden || totals[g] === 0 ? null : students / totals[g]!,
      });
    }
  });
  return { distribution: { binWidth, groups: [...names], bins }, suppressedCells };
}
