import { z } from "zod";
import { PthvConfigError, type InputIssue } from "../errors/index.js";
import { RULES } from "./rules/index.js";
import type { RuleLevel } from "./types.js";

/**
 * The name of the built-in base configuration: every rule at its default level and options.
 *
 * @example
 * ```ts
 * import { RECOMMENDED, validateProgram } from "pthv";
 * validateProgram(record, { extends: RECOMMENDED, rules: { "steering-committee": "off" } });
 * ```
 */
export const RECOMMENDED = "pthv:recommended";

/** A rule's level: off, warn or error. */
const Level = z.enum(["off", "warn", "error"]);

function ruleSetting(options: z.ZodType) {
  return z.union([Level, z.tuple([Level]), z.tuple([Level, options])]);
}

/**
 * The zod schema of `pthv.config.json`: `extends` (only `"pthv:recommended"`, the default), and
 * `rules`, each either a level or `[level, options]`. Built from the rule catalogue, so a new
 * rule's options appear in the published JSON Schema without further work.
 *
 * @example
 * ```ts
 * import { ValidateConfig } from "pthv";
 * const config = ValidateConfig.parse(JSON.parse(text)); // throws naming the bad key
 * ```
 */
export const ValidateConfig = z.strictObject({
  $schema: z.string().optional().describe("URL or path of this file's JSON Schema"),
  extends: z.literal(RECOMMENDED).optional().describe("Base configuration; pthv:recommended is assumed when absent"),
  rules: z
    .strictObject(Object.fromEntries(RULES.map((rule) => [rule.meta.id, ruleSetting(rule.meta.options as z.ZodType).optional().describe(rule.meta.description)])))
    .optional()
    .describe("Per-rule level (off, warn, error) or [level, options]"),
});
/**
 * A configuration as written in `pthv.config.json` (the input form of {@link ValidateConfig}).
 *
 * @example
 * ```ts
 * import { validateProgram, type ValidateConfigInput } from "pthv";
 * const config: ValidateConfigInput = { extends: "pthv:recommended", rules: { "reflection-with-partner": ["error", { withinDays: 2 }] } };
 * validateProgram(record, config);
 * ```
 */
export type ValidateConfigInput = z.input<typeof ValidateConfig>;

/**
 * One rule's resolved setting.
 *
 * @example
 * ```ts
 * import { resolveConfig, type ResolvedRule } from "pthv";
 * const rule: ResolvedRule | undefined = resolveConfig({})["visit-in-pairs"];
 * rule?.level; // "error"
 * ```
 */
export interface ResolvedRule {
  /** Level in effect. */
  level: RuleLevel;
  /** Options in effect, defaults filled in. */
  options: unknown;
}

/**
 * A configuration resolved against `pthv:recommended`: every rule's level and options.
 *
 * @example
 * ```ts
 * import { resolveConfig, type ResolvedConfig } from "pthv";
 * const config: ResolvedConfig = resolveConfig({ rules: { "scheduled-in-advance": ["error", { minLeadHours: 48 }] } });
 * config["scheduled-in-advance"]?.options; // { minLeadHours: 48 }
 * ```
 */
export type ResolvedConfig = Record<string, ResolvedRule>;

function fieldOf(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : `${i === 0 ? "" : "."}${String(p)}`)).join("");
}

/** Turns zod's issues into messages that name the key and say what to do. */
function configIssues(error: z.ZodError, file: string | undefined): InputIssue[] {
  const where = file !== undefined ? { file } : {};
  const issues: InputIssue[] = [];
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        const inRules = issue.path.length === 1 && issue.path[0] === "rules";
        const known = inRules ? RULES.map((r) => r.meta.id) : issue.path.length === 0 ? ["$schema", "extends", "rules"] : [];
        const hint = known.length > 0 ? `: use one of ${known.join(", ")}` : ": remove it (see the rule's docs for its options)";
        issues.push({ ...where, field: fieldOf([...issue.path, key]), message: `unknown ${inRules ? "rule" : "key"} '${key}'${hint}` });
      }
    } else if (issue.code === "invalid_union" && issue.path.length === 2 && issue.path[0] === "rules") {
      // Report the most useful branch: a bad level, or the bad option inside [level, options].
      const branches = issue.errors;
      const optionBranch = branches[2]?.find((i) => i.path.length > 0 && i.path[0] !== 0);
      if (optionBranch) {
        issues.push({ ...where, field: fieldOf([...issue.path, ...optionBranch.path]), message: `${optionBranch.message}: fix the option (see the rule's docs)` });
      } else {
        issues.push({ ...where, field: fieldOf(issue.path), message: "must be \"off\", \"warn\", \"error\" or [level, options]" });
      }
    } else if (issue.path[0] === "extends") {
      issues.push({ ...where, field: "extends", message: `must be "${RECOMMENDED}"` });
    } else {
      issues.push({ ...where, field: fieldOf(issue.path) || "(root)", message: issue.message });
    }
  }
  return issues;
}

/**
 * Checks a configuration and resolves it against `pthv:recommended`: every rule's level and
 * options, defaults filled in. Does not mutate its input.
 *
 * @param config - the parsed contents of `pthv.config.json` (or an object built in code); absent means recommended
 * @param file - file name for messages
 * @returns every rule's level and options
 * @throws PthvConfigError naming each bad key (unknown rule, bad level, bad option), all at once
 *
 * @example
 * ```ts
 * const resolved = resolveConfig({ rules: { "scheduled-in-advance": ["error", { minLeadHours: 48 }] } });
 * resolved["scheduled-in-advance"]; // { level: "error", options: { minLeadHours: 48 } }
 * ```
 */
export function resolveConfig(config?: unknown, file?: string): ResolvedConfig {
  const parsed = ValidateConfig.safeParse(config ?? {});
  if (!parsed.success) throw new PthvConfigError(configIssues(parsed.error, file));
  const settings = (parsed.data.rules ?? {}) as Record<string, unknown>;
  const resolved: ResolvedConfig = {};
  for (const rule of RULES) {
    const setting = settings[rule.meta.id];
    const level: RuleLevel = setting === undefined ? rule.meta.defaultLevel : typeof setting === "string" ? (setting as RuleLevel) : ((setting as unknown[])[0] as RuleLevel);
    const given = Array.isArray(setting) && setting.length > 1 ? setting[1] : {};
    resolved[rule.meta.id] = { level, options: (rule.meta.options as z.ZodType).parse(given) };
  }
  return resolved;
}

/**
 * The JSON Schema (draft 2020-12) of `pthv.config.json`, generated from {@link ValidateConfig}.
 * Published as `schemas/pthv.config.schema.json`.
 *
 * @returns the JSON Schema as a plain object
 *
 * @example
 * ```ts
 * const schema = validateConfigJsonSchema();
 * Object.keys(schema.properties.rules.properties); // every rule id
 * ```
 */
export function validateConfigJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ValidateConfig, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  return { ...schema, $id: "https://unpkg.com/pthv/schemas/pthv.config.schema.json", title: "pthv.config.json", description: "Configuration of `pthv validate`: the rules of the non-negotiables validator, their levels and options." };
}
