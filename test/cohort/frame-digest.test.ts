import { afterEach, describe, expect, it } from "vitest";
import { checkBalance, createRandom, frameDigest, sampleCohort, verifyCohort, type FrameRow } from "../../src/index.js";

// More ids than one hashing chunk (4,096), in shuffled order, some outside ASCII, so the chunked
// digest is compared with the definition across chunk boundaries and multi-byte characters.
const ids = Array.from({ length: 9000 }, (_, i) => (i % 97 === 0 ? `élève-${i}-学生` : `stu-${i}`));
const FRAME: FrameRow[] = createRandom("digest").shuffle(ids).map((id) => ({ id, schoolId: "sch-1" }));

const runtime = process as { getBuiltinModule?: unknown };
const original = runtime.getBuiltinModule;
afterEach(() => {
  runtime.getBuiltinModule = original;
});

/**
 * Checks the audit digest of a frame of `list` (one student per id) against the definition: rows in
 * the list's order and in id order with the runtime's SHA-256, and in id order with the portable one.
 */
function expectDefinitionDigest(list: readonly string[]): void {
  const frame = list.map((id) => ({ id, schoolId: "sch-1" }));
  const sorted = frame.slice().sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  expect(sampleCohort(frame, { method: "all" }).audit.frameDigest).toBe(frameDigest(list));
  expect(sampleCohort(sorted, { method: "all" }).audit.frameDigest).toBe(frameDigest(list));
  runtime.getBuiltinModule = undefined;
  expect(sampleCohort(sorted, { method: "all" }).audit.frameDigest).toBe(frameDigest(list));
  runtime.getBuiltinModule = original;
}

describe("the audit's frame digest", () => {
  it("is the SHA-256 of the sorted student ids joined by newlines, as frameDigest defines it", () => {
    const cohort = sampleCohort(FRAME, { method: "all" });
    expect(cohort.audit.frameDigest).toBe(frameDigest(ids));
  });

  it("is the same when the runtime offers no built-in SHA-256 and the portable one is used", () => {
    runtime.getBuiltinModule = undefined;
    const cohort = sampleCohort(FRAME, { method: "all" });
    expect(cohort.audit.frameDigest).toBe(frameDigest(ids));
  });

  it("is the same when the rows come in id order, and the digest is taken while they are read", () => {
    const sorted = FRAME.slice().sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    expect(sampleCohort(sorted, { method: "all" }).audit.frameDigest).toBe(frameDigest(ids));
    runtime.getBuiltinModule = undefined;
    expect(sampleCohort(sorted, { method: "all" }).audit.frameDigest).toBe(frameDigest(ids));
  });

  it("is the same when the rows are in id order for a while and then not", () => {
    const sorted = FRAME.slice().sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const late = [...sorted.slice(0, 5000), ...sorted.slice(5000).reverse()];
    expect(sampleCohort(late, { method: "all" }).audit.frameDigest).toBe(frameDigest(ids));
  });

  it("is the definition's digest when the ids fill whole chunks, or one more than that", () => {
    for (const count of [4096, 4097, 8192]) expectDefinitionDigest(ids.slice(0, count));
  });

  it("is the definition's digest for ids outside the Basic Multilingual Plane, lone surrogates and very long ids", () => {
    // A lone surrogate is hashed as U+FFFD, as in the definition's joined text; an id of 40,000 units
    // is longer than a whole chunk of usual ids.
    const odd = ["a\uD800", "b\uDC00c", "c\uD83D\uDE00d", "d".repeat(40_000), "e" + "é".repeat(12_000), "f\uD83D\uDE00".repeat(9000), "plain"];
    for (const list of [odd, [...odd, ...ids]]) expectDefinitionDigest(list);
  });

  it("is the definition's digest for a frame of a single student", () => {
    const cohort = sampleCohort([{ id: "only", schoolId: "s" }], { method: "all" });
    expect(cohort.audit.frameDigest).toBe(frameDigest(["only"]));
  });
});

describe("how often the frame is hashed (the validator calls these once per school)", () => {
  /** Counts the SHA-256 hashes the sampler starts through the runtime's crypto. */
  function countHashes(run: () => void): number {
    const get = original as (id: string) => unknown;
    let hashes = 0;
    runtime.getBuiltinModule = (id: string) => {
      const crypto = get(id) as { createHash: (algorithm: string) => unknown };
      return { createHash: (algorithm: string) => (hashes++, crypto.createHash(algorithm)) };
    };
    try {
      run();
    } finally {
      runtime.getBuiltinModule = original;
    }
    return hashes;
  }
  const rows: FrameRow[] = Array.from({ length: 50 }, (_, i) => ({ id: `s${String(i).padStart(3, "0")}`, schoolId: "a", x: i % 7 }));

  it("hashes the frame once to draw a cohort, once to verify one, and never to check balance", () => {
    const cohort = sampleCohort(rows, { method: "random", count: 10, seed: 1 });
    expect(countHashes(() => sampleCohort(rows, { method: "random", count: 10, seed: 1 }))).toBe(1);
    expect(countHashes(() => verifyCohort(rows, cohort))).toBe(1);
    expect(countHashes(() => verifyCohort(createRandom(2).shuffle(rows), cohort))).toBe(1);
    expect(countHashes(() => checkBalance(rows, cohort.selectedFamilyIds, ["x"]))).toBe(0);
  });
});
