import { DateTime } from "luxon";
import { createRandom } from "../random/index.js";
import type { Educator, Family } from "../model/index.js";
import type { ScheduleInput } from "./input.js";
import { availableSlots, buildGrid, type GridSummary, type Slot } from "./slots.js";

/**
 * Why a family cannot be visited, as a stable code.
 *
 * @example
 * ```ts
 * import { scheduleVisits, type UnscheduledReason } from "pthv";
 * const reason: UnscheduledReason = "no-overlapping-availability";
 * scheduleVisits(input).unscheduled.filter((f) => f.reasons.some((r) => r.code === reason));
 * ```
 */
export type UnscheduledReason =
  | "consent-not-accepted"
  | "no-first-visit"
  | "no-overlapping-availability"
  | "no-shared-language"
  | "pair-capacity"
  | "budget"
  | "cancelled";

/** A family the solver may visit. */
export interface ModelFamily {
  id: string;
  language: string;
  /** Slot indices inside the family's availability. */
  slots: number[];
  /** Indices (into `pairs`) of pairs one of whose educators teaches a child of the family, or that made its first visit. */
  preferredPairs: number[];
}

/** A pair the solver may use. */
export interface ModelPair {
  id: string;
  educatorIds: [string, string];
  languages: Set<string>;
  /** Slot indices inside both educators' availability. */
  slots: number[];
  /** Pay for one visit (both educators, visit + reflection + travel), in 1/6000 of the currency. */
  moneyUnits: number;
}

/** A visit already booked that stays where it is (rescheduling). */
export interface FixedVisit {
  familyId: string;
  pairIndex: number;
  startMs: number;
  day: number;
  week: number;
}

/** The optimisation model: the families, pairs and slots, the costs and capacities. */
export interface ScheduleModel {
  slots: Slot[];
  grid: GridSummary;
  window: { start: string; end: string };
  families: ModelFamily[];
  pairs: ModelPair[];
  /** Pairs left out of the model, with the reason. */
  pairsLeftOut: { pairId: string; reason: string }[];
  /** Families left out before solving, with the reason. */
  excluded: { familyId: string; reason: UnscheduledReason }[];
  fixed: FixedVisit[];
  weights: ScheduleInput["options"]["weights"];
  maxPerDay: number;
  maxPerWeek: number;
  requireSharedLanguage: boolean;
  days: number;
}

/** Whether an educator was opted in and trained before a moment. */
export function isReadyBy(educator: Educator, isoDate: string): boolean {
  const by = DateTime.fromISO(isoDate).toMillis();
  const optedIn = educator.optedInAt !== undefined && Date.parse(educator.optedInAt) <= by;
  const trained = educator.trainings.some((t) => Date.parse(t.completedAt) <= by);
  return optedIn && trained;
}

/**
 * Builds the model from a parsed input: the slot grid, each family's and pair's available slots,
 * which pairs a family prefers, and which families and pairs are left out and why. Families are
 * listed in a seeded random order (never by any attribute), which is how ties are broken.
 */
