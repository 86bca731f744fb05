import { z } from "zod";
import { PthvInputError, type InputIssue } from "../errors/index.js";
import { Educator, Family, IsoDateTime, Pair, Student, type Educator as EducatorRecord } from "../model/index.js";
import { maxWeightMatching, type WeightedEdge } from "./matching.js";
import { isReadyBy } from "./model.js";

/**
 * Options of {@link formPairs}.
 *
 * @example
 * ```ts
 * PairingOptions.parse({ readyBy: "2026-08-01T00:00:00-04:00" }).weights; // { teacher: 30, language: 30, mentor: 20 }
 * ```
 */
export const PairingOptions = z.object({
  /** Educators must have opted in and finished training by this moment (the season's start). */
  readyBy: IsoDateTime,
  /** Students (for teachers) and families (for home languages) of the schools. */
  students: z.array(Student).default([]),
  families: z.array(Family).default([]),
  /** Pairs the coordinator fixed: kept as they are. */
  fixedPairs: z.array(Pair).default([]),
  /** Integer weights of what a pair is worth beyond being a pair. */
  weights: z
    .object({
      /** At least one partner teaches a child of the school's families. */
      teacher: z.number().int().nonnegative().default(30),
      /** Times the share of the school's families whose home language the pair speaks. */
      language: z.number().int().nonnegative().default(30),
      /** A first-year visitor with an experienced one. */
      mentor: z.number().int().nonnegative().default(20),
    })
    .default({ teacher: 30, language: 30, mentor: 20 }),
});
/** Options of {@link formPairs}, defaults filled in. */
export type PairingOptions = z.infer<typeof PairingOptions>;
/**
 * Options of {@link formPairs} as a caller writes them.
 *
 * @example
 * ```ts
 * import { formPairs, type PairingOptionsInput } from "pthv";
 * const options: PairingOptionsInput = { readyBy: "2026-07-15T00:00:00-04:00", weights: { teacher: 30, language: 40, mentor: 20 } };
 * formPairs(educators, options);
 * ```
 */
export type PairingOptionsInput = z.input<typeof PairingOptions>;

/**
 * A pair formed (or kept), with its weight and what earned it.
 *
 * @example
 * ```ts
 * import { formPairs, type FormedPair } from "pthv";
 * const pairs: FormedPair[] = formPairs(educators, { readyBy: "2026-07-15T00:00:00-04:00" }).pairs;
 * pairs[0]?.reasons; // e.g. ["teaches the school's children", "first-year with experienced"]
 * ```
 */
export interface FormedPair {
  id: string;
  schoolId: string;
  educatorIds: [string, string];
  fixed: boolean;
  weight: number;
  reasons: string[];
}

/**
 * Why an educator is not in a pair.
 *
 * @example
 * ```ts
 * import { formPairs, type UnpairedEducator } from "pthv";
 * const unpaired: UnpairedEducator[] = formPairs(educators, { readyBy: "2026-07-15T00:00:00-04:00" }).unpaired;
 * unpaired.map((u) => `${u.educatorId}: ${u.message}`);
 * ```
 */
export interface UnpairedEducator {
  educatorId: string;
  schoolId: string;
  reason: "not-opted-in" | "not-trained" | "no-partner";
  message: string;
}

/**
 * The pairs of each school, the educators left unpaired with reasons, and the weights used.
 *
 * @example
 * ```ts
 * import { formPairs, type Pairing } from "pthv";
 * const pairing: Pairing = formPairs(educators, { readyBy: "2026-07-15T00:00:00-04:00" });
 * console.log(pairing.pairs.length, pairing.unpaired.map((u) => u.reason));
 * ```
 */
export interface Pairing {
  pairs: FormedPair[];
  unpaired: UnpairedEducator[];
  weights: PairingOptions["weights"];
  readyBy: string;
  /** Total weight of the formed (not fixed) pairs: maximum among matchings of maximum size. */
  totalWeight: number;
}

/**
 * Forms pairs of educators, per school, by an exact maximum-weight matching (Edmonds' blossom
 * algorithm): as many pairs as possible, then the heaviest, where a pair is worth more when one
 * partner teaches the school's children, when the partners speak the families' home languages,
 * and when a first-year visitor goes with an experienced one. Only educators opted in and trained
 * by `readyBy` are paired; fixed pairs are kept; everyone else is listed with the reason.
 *
 * @param educators - educators of one or more schools
 * @param options - `readyBy`, students, families, fixed pairs and weights
 * @returns the {@link Pairing}
 * @throws PthvInputError when an educator or option is malformed, or a fixed pair names an unknown educator or one already paired
 *
 * @example
 * ```ts
 * const pairing = formPairs(educators, { readyBy: "2026-08-01T00:00:00-04:00", students, families });
 * pairing.pairs.map((p) => p.educatorIds);
 * ```
 */
