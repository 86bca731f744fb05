import { z } from "zod";
import { BALANCE_THRESHOLDS } from "../../cohort/index.js";
import { isPthvError } from "../../errors/index.js";
import type { Student } from "../../model/index.js";
import type { Rule } from "../types.js";
import { balanceDrift } from "./balance-drift.js";
import { docsUrl } from "./shared.js";

/** Balancing attributes looked for on student records when no `variables` are configured. */
export const DEFAULT_BALANCE_VARIABLES = ["grade", "ell", "iep", "frl", "priorDaysAbsent", "priorReadingScore"] as const;

const Options = z.strictObject({
  variables: z.array(z.string().min(1)).optional().describe("Student columns to compare; default: those of grade, ell, iep, frl, priorDaysAbsent, priorReadingScore that every student of the school has"),
  maxAbsSmd: z.number().nonnegative().default(BALANCE_THRESHOLDS.acceptable).describe("Largest |standardized mean difference| accepted (What Works Clearinghouse: 0.25); exactly this passes"),
  minZ: z.number().nonnegative().default(4).describe("Standard errors from a random draw of as many families that an SMD must also exceed to be reported (4: chance alone, across many schools and variables, almost never reaches it); exactly this passes"),
  minVisitedFamilies: z.number().int().min(1).default(10).describe("Fewest visited families for a school to be assessed"),
});
type Options = z.infer<typeof Options>;

const isValue = (value: unknown): boolean => typeof value === "number" || typeof value === "boolean";

/**
 * Which of the default variables are usable on every student of a frame: what
 * `usableVariables(frame, DEFAULT_BALANCE_VARIABLES)` gives, with each column read by its name, so
 * V8 reads it at a known place in the student record instead of looking the name up per student.
 */
export function usableDefaultVariables(frame: readonly Student[]): string[] {
  let grade = true;
  let ell = true;
  let iep = true;
  let frl = true;
  let absent = true;
  let reading = true;
  for (let i = 0; i < frame.length; i++) {
    const s = frame[i]!;
    grade &&= isValue(s.grade);
    ell &&= isValue(s.ell);
    iep &&= isValue(s.iep);
    frl &&= isValue(s.frl);
    absent &&= isValue(s.priorDaysAbsent);
    reading &&= isValue(s.priorReadingScore);
  }
  // Pushed one by one: a filter over the flags sent this function back to the interpreter on every
  // call (V8 had no feedback for the callback's keyed read), once per school.
  const usable: string[] = [];
  if (grade) usable.push("grade");
  if (ell) usable.push("ell");
  if (iep) usable.push("iep");
  if (frl) usable.push("frl");
  if (absent) usable.push("priorDaysAbsent");
  if (reading) usable.push("priorReadingScore");
  return usable;
}

/** Variables usable on every student of a frame: a number or boolean on each. */
export function usableVariables(frame: readonly Student[], wanted: readonly string[]): string[] {
  // One pass over the students, reading all the wanted columns of each while it is in the cache.
  const usable = wanted.map(() => true);
  let left = wanted.length;
  for (let i = 0; i < frame.length && left > 0; i++) {
    const student = frame[i]!;
    for (let k = 0; k < wanted.length; k++) {
      if (!usable[k]) continue;
      const value = student[wanted[k]!];
      if (typeof value !== "number" && typeof value !== "boolean") {
        usable[k] = false;
        left--;
      }
    }
  }
  return wanted.filter((_, k) => usable[k]);
}

/**
 * Non-negotiable 4, in the field: the families actually visited at each school are representative
 * of the school's families (its frame of students) on the balancing attributes. A random cohort can
 * still drift toward a targeted group if only some invited families are visited; this rule sees it.
 *
 * A variable is reported when its standardized mean difference (the sampler's `checkBalance`) is
 * beyond `maxAbsSmd` (What Works Clearinghouse's 0.25) and also beyond `minZ` standard errors of
 * what a simple random draw of as many families would give (see `balanceDrift`), so small schools
 * are not flagged for chance alone.
 */
