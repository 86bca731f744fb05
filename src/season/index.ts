/**
 * A district's whole season in one call: readiness of each school and the ranked initial cohort of
 * schools; a balanced cohort of families in the chosen schools; pairs and an optimal schedule; a
 * simulated season of visit logs with a few realistic slips; validation against the
 * non-negotiables; and the evaluation of absences and reading. `pthv demo` runs it on the sample
 * district and writes its outputs.
 *
 * @packageDocumentation
 */
import { DateTime } from "luxon";
import { sampleCohort } from "../cohort/index.js";
import type { Cohort, ProgramRecord, Reflection, Visit } from "../model/index.js";
import { createRandom, type Seed } from "../random/index.js";
import { rankSchools, sampleReadiness, type SchoolRanking } from "../readiness/index.js";
import { formPairs, scheduleInputFromProgram, scheduleVisits, type Pairing, type Schedule } from "../schedule/index.js";
import { validateProgram, type ValidationReport } from "../validate/index.js";
import { evaluateOutcomes, type EvaluationReport } from "../evaluate/index.js";
import type { SampleDistrict } from "../sample-district/index.js";

/**
 * The steps of {@link runSeason}, in order, as reported to `onProgress`.
 *
 * @example
 * ```ts
 * import { SEASON_STEPS } from "pthv";
 * SEASON_STEPS.join(" -> "); // "readiness -> cohort -> pairs -> schedule -> season -> validation -> evaluation"
 * ```
 */
export const SEASON_STEPS = ["readiness", "cohort", "pairs", "schedule", "season", "validation", "evaluation"] as const;
/**
 * One step of {@link runSeason}.
 *
 * @example
 * ```ts
 * import { runSeason, sampleDistrict, type SeasonStep } from "pthv";
 * const slow: SeasonStep[] = [];
 * runSeason(sampleDistrict(), { onProgress: (step, phase, ms) => { if (phase === "end" && ms! > 1000) slow.push(step); } });
 * ```
 */
export type SeasonStep = (typeof SEASON_STEPS)[number];

/**
 * Options of {@link runSeason}.
 *
 * @example
 * ```ts
 * const options: SeasonOptions = { seed: "fall-2026", cohortFraction: 0.4, onProgress: (step) => console.error(step) };
 * ```
 */
export interface SeasonOptions {
  /** Seed of the cohort draw, the scheduler's tie-breaks and the simulated slips. Default `"pthv"`. */
  seed?: Seed;
  /** Share of each chosen school's families invited by the balanced cohort. Default 0.5. */
  cohortFraction?: number;
  /** Schools to start with when fewer are `ready`: the best-ranked are taken. Default 2. */
  minimumSchools?: number;
  /** Called when a step starts and when it ends, with its duration in milliseconds. */
  onProgress?: (step: SeasonStep, phase: "start" | "end", ms?: number) => void;
}

/**
 * A slip planted in the simulated season: what a validator should find.
 *
 * @example
 * ```ts
 * import { runSeason, sampleDistrict, type SeasonSlip } from "pthv";
 * const run = runSeason(sampleDistrict());
 * const missed: SeasonSlip[] = run.slips.filter((s) => !run.validation.diagnostics.some((d) => d.ruleId === s.ruleId && d.id === s.visitId));
 * missed.length; // 0: every slip is found
 * ```
 */
export interface SeasonSlip {
  /** The rule expected to find it. */
  ruleId: string;
  visitId: string;
  description: string;
}

/**
 * Everything one season produced, step by step, as plain JSON.
 *
 * @example
 * ```ts
 * const run: SeasonRun = runSeason(sampleDistrict());
 * run.validation.counts; // the slips, found
 * ```
 */
export interface SeasonRun {
  /** Readiness of every school, ranked. */
  readiness: SchoolRanking;
  /** The initial cohort of schools and why. */
  schools: { ids: string[]; reason: string };
  /** One balanced cohort of families per chosen school. */
  cohorts: Cohort[];
  /** Pairs formed in the chosen schools. */
  pairing: Pairing;
  /** One optimal schedule per chosen school. */
  schedules: Schedule[];
  /** The season's programme record: scheduled visits held, reflections logged, with the slips. */
  record: ProgramRecord;
  /** The slips planted in the logs. */
  slips: SeasonSlip[];
  /** Validation of the season's record against the non-negotiables. */
  validation: ValidationReport;
  /** Evaluation of the district's outcome data (absences and reading). */
  evaluation: EvaluationReport;
  /** Milliseconds per step. */
  timings: Record<SeasonStep, number>;
}

const COVARIATES = ["priorDaysAbsent", "priorDaysEnrolled", "priorReadingScore", "ell", "iep", "frl", "grade"];
const BALANCE = ["priorDaysAbsent", "ell", "iep", "frl"];

/**
 * Runs a district's season from readiness to evaluation. Every step calls the public API: this
 * function only passes each step's output to the next.
 *
 * The simulated logs hold every scheduled visit as completed and followed by its reflection, with
 * three slips a validator should catch: a reflection never logged, a visit booked two hours ahead,
 * and test scores on a first visit's agenda.
 *
 * @param district - a sample district (or any programme record with a season, plan and outcomes)
 * @param options - seed, cohort size, progress callback
 * @returns each step's result
 * @throws PthvInputError when the district lacks what a step needs (a season, outcomes)
 *
 * @example
 * ```ts
 * import { runSeason, sampleDistrict } from "pthv";
 * const run = runSeason(sampleDistrict({ seed: 2026 }));
 * run.schedules.reduce((n, s) => n + s.visits.length, 0); // visits booked
 * run.validation.diagnostics.map((d) => d.ruleId);         // the planted slips
 * ```
 */
