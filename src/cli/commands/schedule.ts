import { z } from "zod";
import { PthvInputError } from "../../errors/index.js";
import { loadProgram, readJsonFile } from "../../node/index.js";
import { PairingOptions, ScheduleInput, formPairs, scheduleInputFromProgram, scheduleToCsv, scheduleVisits, toICalendar, type Pairing, type Schedule } from "../../schedule/index.js";
import { toCsv } from "../../format/csv.js";
import { choiceOption, emitOutput, parseCommandArgs, type Command } from "../command.js";
import { PthvUsageError } from "../../errors/index.js";


/** Runs `call`, adding the input file to every located problem it reports. */
function inFile<T>(file: string, call: () => T): T {
  try {
    return call();
  } catch (error) {
    if (error instanceof PthvInputError) throw new PthvInputError(error.issues.map((i) => ({ file, ...i })));
    throw error;
  }
}


function scheduleTable(s: Schedule): string {
  const counts = new Map<string, number>();
  for (const u of s.unscheduled) for (const r of u.reasons) counts.set(r.code, (counts.get(r.code) ?? 0) + 1);
  const lines = [
    `school ${s.schoolId} (${s.timeZone}), visit ${s.visitNumber}, window ${s.window.start} to ${s.window.end}, booked at ${s.now}`,
    `${s.visits.length} of ${s.summary.families} families scheduled (${s.summary.eligible} eligible) by ${s.summary.pairs} pairs; objective cost ${s.objective.cost}, ${s.objective.optimal ? "optimal" : "not proved optimal"}`,
    `pay: visits ${s.compensation.totals.visitPay.toFixed(2)}, reflections ${s.compensation.totals.reflectionPay.toFixed(2)}, training ${s.compensation.totals.trainingPay.toFixed(2)}, total ${s.compensation.totals.total.toFixed(2)}${s.budget ? ` (budget ${s.budget.limit.toFixed(2)}${s.budget.binding ? ", binding" : ""})` : ""}`,
    ...[...counts].map(([code, n]) => `not scheduled: ${n} ${code}`),
    ...s.summary.pairsLeftOut.map((p) => `pair ${p.pairId} left out: ${p.reason}`),
    "",
    `${"start".padEnd(26)}${"pair".padEnd(16)}${"family".padEnd(14)}interpreter`,
    ...s.visits.map((v) => `${v.start.padEnd(26)}${v.pairId.padEnd(16)}${v.familyId.padEnd(14)}${v.interpreter ? "yes" : ""}`),
  ];
  return `${lines.join("\n")}\n`;
}

export const scheduleCommand: Command = {
  name: "schedule",
  summary: "book a season of home visits for one school, optimally",
  help: `Usage: pthv schedule --input schedule.json [--format json|ics|csv|table] [--table t] [--out file]
       pthv schedule --program path --school id --now datetime [--visit 1|2] [--format ...]
       pthv schedule --schema

Books the visits of one school's season: the most consenting families, then the lowest cost
(own teacher, shared language, balanced load, earlier weeks), outside the school day, inside
everyone's availability, at least the lead time after 'now', with the pair's reflection after
each visit. The input is a JSON object: school, educators, pairs, families, students, season,
now, visitNumber, previousVisits and options (see docs/schedule.md). Or, from a whole programme
(a JSON file or a folder of CSV files), one school with default options.

Options:
  --input file   the schedule input (JSON)
  --program p    a programme file or CSV folder, instead of --input; needs --school and --now
  --school id    with --program: the school to schedule
  --now t        with --program: the booking moment, e.g. 2026-07-15T09:00:00-04:00
  --visit n      with --program: 1 (first visits, default) or 2 (second visits)
  --schema       print the JSON Schema of the input (for tools in other languages)
  --format f     json (default; the schedule without its input), ics (RFC 5545 calendar),
                 csv (one table, formula-safe) or table (a summary to read)
  --table t      with --format csv: visits (default), unscheduled or compensation
  --out file     write here instead of standard output
  -h, --help     show this help

Exit codes: 0 scheduled (families that could not be booked are listed with reasons),
2 bad input or usage.`,
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, {
      input: { type: "string" },
      program: { type: "string" },
      school: { type: "string" },
      now: { type: "string" },
      visit: { type: "string" },
      format: { type: "string" },
      table: { type: "string" },
      out: { type: "string" },
      schema: { type: "boolean" },
    });
    if (values.help) return io.stdout(`${this.help}\n`), 0;
    if (values.schema) return io.stdout(`${JSON.stringify(z.toJSONSchema(ScheduleInput, { io: "input", unrepresentable: "any" }), null, 2)}\n`), 0;
    const format = choiceOption(values.format, "format", ["json", "ics", "csv", "table"] as const, "json");
    const table = choiceOption(values.table, "table", ["visits", "unscheduled", "compensation"] as const, "visits");
    if ((values.input === undefined) === (values.program === undefined)) throw new PthvUsageError("give either --input file.json or --program path (with --school and --now)");
    let schedule: Schedule;
    if (values.program !== undefined) {
      if (values.school === undefined || values.now === undefined) throw new PthvUsageError("--program needs --school id and --now datetime");
      const visitNumber = choiceOption(values.visit, "visit", ["1", "2"] as const, "1") === "2" ? 2 : 1;
      const { program } = await loadProgram(values.program);
      const input = scheduleInputFromProgram(program, { schoolId: values.school, now: values.now, visitNumber });
      schedule = inFile(values.program, () => scheduleVisits(input));
    } else {
      const file = values.input!;
      const raw = await readJsonFile(file, "check the path given with --input");
      schedule = inFile(file, () => scheduleVisits(raw as Parameters<typeof scheduleVisits>[0]));
    }
    const { input: _input, ...result } = schedule;
    const text =
      format === "json" ? `${JSON.stringify(result, null, 2)}\n` : format === "ics" ? toICalendar(schedule) : format === "csv" ? scheduleToCsv(schedule, table) : scheduleTable(schedule);
    await emitOutput(io, text, values.out);
    return 0;
  },
};

