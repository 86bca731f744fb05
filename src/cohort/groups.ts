/**
 * Sizes and strata: how many families each school (or class) invites, and which stratum each
 * family belongs to. Private to the cohort part.
 */
import { PthvInputError, PthvUsageError, type InputIssue } from "../errors/index.js";
import { cell, compareText, locate, type FrameRow, type FrameSource, type IndexedFrame } from "./frame.js";
import { integerList, type Positions } from "../memory/index.js";
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
 * Every family's stratum within its school: `names[codes[f]]` is the key of family f, the values
 * of the strata columns on the family's lead student (its lowest student id), e.g.
 * `grade=3|teacherId=t-12`. Equal keys have equal codes.
 */
export interface Strata {
  /** Bytes while there are at most 256 keys (the usual case: a megabyte at a million families). */
  codes: number[] | Int32Array | Uint8Array;
  names: string[];
}

/** Keys numbered by a byte. */
const BYTE_CODES = 256;

/** Distinct small whole numbers (grades, say) are looked up in an array rather than a map. */
const SMALL = 1024;

/**
 * The strata read in parts, as the balancing columns are (see `designReader`): `read(start, end)`
 * gives each of rows `start` to `end` (every row once) the number of its key, while `indexFrame`
 * passes over the rows; `finish(frame)` gives each family its lead student's stratum, or throws one
 * {@link PthvInputError} naming an unknown column or the families whose lead student has no value.
 */
export interface StrataReader {
  read(start: number, end: number): void;
  finish(frame: IndexedFrame): Strata;
}

/** A {@link StrataReader} of the named columns of `rows`. */
export function strataReader(rows: readonly FrameRow[], columns: readonly string[], source?: FrameSource): StrataReader {
  const unknown = columns.filter((column) => !rows.some((row) => column in row));
  const n = rows.length;
  // One text per distinct value and column ("grade=3"), made once: a million families share a few
  // dozen keys, each numbered once, so families are grouped by number. A key with a missing value
  // ("grade=") is marked, so that only families whose lead student has it are reported.
  // Each row's code is a byte while there are at most 256 keys (a megabyte at a million rows, where
  // a list in the heap is 8 MB to allocate and leave behind); the 257th key widens them to a list.
  let rowCodes: Uint8Array | Positions = new Uint8Array(n);
  const names: string[] = [];
  const lacking: boolean[] = [];
  const codeOf = new Map<string, number>();
  const code = (key: string, missing: boolean): number => {
    let c = codeOf.get(key);
    if (c === undefined) {
      codeOf.set(key, (c = names.length));
      names.push(key);
      lacking.push(missing);
      if (c === BYTE_CODES && rowCodes instanceof Uint8Array) {
        // Rows not read yet hold 0 here and are written when read.
        const wide = integerList(n);
        for (let i = 0; i < n; i++) wide[i] = rowCodes[i]!;
        rowCodes = wide;
      }
    }
    return c;
  };
  let read: (start: number, end: number) => void;
  if (unknown.length > 0) read = () => {};
  else if (columns.length === 1) {
    // One column (the usual case): the value's code straight from the value.
    const column = columns[0]!;
    const small = new Int32Array(SMALL).fill(-1);
    const other = new Map<string | number | boolean, number>();
    read = (start, end) => {
      for (let i = start; i < end; i++) {
        // Read here (not through `cell`) so this read only ever sees this column's name.
        let value = rows[i]![column];
        if (value === "") value = null;
        if (value === null || value === undefined) {
          rowCodes[i] = code(`${column}=`, true);
          continue;
        }
        if (typeof value === "number" && value >= 0 && value < SMALL && (value | 0) === value && !Object.is(value, -0)) {
          let c = small[value]!;
          if (c < 0) small[value] = c = code(`${column}=${String(value)}`, false);
          rowCodes[i] = c;
          continue;
        }
        let c = other.get(value);
        if (c === undefined) other.set(value, (c = code(`${column}=${String(value)}`, false)));
        rowCodes[i] = c;
      }
    };
  } else {
    const texts = columns.map(() => new Map<string | number | boolean, string>());
    const parts: string[] = new Array<string>(columns.length);
    read = (start, end) => {
      for (let i = start; i < end; i++) {
        const row = rows[i]!;
        let missing = false;
        for (let c = 0; c < columns.length; c++) {
          const column = columns[c]!;
          const value = cell(row, column);
          if (value === null || value === undefined) {
            missing = true;
            parts[c] = `${column}=`;
            continue;
          }
          let text = texts[c]!.get(value);
          if (text === undefined) texts[c]!.set(value, (text = `${column}=${String(value)}`));
          parts[c] = text;
        }
        rowCodes[i] = code(parts.join("|"), missing);
      }
    };
  }
  return {
    read,
    finish(frame: IndexedFrame): Strata {
      const issues: InputIssue[] = [];
      for (const column of unknown) {
        const known = Object.keys(rows[0] ?? {}).filter((k) => k !== "id").join(", ");
        issues.push({ field: column, message: `unknown strata column '${column}': the frame's columns are ${known}` });
      }
      if (issues.length > 0) throw new PthvInputError(issues, "unknown strata columns");
      const families = frame.familyIds.length;
      const { familyLead } = frame;
      // Every student a family of their own, families in row order (a frame of one row per family
      // in id order, the usual export): each family's code is its row's, as read.
      let sameAsRows = families === n && !lacking.includes(true);
      for (let f = 0; f < families && sameAsRows; f++) sameAsRows = familyLead[f] === f;
      if (sameAsRows) return { codes: rowCodes, names };
      const codes = rowCodes instanceof Uint8Array ? new Uint8Array(families) : integerList(families);
      for (let f = 0; f < families; f++) {
        const lead = familyLead[f]!;
        const c = rowCodes[lead]!;
        codes[f] = c;
        if (!lacking[c] || issues.length >= 20) continue;
        for (const column of columns) {
          const value = cell(rows[lead]!, column);
          if ((value === null || value === undefined) && issues.length < 20) {
            issues.push({ ...locate(source, lead, rows[lead]!.id, column), message: `missing value in strata column '${column}': every family needs a stratum` });
          }
        }
      }
      if (issues.length > 0) throw new PthvInputError(issues, "missing strata values");
      return { codes, names };
    },
  };
}

