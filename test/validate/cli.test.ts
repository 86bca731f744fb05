import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { writeProgramCsv, writeProgramJson } from "../../src/node/index.js";
import { sampleDistrict } from "../../src/sample-district/index.js";
import { cli, tempDir } from "../helpers.js";
import { cleanProgram, programWith, visitOf } from "./programme.js";

let dir: string;
let clean: string;
let broken: string;
let warned: string;

beforeAll(async () => {
  dir = await tempDir("pthv-validate-");
  clean = join(dir, "clean");
  await writeProgramCsv(sampleDistrict({ students: 300 }), clean);
  broken = join(dir, "broken");
  await writeProgramCsv(programWith((p) => void delete visitOf(p).scheduledAt), broken);
  warned = join(dir, "warned.json");
  await writeProgramJson(programWith((p) => void p.plan!.steeringCommittee.pop()), warned);
});

describe("pthv validate", () => {
  it("prints its help with every option", async () => {
    const { code, stdout } = await cli("validate", "--help");
    expect(code).toBe(0);
    for (const option of ["--config", "--format", "--max-warnings", "--quiet", "--output"]) expect(stdout).toContain(option);
  });

  it("exits 0 on the clean sample district written as CSV", async () => {
    const { code, stdout } = await cli("validate", clean);
    expect(stdout).toMatch(/^no problems: \d+ visits checked against 13 rules/);
    expect(code).toBe(0);
  });

  it("exits 1 and locates the violation by file and row when the programme breaks a rule", async () => {
    const { code, stdout } = await cli("validate", broken, "--format", "github");
    expect(code).toBe(1);
    expect(stdout).toMatch(/^::error file=.*broken\/visits\.csv,line=2,title=pthv scheduled-in-advance::visit 'visit-1': /m);
  });

  it("validates several inputs into one report", async () => {
    const { code, stdout } = await cli("validate", clean, broken, "--format", "json");
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(report.inputs).toHaveLength(2);
    expect(report.counts).toEqual({ error: 1, warning: 0 });
  });

  it("points findings about the plan at plan.json in a folder", async () => {
    const folder = join(dir, "plan-late");
    await writeProgramCsv(programWith((p) => void (p.plan!.presentedAt = "2026-07-01")), folder);
    const { code, stdout } = await cli("validate", folder, "--format", "sarif");
    expect(code).toBe(1);
    const result = JSON.parse(stdout).runs[0].results[0];
    expect(result.ruleId).toBe("plan-deadline");
    expect(result.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: expect.stringMatching(/plan-late\/plan\.json$/) }, region: { startLine: 1 } });
  });

  it("exits 0 with warnings up to --max-warnings and 1 above it", async () => {
    expect((await cli("validate", warned)).code).toBe(0);
    expect((await cli("validate", warned, "--max-warnings", "1")).code).toBe(0);
    const over = await cli("validate", warned, "--max-warnings", "0");
    expect(over.code).toBe(1);
    expect(over.stderr).toMatch(/1 warnings, more than --max-warnings 0/);
  });

  it("hides warnings with --quiet but still counts them towards --max-warnings", async () => {
    const quiet = await cli("validate", warned, "--quiet");
    expect(quiet.stdout).toMatch(/^no problems/);
    expect(quiet.code).toBe(0);
    expect((await cli("validate", warned, "--quiet", "--max-warnings", "0")).code).toBe(1);
  });

  it("writes the report to --output and keeps standard output empty", async () => {
    const out = join(dir, "report.sarif");
    const { code, stdout, stderr } = await cli("validate", broken, "--format", "sarif", "--output", out);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/wrote sarif report/);
    expect(JSON.parse(await readFile(out, "utf8")).runs[0].results).toHaveLength(1);
  });

  it("exits 2 when --output cannot be written", async () => {
    const r = await cli("validate", broken, "--output", join(dir, "no-such-folder", "report.txt"));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot write --output '.*report\.txt': its folder does not exist/);
  });

  it("applies the levels and options of --config", async () => {
    const config = join(dir, "lenient.json");
    await writeFile(config, JSON.stringify({ extends: "pthv:recommended", rules: { "scheduled-in-advance": "warn" } }));
    const { code, stdout } = await cli("validate", broken, "--config", config, "--format", "json");
    expect(code).toBe(0);
    expect(JSON.parse(stdout).counts).toEqual({ error: 0, warning: 1 });
  });

  it("exits 2 naming the key of an invalid configuration", async () => {
    const config = join(dir, "bad-config.json");
    await writeFile(config, JSON.stringify({ rules: { "scheduled-in-advance": ["error", { minLeadHours: "a day" }], "visit-in-pears": "error" } }));
    const { code, stderr, stdout } = await cli("validate", clean, "--config", config);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/bad-config\.json, field 'rules\.scheduled-in-advance\[1\]\.minLeadHours'/);
    expect(stderr).toMatch(/bad-config\.json, field 'rules\.visit-in-pears': unknown rule/);
  });

  it("exits 2 for a configuration file that is not JSON or does not exist", async () => {
    const config = join(dir, "truncated-config.json");
    await writeFile(config, '{"rules": {');
    expect((await cli("validate", clean, "--config", config)).stderr).toMatch(/truncated-config\.json:1: not valid JSON/);
    expect((await cli("validate", clean, "--config", join(dir, "nope.json"))).code).toBe(2);
  });

  it("exits 2 for an unknown format, a bad --max-warnings and no input", async () => {
    expect((await cli("validate", clean, "--format", "xml")).stderr).toMatch(/--format must be one of stylish, json, junit, sarif, github, markdown/);
    expect((await cli("validate", clean, "--max-warnings", "-1")).code).toBe(2);
    expect((await cli("validate")).code).toBe(2);
  });
});

