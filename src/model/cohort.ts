import { z } from "zod";
import { Id, IsoDateTime } from "./primitives.js";

/** How a cohort was drawn. Each method invites all families or a cross-section; none targets. */
export const CohortMethod = z.enum(["all", "random", "stratified", "balanced", "classroom"]);
/** How a cohort was drawn. */
export type CohortMethod = z.infer<typeof CohortMethod>;

/**
 * What a third party needs to re-draw a cohort and confirm nobody hand-picked families: method,
 * options, seed, library version and a SHA-256 digest of the frame's sorted student ids.
 */
export const CohortAudit = z.object({
  method: CohortMethod,
  options: z.record(z.string(), z.unknown()),
  seed: z.union([z.string(), z.number()]),
  version: z.string(),
  frameDigest: z.string().regex(/^[0-9a-f]{64}$/, "must be a hex SHA-256 digest"),
  frameSize: z.number().int().nonnegative(),
  drawnAt: IsoDateTime.optional(),
});
/** The audit record of a cohort. */
export type CohortAudit = z.infer<typeof CohortAudit>;

/**
 * How representative a group of students is of its frame: `representative` when every |SMD| is at
 * most 0.05, `acceptable` up to 0.25, `not-representative` above (What Works Clearinghouse
 * thresholds), `not-assessed` when there is nothing to compare.
 */
export const BalanceVerdict = z.enum(["representative", "acceptable", "not-representative", "not-assessed"]);
/** A balance verdict. */
export type BalanceVerdict = z.infer<typeof BalanceVerdict>;

/** One balancing variable (or one level of a categorical one): selected students against the whole frame. */
export const BalanceRow = z.object({
  variable: z.string(),
  level: z.string().optional(),
  kind: z.enum(["numeric", "binary", "categorical"]),
  frameMean: z.number(),
  frameSd: z.number(),
  selectedMean: z.number().nullable(),
  /** (selected mean - frame mean) / frame standard deviation; 0 when the frame does not vary. */
  smd: z.number().nullable(),
  /** Selected variance / frame variance; null when either is undefined or the frame does not vary. */
  varianceRatio: z.number().nullable(),
  verdict: BalanceVerdict,
});
/** One row of a balance report. */
export type BalanceRow = z.infer<typeof BalanceRow>;

/** Standardized mean differences and variance ratios of the selected students against the frame, with a verdict. */
export const BalanceReport = z.object({
  variables: z.array(z.string()),
  frameStudents: z.number().int().nonnegative(),
  frameFamilies: z.number().int().nonnegative(),
  selectedStudents: z.number().int().nonnegative(),
  selectedFamilies: z.number().int().nonnegative(),
  thresholds: z.object({ representative: z.number(), acceptable: z.number() }),
  rows: z.array(BalanceRow),
  maxAbsSmd: z.number().nullable(),
  meanAbsSmd: z.number().nullable(),
  verdict: BalanceVerdict,
  method: z.string(),
});
/** A balance report. */
export type BalanceReport = z.infer<typeof BalanceReport>;

/** A group within which every family has the same chance of an invitation, and within which declines are replaced. */
export const CohortStratum = z.object({
  key: z.string(),
  schoolId: Id,
  families: z.number().int().nonnegative(),
  students: z.number().int().nonnegative(),
  selected: z.number().int().nonnegative(),
  inclusionProbability: z.number().min(0).max(1),
  /** The stratum's invited families (including any who declined, and replacements). */
  selectedFamilyIds: z.array(Id),
  /** The stratum's reserve, in replacement order. */
  reserve: z.array(Id),
});
/** A stratum of a cohort. */
export type CohortStratum = z.infer<typeof CohortStratum>;

/** A declined invitation and the reserve family invited in its place (null when the stratum's reserve ran out). */
export const CohortReplacement = z.object({
  declined: Id,
  replacement: Id.nullable(),
  stratum: z.string(),
});
/** A replacement of a declined family. */
export type CohortReplacement = z.infer<typeof CohortReplacement>;

/**
 * The families invited to a visit this season, and how they were chosen. `selectedFamilyIds` lists
 * every family invited, including those who later declined (listed in `declinedFamilyIds`) and the
 * replacements drawn for them from `reserve`. `strata` breaks both lists down by stratum (the
 * school, or the stratum or class within it), the unit within which declines are replaced.
 */
export const Cohort = z
  .object({
    id: Id.optional(),
    schoolIds: z.array(Id).optional(),
    method: CohortMethod,
    seed: z.union([z.string(), z.number()]),
    selectedFamilyIds: z.array(Id),
    reserve: z.array(Id).default([]),
    declinedFamilyIds: z.array(Id).default([]),
    inclusionProbability: z.number().min(0).max(1).optional(),
    strata: z.array(CohortStratum).optional(),
    replacements: z.array(CohortReplacement).optional(),
    balance: BalanceReport.optional(),
    /** Anything the draw had to explain, e.g. classes with fewer families than the count asked. */
    notes: z.array(z.string()).optional(),
    audit: CohortAudit,
  })
  .loose();
/** The families invited this season. */
export type Cohort = z.infer<typeof Cohort>;
