import { mkdir, writeFile } from "node:fs/promises";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { PthvUsageError } from "../errors/index.js";

/** Where a command writes. Tests pass buffers; the real CLI passes process streams. */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** True when stderr is a terminal (progress lines are shown only then). */
  isTTY: boolean;
}

/** One `pthv` subcommand: a thin shell that parses arguments, loads input, calls the API, formats output. */
export interface Command {
  name: string;
  summary: string;
  /** Full `--help` text. */
  help: string;
  /** Runs the command; resolves to the exit code (0 success, 1 findings, 2 usage or input error). */
  run(argv: string[], io: CliIO): Promise<number>;
}

type Options = NonNullable<ParseArgsConfig["options"]>;

/**
 * Parses a command's arguments strictly; unknown options and missing values become a
 * {@link PthvUsageError} (exit 2) that names the option.
 */
export function parseCommandArgs<T extends Options>(argv: string[], options: T, allowPositionals = false) {
  try {
    return parseArgs({ args: argv, options: { ...options, help: { type: "boolean", short: "h" } }, allowPositionals, strict: true });
  } catch (error) {
    const message = error instanceof Error ? error.message.replace(/\. To specify.*$/s, "") : String(error);
    throw new PthvUsageError(`${message}. Run with --help to see the options.`);
  }
}

/** A number option, validated; `undefined` when absent. */
export function numberOption(value: string | undefined, name: string, check?: (n: number) => boolean, hint = ""): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || (check && !check(n))) throw new PthvUsageError(`--${name} '${value}' is not valid${hint ? `: ${hint}` : ""}`);
  return n;
}

/** One of a fixed set of choices, validated; the default when absent. */
export function choiceOption<C extends string>(value: string | undefined, name: string, choices: readonly C[], fallback: C): C {
  if (value === undefined) return fallback;
  if (!(choices as readonly string[]).includes(value)) throw new PthvUsageError(`--${name} must be one of ${choices.join(", ")} (got '${value}')`);
  return value as C;
}

/**
 * Writes a command's output to standard output, or to the file given with `--out` (saying so on
 * standard error, with `note` when given).
 */
export async function emitOutput(io: CliIO, text: string, out: string | undefined, note = ""): Promise<void> {
  if (out === undefined) {
    io.stdout(text);
    return;
  }
  await writeOutputFile(out, text, "--out");
  io.stderr(`wrote ${out}${note}\n`);
}

/**
 * Writes a file the user asked for with `option`; a folder that does not exist or cannot be written is
 * a {@link PthvUsageError} (exit 2) naming the option and the path, not an internal error.
 */
export async function writeOutputFile(path: string, text: string, option: string): Promise<void> {
  await writingTo(path, option, () => writeFile(path, text));
}

/**
 * Runs `write`, which writes to `path` given with `option`; a file-system failure becomes a
 * {@link PthvUsageError} (exit 2) naming the option, the path and the cause.
 */
export async function writingTo<T>(path: string, option: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    throw new PthvUsageError(`cannot write ${option} '${path}': ${describeFsError(error)}; choose a path in a folder that exists and is writable`);
  }
}

/** Creates the output folder given with `option` (and its parents); failure is a {@link PthvUsageError}. */
export async function ensureOutputDir(dir: string, option: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    throw new PthvUsageError(`cannot create the ${option} folder '${dir}': ${describeFsError(error)}; choose a writable location`);
  }
}

function describeFsError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  switch (code) {
    case "ENOENT":
      return "its folder does not exist";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EISDIR":
      return "it is a folder";
    case "ENOTDIR":
      return "part of the path is a file, not a folder";
    case "EROFS":
      return "read-only file system";
    case "ENOSPC":
      return "no space left on the device";
    default:
      return typeof code === "string" ? code : "write failed";
  }
}
