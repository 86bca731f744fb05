import { z } from "zod";
import { MAX_INPUT_ISSUES, parseRecordBounded } from "./parse-bounded.js";
import { PthvInputError, type InputIssue } from "../errors/index.js";
import { ProgramRecord, type ProgramRecordInput } from "./program.js";

/**
 * The collections of a {@link ProgramRecord} that hold arrays of records.
 *
 * @example
 * ```ts
 * import { COLLECTIONS } from "pthv";
 * for (const c of COLLECTIONS) console.log(c, record[c].length);
 * ```
 */
export const COLLECTIONS = [
  "schools",
  "students",
  "families",
  "educators",
  "pairs",
  "visits",
  "reflections",
  "cohorts",
  "outcomes",
] as const;
/**
 * A collection of a programme record.
 *
 * @example
 * ```ts
 * import type { Collection } from "pthv";
 * const c: Collection = "visits";
 * ```
 */
export type Collection = (typeof COLLECTIONS)[number];

/**
 * The singular entity name of each collection, used in messages and diagnostics.
 *
 * @example
 * ```ts
 * import { ENTITY_OF } from "pthv";
 * ENTITY_OF.families; // "family"
 * ```
 */
export const ENTITY_OF: Record<Collection | "plan" | "season", string> = {
  schools: "school",
  students: "student",
  families: "family",
  educators: "educator",
  pairs: "pair",
  visits: "visit",
  reflections: "reflection",
  cohorts: "cohort",
  outcomes: "outcome",
  plan: "plan",
  season: "season",
};

/**
 * Where one record came from: its file and, for CSV, its 1-based data row.
 *
 * @example
 * ```ts
 * import type { RecordSource } from "pthv";
 * const where: RecordSource = { file: "visits.csv", row: 12 };
 * ```
 */
export interface RecordSource {
  file: string;
  row?: number;
}

/**
 * Where each record of a programme came from, parallel to the record's arrays: `sources.visits[3]`
 * is the source of `record.visits[3]`. Filled by `loadProgram`; absent for records built in code.
 *
 * @example
 * ```ts
 * const sources: SourceMap = { visits: [{ file: "visits.csv", row: 1 }] };
 * ```
 */
export type SourceMap = Partial<Record<Collection, RecordSource[]>> & { file?: string };

/** Keys that could pollute prototypes when copied; refused anywhere in an input. */
const UNSAFE_KEYS = new Set(["__proto__", "constructor", "prototype"]);

function findUnsafeKeys(value: unknown, path: (string | number)[], out: (string | number)[][]): void {
  // One shared path stack, copied only when an unsafe key is found: inputs can hold millions of values.
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (item !== null && typeof item === "object") {
        path.push(i);
        findUnsafeKeys(item, path, out);
        path.pop();
      }
    }
  } else if (value !== null && typeof value === "object") {
    for (const key in value) {
      if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
      if (UNSAFE_KEYS.has(key)) {
        out.push([...path, key]);
        continue;
      }
      const child = (value as Record<string, unknown>)[key];
      if (child !== null && typeof child === "object") {
        path.push(key);
        findUnsafeKeys(child, path, out);
        path.pop();
      }
    }
  }
}

/** Formats a path such as `["visits", 3, "start"]` as `start` plus the collection and index. */
function fieldOf(path: readonly PropertyKey[]): string {
  return path
    .slice(2)
    .map((p, i) => (typeof p === "number" ? `[${p}]` : `${i === 0 ? "" : "."}${String(p)}`))
    .join("");
}

/**
 * Locates an issue at `path` of a programme record, using the source map when there is one.
 *
 * @example
 * ```ts
 * import { locate } from "pthv";
 * locate(record, ["visits", 3, "start"], { visits: [] }); // { entity: "visit", field: "visits[3].start", id: ... }
 * ```
 */
export function locate(
  record: unknown,
  path: readonly PropertyKey[],
  sources: SourceMap | undefined,
): Omit<InputIssue, "message"> {
  const [collection, index] = path;
  const where: Omit<InputIssue, "message"> = {};
  if (sources?.file !== undefined) where.file = sources.file;
  if (typeof collection !== "string") return where;
  where.entity = ENTITY_OF[collection as Collection] ?? collection;
  if (typeof index === "number") {
    const source = sources?.[collection as Collection]?.[index];
    if (source) {
      where.file = source.file;
      if (source.row !== undefined) where.row = source.row;
      const field = fieldOf(path);
      if (field) where.field = field;
    } else {
      where.field = `${collection}[${index}]${path.length > 2 ? "." : ""}${fieldOf(path)}`;
    }
    const item = (record as Record<string, unknown[]> | null)?.[collection]?.[index];
    const id = (item as { id?: unknown; studentId?: unknown } | undefined)?.id ?? (item as { studentId?: unknown } | undefined)?.studentId;
    if (typeof id === "string" && id.length > 0) where.id = id;
  } else if (path.length > 1) {
    where.field = path.slice(1).map(String).join(".");
  }
  return where;
}

