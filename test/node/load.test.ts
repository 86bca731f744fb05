import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PthvInputError, type InputIssue } from "../../src/errors/index.js";
import { parseProgram } from "../../src/model/index.js";
import { loadProgram, writeProgramCsv, writeProgramJson } from "../../src/node/index.js";
import { sampleDistrict } from "../../src/sample-district/index.js";
import { tempDir } from "../helpers.js";

async function issuesOf(path: string): Promise<readonly InputIssue[]> {
  try {
    await loadProgram(path);
  } catch (error) {
    if (error instanceof PthvInputError) return error.issues;
    throw error;
  }
  throw new Error("expected an input error");
}

/** Replaces one cell (by header name) of one data row (spreadsheet row number) of a CSV file. */
async function plant(dir: string, file: string, row: number, column: string, value: string): Promise<void> {
  const path = join(dir, file);
  const lines = (await readFile(path, "utf8")).split("\r\n");
  const header = lines[0]!.split(",");
  const cells = lines[row - 1]!.split(",");
  cells[header.indexOf(column)] = value;
  lines[row - 1] = cells.join(",");
  await writeFile(path, lines.join("\r\n"));
}

describe("loadProgram", () => {
  const district = sampleDistrict({ seed: "load", students: 400 });

  it("reads back a CSV folder written by writeProgramCsv as the same record", async () => {
    const dir = await tempDir();
    const files = await writeProgramCsv(district, dir);
    expect(files).toEqual(expect.arrayContaining(["schools.csv", "students.csv", "families.csv", "visits.csv", "cohorts.json", "plan.json"]));
    const { program, sources } = await loadProgram(dir);
    expect(program).toEqual(parseProgram(JSON.parse(JSON.stringify(district))));
    expect(sources.visits?.[0]).toEqual({ file: "visits.csv", row: 2 });
  });

  it("reads back a JSON file", async () => {
    const dir = await tempDir();
    await writeProgramJson(district, join(dir, "program.json"));
    const { program } = await loadProgram(join(dir, "program.json"));
    expect(program.visits).toEqual(parseProgram(JSON.parse(JSON.stringify(district))).visits);
  });

  it("locates each record of a JSON file by the line it starts on, and problems by that line", async () => {
    const dir = await tempDir();
    const text = JSON.stringify(JSON.parse(JSON.stringify(district)), null, 2);
    await writeFile(join(dir, "program.json"), text);
    const { sources } = await loadProgram(join(dir, "program.json"));
    const lines = text.split("\n");
    // Independently: the line holding a visit's id is one below the line of its opening brace.
    const lineOfId = (id: string) => lines.findIndex((l) => l.includes(`"id": "${id}"`)) + 1;
    for (const k of [0, 3, district.visits.length - 1]) {
      expect(sources.visits?.[k]).toEqual({ file: "program.json", row: lineOfId(district.visits[k]!.id) - 1 });
    }
    expect(sources.families).toHaveLength(district.families.length);
    const broken = JSON.parse(text);
    broken.visits[3].start = "not a time";
    await writeFile(join(dir, "broken.json"), JSON.stringify(broken, null, 2));
    const [issue] = await issuesOf(join(dir, "broken.json"));
    expect(issue).toMatchObject({ file: "broken.json", row: lineOfId(district.visits[3]!.id) - 1, field: "start", id: district.visits[3]!.id });
  });

  it("reports five planted mistakes at once, each with file, row and field", async () => {
    const dir = await tempDir();
    await writeProgramCsv(district, dir);
    await writeFile(join(dir, "families.csv"), (await readFile(join(dir, "families.csv"), "utf8")).replace("consent_status", "consent"));
    // consent is now read as a boolean column: turn every value into a valid boolean first
    const families = (await readFile(join(dir, "families.csv"), "utf8"))
      .replace(/,accepted,/g, ",yes,")
      .replace(/,declined,/g, ",no,")
      .replace(/,pending,/g, ",,");
    await writeFile(join(dir, "families.csv"), families);
    await plant(dir, "visits.csv", 3, "start", "2026-13-45T10:00:00-04:00"); // bad date
    await plant(dir, "students.csv", 4, "school_id", "sch-99"); // unknown school id
    await plant(dir, "families.csv", 5, "consent", "maybe"); // non-boolean consent
    const unpaired = district.educators.findIndex((e) => e.optedInAt === undefined); // referenced by no pair or visit
    await plant(dir, "educators.csv", unpaired + 2, "id", ""); // missing id
    const pairs = (await readFile(join(dir, "pairs.csv"), "utf8")).split("\r\n").filter(Boolean);
    await writeFile(join(dir, "pairs.csv"), [...pairs, pairs[1]!].join("\r\n") + "\r\n"); // duplicate id (a repeated row)
    const issues = await issuesOf(dir);
    expect(issues.map((i) => [i.file, i.row, i.field])).toEqual(
      expect.arrayContaining([
        ["visits.csv", 3, "start"],
        ["students.csv", 4, "school_id"],
        ["families.csv", 5, "consent"],
        ["educators.csv", unpaired + 2, "id"],
        ["pairs.csv", pairs.length + 1, "id"],
      ]),
    );
    expect(issues).toHaveLength(5);
  });

  it("locates a JSON syntax error by line and says the file looks truncated", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, "bad.json"), '{\n  "schools": [\n    {"id": "a",,}\n  ]\n}');
    const [issue] = await issuesOf(join(dir, "bad.json"));
    expect(issue).toMatchObject({ file: "bad.json", row: 3 });
    await writeFile(join(dir, "cut.json"), '{"schools": [');
    expect((await issuesOf(join(dir, "cut.json")))[0]!.message).toMatch(/truncated/);
  });

  it("refuses binary files, missing paths, unknown files and unknown columns", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, "x.json"), Buffer.from([0xff, 0xfe, 0x00, 0x81]));
    expect((await issuesOf(join(dir, "x.json")))[0]!.message).toMatch(/UTF-8/);
    expect((await issuesOf(join(dir, "nope")))[0]!.message).toMatch(/no such file/);
    const folder = await tempDir();
    await writeFile(join(folder, "famlies.csv"), "id\n1\n");
    await writeFile(join(folder, "pairs.csv"), "id,school_id,educator_ids,colour\np1,s,a;b,red\n");
    const issues = await issuesOf(folder);
    expect(issues.map((i) => [i.file, i.field ?? null])).toEqual([
      ["famlies.csv", null],
      ["pairs.csv", "colour"],
    ]);
  });

  it("accepts camelCase headers, yes/no booleans, K grades and empty cells as missing", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, "students.csv"), "id,schoolId,grade,teacherId,familyId,ell,prior_days_absent\ns1,a,K,t1,f1,yes,\ns2,a,3,t1,,no,4\n");
    const { program } = await loadProgram(dir);
    expect(program.students).toEqual([
      { id: "s1", schoolId: "a", grade: 0, teacherId: "t1", familyId: "f1", ell: true, priorDaysAbsent: null },
      { id: "s2", schoolId: "a", grade: 3, teacherId: "t1", familyId: "s2", ell: false, priorDaysAbsent: 4 },
    ]);
  });

  it("cannot be made to pollute prototypes through CSV headers or JSON keys", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, "students.csv"), "id,school_id,grade,teacher_id,family_id,constructor\ns1,a,1,t,f,x\n");
    expect((await issuesOf(dir))[0]!.message).toMatch(/not allowed/);
    await writeFile(join(dir, "p.json"), '{"__proto__": {"polluted": 1}, "schools": []}');
    expect((await issuesOf(join(dir, "p.json")))[0]!.message).toMatch(/'__proto__' is not allowed/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
