import { readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PLAN_ELEMENTS } from "../../src/model/index.js";
import { cli, tempDir } from "../helpers.js";

const FIVE = new URL("./fixtures/five-schools.csv", import.meta.url).pathname;

describe("pthv readiness", () => {
  it("prints a ranked table of the schools by default", async () => {
    const { code, stdout, stderr } = await cli("readiness", "--input", FIVE);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const lines = stdout.split("\n");
    expect(lines[0]).toMatch(/^#\s+School\s+Tier\s+Score/);
    expect(lines[2]).toMatch(/^1\s+sch-adams \(Adams Elementary\)\s+ready\s+100\.0/);
    expect(stdout).toContain("4 more teachers in support (14 of 36 now; 18 needed; 6 not yet surveyed); $4,320 more funding (covers 86% of $31,200)");
    expect(stdout).toContain("5 schools: 1 ready, 2 almost, 2 not ready.");
    expect(readFileSync(new URL("../../docs/readiness.md", import.meta.url), "utf8")).toContain(stdout);
  });

  it("writes the ranking as JSON and as Markdown", async () => {
    const json = await cli("readiness", "--input", FIVE, "--format", "json");
    expect(json.code).toBe(0);
    const ranking = JSON.parse(json.stdout) as { places: { schoolId: string; tier: string }[] };
    expect(ranking.places.map((p) => p.tier)).toEqual(["ready", "almost", "almost", "not-ready", "not-ready"]);
    const md = await cli("readiness", "--input", FIVE, "--format", "markdown");
    expect(md.stdout).toContain("| 1 | sch-adams (Adams Elementary) | ready | 100.0 |");
    expect(md.stdout).toContain("What it takes: name a principal champion.");
  });

  it("reads a JSON list of schools and applies a threshold option", async () => {
    const dir = await tempDir();
    const path = join(dir, "schools.json");
    const school = { schoolId: "s1", principal: { named: true, engaged: true }, teachers: { total: 10, inSupport: 5 }, funding: { budget: 100, estimatedCost: 100 } };
    await writeFile(path, JSON.stringify({ schools: [school] }));
    expect(JSON.parse((await cli("readiness", "--input", path, "--format", "json")).stdout).places[0].tier).toBe("ready");
    const strict = await cli("readiness", "--input", path, "--format", "json", "--support-threshold", "0.6");
    expect(JSON.parse(strict.stdout).places[0].readiness.gaps).toEqual(["1 more teacher in support (5 of 10 now; 6 needed)"]);
  });

  it("exits 2 naming file, row, school and column for bad rows, every problem at once", async () => {
    const dir = await tempDir();
    const path = join(dir, "schools.csv");
    await writeFile(
      path,
      "school_id,principal_named,principal_engaged,teachers,teachers_in_support,budget,estimated_cost\ns1,yes,yes,20,25,100,100\ns2,yes,maybe,20,5,\"31.200,00\",100\n",
    );
    const { code, stdout, stderr } = await cli("readiness", "--input", path);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain("schools.csv:3, school 's2', field 'principal_engaged': 'maybe' is not yes or no");
    await writeFile(path, "school_id,principal_named,principal_engaged,teachers,teachers_in_support,budget,estimated_cost\ns1,yes,yes,20,25,100,100\ns2,yes,no,20,5,\"31.200,00\",100\n");
    const second = await cli("readiness", "--input", path);
    expect(second.code).toBe(2);
    expect(second.stderr).toContain("schools.csv:2, school 's1', field 'teachers_in_support': 25 teachers in support but 20 teachers");
    expect(second.stderr).toContain("schools.csv:3, school 's2', field 'budget': unknown currency format '31.200,00'");
    expect(second.stderr).not.toContain("    at ");
  });

  it("exits 2 with the line of a JSON syntax error and for an input that is not a list", async () => {
    const dir = await tempDir();
    const broken = join(dir, "schools.json");
    await writeFile(broken, '[\n  { "schoolId": "s1", }\n]');
    const syntax = await cli("readiness", "--input", broken);
    expect(syntax.code).toBe(2);
    expect(syntax.stderr).toContain("schools.json:2");
    const notList = join(dir, "other.json");
    await writeFile(notList, '{ "school": {} }');
    expect((await cli("readiness", "--input", notList)).stderr).toContain("expected a list of schools");
  });

  it("refuses unknown columns, a missing --input and an unknown format", async () => {
    const dir = await tempDir();
    const path = join(dir, "schools.csv");
    await writeFile(path, "school_id,teachers,supporters\ns1,10,5\n");
    const unknown = await cli("readiness", "--input", path);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("field 'supporters': unknown column");
    expect((await cli("readiness")).code).toBe(2);
    expect((await cli("readiness", "--input", FIVE, "--format", "xml")).stderr).toContain("--format must be one of table, json, markdown");
  });

  it("lists the SchoolReadiness schema for other languages' tools", async () => {
    expect((await cli("schema", "--list")).stdout.split("\n")).toContain("SchoolReadiness");
    const schema = JSON.parse((await cli("schema", "SchoolReadiness")).stdout) as { title: string; required: string[] };
    expect(schema.title).toBe("SchoolReadiness");
    expect(schema.required).toEqual(["schoolId", "principal", "teachers", "funding"]);
  });

  it("documents itself with --help", async () => {
    const { code, stdout } = await cli("readiness", "--help");
    expect(code).toBe(0);
    expect(stdout).toContain("Usage: pthv readiness --input");
  });
});

describe("pthv plan", () => {
  const elements = Object.fromEntries(PLAN_ELEMENTS.map((e) => [e, "A full paragraph of at least ten words describing this element of the plan in detail."]));
  const committee = ["district-leader", "school-leader", "parent", "student", "educator", "union-leader"].map((group, i) => ({ id: `m${i}`, group }));

  async function planFile(plan: object): Promise<string> {
    const path = join(await tempDir(), "plan.json");
    await writeFile(path, JSON.stringify(plan));
    return path;
  }

  it("exits 0 for a plan in order and prints its status", async () => {
    const path = await planFile({ passedAt: "2026-09-09", timeZone: "America/Chicago", elements, steeringCommittee: committee });
    const { code, stdout } = await cli("plan", "--input", path, "--today", "2026-12-01");
    expect(code).toBe(0);
    expect(stdout).toContain("due 2026-12-08 (90 days, America/Chicago); due in 7 days (2026-12-08).");
  });

  it("exits 1 for an overdue, incomplete plan and lists each problem", async () => {
    const path = await planFile({ plan: { passedAt: "2026-09-09", elements: { funding: "TBD" }, steeringCommittee: committee.slice(0, 2) } });
    const { code, stdout } = await cli("plan", "--input", path, "--today", "2026-12-20", "--format", "json");
    expect(code).toBe(1);
    const check = JSON.parse(stdout) as { status: { kind: string; days: number }; missingElements: string[]; committee: { missingGroups: string[] } };
    expect(check.status).toMatchObject({ kind: "overdue", days: 12 });
    expect(check.missingElements).toHaveLength(7);
    expect(check.committee.missingGroups).toEqual(["parent", "student", "educator", "union-leader"]);
  });

  it("prints the docs' example plan check exactly as docs/readiness.md shows it", async () => {
    const { code, stdout } = await cli("plan", "--input", new URL("./fixtures/plan.json", import.meta.url).pathname, "--today", "2026-12-01");
    expect(code).toBe(1);
    const docs = readFileSync(new URL("../../docs/readiness.md", import.meta.url), "utf8");
    expect(docs).toContain(stdout);
    expect(stdout).toContain("Implementation plan of Riverside Unified: 3 problems");
  });

  it("exits 2 for a plan dated before its resolution, naming the field", async () => {
    const path = await planFile({ districtName: "Riverside", passedAt: "2026-09-09", presentedAt: "2026-08-01", elements, steeringCommittee: committee });
    const { code, stderr } = await cli("plan", "--input", path, "--today", "2026-12-01");
    expect(code).toBe(2);
    expect(stderr).toContain("implementation plan 'Riverside', field 'presentedAt'");
  });

  it("exits 2 for a bad --today and documents itself with --help", async () => {
    const path = await planFile({ passedAt: "2026-09-09", elements, steeringCommittee: committee });
    expect((await cli("plan", "--input", path, "--today", "12/01/2026")).code).toBe(2);
    expect((await cli("plan", "--help")).stdout).toContain("Usage: pthv plan --input plan.json");
  });
});
