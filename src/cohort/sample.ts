/**
 * sampleCohort: the families invited this season, drawn by one of five methods that never target.
 */
import { PthvInputError, type InputIssue } from "../errors/index.js";
import type { Cohort, CohortStratum } from "../model/index.js";
import { createRandom, shuffleRange, type Random } from "../random/index.js";
import { VERSION } from "../version.js";
import { balanceReport } from "./balance.js";
import { balancedSelection } from "./balanced.js";
import { designReader, type DesignColumn } from "./design.js";
import { heapList, type Positions } from "../memory/index.js";
import { cell, indexFrame, locate, type FrameRow, type FrameSource, type IndexedFrame } from "./frame.js";
import { groupBy, groupByStratum, sizeFor, strataInOrder, strataReader, type Strata } from "./groups.js";
import { normaliseOptions, type NormalisedOptions, type SampleCohortOptions } from "./options.js";

/** What one school contributes: its strata (with their selections and reserves) and notes. */
interface Draw {
  strata: CohortStratum[];
  notes: string[];
}

/**
 * Draws the families to invite this season. The unit invited is the family (siblings are one
 * invitation; a student without `familyId` is a family of their own); balance is judged on
 * students. Within a school every family has the same chance of an invitation, by construction:
 *
 * - `all`: every family is invited (the ideal of non-negotiable 4).
 * - `random`: a simple random sample of families without replacement, in each school.
 * - `stratified`: proportional allocation across strata (`strata` columns, within each school) by
 *   systematic sampling with a random start over the families listed stratum by stratum in random
 *   order (Cochran 1977, Sampling Techniques, ch. 8): each family's inclusion probability is exactly
 *   n/N and each stratum gets the floor or the ceiling of its proportional share.
 * - `balanced`: the cube method (Deville and Tillé 2004) with equal inclusion probabilities, fast
 *   flight phase (Chauvet and Tillé 2006) and landing by suppression of variables, balancing the
 *   students of invited families on the `balance` columns (categories as indicators), optionally
 *   first within `strata`.
 * - `classroom`: each participating teacher invites `count` (or `fraction`) of the families of their
 *   class, drawn at random; a family belongs to the class of its lowest-id student.
 *
 * Families not selected form the `reserve`, in random order per stratum, for {@link replaceDeclined}.
 * The result carries a balance report (on the `balance` columns, for any method) and an audit
 * record; {@link verifyCohort} re-draws it. The same frame (in any row order), options and seed
 * give the identical cohort on every runtime and every 1.x version.
 *
 * @param frame - one row per student: `id`, `schoolId`, optional `familyId`, `grade`, `teacherId`
 *   and further named columns. Not mutated.
 * @param options - method, size (`count` or `fraction`, per school), `seed`, and method options;
 *   see {@link SampleCohortOptions}
 * @param source - where the rows came from (file and row numbers), for located error messages
 * @returns a plain, JSON-serialisable {@link Cohort}
 * @throws TargetingError for options shaped like filters, weights, priorities or risk scores
 * @throws PthvUsageError for a missing seed, size or required method option, or a size larger than the frame
 * @throws PthvInputError for an empty frame, duplicate ids, unknown columns, missing or non-numeric values
 *
 * @example
 * ```ts
 * import { sampleCohort, sampleDistrict } from "pthv";
 * const { students } = sampleDistrict({ seed: 1, students: 600 });
 * const cohort = sampleCohort(students, { method: "balanced", fraction: 0.25, balance: ["priorDaysAbsent", "ell"], seed: 2026 });
 * cohort.balance?.verdict; // "representative"
 * ```
 */
export function sampleCohort(frame: readonly FrameRow[], options: SampleCohortOptions, source?: FrameSource): Cohort {
  return sampleIndexed(frame, options, source);
}

/**
 * {@link sampleCohort} on a frame that may already be indexed (by {@link indexFrame} on the same
 * rows), so a caller that needs the index too (verifyCohort) builds it once. Options are checked
 * before the frame, as in sampleCohort.
 */
