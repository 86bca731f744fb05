import { PthvUsageError } from "../../errors/index.js";
import { writeProgramCsv } from "../../node/index.js";
import { sampleDistrict } from "../../sample-district/index.js";
import { choiceOption, ensureOutputDir, numberOption, parseCommandArgs, writeOutputFile, writingTo, type Command } from "../command.js";

export const sampleDistrictCommand: Command = {
  name: "sample-district",
  summary: "write the synthetic sample district as JSON or a CSV folder",
  help: `Usage: pthv sample-district [--seed s] [--students n] [--format json|csv] [--out path]

Builds the synthetic sample district (no real person in it) and writes it: JSON to standard
output or to --out, or a folder of CSV files (--format csv needs --out).

Options:
  --seed s        seed of the simulation (default "pthv")
  --students n    number of students (default 2000)
  --year y        calendar year the school year starts in (default 2026)
  --format f      json (default) or csv
  --out path      file (json) or folder (csv) to write
  -h, --help      show this help`,
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, {
      seed: { type: "string" },
      students: { type: "string" },
      year: { type: "string" },
      format: { type: "string" },
      out: { type: "string" },
    });
    if (values.help) return io.stdout(`${this.help}\n`), 0;
    const students = numberOption(values.students, "students", (n) => Number.isInteger(n) && n > 0, "a whole number above 0");
    const year = numberOption(values.year, "year", (n) => Number.isInteger(n) && n >= 2000 && n <= 2100, "a year such as 2026");
    const format = choiceOption(values.format, "format", ["json", "csv"] as const, "json");
    const district = sampleDistrict({
      ...(values.seed !== undefined ? { seed: values.seed } : {}),
      ...(students !== undefined ? { students } : {}),
      ...(year !== undefined ? { year } : {}),
    });
    if (format === "csv") {
      if (values.out === undefined) throw new PthvUsageError("--format csv writes a folder: give it with --out");
      await ensureOutputDir(values.out, "--out");
      const out = values.out;
      const files = await writingTo(out, "--out", () => writeProgramCsv(district, out));
      io.stderr(`wrote ${files.length} files to ${values.out}\n`);
    } else if (values.out !== undefined) {
      await writeOutputFile(values.out, `${JSON.stringify(district)}\n`, "--out");
      io.stderr(`wrote ${values.out}\n`);
    } else io.stdout(`${JSON.stringify(district)}\n`);
    return 0;
  },
};
