import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildDesign } from "../../src/evaluate/design-matrix.js";
import { buildFrame } from "../../src/evaluate/frame.js";
import { averageMarginalEffect } from "../../src/evaluate/marginal-effect.js";
import { fitGlm } from "../../src/evaluate/stats/index.js";

interface AmeSet {
  name: string;
  data: Record<string, string[]>;
  estimate: string;
  stdErrorModel: string;
  stdErrorCluster: string;
}
const fixture = JSON.parse(readFileSync(new URL("./fixtures/marginal-effect.json", import.meta.url), "utf8")) as { sets: AmeSet[] };
const COVARIATES = ["priorAbsences", "frl", "grade"];

describe("average marginal effect of visited in a logistic model", () => {
  for (const set of fixture.sets) {
    it(`agrees with R's predictions and a numerical gradient on the '${set.name}' data`, () => {
      const columns = Object.fromEntries(Object.entries(set.data).map(([k, v]) => [k, v.map(Number)]));
      const n = columns["y"]!.length;
      const frame = buildFrame({ ...columns, schoolId: columns["school"]!, daysEnrolled: new Array<number>(n).fill(1), daysAbsent: new Array<number>(n).fill(0) }, COVARIATES, [], "schoolId");
      const rows = Int32Array.from({ length: n }, (_, i) => i);
      const design = buildDesign(frame, rows, [{ name: "visited", values: frame.visited }], COVARIATES, (x) => x);
      const fit = fitGlm({ X: design.X, names: design.names, y: columns["y"]!, family: "binomial", clusters: Int32Array.from(frame.school) });
      const model = averageMarginalEffect(design, fit.coefficients, fit.vcov, "visited");
      const cluster = averageMarginalEffect(design, fit.clusterCoefficients!, fit.vcovCluster!, "visited");
      expect(Math.abs(model.estimate / Number(set.estimate) - 1)).toBeLessThan(1e-6);
      // The reference gradient is numerical (central differences): agreement to 1e-5 relative.
      expect(Math.abs(model.stdError / Number(set.stdErrorModel) - 1)).toBeLessThan(1e-5);
      expect(Math.abs(cluster.stdError / Number(set.stdErrorCluster) - 1)).toBeLessThan(1e-5);
    });
  }
});
