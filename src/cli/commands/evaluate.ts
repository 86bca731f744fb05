import { basename, join } from "node:path";
import { PthvInputError, PthvUsageError } from "../../errors/index.js";
import { absenceRateSpec, absenceRateSvg, evaluateOutcomes, forestPlotSpec, forestPlotSvg, OUTCOMES, toHtml, toMarkdown, type EvaluateOptions, type OutcomeName } from "../../evaluate/index.js";
import { camelCaseHeader, readCsvFile, readJsonFile } from "../../node/index.js";
import { choiceOption, ensureOutputDir, numberOption, parseCommandArgs, writeOutputFile, type Command } from "../command.js";

/** Reads the lottery's cohorts (a JSON array, as sample-district writes cohorts.json). */
async function readCohorts(path: string): Promise<{ selectedFamilyIds: string[] }[]> {
  const file = basename(path);
  const parsed = await readJsonFile(path, "check the --cohorts path");
  const cohorts = Array.isArray(parsed) ? parsed : [parsed];
  const bad = cohorts.findIndex((c) => !(c && typeof c === "object" && Array.isArray((c as { selectedFamilyIds?: unknown }).selectedFamilyIds) && (c as { selectedFamilyIds: unknown[] }).selectedFamilyIds.every((id) => typeof id === "string")));
  if (bad >= 0) throw new PthvInputError([{ file, field: `[${bad}].selectedFamilyIds`, entity: "cohort", message: "each cohort needs selectedFamilyIds, a list of family ids (as sampleCohort writes it)" }]);
  return cohorts as { selectedFamilyIds: string[] }[];
}

const list = (value: string | undefined) => (value ?? "").split(",").map((s) => s.trim()).filter(Boolean);

