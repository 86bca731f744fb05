import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { evaluateOutcomes, sampleDistrict } from "../../src/index.js";
import { absenceRateSvg, forestPlotSvg, toMarkdown, type EvaluationReport } from "../../src/evaluate/index.js";
import { PthvUsageError } from "../../src/errors/index.js";
import { JUPYTER_VIEWS, effectsTableHtml, toJupyter, type JupyterView, type MimeBundle } from "../../src/notebook/index.js";

const DISPLAY = Symbol.for("Jupyter.display");
let report: EvaluationReport;
let outcomes: ReturnType<typeof sampleDistrict>["outcomes"];

beforeAll(() => {
  outcomes = sampleDistrict({ seed: 7, students: 3000 }).outcomes;
  report = evaluateOutcomes(outcomes, { covariates: ["priorDaysAbsent", "frl"] });
});

describe("toJupyter", () => {
  it("shows the report view as the Markdown summary, with the same text as plain-text fallback", () => {
    const bundle = toJupyter(report);
    expect(bundle["text/markdown"]).toBe(toMarkdown(report));
    expect(bundle["text/plain"]).toBe(toMarkdown(report));
    expect(bundle["text/html"]).toBeUndefined();
  });

  it("shows the effects view as an HTML table with a plain-text line per effect", () => {
    const bundle = toJupyter(report, "effects");
    expect(bundle["text/html"]).toBe(effectsTableHtml(report));
    expect(bundle["text/plain"].split("\n")).toHaveLength(report.effects.length);
  });

  it("shows the two charts as the evaluation part's SVG documents", () => {
    expect(toJupyter(report, "forest-plot")["image/svg+xml"]).toBe(forestPlotSvg(report));
    expect(toJupyter(report, "absence-rates")["image/svg+xml"]).toBe(absenceRateSvg(report));
    expect(toJupyter(report, "forest-plot")["text/plain"]).toContain("Forest plot");
  });

  it("answers Deno's display protocol with the same bundle it holds, and serialises to that bundle", () => {
    for (const view of JUPYTER_VIEWS) {
      const display = toJupyter(report, view);
      const viaProtocol = display[DISPLAY]!();
      expect(viaProtocol).toEqual(JSON.parse(JSON.stringify(display)));
      expect(Object.keys(display)).toEqual(Object.keys(viaProtocol));
    }
  });

  it("refuses an unknown view with a usage error naming the views it knows", () => {
    expect(() => toJupyter(report, "pie-chart" as JupyterView)).toThrow(PthvUsageError);
    expect(() => toJupyter(report, "pie-chart" as JupyterView)).toThrow(/report, effects, forest-plot, absence-rates/);
  });

  it("leaves the report untouched", () => {
    const before = JSON.stringify(report);
    for (const view of JUPYTER_VIEWS) toJupyter(report, view);
    expect(JSON.stringify(report)).toBe(before);
  });

  it("never puts a student id into any view", () => {
    const shown = JUPYTER_VIEWS.map((view) => JSON.stringify(toJupyter(report, view))).join("\n");
    const leaked = outcomes.filter((o) => new RegExp(`\\b${o.studentId}\\b`).test(shown));
    expect(leaked).toEqual([]);
  });

  it("gives every view a non-empty plain-text fallback and one rich representation (property)", () => {
    fc.assert(
      fc.property(fc.constantFrom(...JUPYTER_VIEWS), (view) => {
        const bundle: MimeBundle = toJupyter(report, view);
        const rich = Object.keys(bundle).filter((k) => k !== "text/plain");
        return bundle["text/plain"].length > 0 && rich.length === 1 && (bundle[rich[0] as keyof MimeBundle] ?? "").length > 0;
      }),
    );
  });
});
