/**
 * Large lists of numbers held in the JavaScript heap rather than in typed arrays, for the sampler
 * and the validator. Private to the package.
 *
 * The engine (V8) counts the memory of typed arrays as external memory, and starts marking the
 * whole heap each time about 64 MB of it has been allocated since the last full collection. A typed
 * array that lives through a draw of a million families (or a validation of a million visits) is
 * promoted before it dies, so its memory is given back only by that full collection: a draw that
 * allocated more than 64 MB of typed arrays (the balancing columns alone are 48 MB at a million
 * families) set one off every time, and with a caller's million row objects in the heap each costs
 * 0.25 to 0.35 s of marking (about 0.6 s for a programme of a million visits). Lists in the heap
 * count against the heap's own growth limit instead, which leaves room for several calls. The same
 * numbers are stored and read, so nothing computed from them changes. Lists of a byte per record (a
 * megabyte at a million) stay typed arrays.
 *
 * A list starts as one element of the right kind and is then lengthened: the engine allocates its
 * store once. (`new Array(length)` would first allocate a store of `length` empty slots, and storing
 * the first number would copy it into a second one: twice the time and as much garbage.)
 */

/**
 * Longest list kept in the heap: V8 keeps lists lengthened this way in flat storage up to 32 Mi
 * elements; above that callers use a typed array.
 */
const HEAP_LIST_MAX = 30_000_000;

/** A list of `length` doubles in the heap, its entries unset: every entry must be written before it is read. */
function heapDoubles(length: number): number[] {
  if (length === 0) return [];
  const out = [0.5]; // from here on the list stores doubles unboxed
  out.length = length;
  return out;
}

/** A list of `length` small integers (list positions) in the heap, its entries unset: every entry must be written before it is read. */
function heapIntegers(length: number): number[] {
  if (length === 0) return [];
  const out = [0]; // from here on the list stores small integers unboxed
  out.length = length;
  return out;
}

/** `count` copies of `value`: whole numbers (-1, 0) give a list of small integers, NaN or Infinity a list of doubles. */
export function heapNumbers(count: number, value: number): number[] {
  // A one-element list of `value` has the right kind of elements from the start; setting its length
  // allocates one block of `count`, which `fill` writes. At a million elements this took 5 to 8 ms
  // where `new Array(count).fill(value)` took 7 to 19 ms (Node 20).
  if (count === 0) return [];
  const list = [value];
  list.length = count;
  return list.fill(value);
}

/** Numbers such as the units' inclusion probabilities: a list in the heap, or a typed array (a frame too long for a list, or a caller's own). */
export type Doubles = number[] | Float64Array;

/** Positions (of rows, families, ...) in a frame: a list in the heap for a small frame, a typed array for a large one. */
export type Positions = number[] | Int32Array;

/** Room for `length` doubles, entries unset: a heap list, or a typed array past {@link HEAP_LIST_MAX}. */
export function doubleList(length: number): Doubles {
  return length <= HEAP_LIST_MAX ? heapDoubles(length) : new Float64Array(length);
}

/** Room for `length` small integers, entries unset: a heap list, or a typed array past {@link HEAP_LIST_MAX}. */
export function integerList(length: number): Positions {
  return length <= HEAP_LIST_MAX ? heapIntegers(length) : new Int32Array(length);
}

/**
 * Frames up to this many rows keep their positions in heap lists. A frame this small (a school, as
 * the validator checks 400 of them in turn) is indexed in a millisecond: its lists are ordinary
 * young objects, gone at the next minor collection, where typed arrays would each add to the
 * outside memory (tens of megabytes per validation) that sets off full collections. A large frame's
 * positions are typed arrays, quicker to allocate at a million entries and half the size.
 */
const SMALL_FRAME = 8192;

/** Room for `length` positions, entries unset (written before they are read). */
export function positions(length: number): Positions {
  return length <= SMALL_FRAME ? heapIntegers(length) : new Int32Array(length);
}

/**
 * `length` ones (as many students in each of `length` families of one student): a list in the heap
 * for a small frame, bytes for a large one (a megabyte at a million, where positions are 4 MB of
 * outside memory).
 */
export function ones(length: number): Positions | Uint8Array {
  return length <= SMALL_FRAME ? heapNumbers(length, 1) : new Uint8Array(length).fill(1);
}

/**
 * Positions holding the entries of `list`, a plain list of numbers the caller owns and gives up:
 * `list` itself where positions of its length are lists in the heap, else a typed copy.
 */
export function positionsOf(list: number[]): Positions {
  if (list.length <= SMALL_FRAME) return list;
  const out = new Int32Array(list.length);
  for (let i = 0; i < list.length; i++) out[i] = list[i]!;
  return out;
}

/**
 * The first `length` entries of `list`, which the caller owns: a typed array's view, or the list
 * itself shortened in place (no copy).
 */
export function shortened(list: Positions, length: number): Positions {
  if (list instanceof Int32Array) return list.subarray(0, length);
  list.length = length;
  return list;
}

/** The first `length` entries of `list`: a view of a typed array, a copy of a (small) list. */
export function leading(list: Positions, length: number): Positions {
  return list instanceof Int32Array ? list.subarray(0, length) : list.slice(0, length);
}

/** The entries of `list` as a list in the heap: `list` itself when it is one, else a copy. */
export function heapList(list: Positions): number[] {
  if (Array.isArray(list)) return list;
  const out = heapIntegers(list.length);
  for (let i = 0; i < list.length; i++) out[i] = list[i]!;
  return out;
}
