import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { PthvInputError } from "../errors/index.js";
import { parseJsonText } from "./parse-json.js";

/**
 * Reads a UTF-8 text file. A missing, unreadable or binary file becomes a {@link PthvInputError}
 * naming the file, with `hint` (e.g. "check the path given with --input") as what to do.
 *
 * @param path - the file
 * @param hint - what the user should do when the file cannot be read
 * @returns the text, without a byte-order mark
 * @throws PthvInputError when the file cannot be read as UTF-8 text
 *
 * @example
 * ```ts
 * import { readTextFile } from "pthv/node";
 * const text = await readTextFile("plan.json", "check the path given with --input");
 * ```
 */
export async function readTextFile(path: string, hint = "check the path"): Promise<string> {
  const file = basename(path);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const what = code === "ENOENT" ? "file not found" : code === "EACCES" ? "permission denied" : code === "EISDIR" ? "is a folder, not a file" : "cannot be read";
    throw new PthvInputError([{ file, message: `${what}: ${hint}` }]);
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new PthvInputError([{ file, message: "not a UTF-8 text file: save it as UTF-8 JSON or CSV" }]);
  }
  if (text.includes("\u0000")) throw new PthvInputError([{ file, message: "not a text file (it holds NUL bytes): save it as UTF-8 JSON or CSV" }]);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Reads and parses a JSON file; a syntax error is located by line and column.
 *
 * @param path - the file
 * @param hint - what the user should do when the file cannot be read
 * @returns the parsed value (not yet validated)
 * @throws PthvInputError when the file cannot be read or is not valid JSON
 *
 * @example
 * ```ts
 * import { readJsonFile } from "pthv/node";
 * const plan = await readJsonFile("plan.json");
 * ```
 */
export async function readJsonFile(path: string, hint?: string): Promise<unknown> {
  return parseJsonText(await readTextFile(path, hint), basename(path));
}
