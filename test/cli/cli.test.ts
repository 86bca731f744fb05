import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { writeProgramCsv } from "../../src/node/index.js";
import { sampleDistrict } from "../../src/sample-district/index.js";
import { cli, tempDir } from "../helpers.js";

describe("the pthv command", () => {
  it("lists its commands with --help and exits 2 with no command", async () => {
    const help = await cli("--help");
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/schema\s+print the JSON Schema/);
    expect((await cli()).code).toBe(2);
  });

  it("exits 2 for an unknown command or option, with a message and no stack trace", async () => {
    const unknown = await cli("frobnicate");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command 'frobnicate'/);
    const badOption = await cli("sample-district", "--studnets", "5");
    expect(badOption.code).toBe(2);
    expect(badOption.stderr).toMatch(/--studnets/);
    expect(badOption.stderr).not.toMatch(/\n\s+at /);
  });

  it("prints a JSON Schema for Visit that validates a visit of the sample district and rejects a broken one", async () => {
    const { code, stdout } = await cli("schema", "Visit");
    expect(code).toBe(0);
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    const validate = ajv.compile(JSON.parse(stdout));
    const visit = sampleDistrict({ students: 300 }).visits[0]!;
    expect(validate(visit)).toBe(true);
    expect(validate({ ...visit, visitNumber: 3 })).toBe(false);
    expect(validate({ ...visit, start: "next tuesday" })).toBe(false);
    expect((await cli("schema", "Nope")).code).toBe(2);
  });

  it("writes the sample district as JSON to stdout and as a CSV folder", async () => {
    const json = await cli("sample-district", "--students", "120", "--seed", "x");
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout).students).toHaveLength(120);
    const dir = await tempDir();
    const csv = await cli("sample-district", "--students", "120", "--format", "csv", "--out", dir);
    expect(csv.code).toBe(0);
    expect(await readFile(join(dir, "students.csv"), "utf8")).toMatch(/^id,school_id,grade,teacher_id,family_id/);
    expect((await cli("sample-district", "--format", "csv")).code).toBe(2);
  });

  it("runs a whole season on the sample district, writes every output, and prints no student's record", async () => {
    const dir = await tempDir();
    const { code, stdout } = await cli("demo", "--students", "900", "--out", dir);
    expect(code).toBe(0);
    expect(stdout).toMatch(/900 students/);
    expect(stdout).toMatch(/6\. validation\s+3 errors/);
    expect(stdout).not.toMatch(/stu-\d/);
    const sarif = JSON.parse(await readFile(join(dir, "validation.sarif"), "utf8"));
    expect(sarif.version).toBe("2.1.0");
    expect(sarif.runs[0].results).toHaveLength(3);
    expect(await readFile(join(dir, "schedule.ics"), "utf8")).toMatch(/^BEGIN:VCALENDAR/);
    for (const file of ["readiness.md", "evaluation.md", "forest-plot.svg", "absence-rates.svg", "1-readiness.json", "7-evaluation.json"]) {
      expect((await readFile(join(dir, file), "utf8")).length).toBeGreaterThan(100);
    }
    expect(await readFile(join(dir, "evaluation.md"), "utf8")).not.toMatch(/stu-\d/);
  });
});

describe("output the CLI cannot write", () => {
  it("exits 2 naming --out (not an internal error, no stack trace) for a missing folder or a file in the way", async () => {
    const dir = await tempDir();
    const blocker = join(dir, "a-file");
    await writeFile(blocker, "not a folder");
    const missing = join(dir, "no", "such", "folder", "out.json");
    const runs = [
      await cli("sample-district", "--students", "120", "--out", missing),
      await cli("sample-district", "--students", "120", "--format", "csv", "--out", join(blocker, "csv")),
      await cli("notebook", "--out", missing),
      await cli("demo", "--students", "900", "--out", join(blocker, "demo")),
    ];
    for (const run of runs) {
      expect(run.code).toBe(2);
      expect(run.stderr).toContain("--out");
      expect(run.stderr).not.toMatch(/internal error|\n\s+at /);
    }
    expect(runs[0]!.stderr).toContain("its folder does not exist");
    expect(runs[3]!.stderr).toContain("part of the path is a file");
  });
});

describe("bad input through the CLI", () => {
  it("gives exit 2 and five located messages for a CSV folder with five planted mistakes", async () => {
    const district = sampleDistrict({ seed: "cli", students: 300 });
    const dir = await tempDir();
    await writeProgramCsv(district, dir);
    const edit = async (file: string, change: (lines: string[][]) => void) => {
      const lines = (await readFile(join(dir, file), "utf8")).trimEnd().split("\r\n").map((l) => l.split(","));
      change(lines);
      await writeFile(join(dir, file), `${lines.map((l) => l.join(",")).join("\r\n")}\r\n`);
    };
    const col = (lines: string[][], name: string) => lines[0]!.indexOf(name);
    await edit("visits.csv", (l) => void (l[2]![col(l, "start")] = "2026-02-30T10:00:00-05:00")); // bad date
    await edit("students.csv", (l) => void (l[5]![col(l, "school_id")] = "sch-77")); // unknown school
    await edit("families.csv", (l) => {
      l[0]![col(l, "consent_status")] = "consent";
      for (const row of l.slice(1)) row[col(l, "consent")] = row[col(l, "consent")] === "accepted" ? "yes" : row[col(l, "consent")] === "declined" ? "no" : "";
      l[3]![col(l, "consent")] = "perhaps"; // non-boolean consent
    });
    const unreferenced = district.educators.findIndex((e) => e.optedInAt === undefined);
    await edit("educators.csv", (l) => void (l[unreferenced + 1]![col(l, "id")] = "")); // missing id
    await edit("reflections.csv", (l) => void l.push([...l[1]!])); // duplicate id
    const { code, stdout, stderr } = await cli("inspect", dir);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    const messages = stderr.split("\n").filter((l) => l.startsWith("  "));
    expect(messages).toHaveLength(5);
    expect(messages.join("\n")).toMatch(/visits\.csv:3, visit '[^']+', field 'start'/);
    expect(messages.join("\n")).toMatch(/students\.csv:6, student '[^']+', field 'school_id': unknown school id 'sch-77'/);
    expect(messages.join("\n")).toMatch(/families\.csv:4, family '[^']+', field 'consent': 'perhaps' is not a boolean/);
    expect(messages.join("\n")).toMatch(new RegExp(`educators\\.csv:${unreferenced + 2}, educator, field 'id': is required`));
    expect(messages.join("\n")).toMatch(/reflections\.csv:\d+, reflection '[^']+', field 'id': duplicate reflection id/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it("counts the records of a readable programme", async () => {
    const dir = await tempDir();
    await writeProgramCsv(sampleDistrict({ students: 200 }), dir);
    const { code, stdout } = await cli("inspect", dir);
    expect(code).toBe(0);
    expect(stdout).toMatch(/students\s+200/);
  });
});