export const visitedRepresentative: Rule<Options> = {
  meta: {
    id: "visited-representative",
    protects: 4,
    description: "At each school, the families actually visited are representative of all the school's families on the balancing attributes.",
    defaultLevel: "warn",
    docs: docsUrl("visited-representative"),
    options: Options,
  },
  check({ record, index, options, report, skip, note }) {
    // A visited family whose record is at this school is marked by its index (the usual case, no
    // string set); others (no family record, or a record at another school) are kept by id per school.
    const families = record.families;
    const visitedHere = new Uint8Array(families.length);
    const markedBySchool = new Map<string, number>();
    const otherBySchool = new Map<string, Set<string>>();
    const visitFamily = index.visitFamily;
    const visits = record.visits;
    // Marked families are counted by their school (their visit's school, the same) as they are
    // first marked, run by run: visits usually come school by school, so the map is updated once
    // per run, not per family, and no second pass reads every family record again.
    let runSchool: string | undefined;
    let runMarked = 0;
    const endRun = () => {
      if (runMarked > 0) markedBySchool.set(runSchool!, (markedBySchool.get(runSchool!) ?? 0) + runMarked);
      runMarked = 0;
    };
    const states = index.visitStates; // 2: held
    for (let i = 0; i < visits.length; i++) {
      if (states[i] !== 2) continue;
      const visit = visits[i]!;
      const f = visitFamily[i]!;
      const schoolId = visit.schoolId;
      if (f >= 0 && families[f]!.schoolId === schoolId) {
        if (visitedHere[f] === 0) {
          visitedHere[f] = 1;
          if (runMarked === 0 || schoolId !== runSchool) {
            endRun();
            runSchool = schoolId;
          }
          runMarked++;
        }
        continue;
      }
      const set = otherBySchool.get(schoolId);
      if (set) set.add(visit.familyId);
      else otherBySchool.set(schoolId, new Set([visit.familyId]));
    }
    endRun();
    /**
     * The visited families of a school among its frame's families (a family once, whatever its
     * students). A family taken is marked 2 in `visitedHere` while the school's students are read,
     * so siblings count once without a set or a list per family; the marks are put back to 1
     * before returning, for a school listed twice. `most` bounds how many there are (the school's
     * visited families counted above), so the lists are allocated once at that size, not grown.
     */
    const visitedOf = (schoolId: string, frame: readonly Student[], most: number): string[] => {
      const other = otherBySchool.get(schoolId);
      const otherTaken = new Set<string>();
      const selected: string[] = new Array<string>(most);
      const taken: number[] = new Array<number>(most);
      let selectedCount = 0;
      let takenCount = 0;
      let f = -1;
      // An indexed loop: `for ... of` made an iterator result per student (48 MB a validation) while
      // this function ran unoptimised.
      for (let s = 0; s < frame.length; s++) {
        const id = frame[s]!.familyId;
        if (typeof id !== "string") continue;
        // Students usually come in their families' order: siblings share the previous student's
        // family, and otherwise the next family record is tried before the hash table.
        if (f < 0 || families[f]!.id !== id) f = index.familyPosition(id, f + 1);
        if (f >= 0 && visitedHere[f] !== 0 && families[f]!.schoolId === schoolId) {
          if (visitedHere[f] === 2) continue;
          visitedHere[f] = 2;
          taken[takenCount++] = f;
          selected[selectedCount++] = id;
        } else if (other?.has(id) === true && !otherTaken.has(id)) {
          otherTaken.add(id);
          selected[selectedCount++] = id;
        }
      }
      for (let k = 0; k < takenCount; k++) visitedHere[taken[k]!] = 1;
      selected.length = selectedCount;
      return selected;
    };
    const skipped: string[] = [];
    record.schools.forEach((school, i) => {
      const visitedCount = (markedBySchool.get(school.id) ?? 0) + (otherBySchool.get(school.id)?.size ?? 0);
      const frame = index.framesBySchool.get(school.id) ?? [];
      if (visitedCount === 0 || visitedCount < options.minVisitedFamilies || frame.length === 0) {
        skipped.push(`${school.id} (${visitedCount} visited families, ${frame.length} students)`);
        return;
      }
      const variables = options.variables ?? usableDefaultVariables(frame);
      if (variables.length === 0) {
        skipped.push(`${school.id} (no balancing attributes on its students)`);
        return;
      }
      // Record order, not the id-sorted frame: students usually follow their families there. The order does not change the balance.
      const selected = visitedOf(school.id, index.studentsBySchool.get(school.id) ?? [], visitedCount);
      try {
        const drift = balanceDrift(frame, selected, variables);
        for (const row of drift.rows) {
          if (Math.abs(row.smd) > options.maxAbsSmd + 1e-12 && row.z > options.minZ + 1e-12) {
            const name = row.level !== undefined ? `${row.variable} = ${row.level}` : row.variable;
            report({
              entity: "school",
              index: i,
              id: school.id,
              field: row.variable,
              message: `visited families differ from the school's families on ${name} (SMD ${row.smd.toFixed(2)}, beyond ${options.maxAbsSmd} and ${row.z.toFixed(1)} standard errors from a random draw; ${drift.selectedFamilies} of ${drift.frameFamilies} families visited): visits may be drifting toward a targeted group; reach the invited families not yet visited`,
            });
          }
        }
      } catch (error) {
        if (!isPthvError(error)) throw error;
        report({ entity: "school", index: i, id: school.id, message: `the visited families cannot be compared with the school's families (${error.message.split("\n")[0]}): fix the student records or the configured variables` });
      }
    });
    if (skipped.length === 0) return;
    const reason = `not assessed (fewer than ${options.minVisitedFamilies} visited families, or no students): ${skipped.join(", ")}`;
    if (skipped.length === record.schools.length) skip(reason);
    else note(reason);
  },
};
