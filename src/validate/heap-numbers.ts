/**
 * Large scratch lists of numbers for the validator, kept in the JavaScript heap. Private to the
 * validator.
 *
 * Why not typed arrays: their memory lives outside the heap, and V8 answers each 64 MB of new
 * outside memory by marking the whole heap. With a programme of a million visits loaded, that heap
 * is about a gigabyte, and one such marking costs about a second: more than all the rules' checks
 * together. A list of numbers in the heap counts against the heap's own, much larger, growth
 * limit instead. Lists of a byte per record (a megabyte at a million) stay typed arrays.
 */

/** `count` copies of `value`: whole numbers (-1, 0) give a list of small integers, NaN a list of doubles. */
export function heapNumbers(count: number, value: number): number[] {
  // A one-element list of `value` has the right kind of elements (small integers or doubles) from
  // the start; setting its length allocates one block of `count`, which `fill` writes. At a million
  // elements this took 5 to 8 ms where `new Array(count).fill(value)` took 7 to 19 ms (Node 20).
  if (count === 0) return [];
  const list = [value];
  list.length = count;
  return list.fill(value);
}
