import { PthvConfigError, PthvError, PthvInputError, describeIssue } from "../errors/index.js";
import { VERSION } from "../version.js";
import type { CliIO } from "./command.js";
import { COMMANDS } from "./commands/index.js";

const HELP = () => `pthv ${VERSION}: run Parent Teacher Home Visits programmes faithfully and measure what they achieve.

Usage: pthv <command> [options]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(16)} ${c.summary}`).join("\n")}

Run 'pthv <command> --help' for a command's options.
Exit codes: 0 success, 1 findings (validate), 2 usage or input error, 3 internal error.`;

/**
 * Runs the CLI with the given arguments and streams; resolves to the exit code. Bad input and
 * usage errors print located messages (never a stack trace) and give 2.
 */
export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    io.stdout(`${HELP()}\n`);
    return name === undefined ? 2 : 0;
  }
  if (name === "--version" || name === "-v") {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr(`pthv: unknown command '${name}'. Commands: ${COMMANDS.map((c) => c.name).join(", ")}.\n`);
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof PthvInputError || error instanceof PthvConfigError) {
      io.stderr(`pthv ${name}: ${error.issues.length} problem${error.issues.length === 1 ? "" : "s"} in the input:\n`);
      for (const issue of error.issues) io.stderr(`  ${describeIssue(issue)}\n`);
      return 2;
    }
    if (error instanceof PthvError) {
      io.stderr(`pthv ${name}: ${error.message}\n`);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`pthv ${name}: internal error: ${message}\nThis is a bug in pthv; please report it with the command you ran (not your data).\n`);
    return 3;
  }
}
