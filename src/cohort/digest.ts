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
export function sortedIdsDigest(order: Int32Array, ids: readonly string[]): string {
  const native = nativeSha256();
  const noble = native === undefined ? sha256.create() : undefined;
  const encoder = noble !== undefined ? new TextEncoder() : undefined;
  const parts: string[] = new Array<string>(CHUNK);
  for (let start = 0; start < order.length; start += CHUNK) {
    const end = Math.min(order.length, start + CHUNK);
    parts.length = end - start;
    for (let k = start; k < end; k++) parts[k - start] = ids[order[k]!]!;
    const text = (start === 0 ? "" : "\n") + parts.join("\n");
    if (native !== undefined) native.update(text, "utf8");
    else noble!.update(encoder!.encode(text));
  }
  if (native !== undefined) return native.digest("hex");
  if (order.length === 0) noble!.update(new Uint8Array(0));
  return bytesToHex(noble!.digest());
}
