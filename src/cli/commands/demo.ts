import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { sampleDistrict } from "../../sample-district/index.js";
import { numberOption, parseCommandArgs, type Command } from "../command.js";

function percent(n: number, d: number): string {
  return d === 0 ? "-" : `${((100 * n) / d).toFixed(1)}%`;
}

export const demoCommand: Command = {
  name: "demo",
  summary: "run a season on the embedded sample district",
  help: `Usage: pthv demo [--seed s] [--students n] [--out dir]

Builds the synthetic sample district and runs the programme's season on it, printing a short
summary. No real person is in the sample district; summaries never show individual records.

Options:
  --seed s       seed of the simulation (default "pthv")
  --students n   number of students (default 2000)
  --out dir      also write the district and each step's JSON to this folder
  -h, --help     show this help`,
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, { seed: { type: "string" }, students: { type: "string" }, out: { type: "string" } });
    if (values.help) return io.stdout(`${this.help}\n`), 0;
    const students = numberOption(values.students, "students", (n) => Number.isInteger(n) && n > 0, "a whole number above 0");
    const started = Date.now();
    const district = sampleDistrict({ ...(values.seed !== undefined ? { seed: values.seed } : {}), ...(students !== undefined ? { students } : {}) });
    const accepted = district.families.filter((f) => f.consent.status === "accepted").length;
    const declined = district.families.filter((f) => f.consent.status === "declined").length;
    const firstVisits = district.visits.filter((v) => v.visitNumber === 1);
    const completed = firstVisits.filter((v) => v.status === "completed").length;
    const lines = [
      `pthv demo: sample district (seed ${district.simulation.seed}), school year ${district.season?.name ?? ""}`,
      "",
      `  schools      ${district.schools.length} (${district.schools.map((s) => s.name).join(", ")})`,
      `  students     ${district.students.length} in ${district.families.length} families`,
      `  educators    ${district.educators.length}, of whom ${district.educators.filter((e) => e.optedInAt).length} opted in; ${district.pairs.length} pairs`,
      `  consent      ${accepted} accepted (${percent(accepted, district.families.length)}), ${declined} declined`,
      `  first visits ${firstVisits.length} booked, ${completed} completed; ${district.visits.length - firstVisits.length} second visits`,
      `  reflections  ${district.reflections.length}`,
      `  simulated effect of a visit: absence rate x ${district.simulation.absenceRateRatio}, reading +${district.simulation.readingScoreGain} points`,
      "",
      `built in ${Date.now() - started} ms`,
    ];
    io.stdout(`${lines.join("\n")}\n`);
    if (values.out !== undefined) {
      await mkdir(values.out, { recursive: true });
      await writeFile(join(values.out, "district.json"), `${JSON.stringify(district)}\n`);
      io.stderr(`wrote ${join(values.out, "district.json")}\n`);
    }
    return 0;
  },
};
