import { join } from "node:path";
import { absenceRateSpec, absenceRateSvg, forestPlotSpec, forestPlotSvg, toMarkdown } from "../../evaluate/index.js";
import { formatRanking } from "../../readiness/index.js";
import { sampleDistrict } from "../../sample-district/index.js";
import { runSeason, type SeasonStep } from "../../season/index.js";
import { toICalendar } from "../../schedule/index.js";
import { formatReport } from "../../validate/index.js";
import { ensureOutputDir, numberOption, parseCommandArgs, writeOutputFile, type Command } from "../command.js";

const LABELS: Record<SeasonStep, string> = {
  readiness: "scoring each school's readiness",
  cohort: "drawing a balanced cohort of families",
  pairs: "forming educator pairs",
  schedule: "scheduling visits (exact min-cost flow)",
  season: "simulating the season's visit logs",
  validation: "validating against the non-negotiables",
  evaluation: "evaluating absences and reading",
};

const percent = (x: number | undefined | null) => (x === undefined || x === null ? "-" : `${(100 * x).toFixed(1)}%`);

export const demoCommand: Command = {
  name: "demo",
  summary: "run a whole season on the embedded sample district",
  help: `Usage: pthv demo [--seed s] [--students n] [--out dir]

Runs a district's whole season on the synthetic sample district: readiness of each school and the
ranked initial cohort of schools; a balanced cohort of families; pairs and an optimal schedule; a
simulated season of visit logs with a few realistic slips; validation against the five
non-negotiables; and the evaluation of absences and reading. Prints a short summary and writes
schedule.ics, validation.sarif, readiness.md, evaluation.md, charts as SVG and Vega-Lite, and the
JSON of every step to the output folder. No real person is in the sample district, and nothing
printed describes one student.

Options:
  --seed s       seed of the simulation (default "pthv")
  --students n   number of students (default 2000)
  --out dir      output folder (default pthv-demo)
  -h, --help     show this help`,
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, { seed: { type: "string" }, students: { type: "string" }, out: { type: "string" } });
    if (values.help) return io.stdout(`${this.help}\n`), 0;
    const students = numberOption(values.students, "students", (n) => Number.isInteger(n) && n >= 100, "a whole number of at least 100");
    const out = values.out ?? "pthv-demo";
    // Before the season's work, so an unwritable --out is reported at once.
    await ensureOutputDir(out, "--out");
    const seed = values.seed ?? "pthv";
    const started = Date.now();
    io.stderr("building the sample district...\n");
    const district = sampleDistrict({ seed, ...(students !== undefined ? { students } : {}) });
    const run = runSeason(district, {
      seed,
      onProgress: (step, phase, ms) => io.stderr(phase === "start" ? `${LABELS[step]}...\n` : `  done in ${ms} ms\n`),
    });

    const visits = run.schedules.reduce((n, s) => n + s.visits.length, 0);
    const eligible = run.schedules.reduce((n, s) => n + s.summary.eligible, 0);
    const pay = run.schedules.reduce((n, s) => n + s.compensation.totals.total, 0);
    const fewer = run.evaluation.effects.find((e) => e.measure === "fewer absences (1 - IRR)" && e.source === "absences.negative-binomial");
    const lines = [
      `pthv demo: sample district (seed ${seed}): ${district.schools.length} schools, ${district.students.length} students, ${district.families.length} families`,
      "",
      `1. readiness     ${run.readiness.tiers.ready} ready, ${run.readiness.tiers.almost} almost, ${run.readiness.tiers["not-ready"]} not ready; starting with ${run.schools.ids.join(", ")} (${run.schools.reason})`,
      `2. cohort        ${run.cohorts.reduce((n, c) => n + c.selectedFamilyIds.length, 0)} families invited by a balanced draw; balance: ${run.cohorts.map((c) => c.balance?.verdict ?? "-").join(", ")}`,
      `3. pairs         ${run.pairing.pairs.length} pairs formed, ${run.pairing.unpaired.length} educators unpaired (with reasons)`,
      `4. schedule      ${visits} visits booked for ${eligible} consenting invited families, ${run.schedules.every((s) => s.objective.optimal) ? "proved optimal" : "not all proved optimal"}; pay ${pay.toFixed(2)}`,
      `5. season        ${run.record.visits.length} visits logged with ${run.slips.length} planted slips`,
      `6. validation    ${run.validation.counts.error} errors, ${run.validation.counts.warning} warnings: ${[...new Set(run.validation.diagnostics.map((d) => d.ruleId))].join(", ") || "none"}`,
      `7. evaluation    ${fewer ? `${percent(fewer.estimate)} fewer absences for visited students (95% CI ${percent(fewer.ciLow)} to ${percent(fewer.ciHigh)}); simulated truth ${percent(1 - district.simulation.absenceRateRatio)}` : "no absence effect estimated"}`,
      "",
      `outputs in ${out}/ (finished in ${((Date.now() - started) / 1000).toFixed(1)} s)`,
    ];

    const files: [string, string][] = [
      ["schedule.ics", toICalendar(run.schedules, { calendarName: "PTHV home visits (sample district)" })],
      ["validation.sarif", formatReport(run.validation, "sarif")],
      ["validation.md", formatReport(run.validation, "markdown")],
      ["readiness.md", formatRanking(run.readiness, "markdown")],
      ["evaluation.md", toMarkdown(run.evaluation)],
      ["forest-plot.svg", forestPlotSvg(run.evaluation)],
      ["absence-rates.svg", absenceRateSvg(run.evaluation)],
      ["forest-plot.vl.json", `${JSON.stringify(forestPlotSpec(run.evaluation), null, 2)}\n`],
      ["absence-rates.vl.json", `${JSON.stringify(absenceRateSpec(run.evaluation), null, 2)}\n`],
      ["1-readiness.json", JSON.stringify(run.readiness)],
      ["2-cohorts.json", JSON.stringify(run.cohorts)],
      ["3-pairs.json", JSON.stringify(run.pairing)],
      ["4-schedules.json", JSON.stringify(run.schedules.map(({ input: _input, ...schedule }) => schedule))],
      ["5-season.json", JSON.stringify({ record: run.record, slips: run.slips })],
      ["6-validation.json", JSON.stringify(run.validation)],
      ["7-evaluation.json", JSON.stringify(run.evaluation)],
    ];
    for (const [name, text] of files) await writeOutputFile(join(out, name), text.endsWith("\n") ? text : `${text}\n`, "--out");
    io.stdout(`${lines.join("\n")}\n`);
    return 0;
  },
};