/**
 * Turns zod's issues into located input issues.
 *
 * @example
 * ```ts
 * import { issuesFromZod, ProgramRecord } from "pthv";
 * const result = ProgramRecord.safeParse(input);
 * if (!result.success) console.log(issuesFromZod(result.error, input).map((i) => i.field));
 * ```
 */
export function issuesFromZod(error: z.ZodError, record: unknown, sources?: SourceMap): InputIssue[] {
  return error.issues.map((issue) => ({ ...locate(record, issue.path, sources), message: plainMessage(issue) }));
}

/** zod's messages, reworded where a plain-English instruction helps. */
function plainMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === "invalid_type" && /received undefined$/.test(issue.message)) {
    return `is required but missing: add a value (${issue.expected})`;
  }
  if (issue.code === "unrecognized_keys") return `${issue.message}: remove or rename them`;
  return issue.message;
}

/** The objects of a collection, tolerating unparsed input (a missing or malformed collection is empty). */
function arrayOf(record: unknown, collection: Collection): Record<string, unknown>[] {
  const value = (record as Record<string, unknown> | null)?.[collection];
  return Array.isArray(value) ? value.map((v) => (v !== null && typeof v === "object" ? (v as Record<string, unknown>) : {})) : [];
}

interface Ref {
  from: Collection;
  field: string;
  get: (item: Record<string, unknown>) => unknown;
  to: Collection;
  hint: string;
}

const REFS: Ref[] = [
  { from: "students", field: "schoolId", get: (s) => s.schoolId, to: "schools", hint: "add the school to schools or correct the id" },
  { from: "students", field: "familyId", get: (s) => s.familyId, to: "families", hint: "add the family to families or correct the id" },
  { from: "families", field: "schoolId", get: (f) => f.schoolId, to: "schools", hint: "add the school to schools or correct the id" },
  { from: "educators", field: "schoolId", get: (e) => e.schoolId, to: "schools", hint: "add the school to schools or correct the id" },
  { from: "pairs", field: "schoolId", get: (p) => p.schoolId, to: "schools", hint: "add the school to schools or correct the id" },
  { from: "pairs", field: "educatorIds", get: (p) => p.educatorIds, to: "educators", hint: "add the educator to educators or correct the id" },
  { from: "visits", field: "schoolId", get: (v) => v.schoolId, to: "schools", hint: "add the school to schools or correct the id" },
  { from: "visits", field: "familyId", get: (v) => v.familyId, to: "families", hint: "add the family to families or correct the id" },
  { from: "visits", field: "educatorIds", get: (v) => v.educatorIds, to: "educators", hint: "add the educator to educators or correct the id" },
  { from: "visits", field: "pairId", get: (v) => v.pairId, to: "pairs", hint: "add the pair to pairs or correct the id" },
  { from: "reflections", field: "visitIds", get: (r) => r.visitIds, to: "visits", hint: "add the visit to visits or correct the id" },
  { from: "reflections", field: "educatorIds", get: (r) => r.educatorIds, to: "educators", hint: "add the educator to educators or correct the id" },
  { from: "outcomes", field: "schoolId", get: (o) => o.schoolId, to: "schools", hint: "add the school to schools or correct the id" },
  { from: "outcomes", field: "studentId", get: (o) => o.studentId, to: "students", hint: "add the student to students or correct the id" },
];

/**
 * Checks ids across a parsed programme: duplicates within a collection, and references to records
 * that do not exist. A reference is checked when the referenced collection is present and not
 * empty, so partial records (only outcomes, say) can still be parsed.
 *
 * @example
 * ```ts
 * import { checkReferences, parseProgram } from "pthv";
 * const issues = checkReferences({ schools: [], families: [{ id: "f1", schoolId: "sch-9", homeLanguage: "en" }] });
 * issues.length; // 0: references to schools are checked only when schools are given
 * ```
 */
