/**
 * A standalone HTML page of a report: the Markdown summary rendered as HTML, with the two SVG
 * charts inline. No script, no external resource.
 */
import { absenceRateSvg, forestPlotSvg } from "./charts.js";
import { toMarkdown } from "./markdown.js";
import type { EvaluationReport } from "./report.js";

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const inline = (s: string) => escapeHtml(s).replace(/\*\*(.+?)\*\*/g, "<strong>$1</strong>");

/** Renders the Markdown that {@link toMarkdown} writes (headings, paragraphs, tables, lists). */
function markdownToHtml(markdown: string): string {
  const out: string[] = [];
  const lines = markdown.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith("#")) {
      const level = line.match(/^#+/)![0].length;
      out.push(`<h${level}>${inline(line.slice(level).trim())}</h${level}>`);
    } else if (line.startsWith("| ")) {
      const rows: string[][] = [];
      while (i < lines.length && lines[i]!.startsWith("| ")) {
        rows.push(lines[i]!.slice(2, -2).split(/(?<!\\) \| /).map((c) => c.replace(/\\\|/g, "|")));
        i++;
      }
      i--;
      const [head, , ...body] = rows;
      out.push(`<table><thead><tr>${(head ?? []).map((c) => `<th>${inline(c)}</th>`).join("")}</tr></thead><tbody>${body.map((r) => `<tr>${r.map((c) => `<td>${inline(c)}</td>`).join("")}</tr>`).join("")}</tbody></table>`);
    } else if (line.startsWith("- ")) {
      const items: string[] = [];
      while (i < lines.length && lines[i]!.startsWith("- ")) items.push(lines[i++]!.slice(2));
      i--;
      out.push(`<ul>${items.map((t) => `<li>${inline(t)}</li>`).join("")}</ul>`);
    } else if (line.trim() !== "") out.push(`<p>${inline(line)}</p>`);
  }
  return out.join("\n");
}

/**
 * Renders a report as one standalone HTML page: the Markdown summary as HTML and the forest plot
 * and absence-rate charts as inline SVG. No script and no external resource.
 *
 * @param report - a report from {@link evaluateOutcomes}
 * @returns an HTML document
 *
 * @example
 * ```ts
 * import { evaluateOutcomes, sampleDistrict, toHtml } from "pthv";
 * const html = toHtml(evaluateOutcomes(sampleDistrict({ students: 3000 }).outcomes, { covariates: ["frl"] }));
 * html.includes("<svg"); // true
 * ```
 */
export function toHtml(report: EvaluationReport): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Evaluation of home visits (${escapeHtml(report.design)} design)</title>
<style>body{font-family:sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.4}table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left}figure{margin:1.5rem 0}</style>
</head>
<body>
${markdownToHtml(toMarkdown(report))}
<figure>${forestPlotSvg(report)}<figcaption>Forest plot of the effects.</figcaption></figure>
<figure>${absenceRateSvg(report)}<figcaption>Absence rates by group.</figcaption></figure>
</body>
</html>
`;
}
