import { DateTime } from "luxon";
import { PthvInputError, type InputIssue } from "../errors/index.js";
import { IsoDateTime, type Educator, type Pair } from "../model/index.js";
import { maxWeightMatching, type WeightedEdge } from "./matching.js";
import { budgetUnitsFor } from "./budget.js";
import { buildModel, isReadyBy } from "./model.js";
import { PairingOptions, pairWeight } from "./pairs.js";
import { runSchedule, toVisit, type Schedule, type ScheduledVisit } from "./schedule.js";

/**
 * What changed since a schedule was made.
 *
 * @example
 * ```ts
 * const changes: ScheduleChanges = { cancelledFamilyIds: ["fam-12"], droppedEducatorIds: ["edu-7"], now: "2026-09-20T09:00:00-04:00" };
 * ```
 */
export interface ScheduleChanges {
  /** Families that cancelled: their visits are removed and they are not booked again. */
  cancelledFamilyIds?: string[];
  /**
   * Educators who dropped out: their pairs stop visiting. Each partner left behind is paired again
   * when possible (see `repairPairs`), and the pair's families are kept with the new pair at the
   * same time, or booked again.
   */
  droppedEducatorIds?: string[];
  /** The new booking moment (default: the schedule's). New and moved visits respect the lead time after it. */
  now?: string;
  /**
   * Pair each partner left behind with another educator of the school who is free (a partner left
   * behind, or an educator in no pair), ready by the window's start, by the weights of
   * {@link formPairs} (default true).
   */
  repairPairs?: boolean;
  /** Weights of the new pairs (default: those of {@link formPairs}). */
  pairingWeights?: PairingOptions["weights"];
}

/**
 * What {@link reschedule} changed: the pairs it formed for partners left behind, the visits it
 * handed to a new pair at the same time, and the partners it could not pair again.
 *
 * @example
 * ```ts
 * import { reschedule, type RescheduleReport } from "pthv";
 * const report: RescheduleReport | undefined = reschedule(schedule, { droppedEducatorIds: ["edu-7"] }).rescheduled;
 * report?.pairsFormed.map((p) => `${p.id}: ${p.educatorIds.join(" + ")} (replaces ${p.replaces.join(", ")})`);
 * ```
 */
export interface RescheduleReport {
  droppedEducatorIds: string[];
  cancelledFamilyIds: string[];
  /** Pairs removed because one of their educators dropped out. */
  pairsRemoved: string[];
  /** New pairs, each with at least one partner left behind, and the removed pairs they replace. */
  pairsFormed: { id: string; educatorIds: [string, string]; replaces: string[]; weight: number; reasons: string[] }[];
  /** Visits that stay at the same time with the new pair of the partner left behind. */
  visitsMoved: { visitId: string; familyId: string; fromPairId: string; toPairId: string; start: string }[];
  /** Partners left behind who are in no pair now, and why. */
  unpaired: { educatorId: string; message: string }[];
}

/**
 * Repairs a schedule after a family cancels or an educator drops out. Every visit that is not
 * affected stays exactly where it is. The partner of an educator who dropped out is paired again
 * when possible (an exact maximum-weight matching, by the weights of {@link formPairs}, with
 * other partners left behind and educators in no pair; every new pair has a partner left
 * behind), and the new pair keeps the old pair's visits at the same times wherever both
 * educators are free then and the rules allow. The families that could not be kept (and those not
 * scheduled before) are booked again, optimally, in the capacity that is left, with any pair; the
 * others are listed with the reason. The result obeys every rule a fresh schedule does.
 *
 * @param schedule - a schedule from {@link scheduleVisits} (or an earlier `reschedule`)
 * @param changes - cancelled families, dropped educators, optionally a new `now`, and whether to re-pair
 * @returns a new schedule, with what changed in `rescheduled`; the old one is not mutated
 * @throws PthvInputError when a change names an unknown family or educator, or `now` is not a zoned datetime
 *
 * @example
 * ```ts
 * const repaired = reschedule(schedule, { droppedEducatorIds: ["edu-7"], now: "2026-09-20T09:00:00-04:00" });
 * repaired.rescheduled?.pairsFormed; // the partner of edu-7 with a new partner, if one was free
 * ```
 */
