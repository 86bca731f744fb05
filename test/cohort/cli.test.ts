import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { sampleDistrict } from "../../src/index.js";
import { writeProgramCsv } from "../../src/node/index.js";
import { cli, tempDir } from "../helpers.js";

let dir = "";
let frame = "";

beforeAll(async () => {
  dir = await tempDir("pthv-sample-");
  await writeProgramCsv(sampleDistrict({ seed: 4, students: 600 }), join(dir, "district"));
  frame = join(dir, "district", "students.csv");
});

describe("pthv sample", () => {
  it("prints its help and exits 0", async () => {
    const { code, stdout } = await cli("sample", "--help");
    expect(code).toBe(0);
    expect(stdout).toMatch(/Usage: pthv sample --frame/);
    expect(stdout).toMatch(/pthv sample verify/);
  });

  it("draws a balanced cohort from a CSV frame, with snake_case column names, as JSON", async () => {
    const { code, stdout } = await cli("sample", "--frame", frame, "--method", "balanced", "--fraction", "0.25", "--balance", "prior_days_absent,ell,frl", "--strata", "school_id,grade", "--seed", "2026");
    expect(code).toBe(0);
    const cohort = JSON.parse(stdout);
    expect(cohort.method).toBe("balanced");
    expect(cohort.audit.options.balance).toEqual(["priorDaysAbsent", "ell", "frl"]);
    expect(cohort.balance.verdict).toBe("representative");
  });

  it("writes one CSV row per invited or reserve family", async () => {
    const { code, stdout } = await cli("sample", "--frame", frame, "--method", "random", "--count", "10", "--seed", "1", "--format", "csv");
    expect(code).toBe(0);
    const lines = stdout.trim().split(/\r?\n/);
    expect(lines[0]).toBe("family_id,stratum,role,order");
    expect(lines.filter((l) => l.includes(",invited,"))).toHaveLength(10 * 3);
  });

  it("prints a table with the balance verdict and no family ids", async () => {
    const { code, stdout } = await cli("sample", "--frame", frame, "--method", "stratified", "--fraction", "0.2", "--strata", "grade", "--balance", "ell", "--seed", "1", "--format", "table");
    expect(code).toBe(0);
    expect(stdout).toMatch(/overall: (representative|acceptable|not-representative)/);
    expect(stdout).not.toMatch(/fam-\d/);
  });

  it("refuses targeting options with exit 2 and the non-negotiable", async () => {
    const { code, stderr } = await cli("sample", "--frame", frame, "--method", "random", "--count", "5", "--seed", "1", "--weights", "risk.csv");
    expect(code).toBe(2);
    expect(stderr).toMatch(/Non-negotiable 4/);
  });

  it("names an unknown balancing column, exit 2", async () => {
    const { code, stderr } = await cli("sample", "--frame", frame, "--method", "balanced", "--count", "5", "--balance", "income", "--seed", "1");
    expect(code).toBe(2);
    expect(stderr).toMatch(/unknown balancing column 'income'/);
  });

  it("needs a frame, exit 2", async () => {
    expect((await cli("sample", "--method", "all")).code).toBe(2);
  });

  it("reads a JSON frame (a programme with students)", async () => {
    const path = join(dir, "district.json");
    await writeFile(path, JSON.stringify(sampleDistrict({ seed: 4, students: 300 })));
    const { code, stdout } = await cli("sample", "--frame", path, "--method", "all");
    expect(code).toBe(0);
    expect(JSON.parse(stdout).inclusionProbability).toBe(1);
  });
});

describe("pthv sample verify", () => {
  it("exits 0 for a cohort exactly as its seed gives, and 1 for a tampered one", async () => {
    const out = join(dir, "cohort.json");
    expect((await cli("sample", "--frame", frame, "--method", "random", "--fraction", "0.3", "--seed", "9", "--out", out)).code).toBe(0);
    const ok = await cli("sample", "verify", "--frame", frame, "--cohort", out);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^verified/);
    const cohort = JSON.parse(await readFile(out, "utf8"));
    cohort.selectedFamilyIds[0] = cohort.reserve[0];
    const tampered = join(dir, "tampered.json");
    await writeFile(tampered, JSON.stringify(cohort));
    const bad = await cli("sample", "verify", "--frame", frame, "--cohort", tampered, "--format", "json");
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout).verified).toBe(false);
  });

  it("reports a malformed cohort file as input, exit 2", async () => {
    const path = join(dir, "broken.json");
    await writeFile(path, JSON.stringify({ method: "random" }));
    const { code, stderr } = await cli("sample", "verify", "--frame", frame, "--cohort", path);
    expect(code).toBe(2);
    expect(stderr).toMatch(/broken\.json/);
  });
});
