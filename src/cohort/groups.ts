/**
 * Sizes and strata: how many families each school (or class) invites, and which stratum each
 * family belongs to. Private to the cohort part.
 */
import { PthvInputError, PthvUsageError, type InputIssue } from "../errors/index.js";
import { cell, compareText, locate, type FrameSource, type IndexedFrame } from "./frame.js";
import type { NormalisedOptions } from "./options.js";

/** The number of families to invite out of `N` in a school (or class), by count or fraction. */
export function sizeFor(options: NormalisedOptions, schoolId: string, N: number, unit: string): number {
  const pick = (value: number | Record<string, number> | undefined): number | undefined => {
    if (value === undefined || typeof value === "number") return value;
    const v = value[schoolId];
    if (v === undefined) throw new PthvUsageError(`no size given for school '${schoolId}': add it to the map, or leave the school's students out of the frame`);
    return v;
  };
  const count = pick(options.count);
  if (count !== undefined) {
    if (count > N) throw new PthvUsageError(`count ${count} is larger than the ${N} families of ${unit}: invite at most ${N}, or use method 'all'`);
    return count;
  }
  const fraction = pick(options.fraction) ?? 1;
  // Round half up on the exact product, so 0.25 of 10 families is 3 (2.5 rounds up).
  return Math.min(N, Math.floor(fraction * N + 0.5 + 1e-9));
}

/**
 * The stratum key of every family within its school: the values of the strata columns on the
 * family's lead student (its lowest student id), e.g. `grade=3|teacherId=t-12`.
 */
export function strataKeys(frame: IndexedFrame, columns: readonly string[], source?: FrameSource): string[] {
  const issues: InputIssue[] = [];
  for (const column of columns) {
    if (!frame.rows.some((row) => column in row)) {
      const known = Object.keys(frame.rows[0] ?? {}).filter((k) => k !== "id").join(", ");
      issues.push({ field: column, message: `unknown strata column '${column}': the frame's columns are ${known}` });
    }
  }
  if (issues.length > 0) throw new PthvInputError(issues, "unknown strata columns");
  // One text per distinct value and column ("grade=3"), made once and shared: a million families
  // then share a few dozen key strings, which also makes grouping by key cheap.
  const texts = columns.map(() => new Map<string | number | boolean, string>());
  const families = frame.familyIds.length;
  const keys: string[] = new Array<string>(families);
  const parts: string[] = new Array<string>(columns.length);
  const joined = new Map<string, string>();
  for (let f = 0; f < families; f++) {
    const lead = frame.familyLead[f]!;
    const row = frame.rows[lead]!;
    for (let c = 0; c < columns.length; c++) {
      const column = columns[c]!;
      const value = cell(row, column);
      if (value === null || value === undefined) {
        if (issues.length < 20) issues.push({ ...locate(source, lead, row.id, column), message: `missing value in strata column '${column}': every family needs a stratum` });
        parts[c] = `${column}=`;
        continue;
      }
      let text = texts[c]!.get(value);
      if (text === undefined) texts[c]!.set(value, (text = `${column}=${String(value)}`));
      parts[c] = text;
    }
    if (columns.length === 1) keys[f] = parts[0]!;
    else {
      const key = parts.join("|");
      let shared = joined.get(key);
      if (shared === undefined) joined.set(key, (shared = key));
      keys[f] = shared;
    }
  }
  if (issues.length > 0) throw new PthvInputError(issues, "missing strata values");
  return keys;
}

/** Families of a school grouped by key, keys sorted, families in canonical order. */
export function groupBy(families: readonly number[], keyOf: (f: number) => string): { key: string; families: number[] }[] {
  // Two passes: number the keys and count each group, then fill lists allocated at their size
  // (growing a million entries by push copies them and leaves garbage behind).
  const index = new Map<string, number>();
  const names: string[] = [];
  const counts: number[] = [];
  const group = new Int32Array(families.length);
  for (let i = 0; i < families.length; i++) {
    const key = keyOf(families[i]!);
    let g = index.get(key);
    if (g === undefined) {
      index.set(key, (g = names.length));
      names.push(key);
      counts.push(0);
    }
    group[i] = g;
    counts[g]! += 1;
  }
  const lists = counts.map((count) => new Array<number>(count));
  const filled = new Int32Array(names.length);
  for (let i = 0; i < families.length; i++) {
    const g = group[i]!;
    lists[g]![filled[g]!++] = families[i]!;
  }
  return names
    .map((key, g) => ({ key, families: lists[g]! }))
    .sort((x, y) => compareText(x.key, y.key));
}
