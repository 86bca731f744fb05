import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { maxWeightMatching, type WeightedEdge } from "../../src/schedule/matching.js";

/** Brute force over subsets: the best total weight of a matching (and its size first, when asked). */
function bruteForce(n: number, edges: readonly WeightedEdge[], maxCardinality: boolean): [number, number] {
  const weight = new Map<string, number>();
  for (const [i, j, w] of edges) weight.set(`${Math.min(i, j)}:${Math.max(i, j)}`, Math.max(w, weight.get(`${Math.min(i, j)}:${Math.max(i, j)}`) ?? -Infinity));
  const memo = new Map<number, [number, number]>();
  const best = (mask: number): [number, number] => {
    if (mask === 0) return [0, 0];
    const known = memo.get(mask);
    if (known) return known;
    let i = 0;
    while (!(mask & (1 << i))) i++;
    let result = best(mask & ~(1 << i));
    for (let j = i + 1; j < n; j++) {
      const w = weight.get(`${i}:${j}`);
      if (!(mask & (1 << j)) || w === undefined) continue;
      const [size, total] = best(mask & ~(1 << i) & ~(1 << j));
      const candidate: [number, number] = [size + 1, total + w];
      const better = maxCardinality ? candidate[0] > result[0] || (candidate[0] === result[0] && candidate[1] > result[1]) : candidate[1] > result[1];
      if (better) result = candidate;
    }
    memo.set(mask, result);
    return result;
  };
  return best((1 << n) - 1);
}

function evaluate(mate: number[], edges: readonly WeightedEdge[]): [number, number] {
  let size = 0;
  let total = 0;
  for (const [i, j, w] of edges) {
    if (mate[i] === j && mate[j] === i) {
      size++;
      total += w;
    }
  }
  return [size, total];
}

const graphs = fc.integer({ min: 2, max: 10 }).chain((n) =>
  fc.tuple(
    fc.constant(n),
    fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 0, max: n - 1 })).filter(([a, b]) => a < b), { selector: ([a, b]) => `${a}:${b}`, maxLength: 30 }).chain((pairs) =>
      fc.tuple(...pairs.map(([a, b]) => fc.integer({ min: 0, max: 40 }).map((w): WeightedEdge => [a, b, w]))),
    ),
  ),
);

describe("maximum-weight matching", () => {
  it("matches a brute-force search on random graphs", () => {
    fc.assert(
      fc.property(graphs, ([n, edges]) => {
        const mate = maxWeightMatching(edges);
        const [, total] = evaluate(mate, edges);
        expect(total).toBe(bruteForce(n, edges, false)[1]);
        mate.forEach((m, v) => m === -1 || expect(mate[m]).toBe(v));
      }),
      { numRuns: 300, seed: 4 },
    );
  });

  it("finds the heaviest matching of maximum size when asked", () => {
    fc.assert(
      fc.property(graphs, ([n, edges]) => {
        expect(evaluate(maxWeightMatching(edges, true), edges)).toEqual(bruteForce(n, edges, true));
      }),
      { numRuns: 300, seed: 5 },
    );
  });

  it("prefers two medium edges to one heavy edge when they weigh more (a hand example)", () => {
    // Path 0-1-2-3 with weights 5, 8, 5: {0-1, 2-3} weighs 10 > 8.
    expect(maxWeightMatching([[0, 1, 5], [1, 2, 8], [2, 3, 5]])).toEqual([1, 0, 3, 2]);
  });

  it("solves an odd cycle that needs a blossom", () => {
    // Triangle 0-1-2 with a pendant 2-3: the best is 0-1 and 2-3.
    expect(maxWeightMatching([[0, 1, 6], [1, 2, 6], [0, 2, 6], [2, 3, 7]])).toEqual([1, 0, 3, 2]);
  });
});
