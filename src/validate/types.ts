import type { z } from "zod";
import type { ProgramRecord, SourceMap } from "../model/index.js";

/**
 * How much a finding matters: `error` breaks the programme, `warning` asks for a look.
 *
 * @example
 * ```ts
 * import { sampleDistrict, validateProgram, type Severity } from "pthv";
 * const report = validateProgram(sampleDistrict());
 * const severity: Severity = "error";
 * report.diagnostics.filter((d) => d.severity === severity).length;
 * ```
 */
export type Severity = "error" | "warning";

/**
 * A rule's configured level: `off` disables it.
 *
 * @example
 * ```ts
 * import { validateProgram, type RuleLevel } from "pthv";
 * const level: RuleLevel = "warn";
 * validateProgram(record, { rules: { "visited-representative": level } });
 * ```
 */
export type RuleLevel = "off" | "warn" | "error";

/**
 * What a rule protects: one of the five non-negotiables (1 voluntary and booked ahead, 2 trained and
 * compensated, 3 relationship first, 4 no targeting, 5 in pairs with reflection), or `"resolution"`
 * for the board resolution's plan requirements.
 *
 * @example
 * ```ts
 * import { sampleDistrict, validateProgram, type Protects } from "pthv";
 * const report = validateProgram(sampleDistrict());
 * const protects: Protects = 5;
 * report.diagnostics.filter((d) => d.protects === protects); // findings about pairs and reflection
 * ```
 */
export type Protects = 1 | 2 | 3 | 4 | 5 | "resolution";

/**
 * The kind of record a diagnostic is about.
 *
 * @example
 * ```ts
 * import { sampleDistrict, validateProgram, type DiagnosticEntity } from "pthv";
 * const report = validateProgram(sampleDistrict());
 * const byEntity = new Map<DiagnosticEntity, number>();
 * for (const d of report.diagnostics) byEntity.set(d.entity, (byEntity.get(d.entity) ?? 0) + 1);
 * ```
 */
export type DiagnosticEntity = "program" | "school" | "family" | "educator" | "pair" | "visit" | "reflection" | "cohort" | "plan";

/**
 * One finding: which rule, how severe, what is wrong and what to do, the non-negotiable it protects,
 * and where (entity, id, and file and row when the record was loaded from files).
 *
 * @example
 * ```ts
 * const d: Diagnostic = { ruleId: "visit-in-pairs", severity: "error", protects: 5, entity: "visit", id: "visit-9",
 *   message: "visit has 1 educator: visits are made by exactly two educators together", file: "visits.csv", row: 10 };
 * ```
 */
export interface Diagnostic {
  /** Stable id of the rule that found it. */
  ruleId: string;
  /** Severity after configuration. */
  severity: Severity;
  /** Plain-English message: what is wrong and what to do. Never contains a child's record values. */
  message: string;
  /** The non-negotiable (1 to 5) or `"resolution"` the rule protects. */
  protects: Protects;
  /** Kind of record. */
  entity: DiagnosticEntity;
  /** Id of the record (pseudonymous), when it has one. */
  id?: string;
  /** Field of the record the finding is about, when there is one. */
  field?: string;
  /** File the record came from, when loaded from files. */
  file?: string;
  /** Line of the record in its file (CSV: the spreadsheet row, header = 1), when known. */
  row?: number;
}

/**
 * A rule's description: stable id, the non-negotiable it protects, what it checks, its default
 * level, its docs page and the schema of its options (with defaults).
 *
 * @example
 * ```ts
 * const meta = RULES.find((r) => r.meta.id === "visit-in-pairs")!.meta;
 * meta.protects; // 5
 * ```
 */
export interface RuleMeta<O = unknown> {
  /** Stable id, kebab-case; never renamed within a major version. */
  id: string;
  /** The non-negotiable or `"resolution"`. */
  protects: Protects;
  /** One-sentence description of what the rule requires. */
  description: string;
  /** Level in `pthv:recommended`. */
  defaultLevel: Exclude<RuleLevel, "off">;
  /** URL of the rule's docs page (docs/rules/<id>.md). */
  docs: string;
  /** zod schema of the rule's options; parsing `{}` gives the defaults. */
  options: z.ZodType<O>;
}

