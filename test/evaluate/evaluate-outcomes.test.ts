import { describe, expect, it } from "vitest";
import { PthvConfigError, PthvEstimationError, PthvInputError } from "../../src/errors/index.js";
import { evaluateOutcomes } from "../../src/evaluate/index.js";
import type { OutcomeRecord } from "../../src/model/index.js";
import { createRandom } from "../../src/random/index.js";
import { sampleDistrict } from "../../src/sample-district/index.js";

const COVARIATES = ["priorDaysAbsent", "priorDaysEnrolled", "priorReadingScore", "ell", "iep", "frl", "grade"];
const district = sampleDistrict({ seed: 2026, students: 6000 });
const outcomes = district.outcomes;

function toColumns(rows: readonly OutcomeRecord[]) {
  return {
    studentId: rows.map((r) => r.studentId),
    schoolId: rows.map((r) => r.schoolId),
    familyId: rows.map((r) => r.familyId),
    visited: Uint8Array.from(rows, (r) => (r.visited ? 1 : 0)),
    daysEnrolled: Int32Array.from(rows, (r) => r.daysEnrolled),
    daysAbsent: Int32Array.from(rows, (r) => r.daysAbsent),
    readingProficient: rows.map((r) => r.readingProficient),
    readingScore: Float64Array.from(rows, (r) => r.readingScore ?? Number.NaN),
    priorDaysAbsent: Float64Array.from(rows, (r) => r.priorDaysAbsent ?? Number.NaN),
    priorDaysEnrolled: Float64Array.from(rows, (r) => r.priorDaysEnrolled ?? Number.NaN),
    priorReadingScore: Float64Array.from(rows, (r) => r.priorReadingScore ?? Number.NaN),
    ell: rows.map((r) => r["ell"] as boolean),
    iep: rows.map((r) => r["iep"] as boolean),
    frl: rows.map((r) => r["frl"] as boolean),
    grade: Int32Array.from(rows, (r) => r["grade"] as number),
  };
}

