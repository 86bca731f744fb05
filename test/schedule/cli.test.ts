import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { writeProgramJson } from "../../src/node/index.js";
import { sampleDistrict } from "../../src/sample-district/index.js";
import { cli, tempDir } from "../helpers.js";
import { educator, tinyInput } from "./tiny.js";

async function inputFile(content: unknown): Promise<string> {
  const dir = await tempDir();
  const file = join(dir, "schedule.json");
  await writeFile(file, typeof content === "string" ? content : JSON.stringify(content));
  return file;
}

describe("pthv schedule", () => {
  it("prints the schedule as JSON without echoing its input", async () => {
    const { code, stdout } = await cli("schedule", "--input", await inputFile(tinyInput()));
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.visits).toHaveLength(3);
    expect(result.input).toBeUndefined();
    expect(result.objective.optimal).toBe(true);
  });

  it("writes an iCalendar file that parses, one event per visit", async () => {
    const dir = await tempDir();
    const out = join(dir, "season.ics");
    const { code, stderr } = await cli("schedule", "--input", await inputFile(tinyInput()), "--format", "ics", "--out", out);
    expect(code).toBe(0);
    expect(stderr).toContain("wrote");
    const events = new ICAL.Component(ICAL.parse(await readFile(out, "utf8"))).getAllSubcomponents("vevent");
    expect(events).toHaveLength(3);
  });

  it("writes CSV tables and a readable summary", async () => {
    const file = await inputFile(tinyInput());
    const csv = await cli("schedule", "--input", file, "--format", "csv", "--table", "compensation");
    expect(csv.code).toBe(0);
    expect(csv.stdout.split("\r\n")[0]).toBe("educatorId,pairId,visits,visitHours,reflectionHours,trainingHours,hourlyRate,visitPay,reflectionPay,trainingPay,total");
    const table = await cli("schedule", "--input", file, "--format", "table");
    expect(table.stdout).toContain("3 of 3 families scheduled");
  });

  it("exits 2 and names each bad record, without a stack trace", async () => {
    const input = tinyInput({ pairs: [{ id: "p1", schoolId: "sch-1", educatorIds: ["e1", "e9"] }] });
    const file = await inputFile(input);
    const { code, stderr } = await cli("schedule", "--input", file);
    expect(code).toBe(2);
    expect(stderr).toContain(`${file}, pair 'p1', field 'educatorIds[1]': unknown educator id 'e9'`);
    expect(stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it("exits 2 on a file that is not JSON and on a missing --input", async () => {
    expect((await cli("schedule", "--input", await inputFile("{nope"))).code).toBe(2);
    const missing = await cli("schedule");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("--input");
  });

  it("schedules one school of a whole programme file", async () => {
    const dir = await tempDir();
    const file = join(dir, "district.json");
    await writeProgramJson(sampleDistrict({ seed: "cli", students: 300 }), file);
    const { code, stdout } = await cli("schedule", "--program", file, "--school", "sch-01", "--now", "2026-07-15T09:00:00-04:00", "--format", "table");
    expect(code).toBe(0);
    expect(stdout).toMatch(/^school sch-01 \(America\/New_York\), visit 1/);
    const unknown = await cli("schedule", "--program", file, "--school", "sch-99", "--now", "2026-07-15T09:00:00-04:00");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("school 'sch-99'");
    expect((await cli("schedule", "--program", file)).code).toBe(2);
  });

  it("prints the JSON Schema of its input, which accepts a real input", async () => {
    const { code, stdout } = await cli("schedule", "--schema");
    expect(code).toBe(0);
    const schema = JSON.parse(stdout);
    const { Ajv2020 } = await import("ajv/dist/2020.js");
    const validate = new Ajv2020({ strict: false }).compile(schema);
    expect(validate(JSON.parse(JSON.stringify(tinyInput())))).toBe(true);
    expect(validate({ school: {} })).toBe(false);
  });

  it("shows its help", async () => {
    const { code, stdout } = await cli("schedule", "--help");
    expect(code).toBe(0);
    expect(stdout).toContain("Usage: pthv schedule");
  });
});

describe("pthv pairs", () => {
  it("forms pairs from a JSON input and prints them", async () => {
    const file = await inputFile({ educators: ["a", "b", "c", "d"].map((id) => educator(id)), readyBy: "2026-08-01T00:00:00-04:00" });
    const { code, stdout } = await cli("pairs", "--input", file);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).pairs).toHaveLength(2);
    const table = await cli("pairs", "--input", file, "--format", "table");
    expect(table.stdout).toContain("2 pairs (0 fixed)");
  });

  it("exits 2 naming an educator with a bad field", async () => {
    const file = await inputFile({ educators: [{ ...educator("a"), hourlyRate: -3 }, educator("b")], readyBy: "2026-08-01T00:00:00-04:00" });
    const { code, stderr } = await cli("pairs", "--input", file);
    expect(code).toBe(2);
    expect(stderr).toContain("educator 'a', field 'hourlyRate'");
  });

  it("shows its help", async () => {
    expect((await cli("pairs", "--help")).stdout).toContain("Usage: pthv pairs");
  });
});
