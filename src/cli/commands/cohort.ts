import { basename } from "node:path";
import { sampleCohort, verifyCohort, type FrameRow, type FrameSource, type SampleCohortOptions } from "../../cohort/index.js";
import { PthvInputError, PthvUsageError, TargetingError } from "../../errors/index.js";
import { Cohort, issuesFromZod } from "../../model/index.js";
import { toCsv } from "../../format/csv.js";
import { camelCaseHeader, readCsvFile, readJsonFile, toColumnValue } from "../../node/index.js";
import { choiceOption, numberOption, emitOutput, parseCommandArgs, type Command } from "../command.js";

const TEXT_COLUMNS = new Set(["id", "schoolId", "familyId", "teacherId"]);

/** Reads a frame: a CSV file (one row per student) or JSON (an array of rows, or a programme with `students`). */
async function loadFrame(path: string): Promise<{ rows: FrameRow[]; source: FrameSource }> {
  const file = basename(path);
  if (!/\.json$/i.test(path)) {
    const table = await readCsvFile(path);
    const rows = table.rows.map(({ cells }) => {
      const row: Record<string, string | number | boolean | null> = {};
      for (const [column, value] of cells) row[column] = TEXT_COLUMNS.has(column) ? value : toColumnValue(value);
      return row as unknown as FrameRow;
    });
    return { rows, source: { file, rows: table.rows.map((r) => r.line) } };
  }
  const json = await readJsonFile(path);
  const rows = Array.isArray(json) ? json : typeof json === "object" && json !== null && Array.isArray((json as { students?: unknown }).students) ? (json as { students: unknown[] }).students : undefined;
  if (rows === undefined) throw new PthvInputError([{ file, message: "a JSON frame is an array of student rows, or an object with a 'students' array" }]);
  const bad = rows.findIndex((r) => typeof r !== "object" || r === null || Array.isArray(r));
  if (bad >= 0) throw new PthvInputError([{ file, row: bad + 1, message: "each student row must be an object with id and schoolId" }]);
  return { rows: rows as FrameRow[], source: { file } };
}


async function loadCohort(path: string): Promise<Cohort> {
  const file = basename(path);
  const json = await readJsonFile(path);
  const parsed = Cohort.safeParse(json);
  if (!parsed.success) throw new PthvInputError(issuesFromZod(parsed.error, json).map((issue) => ({ ...issue, file, entity: "cohort" })));
  return parsed.data;
}

const list = (value: string | undefined) => (value === undefined ? undefined : value.split(",").map((s) => s.trim()).filter(Boolean));
const columns = (value: string | undefined) => list(value)?.map(camelCaseHeader);


function cohortTable(cohort: Cohort): string {
  const lines = [
    `cohort: method ${cohort.method}, seed ${JSON.stringify(cohort.seed)}, ${cohort.selectedFamilyIds.length} families invited, ${cohort.reserve.length} in reserve`,
    `frame: ${cohort.audit.frameSize} students, digest ${cohort.audit.frameDigest}, pthv ${cohort.audit.version}`,
    "",
    "stratum".padEnd(36) + "families".padStart(10) + "invited".padStart(10) + "reserve".padStart(10) + "  chance",
    ...(cohort.strata ?? []).map((s) => s.key.padEnd(36) + String(s.families).padStart(10) + String(s.selected).padStart(10) + String(s.reserve.length).padStart(10) + `  ${s.inclusionProbability.toFixed(4)}`),
  ];
  const balance = cohort.balance;
  if (balance !== undefined && balance.rows.length > 0) {
    lines.push("", "balance (invited students vs all students)".padEnd(36) + "frame".padStart(10) + "invited".padStart(10) + "SMD".padStart(10) + "  verdict");
    for (const r of balance.rows) {
      const name = r.level !== undefined ? `${r.variable}=${r.level}` : r.variable;
      lines.push(name.padEnd(36) + r.frameMean.toFixed(3).padStart(10) + (r.selectedMean?.toFixed(3) ?? "-").padStart(10) + (r.smd?.toFixed(4) ?? "-").padStart(10) + `  ${r.verdict}`);
    }
    lines.push(`overall: ${balance.verdict} (max |SMD| ${balance.maxAbsSmd?.toFixed(4) ?? "-"}; thresholds ${balance.thresholds.representative} and ${balance.thresholds.acceptable})`);
  }
  for (const note of cohort.notes ?? []) lines.push(`note: ${note}`);
  return `${lines.join("\n")}\n`;
}

function cohortCsv(cohort: Cohort): string {
  const rows = (cohort.strata ?? []).flatMap((s) => [
    ...s.selectedFamilyIds.map((id, i) => ({ family_id: id, stratum: s.key, role: "invited", order: i + 1 })),
    ...s.reserve.map((id, i) => ({ family_id: id, stratum: s.key, role: "reserve", order: i + 1 })),
  ]);
  return toCsv(rows, ["family_id", "stratum", "role", "order"]);
}

