/**
 * Node-only helpers of `pthv`: reading programmes from JSON files or CSV folders, and writing them
 * back. Import from `pthv/node`. The portable core (`pthv`) never imports this.
 *
 * @packageDocumentation
 */
export { loadProgram } from "./load.js";
export { parseJsonText } from "./parse-json.js";
export { readJsonFile, readTextFile } from "./read-file.js";
export type { LoadedProgram } from "./load.js";
export { writeProgramCsv, writeProgramJson } from "./write.js";
export { camelCaseHeader, parseCsv, splitList, toBoolean, toColumnValue, toNumber } from "./csv.js";
export type { CsvTable } from "./csv.js";
export { readCsvFile } from "./read-csv.js";
