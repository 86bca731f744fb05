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
  return new Array<number>(count).fill(value);
}