export function sampleIndexed(frame: readonly FrameRow[], options: SampleCohortOptions, source?: FrameSource, prebuilt?: IndexedFrame): Cohort {
  const { options: opts, seed } = normaliseOptions(options);
  // The balancing and strata columns are read block by block as the frame is indexed (one pass
  // over the rows instead of several); a frame indexed beforehand is read for them on its own.
  const columns = opts.balance !== undefined ? designReader(frame, opts.balance, source) : undefined;
  const strataColumns = opts.strata !== undefined ? strataReader(frame, opts.strata, source) : undefined;
  const alongside = (start: number, end: number): void => {
    columns?.read(start, end);
    strataColumns?.read(start, end);
  };
  const reads = columns !== undefined || strataColumns !== undefined;
  const indexed = prebuilt ?? indexFrame(frame, source, reads ? { digest: true, alongside } : { digest: true });
  if (prebuilt !== undefined && reads) alongside(0, frame.length);
  const design = columns !== undefined ? columns.finish() : [];
  const keys = strataColumns !== undefined ? strataColumns.finish(indexed) : undefined;
  const classes = opts.method === "classroom" ? classOf(indexed, source) : undefined;
  const random = createRandom(seed);
  const selected = new Uint8Array(indexed.familyIds.length);
  const strata: CohortStratum[] = [];
  const notes: string[] = [];
  for (const [schoolId, families] of indexed.schools) {
    const draw = drawSchool(indexed, design, opts, schoolId, families, keys, classes, selected, random.fork(`school:${schoolId}`));
    strata.push(...draw.strata);
    notes.push(...draw.notes);
  }
  const selectedFamilyIds = concat(strata.map((s) => s.selectedFamilyIds));
  const reserve = concat(strata.map((s) => s.reserve));
  const probabilities = new Set(strata.map((s) => s.inclusionProbability));
  const cohort: Cohort = {
    schoolIds: [...indexed.schools.keys()],
    method: opts.method,
    seed,
    selectedFamilyIds,
    reserve,
    declinedFamilyIds: [],
    replacements: [],
    strata,
    balance: balanceReport(indexed, design, opts.balance ?? [], selected),
    audit: {
      method: opts.method,
      options: { ...opts },
      seed,
      version: VERSION,
      frameDigest: indexed.digest,
      frameSize: frame.length,
    },
  };
  if (probabilities.size === 1) cohort.inclusionProbability = [...probabilities][0]!;
  if (notes.length > 0) cohort.notes = notes;
  return cohort;
}

/** The lists one after another (a copy, also when there is only one), allocated once at its length. */
function concat(lists: readonly string[][]): string[] {
  if (lists.length === 1) return lists[0]!.slice();
  let length = 0;
  for (const list of lists) length += list.length;
  const out: string[] = new Array<string>(length);
  let at = 0;
  for (const list of lists) for (let i = 0; i < list.length; i++) out[at++] = list[i]!;
  return out;
}

/** The class (teacher id of the lead student) of every family. */
function classOf(frame: IndexedFrame, source?: FrameSource): string[] {
  const issues: InputIssue[] = [];
  const classes = frame.familyIds.map((_, f) => {
    const lead = frame.familyLead[f]!;
    const value = cell(frame.rows[lead]!, "teacherId");
    if (typeof value !== "string" || value === "") {
      if (issues.length < 20) issues.push({ ...locate(source, lead, frame.rows[lead]!.id, "teacherId"), message: "missing teacher id: method 'classroom' invites families through their child's teacher" });
      return "";
    }
    return value;
  });
  if (issues.length > 0) throw new PthvInputError(issues, "missing teacher ids");
  return classes;
}

