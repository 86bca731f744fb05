import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Effect, EvaluationReport } from "../../src/evaluate/index.js";
import { effectsTableHtml } from "../../src/notebook/index.js";

const effect = (overrides: Partial<Effect> = {}): Effect => ({
  outcome: "absences",
  measure: "fewer absences (1 - IRR)",
  estimate: 0.24,
  ciLow: 0.2,
  ciHigh: 0.28,
  pValue: 0.0004,
  source: "absences.negative-binomial",
  standardErrors: "CR1",
  n: 1000,
  statement: "",
  ...overrides,
});
// Only the fields the table reads; the rest of a report does not matter here.
const reportWith = (effects: Effect[], level = 0.95) => ({ design: "observational", effects, thresholds: { level } }) as unknown as EvaluationReport;

describe("effectsTableHtml", () => {
  it("writes one row per effect with the estimate, the interval and the p-value as a reader would round them", () => {
    const html = effectsTableHtml(reportWith([effect(), effect({ measure: "odds ratio", estimate: 0.5, ciLow: 0.25, ciHigh: 1, pValue: 0.0123 })]));
    expect(html.match(/<tr>/g)).toHaveLength(3);
    expect(html).toContain("<td>0.240</td><td>0.200 to 0.280</td><td>&lt; 0.001</td>");
    expect(html).toContain("<td>0.500</td><td>0.250 to 1.000</td><td>0.012</td>");
  });

  it("names the design and the confidence level in the caption and header", () => {
    const html = effectsTableHtml(reportWith([effect()], 0.9));
    expect(html).toContain("<caption>Effects of home visits (observational design, 90% confidence intervals)</caption>");
    expect(html).toContain("<th>90% interval</th>");
  });

  it("says so in one row when there is no effect", () => {
    const html = effectsTableHtml(reportWith([]));
    expect(html).toContain('<td colspan="6">No effect could be estimated');
  });

  it("escapes every cell, whatever text an outcome or source carries (property)", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (outcome, source) => {
        const html = effectsTableHtml(reportWith([effect({ outcome, source })]));
        const body = html.slice(html.indexOf("<tbody>") + 7, html.indexOf("</tbody>"));
        const text = body.replace(/<\/?t[rd]>/g, "");
        return !/[<>]/.test(text) && !/&(?!amp;|lt;|gt;|quot;)/.test(text);
      }),
    );
  });
});
