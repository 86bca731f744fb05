/**
 * The school level: the share of families visited in each school, systematic implementation at
 * or above a threshold (10% in Sheldon and Jung 2018), and the outcomes of students in systematic
 * versus other schools, with errors clustered by school.
 */
import type { StudentFrame } from "./frame.js";
import { fitOutcomeModels, type ModelSpec } from "./models.js";
import type { OutcomeColumn } from "./outcomes.js";
import type { ReportWarning, SchoolLevelReport, SchoolRow } from "./report.js";
import { sampleRows } from "./design-matrix.js";

/** Share visited per school and which schools are systematic. */
export function schoolShares(frame: StudentFrame, threshold: number): { share: Float64Array; students: Int32Array; families: Int32Array; systematic: Uint8Array } {
  const s = frame.schools.length;
  const students = new Int32Array(s);
  const families = new Int32Array(s);
  const visited = new Int32Array(s);
  if (frame.family) {
    const seen = new Map<number, { school: number; visited: boolean }>();
    for (let i = 0; i < frame.n; i++) {
      students[frame.school[i]!]!++;
      const f = frame.family[i]!;
      const key = f < 0 ? -1 - i : f; // a student without a family id counts as their own family
      const entry = seen.get(key);
      if (entry) entry.visited ||= frame.visited[i] === 1;
      else seen.set(key, { school: frame.school[i]!, visited: frame.visited[i] === 1 });
    }
    for (const { school, visited: v } of seen.values()) {
      families[school]!++;
      if (v) visited[school]!++;
    }
  } else {
    for (let i = 0; i < frame.n; i++) {
      students[frame.school[i]!]!++;
      families[frame.school[i]!]!++;
      if (frame.visited[i] === 1) visited[frame.school[i]!]!++;
    }
  }
  const share = new Float64Array(s);
  const systematic = new Uint8Array(s);
  for (let k = 0; k < s; k++) {
    share[k] = families[k]! > 0 ? visited[k]! / families[k]! : 0;
    systematic[k] = share[k]! >= threshold ? 1 : 0;
  }
  return { share, students, families, systematic };
}

/** Builds the school-level report: the table and the systematic-versus-other models. */
export function schoolLevel(
  frame: StudentFrame,
  outcomes: readonly OutcomeColumn[],
  complete: Uint8Array,
  base: Omit<ModelSpec, "outcome" | "rows" | "treatments" | "sample">,
  threshold: number,
  minCellSize: number,
  fitModels = true,
): { report: SchoolLevelReport; warnings: ReportWarning[]; suppressedCells: number } {
  const shares = schoolShares(frame, threshold);
  let suppressedCells = 0;
  const rows: SchoolRow[] = frame.schools.map((school, k) => {
    // The share visited rests on the families: a school with few of them is withheld too.
    const small = shares.students[k]! < minCellSize || shares.families[k]! < minCellSize;
    if (small) suppressedCells += 3;
    return {
      school,
      students: small ? null : shares.students[k]!,
      families: small ? null : shares.families[k]!,
      visitedShare: small ? null : shares.share[k]!,
      systematic: shares.systematic[k] === 1,
      suppressed: small,
    };
  });
  const systematicSchools = rows.filter((r) => r.systematic).length;
  const report: SchoolLevelReport = { threshold, shareOf: frame.family ? "families" : "students", rows, systematicSchools, otherSchools: rows.length - systematicSchools, effects: [], models: [] };
  const warnings: ReportWarning[] = [];
  if (!fitModels) return { report, warnings, suppressedCells };
  if (systematicSchools < 2 || report.otherSchools < 2) {
    warnings.push({ code: "school-level-skipped", message: `systematic versus other schools needs at least two schools of each kind (${systematicSchools} systematic, ${report.otherSchools} other): not estimated` });
    return { report, warnings, suppressedCells };
  }
  const systematicOf = new Float64Array(frame.n);
  for (let i = 0; i < frame.n; i++) systematicOf[i] = shares.systematic[frame.school[i]!]!;
  const visited = Float64Array.from(frame.visited);
  for (const outcome of outcomes) {
    if (outcome.kind !== "binary") continue;
    const fitted = fitOutcomeModels({
      ...base,
      outcome,
      rows: sampleRows(complete, outcome.values),
      treatments: [{ name: "systematic", values: systematicOf }, { name: "visited", values: visited }],
      sample: "all students",
      idPrefix: "schools.",
      subject: "students in systematic schools",
    });
    report.models.push(...fitted.models);
    report.effects.push(...fitted.effects);
    warnings.push(...fitted.warnings);
  }
  return { report, warnings, suppressedCells };
}
