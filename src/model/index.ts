/**
 * The data model of `pthv`: zod schemas for every record the parts exchange, and the TypeScript
 * types inferred from them. Parse at the boundary with {@link parseProgram} (or a schema's own
 * `parse`), then trust the data inside.
 *
 * @packageDocumentation
 */
import { Cohort, CohortAudit, CohortMethod } from "./cohort.js";
import { Educator, Training } from "./educator.js";
import { Consent, Family } from "./family.js";
import { OutcomeRecord } from "./outcome.js";
import { ImplementationPlan, SteeringMember } from "./plan.js";
import { AvailabilityWindow } from "./primitives.js";
import { ProgramRecord, Season } from "./program.js";
import { SchoolReadiness } from "./readiness.js";
import { School, SchoolCalendar } from "./school.js";
import { Student } from "./student.js";
import { Compensation, Pair, Reflection, Visit } from "./visit.js";

export * from "./cohort.js";
export * from "./educator.js";
export * from "./family.js";
export * from "./outcome.js";
export * from "./plan.js";
export * from "./primitives.js";
export * from "./program.js";
export * from "./readiness.js";
export * from "./school.js";
export * from "./student.js";
export * from "./visit.js";
export { COLLECTIONS, ENTITY_OF, checkReferences, issuesFromZod, locate, parseProgram } from "./parse.js";
export type { Collection, RecordSource, SourceMap } from "./parse.js";

/**
 * Every input schema by name. `pthv schema <Name>` prints the JSON Schema of any of them, so tools
 * in other languages can validate their files.
 *
 * @example
 * ```ts
 * import { schemas } from "pthv";
 * const visit = schemas.Visit.parse(json);
 * ```
 */
export const schemas = {
  ProgramRecord,
  School,
  SchoolCalendar,
  Student,
  Family,
  Consent,
  Educator,
  Training,
  Pair,
  Visit,
  Compensation,
  Reflection,
  Cohort,
  CohortAudit,
  CohortMethod,
  ImplementationPlan,
  SteeringMember,
  Season,
  OutcomeRecord,
  AvailabilityWindow,
  SchoolReadiness,
} as const;

/**
 * The name of a schema in {@link schemas}.
 *
 * @example
 * ```ts
 * import { schemas, type SchemaName } from "pthv";
 * const name: SchemaName = "Visit";
 * schemas[name].safeParse(value).success;
 * ```
 */
export type SchemaName = keyof typeof schemas;
