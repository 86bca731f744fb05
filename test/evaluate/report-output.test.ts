import { describe, expect, it } from "vitest";
import { absenceRateSpec, absenceRateSvg, evaluateOutcomes, forestPlotSpec, forestPlotSvg, toHtml, toMarkdown } from "../../src/evaluate/index.js";
import { sampleDistrict } from "../../src/sample-district/index.js";

const report = evaluateOutcomes(sampleDistrict({ seed: 7, students: 3000 }).outcomes, { covariates: ["priorDaysAbsent", "frl", "grade"] });

describe("report output", () => {
  it("writes a Markdown summary with the headline, the effects, the baseline and the caveats", () => {
    const md = toMarkdown(report);
    expect(md).toMatch(/^# Evaluation of home visits \(observational design\)/);
    expect(md).toMatch(/## Headline\n\nnegative binomial: visited students had \d+\.\d% fewer absences/);
    expect(md).toContain("| absences | fewer absences (1 - IRR) |");
    expect(md).toContain("## Baseline equivalence");
    expect(md).toContain("Privacy:");
  });

  it("lists a caveat shared by several models once", () => {
    const md = toMarkdown(report);
    const lines = md.split("\n").filter((l) => l.startsWith("- only"));
    expect(new Set(lines).size).toBe(lines.length);
  });

  it("draws a forest plot of rate and odds ratios around 1 with one point per effect", () => {
    const spec = forestPlotSpec(report);
    expect(spec["$schema"]).toMatch(/vega-lite\/v5/);
    const values = (spec["data"] as { values: { estimate: number }[] }).values;
    const ratios = [...report.effects, ...report.schools!.effects].filter((e) => e.measure === "incidence rate ratio" || e.measure === "odds ratio");
    expect(values).toHaveLength(ratios.length);
    const svg = forestPlotSvg(report);
    expect(svg.match(/<circle /g)).toHaveLength(ratios.length);
    expect(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"")).toBe(true);
  });

  it("draws absence-rate distributions without the withheld bins", () => {
    const spec = absenceRateSpec(report);
    const values = (spec["data"] as { values: { share: number }[] }).values;
    expect(values.every((v) => typeof v.share === "number")).toBe(true);
    const hidden = report.absenceRates.bins.filter((b) => b.students === null).length;
    expect(values.length).toBe(report.absenceRates.bins.length - hidden);
    expect(absenceRateSvg(report).match(/<rect [^>]*fill-opacity="0.35"/g)).toHaveLength(values.length);
  });

  it("shares of each group's absence-rate bins sum to 1 when nothing is withheld", () => {
    const big = evaluateOutcomes(sampleDistrict({ seed: 7, students: 3000 }).outcomes, { minCellSize: 1, outcomes: ["absences"] });
    for (const group of big.absenceRates.groups) {
      const sum = big.absenceRates.bins.filter((b) => b.group === group).reduce((s, b) => s + (b.share ?? 0), 0);
      expect(sum).toBeCloseTo(1, 12);
    }
  });

  it("writes a standalone HTML page with the tables and both charts inline", () => {
    const html = toHtml(report);
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(html).toContain("<table>");
    expect(html.match(/<svg /g)).toHaveLength(2);
    expect(html).not.toMatch(/<script/);
  });
});
