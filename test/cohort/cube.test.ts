import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { flight, type CubeMatrix } from "../../src/cohort/cube.js";
import { fastFlight } from "../../src/cohort/fast-flight.js";
import { landByLinearProgram } from "../../src/cohort/landing.js";
import { createRandom } from "../../src/index.js";

/** A balancing matrix: a constant column, then integer-valued columns (some 0/1, as indicators are). */
const matrices = fc.record({
  units: fc.integer({ min: 2, max: 80 }),
  width: fc.integer({ min: 1, max: 6 }),
  seed: fc.integer(),
  share: fc.integer({ min: 1, max: 9 }),
});

function build(units: number, width: number, seed: number): CubeMatrix {
  const random = createRandom(seed);
  const values = new Float64Array(units * width);
  for (let k = 0; k < units; k++) {
    values[k * width] = 1;
    for (let j = 1; j < width; j++) values[k * width + j] = j % 2 === 0 ? random.int(2) : random.int(30);
  }
  return { values, width };
}

const totals = (m: CubeMatrix, pi: Float64Array) => {
  const t = new Float64Array(m.width);
  for (let k = 0; k < pi.length; k++) for (let j = 0; j < m.width; j++) t[j]! += pi[k]! * m.values[k * m.width + j]!;
  return t;
};

describe("cube method internals", () => {
  it.each([
    ["flight", flight],
    ["fastFlight", fastFlight],
  ] as const)("%s keeps every balancing total (sum of pi x) where it started and leaves at most p units undecided", (_, fly) => {
    fc.assert(
      fc.property(matrices, ({ units, width, seed, share }) => {
        const m = build(units, width, seed);
        const n = Math.max(1, Math.floor((units * share) / 10));
        const pi = new Float64Array(units).fill(n / units);
        const before = totals(m, pi);
        const rest = fly(m, width, pi, Array.from({ length: units }, (_, k) => k), createRandom(seed).fork("walk"));
        const after = totals(m, pi);
        for (let j = 0; j < width; j++) expect(after[j]!).toBeCloseTo(before[j]!, 6);
        expect(rest.length).toBeLessThanOrEqual(width);
        for (let k = 0; k < units; k++) if (!rest.includes(k)) expect(pi[k] === 0 || pi[k] === 1).toBe(true);
      }),
      // The example is a case fast-check found: a unit was dropped from the leftovers after a singular block.
      { numRuns: 300, examples: [[{ units: 54, width: 6, seed: -2147483619, share: 5 }]] },
    );
  });

  it("lands every remaining unit on 0 or 1 with the sample size fixed", () => {
    fc.assert(
      fc.property(matrices, ({ units, width, seed, share }) => {
        const m = build(units, width, seed);
        const n = Math.max(1, Math.floor((units * share) / 10));
        const pi = new Float64Array(units).fill(n / units);
        const random = createRandom(seed);
        const rest = fastFlight(m, width, pi, Array.from({ length: units }, (_, k) => k), random);
        landByLinearProgram(m, pi, rest, random);
        expect(pi.every((q) => q === 0 || q === 1)).toBe(true);
        expect(pi.reduce((a, b) => a + b, 0)).toBe(n);
      }),
      { numRuns: 200 },
    );
  });

  it("fastFlight gives bit-identical results where the runtime refuses to compile its kernels (a strict Content Security Policy)", () => {
    // Widths 7 to 13 are used by no other test in this file, so the refused run finds no kernels
    // compiled earlier; then the compiled kernels must reproduce every probability exactly.
    const globals = globalThis as { Function: FunctionConstructor };
    const original = globals.Function;
    for (let width = 7; width <= 13; width++) {
      const units = 3000;
      const random = createRandom(`kernels-${width}`);
      const values = new Float64Array(units * width);
      for (let k = 0; k < units; k++) {
        values[k * width] = 1;
        for (let j = 1; j < width; j++) values[k * width + j] = j % 3 === 0 ? random.int(2) : j % 3 === 1 ? random.normal() : random.int(40);
      }
      const m: CubeMatrix = { values, width };
      const order = Array.from({ length: units }, (_, k) => k);
      let refused = 0;
      globals.Function = function refuse(): never {
        refused++;
        throw new EvalError("Refused to evaluate a string as JavaScript");
      } as unknown as FunctionConstructor;
      const loops = new Float64Array(units).fill(0.1);
      let restLoops: number[];
      try {
        restLoops = fastFlight(m, width, loops, order, createRandom(width));
      } finally {
        globals.Function = original;
      }
      expect(refused).toBeGreaterThan(0);
      const compiled = new Float64Array(units).fill(0.1);
      const restCompiled = fastFlight(m, width, compiled, order, createRandom(width));
      expect(restCompiled).toEqual(restLoops);
      expect(Array.from(compiled)).toEqual(Array.from(loops));
      expect(Buffer.from(compiled.buffer).equals(Buffer.from(loops.buffer))).toBe(true);
    }
  });
});
