/**
 * Charts of a report, as Vega-Lite v5 specifications (for notebooks and dashboards) and as
 * standalone SVG (for files and e-mail): a forest plot of the effects and the distribution of
 * absence rates by group. Both draw only what the report holds: suppressed cells stay out.
 */
import type { Effect, EvaluationReport } from "./report.js";

/**
 * A Vega-Lite specification: a plain JSON object.
 *
 * @example
 * ```ts
 * const spec: VegaLiteSpec = forestPlotSpec(report);
 * JSON.stringify(spec);
 * ```
 */
export type VegaLiteSpec = Record<string, unknown>;

const VEGA_LITE_SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json";

/** @internal The effects a forest plot shows: ratios (log scale, reference 1) when there are any, else differences (reference 0). */
export function forestEffects(report: EvaluationReport): { effects: Effect[]; ratio: boolean; reference: number } {
  const all = [...report.effects, ...(report.schools?.effects ?? []).map((e) => ({ ...e, outcome: `${e.outcome} (school level)` }))];
  const ratios = all.filter((e) => e.measure === "incidence rate ratio" || e.measure === "odds ratio");
  if (ratios.length > 0) return { effects: ratios, ratio: true, reference: 1 };
  return { effects: all, ratio: false, reference: 0 };
}

const rowLabel = (e: Effect) => `${e.outcome}: ${e.measure} (${e.source})`;

/**
 * The forest plot of a report's effects as a Vega-Lite v5 specification: rate and odds ratios on a
 * log scale with a reference line at 1 (differences against 0 for a randomized design).
 *
 * @param report - a report from {@link evaluateOutcomes}
 * @returns a Vega-Lite specification (plain JSON)
 *
 * @example
 * ```ts
 * import { evaluateOutcomes, forestPlotSpec, sampleDistrict } from "pthv";
 * const spec = forestPlotSpec(evaluateOutcomes(sampleDistrict({ students: 3000 }).outcomes, { covariates: ["frl"] }));
 * JSON.stringify(spec); // paste into the Vega editor or a notebook
 * ```
 */
export function forestPlotSpec(report: EvaluationReport): VegaLiteSpec {
  const { effects, ratio, reference } = forestEffects(report);
  const values = effects.map((e) => ({ label: rowLabel(e), estimate: e.estimate, ciLow: e.ciLow, ciHigh: e.ciHigh }));
  const x = { type: "quantitative", title: ratio ? "ratio (log scale); below 1 favours fewer absences / lower odds" : "effect", scale: ratio ? { type: "log" } : { zero: false } };
  return {
    $schema: VEGA_LITE_SCHEMA,
    description: `Effects of home visits with ${Math.round(report.thresholds.level * 100)}% confidence intervals (${report.design} design)`,
    data: { values },
    width: 480,
    layer: [
      { mark: "rule", encoding: { y: { field: "label", type: "nominal", title: null, sort: null }, x: { ...x, field: "ciLow" }, x2: { field: "ciHigh" } } },
      { mark: { type: "point", filled: true, size: 60 }, encoding: { y: { field: "label", type: "nominal", sort: null }, x: { ...x, field: "estimate" } } },
      { data: { values: [{ reference }] }, mark: { type: "rule", strokeDash: [4, 4], color: "gray" }, encoding: { x: { field: "reference", type: "quantitative" } } },
    ],
  };
}

/**
 * The absence-rate distributions by group as a Vega-Lite v5 specification: the share of each
 * group's students per bin; bins withheld for privacy are left out.
 *
 * @param report - a report from {@link evaluateOutcomes}
 * @returns a Vega-Lite specification (plain JSON)
 *
 * @example
 * ```ts
 * import { absenceRateSpec, evaluateOutcomes, sampleDistrict } from "pthv";
 * const spec = absenceRateSpec(evaluateOutcomes(sampleDistrict({ students: 3000 }).outcomes, { covariates: ["frl"] }));
 * spec.mark; // { type: "bar", opacity: 0.6 }
 * ```
 */
export function absenceRateSpec(report: EvaluationReport): VegaLiteSpec {
  const values = report.absenceRates.bins.filter((b) => b.share !== null).map((b) => ({ group: b.group, from: b.from, to: b.to, share: b.share }));
  return {
    $schema: VEGA_LITE_SCHEMA,
    description: "Absence rate (days absent / days enrolled) by group; bins with fewer students than the minimum cell size are withheld",
    data: { values },
    width: 480,
    mark: { type: "bar", opacity: 0.6 },
    encoding: {
      x: { field: "from", type: "quantitative", bin: { binned: true, step: report.absenceRates.binWidth }, title: "absence rate" },
      x2: { field: "to" },
      y: { field: "share", type: "quantitative", title: "share of group's students", stack: null },
      color: { field: "group", type: "nominal" },
    },
  };
}

const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const f = (x: number) => +x.toFixed(2);

/**
 * The forest plot of a report's effects as a standalone SVG document.
 *
 * @param report - a report from {@link evaluateOutcomes}
 * @returns SVG text
 *
 * @example
 * ```ts
 * import { evaluateOutcomes, forestPlotSvg, sampleDistrict } from "pthv";
 * const svg = forestPlotSvg(evaluateOutcomes(sampleDistrict({ students: 3000 }).outcomes, { covariates: ["frl"] }));
 * svg.startsWith("<svg"); // true
 * ```
 */
