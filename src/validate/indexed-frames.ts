/**
 * Each school's frame indexed once per validation, for both rules that hand it to the sampler
 * (cohort-provenance's `verifyCohort` and visited-representative's `checkBalance`). Private to the
 * validator.
 */
import { indexFrame, type IndexedFrame } from "../cohort/frame.js";
import type { Student } from "../model/index.js";

// Keyed by the frame list itself (the index's per-validation lists), so an entry lives as long as
// its frame. An invalid frame keeps its error, thrown again to the second rule, as indexing it again would.
const indexed = new WeakMap<readonly Student[], { frame: IndexedFrame } | { error: unknown }>();

/** `indexFrame(frame, undefined, { digest: true })`, built on first use and shared after that. */
export function indexedFrame(frame: readonly Student[]): IndexedFrame {
  let entry = indexed.get(frame);
  if (entry === undefined) {
    try {
      entry = { frame: indexFrame(frame, undefined, { digest: true }) };
    } catch (error) {
      entry = { error };
    }
    indexed.set(frame, entry);
  }
  if ("error" in entry) throw entry.error;
  return entry.frame;
}
