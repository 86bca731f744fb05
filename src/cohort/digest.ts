/**
 * The audit's frame digest, computed without building one huge string. Private to the cohort part.
 *
 * The definition is `frameDigest` in src/random: the SHA-256 of the ids sorted by UTF-16 code
 * units and joined by newlines. Here the ids arrive already in that order (the frame's `order`),
 * so they are not sorted again; they are written as UTF-8 into a buffer that is hashed each time it
 * fills, which gives the same bytes to the hash (SHA-256 is defined on the byte stream, not on how
 * it is fed).
 */
import { sha256 } from "@noble/hashes/sha2";
import { bytesToHex } from "@noble/hashes/utils";
import type { Positions } from "../memory/index.js";

/**
 * Bytes joined per update: big enough to amortise the call, small enough to stay in cache. An id
 * longer than a third of this grows the buffer.
 */
const CHUNK_BYTES = 1 << 15;

/** The subset of a Node `Hash` used here. */
interface NativeHash {
  update(data: Uint8Array): unknown;
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
  const digest = new IdsDigest();
  for (let k = 0; k < order.length; k++) digest.add(ids[order[k]!]!);
  return digest.finish();
}

/**
 * The frame digest fed one id at a time, in sorted order: `finish()` gives the SHA-256 (hex) of the
 * ids added, joined by newlines. The ids are written as UTF-8 into one buffer, hashed each time it
 * fills.
 */
export class IdsDigest {
  // The hash is started at the first full buffer (or at the end): a digest begun while reading rows
  // that turn out not to be in id order is dropped, usually before it has hashed anything.
  private native: NativeHash | undefined;
  private noble: ReturnType<typeof sha256.create> | undefined;
  private started = false;
  // The UTF-8 bytes of the ids joined so far, written straight into a buffer that is reused: no
  // text per id or per chunk (joining texts left a string object per id, about 30 MB of garbage at a
  // million ids, and the hash had to flatten and convert each chunk).
  private bytes = new Uint8Array(CHUNK_BYTES);
  private at = 0;
  private count = 0;
  private encoder: TextEncoder | undefined;

  add(id: string): void {
    const length = id.length;
    // At most three bytes per UTF-16 unit (a surrogate pair is two units and four bytes), and the newline.
    const room = 3 * length + 1;
    if (this.at + room > this.bytes.length) {
      this.flush();
      if (room > this.bytes.length) this.bytes = new Uint8Array(2 * room);
    }
    const bytes = this.bytes;
    let at = this.at;
    if (this.count++ > 0) bytes[at++] = 10; // "\n"
    for (let j = 0; j < length; j++) {
      const c = id.charCodeAt(j);
      if (c < 0x80) {
        bytes[at++] = c;
        continue;
      }
      // Outside ASCII: the rest of the id through the runtime's encoder, which writes what the hash
      // of the joined text would see (a lone surrogate as U+FFFD). The units before were ASCII,
      // so the rest starts at a character's first unit.
      this.encoder ??= new TextEncoder();
      at += this.encoder.encodeInto(j === 0 ? id : id.slice(j), bytes.subarray(at)).written;
      break;
    }
    this.at = at;
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
    if (this.at === 0) return;
    this.start();
    // Both hashes read the bytes during the call and keep no reference: the buffer is reused.
    const part = this.bytes.subarray(0, this.at);
    if (this.native !== undefined) this.native.update(part);
    else this.noble!.update(part);
    this.at = 0;
  }
}
