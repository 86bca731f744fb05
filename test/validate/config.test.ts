import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { PthvConfigError } from "../../src/errors/index.js";
import { RULES, resolveConfig, validateConfigJsonSchema, validateProgram } from "../../src/validate/index.js";
import { cleanProgram, programWith, visitOf } from "./programme.js";

function configError(config: unknown): PthvConfigError {
  try {
    resolveConfig(config, "pthv.config.json");
  } catch (error) {
    if (error instanceof PthvConfigError) return error;
    throw error;
  }
  throw new Error("expected a PthvConfigError");
}

describe("the validator's configuration", () => {
  it("resolves no configuration to every rule at its default level and options", () => {
    const resolved = resolveConfig();
    for (const rule of RULES) expect(resolved[rule.meta.id]!.level).toBe(rule.meta.defaultLevel);
    expect(resolved["scheduled-in-advance"]!.options).toEqual({ minLeadHours: 24 });
    expect(resolved["reflection-with-partner"]!.options).toEqual({ withinDays: 7 });
    expect(resolveConfig({ extends: "pthv:recommended" })).toEqual(resolved);
  });

  it("applies a per-rule level and options over pthv:recommended", () => {
    const resolved = resolveConfig({ extends: "pthv:recommended", rules: { "visit-in-pairs": "warn", "scheduled-in-advance": ["error", { minLeadHours: 72 }], "steering-committee": ["off"] } });
    expect(resolved["visit-in-pairs"]).toEqual({ level: "warn", options: {} });
    expect(resolved["scheduled-in-advance"]).toEqual({ level: "error", options: { minLeadHours: 72 } });
    expect(resolved["steering-committee"]!.level).toBe("off");
    expect(resolved["family-consent"]!.level).toBe("error");
  });

  it("turns a rule set to warn into warnings that keep the report ok", () => {
    const program = programWith((p) => void ((visitOf(p).educatorIds = ["edu-1"]), (p.reflections[0]!.educatorIds = ["edu-1"])));
    expect(validateProgram(program).ok).toBe(false);
    const report = validateProgram(program, { rules: { "visit-in-pairs": "warn" } });
    expect(report.diagnostics.map((d) => [d.ruleId, d.severity])).toEqual([["visit-in-pairs", "warning"]]);
    expect(report.counts).toEqual({ error: 0, warning: 1 });
    expect(report.ok).toBe(true);
  });

  it("runs no check for a rule that is off and says so in the report", () => {
    const program = programWith((p) => void delete visitOf(p).scheduledAt);
    const report = validateProgram(program, { rules: { "scheduled-in-advance": "off" } });
    expect(report.diagnostics).toEqual([]);
    expect(report.rules.find((r) => r.id === "scheduled-in-advance")).toMatchObject({ level: "off", findings: 0 });
  });

  it("names an unknown rule and lists the known ones", () => {
    const error = configError({ rules: { "visit-in-pears": "error" } });
    expect(error.code).toBe("PTHV_CONFIG");
    expect(error.issues).toEqual([expect.objectContaining({ file: "pthv.config.json", field: "rules.visit-in-pears", message: expect.stringMatching(/unknown rule 'visit-in-pears'.*visit-in-pairs/) })]);
  });

  it("names a bad level, a bad option, an unknown option and an unknown key, all at once", () => {
    const error = configError({
      extend: "x",
      rules: { "visit-in-pairs": "fatal", "scheduled-in-advance": ["error", { minLeadHours: -1 }], "reflection-with-partner": ["warn", { within: 3 }] },
    });
    const fields = error.issues.map((i) => i.field).sort();
    expect(fields).toEqual(["extend", "rules.reflection-with-partner[1].within", "rules.scheduled-in-advance[1].minLeadHours", "rules.visit-in-pairs"].sort());
    expect(error.message).toMatch(/rules\.scheduled-in-advance\[1\]\.minLeadHours/);
  });

  it("refuses an extends other than pthv:recommended", () => {
    expect(configError({ extends: "eslint:recommended" }).issues).toEqual([expect.objectContaining({ field: "extends", message: 'must be "pthv:recommended"' })]);
  });

  it("refuses a configuration that is not an object", () => {
    expect(configError(["error"]).issues[0]!.field).toBe("(root)");
  });

  it("throws the config error from validateProgram rather than validating with a bad configuration", () => {
    expect(() => validateProgram(cleanProgram(), { rules: { nope: "error" } })).toThrow(PthvConfigError);
  });

  it("does not mutate the configuration it resolves", () => {
    const config = { rules: { "scheduled-in-advance": ["error", { minLeadHours: 1 }] as ["error", { minLeadHours: number }] } };
    const before = JSON.stringify(config);
    resolveConfig(config);
    expect(JSON.stringify(config)).toBe(before);
  });
});

describe("the published JSON Schema of pthv.config.json", () => {
  const published = JSON.parse(readFileSync(new URL("../../schemas/pthv.config.schema.json", import.meta.url), "utf8")) as Record<string, unknown>;

  it("is in sync with the zod schema (regenerate with npx tsx scripts/generate-config-schema.ts)", () => {
    expect(published).toEqual(validateConfigJsonSchema());
  });

  it("lists every rule and accepts exactly what resolveConfig accepts", () => {
    const properties = (published.properties as { rules: { properties: Record<string, unknown> } }).rules.properties;
    expect(Object.keys(properties)).toEqual(RULES.map((r) => r.meta.id));
    const validate = new Ajv2020({ strict: false }).compile(published);
    const good = [{}, { extends: "pthv:recommended", rules: { "visit-in-pairs": "warn", "scheduled-in-advance": ["error", { minLeadHours: 48 }], "plan-deadline": ["error", { today: "2026-06-01" }] } }];
    const bad = [{ rules: { "visit-in-pears": "error" } }, { rules: { "visit-in-pairs": "fatal" } }, { rules: { "scheduled-in-advance": ["error", { minLeadHours: -1 }] } }, { extends: "x" }];
    for (const config of good) {
      expect(validate(config)).toBe(true);
      expect(() => resolveConfig(config)).not.toThrow();
    }
    for (const config of bad) {
      expect(validate(config)).toBe(false);
      expect(() => resolveConfig(config)).toThrow(PthvConfigError);
    }
  });
});