export function formPairs(educators: readonly z.input<typeof Educator>[], options: PairingOptionsInput): Pairing {
  const parsed = z.object({ educators: z.array(Educator), options: PairingOptions }).safeParse({ educators, options });
  if (!parsed.success) {
    throw new PthvInputError(
      parsed.error.issues.map((i) => {
        const [head, index, ...rest] = i.path;
        const id = head === "educators" && typeof index === "number" ? educators[index]?.id : undefined;
        return { entity: head === "educators" ? "educator" : "pairing options", ...(id !== undefined ? { id } : {}), field: (head === "educators" ? rest : i.path).join("."), message: i.message };
      }),
      "the pairing input is not valid",
    );
  }
  const people = parsed.data.educators;
  const opts = parsed.data.options;
  const byId = new Map(people.map((e) => [e.id, e]));
  const issues: InputIssue[] = [];
  const fixedOf = new Map<string, string>();
  for (const p of opts.fixedPairs) {
    p.educatorIds.forEach((id, k) => {
      if (!byId.has(id)) issues.push({ entity: "pair", id: p.id, field: `educatorIds[${k}]`, message: `unknown educator id '${id}': add the educator or correct the id` });
      else if (fixedOf.has(id)) issues.push({ entity: "pair", id: p.id, field: `educatorIds[${k}]`, message: `educator '${id}' is already in fixed pair '${fixedOf.get(id)}'` });
      fixedOf.set(id, p.id);
    });
    if (p.educatorIds[0] === p.educatorIds[1]) issues.push({ entity: "pair", id: p.id, field: "educatorIds", message: "names the same educator twice" });
  }
  if (issues.length > 0) throw new PthvInputError(issues, "the fixed pairs do not match the educators");

  const teachers = new Set(opts.students.map((s) => s.teacherId));
  const pairs: FormedPair[] = opts.fixedPairs.map((p) => ({ id: p.id, schoolId: p.schoolId, educatorIds: p.educatorIds, fixed: true, weight: 0, reasons: ["fixed by the coordinator"] }));
  const unpaired: UnpairedEducator[] = [];
  let totalWeight = 0;
  const schools = [...new Set(people.map((e) => e.schoolId))].sort();
  for (const schoolId of schools) {
    const families = opts.families.filter((f) => f.schoolId === schoolId);
    const pool: EducatorRecord[] = [];
    for (const e of people.filter((x) => x.schoolId === schoolId && !fixedOf.has(x.id)).sort((a, b) => (a.id < b.id ? -1 : 1))) {
      const optedIn = e.optedInAt !== undefined && Date.parse(e.optedInAt) <= Date.parse(opts.readyBy);
      if (!optedIn) unpaired.push({ educatorId: e.id, schoolId, reason: "not-opted-in", message: "has not opted in by the season's start: visiting is voluntary (non-negotiable 1)" });
      else if (!isReadyBy(e, opts.readyBy)) unpaired.push({ educatorId: e.id, schoolId, reason: "not-trained", message: "has not completed the model's training by the season's start (non-negotiable 2)" });
      else pool.push(e);
    }
    const edges: WeightedEdge[] = [];
    const why = new Map<string, string[]>();
    for (let i = 0; i < pool.length; i++) {
      for (let j = i + 1; j < pool.length; j++) {
        const [w, reasons] = pairWeight(pool[i]!, pool[j]!, teachers, families, opts.weights);
        edges.push([i, j, w]);
        why.set(`${i}:${j}`, reasons);
      }
    }
    const mate = maxWeightMatching(edges, true);
    let k = 0;
    pool.forEach((e, i) => {
      const m = mate[i] ?? -1;
      if (m === -1) {
        unpaired.push({ educatorId: e.id, schoolId, reason: "no-partner", message: pool.length % 2 === 1 ? "no partner left: the school has an odd number of ready educators" : "no partner left" });
        return;
      }
      if (m < i) return;
      const edge = edges.find(([a, b]) => a === i && b === m)!;
      totalWeight += edge[2];
      pairs.push({ id: `pair-${schoolId}-${String(++k).padStart(2, "0")}`, schoolId, educatorIds: [e.id, pool[m]!.id], fixed: false, weight: edge[2], reasons: why.get(`${i}:${m}`)! });
    });
  }
  return { pairs, unpaired, weights: opts.weights, readyBy: opts.readyBy, totalWeight };
}

/** The weight of a possible pair and what earns it (also used by `reschedule` to pair again). */
export function pairWeight(a: EducatorRecord, b: EducatorRecord, teachers: ReadonlySet<string>, families: readonly Family[], w: PairingOptions["weights"]): [number, string[]] {
  const reasons: string[] = [];
  let weight = 0;
  if (teachers.has(a.id) || teachers.has(b.id)) {
    weight += w.teacher;
    reasons.push("a partner teaches the families' children");
  }
  if (families.length > 0) {
    const spoken = new Set([...a.languages, ...b.languages]);
    const covered = families.filter((f) => spoken.has(f.homeLanguage)).length;
    const share = Math.round((w.language * covered) / families.length);
    weight += share;
    reasons.push(`speaks the home language of ${covered} of ${families.length} families`);
  }
  if (a.experience !== b.experience) {
    weight += w.mentor;
    reasons.push("a first-year visitor with an experienced one");
  }
  return [weight, reasons];
}
