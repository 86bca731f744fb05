import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { RULES } from "../../src/validate/index.js";

const page = (id: string) => new URL(`../../docs/rules/${id}.md`, import.meta.url);

describe("rule documentation", () => {
  for (const rule of RULES) {
    it(`has a page for ${rule.meta.id} with a passing and a failing example, linked from its meta`, () => {
      expect(existsSync(page(rule.meta.id))).toBe(true);
      const text = readFileSync(page(rule.meta.id), "utf8");
      expect(text).toMatch(new RegExp(`^# \`${rule.meta.id}\``));
      expect(text).toContain("## Passing example");
      expect(text).toContain("## Failing example");
      expect(text).toContain(`**${rule.meta.defaultLevel}**`);
      expect(rule.meta.docs.endsWith(`/docs/rules/${rule.meta.id}.md`)).toBe(true);
      const options = Object.keys((rule.meta.options as unknown as { shape: Record<string, unknown> }).shape);
      for (const option of options) expect(text).toContain(`\`${option}\``);
    });
  }

  it("lists every rule in docs/validate.md", () => {
    const guide = readFileSync(new URL("../../docs/validate.md", import.meta.url), "utf8");
    for (const rule of RULES) expect(guide).toContain(`(rules/${rule.meta.id}.md)`);
  });
});
