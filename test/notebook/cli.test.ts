import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analystNotebook } from "../../src/index.js";
import { cli, tempDir } from "../helpers.js";

describe("pthv notebook", () => {
  it("prints the sample district's notebook, importing pthv from npm, by default", async () => {
    const { code, stdout } = await cli("notebook");
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual(analystNotebook());
  });

  it("writes a notebook for the given data, covariates (headers camelCased), design and build folder", async () => {
    const dir = await tempDir();
    const out = join(dir, "analysis.ipynb");
    const { code, stderr } = await cli("notebook", "--data", "outcomes.csv", "--covariates", "prior_days_absent, frl", "--design", "observational", "--import", "../dist/", "--out", out);
    expect(code).toBe(0);
    expect(stderr).toContain("wrote");
    const written = JSON.parse(await readFile(out, "utf8"));
    expect(written).toEqual(analystNotebook({ data: "outcomes.csv", covariates: ["priorDaysAbsent", "frl"], design: "observational", imports: { core: "../dist/index.js", node: "../dist/node.js" } }));
  });

  it("exits 2 naming the option for a bad design or number of students", async () => {
    const design = await cli("notebook", "--design", "quasi");
    expect(design.code).toBe(2);
    expect(design.stderr).toContain("--design");
    const students = await cli("notebook", "--students", "-5");
    expect(students.code).toBe(2);
    expect(students.stderr).toContain("--students");
    expect(students.stderr).not.toMatch(/\n\s+at /);
  });

  it("explains itself with --help", async () => {
    const { code, stdout } = await cli("notebook", "--help");
    expect(code).toBe(0);
    expect(stdout).toContain("Usage: pthv notebook");
    expect(stdout).toContain("Exit codes");
  });
});
