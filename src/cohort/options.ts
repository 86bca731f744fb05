/**
 * The options of sampleCohort: checked, normalised for the audit record, and refused when they
 * are shaped like targeting (filters, weights, priorities, risk scores).
 */
import { PthvUsageError, TargetingError } from "../errors/index.js";
import { CohortMethod } from "../model/index.js";
import type { Seed } from "../random/index.js";

/** A size per school: one number for every school, or a number for each school id. */
export type SizePerSchool = number | Readonly<Record<string, number>>;

/**
 * Options of {@link sampleCohort}. Nothing here can raise one family's chance above another's within
 * a school: attributes of families are used only as balancing variables or strata.
 *
 * @example
 * ```ts
 * const options: SampleCohortOptions = { method: "balanced", fraction: 0.25, balance: ["priorDaysAbsent", "ell"], strata: ["grade"], seed: 2026 };
 * ```
 */
export interface SampleCohortOptions {
  /** `all`, `random`, `stratified`, `balanced` or `classroom`. */
  method: CohortMethod;
  /** Seed of every random draw (required except for `all`). The number 2026 and the text "2026" are the same seed. */
  seed?: Seed;
  /** Families to invite in each school (for `classroom`: in each class). Give `count` or `fraction`, not both. */
  count?: SizePerSchool;
  /** Share of each school's families to invite (for `classroom`: of each class), 0 to 1; the count is rounded to the nearest whole family. */
  fraction?: SizePerSchool;
  /**
   * Columns whose means the invited students should match (numbers, booleans, or categories). The
   * `balanced` method draws so that they match; every method reports them in the cohort's balance report.
   */
  balance?: readonly string[];
  /** `stratified` (required) and `balanced` (optional): columns whose combinations form strata within each school. */
  strata?: readonly string[];
  /** `classroom`: the participating teachers' ids (default: every teacher in the frame). */
  teachers?: readonly string[];
  /** Reserve families kept per stratum, in replacement order (default: as many as the stratum's selected families). */
  reserveSize?: number;
}

/** The options as recorded in the audit: only what was given, in a fixed key order, JSON-serialisable. */
export interface NormalisedOptions {
  method: CohortMethod;
  count?: number | Record<string, number>;
  fraction?: number | Record<string, number>;
  balance?: string[];
  strata?: string[];
  teachers?: string[];
  reserveSize?: number;
}

const KNOWN = new Set(["method", "seed", "count", "fraction", "balance", "strata", "teachers", "reserveSize"]);
const TARGETING = /filter|weight|priorit|risk|score|target|eligib|include|exclude|only|where|select|prefer|rank|focus|need|flag|boost|oversample/i;

/**
 * Checks options and returns them normalised. Options shaped like targeting are refused with a
 * {@link TargetingError}; anything else unknown or malformed with a {@link PthvUsageError}.
 */
export function normaliseOptions(input: SampleCohortOptions): { options: NormalisedOptions; seed: Seed } {
  if (typeof input !== "object" || input === null) throw new PthvUsageError("sampleCohort needs options: at least { method }");
  const given = input as unknown as Record<string, unknown>;
  for (const key of Object.keys(given)) {
    if (KNOWN.has(key) || given[key] === undefined) continue;
    if (TARGETING.test(key)) {
      throw new TargetingError(`option '${key}' would single out some families or give them a higher chance of an invitation; the sampler has no such option`);
    }
    throw new PthvUsageError(`unknown option '${key}': the options are ${[...KNOWN].join(", ")}`);
  }
  const method = CohortMethod.safeParse(input.method);
  if (!method.success) throw new PthvUsageError(`method must be one of ${CohortMethod.options.join(", ")} (got '${String(input.method)}')`);
  const options: NormalisedOptions = { method: method.data };
  if (input.seed !== undefined && typeof input.seed !== "string" && !(typeof input.seed === "number" && Number.isFinite(input.seed))) {
    throw new PthvUsageError("seed must be a string or a finite number");
  }
  if (method.data !== "all" && input.seed === undefined) {
    throw new PthvUsageError(`method '${method.data}' draws at random: give a seed (any string or number) so the cohort can be re-drawn and audited`);
  }
  const seed = input.seed ?? 0;
  const columns = (value: unknown, key: string): string[] => {
    if (!Array.isArray(value) || !value.every((v) => typeof v === "string" && v !== "")) throw new PthvUsageError(`${key} must be a list of column names`);
    return [...(value as string[])];
  };
  if (method.data === "all") {
    if (input.balance !== undefined) options.balance = columns(input.balance, "balance");
    for (const key of ["count", "fraction", "strata", "teachers", "reserveSize"] as const) {
      if (input[key] !== undefined) throw new PthvUsageError(`method 'all' invites every family: option '${key}' does not apply`);
    }
    return { options, seed };
  }
  if ((input.count === undefined) === (input.fraction === undefined)) throw new PthvUsageError("give the size as either count or fraction (one of them)");
  if (input.count !== undefined) options.count = sizeOption(input.count, "count", (n) => Number.isInteger(n) && n >= 0, "a whole number of families, 0 or more");
  if (input.fraction !== undefined) options.fraction = sizeOption(input.fraction, "fraction", (n) => n >= 0 && n <= 1, "a share between 0 and 1");
  if (input.balance !== undefined) options.balance = columns(input.balance, "balance");
  if (method.data === "balanced" && (options.balance === undefined || options.balance.length === 0)) {
    throw new PthvUsageError("method 'balanced' needs balance: the columns the cohort should match the school on");
  }
  if (input.strata !== undefined) {
    if (method.data !== "stratified" && method.data !== "balanced") throw new PthvUsageError(`option 'strata' applies to methods 'stratified' and 'balanced' only`);
    options.strata = columns(input.strata, "strata");
  }
  if (method.data === "stratified" && (options.strata === undefined || options.strata.length === 0)) {
    throw new PthvUsageError("method 'stratified' needs strata: the columns (e.g. grade, teacherId) that form the strata");
  }
  if (input.teachers !== undefined) {
    if (method.data !== "classroom") throw new PthvUsageError("option 'teachers' applies to method 'classroom' only");
    options.teachers = columns(input.teachers, "teachers");
  }
  if (input.reserveSize !== undefined) {
    if (!Number.isInteger(input.reserveSize) || input.reserveSize < 0) throw new PthvUsageError("reserveSize must be a whole number, 0 or more");
    options.reserveSize = input.reserveSize;
  }
  return { options, seed };
}

function sizeOption(value: SizePerSchool, key: string, valid: (n: number) => boolean, what: string): number | Record<string, number> {
  if (typeof value === "number") {
    if (!valid(value)) throw new PthvUsageError(`${key} must be ${what} (got ${value})`);
    return value;
  }
  if (typeof value !== "object" || value === null) throw new PthvUsageError(`${key} must be a number or a map from school id to number`);
  const out: Record<string, number> = {};
  for (const school of Object.keys(value).sort()) {
    const n = value[school];
    if (typeof n !== "number" || !valid(n)) throw new PthvUsageError(`${key} for school '${school}' must be ${what}`);
    out[school] = n;
  }
  return out;
}
