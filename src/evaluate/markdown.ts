/**
 * A readable Markdown summary of an evaluation report: what was compared, the headline effects
 * with their intervals, baseline equivalence, the school level and the caveats.
 */
import type { Count, DescriptiveRow, Effect, EvaluationReport } from "./report.js";

const num = (x: number | null, digits = 2) => (x === null ? "suppressed" : x.toFixed(digits));
const pct = (x: number | null, digits = 1) => (x === null ? "suppressed" : `${(100 * x).toFixed(digits)}%`);
const count = (x: Count) => (x === null ? "suppressed" : x.toLocaleString("en-US"));
const pValue = (p: number | null) => (p === null ? "" : p < 0.001 ? "< 0.001" : p.toFixed(3));

function table(header: string[], rows: string[][]): string {
  const escape = (s: string) => s.replace(/\|/g, "\\|");
  return [`| ${header.join(" | ")} |`, `| ${header.map(() => "---").join(" | ")} |`, ...rows.map((r) => `| ${r.map(escape).join(" | ")} |`)].join("\n");
}

function effectRows(effects: readonly Effect[]): string[][] {
  return effects.map((e) => [e.outcome, e.measure, num(e.estimate, 3), `${num(e.ciLow, 3)} to ${num(e.ciHigh, 3)}`, pValue(e.pValue), e.source]);
}

function descriptiveRows(rows: readonly DescriptiveRow[]): string[][] {
  return rows.map((r) => [r.group, count(r.n), num(r.meanDaysAbsent, 1), pct(r.absenceRate), pct(r.chronicAbsenceRate), r.readingProficientRate === null && !r.suppressed ? "" : pct(r.readingProficientRate), r.meanReadingScore === null && !r.suppressed ? "" : num(r.meanReadingScore, 1)]);
}

/** @internal The headline: the "fewer absences" effect of the preferred count model, else the first effect. */
export function headlineEffect(report: EvaluationReport): Effect | undefined {
  return (
    report.effects.find((e) => e.measure.startsWith("fewer absences") && e.source.endsWith("negative-binomial")) ??
    report.effects.find((e) => e.measure.startsWith("fewer absences")) ??
    report.effects[0]
  );
}

/**
 * Renders a report as a readable Markdown summary: what was compared, the headline effect, every
 * effect with its interval, the groups, matching or lottery details, baseline equivalence, the
 * school level and the caveats (warnings and what was suppressed).
 *
 * @param report - a report from {@link evaluateOutcomes}
 * @returns Markdown text
 *
 * @example
 * ```ts
 * import { evaluateOutcomes, sampleDistrict, toMarkdown } from "pthv";
 * const report = evaluateOutcomes(sampleDistrict({ students: 3000 }).outcomes, { covariates: ["priorDaysAbsent", "frl"] });
 * toMarkdown(report).startsWith("# Evaluation of home visits"); // true
 * ```
 */
export function toMarkdown(report: EvaluationReport): string {
  const level = `${Math.round(report.thresholds.level * 100)}%`;
  const out: string[] = [];
  out.push(`# Evaluation of home visits (${report.design} design)`, "");
  out.push(`**Compared:** ${report.comparison}.`, "");
  out.push(
    `${report.inputs.students.toLocaleString("en-US")} students in ${report.inputs.schools} schools; ${count(report.inputs.treated)} ${report.design === "randomized" ? "invited" : "visited"}, ${count(report.inputs.comparison)} in the comparison group. Standard errors clustered by ${report.inputs.cluster}.`,
    "",
  );
  for (const e of report.inputs.excluded) out.push(`- Left out: ${count(e.students)} students (${e.reason}).`);
  if (report.inputs.excluded.length > 0) out.push("");
  out.push("Outcomes:", "");
  for (const o of report.inputs.outcomes) out.push(`- **${o.name}**: ${o.definition}; ${count(o.n)} students.`);
  out.push("");
  const headline = headlineEffect(report);
  if (headline) out.push("## Headline", "", `${headline.statement}.`, "");
  out.push("## Effects", "", `Estimates with ${level} confidence intervals.`, "");
  out.push(table(["Outcome", "Measure", "Estimate", `${level} CI`, "p", "Source"], effectRows(report.effects)), "");
  out.push("## Groups", "");
  out.push(table(["Group", "Students", "Mean days absent", "Absence rate", "Chronically absent", "Reading proficient", "Mean reading score"], descriptiveRows(report.descriptives)), "");
  out.push(`Chronic absence: absent at least ${pct(report.thresholds.chronicAbsence, 0)} of enrolled days, among students enrolled at least ${report.thresholds.minDaysEnrolled} days.`, "");
  if (report.matching) {
    const m = report.matching;
    out.push("## Matching", "", `${m.method}; ${m.propensityModel}; caliper ${m.caliper} SD of the propensity score (${m.caliperWidth.toFixed(4)}). ${count(m.pairs)} pairs; ${count(m.unmatchedTreated)} visited students unmatched.`, "");
  }
  if (report.randomized) {
    const r = report.randomized;
    out.push("## Lottery", "", `${count(r.invited)} invited, ${count(r.notInvited)} not invited; ${pct(r.takeUp)} of invited students were visited, ${pct(r.crossOver)} of the others. Estimator: ${r.estimator}.`, "");
  }
  out.push("## Baseline equivalence", "", `${report.baseline.groups}. ${report.baseline.source}. Satisfies at |effect size| <= ${report.baseline.thresholds.satisfies}, needs adjustment up to ${report.baseline.thresholds.needsAdjustment}.`, "");
  if (report.baseline.rows.length > 0) {
    out.push(table(["Covariate", "Kind", "Treated", "Comparison", "Effect size", "Verdict"], report.baseline.rows.map((b) => [b.covariate, b.kind, num(b.treatedMean, 3), num(b.comparisonMean, 3), num(b.effectSize, 3), b.verdict])), "");
  } else out.push("No covariates were given, so baseline equivalence was not assessed.", "");
  if (report.schools) {
    const s = report.schools;
    out.push("## Schools", "", `${s.systematicSchools} of ${s.rows.length} schools visited at least ${pct(s.threshold, 0)} of their ${s.shareOf} (systematic implementation).`, "");
    if (s.effects.length > 0) out.push(table(["Outcome", "Measure", "Estimate", `${level} CI`, "p", "Source"], effectRows(s.effects)), "");
  }
  out.push("## Caveats", "");
  if (report.warnings.length === 0) out.push("- No warnings.");
  // The same caveat about several models is listed once, naming the models.
  const grouped = new Map<string, string[]>();
  for (const w of report.warnings) {
    const models = grouped.get(w.message) ?? [];
    if (w.model) models.push(w.model);
    grouped.set(w.message, models);
  }
  for (const [message, models] of grouped) out.push(`- ${message}${models.length > 0 ? ` (${models.join(", ")})` : ""}`);
  if (report.design === "observational") out.push("- An observational comparison adjusts only for the covariates given; families who accept visits may differ in ways no covariate records.");
  out.push(`- Privacy: ${report.privacy.statement}`, "");
  return out.join("\n");
}