/**
 * A finding as a rule reports it; the engine adds severity, rule id and location.
 *
 * @example
 * ```ts
 * import type { Finding } from "pthv";
 * const finding: Finding = { entity: "visit", index: 3, id: "visit-4", field: "educatorIds", message: "visit has 3 educators: visits are made by exactly two" };
 * ```
 */
export interface Finding {
  /** Kind of record. */
  entity: DiagnosticEntity;
  /** Index of the record in its collection (used to locate it in the source files). */
  index?: number;
  /** Id of the record. */
  id?: string;
  /** Field the finding is about. */
  field?: string;
  /** Message: what is wrong and what to do. */
  message: string;
}

/**
 * What a rule's check receives: the record, its options, shared indexes, and `report`. A rule that
 * cannot apply (no plan in the record, say) calls `skip` with the reason instead.
 *
 * @example
 * ```ts
 * import type { RuleContext } from "pthv";
 * function check({ record, report }: RuleContext<{ maxHours: number }>) {
 *   record.visits.forEach((v, index) => { if (v.agenda.length === 0) report({ entity: "visit", index, id: v.id, message: "no agenda" }); });
 * }
 * ```
 */
export interface RuleContext<O = unknown> {
  /** The programme being validated (never mutate it). */
  record: ProgramRecord;
  /** The rule's options, defaults filled in. */
  options: O;
  /** Lookups shared by all rules, built once per validation. */
  index: ProgramIndex;
  /** Records one finding. */
  report(finding: Finding): void;
  /** Records that the rule could not apply at all, and why. */
  skip(reason: string): void;
  /** Records something the rule left out (a school it could not assess, say), and why. */
  note(reason: string): void;
}

/**
 * A rule: `meta` and one check.
 *
 * @example
 * ```ts
 * import { RULES, type Rule } from "pthv";
 * const rule: Rule<never> = RULES[0]!;
 * console.log(rule.meta.id, rule.meta.docs);
 * ```
 */
export interface Rule<O = unknown> {
  /** The rule's description. */
  meta: RuleMeta<O>;
  /** Checks the record and reports each violation through the context. */
  check(context: RuleContext<O>): void;
}

/**
 * Lookups over a programme shared by all rules. Built lazily, once per validation.
 *
 * @example
 * ```ts
 * import type { Rule } from "pthv";
 * const rule: Rule = { meta, check: ({ record, index, report }) => {
 *   record.visits.forEach((v, i) => { if (!index.families.has(v.familyId)) report({ entity: "visit", index: i, id: v.id, message: "unknown family" }); });
 * } };
 * ```
 */
