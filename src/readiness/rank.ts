/**
 * Ranking schools for the initial cohort: ready schools first, then almost ready, then the rest;
 * within a tier by score, with deterministic tie-breaks, and a reason for every place.
 */
import type { SchoolReadinessInput } from "../model/index.js";
import { formatShare } from "./wording.js";
import { parseReadinessOptions, type ReadinessOptions, type ReadinessOptionsInput } from "./options.js";
import { parseSchoolReadiness, type ReadinessSources } from "./parse.js";
import { judgeSchool, type Readiness, type ReadinessTier } from "./score.js";

/**
 * One place in the ranking.
 *
 * @example
 * ```ts
 * import { rankSchools, type RankedSchool } from "pthv";
 * const first: RankedSchool | undefined = rankSchools(schools).places[0];
 * first?.reason;
 * ```
 */
export interface RankedSchool {
  /** 1-based place. */
  place: number;
  schoolId: string;
  name: string | null;
  tier: ReadinessTier;
  score: number;
  /** One sentence: why this place, against the school just above. */
  reason: string;
  /** The school's full readiness. */
  readiness: Readiness;
}

/**
 * The ranking of {@link rankSchools}: plain JSON.
 *
 * @example
 * ```ts
 * import { rankSchools, type SchoolRanking } from "pthv";
 * const ranking: SchoolRanking = rankSchools(schools);
 * ranking.tiers.ready; // how many schools are ready
 * ```
 */
export interface SchoolRanking {
  places: RankedSchool[];
  /** Schools per tier. */
  tiers: Record<ReadinessTier, number>;
  /** The ordering rule, in words. */
  order: string;
  /** The weights and thresholds used. */
  options: ReadinessOptions;
}

/**
 * The ordering rule, stated in every ranking.
 *
 * @example
 * ```ts
 * import { RANKING_ORDER } from "pthv";
 * console.log(`Schools are ordered by ${RANKING_ORDER}.`);
 * ```
 */
export const RANKING_ORDER =
  "tier (ready, almost, not-ready), then score (higher first), then confirmed teacher support, then funding coverage, then school id (A to Z)";

const TIER_RANK: Record<ReadinessTier, number> = { ready: 0, almost: 1, "not-ready": 2 };
const TIER_WORDS: Record<ReadinessTier, string> = { ready: "ready", almost: "almost ready", "not-ready": "not ready" };

/**
 * Orders schools for the initial cohort: `ready` schools first, then `almost`, then `not-ready`;
 * within a tier by score, then by confirmed teacher support, then by funding coverage, then by
 * school id, so the order never depends on input order. Each place carries a reason.
 *
 * @param schools - every school's readiness data (parsed here; a school id may appear once)
 * @param options - weights and thresholds, as for {@link scoreReadiness}
 * @param sources - optional file and rows of the records, to locate problems
 * @returns the places, the count per tier, the ordering rule and the options used
 * @throws PthvInputError for invalid data, every problem in every school at once
 * @throws PthvConfigError when an option is invalid
 *
 * @example
 * ```ts
 * const base = { principal: { named: true, engaged: true }, funding: { budget: 1000, estimatedCost: 1000 } };
 * const ranking = rankSchools([
 *   { ...base, schoolId: "sch-b", teachers: { total: 20, inSupport: 12 } },
 *   { ...base, schoolId: "sch-a", teachers: { total: 20, inSupport: 15 } },
 * ]);
 * ranking.places.map((p) => p.schoolId); // ["sch-a", "sch-b"]
 * ```
 */
export function rankSchools(schools: readonly SchoolReadinessInput[], options?: ReadinessOptionsInput, sources?: ReadinessSources): SchoolRanking {
  const resolved = parseReadinessOptions(options);
  const judged = parseSchoolReadiness(schools, sources).map((s) => judgeSchool(s, resolved));
  judged.sort(compare);
  const places = judged.map((readiness, i) => ({
    place: i + 1,
    schoolId: readiness.schoolId,
    name: readiness.name,
    tier: readiness.tier,
    score: readiness.score,
    reason: reasonFor(readiness, i === 0 ? null : judged[i - 1]!),
    readiness,
  }));
  const tiers: Record<ReadinessTier, number> = { ready: 0, almost: 0, "not-ready": 0 };
  for (const r of judged) tiers[r.tier] += 1;
  return { places, tiers, order: RANKING_ORDER, options: resolved };
}

function support(r: Readiness): number {
  return r.criteria[1].value;
}

function coverage(r: Readiness): number {
  return r.criteria[2].value;
}

function compare(a: Readiness, b: Readiness): number {
  return (
    TIER_RANK[a.tier] - TIER_RANK[b.tier] ||
    b.score - a.score ||
    support(b) - support(a) ||
    coverage(b) - coverage(a) ||
    (a.schoolId < b.schoolId ? -1 : a.schoolId > b.schoolId ? 1 : 0)
  );
}

function reasonFor(r: Readiness, above: Readiness | null): string {
  const head = `${TIER_WORDS[r.tier]}, score ${r.score}`;
  if (above === null) return `${head}: first place, the highest tier and score.`;
  const who = above.schoolId;
  if (above.tier !== r.tier) return `${head}: after the ${TIER_WORDS[above.tier]} schools.`;
  if (above.score !== r.score) return `${head}: below ${who} (score ${above.score}) in the same tier.`;
  if (support(above) !== support(r)) {
    return `${head}: tied with ${who} on tier and score; less confirmed teacher support (${formatShare(support(r))} against ${formatShare(support(above))}).`;
  }
  if (coverage(above) !== coverage(r)) {
    return `${head}: tied with ${who} on tier, score and support; lower funding coverage (${formatShare(coverage(r))} against ${formatShare(coverage(above))}).`;
  }
  return `${head}: tied with ${who} on tier, score, support and funding; placed after it by school id.`;
}
