import { existsSync } from "node:fs";
import { stat } from "node:fs/promises";
import { isAbsolute, relative, resolve, sep } from "node:path";
import { PthvConfigError, PthvInputError, PthvUsageError, type InputIssue } from "../../errors/index.js";
import type { SourceMap } from "../../model/index.js";
import { loadProgram, readJsonFile } from "../../node/index.js";
import { REPORT_FORMATS, formatReport, mergeReports, resolveConfig, validateProgram, type ValidationReport } from "../../validate/index.js";
import { choiceOption, numberOption, parseCommandArgs, writeOutputFile, type Command } from "../command.js";

/** A path as CI tools expect it: relative to the working directory, with forward slashes. */
function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return (rel === "" || rel.startsWith("..") || isAbsolute(rel) ? path : rel).split(sep).join("/");
}

/** The file of a source (relative to the loaded folder, or the JSON file's name) as a path from the working directory. */
function inputFile(input: string, file: string, isFolder: boolean): string {
  return displayPath(isFolder ? resolve(input, file) : resolve(input));
}

/**
 * The source map with every file as a path from the working directory. In a folder, findings about
 * the plan (which has no row) point at plan.json, or at the folder when there is none.
 */
function relocateSources(sources: SourceMap, input: string, isFolder: boolean): SourceMap {
  const out: SourceMap = {};
  if (isFolder) out.file = existsSync(resolve(input, "plan.json")) ? inputFile(input, "plan.json", true) : displayPath(input);
  for (const [key, value] of Object.entries(sources)) {
    if (key === "file") out.file = inputFile(input, value as string, isFolder);
    else (out as Record<string, unknown>)[key] = (value as { file: string; row?: number }[]).map((s) => ({ ...s, file: inputFile(input, s.file, isFolder) }));
  }
  return out;
}

async function readConfig(path: string): Promise<unknown> {
  try {
    return await readJsonFile(path, "check the path given to --config");
  } catch (error) {
    // The configuration's problems are configuration errors, located the same way.
    if (error instanceof PthvInputError) throw new PthvConfigError(error.issues.map((i) => ({ ...i, file: displayPath(path) })));
    throw error;
  }
}

export const validateCommand: Command = {
  name: "validate",
  summary: "check programme records against the non-negotiables",
  help: `Usage: pthv validate <file-or-folder...> [--config f] [--format f] [--max-warnings n] [--quiet] [--output file]

Checks each programme (a JSON file or a folder of CSV files, as written by 'pthv sample-district')
against the five non-negotiables and the board resolution's plan requirements, rule by rule. Rules,
levels and options come from pthv.config.json (see docs/validate.md); without --config, a
pthv.config.json in the working directory is used when there is one, else pthv:recommended.

Options:
  --config f        configuration file (JSON; schema in schemas/pthv.config.schema.json)
  --format f        stylish (default), json, junit, sarif, github or markdown
  --max-warnings n  exit 1 when there are more than n warnings (default: no limit)
  --quiet           report errors only (warnings still count towards --max-warnings)
  --output file     write the report to a file instead of standard output
  -h, --help        show this help

Exit codes: 0 no errors (and warnings within --max-warnings), 1 the programme breaks a rule,
2 unreadable input or configuration. Messages name records by pseudonymous id only.`,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(
      argv,
      { config: { type: "string" }, format: { type: "string" }, "max-warnings": { type: "string" }, quiet: { type: "boolean" }, output: { type: "string" } },
      true,
    );
    if (values.help) return io.stdout(`${this.help}\n`), 0;
    if (positionals.length === 0) throw new PthvUsageError("name at least one programme file or folder, e.g. 'pthv validate data/district'");
    const format = choiceOption(values.format, "format", REPORT_FORMATS, "stylish");
    const maxWarnings = numberOption(values["max-warnings"], "max-warnings", (n) => Number.isInteger(n) && n >= 0, "a whole number, 0 or more");
    const configPath = values.config ?? (existsSync("pthv.config.json") ? "pthv.config.json" : undefined);
    const config = configPath !== undefined ? await readConfig(configPath) : undefined;
    resolveConfig(config, configPath !== undefined ? displayPath(configPath) : undefined); // fails early, naming the key and the file

    const reports: ValidationReport[] = [];
    const issues: InputIssue[] = [];
    for (const input of positionals) {
      const isFolder = await stat(input).then((info) => info.isDirectory(), () => false);
      try {
        const { program, sources } = await loadProgram(input);
        const report = validateProgram(program, config, { sources: relocateSources(sources, input, isFolder) });
        reports.push({ ...report, inputs: [displayPath(input)] });
      } catch (error) {
        if (!(error instanceof PthvInputError)) throw error;
        issues.push(...error.issues.map((i) => (i.file !== undefined ? { ...i, file: inputFile(input, i.file, isFolder) } : i)));
      }
    }
    if (issues.length > 0) throw new PthvInputError(issues);

    const report = mergeReports(reports);
    const shown = values.quiet ? { ...report, diagnostics: report.diagnostics.filter((d) => d.severity === "error"), counts: { error: report.counts.error, warning: 0 } } : report;
    const text = formatReport(shown, format);
    if (values.output !== undefined) {
      await writeOutputFile(values.output, text, "--output");
      io.stderr(`pthv validate: wrote ${format} report to ${values.output} (${report.counts.error} errors, ${report.counts.warning} warnings)\n`);
    } else io.stdout(text);
    const tooManyWarnings = maxWarnings !== undefined && report.counts.warning > maxWarnings;
    if (tooManyWarnings && report.counts.error === 0) io.stderr(`pthv validate: ${report.counts.warning} warnings, more than --max-warnings ${maxWarnings}\n`);
    return report.counts.error > 0 || tooManyWarnings ? 1 : 0;
  },
};
