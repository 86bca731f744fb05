/**
 * Parsing schools' readiness data at the boundary: the schema, then the checks that need more
 * than one field (supporters against teachers, currency symbols against the currency, one way of
 * giving the cost), every problem at once, each naming the school and field.
 */
import { checkCostPlan } from "../cost/index.js";
import { PthvInputError, type InputIssue } from "../errors/index.js";
import { SchoolReadiness, readMoneyText } from "../model/index.js";

/**
 * Where each school's record came from, so that problems name the file and row.
 *
 * @example
 * ```ts
 * import { rankSchools, type ReadinessSources } from "pthv";
 * const sources: ReadinessSources = { file: "schools.json", rows: [3, 17] };
 * rankSchools(schools, {}, sources);
 * ```
 */
export interface ReadinessSources {
  /** File the records came from. */
  file?: string;
  /** Row (CSV) or line (JSON) of each record, by position. */
  rows?: readonly number[];
  /** Names to use for fields in messages, by schema path (e.g. `teachers.inSupport` -> `teachers_in_support`). */
  fields?: Readonly<Record<string, string>>;
}

/**
 * Parses and checks schools' readiness data; every problem in every school at once.
 *
 * @param schools - readiness records as given (money may be text such as `"$31,200"`)
 * @param sources - optional file and rows, to locate problems
 * @returns the parsed records, defaults filled in, in the same order
 * @throws PthvInputError naming school, field (and file and row when known) for each problem
 *
 * @example
 * ```ts
 * const [school] = parseSchoolReadiness([{
 *   schoolId: "sch-1",
 *   principal: { named: true, engaged: true },
 *   teachers: { total: 36, inSupport: 20 },
 *   funding: { budget: "$31,200", estimatedCost: 31200 },
 * }]);
 * school!.funding.budget; // 31200
 * ```
 */
export function parseSchoolReadiness(schools: readonly unknown[], sources: ReadinessSources = {}): SchoolReadiness[] {
  const issues: InputIssue[] = [];
  const parsed: SchoolReadiness[] = [];
  const seen = new Map<string, number>();
  schools.forEach((raw, index) => {
    const rawId = isRecord(raw) && typeof raw.schoolId === "string" ? raw.schoolId : undefined;
    const row = sources.rows?.[index];
    const where = {
      ...(sources.file === undefined ? {} : { file: sources.file }),
      ...(row === undefined ? {} : { row }),
      entity: "school",
      ...(rawId === undefined ? {} : { id: rawId }),
    };
    const add = (field: string, message: string) => issues.push({ ...where, field: sources.fields?.[field] ?? field, message });
    const result = SchoolReadiness.safeParse(raw);
    if (!result.success) {
      for (const i of result.error.issues) add(i.path.join(".") || "(record)", i.message);
    }
    checkMoneyMarkers(raw, add);
    if (rawId !== undefined) {
      const first = seen.get(rawId);
      if (first !== undefined) add("schoolId", `school '${rawId}' appears twice (also record ${first + 1}): give each school once`);
      else seen.set(rawId, index);
    }
    if (!result.success) return;
    const school = result.data;
    const { total, inSupport, surveyed } = school.teachers;
    if (inSupport > total) {
      add("teachers.inSupport", `${inSupport} teachers in support but ${total} teachers at the school: supporters are counted among all the school's teachers, so at most ${total}`);
    }
    if (surveyed !== undefined && surveyed > total) {
      add("teachers.surveyed", `${surveyed} teachers surveyed but ${total} teachers at the school: at most ${total}`);
    }
    if (surveyed !== undefined && inSupport > surveyed) {
      add("teachers.inSupport", `${inSupport} teachers in support but only ${surveyed} answered the survey: supporters are confirmed by the survey, so at most ${surveyed}`);
    }
    const { estimatedCost, season } = school.funding;
    if ((estimatedCost === undefined) === (season === undefined)) {
      add("funding", estimatedCost === undefined ? "give the season's estimatedCost or the season to cost" : "give estimatedCost or season, not both");
    }
    if (season !== undefined && isRecord(raw) && isRecord(raw.funding)) {
      const checked = checkCostPlan(raw.funding.season, { entity: "school", ...(rawId === undefined ? {} : { id: rawId }), field: "funding.season" });
      for (const i of checked.issues) issues.push({ ...where, ...i, ...(i.field === undefined ? {} : { field: sources.fields?.[i.field] ?? i.field }) });
    }
    parsed.push(school);
  });
  if (issues.length > 0) throw new PthvInputError(issues);
  return parsed;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A `$` or `€` in money text must agree with the school's currency. */
function checkMoneyMarkers(raw: unknown, add: (field: string, message: string) => void): void {
  if (!isRecord(raw) || !isRecord(raw.funding)) return;
  const currency = typeof raw.funding.currency === "string" ? raw.funding.currency : "USD";
  for (const field of ["budget", "estimatedCost"] as const) {
    const value = raw.funding[field];
    if (typeof value !== "string") continue;
    const read = readMoneyText(value);
    if ("error" in read || read.currencies.length === 0 || read.currencies.includes(currency)) continue;
    add(`funding.${field}`, `written in ${read.currencies.join(" or ")} but the school's currency is ${currency}: convert the amount or set funding.currency`);
  }
}
