import type { Diagnostic, ValidationReport } from "../types.js";

/** "3 errors", "1 warning". */
export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

/** The total line every text formatter ends with. */
export function totals(report: ValidationReport): string {
  const problems = report.counts.error + report.counts.warning;
  return `${plural(problems, "problem")} (${plural(report.counts.error, "error")}, ${plural(report.counts.warning, "warning")})`;
}

/** Who a diagnostic is about: `visit 'visit-9'`. */
export function subject(d: Diagnostic): string {
  return d.id !== undefined ? `${d.entity} '${d.id}'` : d.entity;
}

/** The non-negotiable a rule protects, as words. */
export function protectsLabel(protects: Diagnostic["protects"]): string {
  return protects === "resolution" ? "board resolution" : `non-negotiable ${protects}`;
}

/** Escapes text for XML content and attributes. */
export function xml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]!);
}
