/**
 * Reading ISO datetimes for the schemas' comparisons (a visit's end after its start), remembered.
 * Private to the model.
 */
import { DateTime } from "luxon";

// A datetime with an explicit offset (or Z) after its time names one instant whatever luxon's default
// zone, so its reading can be kept; records repeat the same times (visits booked on the half hour),
// and reading each with luxon once instead of four times per visit is most of the cost of parsing.
const EXPLICIT_OFFSET = /T\d.*(?:Z|[+-]\d{2}(?::?\d{2})?)$/i;
const instants = new Map<string, number>();

/**
 * `DateTime.fromISO(text).toMillis()` (NaN when luxon finds it invalid), remembered for texts with
 * an explicit offset. Private to the model; the schemas' comparisons of start and end use it.
 */
export function isoMillis(text: string): number {
  let ms = instants.get(text);
  if (ms !== undefined) return ms;
  const parsed = DateTime.fromISO(text);
  ms = parsed.isValid ? parsed.toMillis() : NaN;
  if (EXPLICIT_OFFSET.test(text)) {
    if (instants.size >= 100_000) instants.clear();
    instants.set(text, ms);
  }
  return ms;
}