function drawSchool(
  frame: IndexedFrame,
  design: readonly DesignColumn[],
  opts: NormalisedOptions,
  schoolId: string,
  families: Positions,
  keys: Strata | undefined,
  classes: string[] | undefined,
  selected: Uint8Array,
  random: Random,
): Draw {
  const N = families.length;
  const students = (list: ArrayLike<number>) => {
    let total = 0;
    for (let i = 0; i < list.length; i++) total += frame.familyStudents[list[i]!]!;
    return total;
  };
  const ids = frame.familyIds;
  /** A stratum's summary: `list` in canonical order, `order` its random order (the reserve order). */
  const stratum = (key: string, list: ArrayLike<number>, order: ArrayLike<number>, probability: number): CohortStratum => {
    // Counted first, so each list is allocated once at its size (these can hold a million ids).
    let count = 0;
    for (let i = 0; i < list.length; i++) count += selected[list[i]!]!;
    const selectedFamilyIds: string[] = new Array<string>(count);
    for (let i = 0, at = 0; i < list.length; i++) if (selected[list[i]!] === 1) selectedFamilyIds[at++] = ids[list[i]!]!;
    const limit = Math.min(opts.reserveSize ?? count, list.length - count);
    const reserve: string[] = new Array<string>(Math.max(0, limit));
    for (let i = 0, at = 0; i < order.length && at < limit; i++) if (selected[order[i]!] === 0) reserve[at++] = ids[order[i]!]!;
    return { key, schoolId, families: list.length, students: students(list), selected: count, inclusionProbability: probability, selectedFamilyIds, reserve };
  };
  switch (opts.method) {
    case "all": {
      for (let i = 0; i < N; i++) selected[families[i]!] = 1;
      return { strata: [stratum(schoolId, families, [], 1)], notes: [] };
    }
    case "random": {
      const n = sizeFor(opts, schoolId, N, `school '${schoolId}'`);
      const order = shuffled(families, random);
      for (let i = 0; i < n; i++) selected[order[i]!] = 1;
      return { strata: [stratum(schoolId, families, order, N > 0 ? n / N : 0)], notes: [] };
    }
    case "stratified": {
      const n = sizeFor(opts, schoolId, N, `school '${schoolId}'`);
      return { strata: drawStratified(frame, schoolId, families, keys!, n, opts.reserveSize, selected, random), notes: [] };
    }
    case "balanced": {
      const n = sizeFor(opts, schoolId, N, `school '${schoolId}'`);
      const list = heapList(families);
      const groups = keys !== undefined ? groupByStratum(list, keys).map((g) => ({ key: `${schoolId}|${g.key}`, families: g.families })) : [{ key: schoolId, families: list }];
      const marks = balancedSelection(frame, design, list, groups.map((g) => g.families), n, random.fork("cube"));
      list.forEach((f, i) => (selected[f] = marks[i]!));
      return { strata: groups.map((g) => stratum(g.key, g.families, random.fork(`reserve:${g.key}`).shuffle(g.families), n / N)), notes: [] };
    }
    case "classroom": {
      const participating = opts.teachers !== undefined ? new Set(opts.teachers) : undefined;
      const notes: string[] = [];
      const list = heapList(families);
      const eligible = participating !== undefined ? list.filter((f) => participating.has(classes![f]!)) : list;
      if (eligible.length < N) notes.push(`school '${schoolId}': ${N - eligible.length} of ${N} families belong to classes whose teacher does not take part this season and cannot be invited`);
      const drawn = groupBy(eligible, (f) => classes![f]!).map((g) => {
        const key = `${schoolId}|teacherId=${g.key}`;
        const size = g.families.length;
        const wanted = opts.count !== undefined ? sizeFor({ method: opts.method, count: opts.count }, schoolId, Number.MAX_SAFE_INTEGER, `school '${schoolId}'`) : undefined;
        const k = wanted !== undefined ? Math.min(wanted, size) : sizeFor(opts, schoolId, size, `class '${g.key}'`);
        if (wanted !== undefined && wanted > size) notes.push(`class '${g.key}' in school '${schoolId}' has ${size} families, fewer than ${wanted}: all are invited`);
        const order = random.fork(`class:${g.key}`).shuffle(g.families);
        for (let i = 0; i < k; i++) selected[order[i]!] = 1;
        return stratum(key, g.families, order, size > 0 ? k / size : 0);
      });
      return { strata: drawn, notes };
    }
  }
}

/**
 * The `stratified` draw of one school: proportional allocation by systematic sampling with a random
 * start over the families listed stratum by stratum (strata in key order), each stratum in random
 * order. Marks the selected families in `selected` and gives each stratum's summary.
 *
 * The families are grouped into one list, stratum after stratum (each in canonical order), and
 * each stratum's part shuffled in place by `shuffleRange`, which is what
 * `random.fork("stratum:" + key).shuffle(list)` does to a copy: the same order, without
 * keeping the canonical lists beside the shuffled ones. The selected families of each stratum are
 * then listed in canonical order by one pass over the school's families.
 */