describe("evaluateOutcomes", () => {
  const observational = evaluateOutcomes(outcomes, { covariates: COVARIATES });

  it("recovers the sample district's simulated 24% fewer absences within its interval", () => {
    const fewer = observational.effects.find((e) => e.measure === "fewer absences (1 - IRR)" && e.source === "absences.negative-binomial")!;
    const truth = 1 - district.simulation.absenceRateRatio;
    expect(fewer.ciLow).toBeLessThan(truth);
    expect(fewer.ciHigh).toBeGreaterThan(truth);
    expect(fewer.ciLow).toBeLessThan(fewer.estimate);
    expect(fewer.estimate).toBeLessThan(fewer.ciHigh);
  });

  it("reports the same figures from an object of typed columns as from rows", () => {
    const fromColumns = evaluateOutcomes(toColumns(outcomes), { covariates: COVARIATES });
    expect(fromColumns.effects).toEqual(observational.effects);
    expect(fromColumns.descriptives).toEqual(observational.descriptives);
  });

  it("never names a student or a family in the report", () => {
    const text = JSON.stringify(evaluateOutcomes(outcomes, { covariates: COVARIATES, design: "matched" }));
    expect(text).not.toMatch(/stu-\d/);
    expect(text).not.toMatch(/fam-\d/);
  });

  it("is plain JSON: serialising and parsing gives the same report", () => {
    expect(JSON.parse(JSON.stringify(observational))).toEqual(observational);
  });

  it("does not modify the records it is given", () => {
    const rows = outcomes.slice(0, 3000).map((r) => ({ ...r }));
    const before = JSON.stringify(rows);
    evaluateOutcomes(rows, { covariates: COVARIATES });
    expect(JSON.stringify(rows)).toBe(before);
  });

  it("names the models' terms after the input columns, visited and (Intercept)", () => {
    const model = observational.models.find((m) => m.id === "chronicAbsence.logistic")!;
    expect(model.coefficients.map((c) => c.term)).toEqual(["(Intercept)", "visited", ...COVARIATES]);
    expect(model.standardErrors).toMatch(/CR1/);
    expect(model.clusters).toBe(district.schools.length);
  });

  it("gives a marginal effect in percentage points with the sign of the log odds ratio", () => {
    const or = observational.effects.find((e) => e.outcome === "chronicAbsence" && e.measure === "odds ratio")!;
    const ame = observational.effects.find((e) => e.outcome === "chronicAbsence" && e.measure.startsWith("average marginal"))!;
    expect(Math.sign(ame.estimate)).toBe(Math.sign(Math.log(or.estimate)));
    expect(Math.abs(ame.estimate)).toBeLessThan(100);
  });

  it("withholds the figures of groups smaller than the minimum cell size and says so", () => {
    const few = outcomes.map((r, i) => ({ ...r, visited: i < 8 ? true : false }));
    const report = evaluateOutcomes(few, { outcomes: ["readingScore"], minCellSize: 10 });
    const visitedRow = report.descriptives.find((d) => d.group === "visited")!;
    expect(visitedRow.suppressed).toBe(true);
    expect(visitedRow.n).toBeNull();
    expect(visitedRow.meanDaysAbsent).toBeNull();
    expect(report.inputs.treated).toBeNull();
    expect(report.privacy.suppressedCells).toBeGreaterThan(0);
    expect(report.privacy.statement).toMatch(/withheld/);
  });

  it("uses the configured chronic absence threshold and records it", () => {
    const strict = evaluateOutcomes(outcomes, { covariates: ["frl"], outcomes: ["chronicAbsence"], chronicAbsence: 0.2 });
    const loose = evaluateOutcomes(outcomes, { covariates: ["frl"], outcomes: ["chronicAbsence"], chronicAbsence: 0.05 });
    expect(strict.thresholds.chronicAbsence).toBe(0.2);
    expect(strict.descriptives[1]!.chronicAbsenceRate!).toBeLessThan(loose.descriptives[1]!.chronicAbsenceRate!);
  });

  it("judges baseline equivalence per covariate with the WWC verdicts", () => {
    expect(observational.baseline.rows.map((r) => r.covariate)).toEqual(COVARIATES);
    const prior = observational.baseline.rows.find((r) => r.covariate === "priorDaysAbsent")!;
    expect(prior.kind).toBe("continuous");
    expect(prior.effectSize!).toBeLessThan(0); // visited families had fewer prior absences (self-selection)
    expect(observational.baseline.rows.find((r) => r.covariate === "frl")!.kind).toBe("binary");
  });

  it("brings the groups closer at baseline after matching", () => {
    const matched = evaluateOutcomes(outcomes, { covariates: COVARIATES, design: "matched" });
    const before = Math.abs(observational.baseline.rows.find((r) => r.covariate === "priorDaysAbsent")!.effectSize!);
    const after = Math.abs(matched.baseline.rows.find((r) => r.covariate === "priorDaysAbsent")!.effectSize!);
    expect(after).toBeLessThan(before);
    expect(matched.matching!.pairs).toBeGreaterThan(0);
    expect(matched.models.every((m) => m.sample === "matched sample")).toBe(true);
  });

  it("skips the school-level models when asked, keeping the table of shares", () => {
    const report = evaluateOutcomes(outcomes, { covariates: ["frl"], outcomes: ["chronicAbsence"], schoolModels: false });
    expect(report.schools!.models).toEqual([]);
    expect(report.schools!.rows.length).toBe(district.schools.length);
  });

  it("marks schools visiting at least 10% of families as systematic", () => {
    const schools = observational.schools!;
    expect(schools.shareOf).toBe("families");
    for (const row of schools.rows) if (row.visitedShare !== null) expect(row.systematic).toBe(row.visitedShare >= 0.1);
    expect(schools.systematicSchools + schools.otherSchools).toBe(district.schools.length);
  });

  it("compares invited with not-invited students in a lottery and gives the complier effect", () => {
    const random = createRandom("lottery");
    const lottery = outcomes.map((r) => {
      const invited = random.bernoulli(0.5);
      return { ...r, invited, visited: invited && r.visited };
    });
    const report = evaluateOutcomes(lottery, { design: "randomized" });
    expect(report.randomized!.invited! + report.randomized!.notInvited!).toBe(outcomes.length);
    const itt = report.effects.find((e) => e.outcome === "absences" && e.measure.startsWith("intent to treat"))!;
    const cace = report.effects.find((e) => e.outcome === "absences" && e.measure.startsWith("complier"))!;
    expect(itt.estimate).toBeLessThan(0);
    expect(cace.estimate / itt.estimate).toBeCloseTo(1 / report.randomized!.takeUp, 1);
  });

  it("warns that complier effects are unreliable when the lottery barely moved take-up", () => {
    const random = createRandom("weak");
    const rows = outcomes.map((r) => ({ ...r, invited: random.bernoulli(0.5) }));
    const report = evaluateOutcomes(rows, { design: "randomized", outcomes: ["absences"] });
    expect(report.warnings.some((w) => w.code === "weak-take-up")).toBe(true);
  });

  it("takes the lottery from cohorts: students of selected families are invited", () => {
    const random = createRandom("cohort-lottery");
    const families = [...new Set(outcomes.map((r) => r.familyId!))];
    const selected = families.filter(() => random.bernoulli(0.5));
    const chosen = new Set(selected);
    const rows = outcomes.map((r) => ({ ...r, invited: chosen.has(r.familyId!), visited: chosen.has(r.familyId!) && r.visited }));
    const fromColumn = evaluateOutcomes(rows, { design: "randomized" });
    const fromCohorts = evaluateOutcomes(rows.map(({ invited: _, ...r }) => r), { design: "randomized", cohorts: [{ selectedFamilyIds: selected }] });
    expect(fromCohorts.effects).toEqual(fromColumn.effects);
    expect(fromCohorts.randomized).toEqual(fromColumn.randomized);
    expect(() => evaluateOutcomes(rows, { cohorts: [{ selectedFamilyIds: selected }] })).toThrow(PthvConfigError);
  });

  it("reports every bad row and column at once, located, without echoing values", () => {
    const bad = outcomes.slice(0, 50).map((r, i) => (i === 3 ? { ...r, daysAbsent: r.daysEnrolled + 5 } : i === 7 ? { ...r, visited: "maybe" as unknown as boolean } : r));
    try {
      evaluateOutcomes(bad, { covariates: ["frl", "noSuchColumn"], source: { file: "outcomes.csv", firstRow: 2 } });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(PthvInputError);
      const issues = (error as PthvInputError).issues;
      expect(issues.map((i) => i.field)).toContain("noSuchColumn");
    }
    try {
      evaluateOutcomes(bad, { covariates: ["frl"], source: { file: "outcomes.csv", firstRow: 2 } });
      expect.unreachable();
    } catch (error) {
      const issues = (error as PthvInputError).issues;
      expect(issues).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ file: "outcomes.csv", row: 5, field: "daysAbsent" }),
          expect.objectContaining({ file: "outcomes.csv", row: 9, field: "visited" }),
        ]),
      );
      expect((error as Error).message).not.toMatch(/maybe/);
    }
  });

  it("refuses invalid options with every problem listed", () => {
    expect(() => evaluateOutcomes(outcomes, { chronicAbsence: 1.5, minCellSize: -1, covariates: ["visited"] })).toThrow(PthvConfigError);
    try {
      evaluateOutcomes(outcomes, { chronicAbsence: 1.5, minCellSize: -1, covariates: ["visited"] });
    } catch (error) {
      expect((error as PthvConfigError).issues.map((i) => i.field).sort()).toEqual(["chronicAbsence", "covariates", "minCellSize"]);
    }
  });

  it("throws an estimation error when no student was visited", () => {
    expect(() => evaluateOutcomes(outcomes.map((r) => ({ ...r, visited: false })), {})).toThrow(PthvEstimationError);
  });

  it("warns, not fails, when a covariate duplicates another", () => {
    const rows = outcomes.map((r) => ({ ...r, frlAgain: r["frl"] as boolean }));
    const report = evaluateOutcomes(rows, { covariates: ["frl", "frlAgain"], outcomes: ["chronicAbsence"] });
    expect(report.warnings.some((w) => w.code === "rank-deficient")).toBe(true);
    expect(report.models[0]!.aliased).toEqual(["frlAgain"]);
  });

  it("warns about too few clusters for cluster-robust errors", () => {
    expect(observational.warnings.some((w) => w.code === "few-clusters")).toBe(true);
  });

  it("takes a first-visit date in place of the visited flag", () => {
    const dated = outcomes.map(({ visited, ...rest }) => (visited ? { ...rest, firstVisitDate: "2026-09-15" } : rest));
    const fromDates = evaluateOutcomes(dated, { covariates: ["frl"], outcomes: ["chronicAbsence"] });
    const fromFlags = evaluateOutcomes(outcomes, { covariates: ["frl"], outcomes: ["chronicAbsence"] });
    expect(fromDates.effects).toEqual(fromFlags.effects);
  });

  it("warns of separation when a covariate predicts chronic absence exactly", () => {
    const rows = outcomes.map((r) => ({ ...r, flagged: r.daysAbsent >= 0.1 * r.daysEnrolled && r.daysEnrolled >= 10 ? 1 : 0 }));
    const report = evaluateOutcomes(rows, { covariates: ["flagged", "frl"], outcomes: ["chronicAbsence"] });
    expect(report.warnings.some((w) => w.code === "separation" && w.model === "chronicAbsence.logistic")).toBe(true);
  });
});
