/**
 * Rich display of an evaluation report in Jupyter (Deno's kernel and any front end that reads
 * MIME bundles): each view is a plain MIME bundle, plus the `Symbol.for("Jupyter.display")`
 * method through which Deno's kernel renders an object left as a cell's last expression.
 */
import { absenceRateSvg, forestPlotSvg, toMarkdown } from "../evaluate/index.js";
import type { EvaluationReport } from "../evaluate/index.js";
import { PthvUsageError } from "../errors/index.js";
import { effectsTableHtml, effectsTableText } from "./effects-table.js";

/**
 * The views of a report that {@link toJupyter} can display.
 *
 * @example
 * ```ts
 * import { JUPYTER_VIEWS } from "pthv";
 * JUPYTER_VIEWS.includes("forest-plot"); // true
 * ```
 */
export const JUPYTER_VIEWS = ["report", "effects", "forest-plot", "absence-rates"] as const;

/**
 * A view of a report for {@link toJupyter}: `report` (the Markdown summary), `effects` (the
 * effects as an HTML table), `forest-plot` or `absence-rates` (SVG charts).
 *
 * @example
 * ```ts
 * import type { JupyterView } from "pthv";
 * const view: JupyterView = "forest-plot";
 * ```
 */
export type JupyterView = (typeof JUPYTER_VIEWS)[number];

/**
 * A MIME bundle as Jupyter's display protocol defines it: one representation per MIME type; the
 * front end shows the richest it can. `text/plain` is always present.
 *
 * @example
 * ```ts
 * import type { MimeBundle } from "pthv";
 * const bundle: MimeBundle = { "text/plain": "3 effects", "text/html": "<table>...</table>" };
 * ```
 */
export interface MimeBundle {
  /** Fallback text for consoles and for front ends that cannot show anything richer. */
  "text/plain": string;
  /** An HTML fragment (no page, no script, no external resource). */
  "text/html"?: string;
  /** Markdown text. */
  "text/markdown"?: string;
  /** A standalone SVG document. */
  "image/svg+xml"?: string;
}

/**
 * What {@link toJupyter} returns: a plain MIME bundle (JSON-serialisable as it is) that Deno's
 * kernel also renders when it is a cell's last expression, through its
 * `Symbol.for("Jupyter.display")` method.
 *
 * @example
 * ```ts
 * import { evaluateOutcomes, sampleDistrict, toJupyter, type JupyterDisplay } from "pthv";
 * const display: JupyterDisplay = toJupyter(evaluateOutcomes(sampleDistrict({ students: 3000 }).outcomes), "effects");
 * JSON.stringify(display); // the bundle, without the symbol-keyed method
 * ```
 */
export interface JupyterDisplay extends MimeBundle {
  /** Under `Symbol.for("Jupyter.display")`: returns the bundle, for Deno's kernel to render. Not enumerable. */
  readonly [display: symbol]: () => MimeBundle;
}

const plainTitle = (report: EvaluationReport, what: string) =>
  `${what} of home visits (${report.design} design; ${report.effects.length} effect${report.effects.length === 1 ? "" : "s"})`;

function bundleFor(report: EvaluationReport, view: JupyterView): MimeBundle {
  switch (view) {
    case "report":
      return { "text/plain": toMarkdown(report), "text/markdown": toMarkdown(report) };
    case "effects":
      return { "text/plain": effectsTableText(report), "text/html": effectsTableHtml(report) };
    case "forest-plot":
      return { "text/plain": `Forest plot: ${plainTitle(report, "Effects")}`, "image/svg+xml": forestPlotSvg(report) };
    case "absence-rates":
      return { "text/plain": `Absence rates by group: ${plainTitle(report, "Evaluation")}`, "image/svg+xml": absenceRateSvg(report) };
  }
}

/**
 * Turns a view of an evaluation report into something a Jupyter notebook displays richly: the
 * Markdown summary, the effects as an HTML table, or the forest plot or absence-rate chart as
 * SVG. Leave the result as a cell's last expression in Deno's kernel, or pass it to
 * `Deno.jupyter.display(bundle, { raw: true })`. The bundle carries only what the report carries
 * (aggregates, small cells already suppressed), never a student record.
 *
 * @param report - a report from {@link evaluateOutcomes}
 * @param view - which view to display (default `report`); one of {@link JUPYTER_VIEWS}
 * @returns a MIME bundle with a `Symbol.for("Jupyter.display")` method returning the same bundle
 * @throws {@link PthvUsageError} when `view` is not one of {@link JUPYTER_VIEWS}
 *
 * @example
 * ```ts
 * import { evaluateOutcomes, sampleDistrict, toJupyter } from "pthv";
 * const report = evaluateOutcomes(sampleDistrict({ students: 3000 }).outcomes, { covariates: ["frl"] });
 * toJupyter(report, "forest-plot")["image/svg+xml"]?.startsWith("<svg"); // true
 * toJupyter(report, "effects"); // as a cell's last expression: an HTML table in the notebook
 * ```
 */
export function toJupyter(report: EvaluationReport, view: JupyterView = "report"): JupyterDisplay {
  if (!(JUPYTER_VIEWS as readonly string[]).includes(view)) {
    throw new PthvUsageError(`Unknown view "${String(view)}": use one of ${JUPYTER_VIEWS.join(", ")}.`);
  }
  const bundle = bundleFor(report, view);
  return Object.defineProperty({ ...bundle }, Symbol.for("Jupyter.display"), {
    value: () => ({ ...bundle }),
    enumerable: false,
  }) as JupyterDisplay;
}
