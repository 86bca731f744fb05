/**
 * verifyCohort: re-draw a cohort from its audit record and say whether it is exactly what that
 * seed gives, so a third party can confirm nobody hand-picked families.
 */
import { isPthvError } from "../errors/index.js";
import type { Cohort } from "../model/index.js";
import { VERSION } from "../version.js";
import { indexFrame, type FrameRow, type FrameSource } from "./frame.js";
import type { SampleCohortOptions } from "./options.js";
import { replaceDeclined } from "./replace.js";
import { sampleIndexed } from "./sample.js";

/**
 * One check of {@link verifyCohort}.
 *
 * @example
 * ```ts
 * import { verifyCohort, type VerificationCheck } from "pthv";
 * const checks: VerificationCheck[] = verifyCohort(frame, cohort).checks;
 * checks.filter((c) => !c.passed).map((c) => `${c.check}: ${c.detail}`);
 * ```
 */
export interface VerificationCheck {
  /** `frame`, `version`, `redraw`, `selected`, `reserve` or `declined`. */
  check: string;
  passed: boolean;
  detail: string;
}

/**
 * The answer of {@link verifyCohort}: `verified` is true when the frame is the audited one and
 * re-drawing with the recorded method, options and seed (then replaying the recorded declines)
 * gives exactly the cohort's selection and reserve.
 *
 * @example
 * ```ts
 * const result: CohortVerification = { verified: true, checks: [], reasons: [] };
 * ```
 */
export interface CohortVerification {
  verified: boolean;
  checks: VerificationCheck[];
  /** Why it is not verified (empty when verified). */
  reasons: string[];
}

const SHOWN = 5;

function differences(label: string, expected: readonly string[], actual: readonly string[]): string {
  const want = new Set(expected);
  const have = new Set(actual);
  const missing = expected.filter((id) => !have.has(id));
  const extra = actual.filter((id) => !want.has(id));
  if (missing.length === 0 && extra.length === 0) return `${label}: the same families in a different order`;
  const show = (ids: string[]) => ids.slice(0, SHOWN).join(", ") + (ids.length > SHOWN ? `, and ${ids.length - SHOWN} more` : "");
  const parts: string[] = [];
  if (extra.length > 0) parts.push(`${extra.length} not drawn by the seed (${show(extra)})`);
  if (missing.length > 0) parts.push(`${missing.length} drawn by the seed but missing (${show(missing)})`);
  return `${label}: ${parts.join("; ")}`;
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Re-runs a cohort's audit record on a frame and says whether the cohort is exactly what its seed
 * gives: the frame's digest must equal the audited one, and re-drawing with the recorded method,
 * options and seed, then replaying the recorded declines with {@link replaceDeclined}, must give the
 * same selected families, reserve and declines. A different library version is reported but is not
 * a failure by itself: draws are identical across 1.x versions.
 *
 * @param frame - the frame the cohort was drawn from (rows in any order); not mutated
 * @param cohort - the cohort to check, with its audit record
 * @param source - where the rows came from, for located error messages
 * @returns a plain {@link CohortVerification}
 * @throws PthvInputError when the frame itself is invalid (empty, duplicate ids)
 *
 * @example
 * ```ts
 * import { sampleCohort, verifyCohort } from "pthv";
 * const frame = ["a", "b", "c", "d"].map((id) => ({ id, schoolId: "s" }));
 * const cohort = sampleCohort(frame, { method: "random", count: 2, seed: 7 });
 * verifyCohort(frame, cohort).verified; // true
 * verifyCohort(frame, { ...cohort, selectedFamilyIds: ["a", "b"] }).verified; // false unless the seed drew a and b
 * ```
 */
export function verifyCohort(frame: readonly FrameRow[], cohort: Cohort, source?: FrameSource): CohortVerification {
  const checks: VerificationCheck[] = [];
  const indexed = indexFrame(frame, source, { digest: true });
  const audit = cohort.audit;
  checks.push({
    check: "frame",
    passed: indexed.digest === audit.frameDigest,
    detail:
      indexed.digest === audit.frameDigest
        ? `the frame's ${frame.length} student ids match the audited digest`
        : `the frame's digest differs from the audited one (${frame.length} students now, ${audit.frameSize} audited): this is not the frame the cohort was drawn from`,
  });
  checks.push({
    check: "version",
    passed: audit.version === VERSION,
    detail: audit.version === VERSION ? `drawn with this version (${VERSION})` : `drawn with version ${audit.version}, checked with ${VERSION}; draws are identical within a major version`,
  });
  let redrawn: Cohort | undefined;
  try {
    const options = { ...audit.options, seed: audit.seed } as unknown as SampleCohortOptions;
    const drawn = sampleIndexed(frame, options, source, indexed); // the frame is indexed once
    // Replaying no declines would only copy the lists compared below.
    redrawn = cohort.declinedFamilyIds.length > 0 ? replaceDeclined(drawn, cohort.declinedFamilyIds) : drawn;
    checks.push({ check: "redraw", passed: audit.method === cohort.method, detail: audit.method === cohort.method ? `re-drawn with method '${audit.method}' and seed ${JSON.stringify(audit.seed)}` : `the cohort says method '${cohort.method}' but its audit says '${audit.method}'` });
  } catch (error) {
    if (!isPthvError(error)) throw error;
    checks.push({ check: "redraw", passed: false, detail: `the audit record cannot be re-drawn on this frame: ${error.message.split("\n")[0]}` });
  }
  if (redrawn !== undefined) {
    for (const [check, expected, actual] of [
      ["selected", redrawn.selectedFamilyIds, cohort.selectedFamilyIds],
      ["reserve", redrawn.reserve, cohort.reserve],
    ] as const) {
      const passed = sameList(expected, actual);
      checks.push({ check, passed, detail: passed ? `${actual.length} ${check} families, exactly as the seed gives` : differences(check, expected, actual) });
    }
  }
  const reasons = checks.filter((c) => !c.passed && c.check !== "version").map((c) => c.detail);
  return { verified: reasons.length === 0, checks, reasons };
}