export function reschedule(schedule: Schedule, changes: ScheduleChanges): Schedule {
  const input = schedule.input;
  const issues: InputIssue[] = [];
  const familyIds = new Set(input.families.map((f) => f.id));
  const educatorIds = new Set(input.educators.map((e) => e.id));
  (changes.cancelledFamilyIds ?? []).forEach((id, k) => {
    if (!familyIds.has(id)) issues.push({ entity: "family", id, field: `cancelledFamilyIds[${k}]`, message: "unknown family id: it is not in the schedule's input" });
  });
  (changes.droppedEducatorIds ?? []).forEach((id, k) => {
    if (!educatorIds.has(id)) issues.push({ entity: "educator", id, field: `droppedEducatorIds[${k}]`, message: "unknown educator id: it is not in the schedule's input" });
  });
  if (changes.now !== undefined && !IsoDateTime.safeParse(changes.now).success) {
    issues.push({ entity: "changes", field: "now", message: "must be an ISO datetime with an offset, e.g. 2026-09-14T16:30:00-04:00" });
  }
  let weights: PairingOptions["weights"] | undefined;
  if (changes.pairingWeights !== undefined) {
    const parsed = PairingOptions.shape.weights.safeParse(changes.pairingWeights);
    if (parsed.success) weights = parsed.data;
    else for (const i of parsed.error.issues) issues.push({ entity: "changes", field: ["pairingWeights", ...i.path].join("."), message: i.message });
  }
  if (issues.length > 0) throw new PthvInputError(issues, "the changes do not match the schedule");
  const now = changes.now ?? input.now;
  const dropped = new Set(changes.droppedEducatorIds ?? []);
  const cancelled = new Set(changes.cancelledFamilyIds ?? []);
  const removed = input.pairs.filter((p) => p.educatorIds.some((e) => dropped.has(e)));
  const pairs: Pair[] = input.pairs.filter((p) => !p.educatorIds.some((e) => dropped.has(e)));
  const pairIds = new Set(pairs.map((p) => p.id));
  const kept = schedule.visits.filter((v) => pairIds.has(v.pairId) && !cancelled.has(v.familyId));

  // Partners left behind, each with the pair it leaves.
  const leftBehind = new Map<string, Pair>();
  for (const p of removed) for (const e of p.educatorIds) if (!dropped.has(e)) leftBehind.set(e, p);
  const window = (input.visitNumber === 1 ? input.season.firstVisits : input.season.secondVisits) ?? input.season.firstVisits;
  const readyBy = DateTime.fromISO(window.start, { zone: input.school.timeZone }).toISO() ?? window.start;
  const unpaired: RescheduleReport["unpaired"] = [];
  const formed: RescheduleReport["pairsFormed"] = [];
  if (leftBehind.size > 0) {
    const inPair = new Set(pairs.flatMap((p) => p.educatorIds));
    const candidates: Educator[] = [];
    for (const e of [...input.educators].sort((a, b) => (a.id < b.id ? -1 : 1))) {
      if (dropped.has(e.id) || inPair.has(e.id) || e.schoolId !== input.school.id) continue;
      const partner = leftBehind.has(e.id);
      if (!isReadyBy(e, readyBy)) {
        if (partner) unpaired.push({ educatorId: e.id, message: "not opted in and trained before the window opens (non-negotiables 1 and 2), so not paired again" });
        continue;
      }
      candidates.push(e);
    }
    if (changes.repairPairs === false) {
      for (const e of candidates) if (leftBehind.has(e.id)) unpaired.push({ educatorId: e.id, message: "not paired again: repairPairs is false" });
    } else {
      const teachers = new Set(input.students.map((s) => s.teacherId));
      const w = weights ?? PairingOptions.shape.weights.parse(undefined);
      const edges: WeightedEdge[] = [];
      const why = new Map<string, { weight: number; reasons: string[] }>();
      for (let i = 0; i < candidates.length; i++) {
        for (let j = i + 1; j < candidates.length; j++) {
          // Every new pair has a partner left behind: educators in no pair before stay as they were otherwise.
          if (!leftBehind.has(candidates[i]!.id) && !leftBehind.has(candidates[j]!.id)) continue;
          const [weight, reasons] = pairWeight(candidates[i]!, candidates[j]!, teachers, input.families, w);
          edges.push([i, j, weight]);
          why.set(`${i}:${j}`, { weight, reasons });
        }
      }
      const mate = maxWeightMatching(edges, true);
      const taken = new Set(input.pairs.map((p) => p.id));
      candidates.forEach((e, i) => {
        const m = mate[i] ?? -1;
        if (m === -1) {
          if (leftBehind.has(e.id)) unpaired.push({ educatorId: e.id, message: "no free educator of the school is ready to pair with" });
          return;
        }
        if (m < i) return;
        const other = candidates[m]!;
        const replaces = [...new Set([leftBehind.get(e.id)?.id, leftBehind.get(other.id)?.id].filter((x): x is string => x !== undefined))].sort();
        let id = `${replaces[0]}-r`;
        for (let n = 2; taken.has(id); n++) id = `${replaces[0]}-r${n}`;
        taken.add(id);
        const { weight, reasons } = why.get(`${i}:${m}`)!;
        formed.push({ id, educatorIds: [e.id, other.id], replaces, weight, reasons });
        pairs.push({ id, schoolId: input.school.id, educatorIds: [e.id, other.id] });
      });
    }
  }
  const next = { ...input, pairs, now };

  // Keep the removed pairs' visits with the new pair of the partner left behind, at the same time,
  // where the slot is still bookable for the new pair (both free, after the new lead time), the
  // language rule holds, and the pair's day and week caps and slots allow, in order of start.
  const moved: ScheduledVisit[] = [];
  const visitsMoved: RescheduleReport["visitsMoved"] = [];
  const lost = new Map<string, string>();
  const affected = schedule.visits.filter((v) => !pairIds.has(v.pairId) && !cancelled.has(v.familyId)).sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.id < b.id ? -1 : 1));
  if (affected.length > 0) {
    const model = buildModel(next);
    const slotAt = new Map(model.slots.map((s) => [s.startMs, s]));
    const pairIndex = new Map(model.pairs.map((p, i) => [p.id, i]));
    const familyIndex = new Map(model.families.map((f, i) => [f.id, i]));
    const newPairOf = new Map<string, string>();
    for (const p of formed) for (const e of p.educatorIds) newPairOf.set(e, p.id);
    const used = new Set<string>();
    const perDay = new Map<string, number>();
    const perWeek = new Map<string, number>();
    const rates = new Map(input.educators.map((e) => [e.id, e.hourlyRate]));
    // With a budget, a visit moves only while the kept and moved visits' pay still fits it.
    const moneyOf = new Map(model.pairs.map((p) => [p.id, p.moneyUnits]));
    let room = input.options.budget === undefined ? Infinity : budgetUnitsFor(input.options.budget, 2 * model.pairs.length) - kept.reduce((sum, v) => sum + (moneyOf.get(v.pairId) ?? 0), 0);
    for (const v of affected) {
      const gone = v.educatorIds.filter((e) => dropped.has(e));
      lost.set(v.familyId, `was booked with pair '${v.pairId}', which ${gone.length > 1 ? "both educators" : `educator '${gone[0]}'`} left`);
      const target = v.educatorIds.map((e) => newPairOf.get(e)).find((p) => p !== undefined);
      const p = target === undefined ? undefined : pairIndex.get(target);
      const slot = slotAt.get(DateTime.fromISO(v.start, { setZone: true }).toMillis());
      const f = familyIndex.get(v.familyId);
      if (p === undefined || slot === undefined || f === undefined) continue;
      const pair = model.pairs[p]!;
      if (!pair.slots.includes(slot.index) || !model.families[f]!.slots.includes(slot.index)) continue;
      if (model.requireSharedLanguage && !pair.languages.has(model.families[f]!.language)) continue;
      const dayKey = `${p}:${slot.day}`;
      const weekKey = `${p}:${slot.week}`;
      if (used.has(`${p}:${slot.index}`) || (perDay.get(dayKey) ?? 0) >= model.maxPerDay || (perWeek.get(weekKey) ?? 0) >= model.maxPerWeek) continue;
      if (pair.moneyUnits > room) continue;
      room -= pair.moneyUnits;
      used.add(`${p}:${slot.index}`);
      perDay.set(dayKey, (perDay.get(dayKey) ?? 0) + 1);
      perWeek.set(weekKey, (perWeek.get(weekKey) ?? 0) + 1);
      moved.push(toVisit(next, model, { family: f, pair: p, slot: slot.index }, rates));
      visitsMoved.push({ visitId: v.id, familyId: v.familyId, fromPairId: v.pairId, toPairId: pair.id, start: v.start });
      lost.delete(v.familyId);
    }
  }
  const report: RescheduleReport = {
    droppedEducatorIds: [...dropped].sort(),
    cancelledFamilyIds: [...cancelled].sort(),
    pairsRemoved: removed.map((p) => p.id),
    pairsFormed: formed,
    visitsMoved,
    unpaired: unpaired.sort((a, b) => (a.educatorId < b.educatorId ? -1 : 1)),
  };
  return runSchedule(next, [...kept, ...moved], cancelled, { report, lost });
}