export function buildModel(input: ScheduleInput, fixed: readonly { familyId: string; pairId: string; start: string }[] = [], excludedIds: ReadonlySet<string> = new Set()): ScheduleModel {
  const { school, options } = input;
  const window = (input.visitNumber === 1 ? input.season.firstVisits : input.season.secondVisits) ?? input.season.firstVisits;
  const { slots, summary } = buildGrid(school, window, input.now, options);
  const educatorById = new Map(input.educators.map((e) => [e.id, e]));
  const pairs: ModelPair[] = [];
  const pairsLeftOut: { pairId: string; reason: string }[] = [];
  const paidMinutes = options.visitMinutes + options.reflectionMinutes + options.travelMinutes;
  const readyBy = DateTime.fromISO(window.start, { zone: school.timeZone }).toISO() ?? window.start;
  for (const p of input.pairs) {
    const [a, b] = p.educatorIds.map((id) => educatorById.get(id)) as [Educator, Educator];
    const notReady = [a, b].filter((e) => !isReadyBy(e, readyBy));
    if (notReady.length > 0) {
      pairsLeftOut.push({ pairId: p.id, reason: `educator${notReady.length > 1 ? "s" : ""} ${notReady.map((e) => `'${e.id}'`).join(" and ")} not opted in and trained before the window opens (non-negotiables 1 and 2)` });
      continue;
    }
    const slotsA = new Set(availableSlots(a.availability, slots, "reflection"));
    const both = availableSlots(b.availability, slots, "reflection").filter((s) => slotsA.has(s));
    if (both.length === 0) {
      pairsLeftOut.push({ pairId: p.id, reason: "no slot of the window in which both educators are available (outside the school day, after the lead time)" });
      continue;
    }
    pairs.push({
      id: p.id,
      educatorIds: [a.id, b.id],
      languages: new Set([...a.languages, ...b.languages]),
      slots: both,
      moneyUnits: (Math.round(a.hourlyRate * 100) + Math.round(b.hourlyRate * 100)) * paidMinutes,
    });
  }
  const pairIndex = new Map(pairs.map((p, i) => [p.id, i]));
  const pairOfEducator = new Map<string, number>();
  pairs.forEach((p, i) => p.educatorIds.forEach((e) => pairOfEducator.set(e, i)));
  const teachersOf = new Map<string, Set<string>>();
  for (const s of input.students) {
    const set = teachersOf.get(s.familyId) ?? new Set<string>();
    set.add(s.teacherId);
    teachersOf.set(s.familyId, set);
  }
  const firstVisitPair = new Map<string, string>();
  for (const v of input.previousVisits) {
    if (v.visitNumber === 1 && v.status === "completed" && v.pairId !== undefined) firstVisitPair.set(v.familyId, v.pairId);
  }
  const hadFirstVisit = new Set(input.previousVisits.filter((v) => v.visitNumber === 1 && v.status === "completed").map((v) => v.familyId));
  const fixedIds = new Set(fixed.map((f) => f.familyId));
  const excluded: { familyId: string; reason: UnscheduledReason }[] = [];
  const families: ModelFamily[] = [];
  const memo = new Map<string, number[]>();
  const slotsOf = (windows: Family["availability"]): number[] => {
    const key = JSON.stringify(windows);
    const known = memo.get(key);
    if (known) return known;
    const found = availableSlots(windows, slots, "visit");
    memo.set(key, found);
    return found;
  };
  const ordered: Family[] = createRandom(options.seed).fork("family order").shuffle(input.families);
  for (const f of ordered) {
    if (fixedIds.has(f.id)) continue;
    if (excludedIds.has(f.id)) {
      excluded.push({ familyId: f.id, reason: "cancelled" });
      continue;
    }
    if (f.consent.status !== "accepted") {
      excluded.push({ familyId: f.id, reason: "consent-not-accepted" });
      continue;
    }
    if (input.visitNumber === 2 && !hadFirstVisit.has(f.id)) {
      excluded.push({ familyId: f.id, reason: "no-first-visit" });
      continue;
    }
    const preferred = new Set<number>();
    for (const t of teachersOf.get(f.id) ?? []) {
      const p = pairOfEducator.get(t);
      if (p !== undefined) preferred.add(p);
    }
    const firstPair = pairIndex.get(firstVisitPair.get(f.id) ?? "");
    if (input.visitNumber === 2 && firstPair !== undefined) preferred.add(firstPair);
    families.push({ id: f.id, language: f.homeLanguage, slots: slotsOf(f.availability), preferredPairs: [...preferred].sort((x, y) => x - y) });
  }
  const firstDay = DateTime.fromISO(window.start, { zone: school.timeZone });
  const fixedVisits: FixedVisit[] = [];
  for (const f of fixed) {
    const p = pairIndex.get(f.pairId);
    if (p === undefined) continue;
    const start = DateTime.fromISO(f.start, { setZone: true }).setZone(school.timeZone);
    const day = Math.round(start.startOf("day").diff(firstDay.startOf("day"), "days").days);
    fixedVisits.push({ familyId: f.familyId, pairIndex: p, startMs: start.toMillis(), day, week: Math.floor(day / 7) });
  }
  return {
    slots,
    grid: summary,
    window,
    families,
    pairs,
    pairsLeftOut,
    excluded,
    fixed: fixedVisits,
    weights: options.weights,
    maxPerDay: options.maxVisitsPerPairPerDay,
    maxPerWeek: options.maxVisitsPerPairPerWeek,
    requireSharedLanguage: options.requireSharedLanguage,
    days: summary.days,
  };
}

/** Whether a pair may visit a family at all (language rule), and the cost of the pair for it. */
export function pairCost(model: ScheduleModel, family: ModelFamily, pair: number): number | undefined {
  const p = model.pairs[pair]!;
  const shared = p.languages.has(family.language);
  if (!shared && model.requireSharedLanguage) return undefined;
  const own = family.preferredPairs.includes(pair);
  return (own ? 0 : model.weights.notOwnTeacher) + (shared ? 0 : model.weights.interpreter);
}

/**
 * Every feasible (family, pair, slot) choice of the model with its cost, without load costs. The
 * reference script hands these to CBC; the solver itself works on an aggregated network.
 *
 * @example
 * ```ts
 * for (const c of candidates(model)) console.log(c.family, c.pair, c.slot, c.cost);
 * ```
 */
export function candidates(model: ScheduleModel): { family: number; pair: number; slot: number; cost: number }[] {
  const out: { family: number; pair: number; slot: number; cost: number }[] = [];
  const pairSlots = model.pairs.map((p) => new Set(p.slots));
  const taken = takenSlots(model);
  model.families.forEach((f, fi) => {
    model.pairs.forEach((_, pi) => {
      const c = pairCost(model, f, pi);
      if (c === undefined) return;
      for (const s of f.slots) {
        if (pairSlots[pi]!.has(s) && !taken.has(`${pi}:${s}`)) out.push({ family: fi, pair: pi, slot: s, cost: c + model.weights.week * model.slots[s]!.week });
      }
    });
  });
  return out;
}

/** `pair:slot` keys of slots taken by fixed visits. */
export function takenSlots(model: ScheduleModel): Set<string> {
  const byStart = new Map(model.slots.map((s) => [s.startMs, s.index]));
  const taken = new Set<string>();
  for (const f of model.fixed) {
    const s = byStart.get(f.startMs);
    if (s !== undefined) taken.add(`${f.pairIndex}:${s}`);
  }
  return taken;
}

/** Fixed visits counted per pair, pair-day and pair-week. */
export function fixedCounts(model: ScheduleModel): { pair: number[]; day: Map<string, number>; week: Map<string, number> } {
  const pair = model.pairs.map(() => 0);
  const day = new Map<string, number>();
  const week = new Map<string, number>();
  for (const f of model.fixed) {
    pair[f.pairIndex]!++;
    day.set(`${f.pairIndex}:${f.day}`, (day.get(`${f.pairIndex}:${f.day}`) ?? 0) + 1);
    week.set(`${f.pairIndex}:${f.week}`, (week.get(`${f.pairIndex}:${f.week}`) ?? 0) + 1);
  }
  return { pair, day, week };
}