export function runSeason(district: SampleDistrict | ProgramRecord, options: SeasonOptions = {}): SeasonRun {
  const seed = options.seed ?? "pthv";
  const timings = {} as Record<SeasonStep, number>;
  const step = <T>(name: SeasonStep, run: () => T): T => {
    options.onProgress?.(name, "start");
    const started = Date.now();
    const result = run();
    timings[name] = Date.now() - started;
    options.onProgress?.(name, "end", timings[name]);
    return result;
  };

  const readiness = step("readiness", () => rankSchools(sampleReadiness(district, seed)));
  const ready = readiness.places.filter((p) => p.tier === "ready").map((p) => p.schoolId);
  const minimum = options.minimumSchools ?? 2;
  const chosen = ready.length >= minimum ? ready : readiness.places.slice(0, minimum).map((p) => p.schoolId);
  const schools = {
    ids: chosen,
    reason:
      ready.length >= minimum
        ? `the ${ready.length} schools whose readiness tier is 'ready'`
        : `${ready.length} school(s) ready, so the ${minimum} best-ranked schools start`,
  };
  const inChosen = <T extends { schoolId: string }>(rows: readonly T[]) => rows.filter((r) => chosen.includes(r.schoolId));

  const cohorts = step("cohort", () =>
    chosen.map((schoolId) =>
      sampleCohort(
        district.students.filter((s) => s.schoolId === schoolId),
        { method: "balanced", fraction: options.cohortFraction ?? 0.5, balance: BALANCE, seed },
      ),
    ),
  );
  const invited = new Set(cohorts.flatMap((c) => c.selectedFamilyIds));

  const season = district.season;
  const seasonStart = season ? DateTime.fromISO(season.firstVisits.start, { zone: district.schools[0]?.timeZone ?? "UTC" }) : undefined;
  const readyBy = seasonStart?.toISO() ?? "";
  // Pairs weigh teaching the invited families' children and speaking their home languages.
  const invitedFamilies = inChosen(district.families).filter((f) => invited.has(f.id));
  const pairing = step("pairs", () =>
    formPairs(inChosen(district.educators), { readyBy, students: inChosen(district.students).filter((s) => invited.has(s.familyId)), families: invitedFamilies }),
  );
  const pairs = pairing.pairs.map((p) => ({ id: p.id, schoolId: p.schoolId, educatorIds: p.educatorIds }));

  // Only families the cohort invited were asked: the others' consent stays pending, so they are
  // not visited this season. Invited families keep the consent they recorded.
  const program: ProgramRecord = {
    ...district,
    schools: district.schools.filter((s) => chosen.includes(s.id)),
    students: inChosen(district.students),
    families: inChosen(district.families).map((f) => (invited.has(f.id) ? f : { ...f, consent: { status: "pending" as const } })),
    educators: inChosen(district.educators),
    pairs,
    visits: [],
    reflections: [],
    cohorts,
    outcomes: [],
  };
  const now = seasonStart?.minus({ days: 14 }).toISO() ?? "";
  const schedules = step("schedule", () =>
    chosen.map((schoolId) => scheduleVisits(scheduleInputFromProgram(program, { schoolId, now, options: { seed } }))),
  );

  const { record, slips } = step("season", () => simulateLogs(program, schedules, seed));
  const validation = step("validation", () => validateProgram(record));
  const evaluation = step("evaluation", () => evaluateOutcomes(district.outcomes, { design: "observational", covariates: COVARIATES }));
  return { readiness, schools, cohorts, pairing, schedules, record, slips, validation, evaluation, timings };
}

/** Turns schedules into a season's logs: visits held and reflections logged, with three slips. */
function simulateLogs(program: ProgramRecord, schedules: readonly Schedule[], seed: Seed): { record: ProgramRecord; slips: SeasonSlip[] } {
  const visits: Visit[] = [];
  const reflections: Reflection[] = [];
  for (const schedule of schedules) {
    for (const v of schedule.visits) {
      visits.push({
        id: v.id,
        schoolId: v.schoolId,
        familyId: v.familyId,
        educatorIds: [...v.educatorIds],
        pairId: v.pairId,
        scheduledAt: v.scheduledAt,
        start: v.start,
        end: v.end,
        visitNumber: v.visitNumber,
        focus: v.focus,
        agenda: [...v.agenda],
        location: v.location,
        status: "completed",
        interpreter: v.interpreter,
        compensation: v.compensation.map((c) => ({ ...c })),
      });
    }
    for (const r of schedule.reflections) {
      reflections.push({ id: r.id, visitIds: [...r.visitIds], educatorIds: [...r.educatorIds], at: r.at, hours: r.hours });
    }
  }
  const slips: SeasonSlip[] = [];
  if (visits.length >= 3) {
    const random = createRandom(`${String(seed)}\u0000slips`);
    const [a, b, c] = random.shuffle(visits.map((_, i) => i)) as [number, number, number];
    const forgotten = visits[a]!;
    const dropped = reflections.findIndex((r) => r.visitIds.includes(forgotten.id));
    if (dropped >= 0) reflections.splice(dropped, 1);
    slips.push({ ruleId: "reflection-with-partner", visitId: forgotten.id, description: "the partners' reflection was never logged" });
    const late = visits[b]!;
    late.scheduledAt = DateTime.fromISO(late.start, { setZone: true }).minus({ hours: 2 }).toISO({ suppressMilliseconds: true })!;
    slips.push({ ruleId: "scheduled-in-advance", visitId: late.id, description: "booked two hours before the visit" });
    const scores = visits[c]!;
    scores.agenda = [...scores.agenda, "test-scores"];
    slips.push({ ruleId: "first-visit-relationship", visitId: scores.id, description: "test scores on a first visit's agenda" });
  }
  return { record: { ...program, visits, reflections }, slips };
}