export function forestPlotSvg(report: EvaluationReport): string {
  const { effects, ratio, reference } = forestEffects(report);
  const left = 360;
  const width = 720;
  const rowHeight = 26;
  const top = 40;
  const height = top + rowHeight * effects.length + 50;
  const tx = (v: number) => (ratio ? Math.log(v) : v);
  const points = effects.flatMap((e) => [e.ciLow, e.ciHigh, e.estimate]).filter((v) => Number.isFinite(tx(v)));
  let lo = Math.min(tx(reference), ...points.map(tx));
  let hi = Math.max(tx(reference), ...points.map(tx));
  if (hi - lo < 1e-9) [lo, hi] = [lo - 1, hi + 1];
  const pad = (hi - lo) * 0.08;
  const sx = (v: number) => left + ((tx(v) - lo + pad) / (hi - lo + 2 * pad)) * (width - left - 20);
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`);
  parts.push(`<title>Effects of home visits (${escapeXml(report.design)} design)</title>`);
  parts.push(`<text x="10" y="20" font-size="14" font-weight="bold">Effects with ${Math.round(report.thresholds.level * 100)}% confidence intervals</text>`);
  const rx = f(sx(reference));
  parts.push(`<line x1="${rx}" y1="${top - 10}" x2="${rx}" y2="${top + rowHeight * effects.length}" stroke="gray" stroke-dasharray="4 4"/>`);
  effects.forEach((e, k) => {
    const y = top + rowHeight * k + rowHeight / 2;
    parts.push(`<text x="10" y="${y + 4}">${escapeXml(rowLabel(e).slice(0, 58))}</text>`);
    if ([e.ciLow, e.ciHigh, e.estimate].every((v) => Number.isFinite(tx(v)))) {
      parts.push(`<line x1="${f(sx(e.ciLow))}" y1="${y}" x2="${f(sx(e.ciHigh))}" y2="${y}" stroke="black" stroke-width="1.5"/>`);
      parts.push(`<circle cx="${f(sx(e.estimate))}" cy="${y}" r="4" fill="black"><title>${escapeXml(`${e.estimate.toFixed(3)} (${e.ciLow.toFixed(3)} to ${e.ciHigh.toFixed(3)})`)}</title></circle>`);
    }
  });
  const axisY = top + rowHeight * effects.length + 20;
  parts.push(`<text x="${rx}" y="${axisY}" text-anchor="middle">${reference}</text>`);
  parts.push(`<text x="${left}" y="${axisY + 20}">${ratio ? "ratio, log scale: below 1 means fewer absences or lower odds for visited students" : "difference"}</text>`);
  parts.push("</svg>");
  return parts.join("\n");
}

/**
 * The absence-rate distributions by group as a standalone SVG document; withheld bins are not drawn.
 *
 * @param report - a report from {@link evaluateOutcomes}
 * @returns SVG text
 *
 * @example
 * ```ts
 * import { absenceRateSvg, evaluateOutcomes, sampleDistrict } from "pthv";
 * const svg = absenceRateSvg(evaluateOutcomes(sampleDistrict({ students: 3000 }).outcomes, { covariates: ["frl"] }));
 * svg.includes("Absence rate"); // true
 * ```
 */
export function absenceRateSvg(report: EvaluationReport): string {
  const { bins, groups, binWidth } = report.absenceRates;
  const width = 720;
  const height = 320;
  const [left, right, top, bottom] = [60, 160, 40, 50];
  const colours = ["#1b6ca8", "#d1495b", "#2e933c", "#8f5fbf"];
  const maxRate = bins.length > 0 ? Math.max(...bins.map((b) => b.from)) + binWidth : 1;
  const maxShare = Math.max(0.01, ...bins.map((b) => b.share ?? 0));
  const sx = (v: number) => left + (v / maxRate) * (width - left - right);
  const sy = (v: number) => height - bottom - (v / maxShare) * (height - top - bottom);
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`);
  parts.push("<title>Absence rate by group</title>");
  parts.push(`<text x="10" y="20" font-size="14" font-weight="bold">Absence rate (days absent / days enrolled) by group</text>`);
  parts.push(`<line x1="${left}" y1="${height - bottom}" x2="${width - right}" y2="${height - bottom}" stroke="black"/>`);
  for (let v = 0; v <= maxRate + 1e-9; v += binWidth * 4) parts.push(`<text x="${f(sx(v))}" y="${height - bottom + 16}" text-anchor="middle">${Math.round(v * 100)}%</text>`);
  parts.push(`<text x="${(left + width - right) / 2}" y="${height - 10}" text-anchor="middle">absence rate (last bin: ${Math.round((maxRate - binWidth) * 100)}% or more); withheld bins not drawn</text>`);
  groups.forEach((group, g) => {
    const colour = colours[g % colours.length]!;
    for (const b of bins.filter((x) => x.group === group && x.share !== null)) {
      const x0 = sx(b.from);
      const w = sx(b.from + binWidth) - x0;
      parts.push(`<rect x="${f(x0)}" y="${f(sy(b.share!))}" width="${f(w)}" height="${f(height - bottom - sy(b.share!))}" fill="${colour}" fill-opacity="0.35" stroke="${colour}"/>`);
    }
    parts.push(`<rect x="${width - right + 15}" y="${top + 20 * g}" width="12" height="12" fill="${colour}" fill-opacity="0.6"/>`);
    parts.push(`<text x="${width - right + 32}" y="${top + 20 * g + 10}">${escapeXml(group)}</text>`);
  });
  parts.push("</svg>");
  return parts.join("\n");
}