export interface ProgramIndex {
  /** Schools by id. */
  readonly schools: ReadonlyMap<string, ProgramRecord["schools"][number]>;
  /** Families by id. */
  readonly families: ReadonlyMap<string, ProgramRecord["families"][number]>;
  /** Educators by id. */
  readonly educators: ReadonlyMap<string, ProgramRecord["educators"][number]>;
  /** Pairs by id. */
  readonly pairs: ReadonlyMap<string, ProgramRecord["pairs"][number]>;
  /** Students of each school id, in record order (a school's sampling frame). */
  readonly studentsBySchool: ReadonlyMap<string, ProgramRecord["students"]>;
  /**
   * Students of each school id sorted by student id (ties in record order): the school's sampling
   * frame in the order the sampler indexes a frame, shared by the rules that hand frames to it.
   */
  readonly framesBySchool: ReadonlyMap<string, ProgramRecord["students"]>;
  /** Index (into `record.reflections`) of the reflection that names each visit id, or the indexes when several do. */
  readonly reflectionsByVisit: ReadonlyMap<string, number | readonly number[]>;
  /** Index (into `record.families`) of each family id, the first when an id repeats. */
  readonly familyIndex: ReadonlyMap<string, number>;
  /**
   * Index (into `record.families`) of the first family with this id, or -1: what
   * `familyIndex.get(id) ?? -1` gives, without building a `Map` of every family. `near` is a
   * position to try first (the next family after the last one found, when records come in order);
   * it changes only the speed, never the answer.
   */
  familyPosition(id: string, near?: number): number;
  /**
   * What `reflectionsByVisit.get(visitId)` gives (the index of the one reflection naming the visit
   * id, the indexes in record order when several do, undefined when none), without building a `Map`
   * of every visit id.
   */
  reflectionsOf(visitId: string): number | readonly number[] | undefined;
  /**
   * State of each visit (by index in `record.visits`): 0 when cancelled, 1 when active but not
   * held, 2 when completed (held). So `isActive(visit)` is `visitStates[i] > 0` and `isHeld(visit)`
   * is `visitStates[i] === 2`, read without touching the visit record.
   */
  readonly visitStates: Uint8Array;
  /**
   * Positions (into `record.educators`, the first record with each id) of each visit's two
   * educators, in the order of its `educatorIds`, when the visit names exactly two distinct
   * educators who are both in the records; -1 in both otherwise (the rules then read the visit).
   */
  readonly visitEducators: { readonly first: readonly number[]; readonly second: readonly number[] };
  /** Index (into `record.educators`) of the first educator with this id, or -1. */
  educatorPosition(id: string): number;
  /** Index (into `record.families`) of each visit's family, or -1 when the family is not in the records. */
  readonly visitFamily: readonly number[];
  /** Start and end of each visit (by index in `record.visits`), in milliseconds since the epoch, parsed once. */
  readonly visitTimes: { readonly start: readonly number[]; readonly end: readonly number[] };
  /** Milliseconds since the epoch of an ISO datetime with offset (NaN when unparseable). */
  time(iso: string): number;
}

/**
 * Options of {@link validateProgram} beyond the configuration.
 *
 * @example
 * ```ts
 * import { validateProgram, type ValidateOptions } from "pthv";
 * import { loadProgram } from "pthv/node";
 * const { program, sources } = await loadProgram("district/");
 * const options: ValidateOptions = { sources };
 * validateProgram(program, undefined, options); // diagnostics name file and row
 * ```
 */
export interface ValidateOptions {
  /** Where each record came from (from `loadProgram`), so diagnostics name file and row. */
  sources?: SourceMap;
}

/**
 * How one rule ran: its level, its options, how many findings, and why it was skipped if it was.
 *
 * @example
 * ```ts
 * import { sampleDistrict, validateProgram, type RuleRun } from "pthv";
 * const report = validateProgram(sampleDistrict());
 * const runs: RuleRun[] = report.rules;
 * runs.filter((r) => r.skipped).map((r) => `${r.id}: ${r.skipped}`);
 * ```
 */
export interface RuleRun {
  /** Rule id. */
  id: string;
  /** Configured level. */
  level: RuleLevel;
  /** Options in effect (defaults filled in). */
  options: unknown;
  /** Number of diagnostics it produced. */
  findings: number;
  /** Why the rule did not apply, when it did not. */
  skipped?: string;
  /** What the rule left out, and why (it applied to the rest). */
  notes?: string[];
}

/**
 * The result of {@link validateProgram}: `ok` (no errors), counts by severity, the diagnostics in
 * record order, and what explains them (what was checked, each rule's level and options).
 *
 * @example
 * ```ts
 * const report = validateProgram(sampleDistrict({ students: 200 }));
 * report.ok; // true
 * report.counts; // { error: 0, warning: 0 }
 * ```
 */
export interface ValidationReport {
  /** True when there is no error-level diagnostic. */
  ok: boolean;
  /** Diagnostics by severity. */
  counts: { error: number; warning: number };
  /** Every finding. */
  diagnostics: Diagnostic[];
  /** Every rule, in catalogue order, with how it ran. */
  rules: RuleRun[];
  /** How many records of each kind were checked. */
  checked: { schools: number; families: number; educators: number; pairs: number; visits: number; reflections: number; cohorts: number; plan: boolean };
  /** The inputs (files or folders) the report covers, when validated from files. */
  inputs?: string[];
}
