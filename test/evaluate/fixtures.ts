/** Loads the generated data sets and R's reference values in test/evaluate/fixtures/. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";

const DIR = join(import.meta.dirname, "fixtures");
const LABELS = new Set(["studentId", "schoolId", "grade"]);

/** A data set as columns: numbers for numeric columns, strings for labels. */
export type Columns = Record<string, Float64Array | string[]>;

/** Reads `models-<name>.csv` (written by scripts/reference/evaluate/models.R). */
export function readDataset(name: string): { columns: Columns; n: number } {
  const lines = readFileSync(join(DIR, `models-${name}.csv`), "utf8").trim().split("\n");
  const header = (lines[0] as string).split(",").map((h) => h.replace(/"/g, ""));
  const rows = lines.slice(1).map((line) => line.split(",").map((c) => c.replace(/"/g, "")));
  const columns: Columns = {};
  header.forEach((name, j) => {
    columns[name] = LABELS.has(name) ? rows.map((r) => r[j] as string) : Float64Array.from(rows, (r) => Number(r[j]));
  });
  return { columns, n: rows.length };
}

/** One model's reference values from R. */
export interface RModel {
  terms: string[];
  estimate: number[];
  stdError: number[];
  statistic: number[];
  pValue: number[];
  ciLow: number[];
  ciHigh: number[];
  vcov: number[][];
  vcovCluster: number[][];
  clusterStdError: number[];
  aliased: string[] | string;
  deviance: number;
  logLik: number;
  aic: number;
  dfResidual: number;
  iterations: number;
  converged: boolean;
  dispersion: number;
  clusters: number;
  theta?: number;
  thetaStdError?: number;
}

/** R's results by data set and model. */
export const reference = JSON.parse(readFileSync(join(DIR, "models-reference.json"), "utf8")) as Record<string, Record<string, RModel>>;

/** Asserts |actual - expected| <= rel * |expected| (plus a tiny absolute floor for exact zeros). */
export function expectClose(actual: number, expected: number, rel = 1e-6, what = ""): void {
  const tolerance = rel * Math.abs(expected) + 1e-300;
  if (!(Math.abs(actual - expected) <= tolerance)) {
    expect.fail(`${what}: ${actual} differs from R's ${expected} by ${Math.abs(actual - expected)} (relative ${Math.abs(actual - expected) / Math.abs(expected)})`);
  }
}
