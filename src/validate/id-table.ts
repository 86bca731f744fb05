/**
 * A read-only index of text ids to positions in a list, for the lookups the validator repeats a
 * million times (a visit's family, a visit's reflections). An open-addressing hash table over typed
 * arrays: built several times faster than a `Map` of as many strings and with far less garbage,
 * which matters at a million records. Private to the validator.
 */

/** FNV-1a over UTF-16 code units (Fowler, Noll and Vo); only spreads ids over slots, so any hash would do. */
function hashId(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return h | 0; // a 32-bit integer, as the table stores it (the empty id never reaches Math.imul)
}

/**
 * Positions of ids in a list: `first(id)` is the first position holding `id` (or -1), and
 * `next[p]` the following position holding the same id (or -1), so repeats are kept in list order.
 * `firstNear(id, guess)` gives the same answer, cheaply when the id is at position `guess`: records
 * that refer to each other usually come in the same order (a visit's reflection after the previous
 * visit's), and checking that guess avoids a probe into a table of a million ids.
 */
export interface IdTable {
  first(id: string): number;
  firstNear(id: string, guess: number): number;
  readonly next: Int32Array;
}

/** Indexes `count` ids, the id at position `p` being `idAt(p)` (asked again on lookups: no copy of the ids is kept). */
export function buildIdTable(count: number, idAt: (position: number) => string): IdTable {
  let size = 16;
  while (size < count * 2) size *= 2;
  const mask = size - 1;
  // Each slot holds the first position of one id (or -1); `last` the latest position of that id, to chain repeats.
  const slots = new Int32Array(size).fill(-1);
  // The hash of each slot's id, so a probe compares numbers before it reads a string.
  const hashes = new Int32Array(size);
  // The first position of the id at each position.
  const head = new Int32Array(count);
  const next = new Int32Array(count).fill(-1);
  const last = new Int32Array(count);
  for (let p = 0; p < count; p++) {
    const id = idAt(p);
    const h = hashId(id);
    let s = h & mask;
    for (;;) {
      const q = slots[s]!;
      if (q < 0) {
        slots[s] = p;
        hashes[s] = h;
        last[p] = p;
        head[p] = p;
        break;
      }
      if (hashes[s] === h && idAt(q) === id) {
        next[last[q]!] = p;
        last[q] = p;
        head[p] = q;
        break;
      }
      s = (s + 1) & mask;
    }
  }
  const first = (id: string): number => {
    const h = hashId(id);
    let s = h & mask;
    for (;;) {
      const q = slots[s]!;
      if (q < 0 || (hashes[s] === h && idAt(q) === id)) return q;
      s = (s + 1) & mask;
    }
  };
  return {
    first,
    firstNear: (id, guess) => (guess >= 0 && guess < count && idAt(guess) === id ? head[guess]! : first(id)),
    next,
  };
}