const SAMPLE_HELP = `Usage: pthv sample --frame students.csv --method m [size] [options]
       pthv sample verify --frame students.csv --cohort cohort.json [--format json|table]

Draws the families to invite this season, never targeting (non-negotiable 4): all families, or a
random, stratified, balanced or classroom cross-section in which every family of a school has the
same chance. The frame has one row per student: id, school_id, family_id (siblings share it),
grade, teacher_id and any further columns. 'verify' re-draws a cohort from its audit record and
says whether it is exactly what its seed gives.

Options:
  --frame path         the frame: CSV, or JSON (an array of rows or a programme with students)
  --method m           all, random, stratified, balanced or classroom (default all)
  --fraction f         share of each school's families to invite (classroom: of each class)
  --count n            families to invite in each school (classroom: in each class)
  --balance a,b        columns the invited students should match the school on (balanced);
                       reported for every method
  --strata a,b         columns forming strata within each school (stratified, balanced)
  --teachers t1,t2     participating teachers (classroom; default all)
  --seed s             seed of the draw (required except for all)
  --reserve-size n     reserve families kept per stratum (default: as many as invited)
  --cohort path        (verify) the cohort JSON, as written by 'pthv sample' (declines included)
  --format f           json (default), csv (one row per invited or reserve family) or table
  --out path           write to a file instead of standard output
  -h, --help           show this help

Exit codes: 0 drawn (verify: verified), 1 (verify) not what the seed gives, 2 usage or input error,
including options shaped like targeting (filters, weights, priorities, risk scores).`;

export const sampleCommand: Command = {
  name: "sample",
  summary: "draw the cohort of families to invite (never targeting), or verify one",
  help: SAMPLE_HELP,
  async run(argv, io) {
    if (argv[0] === "verify") return verify(argv.slice(1), io, SAMPLE_HELP);
    const targeting = argv.find((a) => /^--?(weights?|filters?|priority|priorities|risk|risk-scores?|target|targets|include|exclude|only)(=|$)/i.test(a));
    if (targeting !== undefined) throw new TargetingError(`option '${targeting.replace(/=.*$/, "")}' would single out some families or give them a higher chance of an invitation; pthv sample has no such option`);
    const { values } = parseCommandArgs(argv, {
      frame: { type: "string" },
      method: { type: "string" },
      fraction: { type: "string" },
      count: { type: "string" },
      balance: { type: "string" },
      strata: { type: "string" },
      teachers: { type: "string" },
      seed: { type: "string" },
      "reserve-size": { type: "string" },
      format: { type: "string" },
      out: { type: "string" },
    });
    if (values.help) return io.stdout(`${SAMPLE_HELP}\n`), 0;
    if (values.frame === undefined) throw new PthvUsageError("give the frame with --frame students.csv");
    const method = choiceOption(values.method, "method", ["all", "random", "stratified", "balanced", "classroom"] as const, "all");
    const format = choiceOption(values.format, "format", ["json", "csv", "table"] as const, "json");
    const fraction = numberOption(values.fraction, "fraction", (n) => n >= 0 && n <= 1, "a share between 0 and 1");
    const count = numberOption(values.count, "count", (n) => Number.isInteger(n) && n >= 0, "a whole number of families");
    const reserveSize = numberOption(values["reserve-size"], "reserve-size", (n) => Number.isInteger(n) && n >= 0, "a whole number");
    const options: SampleCohortOptions = { method };
    if (values.seed !== undefined) options.seed = values.seed;
    if (fraction !== undefined) options.fraction = fraction;
    if (count !== undefined) options.count = count;
    if (reserveSize !== undefined) options.reserveSize = reserveSize;
    const balance = columns(values.balance);
    const strata = columns(values.strata);
    const teachers = list(values.teachers);
    if (balance !== undefined) options.balance = balance;
    if (strata !== undefined) options.strata = strata;
    if (teachers !== undefined) options.teachers = teachers;
    const { rows, source } = await loadFrame(values.frame);
    const cohort = sampleCohort(rows, options, source);
    const text = format === "json" ? `${JSON.stringify(cohort, null, 2)}\n` : format === "csv" ? cohortCsv(cohort) : cohortTable(cohort);
    await emitOutput(io, text, values.out);
    return 0;
  },
};

async function verify(argv: string[], io: { stdout(t: string): void; stderr(t: string): void }, help: string): Promise<number> {
  const { values } = parseCommandArgs(argv, { frame: { type: "string" }, cohort: { type: "string" }, format: { type: "string" } });
  if (values.help) return io.stdout(`${help}\n`), 0;
  if (values.frame === undefined || values.cohort === undefined) throw new PthvUsageError("give --frame students.csv and --cohort cohort.json");
  const format = choiceOption(values.format, "format", ["json", "table"] as const, "table");
  const { rows, source } = await loadFrame(values.frame);
  const cohort = await loadCohort(values.cohort);
  const result = verifyCohort(rows, cohort, source);
  if (format === "json") io.stdout(`${JSON.stringify(result, null, 2)}\n`);
  else {
    io.stdout(`${result.verified ? "verified: the cohort is exactly what its seed gives on this frame" : "NOT verified"}\n`);
    for (const c of result.checks) io.stdout(`  ${c.passed ? "ok  " : "FAIL"} ${c.check}: ${c.detail}\n`);
  }
  return result.verified ? 0 : 1;
}
