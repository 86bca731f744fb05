import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { RULE_DOCS_BASE } from "../../src/validate/rules/shared.js";

const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
  repository: { url: string };
  homepage: string;
  bugs: { url: string };
};

describe("the package's repository links", () => {
  it("agree with each other and with the rule docs links that SARIF and the formatters print", () => {
    const repo = pkg.repository.url.replace(/^git\+/, "").replace(/\.git$/, "");
    expect(repo).toMatch(/^https:\/\/github\.com\/[\w.-]+\/[\w.-]+$/);
    expect(pkg.homepage.startsWith(repo)).toBe(true);
    expect(pkg.bugs.url).toBe(`${repo}/issues`);
    expect(RULE_DOCS_BASE).toBe(`${repo}/blob/main/docs/rules/`);
  });
});
