/**
 * The effects of a report as an HTML table fragment (no page, no style sheet), for a notebook
 * cell or any page that has its own styles.
 */
import type { Effect, EvaluationReport } from "../evaluate/index.js";

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const fixed = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : String(x));
const pValue = (p: number | null) => (p === null ? "" : p < 0.001 ? "< 0.001" : p.toFixed(3));

/** The columns of the effects table, in order. */
export const EFFECT_COLUMNS = ["Outcome", "Measure", "Estimate", "Interval", "p", "Source"] as const;

/** One effect as the cells of a row, as text (not yet escaped). */
export function effectCells(effect: Effect): string[] {
  return [effect.outcome, effect.measure, fixed(effect.estimate), `${fixed(effect.ciLow)} to ${fixed(effect.ciHigh)}`, pValue(effect.pValue), effect.source];
}

/**
 * The report's effects as an HTML `<table>` fragment (no page, no style sheet) with a caption
 * naming the design and the confidence level: outcome, measure, estimate, interval, p-value and
 * the model it comes from. Every cell is escaped. A report without effects gives a table whose one
 * row says so.
 *
 * @param report - a report from {@link evaluateOutcomes}
 * @returns an HTML `<table>` element as text
 *
 * @example
 * ```ts
 * import { effectsTableHtml, evaluateOutcomes, sampleDistrict } from "pthv";
 * const html = effectsTableHtml(evaluateOutcomes(sampleDistrict({ students: 3000 }).outcomes, { covariates: ["frl"] }));
 * html.startsWith('<table class="pthv-effects">'); // true
 * ```
 */
export function effectsTableHtml(report: EvaluationReport): string {
  const level = `${Math.round(report.thresholds.level * 100)}%`;
  const head = `<thead><tr>${EFFECT_COLUMNS.map((c) => `<th>${escapeHtml(c === "Interval" ? `${level} interval` : c)}</th>`).join("")}</tr></thead>`;
  const rows = report.effects.length === 0
    ? [`<tr><td colspan="${EFFECT_COLUMNS.length}">No effect could be estimated; see the report's warnings.</td></tr>`]
    : report.effects.map((e) => `<tr>${effectCells(e).map((c) => `<td>${escapeHtml(c)}</td>`).join("")}</tr>`);
  const caption = `<caption>Effects of home visits (${escapeHtml(report.design)} design, ${level} confidence intervals)</caption>`;
  return `<table class="pthv-effects">${caption}${head}<tbody>${rows.join("")}</tbody></table>`;
}

/** The same table as plain text, one effect per line, for displays that cannot show HTML. */
export function effectsTableText(report: EvaluationReport): string {
  if (report.effects.length === 0) return "No effect could be estimated; see the report's warnings.";
  return report.effects.map((e) => effectCells(e).filter((c) => c !== "").join(" | ")).join("\n");
}
