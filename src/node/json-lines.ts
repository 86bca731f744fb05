/**
 * Where each record of a programme's JSON file starts: the 1-based line of every element of the
 * top-level arrays (`"visits": [ {...}, {...} ]`), found by one pass over the text that tracks
 * strings and nesting. Used after `JSON.parse` has accepted the text, so the text is valid JSON.
 */

const QUOTE = 34; // "
const BACKSLASH = 92;
const NEWLINE = 10;
const COLON = 58;
const COMMA = 44;

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

/**
 * The start line of each element of each top-level array whose key is in `keys`.
 *
 * @param text - valid JSON text whose top level is an object
 * @param keys - the top-level keys to follow
 * @returns for each key found, the 1-based line of each of its array's elements
 */
export function jsonRecordLines(text: string, keys: ReadonlySet<string>): Map<string, number[]> {
  const lines = new Map<string, number[]>();
  let line = 1;
  let depth = 0;
  let inString = false;
  let stringStart = 0;
  let lastString: string | undefined;
  let key: string | undefined;
  let current: number[] | undefined; // the array being followed, at depth 2
  let expectElement = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === NEWLINE) line++;
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) {
        inString = false;
        if (depth === 1) lastString = JSON.parse(text.slice(stringStart, i + 1)) as string;
      }
      continue;
    }
    if (isSpace(c)) continue;
    if (current !== undefined && depth === 2 && expectElement && c !== 93 /* ] */) {
      current.push(line);
      expectElement = false;
    }
    if (c === QUOTE) {
      inString = true;
      stringStart = i;
    } else if (c === COLON && depth === 1) {
      key = lastString;
    } else if (c === COMMA && depth === 2 && current !== undefined) {
      expectElement = true;
    } else if (c === 123 /* { */ || c === 91 /* [ */) {
      depth++;
      if (depth === 2 && c === 91 && key !== undefined && keys.has(key)) {
        current = [];
        lines.set(key, current);
        expectElement = true;
      }
    } else if (c === 125 /* } */ || c === 93 /* ] */) {
      if (depth === 2) current = undefined;
      depth--;
    }
  }
  return lines;
}
