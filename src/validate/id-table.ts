/**
 * A read-only index of text ids to positions in a list, for the lookups the validator repeats a
 * million times (a visit's family, a visit's reflections). An open-addressing hash table over lists
 * of numbers: built several times faster than a `Map` of as many strings and with far less garbage,
 * which matters at a million records. Private to the validator.
 */
import { heapNumbers } from "../memory/index.js";

/** FNV-1a over UTF-16 code units (Fowler, Noll and Vo); only spreads ids over slots, so any hash would do. */
function hashId(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return h | 0; // a 32-bit integer, as the table stores it (the empty id never reaches Math.imul)
}

/**
 * Positions of ids in a list: `first(id)` is the first position holding `id` (or -1), and
 * `next(p)` the following position holding the same id as position `p` (or -1), so repeats are
 * kept in list order. `firstNear(id, guess)` gives the same answer, cheaply when the id is at
 * position `guess`: records that refer to each other usually come in the same order (a visit's
 * reflection after the previous visit's), and checking that guess avoids a probe into a table of a
 * million ids.
 */
export interface IdTable {
  first(id: string): number;
  firstNear(id: string, guess: number): number;
  next(position: number): number;
}

/** The position held in a slot's value (position * 256 + a byte of the hash). */
const positionIn = (value: number): number => Math.floor(value / 256);

/** Slots per id: a table two-thirds full, where linear probing still settles most probes in one or two slots. */
const SLOTS_PER_ID = 1.5;

/**
 * Indexes `count` ids, the id at position `p` being `idAt(p)` (asked again on lookups: no copy of the ids is kept).
 *
 * Memory matters as much as arithmetic here. The table keeps one position per slot in the heap
 * (see src/memory) with one byte of its id's hash (so most probes that meet another id are
 * settled without reading a string), and the chains of repeats and the first position of each id
 * only when some id repeats (ids of families and the visits reflections name rarely do). A slot is
 * chosen by the hash scaled to the table's size (so the top bits choose the region, and the size
 * need not be a power of two), and positions are inserted grouped by the hash's top bits, with the
 * hashes carried along in that order, so the table and everything read to fill it go from one end to
 * the other: at a million ids, reading or writing in random order waits on memory several times
 * longer than the hashing itself.
 */
export function buildIdTable(count: number, idAt: (position: number) => string): IdTable {
  const size = Math.max(16, Math.ceil(count * SLOTS_PER_ID));
  // hash (as unsigned) * size / 2^32, below `size`: the product is an integer below 2^54, rounded by at most 2.
  const scale = size / 4294967296;
  const slotOf = (h: number): number => Math.floor((h >>> 0) * scale);
  const hashes = new Int32Array(count);
  for (let p = 0; p < count; p++) hashes[p] = hashId(idAt(p));
  // Positions and their hashes grouped by the top bits of the hash (a counting sort, stable): the groups are runs of neighbouring slots.
  const groupBits = Math.min(10, Math.max(1, Math.floor(Math.log2(size))));
  const groupShift = 32 - groupBits;
  const groups = 2 ** groupBits;
  const groupStart = new Int32Array(groups + 1);
  for (let p = 0; p < count; p++) groupStart[(hashes[p]! >>> groupShift) + 1]!++;
  for (let g = 0; g < groups; g++) groupStart[g + 1]! += groupStart[g]!;
  const byGroup = new Int32Array(count);
  const hashByGroup = new Int32Array(count);
  const fill = groupStart.slice(0, groups);
  for (let p = 0; p < count; p++) {
    const h = hashes[p]!;
    const k = fill[h >>> groupShift]!++;
    byGroup[k] = p;
    hashByGroup[k] = h;
  }
  // Each slot holds the first position of one id and the low byte of its hash, as position * 256 +
  // byte (or -1): one list in the heap, no list of bytes beside it (typed arrays that live through a
  // validation add up to the outside memory that sets off full collections, see src/memory).
  const slots = heapNumbers(size, -1);
  let chains: number[] | undefined;
  // Within a group, positions go from the last to the first (an id's positions are all in one
  // group): a repeat goes in front of its id's chain, so chains run in list order and the slot ends
  // at the first position, with no pointer to the chain's tail.
  for (let k = count - 1; k >= 0; k--) {
    const p = byGroup[k]!;
    const h = hashByGroup[k]!;
    const tag = h & 0xff;
    let s = slotOf(h);
    for (;;) {
      const v = slots[s]!;
      if (v < 0) {
        slots[s] = p * 256 + tag;
        break;
      }
      if (v % 256 === tag && idAt(positionIn(v)) === idAt(p)) {
        (chains ??= heapNumbers(count, -1))[p] = positionIn(v);
        slots[s] = p * 256 + tag;
        break;
      }
      s = s + 1 === size ? 0 : s + 1;
    }
  }
  // The first position of the id at each position, needed only when some id repeats (otherwise it is the position itself).
  let head: Int32Array | undefined;
  if (chains !== undefined) {
    head = new Int32Array(count);
    for (let s = 0; s < size; s++) {
      if (slots[s]! < 0) continue;
      const at = positionIn(slots[s]!);
      for (let p = at; p >= 0; p = chains[p]!) head[p] = at;
    }
  }
  const first = (id: string): number => {
    const h = hashId(id);
    const tag = h & 0xff;
    let s = slotOf(h);
    for (;;) {
      const v = slots[s]!;
      if (v < 0) return -1;
      if (v % 256 === tag && idAt(positionIn(v)) === id) return positionIn(v);
      s = s + 1 === size ? 0 : s + 1;
    }
  };
  const next = chains !== undefined ? (p: number): number => chains[p]! : (): number => -1;
  return {
    first,
    firstNear: (id, guess) => (guess >= 0 && guess < count && idAt(guess) === id ? (head !== undefined ? head[guess]! : guess) : first(id)),
    next,
  };
}
