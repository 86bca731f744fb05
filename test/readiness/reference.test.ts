import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readCsvFile } from "../../src/node/index.js";
import { rankSchools, readinessFromRows } from "../../src/readiness/index.js";

interface Reference {
  estimatedCost: number;
  needed: number;
  moreSupporters: number;
  shortfall: number;
  coversPercent: number;
  points: number[];
  score: number;
  tier: string;
  gatesMissed: string[];
}

// Produced by scripts/reference/readiness/five-schools.R, an independent re-implementation in R.
const reference = JSON.parse(readFileSync(new URL("./fixtures/five-schools.reference.json", import.meta.url), "utf8")) as Record<string, Reference>;

describe("the five-school worked example against the R reference", async () => {
  const table = await readCsvFile(new URL("./fixtures/five-schools.csv", import.meta.url).pathname);
  const { schools, sources } = readinessFromRows(table.rows, table.file);
  const ranking = rankSchools(schools, {}, sources);

  it("agrees with R on every school's cost, points, score, tier and gaps", () => {
    expect(ranking.places).toHaveLength(5);
    for (const place of ranking.places) {
      const want = reference[place.schoolId]!;
      const [, support, funding] = place.readiness.criteria;
      expect(funding.estimatedCost, place.schoolId).toBe(want.estimatedCost);
      expect(support.needed, place.schoolId).toBe(want.needed);
      expect(support.met ? 0 : support.needed - support.inSupport, place.schoolId).toBe(want.moreSupporters);
      expect(funding.shortfall, place.schoolId).toBe(want.shortfall);
      expect(place.readiness.criteria.map((c) => c.points), place.schoolId).toEqual(want.points);
      expect(place.score, place.schoolId).toBe(want.score);
      expect(place.tier, place.schoolId).toBe(want.tier);
      expect(place.readiness.gatesMissed, place.schoolId).toEqual(want.gatesMissed);
      if (!funding.met) expect(place.readiness.gaps.join(" ")).toContain(`covers ${want.coversPercent}%`);
    }
  });

  it("ranks the five schools as the docs describe", () => {
    expect(ranking.places.map((p) => p.schoolId)).toEqual(["sch-adams", "sch-carver", "sch-bell", "sch-douglass", "sch-emerson"]);
  });
});
