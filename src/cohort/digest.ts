/**
 * The audit's frame digest, computed without building one huge string. Private to the cohort part.
 *
 * The definition is `frameDigest` in src/random: the SHA-256 of the ids sorted by UTF-16 code
 * units and joined by newlines. Here the ids arrive already in that order (the frame's `order`),
 * so they are not sorted again; they are joined and hashed a chunk at a time, which gives the same
 * bytes to the hash (SHA-256 is defined on the byte stream, not on how it is fed).
 */
import { sha256 } from "@noble/hashes/sha2";
import { bytesToHex } from "@noble/hashes/utils";
import type { Positions } from "../memory/index.js";

/** Ids joined per update: big enough to amortise the call, small enough to stay in cache. */
const CHUNK = 4096;

/** The subset of a Node `Hash` used here. */
interface NativeHash {
  update(text: string, encoding: "utf8"): unknown;
  digest(encoding: "hex"): string;
}

/**
 * The runtime's own SHA-256 when it has one that can be reached synchronously without an import
 * (Node 20.16+, and runtimes compatible with it, expose `process.getBuiltinModule`); the core stays
 * free of Node imports and falls back to `@noble/hashes` everywhere else. Both hash the same UTF-8 bytes (lone surrogates
 * become U+FFFD in both), so the digest does not depend on which one ran.
 */
function nativeSha256(): NativeHash | undefined {
  const runtime = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  if (typeof runtime?.getBuiltinModule !== "function") return undefined;
  try {
    const crypto = runtime.getBuiltinModule("crypto") as { createHash?: (algorithm: string) => NativeHash } | undefined;
    return typeof crypto?.createHash === "function" ? crypto.createHash("sha256") : undefined;
  } catch {
    return undefined;
  }
}

/**
 * SHA-256 (hex) of `ids[order[0]] + "\n" + ids[order[1]] + ...`: the frame digest of ids already in
 * sorted order. Equal to `frameDigest(ids)` when `order` sorts `ids`.
 */
export function sortedIdsDigest(order: Positions, ids: readonly string[]): string {
  const digest = new IdsDigest(order.length);
  for (let k = 0; k < order.length; k++) digest.add(ids[order[k]!]!);
  return digest.finish();
}

/**
 * The frame digest fed one id at a time, in sorted order: `finish()` gives the SHA-256 (hex) of the
 * ids added, joined by newlines. The ids are joined and hashed CHUNK at a time.
 */
export class IdsDigest {
  // The hash is started at the first full chunk (or at the end): a digest begun while reading rows
  // that turn out not to be in id order is dropped, usually before it has hashed anything.
  private native: NativeHash | undefined;
  private noble: ReturnType<typeof sha256.create> | undefined;
  private started = false;
  // The ids of the chunk, in a list reused from chunk to chunk and joined once per chunk: one flat
  // text per chunk. (Joining by concatenation left a string object per id, about 30 MB of garbage
  // at a million ids, and the hash had to flatten each chunk.)
  private chunk: string[];
  private inChunk = 0;
  private count = 0;

  /** `expected`: about how many ids will be added (a small frame's list of ids is allocated at its size). */
  constructor(expected: number = CHUNK) {
    this.chunk = new Array<string>(Math.max(1, Math.min(CHUNK, expected)));
  }

  add(id: string): void {
    this.chunk[this.inChunk++] = id;
    if (this.inChunk === CHUNK) this.flush();
  }

  finish(): string {
    this.flush();
    this.start();
    if (this.native !== undefined) return this.native.digest("hex");
    if (this.count === 0) this.noble!.update(new Uint8Array(0));
    return bytesToHex(this.noble!.digest());
  }

  private start(): void {
    if (this.started) return;
    this.started = true;
    this.native = nativeSha256();
    if (this.native === undefined) this.noble = sha256.create();
  }

  private flush(): void {
    if (this.inChunk === 0) return;
    this.start();
    if (this.inChunk < CHUNK) this.chunk.length = this.inChunk; // the last chunk
    // The newline between chunks is hashed on its own (prefixing it would copy the chunk's text).
    if (this.count > 0) this.update("\n");
    this.update(this.chunk.join("\n"));
    this.count += this.inChunk;
    this.inChunk = 0;
  }

  private update(text: string): void {
    if (this.native !== undefined) this.native.update(text, "utf8");
    else this.noble!.update(new TextEncoder().encode(text));
  }
}
