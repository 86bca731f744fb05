import { checkBalance } from "../../cohort/index.js";
import type { Student } from "../../model/index.js";

/** One balancing variable (or level): its SMD and how many standard errors of a random draw it lies from zero. */
export interface DriftRow {
  variable: string;
  level?: string;
  smd: number;
  z: number;
}

/** The drift of the visited families of one school from its frame. */
export interface Drift {
  frameFamilies: number;
  selectedFamilies: number;
  /** Standard error of an SMD under a simple random draw of as many families. */
  standardError: number;
  rows: DriftRow[];
}

/**
 * The standardized mean differences of the visited families' students against the school's frame
 * (the sampler's `checkBalance`, What Works Clearinghouse definition), each with its distance from
 * zero in standard errors of a simple random draw of the same number of families:
 * SE = sqrt((1 / n) (N - n) / (N - 1)) for n of N families (Cochran, Sampling Techniques, 3rd ed.,
 * 1977, eq. 2.8, the finite population correction). Counting families, the unit that is drawn,
 * rather than students errs toward not flagging chance, since siblings resemble each other.
 *
 * @throws PthvInputError from `checkBalance` when a variable is missing or not numeric
 */
export function balanceDrift(frame: readonly Student[], selectedFamilyIds: readonly string[], variables: readonly string[]): Drift {
  const balance = checkBalance(frame, selectedFamilyIds, variables);
  const n = balance.selectedFamilies;
  const N = balance.frameFamilies;
  const standardError = n > 0 && N > 1 ? Math.sqrt(((1 / n) * (N - n)) / (N - 1)) : Infinity;
  const rows: DriftRow[] = [];
  for (const row of balance.rows) {
    if (row.smd === null) continue;
    const z = standardError > 0 ? Math.abs(row.smd) / standardError : row.smd === 0 ? 0 : Infinity;
    rows.push({ variable: row.variable, ...(row.level !== undefined ? { level: row.level } : {}), smd: row.smd, z });
  }
  return { frameFamilies: N, selectedFamilies: n, standardError, rows };
}
