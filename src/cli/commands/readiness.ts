import { basename, extname } from "node:path";
import { PthvInputError, PthvUsageError } from "../../errors/index.js";
import { readCsvFile, readJsonFile } from "../../node/index.js";
import type { SchoolReadinessInput } from "../../model/index.js";
import { PLAN_FORMATS, RANKING_FORMATS, checkPlan, formatPlanCheck, formatRanking, rankSchools, readinessFromRows, type ReadinessSources } from "../../readiness/index.js";
import { choiceOption, numberOption, parseCommandArgs, type Command } from "../command.js";

async function loadSchools(path: string): Promise<{ schools: SchoolReadinessInput[]; sources: ReadinessSources }> {
  const extension = extname(path).toLowerCase();
  if (extension === ".csv") {
    const table = await readCsvFile(path);
    return readinessFromRows(table.rows, table.file);
  }
  if (extension !== ".json") throw new PthvUsageError(`--input must be a .csv or .json file (got '${basename(path)}')`);
  const json = await readJsonFile(path, "check the path given with --input");
  const list = Array.isArray(json) ? json : typeof json === "object" && json !== null && Array.isArray((json as { schools?: unknown }).schools) ? (json as { schools: unknown[] }).schools : null;
  if (list === null) throw new PthvInputError([{ file: basename(path), message: "expected a list of schools, or an object with a 'schools' list" }]);
  return { schools: list as SchoolReadinessInput[], sources: { file: basename(path) } };
}

export const readinessCommand: Command = {
  name: "readiness",
  summary: "score and rank schools' readiness to start home visits",
  help: `Usage: pthv readiness --input schools.csv|schools.json [--format table|json|markdown]

Scores each school against the resolution's conditions (an engaged principal champion, at least
50% of ALL teachers in support, funding that covers the season's estimated cost, processes to
administer and evaluate) and ranks them for the initial cohort: ready schools first, then almost
ready, then the rest, each with what it would take to become ready.

CSV columns: school_id, name, principal_named, principal_engaged, teachers, teachers_in_support,
teachers_surveyed, budget, currency, estimated_cost (or the season: families_to_visit,
hourly_rate, visits_per_family, visit_hours, travel_hours, reflection_hours, educators_to_train,
training_hours, coordinator_hours, coordinator_rate, materials_per_family),
administration_procedures, data_collection, evaluation_plan, training_plan (yes/no).
JSON: a list of SchoolReadiness records ('pthv schema SchoolReadiness'), or { "schools": [...] }.

Options:
  --input path              the schools (.csv or .json)
  --format f                table (default), json or markdown
  --support-threshold x     share of all teachers in support needed (default 0.5)
  --funding-threshold x     share of the estimated cost the budget must cover (default 1)
  -h, --help                show this help

Exit codes: 0 ranked, 2 usage or input error.`,
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, {
      input: { type: "string" },
      format: { type: "string" },
      "support-threshold": { type: "string" },
      "funding-threshold": { type: "string" },
    });
    if (values.help) return io.stdout(`${this.help}\n`), 0;
    if (values.input === undefined) throw new PthvUsageError("give the schools with --input schools.csv (or .json)");
    const format = choiceOption(values.format, "format", RANKING_FORMATS, "table");
    const supportThreshold = numberOption(values["support-threshold"], "support-threshold", (n) => n > 0 && n <= 1, "a share above 0 and at most 1, e.g. 0.5");
    const fundingThreshold = numberOption(values["funding-threshold"], "funding-threshold", (n) => n > 0, "a share above 0, e.g. 1");
    const { schools, sources } = await loadSchools(values.input);
    const ranking = rankSchools(
      schools,
      { ...(supportThreshold === undefined ? {} : { supportThreshold }), ...(fundingThreshold === undefined ? {} : { fundingThreshold }) },
      sources,
    );
    io.stdout(formatRanking(ranking, format));
    return 0;
  },
};

export const planCommand: Command = {
  name: "plan",
  summary: "check the implementation plan: seven elements, 90-day deadline, committee",
  help: `Usage: pthv plan --input plan.json [--today YYYY-MM-DD] [--format text|json]

Checks the steering committee's implementation plan against the resolution: the seven elements
present and substantive, the due date (passage plus 90 calendar days, in the district's time
zone) and its status today, and the committee's composition against the recommended groups
(district and school leaders, parents, students, educators, union leaders).
The file is an ImplementationPlan ('pthv schema ImplementationPlan') or a programme with a 'plan'.

Options:
  --input path     the plan (.json)
  --today date     the date to judge the deadline on (default: today in the district's zone)
  --min-words n    fewest words for an element to count as substantive (default 10)
  --format f       text (default) or json
  -h, --help       show this help

Exit codes: 0 the plan is in order, 1 the plan has problems, 2 usage or input error.`,
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, {
      input: { type: "string" },
      today: { type: "string" },
      "min-words": { type: "string" },
      format: { type: "string" },
    });
    if (values.help) return io.stdout(`${this.help}\n`), 0;
    if (values.input === undefined) throw new PthvUsageError("give the plan with --input plan.json");
    const format = choiceOption(values.format, "format", PLAN_FORMATS, "text");
    const minWords = numberOption(values["min-words"], "min-words", (n) => Number.isInteger(n) && n >= 1, "a whole number of at least 1");
    const json = await readJsonFile(values.input, "check the path given with --input");
    const plan = typeof json === "object" && json !== null && "plan" in json && !("passedAt" in json) ? (json as { plan: unknown }).plan : json;
    const check = checkPlan(plan as Parameters<typeof checkPlan>[0], { today: values.today ?? new Date(), ...(minWords === undefined ? {} : { minWords }) });
    io.stdout(formatPlanCheck(check, format));
    return check.ok ? 0 : 1;
  },
};
