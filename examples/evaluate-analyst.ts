/**
 * An analyst's evaluation of home visits, as in a notebook: build the sample district (its
 * outcomes carry a simulated effect of 24% fewer absences and self-selection of families), compare
 * the naive difference with the adjusted and matched estimates, then save the report and charts.
 *
 * Run after `npm run build`: npx tsx examples/evaluate-analyst.ts [out-folder]
 * It prints only aggregate figures, never a student record.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { evaluateOutcomes, forestPlotSvg, sampleDistrict, toMarkdown, type EvaluationReport } from "pthv";

const district = sampleDistrict({ seed: 2026, students: 10_000 });
const covariates = ["priorDaysAbsent", "priorDaysEnrolled", "priorReadingScore", "ell", "iep", "frl", "grade"];

const percent = (x: number) => `${(100 * x).toFixed(1)}%`;
function fewerAbsences(report: EvaluationReport): string {
  const e = report.effects.find((x) => x.measure === "fewer absences (1 - IRR)" && x.source === "absences.negative-binomial");
  return e ? `${percent(e.estimate)} fewer absences (95% CI ${percent(e.ciLow)} to ${percent(e.ciHigh)})` : "not estimated";
}

// 1. The naive comparison: absence rates of visited and not-visited students as they are.
const observational = evaluateOutcomes(district.outcomes, { design: "observational", covariates });
const [visited, others] = observational.descriptives;
const naive = 1 - (visited!.absenceRate ?? Number.NaN) / (others!.absenceRate ?? Number.NaN);
console.log(`truth of the simulation:        ${percent(1 - district.simulation.absenceRateRatio)} fewer absences`);
console.log(`naive difference in rates:      ${percent(naive)} fewer absences (families with fewer past absences accept visits more often)`);

// 2. Adjusted for the prior-year measures, and matched on the propensity score.
console.log(`observational, adjusted:        ${fewerAbsences(observational)}`);
const matched = evaluateOutcomes(district.outcomes, { design: "matched", covariates });
console.log(`${`matched (${matched.matching!.pairs} pairs):`.padEnd(32)}${fewerAbsences(matched)}`);

// 3. Baseline equivalence before and after matching, for the covariate families self-select on.
const prior = (r: EvaluationReport) => r.baseline.rows.find((row) => row.covariate === "priorDaysAbsent")!;
console.log(`baseline, prior absences:       g = ${prior(observational).effectSize!.toFixed(3)} (${prior(observational).verdict}) before matching, ${prior(matched).effectSize!.toFixed(3)} (${prior(matched).verdict}) after`);

// 4. Systematic schools (at least 10% of families visited).
const schools = matched.schools!;
console.log(`systematic schools:             ${schools.systematicSchools} of ${schools.rows.length}`);

// 5. Save the readable report and the forest plot.
const out = process.argv[2];
if (out) {
  await mkdir(out, { recursive: true });
  await writeFile(join(out, "evaluation.md"), toMarkdown(matched));
  await writeFile(join(out, "forest-plot.svg"), forestPlotSvg(matched));
  console.log(`wrote evaluation.md and forest-plot.svg to ${out}`);
}