/** Families of a school grouped by stratum, as {@link groupBy} with the strata's keys. */
export function groupByStratum(families: readonly number[], strata: Strata): { key: string; families: number[] }[] {
  const { codes, names } = strata;
  const counts = new Int32Array(names.length);
  for (let i = 0; i < families.length; i++) counts[codes[families[i]!]!]!++;
  const listOf: number[][] = new Array<number[]>(names.length);
  const present: number[] = [];
  for (let c = 0; c < names.length; c++) {
    if (counts[c] === 0) continue;
    listOf[c] = new Array<number>(counts[c]!);
    present.push(c);
  }
  const filled = new Int32Array(names.length);
  for (let i = 0; i < families.length; i++) {
    const f = families[i]!;
    const c = codes[f]!;
    listOf[c]![filled[c]!++] = f;
  }
  return present.map((c) => ({ key: names[c]!, families: listOf[c]! })).sort((x, y) => compareText(x.key, y.key));
}

/**
 * Families of a school grouped by stratum in one list: stratum `g` (keys sorted, as
 * {@link groupByStratum} orders them) holds `order[starts[g] .. starts[g + 1])`, its families in
 * canonical order; `groupOf[code]` is the place of the stratum of that code among them. One list
 * the caller owns rather than one per stratum.
 */
export function strataInOrder(families: Positions, strata: Strata): { keys: string[]; starts: number[]; order: Positions; groupOf: Int32Array } {
  const { codes, names } = strata;
  const counts = new Int32Array(names.length);
  for (let i = 0; i < families.length; i++) counts[codes[families[i]!]!]!++;
  const present: number[] = [];
  for (let c = 0; c < names.length; c++) if (counts[c]! > 0) present.push(c);
  present.sort((x, y) => compareText(names[x]!, names[y]!));
  const groupOf = new Int32Array(names.length).fill(-1);
  const starts = new Array<number>(present.length + 1);
  const next = new Int32Array(names.length);
  let at = 0;
  for (let g = 0; g < present.length; g++) {
    const c = present[g]!;
    groupOf[c] = g;
    starts[g] = at;
    next[c] = at;
    at += counts[c]!;
  }
  starts[present.length] = at;
  const order = integerList(families.length);
  for (let i = 0; i < families.length; i++) {
    const f = families[i]!;
    order[next[codes[f]!]!++] = f;
  }
  return { keys: present.map((c) => names[c]!), starts, order, groupOf };
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
