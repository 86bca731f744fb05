import { readFile, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { cli, tempDir } from "../helpers.js";

let dir = "";
let data = "";
const COVARIATES = "prior_days_absent,prior_reading_score,ell,iep,frl,grade";

beforeAll(async () => {
  dir = await tempDir("pthv-evaluate-");
  const written = await cli("sample-district", "--students", "2500", "--seed", "cli", "--format", "csv", "--out", join(dir, "district"));
  expect(written.code).toBe(0);
  data = join(dir, "district", "outcomes.csv");
});

describe("pthv evaluate", () => {
  it("prints its help", async () => {
    const result = await cli("evaluate", "--help");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("--design d");
  });

  it("prints a JSON report whose terms use the CSV's column names", async () => {
    const result = await cli("evaluate", "--data", data, "--covariates", COVARIATES);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.kind).toBe("pthv.evaluation");
    expect(report.inputs.cluster).toBe("school_id");
    const model = report.models.find((m: { id: string }) => m.id === "absences.poisson");
    expect(model.coefficients.map((c: { term: string }) => c.term)).toEqual(["(Intercept)", "visited", ...COVARIATES.split(",")]);
    expect(result.stdout).not.toMatch(/stu-\d/);
  });

  it("writes the report and the charts into --out", async () => {
    const out = join(dir, "matched");
    const result = await cli("evaluate", "--data", data, "--covariates", COVARIATES, "--design", "matched", "--format", "markdown", "--out", out);
    expect(result.code).toBe(0);
    expect((await readdir(out)).sort()).toEqual(["absence-rates.svg", "absence-rates.vl.json", "forest-plot.svg", "forest-plot.vl.json", "report.md"]);
    expect(await readFile(join(out, "report.md"), "utf8")).toContain("(matched design)");
  });

  it("prints an HTML page", async () => {
    const result = await cli("evaluate", "--data", data, "--covariates", "frl", "--format", "html", "--outcomes", "absences");
    expect(result.code).toBe(0);
    expect(result.stdout.startsWith("<!doctype html>")).toBe(true);
  });

  it("exits 2 naming the file, row and field of bad rows", async () => {
    const text = await readFile(data, "utf8");
    const lines = text.trimEnd().split("\n");
    const header = lines[0]!.split(",");
    const cells = lines[3]!.split(",");
    cells[header.indexOf("days_enrolled")] = "lots";
    lines[3] = cells.join(",");
    const bad = join(dir, "bad.csv");
    await writeFile(bad, `${lines.join("\n")}\n`);
    const result = await cli("evaluate", "--data", bad, "--covariates", "frl");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("bad.csv:4, student, field 'days_enrolled'");
    expect(result.stderr).not.toContain("lots");
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("exits 2 on an unknown design or a missing --data", async () => {
    expect((await cli("evaluate", "--data", data, "--design", "quasi")).code).toBe(2);
    const missing = await cli("evaluate");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("--data is required");
  });

  it("exits 2 when the randomized design has no lottery to compare", async () => {
    const result = await cli("evaluate", "--data", data, "--design", "randomized");
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/every student was invited/);
  });

  it("reads the lottery from a cohorts file for the randomized design", async () => {
    const lines = (await readFile(data, "utf8")).trimEnd().split("\n");
    const column = lines[0]!.split(",").indexOf("family_id");
    const families = [...new Set(lines.slice(1).map((l) => l.split(",")[column]!))];
    const cohorts = join(dir, "cohorts.json");
    await writeFile(cohorts, JSON.stringify([{ selectedFamilyIds: families.filter((_, i) => i % 2 === 0) }]));
    const result = await cli("evaluate", "--data", data, "--design", "randomized", "--cohorts", cohorts, "--format", "markdown");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("## Lottery");
    expect(result.stdout).toContain("intent to treat");
    await writeFile(cohorts, JSON.stringify([{ families: [] }]));
    const bad = await cli("evaluate", "--data", data, "--design", "randomized", "--cohorts", cohorts);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("cohorts.json, cohort, field '[0].selectedFamilyIds'");
  });
});
