/**
 * Seeded randomness that gives the same numbers on every JavaScript runtime. Seeds are strings or
 * numbers (the number 2026 and the string "2026" are the same seed). The generator is
 * xoroshiro128+ from `pure-rand`, seeded from the SHA-256 of the seed text; floats are built
 * from 53 random bits with integer arithmetic only, and nothing here calls a transcendental
 * function, so results are bit-identical across engines.
 *
 * @packageDocumentation
 */
import { sha256 } from "@noble/hashes/sha2";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils";
import { unsafeUniformIntDistribution, xoroshiro128plus, type RandomGenerator } from "pure-rand";

/**
 * A seed: any string or number.
 *
 * @example
 * ```ts
 * import { createRandom, type Seed } from "pthv";
 * const seed: Seed = 2026; // the same seed as "2026"
 * createRandom(seed).float();
 * ```
 */
export type Seed = string | number;

/**
 * A seeded source of random numbers.
 *
 * @example
 * ```ts
 * const random = createRandom("2026");
 * random.float(); // a number in [0, 1), the same on every runtime
 * ```
 */
export interface Random {
  /** A float in [0, 1) with 53 random bits. */
  float(): number;
  /** An integer in [0, n), without modulo bias. */
  int(n: number): number;
  /** True with probability `p`. */
  bernoulli(p: number): boolean;
  /** An approximately standard normal draw (Irwin-Hall sum of 12 uniforms, minus 6). */
  normal(): number;
  /** A new array with the items in a uniformly random order (Fisher-Yates). The input is not mutated. */
  shuffle<T>(items: readonly T[]): T[];
  /** An independent generator derived from this seed and a label, so sub-streams do not interfere. */
  fork(label: string): Random;
}

/**
 * Hex SHA-256 digest of a UTF-8 string.
 *
 * @example
 * ```ts
 * sha256Hex("abc"); // "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
 * ```
 */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

/**
 * Creates a seeded random source. The same seed gives the same sequence on every runtime.
 *
 * @param seed - a string or number
 * @returns a {@link Random}
 *
 * @example
 * ```ts
 * const a = createRandom(7).shuffle([1, 2, 3, 4]);
 * const b = createRandom("7").shuffle([1, 2, 3, 4]);
 * // a and b are equal
 * ```
 */
export function createRandom(seed: Seed): Random {
  return fromSeedText(String(seed));
}

function fromSeedText(text: string): Random {
  const digest = sha256(utf8ToBytes(text));
  // The first 4 bytes of the digest, as a signed 32-bit integer, seed the generator.
  const seed32 = ((digest[0]! << 24) | (digest[1]! << 16) | (digest[2]! << 8) | digest[3]!) | 0;
  const rng: RandomGenerator = xoroshiro128plus(seed32);
  const float = (): number => {
    const a = rng.unsafeNext() >>> 5; // 27 bits
    const b = rng.unsafeNext() >>> 6; // 26 bits
    return (a * 67108864 + b) / 9007199254740992;
  };
  const random: Random = {
    float,
    int(n: number): number {
      if (!Number.isInteger(n) || n <= 0) throw new RangeError(`int(n) needs a positive integer n, got ${n}`);
      return unsafeUniformIntDistribution(0, n - 1, rng);
    },
    bernoulli(p: number): boolean {
      return float() < p;
    },
    normal(): number {
      let sum = 0;
      for (let i = 0; i < 12; i++) sum += float();
      return sum - 6;
    },
    shuffle<T>(items: readonly T[]): T[] {
      const out = items.slice();
      shuffleRange(out, 0, out.length, random);
      return out;
    },
    fork(label: string): Random {
      return fromSeedText(`${text}\u0000${label}`);
    },
  };
  return random;
}

/**
 * Shuffles `items[start .. end)` in place (Fisher-Yates): for each place i of the range from the
 * last down, `random.int(i + 1)` chooses the place swapped with it. {@link Random.shuffle} is this
 * over a copy; the sampler shuffles parts of its own lists with it and gets the same orders. Private
 * to the package.
 */
export function shuffleRange(items: { [index: number]: number } | unknown[], start: number, end: number, random: Random): void {
  const list = items as unknown[];
  for (let i = end - start - 1; i > 0; i--) {
    const j = random.int(i + 1);
    const t = list[start + i];
    list[start + i] = list[start + j];
    list[start + j] = t;
  }
}

/**
 * SHA-256 digest of a frame's ids, sorted (by UTF-16 code units) and joined by newlines. Recorded
 * in every cohort's audit so a third party can confirm the cohort was drawn from the same frame.
 *
 * @example
 * ```ts
 * frameDigest(["fam-2", "fam-1"]) === frameDigest(["fam-1", "fam-2"]); // true
 * ```
 */
export function frameDigest(ids: readonly string[]): string {
  const sorted = ids.slice().sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return sha256Hex(sorted.join("\n"));
}
