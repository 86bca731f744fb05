import { payFor, roundCents } from "../cost/index.js";
import type { Educator } from "../model/index.js";

/**
 * What one educator is paid for the season's scheduled visits, reflections and training.
 *
 * @example
 * ```ts
 * import { scheduleVisits, type EducatorCompensation } from "pthv";
 * const lines: EducatorCompensation[] = scheduleVisits(input).compensation.educators;
 * lines.map((l) => `${l.educatorId}: ${l.visits} visits, ${l.total}`);
 * ```
 */
export interface EducatorCompensation {
  educatorId: string;
  pairId: string;
  visits: number;
  /** Visit and travel hours. */
  visitHours: number;
  reflectionHours: number;
  /** Hours of training held outside the school day. */
  trainingHours: number;
  hourlyRate: number;
  visitPay: number;
  reflectionPay: number;
  trainingPay: number;
  total: number;
}

/**
 * Totals over all educators; each is the exact sum of the rounded lines.
 *
 * @example
 * ```ts
 * import { scheduleVisits, type CompensationTotals } from "pthv";
 * const totals: CompensationTotals = scheduleVisits(input).compensation.totals;
 * console.log(totals.seasonPay, totals.trainingPay, totals.total);
 * ```
 */
export interface CompensationTotals {
  hours: number;
  visitPay: number;
  reflectionPay: number;
  trainingPay: number;
  /** Visit and reflection pay: what a budget is compared with. */
  seasonPay: number;
  total: number;
}

/**
 * Per-educator pay with src/cost's `payFor` (one rounding per line), the same cost model the
 * readiness scorer uses: visits and travel, reflections, and training outside the school day.
 */
export function compensate(
  members: readonly { educator: Educator; pairId: string; visits: number }[],
  minutes: { visit: number; travel: number; reflection: number },
): { educators: EducatorCompensation[]; totals: CompensationTotals } {
  const educators = members.map(({ educator, pairId, visits }) => {
    const visitHours = (visits * (minutes.visit + minutes.travel)) / 60;
    const reflectionHours = (visits * minutes.reflection) / 60;
    const trainingHours = educator.trainings.filter((t) => t.outsideSchoolDay).reduce((s, t) => s + t.hours, 0);
    const visitPay = payFor(visitHours, educator.hourlyRate);
    const reflectionPay = payFor(reflectionHours, educator.hourlyRate);
    const trainingPay = payFor(trainingHours, educator.hourlyRate);
    return {
      educatorId: educator.id,
      pairId,
      visits,
      visitHours,
      reflectionHours,
      trainingHours,
      hourlyRate: educator.hourlyRate,
      visitPay,
      reflectionPay,
      trainingPay,
      total: roundCents(visitPay + reflectionPay + trainingPay),
    };
  });
  const sum = (f: (e: EducatorCompensation) => number) => roundCents(educators.reduce((s, e) => s + f(e), 0));
  const totals: CompensationTotals = {
    hours: educators.reduce((s, e) => s + e.visitHours + e.reflectionHours + e.trainingHours, 0),
    visitPay: sum((e) => e.visitPay),
    reflectionPay: sum((e) => e.reflectionPay),
    trainingPay: sum((e) => e.trainingPay),
    seasonPay: sum((e) => e.visitPay + e.reflectionPay),
    total: sum((e) => e.total),
  };
  return { educators, totals };
}