function pairingTable(p: Pairing): string {
  const lines = [
    `${p.pairs.length} pairs (${p.pairs.filter((x) => x.fixed).length} fixed), ${p.unpaired.length} educators unpaired; total weight ${p.totalWeight}`,
    "",
    ...p.pairs.map((x) => `${x.id.padEnd(20)}${x.educatorIds.join(" + ").padEnd(30)}${x.fixed ? "fixed" : `weight ${x.weight}`}`),
    ...p.unpaired.map((u) => `unpaired ${u.educatorId}: ${u.reason}`),
  ];
  return `${lines.join("\n")}\n`;
}

export const pairsCommand: Command = {
  name: "pairs",
  summary: "form educator pairs by an exact maximum-weight matching",
  help: `Usage: pthv pairs --input pairs.json [--format json|table|csv] [--out file]

Forms pairs of educators per school: as many pairs as possible, then the best (a partner who
teaches the families' children, the families' home languages, a first-year visitor with an
experienced one). Only educators opted in and trained by 'readyBy' are paired; fixed pairs are
kept. The input is a JSON object: educators, readyBy, and optionally students, families,
fixedPairs and weights.

Options:
  --input file   the pairing input (JSON)
  --schema       print the JSON Schema of the pairing options (the input adds 'educators')
  --format f     json (default), table or csv (formula-safe)
  --out file     write here instead of standard output
  -h, --help     show this help

Exit codes: 0 paired, 2 bad input or usage.`,
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, { input: { type: "string" }, format: { type: "string" }, out: { type: "string" }, schema: { type: "boolean" } });
    if (values.help) return io.stdout(`${this.help}\n`), 0;
    if (values.schema) return io.stdout(`${JSON.stringify(z.toJSONSchema(PairingOptions, { io: "input", unrepresentable: "any" }), null, 2)}\n`), 0;
    if (values.input === undefined) throw new PthvUsageError("give the pairing input with --input file.json");
    const format = choiceOption(values.format, "format", ["json", "table", "csv"] as const, "json");
    const file = values.input;
    const raw = (await readJsonFile(file, "check the path given with --input")) as Record<string, unknown> | null;
    if (raw === null || typeof raw !== "object" || !Array.isArray(raw.educators)) {
      throw new PthvInputError([{ file, field: "educators", message: "is required: a list of educators" }]);
    }
    const { educators, ...options } = raw;
    const pairing = inFile(file, () => formPairs(educators as Parameters<typeof formPairs>[0], options as Parameters<typeof formPairs>[1]));
    const text =
      format === "json"
        ? `${JSON.stringify(pairing, null, 2)}\n`
        : format === "csv"
          ? toCsv(pairing.pairs.map((p) => ({ pairId: p.id, schoolId: p.schoolId, educator1: p.educatorIds[0], educator2: p.educatorIds[1], fixed: p.fixed, weight: p.weight })), ["pairId", "schoolId", "educator1", "educator2", "fixed", "weight"])
          : pairingTable(pairing);
    await emitOutput(io, text, values.out);
    return 0;
  },
};