export function checkReferences(record: ProgramRecord | ProgramRecordInput, sources?: SourceMap): InputIssue[] {
  const issues: InputIssue[] = [];
  const ids = new Map<Collection, ReadonlyMap<string, number>>();
  for (const collection of ["schools", "students", "families", "educators", "pairs", "visits", "reflections"] as const) {
    const seen = new Map<string, number>();
    const items = arrayOf(record, collection);
    items.forEach((item, index) => {
      if (typeof item.id !== "string") return;
      const first = seen.get(item.id);
      if (first !== undefined) {
        const firstAt = sources?.[collection]?.[first];
        const where = firstAt?.row !== undefined ? `row ${firstAt.row}` : `${collection}[${first}]`;
        issues.push({
          ...locate(record, [collection, index, "id"], sources),
          message: `duplicate ${ENTITY_OF[collection]} id (first used at ${where}): give each ${ENTITY_OF[collection]} its own id`,
        });
      } else seen.set(item.id, index);
    });
    ids.set(collection, seen); // the ids seen, each at its first index: no copy into a set
  }
  for (const ref of REFS) {
    const known = ids.get(ref.to);
    if (!known || known.size === 0) continue;
    // One issue per unknown id and field, at its first use, with the number of uses: a renamed
    // record gives one message, not one per reference to it.
    const unknown = new Map<string, { path: (string | number)[]; uses: number }>();
    arrayOf(record, ref.from).forEach((item, index) => {
      const value = ref.get(item);
      // A single reference that is known (the usual case) is checked without building a list.
      if (typeof value === "string" && known.has(value)) return;
      const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
      values.forEach((v, k) => {
        if (typeof v !== "string" || known.has(v)) return;
        const seen = unknown.get(v);
        if (seen) seen.uses += 1;
        else unknown.set(v, { path: Array.isArray(value) ? [ref.from, index, ref.field, k] : [ref.from, index, ref.field], uses: 1 });
      });
    });
    for (const [v, { path, uses }] of unknown) {
      const more = uses > 1 ? ` (and ${uses - 1} more ${ENTITY_OF[ref.from]} record${uses > 2 ? "s" : ""} refer to it)` : "";
      issues.push({ ...locate(record, path, sources), message: `unknown ${ENTITY_OF[ref.to]} id '${v}'${more}: ${ref.hint}` });
    }
  }
  return issues;
}

/**
 * Parses a programme record from plain data (for example `JSON.parse` of a file): validates every
 * field, fills defaults, checks ids and references, and refuses keys that could pollute prototypes.
 * The input is never mutated.
 *
 * @param input - plain data shaped like a {@link ProgramRecord}
 * @param sources - where each record came from, to locate problems (set by `loadProgram`)
 * @returns the parsed, typed record
 * @throws PthvInputError listing every problem at once
 *
 * @example
 * ```ts
 * import { parseProgram } from "pthv";
 * const record = parseProgram({ schools: [], students: [] });
 * record.visits.length; // 0
 * ```
 */
export function parseProgram(input: unknown, sources?: SourceMap): ProgramRecord {
  const unsafe: (string | number)[][] = [];
  findUnsafeKeys(input, [], unsafe);
  if (unsafe.length > 0) {
    throw new PthvInputError(
      unsafe.map((path) => ({
        ...locate(input, path, sources),
        message: `key '${String(path[path.length - 1])}' is not allowed (it could change object prototypes): rename or remove it`,
      })),
    );
  }
  if (input === null || typeof input !== "object" || Array.isArray(input)) {
    throw new PthvInputError([
      { ...(sources?.file !== undefined ? { file: sources.file } : {}), message: "a programme record must be an object with arrays such as schools, families and visits" },
    ]);
  }
  const result = parseRecordBounded(input as Record<string, unknown>);
  if (result.truncated) {
    const shown = issuesFromZod(new z.ZodError(result.issues), input, sources);
    const where = sources?.file !== undefined ? { file: sources.file } : {};
    throw new PthvInputError([...sortIssues(shown), { ...where, message: `parsing stopped after ${MAX_INPUT_ISSUES} problems: fix these and run again to see the rest` }]);
  }
  // Ids and references are checked on the input as given, so they are reported together with
  // field problems (every problem at once).
  const refIssues = checkReferences(input as ProgramRecordInput, sources);
  const issues = result.data ? refIssues : [...issuesFromZod(new z.ZodError(result.issues), input, sources), ...refIssues];
  if (issues.length > 0) throw new PthvInputError(sortIssues(issues));
  return result.data!;
}

/** Orders issues by file, row and field so messages read top to bottom. Stable for equal keys. */
function sortIssues(issues: InputIssue[]): InputIssue[] {
  return issues
    .map((issue, index) => ({ issue, index }))
    .sort((a, b) => {
      const fa = a.issue.file ?? "";
      const fb = b.issue.file ?? "";
      if (fa !== fb) return fa < fb ? -1 : 1;
      const ra = a.issue.row ?? 0;
      const rb = b.issue.row ?? 0;
      return ra !== rb ? ra - rb : a.index - b.index;
    })
    .map((x) => x.issue);
}
