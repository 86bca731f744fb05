import { COLLECTIONS } from "../../model/index.js";
import { PthvUsageError } from "../../errors/index.js";
import { loadProgram } from "../../node/index.js";
import { parseCommandArgs, type Command } from "../command.js";

export const inspectCommand: Command = {
  name: "inspect",
  summary: "read a programme's files, report every input problem, and count its records",
  help: `Usage: pthv inspect <file-or-folder>

Reads a programme from a JSON file or a folder of CSV files (docs/input.md), reports every
problem in the input at once (file, row, field and what to do), and otherwise prints how many
records of each kind it holds. Never prints the records themselves.

Exit codes: 0 the input is readable, 2 it has problems.

Options:
  -h, --help  show this help`,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, {}, true);
    if (values.help) return io.stdout(`${this.help}\n`), 0;
    if (positionals.length !== 1) throw new PthvUsageError("give one file or folder, e.g. 'pthv inspect data/district'");
    const { program } = await loadProgram(positionals[0]!);
    const lines = COLLECTIONS.map((c) => `  ${c.padEnd(12)} ${program[c].length}`);
    if (program.plan) lines.push(`  plan         passed ${program.plan.passedAt}`);
    if (program.season) lines.push(`  season       first visits ${program.season.firstVisits.start} to ${program.season.firstVisits.end}`);
    io.stdout(`${positionals[0]}: readable\n${lines.join("\n")}\n`);
    return 0;
  },
};