function drawStratified(frame: IndexedFrame, schoolId: string, families: Positions, strata: Strata, n: number, reserveSize: number | undefined, selected: Uint8Array, random: Random): CohortStratum[] {
  const N = families.length;
  const { keys, starts, order, groupOf } = strataInOrder(families, strata);
  const groups = keys.length;
  for (let g = 0; g < groups; g++) shuffleRange(order, starts[g]!, starts[g + 1]!, random.fork(`stratum:${keys[g]!}`));
  // Systematic sampling with a random integer start r in [0, N): position i is selected when a
  // multiple of N falls in (i*n + r, (i+1)*n + r]. Exactly n positions qualify, and each position
  // qualifies for exactly n of the N starts, so every inclusion probability is n/N.
  const r = N > 0 ? random.int(N) : 0;
  const chosen = new Array<number>(groups).fill(0);
  for (let g = 0; g < groups; g++) chosen[g] = systematic(order, starts[g]!, starts[g + 1]!, n, N, r, selected);
  // Each stratum's selected family ids (canonical order) and students, in one pass over the school.
  const selectedIds = chosen.map((count) => new Array<string>(count));
  const students = new Array<number>(groups).fill(0);
  listSelected(families, strata.codes, groupOf, frame.familyStudents, frame.familyIds, selected, selectedIds, students);
  const out: CohortStratum[] = new Array<CohortStratum>(groups);
  for (let g = 0; g < groups; g++) {
    const start = starts[g]!;
    const size = starts[g + 1]! - start;
    const count = chosen[g]!;
    // The reserve: the stratum's families not selected, in its random order.
    const limit = Math.max(0, Math.min(reserveSize ?? count, size - count));
    const reserve = unselected(order, start, limit, selected, frame.familyIds);
    out[g] = { key: `${schoolId}|${keys[g]!}`, schoolId, families: size, students: students[g]!, selected: count, inclusionProbability: n / N, selectedFamilyIds: selectedIds[g]!, reserve };
  }
  return out;
}

// The loops of a stratified draw are functions of their own at the top of the module (as in
// balanced.ts): each is optimised on its own, early, and keeps its optimised code from one draw to
// the next.

/** Marks the systematic sample's positions in `order[start .. end)` (positions counted over the whole school); how many. */
function systematic(order: Positions, start: number, end: number, n: number, N: number, r: number, selected: Uint8Array): number {
  let count = 0;
  for (let i = start; i < end; i++) {
    if (Math.floor(((i + 1) * n + r) / N) > Math.floor((i * n + r) / N)) {
      selected[order[i]!] = 1;
      count++;
    }
  }
  return count;
}

/** Fills each stratum's list of selected family ids (in the school's canonical order) and counts its students. */
function listSelected(families: Positions, codes: Strata["codes"], groupOf: Int32Array, familyStudents: IndexedFrame["familyStudents"], ids: readonly string[], selected: Uint8Array, selectedIds: string[][], students: number[]): void {
  const filled = new Array<number>(selectedIds.length).fill(0);
  for (let i = 0; i < families.length; i++) {
    const f = families[i]!;
    const g = groupOf[codes[f]!]!;
    students[g]! += familyStudents[f]!;
    if (selected[f] === 1) selectedIds[g]![filled[g]!++] = ids[f]!;
  }
}

/** The ids of the first `limit` unselected families of `order` from `start` (there are at least that many). */
function unselected(order: Positions, start: number, limit: number, selected: Uint8Array, ids: readonly string[]): string[] {
  const out: string[] = new Array<string>(limit);
  for (let k = start, at = 0; at < limit; k++) if (selected[order[k]!] === 0) out[at++] = ids[order[k]!]!;
  return out;
}

/** `random.shuffle(list)` for a list that may be a typed array, into a list in the heap (the same order: see `shuffleRange`). */
function shuffled(list: Positions, random: Random): Positions {
  const out = Array.isArray(list) ? list.slice() : heapList(list);
  shuffleRange(out, 0, out.length, random);
  return out;
}
