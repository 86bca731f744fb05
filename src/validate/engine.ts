import type { ProgramRecord, SourceMap } from "../model/index.js";
import { resolveConfig } from "./config.js";
import { indexProgram } from "./program-index.js";
import { RULES } from "./rules/index.js";
import type { Diagnostic, DiagnosticEntity, Finding, RuleRun, Severity, ValidateOptions, ValidationReport } from "./types.js";

const COLLECTION_OF: Partial<Record<DiagnosticEntity, keyof SourceMap>> = {
  school: "schools",
  family: "families",
  educator: "educators",
  pair: "pairs",
  visit: "visits",
  reflection: "reflections",
  cohort: "cohorts",
};

/** Adds file and row from the source map, when the record was loaded from files. */
function locate(finding: Finding, sources: SourceMap | undefined): { file?: string; row?: number } {
  if (!sources) return {};
  const collection = COLLECTION_OF[finding.entity];
  const source = collection !== undefined && collection !== "file" && finding.index !== undefined ? sources[collection]?.[finding.index] : undefined;
  if (source) return source.row !== undefined ? { file: source.file, row: source.row } : { file: source.file };
  return sources.file !== undefined ? { file: sources.file } : {};
}

/**
 * Checks a parsed programme against the non-negotiables and the resolution's plan requirements,
 * rule by rule. Never throws on a parsed record: every finding is a diagnostic, and a rule that
 * fails unexpectedly becomes an error diagnostic naming the rule. Does not mutate the record.
 *
 * @param record - a programme parsed by `parseProgram` or `loadProgram`
 * @param config - the contents of a `pthv.config.json` (levels and options per rule); absent means `pthv:recommended`
 * @param options - `sources` from `loadProgram`, so diagnostics name file and row
 * @returns the report: `ok`, counts by severity, diagnostics, and how each rule ran
 * @throws PthvConfigError when `config` is invalid, naming the key
 *
 * @example
 * ```ts
 * import { sampleDistrict, validateProgram } from "pthv";
 * const report = validateProgram(sampleDistrict({ students: 300 }));
 * report.ok; // true
 * const strict = validateProgram(sampleDistrict({ students: 300 }), { rules: { "scheduled-in-advance": ["error", { minLeadHours: 24 * 30 }] } });
 * strict.counts.error > 0; // true: no visit in the sample is booked a month ahead
 * ```
 */
export function validateProgram(record: ProgramRecord, config?: unknown, options: ValidateOptions = {}): ValidationReport {
  const resolved = resolveConfig(config);
  const index = indexProgram(record);
  const diagnostics: Diagnostic[] = [];
  const rules: RuleRun[] = [];
  for (const rule of RULES) {
    const { level, options: ruleOptions } = resolved[rule.meta.id]!;
    const run: RuleRun = { id: rule.meta.id, level, options: ruleOptions, findings: 0 };
    rules.push(run);
    if (level === "off") continue;
    const severity: Severity = level === "error" ? "error" : "warning";
    const report = (finding: Finding) => {
      run.findings++;
      const diagnostic: Diagnostic = { ruleId: rule.meta.id, severity, message: finding.message, protects: rule.meta.protects, entity: finding.entity };
      if (finding.id !== undefined) diagnostic.id = finding.id;
      if (finding.field !== undefined) diagnostic.field = finding.field;
      Object.assign(diagnostic, locate(finding, options.sources));
      diagnostics.push(diagnostic);
    };
    try {
      rule.check({ record, options: ruleOptions as never, index, report, skip: (reason) => void (run.skipped = reason), note: (reason) => void (run.notes ??= []).push(reason) });
    } catch (error) {
      // A parsed record never makes a rule throw; if one does, it is a bug, reported as a finding rather than a crash.
      report({ entity: "program", message: `rule failed unexpectedly (${error instanceof Error ? error.message : String(error)}): this is a bug in pthv; please report it` });
    }
  }
  const counts = { error: 0, warning: 0 };
  for (const d of diagnostics) counts[d.severity]++;
  return {
    ok: counts.error === 0,
    counts,
    diagnostics,
    rules,
    checked: {
      schools: record.schools.length,
      families: record.families.length,
      educators: record.educators.length,
      pairs: record.pairs.length,
      visits: record.visits.length,
      reflections: record.reflections.length,
      cohorts: record.cohorts.length,
      plan: record.plan !== undefined,
    },
  };
}

/**
 * Combines the reports of several inputs (the CLI validates each file or folder it is given) into
 * one: diagnostics concatenated, counts summed, records checked summed.
 *
 * @param reports - the reports, each with its `inputs`
 * @returns one report; `ok` when every input is ok
 *
 * @example
 * ```ts
 * const both = mergeReports([validateProgram(a), validateProgram(b)]);
 * both.counts.error === a.counts.error + b.counts.error; // true
 * ```
 */
export function mergeReports(reports: readonly ValidationReport[]): ValidationReport {
  const first = reports[0];
  if (first === undefined) return validateProgram({ schools: [], students: [], families: [], educators: [], pairs: [], visits: [], reflections: [], cohorts: [], outcomes: [] });
  const checked = { ...first.checked };
  const merged: ValidationReport = {
    ok: reports.every((r) => r.ok),
    counts: { error: 0, warning: 0 },
    diagnostics: reports.flatMap((r) => r.diagnostics),
    rules: first.rules.map((rule) => ({ ...rule, findings: 0 })),
    checked,
  };
  for (const [i, r] of reports.entries()) {
    merged.counts.error += r.counts.error;
    merged.counts.warning += r.counts.warning;
    r.rules.forEach((rule, k) => {
      const target = merged.rules[k]!;
      target.findings += rule.findings;
      if (rule.skipped !== undefined && target.skipped === undefined) target.skipped = rule.skipped;
      if (rule.notes !== undefined) target.notes = [...(target.notes ?? []), ...rule.notes];
    });
    if (i > 0) {
      for (const key of ["schools", "families", "educators", "pairs", "visits", "reflections", "cohorts"] as const) checked[key] += r.checked[key];
      checked.plan ||= r.checked.plan;
    }
  }
  const inputs = reports.flatMap((r) => r.inputs ?? []);
  if (inputs.length > 0) merged.inputs = inputs;
  return merged;
}
