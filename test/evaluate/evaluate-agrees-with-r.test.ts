import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { EvaluationReport } from "../../src/evaluate/index.js";
import { cli } from "../helpers.js";

interface Reference {
  id: string;
  n: number;
  estimate: string;
  stdError: string;
  clusterStdError: string;
}
const reference = JSON.parse(readFileSync(new URL("./fixtures/evaluate-district.json", import.meta.url), "utf8")) as { models: Reference[]; pairs: number; matchedModels: Reference[] };
const COVARIATES = "prior_days_absent,prior_days_enrolled,prior_reading_score,ell,iep,frl,grade";

function expectAgreement(report: EvaluationReport, references: readonly Reference[]) {
  for (const expected of references) {
    const model = report.models.find((m) => m.id === expected.id)!;
    expect(model, expected.id).toBeDefined();
    expect(model.n).toBe(expected.n);
    const robust = model.coefficients.find((c) => c.term === "visited")!;
    const plain = model.modelBased.find((c) => c.term === "visited")!;
    expect(Math.abs(robust.estimate / Number(expected.estimate) - 1), expected.id).toBeLessThan(1e-6);
    expect(Math.abs(robust.stdError / Number(expected.clusterStdError) - 1), expected.id).toBeLessThan(1e-6);
    expect(Math.abs(plain.stdError / Number(expected.stdError) - 1), expected.id).toBeLessThan(1e-6);
  }
}
const data = fileURLToPath(new URL("./fixtures/evaluate-district.csv", import.meta.url));

describe("the whole observational evaluation, from the CSV through the CLI", () => {
  it("fits every model as R does on the same file: visited estimate and both standard errors to 1e-6", async () => {
    const result = await cli("evaluate", "--data", data, "--covariates", COVARIATES);
    expect(result.code).toBe(0);
    expectAgreement(JSON.parse(result.stdout) as EvaluationReport, reference.models);
  });

  it("matches the same pairs as MatchIt and then fits the models as R does on them", async () => {
    const result = await cli("evaluate", "--data", data, "--covariates", COVARIATES, "--design", "matched");
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as EvaluationReport;
    expect(report.matching!.pairs).toBe(reference.pairs);
    expectAgreement(report, reference.matchedModels);
  });
});
