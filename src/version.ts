/**
 * The version of `pthv`, recorded in every cohort's audit. A test keeps it equal to package.json.
 *
 * @example
 * ```ts
 * import { VERSION } from "pthv";
 * console.log(VERSION); // "0.1.0"
 * ```
 */
export const VERSION = "0.1.0";
