/**
 * Formatters: a ranking or a plan check as text for people (a fixed-width table, Markdown) or as
 * JSON for programs. Each takes one result and returns a string; none reads or writes files.
 */
import type { PlanCheck } from "./plan-check.js";
import type { SchoolRanking } from "./rank.js";
import { formatShare } from "./wording.js";

/**
 * The output formats of {@link formatRanking}.
 *
 * @example
 * ```ts
 * import { RANKING_FORMATS } from "pthv";
 * RANKING_FORMATS; // ["table", "json", "markdown"]
 * ```
 */
export const RANKING_FORMATS = ["table", "json", "markdown"] as const;
/**
 * An output format of {@link formatRanking}.
 *
 * @example
 * ```ts
 * import { formatRanking, rankSchools, type RankingFormat } from "pthv";
 * const format: RankingFormat = "markdown";
 * formatRanking(rankSchools(schools), format);
 * ```
 */
export type RankingFormat = (typeof RANKING_FORMATS)[number];

function cellsOf(ranking: SchoolRanking): string[][] {
  return ranking.places.map((p) => {
    const [principal, support, funding, processes] = p.readiness.criteria;
    return [
      String(p.place),
      p.name === null ? p.schoolId : `${p.schoolId} (${p.name})`,
      p.tier,
      p.score.toFixed(1),
      principal.met ? "yes" : principal.named ? "not engaged" : "none",
      `${support.inSupport}/${support.teachers} (${formatShare(support.value)})`,
      `${Math.floor(Number((funding.value * 100).toPrecision(12)))}%`,
      `${processes.present.length}/4`,
      p.readiness.gaps.length === 0 ? "-" : p.readiness.gaps.join("; "),
    ];
  });
}

const HEADER = ["#", "School", "Tier", "Score", "Principal", "Support", "Funded", "Processes", "What it takes"];

/**
 * Formats a ranking: `table` (fixed-width text for a terminal), `markdown` (a table and, per school
 * not ready, what it takes and why it is placed where it is) or `json` (the ranking itself).
 *
 * @param ranking - a result of {@link rankSchools}
 * @param format - `table`, `markdown` or `json`
 * @returns the text, ending with a newline
 *
 * @example
 * ```ts
 * const text = formatRanking(rankSchools(schools), "markdown");
 * ```
 */
export function formatRanking(ranking: SchoolRanking, format: RankingFormat): string {
  if (format === "json") return `${JSON.stringify(ranking, null, 2)}\n`;
  const rows = cellsOf(ranking);
  const summary = `${ranking.places.length} schools: ${ranking.tiers.ready} ready, ${ranking.tiers.almost} almost, ${ranking.tiers["not-ready"]} not ready. Order: ${ranking.order}.`;
  if (format === "markdown") {
    const line = (cells: string[]) => `| ${cells.map((c) => c.replaceAll("|", "\\|")).join(" | ")} |`;
    const table = [line(HEADER), line(HEADER.map((h, i) => (i === 0 || i === 3 ? "---:" : "---"))), ...rows.map(line)];
    const details = ranking.places.map((p) => {
      const lines = [`### ${p.place}. ${p.name ?? p.schoolId} (${p.tier}, ${p.score.toFixed(1)})`, "", `${p.reason} ${p.readiness.tierReason}`, ""];
      for (const c of p.readiness.criteria) lines.push(`- **${c.criterion}** (${c.points}/${c.maxPoints}${c.gate ? ", gate" : ""}): ${c.explanation}`);
      if (p.readiness.gaps.length > 0) lines.push("", `What it takes: ${p.readiness.gaps.join("; ")}.`);
      if (p.readiness.recommendations.length > 0) lines.push("", `Also: ${p.readiness.recommendations.join("; ")}.`);
      return lines.join("\n");
    });
    return `${[summary, "", ...table, "", ...details.flatMap((d) => [d, ""])].join("\n").trimEnd()}\n`;
  }
  const all = [HEADER, ...rows];
  const widths = HEADER.map((_, i) => Math.max(...all.map((r) => r[i]!.length)));
  const pad = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : i === 0 || i === 3 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  return `${[pad(HEADER), pad(widths.map((w) => "-".repeat(w))), ...rows.map(pad), "", summary].join("\n")}\n`;
}

/**
 * The output formats of {@link formatPlanCheck}.
 *
 * @example
 * ```ts
 * import { PLAN_FORMATS } from "pthv";
 * PLAN_FORMATS; // ["text", "json"]
 * ```
 */
export const PLAN_FORMATS = ["text", "json"] as const;
/**
 * An output format of {@link formatPlanCheck}.
 *
 * @example
 * ```ts
 * import { checkPlan, formatPlanCheck, type PlanFormat } from "pthv";
 * const format: PlanFormat = "text";
 * formatPlanCheck(checkPlan(plan, { today: "2026-12-01" }), format);
 * ```
 */
export type PlanFormat = (typeof PLAN_FORMATS)[number];

/**
 * Formats a plan check as text for people (status, each element, the committee, the problems) or
 * as JSON.
 *
 * @param check - a result of {@link checkPlan}
 * @param format - `text` or `json`
 * @returns the text, ending with a newline
 *
 * @example
 * ```ts
 * console.log(formatPlanCheck(checkPlan(plan, { today: "2026-12-01" }), "text"));
 * ```
 */
export function formatPlanCheck(check: PlanCheck, format: PlanFormat): string {
  if (format === "json") return `${JSON.stringify(check, null, 2)}\n`;
  const lines = [
    `Implementation plan${check.districtName === null ? "" : ` of ${check.districtName}`}: ${check.ok ? "in order" : `${check.problems.length} problem${check.problems.length === 1 ? "" : "s"}`}`,
    `Resolution passed ${check.passedAt}; due ${check.dueAt} (${check.thresholds.dueDays} days, ${check.timeZone}); ${check.status.message}.`,
    "",
    "Elements:",
    ...check.elements.map((e) => `  ${e.substantive ? "ok" : "--"} ${e.label}: ${e.reason}`),
    "",
    `Steering committee: ${check.committee.explanation}`,
  ];
  if (check.problems.length > 0) lines.push("", "Problems:", ...check.problems.map((p) => `  - ${p}`));
  return `${lines.join("\n")}\n`;
}
