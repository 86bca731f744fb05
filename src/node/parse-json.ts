import { PthvInputError } from "../errors/index.js";

/**
 * Parses JSON text, turning a syntax error into a located input issue (line and column).
 *
 * @example
 * ```ts
 * const value = parseJsonText('{"schools": []}', "program.json");
 * ```
 */
export function parseJsonText(text: string, file: string): unknown {
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    let row: number | undefined;
    let where = "";
    if (position) {
      const offset = Number(position[1]);
      const before = text.slice(0, offset);
      row = before.split("\n").length;
      where = ` at column ${offset - before.lastIndexOf("\n")}`;
    } else if (/Unexpected end/i.test(message)) {
      row = text.split("\n").length;
      where = " at the end (the file looks truncated)";
    }
    throw new PthvInputError([
      { file, ...(row !== undefined ? { row } : {}), message: `not valid JSON${where}: fix the syntax (${message.replace(/^.*?: /, "")})` },
    ]);
  }
}