export const evaluateCommand: Command = {
  name: "evaluate",
  summary: "estimate the effect of home visits on absences and reading",
  help: `Usage: pthv evaluate --data outcomes.csv [--covariates a,b,...] [--design d] [--format f] [--out dir]

Compares students whose families received a home visit with comparable students: absence models
(Poisson and negative binomial: "N% fewer absences"), chronic absence and reading proficiency
(odds ratio, marginal effect), reading scores (difference, Hedges' g), baseline equivalence and
the school level. The report names no student and withholds cells of fewer than 10 students.

The CSV has one row per student: school_id, visited (or first_visit_date), days_enrolled,
days_absent, and optionally reading_proficient, reading_score, family_id, invited and covariates.

Options:
  --data file            the outcomes CSV (required)
  --covariates a,b,...   columns measured before the visits, e.g. prior_days_absent,frl,grade
  --design d             observational (default), matched or randomized
  --cluster column       cluster of the robust errors and the schools (default school_id)
  --outcomes a,b,...     ${OUTCOMES.join(", ")} (default: all the data allows)
  --chronic-threshold x  chronic absence threshold, share of enrolled days (default 0.1)
  --min-days-enrolled n  leave out of absence outcomes students enrolled fewer days (default 10)
  --reading-cut x        proficiency cut on reading_score when there is no reading_proficient
  --systematic-share x   a school is systematic at this share of families visited (default 0.1)
  --skip-school-models   give the schools' shares but fit no systematic-versus-other models
  --caliper x            matching caliper in SD of the propensity score (default 0.2)
  --blocks column        randomized: the lottery's strata (default the cluster column; "none")
  --cohorts file.json    randomized: the lottery's cohorts; students of selected families are
                         invited (needs family_id); otherwise the invited column is used
  --min-cell-size n      withhold cells of fewer students (default 10)
  --format f             json (default), markdown or html
  --out dir              write report.<ext> and the charts (SVG, Vega-Lite) into dir
  -h, --help             show this help

Exit codes: 0 report written, 2 bad input or nothing could be estimated.`,
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, {
      data: { type: "string" },
      covariates: { type: "string" },
      design: { type: "string" },
      cluster: { type: "string" },
      outcomes: { type: "string" },
      "chronic-threshold": { type: "string" },
      "min-days-enrolled": { type: "string" },
      "reading-cut": { type: "string" },
      "systematic-share": { type: "string" },
      caliper: { type: "string" },
      "skip-school-models": { type: "boolean" },
      blocks: { type: "string" },
      cohorts: { type: "string" },
      "min-cell-size": { type: "string" },
      format: { type: "string" },
      out: { type: "string" },
    });
    if (values.help) return io.stdout(`${this.help}\n`), 0;
    if (values.data === undefined) throw new PthvUsageError("--data is required: the outcomes CSV, one row per student");
    const design = choiceOption(values.design, "design", ["observational", "matched", "randomized"] as const, "observational");
    const format = choiceOption(values.format, "format", ["json", "markdown", "html"] as const, "json");
    const outcomes = list(values.outcomes);
    for (const o of outcomes) if (!(OUTCOMES as readonly string[]).includes(o)) throw new PthvUsageError(`--outcomes: unknown outcome '${o}'; choose from ${OUTCOMES.join(", ")}`);
    const share = (n: number) => n > 0 && n < 1;
    const chronic = numberOption(values["chronic-threshold"], "chronic-threshold", share, "a share between 0 and 1, e.g. 0.1");
    const minDays = numberOption(values["min-days-enrolled"], "min-days-enrolled", (n) => Number.isInteger(n) && n >= 0, "a whole number of days");
    const readingCut = numberOption(values["reading-cut"], "reading-cut");
    const systematic = numberOption(values["systematic-share"], "systematic-share", share, "a share between 0 and 1, e.g. 0.1");
    const caliper = numberOption(values.caliper, "caliper", (n) => n > 0, "a positive number of standard deviations");
    const minCell = numberOption(values["min-cell-size"], "min-cell-size", (n) => Number.isInteger(n) && n >= 1, "a whole number, 1 or more");

    const table = await readCsvFile(values.data);
    const columns: Record<string, (string | undefined)[]> = {};
    for (const name of table.columns) columns[name] = table.rows.map((r) => (r.cells.get(name) === "" ? undefined : r.cells.get(name)));
    const labels = Object.fromEntries(table.written);
    const options: EvaluateOptions = {
      design,
      covariates: list(values.covariates).map(camelCaseHeader),
      cluster: camelCaseHeader(values.cluster ?? "schoolId"),
      labels,
      source: { file: table.file, firstRow: 2 },
      ...(outcomes.length > 0 ? { outcomes: outcomes as OutcomeName[] } : {}),
      ...(chronic !== undefined ? { chronicAbsence: chronic } : {}),
      ...(minDays !== undefined ? { minDaysEnrolled: minDays } : {}),
      ...(readingCut !== undefined ? { readingCut } : {}),
      ...(systematic !== undefined ? { systematicShare: systematic } : {}),
      ...(caliper !== undefined ? { caliper } : {}),
      ...(values.blocks !== undefined ? { blocks: values.blocks === "none" ? null : camelCaseHeader(values.blocks) } : {}),
      ...(minCell !== undefined ? { minCellSize: minCell } : {}),
      ...(values["skip-school-models"] ? { schoolModels: false } : {}),
      ...(values.cohorts !== undefined ? { cohorts: await readCohorts(values.cohorts) } : {}),
    };
    const report = evaluateOutcomes(columns, options);
    const text = format === "json" ? `${JSON.stringify(report, null, 2)}\n` : format === "markdown" ? toMarkdown(report) : toHtml(report);
    if (values.out === undefined) {
      io.stdout(text);
      return 0;
    }
    await ensureOutputDir(values.out, "--out");
    const file = `report.${format === "markdown" ? "md" : format}`;
    await writeOutputFile(join(values.out, file), text, "--out");
    await writeOutputFile(join(values.out, "forest-plot.svg"), forestPlotSvg(report), "--out");
    await writeOutputFile(join(values.out, "absence-rates.svg"), absenceRateSvg(report), "--out");
    await writeOutputFile(join(values.out, "forest-plot.vl.json"), `${JSON.stringify(forestPlotSpec(report), null, 2)}\n`, "--out");
    await writeOutputFile(join(values.out, "absence-rates.vl.json"), `${JSON.stringify(absenceRateSpec(report), null, 2)}\n`, "--out");
    io.stderr(`wrote ${file}, forest-plot.svg, absence-rates.svg and their Vega-Lite specs to ${values.out}\n`);
    return 0;
  },
};
