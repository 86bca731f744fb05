import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildFrame } from "../../src/evaluate/frame.js";
import { matchStudents } from "../../src/evaluate/matching.js";
import { nearestMatch } from "../../src/evaluate/nearest-match.js";

interface MatchSet {
  name: string;
  covariates: string[];
  data: Record<string, number[]>;
  distance: string[];
  treatedRows: number[];
  controlOf: number[];
  caliperWidth: string;
  matched: number;
}
const fixture = JSON.parse(readFileSync(new URL("./fixtures/matchit.json", import.meta.url), "utf8")) as { sets: MatchSet[] };

/** The rule written the slow, obvious way: every treated unit scans every control. */
function naiveMatch(distance: number[], treat: number[], caliper: number): number[] {
  const mean = distance.reduce((a, b) => a + b, 0) / distance.length;
  const width = caliper * Math.sqrt(distance.reduce((a, b) => a + (b - mean) ** 2, 0) / (distance.length - 1));
  const treated = treat.flatMap((t, i) => (t === 1 ? [i] : []));
  const order = [...treated.keys()].sort((a, b) => distance[treated[b]!]! - distance[treated[a]!]! || a - b);
  const used = new Set<number>();
  const out = treated.map(() => -1);
  for (const k of order) {
    let best = -1;
    let bestDistance = Number.POSITIVE_INFINITY;
    distance.forEach((d, j) => {
      if (treat[j] === 1 || used.has(j)) return;
      const gap = Math.abs(d - distance[treated[k]!]!);
      if (gap < bestDistance) [best, bestDistance] = [j, gap];
    });
    if (best >= 0 && bestDistance <= width) {
      used.add(best);
      out[k] = best;
    }
  }
  return out;
}

describe("nearest-neighbour matching", () => {
  for (const set of fixture.sets) {
    it(`gives MatchIt's matched pairs on the '${set.name}' data, given MatchIt's propensity scores`, () => {
      const result = nearestMatch(set.distance.map(Number), set.data["visited"]!, 0.2);
      expect([...result.treatedRows].map((r) => r + 1)).toEqual(set.treatedRows);
      expect([...result.controlOf].map((r) => (r < 0 ? -1 : r + 1))).toEqual(set.controlOf);
      expect(result.caliperWidth).toBeCloseTo(Number(set.caliperWidth), 15);
      expect(result.pairs).toBe(set.matched);
    });
  }

  for (const set of fixture.sets) {
    it(`estimates MatchIt's propensity scores and matches the same pairs on the '${set.name}' data`, () => {
      const n = set.data["visited"]!.length;
      const columns = { ...set.data, schoolId: new Array<string>(n).fill("s"), daysEnrolled: new Array<number>(n).fill(180), daysAbsent: new Array<number>(n).fill(0) };
      const frame = buildFrame(columns, set.covariates, [], "schoolId");
      const rows = Int32Array.from({ length: n }, (_, i) => i);
      const matched = matchStudents(frame, rows, set.covariates, (x) => x, 0.2, 0.95);
      expect(matched.summary.pairs).toBe(set.matched);
      const expected = new Uint8Array(n);
      set.controlOf.forEach((c, k) => {
        if (c > 0) expected[c - 1] = expected[set.treatedRows[k]! - 1] = 1;
      });
      expect([...matched.mask]).toEqual([...expected]);
      expect(matched.summary.caliperWidth / Number(set.caliperWidth) - 1).toBeLessThan(1e-6);
    });
  }

  it("matches exactly as a scan of every control would, ties included", () => {
    const value = fc.integer({ min: 0, max: 12 }).map((k) => k / 12);
    fc.assert(
      fc.property(fc.array(fc.tuple(value, fc.boolean()), { minLength: 3, maxLength: 80 }), fc.constantFrom(0.05, 0.2, 1, 5), (units, caliper) => {
        const distance = units.map((u) => u[0]);
        const treat = units.map((u) => (u[1] ? 1 : 0));
        expect([...nearestMatch(distance, treat, caliper).controlOf]).toEqual(naiveMatch(distance, treat, caliper));
      }),
    );
  });

  it("uses every control at most once and matches within the caliper", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.boolean()), { minLength: 2, maxLength: 60 }), fc.double({ min: 0.01, max: 2, noNaN: true }), (units, caliper) => {
        const distance = units.map((u) => u[0]);
        const treat = units.map((u) => (u[1] ? 1 : 0));
        const result = nearestMatch(distance, treat, caliper);
        const used = [...result.controlOf].filter((c) => c >= 0);
        expect(new Set(used).size).toBe(used.length);
        used.forEach((c) => expect(treat[c]).toBe(0));
        result.controlOf.forEach((c, t) => {
          if (c >= 0) expect(Math.abs(distance[c]! - distance[result.treatedRows[t]!]!)).toBeLessThanOrEqual(result.caliperWidth);
        });
        expect(result.pairs).toBeLessThanOrEqual(Math.min(used.length + result.unmatchedTreated, treat.length - used.length));
      }),
    );
  });
});