describe("pthv validate on garbage input", () => {
  const noCrash = (r: { code: number; stderr: string }) => {
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
  };

  it("exits 2 with the line of truncated JSON", async () => {
    const file = join(dir, "truncated.json");
    const text = JSON.stringify(cleanProgram(), null, 2);
    await writeFile(file, text.slice(0, text.length / 2));
    const r = await cli("validate", file);
    noCrash(r);
    expect(r.stderr).toMatch(/truncated\.json:\d+: not valid JSON/);
  });

  it("exits 2 naming each field of the wrong type", async () => {
    const file = join(dir, "wrong-types.json");
    await writeFile(file, JSON.stringify({ ...cleanProgram(), visits: [{ ...visitOf(cleanProgram()), start: 1700000000, educatorIds: "edu-1,edu-2" }], schools: "sch-1" }));
    const r = await cli("validate", file);
    noCrash(r);
    expect(r.stderr).toMatch(/wrong-types\.json, school: Invalid input: expected array/);
    // The file is one line: each visit is located at line 1, its field named within the record.
    expect(r.stderr).toMatch(/wrong-types\.json:1, visit 'visit-1', field 'start'/);
    expect(r.stderr).toMatch(/wrong-types\.json:1, visit 'visit-1', field 'educatorIds'/);
  });

  it("exits 2 for random bytes, as a file and as a CSV in a folder", async () => {
    const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
    const file = join(dir, "random.json");
    await writeFile(file, bytes);
    const r = await cli("validate", file);
    noCrash(r);
    expect(r.stderr).toMatch(/random\.json: not a UTF-8 text file/);
    const folder = join(dir, "random-folder");
    await writeProgramCsv(cleanProgram(), folder);
    await writeFile(join(folder, "visits.csv"), bytes);
    const f = await cli("validate", folder);
    noCrash(f);
    expect(f.stderr).toMatch(/random-folder\/visits\.csv: not a UTF-8 text file/);
  });

  it("exits 2 for a missing path", async () => {
    const r = await cli("validate", join(dir, "no-such-folder"));
    noCrash(r);
    expect(r.stderr).toMatch(/no such file or folder/);
  });

  it("exits 2 for a 50 MB file of random bytes", async () => {
    const file = join(dir, "big-random.json");
    const block = Buffer.from(Array.from({ length: 1 << 20 }, (_, i) => (i * 2654435761) % 251));
    await writeFile(file, Buffer.concat(Array.from({ length: 50 }, () => block)));
    const r = await cli("validate", file);
    noCrash(r);
    expect(r.stderr).toMatch(/big-random\.json: not a UTF-8 text file/);
  });

  it("exits 2 with a bounded list of located problems for 50 MB of wrongly typed records", async () => {
    const file = join(dir, "big-wrong.json");
    const record = JSON.stringify({ id: 7, schoolId: ["x"], start: "yesterday", visitNumber: 3, padding: "x".repeat(40) });
    const count = Math.ceil((50 * 2 ** 20) / (record.length + 1));
    await writeFile(file, `{"visits":[${Array.from({ length: count }, () => record).join(",")}]}`);
    const r = await cli("validate", file);
    noCrash(r);
    expect(r.stderr).toMatch(/^pthv validate: 1001 problems in the input:/);
    expect(r.stderr).toMatch(/big-wrong\.json:\d+, visit, field 'start'/);
    expect(r.stderr).toMatch(/parsing stopped after 1000 problems/);
    expect(existsSync(file)).toBe(true);
  }, 60_000);
});
