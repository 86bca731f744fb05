import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../src/cli/run.js";
import type { School } from "../src/model/index.js";

/** A fresh temporary folder. */
export function tempDir(prefix = "pthv-test-"): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

/** Runs the CLI in-process and captures its output and exit code. */
export async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await runCli(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), isTTY: false });
  return { code, stdout, stderr };
}

/** A school in New York with 08:30-15:00 bells, an early Wednesday release and a few closed dates. */
export function nySchool(overrides: Partial<School> = {}): School {
  const day = { start: "08:30", end: "15:00" };
  return {
    id: "sch-1",
    name: "Test Elementary",
    timeZone: "America/New_York",
    calendar: { firstDay: "2026-08-26", lastDay: "2027-06-11", closedDates: ["2026-09-07", "2026-11-11"] },
    bellTimes: { monday: day, tuesday: day, wednesday: { start: "08:30", end: "13:00" }, thursday: day, friday: day },
    ...overrides,
  };
}
