/**
 * The randomized design: families invited by a lottery (a `sampleCohort` draw) against those not
 * invited. The intent-to-treat effect is the difference in means within the lottery's strata
 * (estimatr::difference_in_means with blocks); when some invited families declined (or some not
 * invited were visited), the complier average causal effect is the intent-to-treat effect divided
 * by the difference in take-up (the Wald estimator; Angrist, Imbens and Rubin 1996), with Bloom's
 * (1984) standard error, se(ITT) / (difference in take-up).
 */
import { PthvEstimationError } from "../errors/index.js";
import { differenceInMeans } from "./difference-in-means.js";
import type { StudentFrame } from "./frame.js";
import type { OutcomeColumn } from "./outcomes.js";
import type { Effect, RandomizedSummary, ReportWarning } from "./report.js";
import { standardNormalCdf, standardNormalQuantile } from "./normal.js";

const WHAT: Record<string, string> = { absences: "the absence rate", chronicAbsence: "the share chronically absent", readingProficiency: "the share reading at grade level", readingScore: "the reading score" };

/** The per-student value the difference in means compares for each outcome. */
function comparedValues(frame: StudentFrame, outcome: OutcomeColumn): { values: Float64Array; measure: string } {
  if (outcome.kind !== "count") return { values: outcome.values, measure: outcome.kind === "binary" ? "difference in shares (percentage points)" : "difference in means (points)" };
  const values = new Float64Array(frame.n);
  for (let i = 0; i < frame.n; i++) values[i] = Number.isNaN(outcome.values[i]!) ? Number.NaN : outcome.values[i]! / frame.daysEnrolled[i]!;
  return { values, measure: "difference in absence rate (percentage points)" };
}

/** Intent-to-treat and complier effects for every outcome. */
export function randomizedEffects(
  frame: StudentFrame,
  invited: Float64Array,
  blocks: Int32Array | undefined,
  blocksName: string | null,
  outcomes: readonly OutcomeColumn[],
  level: number,
): { effects: Effect[]; summary: RandomizedSummary & { invited: number; notInvited: number }; warnings: ReportWarning[] } {
  const warnings: ReportWarning[] = [];
  let nInvited = 0;
  let takenUp = 0;
  let crossed = 0;
  for (let i = 0; i < frame.n; i++) {
    if (invited[i] === 1) {
      nInvited++;
      takenUp += frame.visited[i]!;
    } else crossed += frame.visited[i]!;
  }
  const notInvited = frame.n - nInvited;
  if (nInvited === 0 || notInvited === 0) {
    throw new PthvEstimationError(`the randomized design compares invited and not-invited students, but ${nInvited === 0 ? "no" : "every"} student was invited: use design 'observational' or 'matched', or give the lottery's 'invited' column`);
  }
  const visited = Float64Array.from(frame.visited);
  const takeUpDiff = differenceInMeans(visited, invited, blocks, level);
  const summary: RandomizedSummary & { invited: number; notInvited: number } = {
    blocks: blocksName,
    invited: nInvited,
    notInvited,
    takeUp: takenUp / nInvited,
    crossOver: crossed / notInvited,
    estimator: blocks ? "estimatr::difference_in_means(y ~ invited, blocks = " + blocksName + ")" : "estimatr::difference_in_means(y ~ invited) (Welch)",
  };
  const noncompliance = takenUp < nInvited || crossed > 0;
  const z = standardNormalQuantile(1 - (1 - level) / 2);
  const effects: Effect[] = [];
  for (const outcome of outcomes) {
    const { values, measure } = comparedValues(frame, outcome);
    let itt;
    try {
      itt = differenceInMeans(values, invited, blocks, level);
    } catch (error) {
      if (!(error instanceof PthvEstimationError)) throw error;
      warnings.push({ code: "not-estimated", message: `${outcome.name}: ${error.message}` });
      continue;
    }
    const scale = outcome.kind === "continuous" ? 1 : 100;
    const se = `${itt.method === "welch" ? "Welch" : itt.method === "blocked" ? "blocked (Gerber and Green 2012)" : "matched pairs (Imai, King and Nall 2009)"}, ${itt.df.toFixed(0)} df`;
    effects.push({
      outcome: outcome.name,
      measure: `intent to treat: ${measure}`,
      estimate: scale * itt.estimate,
      ciLow: scale * itt.ciLow,
      ciHigh: scale * itt.ciHigh,
      pValue: itt.pValue,
      source: "difference in means",
      standardErrors: se,
      n: itt.n,
      statement: `offering a visit changed ${WHAT[outcome.name] ?? outcome.name} by ${(scale * itt.estimate).toFixed(2)}${scale === 100 ? " percentage points" : " points"} (${Math.round(level * 100)}% CI ${(scale * itt.ciLow).toFixed(2)} to ${(scale * itt.ciHigh).toFixed(2)})`,
    });
    if (noncompliance && takeUpDiff.estimate > 0) {
      const cace = itt.estimate / takeUpDiff.estimate;
      const caceSe = itt.stdError / takeUpDiff.estimate;
      effects.push({
        outcome: outcome.name,
        measure: `complier average causal effect: ${measure}`,
        estimate: scale * cace,
        ciLow: scale * (cace - z * caceSe),
        ciHigh: scale * (cace + z * caceSe),
        pValue: 2 * standardNormalCdf(-Math.abs(cace / caceSe)),
        source: "Wald estimator (ITT / difference in take-up)",
        standardErrors: "Bloom (1984): se(ITT) / take-up difference",
        n: itt.n,
        statement: `for families who take a visit when offered one, ${WHAT[outcome.name] ?? outcome.name} changed by ${(scale * cace).toFixed(2)}${scale === 100 ? " percentage points" : " points"}`,
      });
    }
  }
  // A first stage with F = t^2 below 10 is weak (Staiger and Stock 1997): the Wald ratio is then biased and its interval unreliable.
  if (noncompliance && takeUpDiff.estimate > 0 && takeUpDiff.statistic ** 2 < 10) {
    warnings.push({ code: "weak-take-up", message: `the lottery raised take-up by only ${(100 * takeUpDiff.estimate).toFixed(1)} percentage points (F = ${(takeUpDiff.statistic ** 2).toFixed(1)} < 10): the complier effects are unreliable; read the intent-to-treat effects` });
  }
  if (noncompliance && takeUpDiff.estimate <= 0) warnings.push({ code: "no-take-up", message: "invited students were not visited more often than others: the complier effect is not defined" });
  return { effects, summary, warnings };
}
