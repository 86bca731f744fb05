/**
 * The typed errors of `pthv`. Every error has a stable `code` that programs can switch on; input
 * errors carry every problem found, each located by file, row, field and id.
 *
 * @packageDocumentation
 */

/**
 * Stable error codes. Documented in docs/errors.md; never renamed within a major version.
 *
 * @example
 * ```ts
 * import { isPthvError, type PthvErrorCode } from "pthv";
 * try { run(); } catch (e) { if (isPthvError(e)) { const code: PthvErrorCode = e.code; console.log(code); } }
 * ```
 */
export type PthvErrorCode =
  | "PTHV_INPUT"
  | "PTHV_TARGETING"
  | "PTHV_CONFIG"
  | "PTHV_USAGE"
  | "PTHV_ESTIMATION"
  | "PTHV_INFEASIBLE";

/**
 * Where a problem was found. Every field is optional because a problem may be in a whole file
 * (no row) or in a record passed from code (no file).
 *
 * @example
 * ```ts
 * const where: InputLocation = { file: "families.csv", row: 4, field: "consent", id: "fam-12" };
 * ```
 */
export interface InputLocation {
  /** File the record came from, relative to the loaded path. */
  file?: string;
  /** 1-based data row in a CSV file (the header is row 0), or 1-based line in a JSON file. */
  row?: number;
  /** Path of the field inside the record, e.g. `consent.recordedAt` or `visits[3].start`. */
  field?: string;
  /** Kind of record: `school`, `student`, `family`, `educator`, `visit`, ... */
  entity?: string;
  /** Id of the record, when it has one. Ids are pseudonymous; never a name. */
  id?: string;
}

/**
 * One problem in an input, located and explained.
 *
 * @example
 * ```ts
 * const issue: InputIssue = { file: "students.csv", row: 3, field: "school_id", message: "unknown school id 'sch-9': add the school to schools.csv or correct the id" };
 * ```
 */
export interface InputIssue extends InputLocation {
  /** Plain-English description of what is wrong and what to do. Never contains record values about a child. */
  message: string;
}

/**
 * Base class of every error `pthv` throws on purpose.
 *
 * @example
 * ```ts
 * try { sampleCohort([], { method: "all" }); } catch (e) { if (e instanceof PthvError) console.log(e.code); }
 * ```
 */
export class PthvError extends Error {
  /** Stable machine-readable code. */
  readonly code: PthvErrorCode;
  constructor(code: PthvErrorCode, message: string) {
    super(message);
    this.name = "PthvError";
    this.code = code;
  }
}

/**
 * Formats a location for messages: `file:row, entity 'id', field 'name'`.
 *
 * @example
 * ```ts
 * formatLocation({ file: "visits.csv", row: 7, field: "start" }); // "visits.csv:7, field 'start'"
 * ```
 */
export function formatLocation(where: InputLocation): string {
  const parts: string[] = [];
  if (where.file !== undefined) parts.push(where.row !== undefined ? `${where.file}:${where.row}` : where.file);
  else if (where.row !== undefined) parts.push(`row ${where.row}`);
  if (where.entity !== undefined || where.id !== undefined) {
    parts.push(`${where.entity ?? "record"}${where.id !== undefined ? ` '${where.id}'` : ""}`);
  }
  if (where.field !== undefined) parts.push(`field '${where.field}'`);
  return parts.join(", ");
}

/**
 * Bad input: every problem found, at once. Thrown by parsers and loaders; the CLI prints the issues
 * and exits 2.
 *
 * @example
 * ```ts
 * const err = new PthvInputError([{ file: "schools.csv", row: 2, field: "time_zone", message: "unknown time zone" }]);
 * err.issues.length; // 1
 * ```
 */
export class PthvInputError extends PthvError {
  /** Every problem found, in input order. */
  readonly issues: readonly InputIssue[];
  constructor(issues: readonly InputIssue[], summary?: string) {
    const count = issues.length;
    const head = summary ?? `${count} problem${count === 1 ? "" : "s"} in the input`;
    super("PTHV_INPUT", `${head}:\n${issues.map((i) => `  - ${describeIssue(i)}`).join("\n")}`);
    this.name = "PthvInputError";
    this.issues = issues;
  }
}

/**
 * One line describing an issue: location, then message.
 *
 * @example
 * ```ts
 * describeIssue({ file: "a.csv", row: 2, field: "id", message: "missing id" }); // "a.csv:2, field 'id': missing id"
 * ```
 */
export function describeIssue(issue: InputIssue): string {
  const where = formatLocation(issue);
  return where ? `${where}: ${issue.message}` : issue.message;
}

/**
 * An option that would single out families (a filter, weight, priority or risk score). Refused
 * because of non-negotiable 4: visits go to all families or to a cross-section, never to a group
 * selected for risk.
 *
 * @example
 * ```ts
 * throw new TargetingError("option 'weights' would give some families a higher chance of an invitation");
 * ```
 */
export class TargetingError extends PthvError {
  constructor(message: string) {
    super(
      "PTHV_TARGETING",
      `${message}. Non-negotiable 4 (no targeting): visits go to all families or to a representative cross-section, never to a group singled out for risk, so no family is stigmatised. Use attributes only as balancing variables.`,
    );
    this.name = "TargetingError";
  }
}

/**
 * Invalid configuration (for example a `pthv.config.json`), naming the key.
 *
 * @example
 * ```ts
 * throw new PthvConfigError([{ field: "rules.visit-in-pairs", message: "severity must be off, warn or error" }]);
 * ```
 */
export class PthvConfigError extends PthvError {
  readonly issues: readonly InputIssue[];
  constructor(issues: readonly InputIssue[]) {
    super("PTHV_CONFIG", `invalid configuration:\n${issues.map((i) => `  - ${describeIssue(i)}`).join("\n")}`);
    this.name = "PthvConfigError";
    this.issues = issues;
  }
}

/**
 * Wrong use of a function or command (missing argument, incompatible options).
 *
 * @example
 * ```ts
 * throw new PthvUsageError("--fraction must be between 0 and 1");
 * ```
 */
export class PthvUsageError extends PthvError {
  constructor(message: string) {
    super("PTHV_USAGE", message);
    this.name = "PthvUsageError";
  }
}

/**
 * Nothing can be estimated from the data given (for example no visited students, or every
 * covariate collinear). Problems that still allow an estimate are warnings in the report instead.
 *
 * @example
 * ```ts
 * throw new PthvEstimationError("no visited students: the effect of visits cannot be estimated");
 * ```
 */
export class PthvEstimationError extends PthvError {
  constructor(message: string) {
    super("PTHV_ESTIMATION", message);
    this.name = "PthvEstimationError";
  }
}

/**
 * True when `value` is an error `pthv` raised on purpose (as opposed to a bug).
 *
 * @example
 * ```ts
 * isPthvError(new PthvUsageError("x")); // true
 * ```
 */
export function isPthvError(value: unknown): value is PthvError {
  return value instanceof PthvError;
}
