import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PthvEstimationError } from "../../src/errors/index.js";
import { differenceInMeans } from "../../src/evaluate/difference-in-means.js";

interface DimSet {
  name: string;
  blocked: boolean;
  data: { y: string[]; z: number[]; block: number[] };
  estimate: string;
  stdError: string;
  statistic: string;
  df: string;
  pValue: string;
  ciLow: string;
  ciHigh: string;
  n: number;
}
const fixture = JSON.parse(readFileSync(new URL("./fixtures/difference-in-means.json", import.meta.url), "utf8")) as { sets: DimSet[] };

function expectRelative(actual: number, expected: number, tolerance = 1e-9) {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(expected)));
}

describe("difference in means", () => {
  for (const set of fixture.sets) {
    it(`equals estimatr::difference_in_means on the '${set.name}' data`, () => {
      const y = set.data.y.map(Number);
      const result = differenceInMeans(y, set.data.z, set.blocked ? set.data.block : undefined);
      expectRelative(result.estimate, Number(set.estimate));
      expectRelative(result.stdError, Number(set.stdError));
      expectRelative(result.statistic, Number(set.statistic));
      expectRelative(result.df, Number(set.df));
      expectRelative(result.pValue, Number(set.pValue), 1e-7);
      expectRelative(result.ciLow, Number(set.ciLow));
      expectRelative(result.ciHigh, Number(set.ciHigh));
      expect(result.n).toBe(set.n);
    });
  }

  it("gives the plain difference of the group means when there is one block", () => {
    const result = differenceInMeans([1, 2, 3, 10, 12, 14], [0, 0, 0, 1, 1, 1], [5, 5, 5, 5, 5, 5]);
    expect(result.estimate).toBeCloseTo(10, 12);
    // Hand calculation: variances 1 and 4, so se = sqrt(1/3 + 4/3); df = N - 2 = 4.
    expect(result.stdError).toBeCloseTo(Math.sqrt(5 / 3), 12);
    expect(result.df).toBe(4);
  });

  it("does not change when the rows are shuffled", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: -100, max: 100, noNaN: true }), fc.integer({ min: 0, max: 2 })), { minLength: 4, maxLength: 40 }),
        fc.integer(),
        (rows, seed) => {
          // Guarantee two of each arm in each block.
          const full = [...rows, ...[0, 1, 2].flatMap((b) => [[1, b, 1], [2, b, 1], [3, b, 0], [5, b, 0]] as const)].map((r, i) => ({ y: r[0], block: r[1], z: r.length === 3 ? r[2] : i % 2 }));
          const shuffled = [...full].sort((a, b) => ((a.y * 7919 + seed) % 13) - ((b.y * 7919 + seed) % 13));
          const a = differenceInMeans(full.map((r) => r.y), full.map((r) => r.z), full.map((r) => r.block));
          const b = differenceInMeans(shuffled.map((r) => r.y), shuffled.map((r) => r.z), shuffled.map((r) => r.block));
          expect(b.estimate).toBeCloseTo(a.estimate, 9);
          expect(b.stdError).toBeCloseTo(a.stdError, 9);
        },
      ),
    );
  });

  it("refuses a block that holds only treated students, as estimatr does", () => {
    expect(() => differenceInMeans([1, 2, 3, 4, 5, 6], [1, 1, 0, 0, 1, 1], [1, 1, 1, 1, 2, 2])).toThrow(PthvEstimationError);
  });
});
